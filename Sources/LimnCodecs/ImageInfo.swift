import LimnRaster

/// What a header says about an image, read without decoding its pixels.
public struct ImageInfo: Sendable, Equatable, CustomStringConvertible {
    public var format: ImageFormat
    /// The stored size, before orientation is applied.
    public var width: Int
    public var height: Int
    /// The EXIF orientation tag; `.up` when there is none.
    public var orientation: Orientation
    /// True when the image can hold transparency (an alpha channel or a PNG `tRNS` chunk);
    /// some such images are opaque all the same.
    public var hasAlpha: Bool
    /// True for an animated WebP or GIF (Limn decodes its first frame).
    public var isAnimated: Bool
    /// How many frames an animated format holds (GIF, from `info`); nil when not counted (other
    /// formats, a decode, or a header read that ended before the last frame).
    public var frameCount: Int?
    /// How many pages a TIFF holds; nil for other formats.
    public var pageCount: Int?
    /// The embedded ICC profile (a JPEG's APP2 chunks joined), byte for byte; nil when none.
    public var iccProfile: [UInt8]?

    public init(
        format: ImageFormat, width: Int, height: Int, orientation: Orientation = .up,
        hasAlpha: Bool, isAnimated: Bool = false, frameCount: Int? = nil, pageCount: Int? = nil
    ) {
        self.format = format
        self.width = width
        self.height = height
        self.orientation = orientation
        self.hasAlpha = hasAlpha
        self.isAnimated = isAnimated
        self.frameCount = frameCount
        self.pageCount = pageCount
    }

    /// The stored size.
    public var size: Size { Size(width: width, height: height) }

    /// The size of the upright picture, once ``orientation`` is applied.
    public var uprightSize: Size { orientation.swapsAxes ? size.transposed : size }

    public var description: String {
        "\(format) \(width)x\(height), orientation \(orientation.rawValue), \(hasAlpha ? "alpha" : "opaque")"
            + (isAnimated ? ", animated" : "") + (frameCount.map { $0 > 1 ? ", \($0) frames" : "" } ?? "")
            + (pageCount.map { $0 > 1 ? ", \($0) pages" : "" } ?? "")
    }
}
