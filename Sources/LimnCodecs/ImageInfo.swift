import LimnRaster

/// What a header says about an image, read without decoding its pixels.
public struct ImageInfo: Sendable, Equatable, CustomStringConvertible {
    /// The format the content is in (sniffed, never taken from a file name).
    public var format: ImageFormat
    /// The stored size, before orientation is applied.
    public var width: Int
    /// The stored height, before orientation is applied.
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
    /// Bits per stored sample: 1, 2, 4, 8, 10, 12 or 16 (a palette's index size for palettes).
    /// Decoded pixels are always 8 bits a channel.
    public var bitDepth: Int
    /// How the samples are stored.
    public var colorModel: ColorModel
    /// The embedded ICC profile, byte for byte (JPEG APP2 chunks joined, PNG `iCCP` inflated,
    /// WebP `ICCP`, TIFF tag 34675, HEIF `colr` of type `prof`/`rICC`); nil when none.
    public var iccProfile: [UInt8]?
    /// A color space stated without a profile (PNG `cICP`, or `cHRM` with `gAMA`; HEIF `nclx`
    /// when it names anything but sRGB). A PNG `cICP` chunk takes precedence over its `iCCP`,
    /// as the PNG specification says. A `gAMA` chunk without `cHRM` is not reported and not
    /// applied: the stored values are taken as sRGB, as Pillow, libvips, OpenCV (and the vision
    /// services that decode with them) take them.
    public var declaredColorSpace: DeclaredColorSpace?
    /// The EXIF block as a TIFF structure (starting `II*\0` or `MM\0*`), when the file has one
    /// (JPEG APP1, PNG `eXIf`, WebP `EXIF`, HEIF `Exif` item).
    public var exif: [UInt8]?
    /// The XMP packet (JPEG APP1, PNG `iTXt` `XML:com.adobe.xmp`, WebP `XMP `, HEIF `mime` item).
    public var xmp: [UInt8]?

    /// A description of a header; decoders make these.
    public init(
        format: ImageFormat, width: Int, height: Int, orientation: Orientation = .up,
        hasAlpha: Bool, isAnimated: Bool = false, frameCount: Int? = nil, pageCount: Int? = nil,
        bitDepth: Int = 8, colorModel: ColorModel = .rgb
    ) {
        self.bitDepth = bitDepth
        self.colorModel = colorModel
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

    /// "8-bit RGB", "1-bit palette", "10-bit YCbCr".
    public var sampleDescription: String { "\(bitDepth)-bit \(colorModel)" }
}
