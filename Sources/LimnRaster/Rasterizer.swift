/// How overlapping parts of a path count as inside.
public enum FillRule: Sendable, Equatable {
    /// Inside where the winding number is not zero.
    case nonZero
    /// Inside where the winding number is odd.
    case evenOdd
}

/// The coverage of a filled path over a region of whole pixels: the stage between the rasterizer
/// and a blitter. Rows hold the accumulated signed areas (`width + 1` each); a running sum along a
/// row is the winding number, which the fill rule turns into coverage, 0 … 1.
struct CoverageMap {
    var region: PixelRect
    /// The accumulation cells (`(width + 1) × height`) and the touched bits live in a recycled
    /// scratch; ``recycle()`` clears what was touched and returns it to the pool.
    let scratch: CoverageScratch
    var accumulation: UnsafeMutablePointer<Float> { scratch.accumulation }
    var rule: FillRule
    /// Per row, the first column any edge touched (`width` when none) and one past the last
    /// (0 when none): pixels outside `rowStart ..< rowEnd` have coverage 0 (a closed path's
    /// windings sum to zero across a row). Runs with no edge contribution keep the coverage
    /// before them.
    var rowStart: [Int32]
    var rowEnd: [Int32]
    /// One bit per accumulation cell any edge wrote (rows of `wordsPerRow` words): between two
    /// set bits the coverage is constant, so blitters jump from one to the next.
    var touched: UnsafeMutablePointer<UInt64> { scratch.bits }
    var wordsPerRow: Int

    /// Gives the scratch back, all zero again. Call once, when done with the map.
    func recycle() {
        scratch.clear(height: region.height, stride: region.width + 1, wordsPerRow: wordsPerRow)
        CoverageScratch.give(scratch)
    }

    /// The first touched column after `x` in row `y`, or `end` when there is none before it.
    @inline(__always)
    static func nextTouched(after x: Int, end: Int, bits: UnsafePointer<UInt64>) -> Int {
        let from = x &+ 1
        guard from < end else { return end }
        var word = from >> 6
        var m = bits[word] & (~UInt64(0) << UInt64(from & 63))
        while m == 0 {
            word &+= 1
            if word << 6 >= end { return end }
            m = bits[word]
        }
        return min(word << 6 | m.trailingZeroBitCount, end)
    }

    /// Calls `body(x, y, coverage)` for every pixel of the region with coverage above zero, row
    /// by row (x and y relative to the region).
    @inline(__always)
    func forEachCovered(_ body: (Int, Int, Float) -> Void) {
        let w = region.width
        let acc = accumulation
        do {
            for y in 0..<region.height {
                var winding: Float = 0
                let row = y * (w + 1)
                for x in Int(rowStart[y])..<max(Int(rowStart[y]), Int(rowEnd[y])) {
                    winding += acc[row + x]
                    let v = abs(winding)
                    guard v > 0.5 / 255 else { continue }
                    let coverage: Float
                    switch rule {
                    case .nonZero: coverage = min(v, 1)
                    case .evenOdd:
                        let t = v.truncatingRemainder(dividingBy: 2)
                        coverage = t > 1 ? 2 - t : t
                    }
                    body(x, y, coverage)
                }
            }
        }
    }
}

/// Path → edges → coverage, by exact area accumulation (the signed-area method of font
/// rasterizers such as FreeType's and font-rs): every edge adds, per pixel cell it crosses, the
/// area it leaves to its right; a running sum along each row is the winding number with
/// fractional coverage at the edges, which the fill rule turns into coverage. Analytic, no
/// supersampling; deterministic; linear in the edges' lengths inside the region.
enum Rasterizer {
    static func coverage(of path: Path, rule: FillRule, clip: PixelRect, operation: String) throws(RasterError) -> CoverageMap? {
        guard path.isFinite else {
            throw .invalidGeometry(operation: operation, reason: "the path has a NaN or infinite coordinate")
        }
        guard let bounds = path.controlBounds else { return nil }
        guard max(abs(bounds.minX), abs(bounds.maxX), abs(bounds.minY), abs(bounds.maxY)) < 1e15 else {
            throw .invalidGeometry(operation: operation, reason: "the path reaches beyond ±1e15 pixels")
        }
        // A path with no width or height still covers the pixels it touches (it adds no area).
        let box = Rect(x: bounds.x, y: bounds.y, width: max(bounds.width, 1), height: max(bounds.height, 1))
        guard let covered = box.coveredPixels, let region = clampRegion(covered, clip) else { return nil }
        let polylines = path.flattened()
        let w = region.width, h = region.height
        var rowStart = [Int32](repeating: Int32(w), count: h)
        var rowEnd = [Int32](repeating: 0, count: h)
        let wordsPerRow = (w + 1 + 63) / 64
        let (cells, words) = (w + 1).multipliedReportingOverflow(by: h)
        guard !words, let scratch = CoverageScratch.take(cells: cells, words: wordsPerRow * h) else {
            throw .invalidGeometry(operation: operation, reason: "there is not enough memory for a \(w)x\(h) pixel region")
        }
        let ox = Double(region.x), oy = Double(region.y)
        let a = UnsafeMutableBufferPointer(start: scratch.accumulation, count: cells)
        rowStart.withUnsafeMutableBufferPointer { starts in
            rowEnd.withUnsafeMutableBufferPointer { ends in
                let touched = Touched(start: starts.baseAddress!, end: ends.baseAddress!, bits: scratch.bits,
                                      wordsPerRow: wordsPerRow, width: Int32(w))
                for line in polylines {
                    for i in 0..<line.count {
                        let p = line[i], q = line[(i + 1) % line.count]  // closed
                        addEdge(p.x - ox, p.y - oy, q.x - ox, q.y - oy, width: w, height: h, into: a, touched: touched)
                    }
                }
            }
        }
        return CoverageMap(region: region, scratch: scratch, rule: rule, rowStart: rowStart, rowEnd: rowEnd, wordsPerRow: wordsPerRow)
    }

    /// `covered` inside `clip`, or nil; guards against coordinates beyond Int's range.
    private static func clampRegion(_ covered: PixelRect, _ clip: PixelRect) -> PixelRect? {
        covered.clamped(to: Size(width: clip.x + clip.width, height: clip.y + clip.height)).flatMap { r in
            let x0 = max(r.x, clip.x), y0 = max(r.y, clip.y)
            let x1 = min(r.x + r.width, clip.x + clip.width), y1 = min(r.y + r.height, clip.y + clip.height)
            return x1 > x0 && y1 > y0 ? PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
        }
    }

    /// Accumulates the edge (x0, y0) → (x1, y1), in region coordinates, into `a` (rows of
    /// `width + 1`). Rows outside the region are skipped; the part left of the region counts at
    /// its left edge, the part right of it is dropped (it covers nothing inside).
    static func addEdge(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width w: Int, height h: Int,
                        into a: UnsafeMutableBufferPointer<Float>, touched: Touched) {
        guard y0 != y1 else { return }
        let dir: Double = y1 > y0 ? 1 : -1
        let (xt, yt, xb, yb) = y0 < y1 ? (x0, y0, x1, y1) : (x1, y1, x0, y0)
        let dxdy = (xb - xt) / (yb - yt)
        let rowFirst = max(Int(yt.rounded(.down)), 0), rowLast = min(Int(yb.rounded(.up)) - 1, h - 1)
        guard rowFirst <= rowLast else { return }
        for row in rowFirst...rowLast {
            let ya = max(yt, Double(row)), yb2 = min(yb, Double(row + 1))
            guard yb2 > ya else { continue }
            let xa = xt + (ya - yt) * dxdy, xbb = xt + (yb2 - yt) * dxdy
            accumulateRow(a, row: row, width: w, xa: xa, xb: xbb, dy: (yb2 - ya) * dir, touched: touched)
        }
    }

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
    static func accumulateRow(_ a: UnsafeMutableBufferPointer<Float>, row: Int, width w: Int, xa: Double, xb: Double, dy: Double,
                              touched: Touched) {
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

extension Image {
    /// Fills `path` with `colour`, anti-aliased by exact area coverage, composited "over" (the
    /// colour's alpha times the coverage). Clipped to the image and to `clip` when given.
    /// Separate fills that share an edge blend at it (as in every coverage rasterizer): fill
    /// touching shapes as one path to keep their joint seamless.
    /// Throws for a path with a NaN or infinite coordinate.
    public mutating func fill(_ path: Path, with colour: Pixel, rule: FillRule = .nonZero, clip: Rect? = nil) throws(RasterError) {
        var bounds = PixelRect(x: 0, y: 0, width: width, height: height)
        if let clip {
            guard let c = clip.coveredPixels?.clamped(to: size) else { return }
            bounds = c
        }
        guard !isEmpty, colour.a > 0 else { return }
        let keepsOpacity = isOpaque
        let (w, h) = (width, height)
        try withUnsafeMutableBytes(preservingOpacity: keepsOpacity) { (raw) throws(RasterError) in
            try RasterTarget(bytes: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), width: w, height: h)
                .fill(path, with: colour, rule: rule, clip: bounds)
        }
        if !keepsOpacity { recomputeOpacity() }
    }
}

/// An image's pixels seen as a raw target, so that several threads can draw into disjoint bands
/// of rows of one image at once (a draw list rendered on every core). The caller owns the
/// memory and the opacity bookkeeping; drawing never touches pixels outside `clip`.
@_spi(Drawing) public struct RasterTarget: @unchecked Sendable {
    public let bytes: UnsafeMutablePointer<UInt8>
    public let width: Int
    public let height: Int

    public init(bytes: UnsafeMutablePointer<UInt8>, width: Int, height: Int) {
        self.bytes = bytes
        self.width = width
        self.height = height
    }

    /// `Image.fill` on the pixels inside `clip` (already within the image).
    public func fill(_ path: Path, with colour: Pixel, rule: FillRule, clip: PixelRect) throws(RasterError) {
        guard colour.a > 0, let map = try Rasterizer.coverage(of: path, rule: rule, clip: clip, operation: "filling a path") else { return }
        let r = map.region, w = width
        let alpha = Float(colour.a)
        let cr = UInt32(colour.r), cg = UInt32(colour.g), cb = UInt32(colour.b)
        let evenOdd = rule == .evenOdd
        let solid = (cr | cg << 8 | cb << 16 | 0xFF00_0000).littleEndian
        let p = bytes
        let acc = map.accumulation, touched = map.touched
        for y in 0..<r.height {
            var winding: Float = 0
            let row = acc + y * (r.width + 1)
            let bits = touched + y * map.wordsPerRow
            let out = p + ((r.y + y) * w + r.x) * 4
            var x = Int(map.rowStart[y])
            let end = min(Int(map.rowEnd[y]), r.width)
            while x < end {
                winding += row[x]
                var coverage = abs(winding)
                if evenOdd {
                    let t = coverage.truncatingRemainder(dividingBy: 2)
                    coverage = t > 1 ? 2 - t : t
                } else if coverage > 1 {
                    coverage = 1
                }
                let a = UInt32(coverage * alpha + 0.5)
                // The columns after x with no edge contribution share x's coverage.
                let k = CoverageMap.nextTouched(after: x, end: end, bits: bits) &- x
                if a == 0 { x &+= k; continue }
                let q = out + x * 4
                if a == 255 {  // only an opaque colour reaches 255: plain stores
                    let words = UnsafeMutableRawPointer(q).assumingMemoryBound(to: UInt32.self)
                    for i in 0..<k { words[i] = solid }
                } else {
                    for i in 0..<k { Blend.over(q + i * 4, red: cr, green: cg, blue: cb, alpha: a) }
                }
                x &+= k
            }
        }
        map.recycle()
    }

    /// Composites `colour` through an 8-bit coverage bitmap (`coverageWidth` × `coverageHeight`,
    /// rows packed) whose top-left lands at (`left`, `top`), "over", inside `clip`: how text
    /// glyphs are drawn. The colour's alpha multiplies the coverage.
    public func blend(_ colour: Pixel, through coverage: UnsafePointer<UInt8>, coverageWidth: Int, coverageHeight: Int,
                      left: Int, top: Int, clip: PixelRect) {
        let x0 = max(clip.x - left, 0), x1 = min(coverageWidth, clip.x + clip.width - left)
        let y0 = max(clip.y - top, 0), y1 = min(coverageHeight, clip.y + clip.height - top)
        guard x0 < x1, y0 < y1, colour.a > 0 else { return }
        let cr = UInt32(colour.r), cg = UInt32(colour.g), cb = UInt32(colour.b), ca = UInt32(colour.a)
        let solid = (cr | cg << 8 | cb << 16 | 0xFF00_0000).littleEndian
        for y in y0..<y1 {
            let source = coverage + y * coverageWidth
            let target = bytes + ((top + y) * width + left) * 4
            for x in x0..<x1 {
                let c = UInt32(source[x])
                if c == 0 { continue }
                let q = target + x * 4
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

extension Mask {
    /// Adds `path`'s coverage (scaled by `value`) to the mask: `m + c·(value − m)` where
    /// `value` is above `m`, so overlapping shapes unite. Throws for a non-finite path.
    public mutating func fill(_ path: Path, value: UInt8 = 255, rule: FillRule = .nonZero) throws(RasterError) {
        guard !isEmpty, let map = try Rasterizer.coverage(of: path, rule: rule, clip: PixelRect(x: 0, y: 0, width: width, height: height),
                                                         operation: "filling a path into a mask") else { return }
        let r = map.region, w = width
        let v = Float(value)
        withUnsafeMutableBytes { d in
            map.forEachCovered { x, y, coverage in
                let i = (r.y + y) * w + r.x + x
                let m = Float(d[i])
                if v > m { d[i] = UInt8(m + coverage * (v - m) + 0.5) }
            }
        }
        map.recycle()
    }

    /// A `size` mask of `paths` filled (polygons and boxes from a vision result, anti-aliased).
    public init(size: Size, paths: [Path], rule: FillRule = .nonZero) throws(RasterError) {
        self.init(width: size.width, height: size.height)
        for path in paths { try fill(path, rule: rule) }
    }
}
