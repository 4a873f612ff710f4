extension Mask {
    /// Adds `path`'s coverage (scaled by `value`) to the mask: `m + c·(value − m)` where
    /// `value` is above `m`, so overlapping shapes unite. Throws for a non-finite path.
    public mutating func fill(_ path: Path, value: UInt8 = 255, rule: FillRule = .nonZero) throws {
        guard !isEmpty else { return }
        let w = width, v = Float(value), all = PixelRect(x: 0, y: 0, width: width, height: height)
        try withUnsafeMutableBytes { (d) throws(RasterError) in
            guard
                let prepared = try PreparedFill(
                    path, rule: rule, clip: all, stripRows: Rasterizer.stripRows(width: w), operation: "filling a path into a mask")
            else { return }
            try prepared.forEachStrip { map in
                let r = map.region
                map.forEachSpan(row: { y in (r.y + y) * w + r.x }) { row, x, count, coverage in
                    guard coverage > 0.5 / 255 else { return }
                    for i in row + x..<row + x + count {
                        let m = Float(d[i])
                        if v > m { d[i] = UInt8(m + coverage * (v - m) + 0.5) }
                    }
                }
            }
        }
    }

    /// A `size` mask of `paths` filled (polygons and boxes from a vision result, anti-aliased).
    public init(size: Size, paths: [Path], rule: FillRule = .nonZero) throws {
        self.init(width: size.width, height: size.height)
        for path in paths { try fill(path, rule: rule) }
    }
}
