import LimnRaster

/// Deterministic pictures for tests, benchmarks and `TestImages/`. Same arguments, same pixels,
/// on every machine.
public enum Patterns {
    /// Opaque: red grows left to right, green top to bottom, blue along the diagonal.
    public static func gradient(width: Int, height: Int) -> Image {
        make(width, height, opaque: true) { x, y in
            Pixel(r: ramp(x, width), g: ramp(y, height), b: ramp(x + y, width + height - 1))
        }
    }

    /// A checkerboard of `cell`-pixel squares whose alpha varies from square to square, over
    /// colors that vary too: every alpha level from 0 to 255 appears.
    public static func checkerAlpha(width: Int, height: Int, cell: Int = 4) -> Image {
        make(width, height, opaque: false) { x, y in
            let cx = x / cell, cy = y / cell
            let on = (cx + cy) % 2 == 0
            let alpha = UInt8(truncatingIfNeeded: (cx * 37 + cy * 91) & 0xFF)
            return on
                ? Pixel(r: 240, g: UInt8(truncatingIfNeeded: cx * 19), b: 16, a: alpha)
                : Pixel(r: 10, g: 60, b: UInt8(truncatingIfNeeded: 200 - cy * 7), a: 255 &- alpha)
        }
    }

    /// Opaque: a few flat shapes with sharp edges (a rectangle, a disc, a triangle) on a light
    /// background. At most 8 distinct colors, so it also fits a small palette.
    public static func shapes(width: Int, height: Int) -> Image {
        make(width, height, opaque: true) { x, y in
            let fx = Double(x) + 0.5, fy = Double(y) + 0.5
            let w = Double(width), h = Double(height)
            if fx > w * 0.1 && fx < w * 0.45 && fy > h * 0.15 && fy < h * 0.6 { return shapeColors[1] }
            let dx = fx - w * 0.68, dy = fy - h * 0.4, r = min(w, h) * 0.25
            if dx * dx + dy * dy < r * r { return shapeColors[2] }
            if fy > h * 0.65 && fy < h * 0.95 && abs(fx - w * 0.5) < (fy - h * 0.65) * 1.2 { return shapeColors[3] }
            if (x + y) % 16 == 0 { return shapeColors[4] }
            return shapeColors[0]
        }
    }

    /// The colors ``shapes(width:height:)`` uses.
    public static let shapeColors: [Pixel] = [
        Pixel(r: 235, g: 232, b: 220), Pixel(r: 200, g: 30, b: 40), Pixel(r: 20, g: 90, b: 200),
        Pixel(r: 30, g: 160, b: 70), Pixel(r: 60, g: 60, b: 60),
    ]

    /// Pseudo-random RGBA noise (xorshift), every channel independent; `seed` picks the sequence.
    public static func noise(width: Int, height: Int, seed: UInt64 = 1, opaque: Bool = false) -> Image {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return make(width, height, opaque: opaque) { _, _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let v = state
            return Pixel(
                r: UInt8(truncatingIfNeeded: v), g: UInt8(truncatingIfNeeded: v >> 8),
                b: UInt8(truncatingIfNeeded: v >> 16), a: opaque ? 255 : UInt8(truncatingIfNeeded: v >> 24))
        }
    }

    /// A 48 × 32 picture of flat 8 × 8 blocks in an asymmetric layout: no flip or turn of it
    /// equals another. Flat blocks survive JPEG at quality 100 and 4:4:4 identically wherever
    /// they sit, so every EXIF orientation of it decodes to the same pixels.
    public static func orientationBlocks() -> Image {
        let colors: [Pixel] = [
            Pixel(r: 250, g: 250, b: 250), Pixel(r: 220, g: 40, b: 40), Pixel(r: 40, g: 160, b: 60),
            Pixel(r: 40, g: 70, b: 210), Pixel(r: 20, g: 20, b: 20), Pixel(r: 240, g: 200, b: 40),
        ]
        // An "F" with a dot: rows of 6 blocks.
        let layout: [[Int]] = [
            [1, 1, 1, 1, 0, 5],
            [1, 0, 0, 0, 0, 0],
            [1, 2, 2, 0, 0, 3],
            [1, 0, 0, 0, 4, 4],
        ]
        return make(48, 32, opaque: true) { x, y in colors[layout[y / 8][x / 8]] }
    }

    /// `v` of `0 ..< n` spread over 0...255.
    static func ramp(_ v: Int, _ n: Int) -> UInt8 {
        n <= 1 ? 0 : UInt8(v * 255 / (n - 1))
    }

    static func make(_ width: Int, _ height: Int, opaque: Bool, _ pixel: (Int, Int) -> Pixel) -> Image {
        var image = Image(width: width, height: height, fill: opaque ? .black : .clear)
        for y in 0..<height {
            for x in 0..<width { image[x, y] = pixel(x, y) }
        }
        if !opaque { image.recomputeOpacity() }
        return image
    }
}
