import CHeif
import LimnRaster

/// HEIC and AVIF through libheif: the primary image, its alpha plane, the file's rotations and
/// mirrors applied (HEIF carries them in `irot`/`imir`; an EXIF orientation inside is ignored,
/// as the format requires), 10- and 12-bit samples reduced to 8 bits. Decoding HEVC needs
/// libde265 and AV1 dav1d or aom, which Debian's libheif brings.
enum HEIFCodec {
    private static func open(_ bytes: UnsafeRawBufferPointer, format: ImageFormat, source: String) throws(CodecError) -> LibHeif.Reader {
        do throws(LibHeif.Failure) { return try LibHeif.Reader(bytes) } catch { throw classify(error, format: format, source: source) }
    }

    static func info(_ bytes: UnsafeRawBufferPointer, format: ImageFormat, source: String) throws(CodecError) -> ImageInfo {
        let heif = try open(bytes, format: format, source: source)
        guard heif.width > 0, heif.height > 0 else {
            throw CodecError.corrupt(source: source, format: format, message: "the primary image is \(heif.width)x\(heif.height)")
        }
        return makeInfo(heif, format: format)
    }

    private static func makeInfo(_ heif: LibHeif.Reader, format: ImageFormat) -> ImageInfo {
        var info = ImageInfo(
            format: format, width: heif.width, height: heif.height, hasAlpha: heif.hasAlpha,
            pageCount: heif.imageCount > 1 ? heif.imageCount : nil, bitDepth: heif.bitDepth ?? 8, colorModel: .ycbcr)
        info.iccProfile = heif.iccProfile
        // The nclx code points matter when there is no ICC profile; sRGB's are not reported.
        if info.iccProfile == nil, let codes = heif.codePoints, !(codes.primaries == 1 && codes.transfer == 13),
            !(codes.primaries == 2 && codes.transfer == 2)
        {
            info.declaredColorSpace = .codePoints(primaries: codes.primaries, transfer: codes.transfer)
        }
        info.exif = heif.exif
        info.xmp = heif.xmp
        return info
    }

    static func decode(
        _ bytes: UnsafeRawBufferPointer, format: ImageFormat, into image: inout Image, source: String, options: DecodeOptions
    ) throws(CodecError) -> StoredDecode {
        let heif = try open(bytes, format: format, source: source)
        guard heif.width > 0, heif.height > 0 else {
            throw CodecError.corrupt(source: source, format: format, message: "the primary image is \(heif.width)x\(heif.height)")
        }
        try options.limits.check(width: heif.width, height: heif.height, format: format, source: source)
        do throws(LibHeif.Failure) {
            try image.overwrite(width: heif.width, height: heif.height, isOpaque: !heif.hasAlpha) { (buffer) throws(LibHeif.Failure) in
                try heif.decode(into: buffer)
            }
        } catch {
            image = Image()
            throw classify(error, format: format, source: source)
        }
        if heif.hasAlpha {
            if heif.premultipliedAlpha { image.unpremultiply() }
            image.recomputeOpacity()
        }
        return StoredDecode(info: makeInfo(heif, format: format), scale: .one)
    }

    /// AVIF through libheif's AV1 encoder (see ``AVIFOptions``); `metadata` as ``OutputMetadata`` says.
    static func encodeAVIF(_ image: Image, options: AVIFOptions, metadata: OutputMetadata) throws(CodecError) -> [UInt8] {
        guard (0...100).contains(options.quality) else {
            throw CodecError.cannotEncode(format: .avif, reason: "quality \(options.quality) is outside 0...100")
        }
        guard (0...9).contains(options.speed) else {
            throw CodecError.cannotEncode(format: .avif, reason: "speed \(options.speed) is outside 0...9")
        }
        // AV1 frames are at most 65536 on a side; libheif grids beyond are not written here.
        guard !image.size.isEmpty, image.width <= 65536, image.height <= 65536 else {
            throw CodecError.cannotEncode(format: .avif, reason: "an AVIF is 1 to 65536 pixels on each side, this image is \(image.size)")
        }
        do {
            return try image.withUnsafeBytes { (pixels) throws(LibHeif.Failure) in
                try LibHeif.encodeAVIF(
                    pixels, width: image.width, height: image.height, hasAlpha: !image.isOpaque, quality: options.quality,
                    speed: options.speed, lossless: options.lossless, chroma: options.subsampling.rawValue,
                    iccProfile: metadata.iccProfile, exif: metadata.exifToWrite, xmp: metadata.xmp)
            }
        } catch {
            throw CodecError.cannotEncode(format: .avif, reason: error.message)
        }
    }

    private static func classify(_ error: LibHeif.Failure, format: ImageFormat, source: String) -> CodecError {
        if error.isTruncation { return .truncated(source: source, format: format, detail: error.message) }
        if error.code == heif_error_Unsupported_feature || error.code == heif_error_Unsupported_filetype {
            return .unsupportedVariant(source: source, format: format, detail: error.message)
        }
        return .corrupt(source: source, format: format, message: error.message)
    }
}
