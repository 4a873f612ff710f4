/// One RGBA pixel: 8 bits per channel, straight (unassociated) alpha, sRGB.
///
/// In memory an `Image` stores its pixels as `r, g, b, a` bytes in that order.
public struct Pixel: Hashable, Sendable, CustomStringConvertible {
    /// Red, 0…255.
    public var r: UInt8
    /// Green, 0…255.
    public var g: UInt8
    /// Blue, 0…255.
    public var b: UInt8
    /// Alpha (opacity), 0 transparent to 255 opaque; the colour channels are not multiplied by it.
    public var a: UInt8

    /// A pixel of these channels, opaque unless `a` is given.
    @inlinable
    public init(r: UInt8, g: UInt8, b: UInt8, a: UInt8 = 255) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }

    /// A gray pixel: `r = g = b = value`.
    @inlinable
    public init(gray value: UInt8, alpha: UInt8 = 255) {
        self.init(r: value, g: value, b: value, a: alpha)
    }

    /// Parses `#RGB`, `#RRGGBB` or `#RRGGBBAA` (the `#` is optional). Returns nil for anything else.
    public init?(hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.allSatisfy(\.isHexDigit) else { return nil }
        let digits = s.compactMap { $0.hexDigitValue }.map(UInt8.init)
        switch digits.count {
        case 3:
            self.init(r: digits[0] * 17, g: digits[1] * 17, b: digits[2] * 17)
        case 6, 8:
            let bytes = stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
            self.init(r: bytes[0], g: bytes[1], b: bytes[2], a: bytes.count == 4 ? bytes[3] : 255)
        default:
            return nil
        }
    }

    /// Opaque black.
    public static let black = Pixel(r: 0, g: 0, b: 0)
    /// Opaque white.
    public static let white = Pixel(r: 255, g: 255, b: 255)
    /// Fully transparent black.
    public static let clear = Pixel(r: 0, g: 0, b: 0, a: 0)

    /// `#RRGGBBAA`.
    public var description: String {
        "#" + [r, g, b, a].map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
    }
}
