/// Path → edges → coverage, by exact area accumulation (the signed-area method of font
/// rasterizers such as FreeType's and font-rs): every edge adds, per pixel cell it crosses, the
/// area it leaves to its right; a running sum along each row is the winding number with
/// fractional coverage at the edges, which the fill rule turns into coverage. Analytic, no
/// supersampling; deterministic; linear in the edges' lengths inside the region.
///
/// A path is prepared once (``PreparedFill``): flattened, its edges sorted into the strips of
/// rows they cross, in path order within each. Each strip is then accumulated, handed on and
/// cleared before the next, so the working memory stays in the cache however large the shape,
/// and a draw list can draw every operation of one strip of the picture before the next (see
/// ``DrawList``). A row's sums do not depend on the strips: every row adds the same edge pieces
/// in the same order, in the coordinates of the whole region.
enum Rasterizer {
    /// Rows per strip for a target `width` pixels wide: about 1 MB of 4-byte pixels, so a strip
    /// of the picture stays in a core's cache while every operation touching it is drawn, and
    /// a tall shape is not cut into many small pieces; at least 8 rows, at most 128. (On a
    /// 12 MP annotation of 100 masks, 256 KB and 4 MB strips took 10–20 % more time.)
    static func stripRows(width: Int) -> Int { min(128, max(8, (1 << 20) / max(4 * width, 1))) }

    /// `covered` inside `clip`, or nil; guards against coordinates beyond Int's range.
    static func clampRegion(_ covered: PixelRect, _ clip: PixelRect) -> PixelRect? {
        covered.clamped(to: Size(width: clip.x + clip.width, height: clip.y + clip.height)).flatMap { r in
            let x0 = max(r.x, clip.x), y0 = max(r.y, clip.y)
            let x1 = min(r.x + r.width, clip.x + clip.width), y1 = min(r.y + r.height, clip.y + clip.height)
            return x1 > x0 && y1 > y0 ? PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
        }
    }

    /// Accumulates the edge (x0, y0) → (x1, y1), in region coordinates, into `a` (rows of
    /// `width + 1`, the first being region row `rows.lowerBound`). Rows outside `rows` are
    /// skipped; the part left of the region counts at its left edge, the part right of it is
    /// dropped (it covers nothing inside).
    static func addEdge(
        _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width w: Int, rows: Range<Int>,
        into a: UnsafeMutableBufferPointer<Float>, touched: Touched
    ) {
        guard y0 != y1, x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite else { return }
        let dir: Double = y1 > y0 ? 1 : -1
        let (xt, yt, xb, yb) = y0 < y1 ? (x0, y0, x1, y1) : (x1, y1, x0, y0)
        let dxdy = (xb - xt) / (yb - yt)
        let rowFirst = max(Int(yt.rounded(.down)), rows.lowerBound), rowLast = min(Int(yb.rounded(.up)) - 1, rows.upperBound - 1)
        guard rowFirst <= rowLast else { return }
        for row in rowFirst...rowLast {
            let ya = max(yt, Double(row)), yb2 = min(yb, Double(row + 1))
            guard yb2 > ya else { continue }
            // Clamped to a pixel beyond either side, which covers exactly what a point further
            // out would; coordinates so large that the slope overflows (NaN) count as left.
            let xa = clampedX(xt + (ya - yt) * dxdy, width: w), xbb = clampedX(xt + (yb2 - yt) * dxdy, width: w)
            accumulateRow(a, row: row - rows.lowerBound, width: w, xa: xa, xb: xbb, dy: (yb2 - ya) * dir, touched: touched)
        }
    }

    @inline(__always)
    static func clampedX(_ x: Double, width w: Int) -> Double { x.isNaN ? -1 : min(max(x, -1), Double(w) + 1) }

    /// Where each row's first and last touched columns are kept while edges accumulate.
    struct Touched {
        let start: UnsafeMutablePointer<Int32>
        let end: UnsafeMutablePointer<Int32>
        let bits: UnsafeMutablePointer<UInt64>
        let wordsPerRow: Int
        let width: Int32

        /// Sets the bits of columns `from ..< to` of `row`.
        @inline(__always)
        func mark(row: Int, from: Int, to: Int) {
            guard from < to else { return }
            let base = bits + row * wordsPerRow
            var c = from
            while c < to {
                let word = c >> 6, bit = c & 63
                let count = min(64 - bit, to - c)
                let mask = count == 64 ? ~UInt64(0) : ((UInt64(1) << UInt64(count)) - 1) << UInt64(bit)
                base[word] |= mask
                c += count
            }
        }
    }

    /// One row's piece of an edge: from x `xa` to `xb` while y advances by `dy` (signed).
    @inline(__always)
    static func accumulateRow(
        _ a: UnsafeMutableBufferPointer<Float>, row: Int, width w: Int, xa: Double, xb: Double, dy: Double,
        touched: Touched
    ) {
        let base = row * (w + 1)
        var lo = min(xa, xb), hi = max(xa, xb)
        let span = hi - lo
        // The columns this piece writes: from the first to one past the last. A piece right of
        // the region is dropped, so the row's winding need not return to zero: it runs to the end.
        let first = lo <= 0 ? 0 : Int32(min(lo, Double(w)))
        let last = hi >= Double(w) - 1 ? touched.width : min(Int32(max(hi, 0)) + 2, touched.width)
        if first < touched.start[row] { touched.start[row] = first }
        if last > touched.end[row] { touched.end[row] = last }
        // Every cell written must be marked (the scratch is cleared through the marks), the
        // extra cell at `width` included.
        touched.mark(row: row, from: Int(first), to: hi >= Double(w) - 1 ? w + 1 : min(Int(max(hi, 0)) + 2, w + 1))
        // The part left of the region: its full dy lands on column 0.
        if lo < 0 {
            let leftPart = span > 0 ? dy * (min(hi, 0) - lo) / span : dy
            a[base] += Float(leftPart)
            if hi <= 0 { return }
            lo = 0
        }
        if lo >= Double(w) { return }  // entirely right of the region
        hi = min(hi, Double(w))
        let dyPerX = span > 0 ? dy / span : 0
        var c = Int(lo)
        if span == 0 || max(c, Int(hi.rounded(.up)) - 1) == c {
            // Within one column: the part of dy to the right of the mean x stays in this cell.
            let share = span == 0 ? dy : dyPerX * (hi - lo)
            let mid = (lo + hi) / 2 - Double(c)
            a[base + c] += Float(share * (1 - mid))
            a[base + c + 1] += Float(share * mid)
            return
        }
        var u = lo
        while u < hi && c < w {
            let v = min(Double(c + 1), hi)
            let piece = dyPerX * (v - u)
            let mid = (u + v) / 2 - Double(c)
            a[base + c] += Float(piece * (1 - mid))
            a[base + c + 1] += Float(piece * mid)
            u = v
            c += 1
        }
    }
}
