extension Image {
    /// Fills `path` with `color`, anti-aliased by exact area coverage, composited "over" (the
    /// color's alpha times the coverage). Clipped to the image and to `clip` when given.
    /// Separate fills that share an edge blend at it (as in every coverage rasterizer): fill
    /// touching shapes as one path to keep their joint seamless.
    /// Throws for a path with a NaN or infinite coordinate. Allocates nothing but the
    /// rasterizer's row bookkeeping (its scratch is recycled, see ``ImageMemory``).
    public mutating func fill(_ path: Path, with color: Pixel, rule: FillRule = .nonZero, clip: Rect? = nil) throws {
        var bounds = PixelRect(x: 0, y: 0, width: width, height: height)
        if let clip {
            guard let c = clip.coveredPixels?.clamped(to: size) else { return }
            bounds = c
        }
        guard !isEmpty, color.a > 0 else { return }
        try withPixelTarget { (target) throws(RasterError) in try target.fill(path, with: color, rule: rule, clip: bounds) }
    }

    /// Runs `body` on the pixels as a ``PixelTarget`` and keeps the opacity promise afterwards
    /// (drawing "over" an opaque image keeps it opaque).
    mutating func withPixelTarget<E: Error>(_ body: (PixelTarget) throws(E) -> Void) throws(E) {
        let keepsOpacity = isOpaque
        let (w, h) = (width, height)
        try withUnsafeMutableBytes(preservingOpacity: keepsOpacity) { (raw) throws(E) in
            try body(PixelTarget(bytes: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), width: w, height: h, opaque: keepsOpacity))
        }
        if !keepsOpacity { recomputeOpacity() }
    }
}
