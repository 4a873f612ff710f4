import Limn

/// The decoders, `info`, the frame reader and the matte reader.
enum ImageTargets {
    /// Small enough that every picture these allow fits well inside the fuzzers' malloc limit
    /// (16 MiB of pixels); anything beyond must be refused from the header.
    static let limits = DecodeLimits(
        maxWidth: 4096, maxHeight: 4096, maxPixels: 4 << 20, maxBytes: 32 << 20, maxHeaderBytes: 1 << 20)

    /// The format is sniffed, as `limn` does: `info`, the decode (strict, then tolerant and at a
    /// target size), the gray decode, the frames; then what must hold between them.
    static func detected(_ bytes: UnsafeRawBufferPointer) {
        let info = try? ImageDecoder.info(bytes, source: "fuzz", limits: limits)
        if let decoded = try? ImageDecoder.decode(bytes, options: DecodeOptions(limits: limits), source: "fuzz") {
            // A picture that decodes has a header that reads, of the decoded size, upright.
            guard let info else { fatalError("decoded \(decoded.image.size) but info failed") }
            let upright = info.orientation.swapsAxes ? Size(width: info.height, height: info.width) : info.size
            guard decoded.image.size == upright else { fatalError("info \(upright) but decoded \(decoded.image.size)") }
            roundTrip(decoded.image)
        }
        _ = try? ImageDecoder.decode(
            bytes, options: DecodeOptions(targetSize: Size(width: 7, height: 5), limits: limits, tolerateDamage: true),
            source: "fuzz")
        if let gray = try? ImageDecoder.decodeGray(bytes, limits: limits, source: "fuzz"), let info {
            guard gray.size == info.size else { fatalError("info \(info.size) but gray \(gray.size)") }
        }
        if info?.format == .gif || info?.format == .webp {
            _ = try? ImageDecoder.frames(Array(bytes), options: DecodeOptions(limits: limits), source: "fuzz")
        }
    }

    /// The first byte chooses a format and its signature is written over the bytes that follow,
    /// so no mutation leaves that format's decoder.
    static func forced(_ bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first else { return }
        var body = Array(bytes.dropFirst())
        let signatures: [[UInt8?]] = [
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],  // PNG
            [0xFF, 0xD8, 0xFF],  // JPEG
            Array("RIFF".utf8) + [nil, nil, nil, nil] + Array("WEBP".utf8),
            Array("BM".utf8),
            Array("GIF8".utf8),
            [0, 0, 1, 0],  // ICO
            Array((body.first == UInt8(ascii: "M") ? "MM\0*" : "II*\0").utf8),
            [nil, nil, nil, nil] + Array("ftypheic".utf8),
            [nil, nil, nil, nil] + Array("ftypavif".utf8),
        ]
        let signature = signatures[Int(first) % signatures.count]
        if body.count < signature.count { body += [UInt8](repeating: 0, count: signature.count - body.count) }
        for (i, byte) in signature.enumerated() { if let byte { body[i] = byte } }
        body.withUnsafeBytes(detected)
    }

    /// The matte reader `limn cutout` uses (gray PNG straight into a mask, anything else decoded
    /// and its alpha or luma taken), then fitted to a picture of another size.
    static func matte(_ bytes: UnsafeRawBufferPointer) {
        guard let mask = try? Matte.read(bytes: Array(bytes), source: "fuzz", limits: limits) else { return }
        _ = try? Matte.fitted(mask, to: Size(width: mask.width + 3, height: mask.height * 2), allowStretch: true)
    }

    /// A decoded picture survives PNG encoding pixel for pixel (small pictures only: the point is
    /// the decoders' output, not the encoder's speed).
    static func roundTrip(_ image: Image) {
        guard image.width * image.height <= 1 << 16 else { return }
        do {
            let png = try ImageEncoder.encode(image, as: .png())
            let back = try ImageDecoder.decode(png, options: DecodeOptions(applyOrientation: false), source: "round trip").image
            guard back == image else { fatalError("a \(image.size) picture changed through PNG") }
        } catch {
            fatalError("a decoded \(image.size) picture failed to round-trip through PNG: \(error)")
        }
    }
}
