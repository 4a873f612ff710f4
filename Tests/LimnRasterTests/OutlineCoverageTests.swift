import LimnRaster
import LimnTestSupport
import Testing

/// Filling a ``BinaryGrid``'s outline straight from the grid gives what the exact-area
/// rasterizer gives its traced polygons, filled even-odd: the same bytes.
@Suite struct OutlineCoverageTests {
    /// A random mask of blocks (long uniform runs and single pixels), placed at (`left`, `top`).
    static func grid(width: Int, height: Int, block: Int, left: Int, top: Int, seed: UInt64) -> BinaryGrid {
        var rng = SplitMix(seed: seed)
        var grid = BinaryGrid(width: width, height: height, x: left, y: top)!
        let columns = width / block + 1
        let seeds = (0..<(columns * (height / block + 1))).map { _ in rng.next() % 3 != 0 }
        for y in 0..<height {
            for x in 0..<width where seeds[(y / block) * columns + x / block] { grid[x, y] = true }
        }
        return grid
    }

    static func tracedPath(_ grid: BinaryGrid) -> Path {
        var path = Path()
        for polygon in Contours.trace(grid) { path.append(.polygon(polygon)) }
        return path
    }

    /// Sizes on either side of a 64-pixel word, grids inside, across and beyond the picture's edges.
    static let cases: [(width: Int, height: Int, block: Int, left: Int, top: Int)] = [
        (1, 1, 1, 3, 3), (5, 4, 1, 0, 0), (63, 20, 1, 2, 1), (64, 64, 3, 0, 0), (65, 33, 2, 1, 5),
        (150, 40, 7, -20, -6), (130, 70, 1, 40, 30), (200, 9, 4, -100, 60), (97, 97, 16, 3, 3),
    ]

    @Test(arguments: 0..<cases.count)
    func masksMatchTheTracedFill(index: Int) throws {
        let c = Self.cases[index]
        let grid = Self.grid(width: c.width, height: c.height, block: c.block, left: c.left, top: c.top, seed: UInt64(index + 1))
        for value: UInt8 in [255, 160] {
            var direct = Mask(width: 120, height: 80)
            var traced = Mask(width: 120, height: 80)
            // A background that overlaps part of the mask, so `value` above and below both occur.
            try direct.fill(.rectangle(Rect(x: 10, y: 10, width: 50, height: 30)), value: 100)
            try traced.fill(.rectangle(Rect(x: 10, y: 10, width: 50, height: 30)), value: 100)
            direct.fill(outlineOf: grid, value: value)
            try traced.fill(Self.tracedPath(grid), value: value, rule: .evenOdd)
            var differing = 0
            for y in 0..<80 { for x in 0..<120 where direct[x, y] != traced[x, y] { differing += 1 } }
            #expect(differing == 0, "\(c): \(differing) pixels differ")
        }
    }

    @Test(arguments: 0..<cases.count)
    func picturesMatchTheTracedFill(index: Int) throws {
        let c = Self.cases[index]
        let grid = Self.grid(width: c.width, height: c.height, block: c.block, left: c.left, top: c.top, seed: UInt64(index + 50))
        for color in [Pixel(r: 230, g: 40, b: 90), Pixel(r: 20, g: 200, b: 120, a: 115)] {
            // Opaque and half-transparent underneath, so both blends are taken.
            var direct = Image(width: 120, height: 80, fill: Pixel(r: 60, g: 90, b: 120))
            try direct.fill(.rectangle(Rect(x: 0, y: 40, width: 120, height: 40)), with: Pixel(r: 0, g: 0, b: 0, a: 0))
            try direct.fill(.rectangle(Rect(x: 0, y: 40, width: 120, height: 40)), with: Pixel(r: 200, g: 180, b: 10, a: 90))
            var traced = direct
            direct.fill(outlineOf: grid, with: color)
            try traced.fill(Self.tracedPath(grid), with: color, rule: .evenOdd)
            let difference = ImageDifference(direct, traced)
            #expect(difference.maxChannel == 0, "\(c), \(color): \(difference)")
        }
    }

    /// The coverage of small shapes, in eighths: a lone pixel is the diamond through its sides'
    /// midpoints (half of it); a 2 × 2 square loses an eighth at each corner; a pixel missing
    /// from a full field gets the eighth of each of its four corners.
    @Test func eighthsOfSmallShapes() {
        func coverage(_ rows: [String]) -> [[UInt8]] {
            var grid = BinaryGrid(width: rows[0].count, height: rows.count)!
            for (y, row) in rows.enumerated() { for (x, ch) in row.enumerated() where ch == "#" { grid[x, y] = true } }
            var mask = Mask(width: rows[0].count, height: rows.count)
            mask.fill(outlineOf: grid, value: 200)
            return (0..<rows.count).map { y in (0..<rows[0].count).map { x in mask[x, y] } }
        }
        #expect(coverage(["...", ".#.", "..."]) == [[0, 0, 0], [0, 100, 0], [0, 0, 0]])
        #expect(coverage(["##", "##"]) == [[175, 175], [175, 175]])
        #expect(coverage(["###", "#.#", "###"])[1][1] == 100)
        // A corner only: the background pixel beside two foreground ones gets nothing.
        #expect(coverage(["#.", ".."]) == [[100, 0], [0, 0]])
    }
}
