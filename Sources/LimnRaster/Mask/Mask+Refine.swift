/// Turning a jagged or coarse mask into a soft one that follows the picture.
extension Mask {
    /// A refined mask.
    ///
    /// With a `guide` (the picture the mask belongs to, same size), the guided filter of He, Sun and
    /// Tang ("Guided Image Filtering", 2010) on the guide's luminance: within each `2·radius + 1`
    /// window the output is a linear function of the guide, so the edge snaps to the picture's own
    /// edges (hair, fur, soft boundaries). `epsilon` (in units of full-scale², e.g. 1e-4) sets how
    /// strongly: smaller follows the guide more closely.
    ///
    /// Without a guide, the staircase of a binary or upscaled mask is smoothed (blurred by
    /// `radius / 2`, re-cut at half coverage) and given a soft 1.5-pixel edge, like Baidu's
    /// `refine_mask`. Deterministic; allocates float planes of the mask's size.
    public func refined(guide: Image? = nil, radius: Int = 4, epsilon: Double = 1e-4) throws -> Mask {
        let r = max(1, radius)
        guard let guide else {
            return blurred(sigma: Double(r) / 2).thresholded(at: 128).feathered(width: 1.5)
        }
        guard guide.size == size else {
            throw RasterError.sizeMismatch(operation: "refining a mask with a guide picture", expected: size, actual: guide.size)
        }
        let n = width * height
        var luma = [Float](repeating: 0, count: n), p = [Float](repeating: 0, count: n)
        guide.withUnsafeBytes { g in
            for i in 0..<n {
                luma[i] = (0.299 * Float(g[i * 4]) + 0.587 * Float(g[i * 4 + 1]) + 0.114 * Float(g[i * 4 + 2])) / 255
            }
        }
        withUnsafeBytes { m in for i in 0..<n { p[i] = Float(m[i]) / 255 } }
        let box = { (plane: [Float]) in BoxMean.filter(plane, width: self.width, height: self.height, radius: r) }
        let meanI = box(luma), meanP = box(p)
        let corrIP = box(zip(luma, p).map(*)), corrII = box(luma.map { $0 * $0 })
        var a = [Float](repeating: 0, count: n), b = [Float](repeating: 0, count: n)
        let eps = Float(max(epsilon, 1e-8))
        for i in 0..<n {
            let variance = corrII[i] - meanI[i] * meanI[i]
            let covariance = corrIP[i] - meanI[i] * meanP[i]
            a[i] = covariance / (variance + eps)
            b[i] = meanP[i] - a[i] * meanI[i]
        }
        let meanA = box(a), meanB = box(b)
        return Mask(width: width, height: height) { dst in
            for i in 0..<n { dst[i] = UInt8(min(max((meanA[i] * luma[i] + meanB[i]) * 255, 0), 255).rounded()) }
        }
    }
}

/// Mean over a `(2r+1)²` window, edges using only the pixels inside: two running-sum passes.
enum BoxMean {
    static func filter(_ plane: [Float], width: Int, height: Int, radius r: Int) -> [Float] {
        var rows = [Float](repeating: 0, count: plane.count)
        for y in 0..<height {
            var sum: Double = 0
            let base = y * width
            for x in 0..<min(r, width) { sum += Double(plane[base + x]) }
            for x in 0..<width {
                if x + r < width { sum += Double(plane[base + x + r]) }
                if x - r - 1 >= 0 { sum -= Double(plane[base + x - r - 1]) }
                let count = min(x + r, width - 1) - max(x - r, 0) + 1
                rows[base + x] = Float(sum / Double(count))
            }
        }
        var out = [Float](repeating: 0, count: plane.count)
        var sums = [Double](repeating: 0, count: width)
        for y in 0..<min(r, height) { for x in 0..<width { sums[x] += Double(rows[y * width + x]) } }
        for y in 0..<height {
            if y + r < height { for x in 0..<width { sums[x] += Double(rows[(y + r) * width + x]) } }
            if y - r - 1 >= 0 { for x in 0..<width { sums[x] -= Double(rows[(y - r - 1) * width + x]) } }
            let count = Double(min(y + r, height - 1) - max(y - r, 0) + 1)
            for x in 0..<width { out[y * width + x] = Float(sums[x] / count) }
        }
        return out
    }
}
