import CLCMS2
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
        var bitDepth: Int
        var colorModel: ColorModel
        /// 8-bit CMYK (ink set CMYK, no extra samples, interleaved): read as stored, so that
        /// its profile can convert it.
        var isPlainCMYK: Bool
        var iccProfile: [UInt8]?
        var xmp: [UInt8]?

        var info: ImageInfo {
            var info = ImageInfo(
                format: .tiff, width: width, height: height, orientation: orientation, hasAlpha: hasAlpha,
                pageCount: pages, bitDepth: bitDepth, colorModel: colorModel)
            info.iccProfile = iccProfile
            info.xmp = xmp
            return info
        }
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
        let extras = tiff.extraSamples()
        let alpha = extras.contains { $0 == EXTRASAMPLE_ASSOCALPHA || $0 == EXTRASAMPLE_UNASSALPHA }
        let photometric = Int32(tiff.field16(TIFFTAG_PHOTOMETRIC) ?? UInt16(PHOTOMETRIC_RGB))
        let model: ColorModel
        switch photometric {
        case PHOTOMETRIC_MINISWHITE, PHOTOMETRIC_MINISBLACK: model = .gray
        case PHOTOMETRIC_PALETTE: model = .palette
        case PHOTOMETRIC_SEPARATED: model = .cmyk
        case PHOTOMETRIC_YCBCR: model = .ycbcr
        default: model = .rgb
        }
        let bits = Int(tiff.field16(TIFFTAG_BITSPERSAMPLE) ?? 1)
        let plain =
            model == .cmyk && bits == 8 && extras.isEmpty && tiff.field16(TIFFTAG_SAMPLESPERPIXEL) == 4
            && Int32(tiff.field16(TIFFTAG_INKSET) ?? UInt16(INKSET_CMYK)) == INKSET_CMYK
            && Int32(tiff.field16(TIFFTAG_PLANARCONFIG) ?? UInt16(PLANARCONFIG_CONTIG)) == PLANARCONFIG_CONTIG
        return Header(
            width: Int(w), height: Int(h), orientation: orientation, hasAlpha: alpha, pages: tiff.pageCount, bitDepth: bits,
            colorModel: model, isPlainCMYK: plain, iccProfile: tiff.bytesField(TIFFTAG_ICCPROFILE),
            xmp: tiff.bytesField(TIFFTAG_XMLPACKET))
    }

    static func info(_ bytes: UnsafeRawBufferPointer, source: String, limits: DecodeLimits) throws(CodecError) -> ImageInfo {
        try header(try open(bytes, source: source, limits: limits), source: source).info
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
        if h.isPlainCMYK, let profile = h.iccProfile, LittleCMS.colorSpace(of: profile) == cmsSigCmykData {
            // The samples as stored, for the decoder to convert through the profile.
            var failure: LibTIFF.Failure?
            image.overwrite(width: h.width, height: h.height, isOpaque: true) { out in
                do throws(LibTIFF.Failure) {
                    try tiff.readContiguous8(
                        width: h.width, height: h.height, samples: 4, into: out.bindMemory(to: UInt8.self).baseAddress!)
                } catch {
                    failure = error
                }
            }
            if let failure {
                image = Image()
                throw classify(failure.message, source: source)
            }
            return StoredDecode(info: h.info, scale: .one, cmykInverted: false)
        }
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
        // CMYK that is not plain 8-bit interleaved ink was converted by libtiff's formula; a CMYK
        // profile does not apply to the RGBA that came out (the decoder leaves it unused).
        return StoredDecode(info: h.info, scale: .one)
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
