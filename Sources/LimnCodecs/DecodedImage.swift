import LimnRaster

/// A decoded picture with what the decoder knows about it.
public struct DecodedImage: Sendable {
    /// The pixels: scaled by ``scale``, and upright when ``orientationApplied`` is true.
    public var image: Image
    /// What the header says: format, stored size, orientation tag, alpha.
    public var info: ImageInfo
    /// The scale the decoder used (decoded size over stored size); `1/1` unless a target size
    /// let it decode smaller.
    public var scale: ScaleFactor
    /// True when the pixels were turned upright from ``ImageInfo/orientation``.
    public var orientationApplied: Bool
    /// The ICC profile the pixels are in, when they are not sRGB: the file's own profile (or
    /// one made for its declared color space) when ``DecodeOptions/convertsToSRGB`` is false;
    /// nil when the pixels are sRGB. An encoder given it writes it with the pixels, so that they
    /// keep their meaning (see ``OutputMetadata``).
    public var pixelProfile: [UInt8]?

    /// The stored size and the orientation applied: what a vision result for this file needs to
    /// be mapped onto ``image`` (before any shrink on load).
    public var geometry: PictureGeometry {
        PictureGeometry(storedSize: info.size, orientation: orientationApplied ? info.orientation : .up)
    }
}

/// A rational scale factor, `numerator / denominator`.
public struct ScaleFactor: Hashable, Sendable, CustomStringConvertible {
    /// The top of the fraction.
    public var numerator: Int
    /// The bottom of the fraction (at least 1).
    public var denominator: Int

    /// The factor `numerator / denominator` (a denominator below 1 is taken as 1).
    public init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = max(denominator, 1)
    }

    /// Full size: 1/1.
    public static let one = ScaleFactor(1, 1)

    /// The factor as a number.
    public var value: Double { Double(numerator) / Double(denominator) }

    public var description: String { "\(numerator)/\(denominator)" }
}

/// What a decode into a caller's image reports (the pixels are in that image).
public struct DecodeReport: Sendable, Equatable {
    /// The header as read (the stored size, before scaling or orientation).
    public var info: ImageInfo
    /// The scale the decoder used (``ScaleFactor/one``: full size).
    public var scale: ScaleFactor
    /// True when the EXIF orientation was applied to the pixels.
    public var orientationApplied: Bool
    /// See ``DecodedImage/pixelProfile``.
    public var pixelProfile: [UInt8]?
}

/// What one codec's decoder reports, before orientation is applied.
struct StoredDecode {
    var info: ImageInfo
    var scale: ScaleFactor
    /// Set when the image holds C, M, Y, K bytes still (a CMYK JPEG or TIFF), to be converted
    /// through the file's profile or, without one, by formula; `true` for Adobe's inverted
    /// convention.
    var cmykInverted: Bool? = nil
    /// True when the codec has converted the pixels to sRGB already (a JPEG decoded in bands).
    var colorsConverted = false
}
