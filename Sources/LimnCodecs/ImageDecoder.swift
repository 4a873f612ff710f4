import LimnRaster

/// Decoding and header reading for every supported format. The format is sniffed from the
/// content, never from a file name.
///
/// Each decode allocates the result image once (plus the codec library's own working memory),
/// after checking the header against ``DecodeOptions/limits``. Deterministic: the same bytes
/// and options give the same pixels.
public enum ImageDecoder {
    /// Decodes bytes in memory. `source` names them in errors.
    public static func decode(
        _ bytes: UnsafeRawBufferPointer, options: DecodeOptions = .default, source: String = "buffer"
    ) throws(CodecError) -> DecodedImage {
        var image = Image()
        let report = try decode(bytes, into: &image, options: options, source: source)
        return DecodedImage(image: image, info: report.info, scale: report.scale, orientationApplied: report.orientationApplied)
    }

    /// Decodes into `image`, reusing its memory when it holds the only reference and is large
    /// enough (see ``Image/overwrite(width:height:isOpaque:with:)``): a warm buffer costs no
    /// allocation and no page faults. Turning a rotated picture upright allocates the turned copy.
    /// On failure `image` is left empty.
    public static func decode(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, options: DecodeOptions = .default,
        source: String = "buffer"
    ) throws(CodecError) -> DecodeReport {
        let format = try sniff(bytes, source: source)
        // The target is given upright; the codecs see stored pixels.
        var target = options.targetSize
        if let upright = target, options.applyOrientation, try orientation(bytes, format: format, source: source).swapsAxes {
            target = upright.transposed
        }
        let stored: StoredDecode
        switch format {
        case .jpeg: stored = try JPEGCodec.decode(bytes, into: &image, source: source, target: target, options: options)
        case .png: stored = try PNGCodec.decode(bytes, into: &image, source: source, options: options)
        case .webp: stored = try WebPCodec.decode(bytes, into: &image, source: source, target: target, options: options)
        case .bmp: stored = try BMPCodec.decode(bytes, into: &image, source: source, options: options)
        }
        let apply = options.applyOrientation && stored.info.orientation != .up
        if apply { image = image.applyingOrientation(stored.info.orientation) }
        return DecodeReport(info: stored.info, scale: stored.scale, orientationApplied: apply)
    }

    public static func decode(
        _ bytes: [UInt8], into image: inout Image, options: DecodeOptions = .default, source: String = "buffer"
    ) throws(CodecError) -> DecodeReport {
        try bytes.withBytes { (raw) throws(CodecError) in try decode(raw, into: &image, options: options, source: source) }
    }

    public static func decode(
        _ bytes: [UInt8], options: DecodeOptions = .default, source: String = "buffer"
    ) throws(CodecError) -> DecodedImage {
        try bytes.withBytes { (raw) throws(CodecError) in try decode(raw, options: options, source: source) }
    }

    /// Reads and decodes a file; errors name its path.
    public static func decode(file path: String, options: DecodeOptions = .default) throws(CodecError) -> DecodedImage {
        let (bytes, _) = try FileBytes.read(path)
        return try decode(bytes, options: options, source: path)
    }

    /// What the header says, without decoding pixels.
    public static func info(_ bytes: UnsafeRawBufferPointer, source: String = "buffer") throws(CodecError) -> ImageInfo {
        switch try sniff(bytes, source: source) {
        case .jpeg: return try JPEGCodec.info(bytes, source: source)
        case .png: return try PNGCodec.info(bytes, source: source)
        case .webp: return try WebPCodec.info(bytes, source: source)
        case .bmp: return try BMPCodec.info(bytes, source: source)
        }
    }

    public static func info(_ bytes: [UInt8], source: String = "buffer") throws(CodecError) -> ImageInfo {
        try bytes.withBytes { (raw) throws(CodecError) in try info(raw, source: source) }
    }

    /// Reads a file's header. Only the first 256 KiB are read unless the headers run longer
    /// (a large EXIF or ICC block), so a big photo costs no full read and no decode.
    public static func info(file path: String) throws(CodecError) -> ImageInfo {
        let (head, complete) = try FileBytes.read(path, limit: 256 << 10)
        do {
            return try info(head, source: path)
        } catch {
            guard !complete, case .truncated = error else { throw error }
            return try info(FileBytes.read(path).bytes, source: path)
        }
    }

    private static func sniff(_ bytes: UnsafeRawBufferPointer, source: String) throws(CodecError) -> ImageFormat {
        guard !bytes.isEmpty else { throw .empty(source: source) }
        guard let format = ImageFormat.sniff(bytes) else {
            throw .unsupportedFormat(source: source, detail: ImageFormat.describeUnknown(bytes))
        }
        return format
    }

    /// The orientation tag alone, read cheaply before decoding (to orient the target size).
    private static func orientation(_ bytes: UnsafeRawBufferPointer, format: ImageFormat, source: String) throws(CodecError) -> Orientation {
        switch format {
        case .jpeg:
            return JPEGMarkers(bytes).exif.flatMap { EXIF.orientation(tiff: UnsafeRawBufferPointer(rebasing: bytes[$0])) } ?? .up
        case .webp:
            return WebPContainer(bytes).exif.flatMap { EXIF.orientation(block: UnsafeRawBufferPointer(rebasing: bytes[$0])) } ?? .up
        case .png, .bmp:
            return .up
        }
    }
}
