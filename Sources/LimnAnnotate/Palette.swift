import LimnRaster

/// Colors for classes: the same class name always gets the same color (a stable hash of
/// its lower-cased name picks one), whatever else is in the picture or the order it comes in.
public struct Palette: Sendable, Equatable {
    /// The colours, chosen from by a hash of the class name (at least one: an empty list is the standard palette).
    public var colors: [Pixel]

    /// A palette of `colors`; an empty list gives ``standard``.
    public init(colors: [Pixel]) {
        self.colors = colors.isEmpty ? Palette.standard.colors : colors
    }

    /// Twenty saturated colors that stay apart from each other and from photographs' usual greys.
    public static let standard = Palette(colors: [
        Pixel(r: 230, g: 25, b: 75), Pixel(r: 60, g: 180, b: 75), Pixel(r: 0, g: 130, b: 200), Pixel(r: 245, g: 130, b: 48),
        Pixel(r: 145, g: 30, b: 180), Pixel(r: 70, g: 200, b: 220), Pixel(r: 240, g: 50, b: 230), Pixel(r: 190, g: 210, b: 60),
        Pixel(r: 250, g: 190, b: 212), Pixel(r: 0, g: 128, b: 128), Pixel(r: 220, g: 190, b: 255), Pixel(r: 170, g: 110, b: 40),
        Pixel(r: 255, g: 215, b: 0), Pixel(r: 128, g: 0, b: 0), Pixel(r: 120, g: 230, b: 180), Pixel(r: 128, g: 128, b: 0),
        Pixel(r: 255, g: 160, b: 120), Pixel(r: 0, g: 0, b: 128), Pixel(r: 100, g: 100, b: 255), Pixel(r: 255, g: 90, b: 90),
    ])

    /// The color of a class: FNV-1a of its lower-cased UTF-8 name, modulo the palette size.
    public func color(for name: String) -> Pixel {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.lowercased().utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return colors[Int(hash % UInt64(colors.count))]
    }

    /// The `n`th shade of a class colour (0 is the colour itself), so that touching instances of
    /// one class stay apart: darker and lighter in turn, five shades in a cycle.
    public static func shade(_ color: Pixel, instance n: Int) -> Pixel {
        let steps: [Double] = [0, -0.3, 0.3, -0.15, 0.15]
        let t = steps[((n % steps.count) + steps.count) % steps.count]
        func mix(_ v: UInt8) -> UInt8 {
            let x = Double(v)
            return UInt8((t < 0 ? x * (1 + t) : x + (255 - x) * t).rounded())
        }
        return Pixel(r: mix(color.r), g: mix(color.g), b: mix(color.b), a: color.a)
    }

    /// Red (0) through amber (0.5) to green (1), for confidence coloring.
    public static func confidence(_ c: Double) -> Pixel {
        let t = min(max(c.isFinite ? c : 0, 0), 1)
        func mix(_ a: Pixel, _ b: Pixel, _ u: Double) -> Pixel {
            Pixel(
                r: UInt8((Double(a.r) + (Double(b.r) - Double(a.r)) * u).rounded()),
                g: UInt8((Double(a.g) + (Double(b.g) - Double(a.g)) * u).rounded()),
                b: UInt8((Double(a.b) + (Double(b.b) - Double(a.b)) * u).rounded()))
        }
        let red = Pixel(r: 220, g: 40, b: 40), amber = Pixel(r: 240, g: 170, b: 20), green = Pixel(r: 40, g: 170, b: 70)
        return t < 0.5 ? mix(red, amber, t * 2) : mix(amber, green, (t - 0.5) * 2)
    }
}
