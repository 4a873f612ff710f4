import CJPEGCompress

/// JPEG encoding through libjpeg's own API (`Sources/CJPEGCompress`), for optimized Huffman
/// tables, which TurboJPEG 2.1 takes only from an environment variable (process-wide state).
/// With `optimizeCoding` off the bytes are TurboJPEG's own; on, the same pixels in fewer bytes.
enum LibJPEGCompress {
    static func compress(
        _ pixels: UnsafeRawBufferPointer, width: Int, height: Int, pitch: Int, components: Int, options: JPEGOptions
    ) throws(CodecError) -> [UInt8] {
        let subsampling: Int32
        switch options.subsampling {
        case .s444: subsampling = 0
        case .s422: subsampling = 1
        case .s420: subsampling = 2
        case .gray: subsampling = 3
        }
        var output: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = limn_jpeg_compress(
            pixels.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(width), Int32(height), Int32(pitch), Int32(components),
            Int32(options.quality), subsampling, options.optimizeCoding ? 1 : 0, options.progressive ? 1 : 0, &output, &size,
            &message, message.count)
        defer { limn_jpeg_free(output) }
        guard status == 0, let output else {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw CodecError.cannotEncode(format: .jpeg, reason: reason.isEmpty ? "libjpeg gave no reason" : reason)
        }
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }
}
