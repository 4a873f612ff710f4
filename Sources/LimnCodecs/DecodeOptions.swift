import LimnRaster

/// How to decode: a size hint, EXIF orientation, limits and strictness.
public struct DecodeOptions: Sendable, Equatable {
    /// A hint that lets the decoder produce a smaller image. JPEG decodes at the smallest
    /// TurboJPEG scaling factor whose result is still at least this wide and this tall (a zero
    /// side means "any"); WebP scales in its decoder to cover it with the aspect ratio kept.
    /// PNG and BMP ignore it. The size is of the upright picture (after orientation). The result
    /// reports the scale that was used; it is never enlarged.
    public var targetSize: Size?

    /// Turn the pixels upright according to the EXIF orientation tag (JPEG APP1, WebP `EXIF`).
    /// The tag is reported either way.
    public var applyOrientation: Bool

    /// Checked against the header before any pixel memory is allocated.
    public var limits: DecodeLimits

    /// When false (the default) any damage a codec notices is an error. When true, damage that
    /// the codec can decode around (a JPEG cut short, extraneous bytes) gives the image it managed
    /// to decode (the missing part gray) instead.
    public var tolerateDamage: Bool

    /// Which page of a multi-page TIFF to decode, from 0 (other formats have one).
    public var page: Int

    /// When true (the default), pixels with an embedded RGB ICC profile are converted to sRGB
    /// (Little CMS, relative colorimetric with black-point compensation), so everything
    /// downstream works in one color space; a profile that already is sRGB costs nothing. When
    /// false the pixels stay as stored, and the profile is in ``ImageInfo/iccProfile``.
    public var convertsToSRGB: Bool

    /// Options with the defaults: full size, orientation applied, the default limits, damage an error, the first
    /// page, converted to sRGB.
    public init(
        targetSize: Size? = nil, applyOrientation: Bool = true,
        limits: DecodeLimits = .default, tolerateDamage: Bool = false, page: Int = 0, convertsToSRGB: Bool = true
    ) {
        self.page = page
        self.convertsToSRGB = convertsToSRGB
        self.targetSize = targetSize
        self.applyOrientation = applyOrientation
        self.limits = limits
        self.tolerateDamage = tolerateDamage
    }

    /// Full size, orientation applied, default limits, strict, converted to sRGB.
    public static let `default` = DecodeOptions()
}

/// The largest image a decode accepts, checked from the header, and the most it reads.
public struct DecodeLimits: Sendable, Equatable {
    /// Largest stored width, in pixels.
    public var maxWidth: Int
    /// Largest stored height, in pixels.
    public var maxHeight: Int
    /// Largest `width × height`.
    public var maxPixels: Int
    /// Largest pixel memory in bytes: the decoded image (`width × height × 4`) plus any working
    /// planes the decode needs at once (a 16-bit PNG's 8 bytes a pixel).
    public var maxBytes: Int
    /// Largest encoded input read from a file or a stream, in bytes. Content that is no picture
    /// is refused after its first 64 KiB whatever its size. By default 8 bytes for each pixel the
    /// other limits allow (an uncompressed 16-bit RGBA picture) plus 64 MiB: 2 GiB + 64 MiB with
    /// the default limits. Worked out when the limits are made.
    public var maxInputBytes: Int
    /// How far headers and metadata may run: ``ImageDecoder/info(file:limits:)`` reads at most
    /// this much of a file to find the header, and a PNG chunk other than image data may hold at
    /// most this much (a chunk declaring more is refused before libpng allocates for it).
    /// 16 MiB by default.
    public var maxHeaderBytes: Int

    /// Limits of one's own; `maxInputBytes` follows from the others unless given.
    public init(
        maxWidth: Int = 16384, maxHeight: Int = 16384, maxPixels: Int = 16384 * 16384,
        maxBytes: Int = 2 << 30, maxInputBytes: Int? = nil, maxHeaderBytes: Int = 16 << 20
    ) {
        self.maxWidth = maxWidth
        self.maxHeight = maxHeight
        self.maxPixels = maxPixels
        self.maxBytes = maxBytes
        let pixels = min(maxPixels, maxBytes / 4, Int.max / 16)
        self.maxInputBytes = maxInputBytes ?? pixels * 8 + (64 << 20)
        self.maxHeaderBytes = maxHeaderBytes
    }

    /// 16384 × 16384 pixels, 2 GiB of pixel memory, 2 GiB + 64 MiB of input, 16 MiB of header.
    public static let `default` = DecodeLimits()

    /// Throws ``CodecError/tooLarge(source:format:width:height:limit:)`` when a header's size is
    /// over a limit, or not positive. `bytesPerPixel` counts every plane the decode holds at
    /// once (4 for the image alone).
    func check(width: Int, height: Int, format: ImageFormat, source: String, bytesPerPixel: Int = 4) throws(CodecError) {
        guard width > 0, height > 0 else {
            throw CodecError.corrupt(source: source, format: format, message: "the header declares a \(width)x\(height) image")
        }
        let pixels = PixelLimits(maxWidth: maxWidth, maxHeight: maxHeight, maxPixels: maxPixels, maxBytes: maxBytes)
        if var broken = pixels.violation(width: width, height: height, bytesPerPixel: bytesPerPixel) {
            if broken.hasSuffix("bytes of pixels"), bytesPerPixel != 4 { broken += ", and this decode needs \(bytesPerPixel) a pixel" }
            throw CodecError.tooLarge(source: source, format: format, width: width, height: height, limit: broken)
        }
    }
}
