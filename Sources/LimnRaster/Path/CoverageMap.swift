/// The coverage of a filled path over a region of whole pixels (one strip of the rasterizer's
/// rows): the stage between the rasterizer and a blitter. Rows hold the accumulated signed areas (`width + 1` each); a running sum along a
/// row is the winding number, which the fill rule turns into coverage, 0 … 1.
struct CoverageMap {
    var region: PixelRect
    /// The accumulation cells (`(width + 1) × height`) and the touched bits live in the
    /// rasterizer's recycled scratch, which it clears after each strip.
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

    /// Calls `body(row, x, count, coverage)` for every run of pixels of one coverage, row by row
    /// (`x` relative to the region), where `row` is what `makeRow(y)` gave for the row (a
    /// blitter's pointer to its first pixel), made once per row that has any span. Pixels
    /// outside each row's touched columns (coverage 0) are skipped. The one place where the
    /// fill rule turns winding into coverage (0 … 1); a run of zero coverage inside the touched
    /// columns is passed too, for the blitter to skip.
    @inline(__always)
    func forEachSpan<Row>(row makeRow: (_ y: Int) -> Row, _ body: (_ row: Row, _ x: Int, _ count: Int, _ coverage: Float) -> Void) {
        let evenOdd = rule == .evenOdd
        let stride = region.width + 1, words = wordsPerRow
        // Read once: the scratch's pointers sit behind a class.
        let cells = accumulation, marks = touched
        for y in 0..<region.height {
            var winding: Float = 0
            let row = cells + y * stride
            let bits = marks + y * words
            var x = Int(rowStart[y])
            let end = min(Int(rowEnd[y]), region.width)
            guard x < end else { continue }
            let target = makeRow(y)
            while x < end {
                winding += row[x]
                var coverage = abs(winding)
                if evenOdd {
                    let t = coverage.truncatingRemainder(dividingBy: 2)
                    coverage = t > 1 ? 2 - t : t
                } else if coverage > 1 {
                    coverage = 1
                }
                // Edges far outside the picture can leave a winding that is not a number (found
                // by the annotate fuzz target): such a cell covers nothing, rather than trapping.
                if !(coverage >= 0) { coverage = 0 }
                // The columns after x with no edge contribution share x's coverage.
                let k = Self.nextTouched(after: x, end: end, bits: bits) &- x
                body(target, x, k, coverage)
                x &+= k
            }
        }
    }
}
