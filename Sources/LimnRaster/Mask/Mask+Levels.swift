/// Per-value mask operations: threshold, invert, union, intersection. Each allocates the result.
extension Mask {
    /// 255 where the value is at least `level`, 0 elsewhere.
    public func thresholded(at level: UInt8 = 128) -> Mask {
        map { $0 >= level ? 255 : 0 }
    }

    /// `255 − value` everywhere.
    public func inverted() -> Mask {
        map { 255 - $0 }
    }

    /// The larger of the two values at each pixel (what either mask covers).
    public func union(_ other: Mask) throws -> Mask {
        try combine(other, "union of masks") { max($0, $1) }
    }

    /// The smaller of the two values at each pixel (what both masks cover).
    public func intersection(_ other: Mask) throws -> Mask {
        try combine(other, "intersection of masks") { min($0, $1) }
    }

    /// A mask with `transform` applied to every value.
    public func map(_ transform: (UInt8) -> UInt8) -> Mask {
        var table = [UInt8](repeating: 0, count: 256)
        for v in 0..<256 { table[v] = transform(UInt8(v)) }
        return withUnsafeBytes { src in
            Mask(width: width, height: height) { dst in
                table.withUnsafeBufferPointer { t in for i in 0..<src.count { dst[i] = t[Int(src[i])] } }
            }
        }
    }

    private func combine(_ other: Mask, _ operation: String, _ f: (UInt8, UInt8) -> UInt8) throws(RasterError) -> Mask {
        guard other.size == size else { throw RasterError.sizeMismatch(operation: operation, expected: size, actual: other.size) }
        return withUnsafeBytes { a in
            other.withUnsafeBytes { b in
                Mask(width: width, height: height) { dst in for i in 0..<a.count { dst[i] = f(a[i], b[i]) } }
            }
        }
    }

    /// The smallest rectangle holding every value of at least `level`, or nil when there is none.
    public func contentBounds(level: UInt8 = 1) -> PixelRect? {
        var x0 = width, y0 = height, x1 = -1, y1 = -1
        withUnsafeBytes { p in
            for y in 0..<height {
                let row = y * width
                var first = -1, last = -1
                for x in 0..<width where p[row + x] >= level {
                    if first < 0 { first = x }
                    last = x
                }
                if first >= 0 {
                    x0 = min(x0, first); x1 = max(x1, last)
                    y0 = min(y0, y); y1 = y
                }
            }
        }
        guard x1 >= 0 else { return nil }
        return PixelRect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
    }
}
