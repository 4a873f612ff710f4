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
    ) throws -> DecodedImage {
        var image = Image()
        let report = try decode(bytes, into: &image, options: options, source: source)
        return DecodedImage(
            image: image, info: report.info, scale: report.scale, orientationApplied: report.orientationApplied,
            pixelProfile: report.pixelProfile)
    }

    /// Decodes into `image`, reusing its memory when it holds the only reference and is large
    /// enough (see `Image.overwrite(width:height:isOpaque:with:)`): a warm buffer costs no
    /// allocation and no page faults. Turning a rotated picture upright allocates the turned copy.
    /// On failure `image` is left empty.
    public static func decode(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, options: DecodeOptions = .default,
        source: String = "buffer"
    ) throws -> DecodeReport {
        do {
            return try decodeStored(bytes, into: &image, options: options, source: source)
        } catch {
            image = Image()
            throw error
        }
    }

    /// The samples of a picture that stores a single gray channel — a PNG of 8 bits or fewer
    /// without transparency, the usual form of a matte or a mask — as stored, with no color
    /// conversion and no orientation applied; nil for every other picture (decode it as RGBA).
    /// Allocates `width × height` bytes: a quarter of a decode to RGBA.
    public static func decodeGray(
        _ bytes: UnsafeRawBufferPointer, limits: DecodeLimits = .default, source: String = "buffer"
    ) throws -> Mask? {
        guard try sniff(bytes, source: source) == .png else { return nil }
        return try PNGCodec.decodeGray(bytes, source: source, limits: limits)
    }

    private static func decodeStored(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, options: DecodeOptions, source: String
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
        case .gif: stored = try GIFCodec.decode(bytes, into: &image, source: source, options: options)
        case .ico: stored = try ICOCodec.decode(bytes, into: &image, source: source, options: options)
        case .tiff: stored = try TIFFCodec.decode(bytes, into: &image, source: source, options: options)
        case .heic, .avif: stored = try HEIFCodec.decode(bytes, format: format, into: &image, source: source, options: options)
        }
        let pixelProfile = try convertColors(&image, stored: stored, options: options, source: source)
        let apply = options.applyOrientation && stored.info.orientation != .up
        if apply { image = image.applyingOrientation(stored.info.orientation) }
        return DecodeReport(info: stored.info, scale: stored.scale, orientationApplied: apply, pixelProfile: pixelProfile)
    }

    /// Decodes `bytes` into `image`, reusing its memory when it is large enough (what a batch does for picture after
    /// picture); `source` names the input in errors. Returns what was decoded.
    public static func decode(
        _ bytes: [UInt8], into image: inout Image, options: DecodeOptions = .default, source: String = "buffer"
    ) throws -> DecodeReport {
        try bytes.withBytes { raw in try decode(raw, into: &image, options: options, source: source) }
    }

    /// Decodes `bytes`, its format sniffed from the content; `source` names the input in errors.
    public static func decode(
        _ bytes: [UInt8], options: DecodeOptions = .default, source: String = "buffer"
    ) throws -> DecodedImage {
        try bytes.withBytes { raw in try decode(raw, options: options, source: source) }
    }

    /// Reads and decodes a file; errors name its path. See ``decode(fileDescriptor:source:options:)``.
    public static func decode(file path: String, options: DecodeOptions = .default) throws -> DecodedImage {
        try InputBytes.withOpenFile(path) { fd in try decode(fileDescriptor: fd, source: path, options: options) }
    }

    /// Reads an open file or stream (standard input, a pipe) to its end and decodes it. The first
    /// 64 KiB are sniffed before the rest is read, so content that is no picture is refused at
    /// once whatever its size; no more than ``DecodeLimits/maxInputBytes`` are read. `source`
    /// names the input in errors. The descriptor is not closed.
    public static func decode(fileDescriptor fd: Int32, source: String, options: DecodeOptions = .default) throws -> DecodedImage {
        let input = try read(fileDescriptor: fd, source: source, limits: options.limits)
        return try input.withUnsafeBytes { raw in try decode(raw, options: options, source: source) }
    }

    /// A file's bytes, read as ``read(fileDescriptor:source:limits:)`` reads them.
    public static func read(file path: String, limits: DecodeLimits = .default) throws -> InputBytes {
        try InputBytes.withOpenFile(path) { fd in try read(fileDescriptor: fd, source: path, limits: limits) }
    }

    /// An encoded picture's bytes, read as ``decode(fileDescriptor:source:options:)`` reads them:
    /// sniffed from the first 64 KiB, then read to the end within ``DecodeLimits/maxInputBytes``.
    public static func read(fileDescriptor fd: Int32, source: String, limits: DecodeLimits = .default) throws -> InputBytes {
        let input = try InputBytes(fileDescriptor: fd, source: source)
        try input.fill(from: fd, upTo: 64 << 10)
        _ = try input.withUnsafeBytes { raw in try sniff(raw, source: source) }
        try input.readToEnd(from: fd, limit: limits.maxInputBytes)
        return input
    }

    /// What the header says, without decoding pixels. `limits` bound the header (a PNG chunk
    /// before the image data may hold at most ``DecodeLimits/maxHeaderBytes``).
    public static func info(_ bytes: UnsafeRawBufferPointer, source: String = "buffer", limits: DecodeLimits = .default) throws -> ImageInfo
    {
        switch try sniff(bytes, source: source) {
        case .jpeg: return try JPEGCodec.info(bytes, source: source)
        case .png: return try PNGCodec.info(bytes, source: source, limits: limits)
        case .webp: return try WebPCodec.info(bytes, source: source)
        case .bmp: return try BMPCodec.info(bytes, source: source)
        case .gif: return try GIFCodec.info(bytes, source: source)
        case .ico: return try ICOCodec.info(bytes, source: source)
        case .tiff: return try TIFFCodec.info(bytes, source: source, limits: limits)
        case .heic: return try HEIFCodec.info(bytes, format: .heic, source: source)
        case .avif: return try HEIFCodec.info(bytes, format: .avif, source: source)
        }
    }

    /// The header of the picture in `bytes`, without decoding its pixels; `source` names the input in errors.
    public static func info(_ bytes: [UInt8], source: String = "buffer", limits: DecodeLimits = .default) throws -> ImageInfo {
        try bytes.withBytes { raw in try info(raw, source: source, limits: limits) }
    }

    /// Reads a file's header (see ``info(fileDescriptor:source:limits:)``).
    public static func info(file path: String, limits: DecodeLimits = .default) throws -> ImageInfo {
        try InputBytes.withOpenFile(path) { fd in try info(fileDescriptor: fd, source: path, limits: limits) }
    }

    /// Reads only as much of a file or stream as its header needs: the first 256 KiB, and more
    /// (four times as much each time) only while the header runs on past what was read, up to
    /// ``DecodeLimits/maxHeaderBytes``. A big photo costs no full read and no decode; a stream is
    /// left unread past the header. The descriptor is not closed.
    public static func info(fileDescriptor fd: Int32, source: String, limits: DecodeLimits = .default) throws -> ImageInfo {
        try info(InputBytes(fileDescriptor: fd, source: source), continuingFrom: fd, limits: limits)
    }

    /// The header of `input`, whose first bytes may have been read already (to tell a picture
    /// from something else); more is read from `fd` as ``info(fileDescriptor:source:limits:)`` does.
    public static func info(_ input: InputBytes, continuingFrom fd: Int32, limits: DecodeLimits = .default) throws -> ImageInfo {
        let source = input.source
        var wanted = max(min(256 << 10, limits.maxHeaderBytes), input.count)
        try input.fill(from: fd, upTo: wanted)
        // A TIFF's directory, or a HEIF's `meta` box, may come after the pixels (libtiff and
        // libvips write the directory last): those files are read whole, within the input limit.
        if let format = input.withUnsafeBytes({ ImageFormat.sniff($0) }), format.headerMayFollowPixels {
            try input.readToEnd(from: fd, limit: limits.maxInputBytes)
            return try input.withUnsafeBytes { raw in try info(raw, source: source, limits: limits) }
        }
        while true {
            try input.fill(from: fd, upTo: wanted)
            do {
                return try input.withUnsafeBytes { raw in try info(raw, source: source, limits: limits) }
            } catch {
                guard case .truncated? = error as? CodecError, !input.reachedEnd else { throw error }
                guard wanted < limits.maxHeaderBytes else {
                    throw CodecError.overLimit(
                        source: source, what: "its header runs on past the first \(wanted) bytes",
                        limit: "at most \(limits.maxHeaderBytes) bytes of header")
                }
                wanted = min(wanted * 4, limits.maxHeaderBytes)
            }
        }
    }

    private static func sniff(_ bytes: UnsafeRawBufferPointer, source: String) throws(CodecError) -> ImageFormat {
        guard !bytes.isEmpty else { throw CodecError.empty(source: source) }
        guard let format = ImageFormat.sniff(bytes) else {
            throw CodecError.unsupportedFormat(source: source, detail: ImageFormat.describeUnknown(bytes))
        }
        return format
    }

    /// The orientation tag alone, read cheaply before decoding (to orient the target size).
    private static func orientation(_ bytes: UnsafeRawBufferPointer, format: ImageFormat, source: String) throws(CodecError) -> Orientation
    {
        switch format {
        case .jpeg:
            return JPEGMarkers(bytes).exif.flatMap { EXIF.orientation(tiff: UnsafeRawBufferPointer(rebasing: bytes[$0])) } ?? .up
        case .webp:
            return WebPContainer(bytes).exif.flatMap { EXIF.orientation(block: UnsafeRawBufferPointer(rebasing: bytes[$0])) } ?? .up
        case .png, .bmp, .gif, .ico, .heic, .avif:
            return .up
        case .tiff:
            return (try? TIFFCodec.info(bytes, source: source, limits: .default))?.orientation ?? .up
        }
    }

    /// Every frame of an animated GIF or WebP, each composited as it is shown, with its
    /// duration; any other picture gives one frame (duration 0). Frames are full canvases, so
    /// their memory (canvas × frames) is checked against `options.limits` before any is decoded.
    /// `targetSize` is not used; the orientation is applied to each frame as `decode` applies
    /// it. Throws ``CodecError``.
    public static func frames(_ bytes: [UInt8], options: DecodeOptions = .default, source: String = "buffer") throws -> [AnimationFrame] {
        try bytes.withBytes { raw in try frames(raw, options: options, source: source) }
    }

    /// Reads a file and returns its frames (see ``frames(_:options:source:)``); errors name its path.
    public static func frames(file path: String, options: DecodeOptions = .default) throws -> [AnimationFrame] {
        let input = try read(file: path, limits: options.limits)
        return try input.withUnsafeBytes { raw in try frames(raw, options: options, source: path) }
    }

    private static func frames(
        _ bytes: UnsafeRawBufferPointer, options: DecodeOptions, source: String
    ) throws(CodecError)
        -> [AnimationFrame]
    {
        let format = try sniff(bytes, source: source)
        let still = { () throws(CodecError) -> [AnimationFrame] in
            var image = Image()
            _ = try decodeStored(bytes, into: &image, options: options, source: source)
            return [AnimationFrame(image: image, duration: 0)]
        }
        var frames: [AnimationFrame]
        switch format {
        case .gif:
            frames = try GIFCodec.frames(bytes, source: source, limits: options.limits)
        case .webp where try WebPCodec.info(bytes, source: source).isAnimated:
            frames = try WebPCodec.frames(bytes, source: source, limits: options.limits)
        default:
            return try still()
        }
        let turn = try orientation(bytes, format: format, source: source)
        if options.applyOrientation, turn != .up {
            for k in frames.indices { frames[k].image = frames[k].image.applyingOrientation(turn) }
        }
        return frames
    }
}
