import CTIFF
import LimnRaster

/// TIFF through libtiff's RGBA interface (`TIFFReadRGBAImageOriented`), which reads strips and
/// tiles, 1 to 16 bits, gray, RGB, palette, CMYK, YCbCr and Lab, with every compression the
/// library was built with (Debian's: LZW, Deflate, JPEG, PackBits, CCITT, LZMA, ZSTD, WebP), to
/// 8-bit RGBA. Alpha comes back associated and is made straight; unassociated alpha is
/// premultiplied by libtiff on the way, so its colors keep 8-bit premultiplied precision. The
/// orientation tag is reported, and the pixels handed on as stored, like a JPEG's EXIF
/// orientation. The page is ``DecodeOptions/page`` (the first by default).
enum TIFFCodec {
    struct Header {
        var width: Int
        var height: Int
        var orientation: Orientation
        var hasAlpha: Bool
        var pages: Int
    }

    private static func open(_ bytes: UnsafeRawBufferPointer, source: String, limits: DecodeLimits) throws(CodecError) -> LibTIFF.Reader {
        do throws(LibTIFF.Failure) {
            return try LibTIFF.Reader(bytes, maxSingleAllocation: max(limits.maxBytes, 1 << 20))
        } catch {
            throw classify(error.message, source: source)
        }
    }

    private static func header(_ tiff: LibTIFF.Reader, source: String) throws(CodecError) -> Header {
        guard let w = tiff.field32(TIFFTAG_IMAGEWIDTH), let h = tiff.field32(TIFFTAG_IMAGELENGTH), w > 0, h > 0 else {
            throw CodecError.corrupt(source: source, format: .tiff, message: "the page has no width or height")
        }
        let orientation = tiff.field16(TIFFTAG_ORIENTATION).flatMap { Orientation(rawValue: Int($0)) } ?? .up
        let alpha = tiff.extraSamples().contains { $0 == EXTRASAMPLE_ASSOCALPHA || $0 == EXTRASAMPLE_UNASSALPHA }
        return Header(width: Int(w), height: Int(h), orientation: orientation, hasAlpha: alpha, pages: tiff.pageCount)
    }

    static func info(_ bytes: UnsafeRawBufferPointer, source: String, limits: DecodeLimits) throws(CodecError) -> ImageInfo {
        let h = try header(try open(bytes, source: source, limits: limits), source: source)
        return ImageInfo(
            format: .tiff, width: h.width, height: h.height, orientation: h.orientation, hasAlpha: h.hasAlpha,
            pageCount: h.pages)
    }

    static func decode(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, source: String, options: DecodeOptions
    ) throws(CodecError) -> StoredDecode {
        let tiff = try open(bytes, source: source, limits: options.limits)
        if options.page != 0 {
            guard options.page > 0, options.page < tiff.pageCount else {
                throw CodecError.unsupportedVariant(
                    source: source, format: .tiff,
                    detail: "it has \(tiff.pageCount) page(s), and page \(options.page + 1) was asked for")
            }
            do throws(LibTIFF.Failure) { try tiff.setPage(options.page) } catch { throw classify(error.message, source: source) }
        }
        let h = try header(tiff, source: source)
        try options.limits.check(width: h.width, height: h.height, format: .tiff, source: source)
        if let reason = tiff.rgbaUnsupportedReason() {
            throw CodecError.unsupportedVariant(source: source, format: .tiff, detail: reason)
        }
        var failure: LibTIFF.Failure?
        image.overwrite(width: h.width, height: h.height, isOpaque: !h.hasAlpha) { out in
            do throws(LibTIFF.Failure) {
                try tiff.readRGBA(width: h.width, height: h.height, into: out.bindMemory(to: UInt32.self).baseAddress!)
            } catch {
                failure = error
            }
        }
        if let failure {
            image = Image()
            throw classify(failure.message, source: source)
        }
        if h.hasAlpha {
            image.unpremultiply()
            image.recomputeOpacity()
        }
        // libtiff turned orientations 2-4 (and the flip of 6-8) upright; give the stored pixels
        // back, so that the orientation is applied once, like every other format's.
        switch h.orientation {
        case .upMirrored, .right: image = image.flipped(.horizontal)
        case .down, .rightMirrored: image = image.rotated(.half)
        case .downMirrored, .left: image = image.flipped(.vertical)
        case .up, .leftMirrored: break
        }
        let info = ImageInfo(
            format: .tiff, width: h.width, height: h.height, orientation: h.orientation, hasAlpha: h.hasAlpha,
            pageCount: h.pages)
        return StoredDecode(info: info, scale: .one)
    }

    /// libtiff's message as a typed error: a read past the end is truncation, the rest damage.
    private static func classify(_ message: String, source: String) -> CodecError {
        let lower = message.lowercased()
        if lower.contains("read error") || lower.contains("unexpected end") || lower.contains("past end") || lower.contains("eof") {
            return .truncated(source: source, format: .tiff, detail: message)
        }
        return .corrupt(source: source, format: .tiff, message: message)
    }
}
