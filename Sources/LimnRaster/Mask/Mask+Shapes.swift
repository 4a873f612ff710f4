/// Masks drawn from shapes of a vision result (boxes).
extension Mask {
    /// A `size` mask covering `rectangles`, anti-aliased: each pixel holds the share of its area the
    /// rectangles cover (overlaps count once, up to full). NaN or infinite rectangles are skipped.
    public init(size: Size, rectangles: [Rect]) {
        self.init(width: size.width, height: size.height)
        let w = width, h = height
        withUnsafeMutableBytes { dst in
            for rect in rectangles where rect.isFinite && !rect.isEmpty {
                guard let pixels = rect.coveredPixels?.clamped(to: Size(width: w, height: h)) else { continue }
                for y in pixels.y..<(pixels.y + pixels.height) {
                    let cy = min(rect.maxY, Double(y + 1)) - max(rect.minY, Double(y))
                    for x in pixels.x..<(pixels.x + pixels.width) {
                        let cx = min(rect.maxX, Double(x + 1)) - max(rect.minX, Double(x))
                        let coverage = Int((cx * cy * 255).rounded())
                        let i = y * w + x
                        dst[i] = UInt8(min(255, Int(dst[i]) + coverage))
                    }
                }
            }
        }
    }
}
