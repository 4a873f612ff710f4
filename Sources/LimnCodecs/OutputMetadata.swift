/// What an encoder writes besides the pixels: an ICC profile, an EXIF block, an XMP packet.
///
/// The policy, per format:
/// - **ICC profile**: written by JPEG (APP2 chunks), PNG (`iCCP`), WebP (`ICCP`), AVIF (`colr`
///   of type `prof`, beside the `nclx` box that says how to turn YCbCr into RGB). It is the
///   profile the *pixels* are in (``DecodedImage/pixelProfile``: set only when the pixels were
///   kept as stored); pixels converted to sRGB need none. A profile given for BMP is an error,
///   since the colors would silently lose their meaning.
/// - **EXIF**: written by JPEG (APP1), PNG (`eXIf`), WebP (`EXIF`), AVIF (`Exif` item), always with its
///   orientation tag reset to 1, because Limn writes pixels upright: a stale orientation would
///   turn the picture a second time in every viewer. Its embedded thumbnail (IFD1) is removed,
///   bytes zeroed: it shows the picture as it was (faces a privacy filter blurred included). A
///   block that is not a readable TIFF structure is not written. BMP holds none.
/// - **XMP**: written by JPEG (APP1), PNG (`iTXt` `XML:com.adobe.xmp`), WebP (`XMP `), AVIF
///   (`mime` item). BMP
///   holds none.
///
/// A JPEG segment holds at most 65,533 bytes: a longer EXIF or XMP block cannot be written
/// there (extended XMP is not written) and is an encoding error.
public struct OutputMetadata: Sendable, Equatable {
    /// An ICC profile to embed (JPEG APP2, PNG `iCCP`, WebP `ICCP`, AVIF `colr`).
    public var iccProfile: [UInt8]?
    /// A TIFF structure (from its `II*\0`/`MM\0*` header), as ``ImageInfo/exif`` holds it.
    public var exif: [UInt8]?
    /// An XMP packet to embed.
    public var xmp: [UInt8]?

    /// Metadata to write; none unless given.
    public init(iccProfile: [UInt8]? = nil, exif: [UInt8]? = nil, xmp: [UInt8]? = nil) {
        self.iccProfile = iccProfile
        self.exif = exif
        self.xmp = xmp
    }

    /// Nothing besides the pixels.
    public static let none = OutputMetadata()

    /// True when nothing besides the pixels is written.
    public var isEmpty: Bool { iccProfile == nil && exif == nil && xmp == nil }

    /// What to carry from a decoded picture to its output: with `keep`, its EXIF and XMP;
    /// always the profile its pixels are in (without it they would change meaning), so a
    /// picture decoded with ``DecodeOptions/convertsToSRGB`` false keeps its profile even when
    /// the rest is stripped.
    public init(from decoded: DecodedImage, keep: Bool) {
        self.init(iccProfile: decoded.pixelProfile, exif: keep ? decoded.info.exif : nil, xmp: keep ? decoded.info.xmp : nil)
    }

    /// The EXIF block as it is written: orientation reset to 1, embedded thumbnail removed;
    /// nil when there is none or it is not a readable TIFF structure.
    var exifToWrite: [UInt8]? { exif.flatMap(EXIF.preparedForWriting) }
}
