import LimnRaster

extension Image {
    /// Draws a laid-out line with its baseline's left end at `origin`, in `color` (its alpha
    /// times FreeType's grayscale coverage), composited "over". Glyphs come from the engine's
    /// cache: drawing the same text again renders nothing new. Clipped to the image.
    public mutating func draw(_ line: TextLine, at origin: Point, color: Pixel, engine: TextEngine = .shared) {
        guard origin.x.isFinite, origin.y.isFinite, color.a > 0, !isEmpty else { return }
        blend(color, through: line.coverage(at: origin, engine: engine))
    }

    /// Lays out and draws `text` (see ``TextEngine/layout(_:font:direction:)``); returns the line.
    @discardableResult
    public mutating func draw(
        _ text: String, at origin: Point, font: Font, color: Pixel,
        direction: TextDirection = .auto
    ) throws -> TextLine {
        let line = try TextEngine.shared.layout(text, font: font, direction: direction)
        draw(line, at: origin, color: color)
        return line
    }
}

extension DrawList {
    /// Records a laid-out line with its baseline's left end at `origin` (see
    /// `Image.draw(_:at:color:engine:)`): its glyph bitmaps are fetched from `engine` now.
    public mutating func draw(_ line: TextLine, at origin: Point, color: Pixel, engine: TextEngine = .shared) {
        guard origin.x.isFinite, origin.y.isFinite, color.a > 0, !line.glyphs.isEmpty else { return }
        blend(color, through: line.coverage(at: origin, engine: engine))
    }

    /// Lays out `text` and records it (see `Image.draw(_:at:font:color:direction:)`).
    public mutating func draw(_ text: String, at origin: Point, font: Font, color: Pixel, engine: TextEngine = .shared) throws {
        draw(try engine.layout(text, font: font), at: origin, color: color, engine: engine)
    }
}

extension TextLine {
    /// The line's glyphs as coverage bitmaps, with the baseline's left end at `origin`
    /// (positions rounded to whole pixels, where FreeType's hinted bitmaps belong). Glyphs with
    /// no ink, or placed beyond ±10⁹ pixels, are left out. One engine lock for the whole line.
    public func coverage(at origin: Point, engine: TextEngine = .shared) -> [CoverageBitmap] {
        var out: [CoverageBitmap] = []
        out.reserveCapacity(glyphs.count)
        for (g, bitmap) in zip(glyphs, engine.bitmaps(of: self)) {
            let gx = (origin.x + g.x).rounded(), gy = (origin.y + g.y).rounded()
            guard let bitmap, bitmap.width > 0, bitmap.height > 0, abs(gx) < 1e9, abs(gy) < 1e9 else { continue }
            out.append(
                CoverageBitmap(
                    width: bitmap.width, height: bitmap.height, left: Int(gx) + bitmap.left,
                    top: Int(gy) - bitmap.top, pixels: bitmap.pixels))
        }
        return out
    }
}
