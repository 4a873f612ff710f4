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
        @inline(__always) func inside(_ x: Int, _ y: Int) -> Bool {
            x >= 0 && y >= 0 && x < width && y < height && values[y * rowBytes + x] >= threshold
        }
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
        // Cell (i, j) has the pixel centers (i, j), (i+1, j), (i+1, j+1), (i, j+1) at its corners.
        for j in -1..<height {
            var previousRight = false, previousBottomRight = false
            for i in -1..<width {
                let tl = previousRight, bl = previousBottomRight
                let tr = inside(i + 1, j), br = inside(i + 1, j + 1)
                previousRight = tr
                previousBottomRight = br
                let index = (tl ? 8 : 0) | (tr ? 4 : 0) | (br ? 2 : 0) | (bl ? 1 : 0)
                if index == 0 || index == 15 { continue }
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
