import LimnRaster

/// PNG read by ``PNGFastDecode`` (8-bit gray, RGB, RGBA) or libpng's simplified API (every
/// other color type and bit depth, and every error; 8-bit RGBA out), and written by ``PNGEncoder``.
enum PNGCodec {
    static func info(_ bytes: UnsafeRawBufferPointer, source: String, limits: DecodeLimits = .default) throws(CodecError) -> ImageInfo {
        try PNGChunks.check(bytes, source: source, limits: limits, headerOnly: true)
        let header = try reader(bytes, source: source).header
        return makeInfo(header, PNGMetadata(bytes, limit: limits.maxHeaderBytes, headerOnly: true))
    }

    private static func makeInfo(_ header: LibPNG.Header, _ metadata: PNGMetadata) -> ImageInfo {
        var info = ImageInfo(
            format: .png, width: header.width, height: header.height, hasAlpha: header.hasAlpha,
            bitDepth: metadata.bitDepth, colorModel: metadata.colorModel)
        info.iccProfile = metadata.iccProfile
        info.declaredColorSpace = metadata.declaredColorSpace
        info.exif = metadata.exif
        info.xmp = metadata.xmp
        return info
    }

    /// Palette, gray and 16-bit files come out as 8-bit RGBA (16-bit samples are reduced by libpng,
    /// as sRGB: see ``PNG16Bit``);
    /// `tRNS` becomes alpha. Results without transparency are marked opaque.
    static func decode(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, source: String, options: DecodeOptions
    ) throws(CodecError) -> StoredDecode {
        try PNGChunks.check(bytes, source: source, limits: options.limits, headerOnly: false)
        let metadata = PNGMetadata(bytes, limit: options.limits.maxHeaderBytes, headerOnly: false)
        if metadata.brokenProfile && !options.tolerateDamage {
            throw CodecError.corrupt(source: source, format: .png, message: "its iCCP chunk does not inflate to a profile")
        }
        var stored: StoredDecode
        if let copy = metadata.neutralizedGamma(bytes) {
            stored = try copy.withBytes { (raw) throws(CodecError) in try decodePlanned(raw, into: &image, source: source, options: options)
            }
        } else {
            stored = try decodePlanned(bytes, into: &image, source: source, options: options)
        }
        let header = LibPNG.Header(
            width: stored.info.width, height: stored.info.height, format: stored.info.hasAlpha ? LibPNG.formatRGBA : 0)
        stored.info = makeInfo(header, metadata)
        return stored
    }

    private static func decodePlanned(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, source: String, options: DecodeOptions
    ) throws(CodecError) -> StoredDecode {
        switch PNG16Bit.plan(bytes) {
        case .asIs:
            // The common 8-bit files without libpng; libpng for the rest, and for every error.
            if !options.tolerateDamage, let stored = PNGFastDecode.decode(bytes, into: &image, limits: options.limits) {
                return stored
            }
            return try decodeAsIs(bytes, into: &image, source: source, options: options, sixteenBit: false)
        case .declaredGamma(let copy):
            return try copy.withBytes { (raw) throws(CodecError) in
                try decodeAsIs(raw, into: &image, source: source, options: options, sixteenBit: false)
            }
        case .sixteenBit(let copy):
            return try copy.withBytes { (raw) throws(CodecError) in
                try decodeAsIs(raw, into: &image, source: source, options: options, sixteenBit: true)
            }
        }
    }

    private static func decodeAsIs(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, source: String, options: DecodeOptions, sixteenBit: Bool
    ) throws(CodecError) -> StoredDecode {
        let png = try reader(bytes, source: source)
        let header = png.header
        // A 16-bit file is read into a plane of 8 bytes a pixel before it is reduced: counted too.
        try options.limits.check(
            width: header.width, height: header.height, format: .png, source: source,
            bytesPerPixel: sixteenBit ? 4 + 8 : 4)
        try image.overwrite(width: header.width, height: header.height, isOpaque: !header.hasAlpha) {
            (buffer) throws(CodecError) in
            do throws(LibPNG.Failure) {
                if sixteenBit {
                    var wide = [UInt16](repeating: 0, count: header.width * header.height * 4)
                    try wide.withMutableBytes { (raw) throws(LibPNG.Failure) in try png.finish(into: raw, linear: true) }
                    wide.withUnsafeBufferPointer { PNG16Bit.reduce($0, into: buffer, hasAlpha: header.hasAlpha) }
                } else {
                    try png.finish(into: buffer, linear: false)
                }
            } catch {
                throw classify(error, bytes: bytes, source: source)
            }
        }
        if header.hasAlpha { image.recomputeOpacity() }
        let info = ImageInfo(format: .png, width: header.width, height: header.height, hasAlpha: header.hasAlpha)
        return StoredDecode(info: info, scale: .one)
    }

    /// The samples of a file that stores one gray channel of at most 8 bits and no transparency,
    /// as stored (no color conversion; a lone `gAMA` is ignored, as ``decode(_:into:source:options:)``
    /// ignores it); nil for every other file. Allocates `width × height` bytes.
    static func decodeGray(_ bytes: UnsafeRawBufferPointer, source: String, limits: DecodeLimits) throws(CodecError) -> Mask? {
        try PNGChunks.check(bytes, source: source, limits: limits, headerOnly: false)
        let metadata = PNGMetadata(bytes, limit: limits.maxHeaderBytes, headerOnly: false)
        guard metadata.colorModel == .gray, metadata.bitDepth <= 8 else { return nil }
        if let copy = metadata.neutralizedGamma(bytes) {
            return try copy.withBytes { (raw) throws(CodecError) in try decodeGrayAsIs(raw, source: source, limits: limits) }
        }
        return try decodeGrayAsIs(bytes, source: source, limits: limits)
    }

    private static func decodeGrayAsIs(_ bytes: UnsafeRawBufferPointer, source: String, limits: DecodeLimits) throws(CodecError) -> Mask? {
        if let mask = PNGFastDecode.decodeGray(bytes, limits: limits) { return mask }
        let png = try reader(bytes, source: source)
        // A tRNS chunk gives the gray file an alpha channel: the caller reads it as RGBA.
        guard png.header.format == 0 else { return nil }
        try limits.check(width: png.header.width, height: png.header.height, format: .png, source: source, bytesPerPixel: 1)
        do {
            return try Mask(width: png.header.width, height: png.header.height) { (buffer) throws(LibPNG.Failure) in
                try png.finishGray(into: buffer)
            }
        } catch {
            throw classify(error, bytes: bytes, source: source)
        }
    }

    private static func reader(_ bytes: UnsafeRawBufferPointer, source: String) throws(CodecError) -> LibPNG.Reader {
        do { return try LibPNG.Reader(bytes) } catch { throw classify(error, bytes: bytes, source: source) }
    }

    /// Opaque images are written as RGB (a quarter less data to compress), others as RGBA.
    static func encode(_ image: Image, options: PNGOptions) throws(CodecError) -> [UInt8] {
        try checkEncodable(image.size)
        if options.palette, let indexed = try PNGEncoder.encodeIndexed(image, effort: PNGEncoder.effort(options.compression)) {
            return indexed
        }
        return try image.withUnsafeBytes { (raw) throws(CodecError) in
            try PNGEncoder.encode(
                raw, width: image.width, height: image.height, stride: 4, channels: image.isOpaque ? 3 : 4,
                effort: PNGEncoder.effort(options.compression))
        }
    }

    /// A mask as an 8-bit grayscale PNG.
    static func encode(_ mask: Mask, options: PNGOptions) throws(CodecError) -> [UInt8] {
        try checkEncodable(mask.size)
        return try mask.withUnsafeBytes { (raw) throws(CodecError) in
            try PNGEncoder.encode(
                raw, width: mask.width, height: mask.height, stride: 1, channels: 1, effort: PNGEncoder.effort(options.compression))
        }
    }

    private static func checkEncodable(_ size: Size) throws(CodecError) {
        guard !size.isEmpty, size.width <= 1_000_000, size.height <= 1_000_000 else {
            throw CodecError.cannotEncode(
                format: .png, reason: "Limn writes PNGs of 1 to 1000000 pixels on each side, this image is \(size)")
        }
    }

    /// libpng's message, sorted into truncated or corrupt. A file cut short shows up as
    /// libpng reading past the end of the memory it was given.
    private static func classify(_ failure: LibPNG.Failure, bytes: UnsafeRawBufferPointer, source: String) -> CodecError {
        let m = failure.message
        let endings = [
            "read beyond end", "Not enough image data", "unexpected end", "out of data",
            "Read Error", "truncated", "EOF",
        ]
        if endings.contains(where: { m.lowercased().contains($0.lowercased()) }) || !hasIEND(bytes) && !m.contains("CRC") {
            return .truncated(source: source, format: .png, detail: m)
        }
        return .corrupt(source: source, format: .png, message: m)
    }

    /// True when the last 12 bytes are an `IEND` chunk.
    private static func hasIEND(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 12 else { return false }
        let tail = Array(bytes[(bytes.count - 8)..<(bytes.count - 4)])
        return tail == Array("IEND".utf8)
    }
}
