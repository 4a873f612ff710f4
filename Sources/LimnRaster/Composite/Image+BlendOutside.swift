extension Image {
    /// Composites `color` "over" every pixel outside all of `rects` (their union stays as it
    /// is): what dims the outside of suggested crops. Rectangle edges are rounded to whole
    /// pixels; non-finite or empty rectangles are ignored. In place, row by row, no allocation
    /// beyond one small list of spans per row.
    public mutating func blend(_ color: Pixel, outside rects: [Rect]) {
        guard color.a > 0, !isEmpty else { return }
        let w = width, h = height
        let boxes: [(x0: Int, y0: Int, x1: Int, y1: Int)] = rects.compactMap { r in
            guard r.isFinite, abs(r.minX) < 1e9, abs(r.minY) < 1e9, abs(r.maxX) < 1e9, abs(r.maxY) < 1e9 else { return nil }
            let x0 = max(0, min(w, Int(r.minX.rounded()))), x1 = max(0, min(w, Int(r.maxX.rounded())))
            let y0 = max(0, min(h, Int(r.minY.rounded()))), y1 = max(0, min(h, Int(r.maxY.rounded())))
            return x1 > x0 && y1 > y0 ? (x0, y0, x1, y1) : nil
        }
        let keepsOpacity = isOpaque
        let cr = UInt32(color.r), cg = UInt32(color.g), cb = UInt32(color.b), ca = UInt32(color.a)
        withUnsafeMutableBytes(preservingOpacity: keepsOpacity) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var spans: [(Int, Int)] = []
            for y in 0..<h {
                spans.removeAll(keepingCapacity: true)
                for b in boxes where y >= b.y0 && y < b.y1 { spans.append((b.x0, b.x1)) }
                spans.sort { $0.0 < $1.0 }
                var x = 0
                let row = p + y * w * 4
                func dim(_ from: Int, _ to: Int) {
                    var i = from
                    while i < to { Blend.over(row + i * 4, red: cr, green: cg, blue: cb, alpha: ca); i += 1 }
                }
                for (s, e) in spans {
                    if s > x { dim(x, s) }
                    x = max(x, e)
                }
                if x < w { dim(x, w) }
            }
        }
        if !keepsOpacity { recomputeOpacity() }
    }
}
