@_spi(Drawing) import LimnRaster

extension Image {
    /// Draws a laid-out line with its baseline's left end at `origin`, in `colour` (its alpha
    /// times FreeType's grayscale coverage), composited "over". Glyphs come from the engine's
    /// cache: drawing the same text again renders nothing new. Clipped to the image.
    public mutating func draw(_ line: TextLine, at origin: Point, colour: Pixel, engine: TextEngine = .shared) {
        guard origin.x.isFinite, origin.y.isFinite, colour.a > 0, !isEmpty else { return }
        let keepsOpacity = isOpaque
        let (w, h) = (width, height)
        let bitmaps = engine.bitmaps(of: line)
        withUnsafeMutableBytes(preservingOpacity: keepsOpacity) { raw in
            let target = RasterTarget(bytes: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), width: w, height: h)
            line.blit(bitmaps, at: origin, colour: colour, into: target, clip: PixelRect(x: 0, y: 0, width: w, height: h))
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

extension TextLine {
    /// Composites the line's glyph bitmaps (`bitmaps`, in the line's order) with the baseline's
    /// left end at `origin` (positions rounded to whole pixels), inside `clip`.
    func blit(_ bitmaps: [GlyphBitmap?], at origin: Point, colour: Pixel, into target: RasterTarget, clip: PixelRect) {
        for (g, bitmap) in zip(glyphs, bitmaps) {
            let gx = (origin.x + g.x).rounded(), gy = (origin.y + g.y).rounded()
            guard let bitmap, bitmap.width > 0, bitmap.height > 0, abs(gx) < 1e9, abs(gy) < 1e9 else { continue }
            let left = Int(gx) + bitmap.left
            let top = Int(gy) - bitmap.top
            bitmap.pixels.withUnsafeBufferPointer { coverage in
                target.blend(colour, through: coverage.baseAddress!, coverageWidth: bitmap.width, coverageHeight: bitmap.height,
                             left: left, top: top, clip: clip)
            }
        }
    }
}
