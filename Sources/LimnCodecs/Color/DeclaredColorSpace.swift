/// A color space a file states with numbers rather than an ICC profile: a PNG's `cICP` chunk or
/// a HEIF's `nclx` box (ITU-T H.273 code points), or a PNG's `cHRM` and `gAMA` chunks together.
/// The decoder converts such pixels to sRGB like those with a profile (see
/// ``DecodeOptions/convertsToSRGB``). A PNG's `sRGB` chunk, and a `gAMA` chunk alone, need no
/// conversion (see ``ImageInfo/declaredColorSpace``).
public enum DeclaredColorSpace: Sendable, Equatable, CustomStringConvertible {
    /// H.273 code points: `primaries` (1 BT.709/sRGB, 9 BT.2020, 11 DCI-P3, 12 Display P3, …)
    /// and `transfer` (13 sRGB, 1/6/14/15 BT.709, 8 linear, 4 gamma 2.2, 16 PQ, 18 HLG, …).
    case codePoints(primaries: Int, transfer: Int)
    /// White point and primaries as CIE xy chromaticities, and the file's gamma (the exponent
    /// that encodes linear light: 0.45455 for a 2.2 display gamma).
    case chromaticities(Chromaticities, gamma: Double)

    public var description: String {
        switch self {
        case .codePoints(let p, let t):
            return "\(Self.primariesName(p) ?? "primaries \(p)"), \(Self.transferName(t) ?? "transfer \(t)") transfer (H.273 \(p)/\(t))"
        case .chromaticities(let c, let gamma):
            let g = (1 / gamma * 100).rounded() / 100
            return "chromaticities white (\(c.white.x), \(c.white.y)), gamma \(g)"
        }
    }

    static func primariesName(_ code: Int) -> String? {
        [
            1: "BT.709", 2: "unspecified", 4: "BT.470M", 5: "BT.470BG", 6: "BT.601", 7: "SMPTE 240M", 9: "BT.2020", 11: "DCI-P3",
            12: "Display P3", 22: "EBU 3213",
        ][code]
    }

    static func transferName(_ code: Int) -> String? {
        [
            1: "BT.709", 2: "unspecified", 4: "gamma 2.2", 5: "gamma 2.8", 6: "BT.601", 8: "linear", 13: "sRGB", 14: "BT.2020",
            15: "BT.2020", 16: "PQ", 18: "HLG",
        ][code]
    }

    /// True for the HDR transfer functions (PQ, HLG), which are not tone-mapped: such pixels
    /// are left as stored.
    public var isHighDynamicRange: Bool {
        if case .codePoints(_, let t) = self { return t == 16 || t == 18 }
        return false
    }
}

/// CIE 1931 xy chromaticities of a white point and three primaries.
public struct Chromaticities: Sendable, Equatable {
    /// The white point.
    public var white: (x: Double, y: Double)
    /// The red primary.
    public var red: (x: Double, y: Double)
    /// The green primary.
    public var green: (x: Double, y: Double)
    /// The blue primary.
    public var blue: (x: Double, y: Double)

    /// Chromaticities of this white point and these primaries, each as CIE 1931 (x, y).
    public init(white: (x: Double, y: Double), red: (x: Double, y: Double), green: (x: Double, y: Double), blue: (x: Double, y: Double)) {
        self.white = white; self.red = red; self.green = green; self.blue = blue
    }

    public static func == (a: Chromaticities, b: Chromaticities) -> Bool {
        a.white == b.white && a.red == b.red && a.green == b.green && a.blue == b.blue
    }

    /// The primaries of an H.273 code point (nil for unknown codes and for XYZ).
    static func codePoint(_ code: Int) -> Chromaticities? {
        let d65 = (x: 0.3127, y: 0.3290)
        switch code {
        case 1, 2: return Chromaticities(white: d65, red: (0.64, 0.33), green: (0.30, 0.60), blue: (0.15, 0.06))
        case 4: return Chromaticities(white: (0.310, 0.316), red: (0.67, 0.33), green: (0.21, 0.71), blue: (0.14, 0.08))
        case 5: return Chromaticities(white: d65, red: (0.64, 0.33), green: (0.29, 0.60), blue: (0.15, 0.06))
        case 6, 7: return Chromaticities(white: d65, red: (0.630, 0.340), green: (0.310, 0.595), blue: (0.155, 0.070))
        case 9: return Chromaticities(white: d65, red: (0.708, 0.292), green: (0.170, 0.797), blue: (0.131, 0.046))
        case 11: return Chromaticities(white: (0.314, 0.351), red: (0.680, 0.320), green: (0.265, 0.690), blue: (0.150, 0.060))
        case 12: return Chromaticities(white: d65, red: (0.680, 0.320), green: (0.265, 0.690), blue: (0.150, 0.060))
        case 22: return Chromaticities(white: d65, red: (0.630, 0.340), green: (0.295, 0.605), blue: (0.155, 0.077))
        default: return nil
        }
    }
}

/// How the samples are stored, before Limn turns them into 8-bit RGBA.
public enum ColorModel: String, Sendable, Equatable, CustomStringConvertible {
    /// One luminance channel (with alpha or not).
    case gray
    /// Red, green and blue.
    case rgb
    /// Indexed colors (PNG, GIF, BMP, TIFF palettes).
    case palette
    /// Cyan, magenta, yellow and black ink (JPEG, TIFF), converted through the file's profile.
    case cmyk
    /// Luma and chroma (most JPEGs, HEIC/AVIF, a YCbCr TIFF).
    case ycbcr

    public var description: String {
        switch self {
        case .gray: return "gray"
        case .rgb: return "RGB"
        case .palette: return "palette"
        case .cmyk: return "CMYK"
        case .ycbcr: return "YCbCr"
        }
    }
}
