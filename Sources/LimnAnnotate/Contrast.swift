import LimnRaster

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// WCAG 2 contrast between colors, used to pick legible text for a chip.
public enum Contrast {
    /// Relative luminance of an sRGB color (WCAG 2.x), 0 (black) … 1 (white).
    public static func luminance(_ p: Pixel) -> Double {
        func linear(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(p.r) + 0.7152 * linear(p.g) + 0.0722 * linear(p.b)
    }

    /// The contrast ratio, 1 … 21.
    public static func ratio(_ a: Pixel, _ b: Pixel) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// Of near-black and white, the text color with the higher contrast on `background`.
    public static func text(on background: Pixel) -> Pixel {
        let dark = Pixel(r: 16, g: 16, b: 20), light = Pixel(r: 255, g: 255, b: 255)
        return ratio(dark, background) >= ratio(light, background) ? dark : light
    }
}
