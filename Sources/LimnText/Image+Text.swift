import LimnRaster

extension Image {
    /// Draws a laid-out line with its baseline's left end at `origin`, in `colour` (its alpha
    /// times FreeType's grayscale coverage), composited "over". Glyphs come from the engine's
    /// cache: drawing the same text again renders nothing new. Clipped to the image.
    public mutating func draw(_ line: TextLine, at origin: Point, colour: Pixel, engine: TextEngine = .shared) {
        guard origin.x.isFinite, origin.y.isFinite, colour.a > 0 else { return }
        let keepsOpacity = isOpaque
        let w = width, h = height
        let cr = UInt32(colour.r), cg = UInt32(colour.g), cb = UInt32(colour.b), ca = UInt32(colour.a)
        withUnsafeMutableBytes(preservingOpacity: keepsOpacity) { raw in
            let p = raw.bindMemory(to: UInt8.self)
            for g in line.glyphs {
                guard let bitmap = engine.bitmap(face: g.face, glyph: g.glyph), bitmap.width > 0 else { continue }
                let left = Int((origin.x + g.x).rounded()) + bitmap.left
                let top = Int((origin.y + g.y).rounded()) - bitmap.top
                // The glyph's rows and columns inside the image, found once.
                let x0 = max(0, -left), x1 = min(bitmap.width, w - left)
                let y0 = max(0, -top), y1 = min(bitmap.height, h - top)
                guard x0 < x1, y0 < y1 else { continue }
                bitmap.pixels.withUnsafeBufferPointer { coverage in
                    for y in y0..<y1 {
                        let source = coverage.baseAddress! + y * bitmap.width
                        let target = (top + y) * w + left
                        for x in x0..<x1 {
                            let c = UInt32(source[x])
                            if c == 0 { continue }
                            let a = ca == 255 ? c : (c * ca + 127) / 255
                            let i = (target + x) * 4
                            if keepsOpacity || p[i + 3] == 255 {
                                let na = 255 - a
                                p[i] = UInt8(truncatingIfNeeded: (cr * a + UInt32(p[i]) * na + 127) / 255)
                                p[i + 1] = UInt8(truncatingIfNeeded: (cg * a + UInt32(p[i + 1]) * na + 127) / 255)
                                p[i + 2] = UInt8(truncatingIfNeeded: (cb * a + UInt32(p[i + 2]) * na + 127) / 255)
                                p[i + 3] = 255
                            } else {
                                TextBlend.over(p, at: i, colour: colour, alpha: a)
                            }
                        }
                    }
                }
            }
        }
        if !keepsOpacity { recomputeOpacity() }
    }

    /// Lays out and draws `text` (see ``TextEngine/layout(_:font:direction:)``); returns the line.
    @discardableResult
    public mutating func draw(_ text: String, at origin: Point, font: Font, colour: Pixel,
                              direction: TextDirection = .auto) throws(TextError) -> TextLine {
        let line = try TextEngine.shared.layout(text, font: font, direction: direction)
        draw(line, at: origin, colour: colour)
        return line
    }
}

/// "Over" for one pixel of straight-alpha RGBA: a colour at alpha `a` (0…255).
enum TextBlend {
    @inline(__always)
    static func over(_ p: UnsafeMutableBufferPointer<UInt8>, at i: Int, colour: Pixel, alpha a: UInt32) {
        guard a > 0 else { return }
        let ab = UInt32(p[i + 3])
        if ab == 255 || a == 255 {
            let na = 255 - a
            p[i] = UInt8((UInt32(colour.r) * a + UInt32(p[i]) * na + 127) / 255)
            p[i + 1] = UInt8((UInt32(colour.g) * a + UInt32(p[i + 1]) * na + 127) / 255)
            p[i + 2] = UInt8((UInt32(colour.b) * a + UInt32(p[i + 2]) * na + 127) / 255)
            if ab != 255 { p[i + 3] = 255 }
            return
        }
        let s = a * 255 + ab * (255 - a)
        guard s > 0 else { return }
        p[i] = UInt8((UInt32(colour.r) * a * 255 + UInt32(p[i]) * ab * (255 - a) + s / 2) / s)
        p[i + 1] = UInt8((UInt32(colour.g) * a * 255 + UInt32(p[i + 1]) * ab * (255 - a) + s / 2) / s)
        p[i + 2] = UInt8((UInt32(colour.b) * a * 255 + UInt32(p[i + 2]) * ab * (255 - a) + s / 2) / s)
        p[i + 3] = UInt8((s + 127) / 255)
    }
}
