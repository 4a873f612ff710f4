import LimnRaster

extension TextEngine {
    /// The box of the pixels a line inks when drawn with its baseline's left end at (0, 0)
    /// (y down, so the box's `y` is negative above the baseline); nil when it inks nothing
    /// (an empty string, spaces). Renders (and caches) the glyphs it has not rendered before.
    public func inkBounds(of line: TextLine) -> Rect? {
        var x0 = Int.max, y0 = Int.max, x1 = Int.min, y1 = Int.min
        for g in line.glyphs {
            guard let bitmap = bitmap(face: g.face, glyph: g.glyph), bitmap.width > 0, bitmap.height > 0 else { continue }
            let left = Int(g.x.rounded()) + bitmap.left, top = Int(g.y.rounded()) - bitmap.top
            x0 = min(x0, left); y0 = min(y0, top)
            x1 = max(x1, left + bitmap.width); y1 = max(y1, top + bitmap.height)
        }
        guard x0 < x1 else { return nil }
        return Rect(x: Double(x0), y: Double(y0), width: Double(x1 - x0), height: Double(y1 - y0))
    }
}
