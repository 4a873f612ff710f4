/// The coverage of a ``BinaryGrid``'s outline (`Contours`, marching squares over the pixel
/// centers) computed straight from the grid, with no outline traced: what filling the traced
/// polygons with the exact-area rasterizer gives, from each pixel's 3 × 3 neighbourhood.
///
/// A pixel is split into four quarters, each in the marching-squares cell it shares with three
/// neighbours. A foreground pixel's quarter is whole unless both neighbours beside it in that
/// cell are background (then the outline cuts it in half: a corner or a saddle, the foreground
/// kept 4-connected); a background pixel's quarter holds half a quarter when the other three
/// pixels of the cell are foreground (the outline cuts that corner), else nothing. So coverage
/// is a whole number of eighths, exact, and deterministic.
enum OutlineCoverage {
    /// Eighths (0 … 8) per neighbourhood, indexed by its three rows of three bits (top row
    /// highest; in each, the left pixel lowest): 512 entries.
    static let eighths: [UInt8] = (0..<512).map { n in
        @inline(__always) func bit(_ k: Int) -> Bool { n >> k & 1 != 0 }
        let (tl, t, tr, l, c, r, bl, b, br) = (bit(6), bit(7), bit(8), bit(3), bit(4), bit(5), bit(0), bit(1), bit(2))
        // One quarter of the center pixel: `a1`, `a2` beside it in the cell, `o` across.
        func quarter(_ a1: Bool, _ a2: Bool, _ o: Bool) -> UInt8 { c ? (a1 || a2 ? 2 : 1) : (a1 && a2 && o ? 1 : 0) }
        return quarter(t, l, tl) + quarter(t, r, tr) + quarter(b, l, bl) + quarter(b, r, br)
    }

    /// Calls `body(y, x, count, eighths)` for every run of pixels of one coverage above zero, row
    /// by row, in picture coordinates, for the pixels of `grid` inside `clip`. The pixels whose
    /// neighbourhood is all foreground (coverage 8) or all background (0) are found 64 at a
    /// time from the grid's words; only those along the outline are looked up one by one.
    /// Allocates nothing.
    @inline(__always)
    static func forEachSpan(_ grid: BinaryGrid, clip: PixelRect, _ body: (_ y: Int, _ x: Int, _ count: Int, _ eighths: Int) -> Void) {
        guard let inside = grid.bounds.intersection(clip) else { return }
        let perRow = grid.wordsPerRow
        // Padded columns c0 ..< c1 (pixel x is column x + 1).
        let c0 = inside.x - grid.left + 1, c1 = c0 + inside.width
        eighths.withUnsafeBufferPointer { table in
            grid.withUnsafeWords { g in
                // Bits c - 1, c, c + 1 of padded row `row`, as bits 0, 1, 2.
                @inline(__always) func triple(_ row: Int, _ c: Int) -> Int {
                    let w = row + (c - 1) >> 6, s = UInt64((c - 1) & 63)
                    return Int(truncatingIfNeeded: (g[w] &>> s | (g[w + 1] &<< 1) &<< (63 &- s)) & 7)
                }
                for r in (inside.y - grid.top)..<(inside.y - grid.top + inside.height) {
                    let up = r * perRow, mid = up + perRow, down = mid + perRow
                    let y = grid.top + r
                    var runStart = 0, runEnd = 0, runValue = 0
                    @inline(__always) func emit(_ c: Int, _ count: Int, _ value: Int) {
                        if value == runValue && c == runEnd {
                            runEnd += count
                            return
                        }
                        if runValue > 0 { body(y, grid.left + runStart - 1, runEnd - runStart, runValue) }
                        (runStart, runEnd, runValue) = (c, c + count, value)
                    }
                    var previousOr: UInt64 = 0, previousAnd: UInt64 = 0
                    var orNow = g[up] | g[mid] | g[down], andNow = g[up] & g[mid] & g[down]
                    for w in (c0 >> 6)...((c1 - 1) >> 6) {
                        if w > c0 >> 6 {
                            (previousOr, previousAnd) = (orNow, andNow)
                            (orNow, andNow) = (g[up + w] | g[mid + w] | g[down + w], g[up + w] & g[mid + w] & g[down + w])
                        } else if w > 0 {
                            let v = w - 1
                            (previousOr, previousAnd) = (g[up + v] | g[mid + v] | g[down + v], g[up + v] & g[mid + v] & g[down + v])
                            (orNow, andNow) = (g[up + w] | g[mid + w] | g[down + w], g[up + w] & g[mid + w] & g[down + w])
                        }
                        let nextOr = g[up + w + 1] | g[mid + w + 1] | g[down + w + 1]
                        let nextAnd = g[up + w + 1] & g[mid + w + 1] & g[down + w + 1]
                        // Per column: any of the nine foreground, all nine foreground.
                        let any = orNow | (orNow << 1 | previousOr >> 63) | (orNow >> 1 | nextOr << 63)
                        let all = andNow & (andNow << 1 | previousAnd >> 63) & (andNow >> 1 | nextAnd << 63)
                        // Only the columns asked for.
                        let from = max(c0 - w << 6, 0), to = min(c1 - w << 6, 64)
                        let wanted = (to == 64 ? ~UInt64(0) : (UInt64(1) << UInt64(to)) &- 1) & ~((UInt64(1) << UInt64(from)) &- 1)
                        var full = all & wanted
                        var edge = any & ~all & wanted
                        while full | edge != 0 {
                            let p = (full | edge).trailingZeroBitCount
                            let c = w << 6 | p
                            if full >> UInt64(p) & 1 != 0 {
                                let n = (~(full >> UInt64(p))).trailingZeroBitCount
                                emit(c, n, 8)
                                full &= n + p >= 64 ? 0 : ~0 << UInt64(n + p)
                            } else {
                                let value = Int(table[triple(up, c) << 6 | triple(mid, c) << 3 | triple(down, c)])
                                if value > 0 { emit(c, 1, value) }
                                edge &= edge &- 1
                            }
                        }
                    }
                    if runValue > 0 { body(y, grid.left + runStart - 1, runEnd - runStart, runValue) }
                }
            }
        }
    }
}

extension PixelTarget {
    /// `Image.fill(outlineOf:with:)` on the pixels inside `clip` (already within the image):
    /// runs of full coverage of an opaque color are plain stores, the rest "over" at the color's
    /// alpha times the coverage, rounded as the path fill rounds it.
    func fill(outlineOf grid: BinaryGrid, with color: Pixel, clip: PixelRect) {
        guard color.a > 0 else { return }
        let cr = UInt32(color.r), cg = UInt32(color.g), cb = UInt32(color.b)
        let solid = (cr | cg << 8 | cb << 16 | 0xFF00_0000).littleEndian
        // Alpha per eighth: round(k/8 · a), as `UInt32(coverage · alpha + 0.5)` gives for exact eighths.
        let a = UInt32(color.a)
        let alphas = (0...8).map { k in (UInt32(k) * a + 4) / 8 }
        let (bytes, w, opaque) = (self.bytes, width, self.opaque)
        alphas.withUnsafeBufferPointer { alphas in
            OutlineCoverage.forEachSpan(grid, clip: clip) { y, x, count, k in
                let alpha = alphas[k]
                guard alpha > 0 else { return }
                let q = bytes + (y * w + x) * 4
                if alpha == 255 {
                    let words = UnsafeMutableRawPointer(q).assumingMemoryBound(to: UInt32.self)
                    for i in 0..<count { words[i] = solid }
                } else {
                    Self.blendSpan(q, count: count, red: cr, green: cg, blue: cb, alpha: alpha, opaque: opaque)
                }
            }
        }
    }
}

extension Image {
    /// Fills the outline of `grid`'s foreground (see `Contours`) with `color`, "over": the
    /// coverage the exact-area rasterizer gives the traced polygons, computed from the grid
    /// without tracing them: exact inside, eighths of a pixel on the outline, untouched
    /// outside. Allocates nothing; deterministic.
    public mutating func fill(outlineOf grid: BinaryGrid, with color: Pixel) {
        guard color.a > 0, !isEmpty else { return }
        let clip = PixelRect(x: 0, y: 0, width: width, height: height)
        withPixelTarget { $0.fill(outlineOf: grid, with: color, clip: clip) }
    }
}

extension Mask {
    /// Adds the coverage of the outline of `grid`'s foreground (see `Contours`), scaled by
    /// `value`, as ``fill(_:value:rule:)`` adds a path's: `m + c·(value − m)` where `value` is
    /// above `m`. The same values as filling the traced outlines even-odd, without tracing.
    /// Allocates nothing; deterministic.
    public mutating func fill(outlineOf grid: BinaryGrid, value: UInt8 = 255) {
        guard !isEmpty else { return }
        let w = width, v = Int(value), all = PixelRect(x: 0, y: 0, width: width, height: height)
        withUnsafeMutableBytes { d in
            OutlineCoverage.forEachSpan(grid, clip: all) { y, x, count, k in
                for i in (y * w + x)..<(y * w + x + count) {
                    let m = Int(d[i])
                    if v > m { d[i] = UInt8(m + (k * (v - m) + 4) / 8) }
                }
            }
        }
    }
}
