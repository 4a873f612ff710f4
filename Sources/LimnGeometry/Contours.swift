/// The outlines of the foreground of a binary grid (a decoded mask), as closed polygons.
///
/// Marching squares over the pixel centers: a contour vertex sits halfway between a foreground
/// and a background pixel center, so a straight edge of the mask lies exactly on the pixel
/// boundary and a one-pixel step becomes a 45° cut (what an anti-aliased fill of the polygon
/// then renders smoothly). Pixels touching only at a corner are separate (the foreground is
/// 4-connected). Every polygon runs with the foreground on its right in y-down coordinates
/// (outer outlines clockwise on screen, holes counter-clockwise), so a non-zero or even-odd fill
/// of all of them together gives back the mask. Collinear vertices are dropped. Deterministic;
/// allocates the segment table (proportional to the outline's length) and the result.
public enum Contours {
    /// The outlines of the pixels of `width × height` row-major `values` (`stride` bytes per
    /// row) that are at least `threshold`, shifted by `origin` (the grid's top-left pixel in the
    /// coordinates wanted).
    public static func trace(
        _ values: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int? = nil, threshold: UInt8 = 128,
        origin: Point = .zero
    ) -> [[Point]] {
        let rowBytes = stride ?? width
        guard width > 0, height > 0, rowBytes >= width, values.count >= rowBytes * (height - 1) + width else { return [] }
        // The grid thresholded to 0/1 with a background border, 8 bytes of slack on each row's
        // right, so the scan can compare eight cells at a time.
        let pw = width + 2 + 8, ph = height + 2
        var grid = [UInt8](repeating: 0, count: pw * ph)
        grid.withUnsafeMutableBufferPointer { g in
            for y in 0..<height {
                let row = (y + 1) * pw + 1, source = y * rowBytes
                for x in 0..<width { g[row + x] = values[source + x] >= threshold ? 1 : 0 }
            }
        }
        return grid.withUnsafeBytes { trace(grid: $0, width: width, height: height, origin: origin) }
    }

    /// The row length of the grid ``trace(grid:width:height:origin:)`` takes for a mask `width`
    /// pixels wide: the mask, a border pixel on each side and 8 bytes of slack.
    public static func gridRowBytes(width: Int) -> Int { width + 10 }

    /// The outlines of a mask already laid out as a grid of 0 and 1 bytes, ``gridRowBytes(width:)``
    /// a row, `height + 2` rows: pixel (x, y) at row y + 1, column x + 1, and everything else
    /// (the border and the slack) 0. What a run-length decoder can write directly.
    public static func trace(grid: UnsafeRawBufferPointer, width: Int, height: Int, origin: Point = .zero) -> [[Point]] {
        let pw = gridRowBytes(width: width)
        guard width > 0, height > 0, grid.count >= pw * (height + 2) else { return [] }
        // Vertices are kept doubled, as integers: (2x, 2y) of the pixel-space point. A vertex
        // key packs them; each vertex starts exactly one segment, so `next` is a permutation
        // whose cycles are the outlines.
        let span = 2 * width + 4
        @inline(__always) func key(_ x: Int, _ y: Int) -> Int { (y + 2) * span + (x + 2) }
        var next: [Int: Int] = [:]
        var starts: [Int] = []
        func segment(_ a: (Int, Int), _ b: (Int, Int)) {
            let k = key(a.0, a.1)
            next[k] = key(b.0, b.1)
            starts.append(k)
        }
        do {
            let g = UnsafeBufferPointer(start: grid.baseAddress!.assumingMemoryBound(to: UInt8.self), count: grid.count)
            let raw = grid.baseAddress!
            // Cell (i, j) has the pixel centers (i, j), (i+1, j), (i+1, j+1), (i, j+1) at its
            // corners; in the padded grid, pixel (x, y) is at (x + 1, y + 1).
            for j in -1..<height {
                let top = (j + 1) * pw, bottom = (j + 2) * pw
                var i = -1
                while i < width {
                    // Eight cells whose nine columns are all one value, in both rows, hold no outline.
                    if i + 9 <= width + 1 {
                        let a = raw.loadUnaligned(fromByteOffset: top + i + 1, as: UInt64.self)
                        let b = raw.loadUnaligned(fromByteOffset: bottom + i + 1, as: UInt64.self)
                        if a == b, a == 0 || a == 0x0101_0101_0101_0101, g[top + i + 9] == g[bottom + i + 9],
                            UInt64(g[top + i + 9]) * 0x0101_0101_0101_0101 == a
                        {
                            i += 8
                            continue
                        }
                    }
                    let tl = g[top + i + 1] != 0, tr = g[top + i + 2] != 0
                    let bl = g[bottom + i + 1] != 0, br = g[bottom + i + 2] != 0
                    let index = (tl ? 8 : 0) | (tr ? 4 : 0) | (br ? 2 : 0) | (bl ? 1 : 0)
                    if index != 0 && index != 15 {
                        let top = (2 * i + 2, 2 * j + 1), bottom = (2 * i + 2, 2 * j + 3)
                        let left = (2 * i + 1, 2 * j + 2), right = (2 * i + 3, 2 * j + 2)
                        switch index {
                        case 1: segment(left, bottom)
                        case 2: segment(bottom, right)
                        case 3: segment(left, right)
                        case 4: segment(right, top)
                        case 5: segment(left, bottom); segment(right, top)
                        case 6: segment(bottom, top)
                        case 7: segment(left, top)
                        case 8: segment(top, left)
                        case 9: segment(top, bottom)
                        case 10: segment(top, left); segment(bottom, right)
                        case 11: segment(top, right)
                        case 12: segment(right, left)
                        case 13: segment(right, bottom)
                        default: segment(bottom, left)  // 14
                        }
                    }
                    i += 1
                }
            }
        }
        var polygons: [[Point]] = []
        var visited = Set<Int>(minimumCapacity: starts.count)
        for start in starts where !visited.contains(start) {
            var ring: [(Int, Int)] = []
            var k = start
            while visited.insert(k).inserted {
                ring.append((k % span - 2, k / span - 2))
                guard let n = next[k] else { break }
                k = n
            }
            // Drop the vertices where the outline goes straight on.
            var points: [Point] = []
            let n = ring.count
            for (index, p) in ring.enumerated() {
                let a = ring[(index + n - 1) % n], b = ring[(index + 1) % n]
                if (p.0 - a.0) * (b.1 - p.1) == (p.1 - a.1) * (b.0 - p.0) { continue }
                points.append(Point(x: origin.x + Double(p.0) / 2, y: origin.y + Double(p.1) / 2))
            }
            if points.count >= 3 { polygons.append(points) }
        }
        return polygons
    }
}
