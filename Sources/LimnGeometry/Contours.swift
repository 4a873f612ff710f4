/// The outlines of the foreground of a binary grid (a decoded mask), as closed polygons.
///
/// Marching squares over the pixel centers: a contour vertex sits halfway between a foreground
/// and a background pixel center, so a straight edge of the mask lies exactly on the pixel
/// boundary and a one-pixel step becomes a 45° cut (what an anti-aliased fill of the polygon
/// then renders smoothly). Pixels touching only at a corner are separate (the foreground is
/// 4-connected). Every polygon runs with the foreground on its right in y-down coordinates
/// (outer outlines clockwise on screen, holes counter-clockwise), so a non-zero or even-odd fill
/// of all of them together gives back the mask. Collinear vertices are dropped. Deterministic:
/// outlines come in the order of their first cell in a row-major scan, each starting there.
///
/// The scan finds the cells an outline crosses 64 at a time, from the grid's words, and each
/// outline is walked cell to cell, so the work is the grid's area over 64 plus the outlines'
/// length. Allocates a visited bit per cell and the result.
public enum Contours {
    /// The outlines of the pixels of `width × height` row-major `values` (`stride` bytes per
    /// row) that are at least `threshold`, shifted by `origin` (the grid's top-left pixel in the
    /// coordinates wanted).
    public static func trace(
        _ values: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int? = nil, threshold: UInt8 = 128,
        origin: Point = .zero
    ) -> [[Point]] {
        let rowBytes = stride ?? width
        guard rowBytes >= width, values.count >= rowBytes * (height - 1) + width, var grid = BinaryGrid(width: width, height: height)
        else { return [] }
        for y in 0..<height {
            for x in 0..<width where values[y * rowBytes + x] >= threshold { grid[x, y] = true }
        }
        return trace(grid, origin: origin)
    }

    /// The outlines of `grid`'s foreground, placed where the grid lies in the picture.
    public static func trace(_ grid: BinaryGrid) -> [[Point]] {
        trace(grid, origin: Point(x: Double(grid.left), y: Double(grid.top)))
    }

    /// The cell sides a segment enters and leaves by.
    private enum Side: UInt8 { case top, right, bottom, left }

    /// Segment `k` of a cell of case `c` (its corners' bits: top-left 8, top-right 4,
    /// bottom-right 2, bottom-left 1) as the sides it enters and leaves by, foreground on the
    /// right. The two saddles (5, 10) have two segments, keeping the corners apart; 0 and 15 none.
    @inline(__always)
    private static func segment(_ c: Int, _ k: Int) -> (enters: Side, leaves: Side) {
        switch c {
        case 1: return (.left, .bottom)
        case 2: return (.bottom, .right)
        case 3: return (.left, .right)
        case 4: return (.right, .top)
        case 5: return k == 0 ? (.left, .bottom) : (.right, .top)
        case 6: return (.bottom, .top)
        case 7: return (.left, .top)
        case 8: return (.top, .left)
        case 9: return (.top, .bottom)
        case 10: return k == 0 ? (.top, .left) : (.bottom, .right)
        case 11: return (.top, .right)
        case 12: return (.right, .left)
        case 13: return (.right, .bottom)
        default: return (.bottom, .left)  // 14
        }
    }

    @inline(__always)
    private static func segmentCount(_ c: Int) -> Int { c == 0 || c == 15 ? 0 : c == 5 || c == 10 ? 2 : 1 }

    private static func trace(_ grid: BinaryGrid, origin: Point) -> [[Point]] {
        let width = grid.width, height = grid.height, perRow = grid.wordsPerRow
        // Cell (i, j), for i in -1 ..< width and j in -1 ..< height, has the pixel centers
        // (i, j), (i+1, j), (i+1, j+1), (i, j+1) at its corners: padded columns c = i + 1 and
        // c + 1 of padded rows j + 1 and j + 2. A visited bit per cell, laid out like the grid
        // (cell (i, j) at padded column c of padded row j + 1), for its first segment; a saddle's
        // second segment is kept in a set, saddles being rare.
        var visited = [UInt64](repeating: 0, count: perRow * (height + 1))
        var secondSegments = Set<Int>()
        var polygons: [[Point]] = []
        var ring: [(Int, Int)] = []
        grid.withUnsafeWords { g in
            // Bits c and c + 1 of padded row `row`, as bit 0 and bit 1.
            @inline(__always) func pair(_ row: Int, _ c: Int) -> Int {
                let w = row * perRow + c >> 6, s = UInt64(c & 63)
                return Int(truncatingIfNeeded: (g[w] &>> s | (g[w + 1] &<< 1) &<< (63 &- s)) & 3)
            }
            @inline(__always) func index(_ i: Int, _ j: Int) -> Int {
                let upper = pair(j + 1, i + 1), lower = pair(j + 2, i + 1)
                return (upper & 1) << 3 | (upper >> 1) << 2 | (lower >> 1) << 1 | (lower & 1)
            }
            visited.withUnsafeMutableBufferPointer { seen in
                @inline(__always) func bit(_ i: Int, _ j: Int) -> (Int, UInt64) {
                    let c = i + 1
                    return ((j + 1) * perRow + c >> 6, UInt64(1) << UInt64(c & 63))
                }
                @inline(__always) func isMarked(_ i: Int, _ j: Int, _ k: Int) -> Bool {
                    if k == 1 { return secondSegments.contains((j + 1) * (width + 1) + i + 1) }
                    let (w, m) = bit(i, j)
                    return seen[w] & m != 0
                }
                @inline(__always) func mark(_ i: Int, _ j: Int, _ k: Int) -> Bool {
                    if k == 1 { return secondSegments.insert((j + 1) * (width + 1) + i + 1).inserted }
                    let (w, m) = bit(i, j)
                    if seen[w] & m != 0 { return false }
                    seen[w] |= m
                    return true
                }
                for j in -1..<height {
                    let upper = (j + 1) * perRow, lower = upper + perRow
                    // Cells of this row whose four corners are not all equal, 64 at a time: bit c
                    // of `crossed` is the cell with corners at padded columns c and c + 1.
                    for w in 0..<perRow - 1 {
                        let a = g[upper + w], b = g[lower + w]
                        let aNext = a >> 1 | g[upper + w + 1] << 63, bNext = b >> 1 | g[lower + w + 1] << 63
                        var crossed = (a ^ b) | (a ^ aNext) | (b ^ bNext)
                        while crossed != 0 {
                            let c = w << 6 | crossed.trailingZeroBitCount
                            crossed &= crossed &- 1
                            let i = c - 1
                            guard i >= -1, i < width else { continue }
                            for k in 0..<segmentCount(index(i, j)) {
                                guard !isMarked(i, j, k) else { continue }
                                // Walk the outline from here until it comes back: each cell's
                                // segment leaves by a side into the neighbour there, which it
                                // enters by the opposite side.
                                ring.removeAll(keepingCapacity: true)
                                var (ci, cj, ck) = (i, j, k)
                                while mark(ci, cj, ck) {
                                    let (enters, leaves) = segment(index(ci, cj), ck)
                                    switch enters {
                                    case .top: ring.append((2 * ci + 2, 2 * cj + 1))
                                    case .bottom: ring.append((2 * ci + 2, 2 * cj + 3))
                                    case .left: ring.append((2 * ci + 1, 2 * cj + 2))
                                    case .right: ring.append((2 * ci + 3, 2 * cj + 2))
                                    }
                                    let entry: Side
                                    switch leaves {
                                    case .top: (cj, entry) = (cj - 1, .bottom)
                                    case .bottom: (cj, entry) = (cj + 1, .top)
                                    case .left: (ci, entry) = (ci - 1, .right)
                                    case .right: (ci, entry) = (ci + 1, .left)
                                    }
                                    let c = index(ci, cj)
                                    ck = segmentCount(c) == 2 && segment(c, 1).enters == entry ? 1 : 0
                                }
                                if let polygon = Self.polygon(ring, origin: origin) { polygons.append(polygon) }
                            }
                        }
                    }
                }
            }
        }
        return polygons
    }

    /// The ring's vertices (doubled pixel coordinates) where the outline turns, placed at
    /// `origin`; nil when fewer than three remain.
    private static func polygon(_ ring: [(Int, Int)], origin: Point) -> [Point]? {
        var points: [Point] = []
        let n = ring.count
        for (index, p) in ring.enumerated() {
            let a = ring[(index + n - 1) % n], b = ring[(index + 1) % n]
            if (p.0 - a.0) * (b.1 - p.1) == (p.1 - a.1) * (b.0 - p.0) { continue }
            points.append(Point(x: origin.x + Double(p.0) / 2, y: origin.y + Double(p.1) / 2))
        }
        return points.count >= 3 ? points : nil
    }
}

extension Contours {
    /// `polygon` (closed) with the vertices dropped that lie within `tolerance` of the line its
    /// neighbours kept would draw (Ramer–Douglas–Peucker, on the two halves between the first
    /// vertex and the one farthest from it): every vertex of `polygon` stays within `tolerance`
    /// of the result. A traced outline's half-pixel steps become the straight or gently curved
    /// line they stand for, with a few vertices instead of one per step. Deterministic;
    /// allocates the result and a stack.
    public static func simplified(_ polygon: [Point], tolerance: Double) -> [Point] {
        let n = polygon.count
        guard n > 3, tolerance > 0, tolerance.isFinite else { return polygon }
        var keep = [Bool](repeating: false, count: n)
        var far = 0, best = -1.0
        for i in 1..<n {
            let dx = polygon[i].x - polygon[0].x, dy = polygon[i].y - polygon[0].y
            if dx * dx + dy * dy > best { (far, best) = (i, dx * dx + dy * dy) }
        }
        keep[0] = true
        keep[far] = true
        // Chains as (first, last) indices, `last` possibly n (the first vertex again).
        var stack = [(0, far), (far, n)]
        let limit = tolerance * tolerance
        while let (first, last) = stack.popLast() {
            guard last - first > 1 else { continue }
            let a = polygon[first], b = polygon[last % n]
            let dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy
            var worst = first, worstDistance = -1.0
            for i in first + 1..<last {
                let p = polygon[i]
                let d2: Double
                if length2 == 0 {
                    d2 = (p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)
                } else {
                    // Distance to the segment: to the line where the foot falls on it, else to an end.
                    let t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2
                    let cx = t <= 0 ? a.x : t >= 1 ? b.x : a.x + t * dx, cy = t <= 0 ? a.y : t >= 1 ? b.y : a.y + t * dy
                    d2 = (p.x - cx) * (p.x - cx) + (p.y - cy) * (p.y - cy)
                }
                if d2 > worstDistance { (worst, worstDistance) = (i, d2) }
            }
            if worstDistance > limit {
                keep[worst] = true
                stack.append((first, worst))
                stack.append((worst, last))
            }
        }
        var out: [Point] = []
        out.reserveCapacity(n / 4)
        for i in 0..<n where keep[i] { out.append(polygon[i]) }
        return out
    }
}
