import Testing

@testable import LimnGeometry

/// The bit grid run-length masks decode into: its layout, the column-to-row transposition, and
/// the outlines traced from it.
@Suite struct BinaryGridTests {
    @Test func transposingSixtyFourBySixtyFourBits() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20 {
            let original = (0..<64).map { _ in rng.next() }
            var m = original
            m.withUnsafeMutableBufferPointer { BinaryGrid.transpose64($0) }
            for i in 0..<64 {
                for j in 0..<64 {
                    #expect((m[i] >> UInt64(j)) & 1 == (original[j] >> UInt64(i)) & 1, "bit (\(i), \(j))")
                }
            }
        }
    }

    /// Columns set as runs give the same pixels as setting them one by one, at sizes on either
    /// side of the 64-pixel blocks, and nothing outside the mask's pixels.
    @Test(arguments: [(1, 1), (63, 5), (64, 64), (65, 130), (130, 65), (200, 3), (3, 200)])
    func columnsBecomeRows(width: Int, height: Int) throws {
        var rng = SplitMix64(seed: UInt64(width * 1000 + height))
        var runs: [(x: Int, rows: Range<Int>)] = []
        for _ in 0..<(width * 2) {
            let x = Int(rng.next() % UInt64(width + 2)) - 1  // one column either side: ignored
            let a = Int(rng.next() % UInt64(height + 4)) - 2, b = Int(rng.next() % UInt64(height + 4)) - 2
            runs.append((x, min(a, b)..<max(a, b)))
        }
        let grid = try #require(
            BinaryGrid(width: width, height: height, x: 5, y: -3) { columns in
                for run in runs { columns.set(column: run.x, rows: run.rows) }
            })
        var expected = try #require(BinaryGrid(width: width, height: height))
        for run in runs where run.x >= 0 && run.x < width {
            for y in run.rows where y >= 0 && y < height { expected[run.x, y] = true }
        }
        for y in -1...height {
            for x in -1...width { #expect(grid[x, y] == expected[x, y], "(\(x), \(y))") }
        }
        #expect(grid.count == expected.count)
        #expect(grid.bounds == PixelRect(x: 5, y: -3, width: width, height: height))
        // Every bit outside the mask's own pixels is 0: the words hold exactly the pixels set.
        #expect(grid.withUnsafeWords { $0.reduce(0) { $0 + $1.nonzeroBitCount } } == expected.count)
    }

    /// The tracer on the bit grid: outlines of random masks hold exactly the mask's pixel
    /// centers (even-odd), at widths on either side of a word, with masks touching every edge.
    @Test func tracedOutlinesOfWideMasksHoldTheirPixels() throws {
        var rng = SplitMix64(seed: 11)
        for trial in 0..<24 {
            let width = [1, 2, 63, 64, 65, 127, 128, 129][trial % 8] + Int(rng.next() % 3)
            let height = 1 + Int(rng.next() % 40)
            let block = 1 + trial % 5
            var grid = try #require(BinaryGrid(width: width, height: height, x: 3, y: 7))
            var pixels = [Bool](repeating: false, count: width * height)
            let seeds = (0..<((width / block + 1) * (height / block + 1))).map { _ in rng.next() & 1 == 1 }
            for y in 0..<height {
                for x in 0..<width where seeds[(y / block) * (width / block + 1) + x / block] {
                    grid[x, y] = true
                    pixels[y * width + x] = true
                }
            }
            let polygons = Contours.trace(grid)
            for y in 0..<height {
                for x in 0..<width {
                    let p = Point(x: Double(x + 3) + 0.5, y: Double(y + 7) + 0.5)
                    var inside = false
                    for polygon in polygons {
                        for k in polygon.indices {
                            let a = polygon[k], b = polygon[(k + 1) % polygon.count]
                            if (a.y > p.y) != (b.y > p.y), p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) { inside.toggle() }
                        }
                    }
                    #expect(inside == pixels[y * width + x], "trial \(trial), \(width)x\(height), pixel (\(x), \(y))")
                    if inside != pixels[y * width + x] { return }
                }
            }
        }
    }

    /// A straight staircase simplifies to its two ends' line; a square keeps its eight corners;
    /// every dropped vertex lies within the tolerance of the result.
    @Test func simplifiedOutlines() throws {
        var grid = try #require(BinaryGrid(width: 40, height: 20))
        for y in 0..<20 { for x in 0..<(2 * y + 1) where x < 40 { grid[x, y] = true } }
        let traced = Contours.trace(grid)
        #expect(traced.count == 1)
        let simple = Contours.simplified(traced[0], tolerance: 0.5)
        #expect(simple.count < traced[0].count / 4)
        for p in traced[0] {
            var best = Double.infinity
            for k in simple.indices {
                let a = simple[k], b = simple[(k + 1) % simple.count]
                let (dx, dy) = (b.x - a.x, b.y - a.y)
                let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)))
                best = min(best, ((p.x - a.x - t * dx) * (p.x - a.x - t * dx) + (p.y - a.y - t * dy) * (p.y - a.y - t * dy)).squareRoot())
            }
            #expect(best <= 0.5 + 1e-9, "\(p) is \(best) from the simplified outline")
        }
        var square = try #require(BinaryGrid(width: 4, height: 4))
        for y in 1...2 { for x in 1...2 { square[x, y] = true } }
        #expect(Contours.simplified(Contours.trace(square)[0], tolerance: 0.25).count == 8)
        #expect(Contours.simplified([Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 0, y: 1)], tolerance: 5).count == 3)
    }
}

/// SplitMix64, for reproducible test data.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
