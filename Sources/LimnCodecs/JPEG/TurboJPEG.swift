import CJPEG

/// Every TurboJPEG (`tj*`) call Limn makes, in one place. Each wrapper owns its handle for the
/// duration of one call (TurboJPEG handles are not thread-safe) and turns failures into
/// ``TurboJPEG/Failure`` with the library's own message.
enum TurboJPEG {
    struct Failure: Error {
        var message: String
        /// True when libjpeg only warned (the output was written, possibly with gray filler).
        var isWarning: Bool
    }

    struct Header {
        var width: Int
        var height: Int
        var subsampling: Int32
        var colorspace: Int32
        var isCMYK: Bool { colorspace == Int32(TJCS_CMYK.rawValue) || colorspace == Int32(TJCS_YCCK.rawValue) }
        var isGray: Bool { colorspace == Int32(TJCS_GRAY.rawValue) }
    }

    /// A scaling factor `num / denom` that TurboJPEG's decoder supports.
    struct Scale: Equatable {
        var num: Int
        var denom: Int
        /// `ceil(dimension × num / denom)`, as TurboJPEG's `TJSCALED` computes it.
        func apply(_ dimension: Int) -> Int { (dimension * num + denom - 1) / denom }
    }

    /// One decompression handle (`tjInitDecompress`), used for a header and then the pixels of
    /// the same bytes; destroyed with the object. Not for use from several threads.
    final class Decompressor {
        private let handle: tjhandle

        init() throws(Failure) {
            guard let handle = tjInitDecompress() else { throw Failure(message: "cannot create a decoder", isWarning: false) }
            self.handle = handle
        }

        deinit { tjDestroy(handle) }

        /// Wraps `tjDecompressHeader3`.
        func header(_ jpeg: UnsafeRawBufferPointer) throws(Failure) -> Header {
            var w: Int32 = 0, h: Int32 = 0, sub: Int32 = 0, cs: Int32 = 0
            let status = tjDecompressHeader3(handle, base(jpeg), UInt(jpeg.count), &w, &h, &sub, &cs)
            if status != 0 { throw failure(handle) }
            return Header(width: Int(w), height: Int(h), subsampling: sub, colorspace: cs)
        }

        /// Wraps `tjDecompress2`: decodes into `destination` (`width × height × 4` bytes) as RGBA
        /// with alpha 255, or as CMYK when `cmyk` is true. `width`/`height` must be a scaled size.
        /// `strict` stops at the first warning; scans are limited either way (`TJFLAG_LIMITSCANS`).
        func decompress(
            _ jpeg: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer,
            width: Int, height: Int, cmyk: Bool, strict: Bool
        ) throws(Failure) {
            let format = cmyk ? TJPF_CMYK : TJPF_RGBA
            var flags = TJFLAG_LIMITSCANS
            if strict { flags |= TJFLAG_STOPONWARNING }
            let status = tjDecompress2(
                handle, base(jpeg), UInt(jpeg.count),
                destination.baseAddress?.assumingMemoryBound(to: UInt8.self),
                Int32(width), Int32(width * 4), Int32(height), Int32(format.rawValue), flags)
            if status != 0 { throw failure(handle) }
        }
    }

    /// The decoder's scaling factors no larger than 1, from `tjGetScalingFactors`, largest first.
    static let downscales: [Scale] = {
        var count: Int32 = 0
        guard let factors = tjGetScalingFactors(&count) else { return [Scale(num: 1, denom: 1)] }
        let all = (0..<Int(count)).map { Scale(num: Int(factors[$0].num), denom: Int(factors[$0].denom)) }
        return all.filter { $0.num <= $0.denom }.sorted { $0.num * $1.denom > $1.num * $0.denom }
    }()

    /// Wraps `tjCompress2`. `pixels` holds `height` rows of `pitch` bytes in `format`
    /// (`TJPF_RGBA`, `TJPF_GRAY` or `TJPF_CMYK`). Returns the JPEG bytes.
    static func compress(
        _ pixels: UnsafeRawBufferPointer, width: Int, height: Int, pitch: Int, format: TJPF,
        subsampling: TJSAMP, quality: Int, progressive: Bool
    ) throws(Failure) -> [UInt8] {
        guard let handle = tjInitCompress() else { throw Failure(message: "cannot create an encoder", isWarning: false) }
        defer { tjDestroy(handle) }
        var output: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt = 0
        defer { if let output { tjFree(output) } }
        let status = tjCompress2(
            handle, pixels.baseAddress?.assumingMemoryBound(to: UInt8.self),
            Int32(width), Int32(pitch), Int32(height), Int32(format.rawValue),
            &output, &size, Int32(subsampling.rawValue), Int32(quality),
            TJFLAG_ACCURATEDCT | (progressive ? TJFLAG_PROGRESSIVE : 0))
        if status != 0 { throw failure(handle) }
        guard let output else { throw Failure(message: "no output", isWarning: false) }
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }

    private static func base(_ buffer: UnsafeRawBufferPointer) -> UnsafePointer<UInt8>? {
        buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
    }

    /// Wraps `tjGetErrorStr2` and `tjGetErrorCode`.
    private static func failure(_ handle: tjhandle) -> Failure {
        let message = tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown error"
        return Failure(message: message, isWarning: tjGetErrorCode(handle) == Int32(TJERR_WARNING.rawValue))
    }
}
