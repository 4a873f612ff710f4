/// A path made ready to fill inside a clip: flattened once, its edges (in the coordinates of the
/// region it may cover) sorted into the strips of rows they cross — strip `k` being rows
/// `k·stripRows ..< (k+1)·stripRows` of the picture — so that any strip's coverage can be had
/// on its own, in any order, from any thread. Allocates the edges, sorted by strip.
struct PreparedFill: Sendable {
    /// The pixels the fill may touch: the path's bounds inside the clip.
    let region: PixelRect
    let rule: FillRule
    let stripRows: Int
    /// The strips the region spans.
    let strips: Range<Int>
    /// Each strip's edges, in path order, one strip after the other (an edge crossing several
    /// strips is in each): (x0, y0, x1, y1) relative to the region's top-left corner, so that a
    /// strip reads its edges in one sweep.
    private let edges: [(Double, Double, Double, Double)]
    /// Per strip (from `strips.lowerBound`), where its edges start in `edges`; one more entry
    /// closes the last.
    private let offsets: [Int]

    /// Nil when the path covers nothing inside `clip`. Throws for a non-finite path or one
    /// beyond ±1e15 pixels, saying it was `operation`.
    init?(_ path: Path, rule: FillRule, clip: PixelRect, stripRows: Int, operation: String) throws(RasterError) {
        guard path.isFinite else {
            throw RasterError.invalidGeometry(operation: operation, reason: "the path has a NaN or infinite coordinate")
        }
        guard let bounds = path.controlBounds else { return nil }
        guard max(abs(bounds.minX), abs(bounds.maxX), abs(bounds.minY), abs(bounds.maxY)) < 1e15 else {
            throw RasterError.invalidGeometry(operation: operation, reason: "the path reaches beyond ±1e15 pixels")
        }
        // A path with no width or height still covers the pixels it touches (it adds no area).
        let box = Rect(x: bounds.x, y: bounds.y, width: max(bounds.width, 1), height: max(bounds.height, 1))
        guard let covered = box.coveredPixels, let region = Rasterizer.clampRegion(covered, clip) else { return nil }
        let rows = max(stripRows, 1)
        let first = region.y / rows, last = (region.y + region.height - 1) / rows
        let ox = Double(region.x), oy = Double(region.y), h = region.height
        var edges: [(Double, Double, Double, Double)] = []
        var spans: [(Int32, Int32)] = []
        var counts = [Int](repeating: 0, count: last - first + 2)
        for line in path.flattened() {
            for i in 0..<line.count {
                let p = line[i], q = line[(i + 1) % line.count]  // closed
                let e = (p.x - ox, p.y - oy, q.x - ox, q.y - oy)
                guard e.1 != e.3 else { continue }
                let top = max(min(e.1, e.3).rounded(.down), 0), bottom = min(max(e.1, e.3).rounded(.up) - 1, Double(h - 1))
                guard top <= bottom else { continue }
                let s0 = (region.y + Int(top)) / rows - first, s1 = (region.y + Int(bottom)) / rows - first
                edges.append(e)
                spans.append((Int32(s0), Int32(s1)))
                for s in s0...s1 { counts[s + 1] += 1 }
            }
        }
        for s in 0..<(last - first + 1) { counts[s + 1] += counts[s] }
        var sorted = [(Double, Double, Double, Double)](repeating: (0, 0, 0, 0), count: counts[last - first + 1])
        var next = counts
        for (k, span) in spans.enumerated() {
            for s in Int(span.0)...Int(span.1) {
                sorted[next[s]] = edges[k]
                next[s] += 1
            }
        }
        self.region = region
        self.rule = rule
        self.stripRows = rows
        self.strips = first..<(last + 1)
        self.edges = sorted
        self.offsets = counts
    }

    /// Calls `body` with the coverage of the region's rows in strip `strip` (nothing when the
    /// strip holds no edge of the path: a closed path covers nothing there). `work` is the
    /// calling thread's scratch; the map is valid only during the call. Throws only when the
    /// scratch cannot grow.
    func withCoverage(ofStrip strip: Int, work: RasterWork, _ body: (CoverageMap) -> Void) throws(RasterError) {
        guard strips.contains(strip) else { return }
        let s = strip - strips.lowerBound
        guard offsets[s] < offsets[s + 1] else { return }
        let r0 = max(strip * stripRows, region.y), r1 = min((strip + 1) * stripRows, region.y + region.height)
        guard r0 < r1 else { return }
        let w = region.width, n = r1 - r0
        let wordsPerRow = (w + 1 + 63) / 64
        let (cells, overflow) = (w + 1).multipliedReportingOverflow(by: n)
        guard !overflow, work.reserve(cells: cells, words: wordsPerRow * n, rows: n) else {
            throw RasterError.invalidGeometry(operation: "filling a path", reason: "there is not enough memory for a \(w)x\(n) pixel strip")
        }
        let scratch = work.scratch
        let rows = (r0 - region.y)..<(r1 - region.y)
        let a = UnsafeMutableBufferPointer(start: scratch.accumulation, count: cells)
        work.rowStart.withUnsafeMutableBufferPointer { starts in
            work.rowEnd.withUnsafeMutableBufferPointer { ends in
                for r in 0..<n { (starts[r], ends[r]) = (Int32(w), 0) }
                let touched = Rasterizer.Touched(
                    start: starts.baseAddress!, end: ends.baseAddress!, bits: scratch.bits, wordsPerRow: wordsPerRow, width: Int32(w))
                edges.withUnsafeBufferPointer { edges in
                    for e in edges[offsets[s]..<offsets[s + 1]] {
                        Rasterizer.addEdge(e.0, e.1, e.2, e.3, width: w, rows: rows, into: a, touched: touched)
                    }
                }
            }
        }
        body(
            CoverageMap(
                region: PixelRect(x: region.x, y: r0, width: w, height: n), scratch: scratch, rule: rule, rowStart: work.rowStart,
                rowEnd: work.rowEnd, wordsPerRow: wordsPerRow))
        scratch.clear(height: n, stride: w + 1, wordsPerRow: wordsPerRow)
    }

    /// Calls `body` with the coverage of every strip in turn, top to bottom, on the calling
    /// thread: how a single fill is drawn.
    func forEachStrip(_ body: (CoverageMap) -> Void) throws(RasterError) {
        guard let work = RasterWork() else {
            throw RasterError.invalidGeometry(operation: "filling a path", reason: "there is not enough memory to start")
        }
        defer { work.recycle() }
        for strip in strips { try withCoverage(ofStrip: strip, work: work, body) }
    }
}

/// One thread's working memory for rasterizing strips: a recycled scratch (see
/// ``CoverageScratch``) and the per-row bookkeeping, grown as needed and reused from strip to
/// strip. Not for sharing between threads.
final class RasterWork {
    private(set) var scratch: CoverageScratch
    var rowStart: [Int32] = []
    var rowEnd: [Int32] = []

    /// Nil when not even a small scratch can be had.
    init?() {
        guard let scratch = CoverageScratch.take(cells: 1, words: 1) else { return nil }
        self.scratch = scratch
    }

    /// Room for `cells` accumulation cells, `words` touched bits and `rows` rows; false when the
    /// memory cannot be had.
    func reserve(cells: Int, words: Int, rows: Int) -> Bool {
        guard scratch.reserve(cells: cells, words: words) else { return false }
        if rowStart.count < rows {
            rowStart = [Int32](repeating: 0, count: rows)
            rowEnd = [Int32](repeating: 0, count: rows)
        }
        return true
    }

    /// Gives the scratch back to the pool. Call once, when done.
    func recycle() { CoverageScratch.give(scratch) }
}
