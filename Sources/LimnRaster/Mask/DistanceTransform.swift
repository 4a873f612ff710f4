/// Exact Euclidean distance transform (Felzenszwalb & Huttenlocher, "Distance Transforms of
/// Sampled Functions"): for every pixel, the squared distance to the nearest pixel of a set,
/// in two separable passes of the 1-D lower-envelope algorithm. Linear in the pixel count.
enum DistanceTransform {
    /// Squared distances (in pixels², between pixel centers) to the nearest pixel where `inSet`
    /// is true; `.infinity` everywhere when the set is empty.
    static func squared(width: Int, height: Int, inSet: (Int) -> Bool) -> [Float] {
        let big = Float.greatestFiniteMagnitude
        var grid = [Float](repeating: 0, count: width * height)
        for i in 0..<(width * height) { grid[i] = inSet(i) ? 0 : big }
        let n = max(width, height)
        var f = [Float](repeating: 0, count: n), d = [Float](repeating: 0, count: n)
        var v = [Int](repeating: 0, count: n), z = [Float](repeating: 0, count: n + 1)
        // Columns, then rows.
        for x in 0..<width {
            for y in 0..<height { f[y] = grid[y * width + x] }
            transform1D(&f, height, &d, &v, &z)
            for y in 0..<height { grid[y * width + x] = d[y] }
        }
        for y in 0..<height {
            for x in 0..<width { f[x] = grid[y * width + x] }
            transform1D(&f, width, &d, &v, &z)
            for x in 0..<width { grid[y * width + x] = d[x] }
        }
        return grid
    }

    /// The 1-D squared distance transform of `f[0..<n]` into `d`.
    private static func transform1D(_ f: inout [Float], _ n: Int, _ d: inout [Float], _ v: inout [Int], _ z: inout [Float]) {
        let big = Float.greatestFiniteMagnitude
        // Skip leading "infinite" samples: parabolas rooted at infinity never form the envelope.
        var k = -1
        for q in 0..<n where f[q] < big {
            if k < 0 {
                k = 0; v[0] = q; z[0] = -.infinity; z[1] = .infinity
                continue
            }
            var s: Float = 0
            repeat {
                let p = v[k]
                s = ((f[q] + Float(q * q)) - (f[p] + Float(p * p))) / Float(2 * (q - p))
                if s <= z[k] { k -= 1 } else { break }
            } while k >= 0
            k += 1
            v[k] = q; z[k] = s; z[k + 1] = .infinity
        }
        guard k >= 0 else {
            for q in 0..<n { d[q] = big }
            return
        }
        var j = 0
        for q in 0..<n {
            while z[j + 1] < Float(q) { j += 1 }
            let dq = Float(q - v[j])
            d[q] = dq * dq + f[v[j]]
        }
    }
}

/// Shape operations on masks through distance to the mask's edge: round (Euclidean) and
/// anti-aliased. The shape is the mask at half coverage (values ≥ 128); the result's edge is a
/// one-pixel ramp, or `width` pixels for `feathered`. Each allocates the result and two float planes.
