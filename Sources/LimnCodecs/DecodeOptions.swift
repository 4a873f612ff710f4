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

    public init(
        targetSize: Size? = nil, applyOrientation: Bool = true,
        limits: DecodeLimits = .default, tolerateDamage: Bool = false
    ) {
        self.targetSize = targetSize
        self.applyOrientation = applyOrientation
        self.limits = limits
        self.tolerateDamage = tolerateDamage
    }

    public static let `default` = DecodeOptions()
}

/// The largest image a decode accepts, checked from the header.
public struct DecodeLimits: Sendable, Equatable {
    public var maxWidth: Int
    public var maxHeight: Int
    /// Largest `width × height`.
    public var maxPixels: Int
    /// Largest decoded buffer in bytes (`width × height × 4`).
    public var maxBytes: Int

    public init(maxWidth: Int = 16384, maxHeight: Int = 16384, maxPixels: Int = 16384 * 16384,
                maxBytes: Int = 2 << 30) {
        self.maxWidth = maxWidth
        self.maxHeight = maxHeight
        self.maxPixels = maxPixels
        self.maxBytes = maxBytes
    }

    /// 16384 × 16384 pixels and 2 GiB of pixel memory.
    public static let `default` = DecodeLimits()

    /// Throws ``CodecError/tooLarge(source:format:width:height:limit:)`` when a header's size is
    /// over a limit, or not positive.
    func check(width: Int, height: Int, format: ImageFormat, source: String) throws(CodecError) {
        guard width > 0, height > 0 else {
            throw .corrupt(source: source, format: format, message: "the header declares a \(width)x\(height) image")
        }
        var broken: String?
        if width > maxWidth { broken = "width at most \(maxWidth)" }
        else if height > maxHeight { broken = "height at most \(maxHeight)" }
        else if width.multipliedReportingOverflow(by: height).overflow || width * height > maxPixels {
            broken = "at most \(maxPixels) pixels"
        } else if width * height > maxBytes / 4 {
            broken = "at most \(maxBytes) bytes of pixels"
        }
        if let broken {
            throw .tooLarge(source: source, format: format, width: width, height: height, limit: broken)
        }
    }
}
