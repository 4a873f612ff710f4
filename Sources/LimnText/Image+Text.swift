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
        let solid = (cr | cg << 8 | cb << 16 | 0xFF00_0000).littleEndian
        let bitmaps = engine.bitmaps(of: line)
        withUnsafeMutableBytes(preservingOpacity: keepsOpacity) { raw in
            let p = raw.bindMemory(to: UInt8.self)
            for (g, bitmap) in zip(line.glyphs, bitmaps) {
                guard let bitmap, bitmap.width > 0 else { continue }
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
                            let q = p.baseAddress! + (target + x) * 4
                            if c == 255 && ca == 255 {
                                UnsafeMutableRawPointer(q).storeBytes(of: solid, as: UInt32.self)
                                continue
                            }
                            let a = ca == 255 ? c : (c * ca + 127) / 255
                            Blend.over(q, red: cr, green: cg, blue: cb, alpha: a)
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
