/// How overlapping parts of a path count as inside.
public enum FillRule: Sendable, Equatable {
    /// Inside where the winding number is not zero.
    case nonZero
    /// Inside where the winding number is odd.
    case evenOdd
}

/// The coverage of a filled path over a region of whole pixels, 0 … 1 per pixel: the stage
/// between the rasterizer and a blitter.
struct CoverageMap {
    var region: PixelRect
    var values: [Float]
}

/// Path → edges → coverage, by exact area accumulation (the signed-area method of font
/// rasterizers such as FreeType's and font-rs): every edge adds, per pixel cell it crosses, the
/// area it leaves to its right; a running sum along each row is the winding number with
/// fractional coverage at the edges, which the fill rule turns into coverage. Analytic, no
/// supersampling; deterministic; linear in the edges' lengths inside the region.
enum Rasterizer {
    static func coverage(of path: Path, rule: FillRule, clip: PixelRect, operation: String) throws(RasterError) -> CoverageMap? {
        guard path.isFinite else {
            throw .invalidGeometry(operation: operation, reason: "the path has a NaN or infinite coordinate")
        }
        guard let bounds = path.controlBounds else { return nil }
        guard max(abs(bounds.minX), abs(bounds.maxX), abs(bounds.minY), abs(bounds.maxY)) < 1e15 else {
            throw .invalidGeometry(operation: operation, reason: "the path reaches beyond ±1e15 pixels")
        }
        // A path with no width or height still covers the pixels it touches (it adds no area).
        let box = Rect(x: bounds.x, y: bounds.y, width: max(bounds.width, 1), height: max(bounds.height, 1))
        guard let covered = box.coveredPixels, let region = clampRegion(covered, clip) else { return nil }
        let polylines = path.flattened()
        let w = region.width, h = region.height
        var acc = [Float](repeating: 0, count: (w + 1) * h)
        let ox = Double(region.x), oy = Double(region.y)
        acc.withUnsafeMutableBufferPointer { a in
            for line in polylines {
                for i in 0..<line.count {
                    let p = line[i], q = line[(i + 1) % line.count]  // closed
                    addEdge(p.x - ox, p.y - oy, q.x - ox, q.y - oy, width: w, height: h, into: a)
                }
            }
        }
        var values = [Float](repeating: 0, count: w * h)
        for y in 0..<h {
            var winding: Float = 0
            for x in 0..<w {
                winding += acc[y * (w + 1) + x]
                let v = abs(winding)
                switch rule {
                case .nonZero:
                    values[y * w + x] = min(v, 1)
                case .evenOdd:
                    let t = v.truncatingRemainder(dividingBy: 2)
                    values[y * w + x] = t > 1 ? 2 - t : t
                }
            }
        }
        return CoverageMap(region: region, values: values)
    }

    /// `covered` inside `clip`, or nil; guards against coordinates beyond Int's range.
    private static func clampRegion(_ covered: PixelRect, _ clip: PixelRect) -> PixelRect? {
        covered.clamped(to: Size(width: clip.x + clip.width, height: clip.y + clip.height)).flatMap { r in
            let x0 = max(r.x, clip.x), y0 = max(r.y, clip.y)
            let x1 = min(r.x + r.width, clip.x + clip.width), y1 = min(r.y + r.height, clip.y + clip.height)
            return x1 > x0 && y1 > y0 ? PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
        }
    }

    /// Accumulates the edge (x0, y0) → (x1, y1), in region coordinates, into `a` (rows of
    /// `width + 1`). Rows outside the region are skipped; the part left of the region counts at
    /// its left edge, the part right of it is dropped (it covers nothing inside).
    static func addEdge(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width w: Int, height h: Int,
                        into a: UnsafeMutableBufferPointer<Float>) {
        guard y0 != y1 else { return }
        let dir: Double = y1 > y0 ? 1 : -1
        let (xt, yt, xb, yb) = y0 < y1 ? (x0, y0, x1, y1) : (x1, y1, x0, y0)
        let dxdy = (xb - xt) / (yb - yt)
        let rowFirst = max(Int(yt.rounded(.down)), 0), rowLast = min(Int(yb.rounded(.up)) - 1, h - 1)
        guard rowFirst <= rowLast else { return }
        for row in rowFirst...rowLast {
            let ya = max(yt, Double(row)), yb2 = min(yb, Double(row + 1))
            guard yb2 > ya else { continue }
            let xa = xt + (ya - yt) * dxdy, xbb = xt + (yb2 - yt) * dxdy
            accumulateRow(a, row: row, width: w, xa: xa, xb: xbb, dy: (yb2 - ya) * dir)
        }
    }

    /// One row's piece of an edge: from x `xa` to `xb` while y advances by `dy` (signed).
    @inline(__always)
    static func accumulateRow(_ a: UnsafeMutableBufferPointer<Float>, row: Int, width w: Int, xa: Double, xb: Double, dy: Double) {
        let base = row * (w + 1)
        var lo = min(xa, xb), hi = max(xa, xb)
        let span = hi - lo
        // The part left of the region: its full dy lands on column 0.
        if lo < 0 {
            let leftPart = span > 0 ? dy * (min(hi, 0) - lo) / span : dy
            a[base] += Float(leftPart)
            if hi <= 0 { return }
            lo = 0
        }
        if lo >= Double(w) { return }  // entirely right of the region
        hi = min(hi, Double(w))
        let dyPerX = span > 0 ? dy / span : 0
        var c = Int(lo)
        if span == 0 || max(c, Int(hi.rounded(.up)) - 1) == c {
            // Within one column: the part of dy to the right of the mean x stays in this cell.
            let share = span == 0 ? dy : dyPerX * (hi - lo)
            let mid = (lo + hi) / 2 - Double(c)
            a[base + c] += Float(share * (1 - mid))
            a[base + c + 1] += Float(share * mid)
            return
        }
        var u = lo
        while u < hi && c < w {
            let v = min(Double(c + 1), hi)
            let piece = dyPerX * (v - u)
            let mid = (u + v) / 2 - Double(c)
            a[base + c] += Float(piece * (1 - mid))
            a[base + c + 1] += Float(piece * mid)
            u = v
            c += 1
        }
    }
}

extension Image {
    /// Fills `path` with `colour`, anti-aliased by exact area coverage, composited "over" (the
    /// colour's alpha times the coverage). Clipped to the image and to `clip` when given.
    /// Separate fills that share an edge blend at it (as in every coverage rasterizer): fill
    /// touching shapes as one path to keep their joint seamless.
    /// Throws for a path with a NaN or infinite coordinate.
    public mutating func fill(_ path: Path, with colour: Pixel, rule: FillRule = .nonZero, clip: Rect? = nil) throws(RasterError) {
        var bounds = PixelRect(x: 0, y: 0, width: width, height: height)
        if let clip {
            guard let c = clip.coveredPixels?.clamped(to: size) else { return }
            bounds = c
        }
        guard !isEmpty, colour.a > 0,
              let map = try Rasterizer.coverage(of: path, rule: rule, clip: bounds, operation: "filling a path") else { return }
        let r = map.region, w = width
        let keepsOpacity = isOpaque
        let base = UInt32(colour.r) | UInt32(colour.g) << 8 | UInt32(colour.b) << 16
        withUnsafeMutableBytes(preservingOpacity: keepsOpacity) { raw in
            let d = raw.bindMemory(to: UInt32.self).baseAddress!
            for y in 0..<r.height {
                for x in 0..<r.width {
                    let cov = map.values[y * r.width + x]
                    guard cov > 0 else { continue }
                    let a = UInt32((cov * Float(colour.a)).rounded())
                    guard a > 0 else { continue }
                    var top = (base | a << 24).littleEndian
                    let target = d + (r.y + y) * w + r.x + x
                    if keepsOpacity {
                        Composite.overOpaqueOne(&top, target, 0..<1, weight: 255)
                    } else {
                        Composite.over(&top, target, count: 1, weight: 255)
                    }
                }
            }
        }
        if !keepsOpacity { recomputeOpacity() }
    }
}

extension Mask {
    /// Adds `path`'s coverage (scaled by `value`) to the mask: `m + c·(value − m)` where
    /// `value` is above `m`, so overlapping shapes unite. Throws for a non-finite path.
    public mutating func fill(_ path: Path, value: UInt8 = 255, rule: FillRule = .nonZero) throws(RasterError) {
        guard !isEmpty, let map = try Rasterizer.coverage(of: path, rule: rule, clip: PixelRect(x: 0, y: 0, width: width, height: height),
                                                         operation: "filling a path into a mask") else { return }
        let r = map.region, w = width
        withUnsafeMutableBytes { d in
            for y in 0..<r.height {
                for x in 0..<r.width {
                    let cov = map.values[y * r.width + x]
                    let i = (r.y + y) * w + r.x + x
                    let m = Float(d[i]), v = Float(value)
                    if v > m { d[i] = UInt8((m + cov * (v - m)).rounded()) }
                }
            }
        }
    }

    /// A `size` mask of `paths` filled (polygons and boxes from a vision result, anti-aliased).
    public init(size: Size, paths: [Path], rule: FillRule = .nonZero) throws(RasterError) {
        self.init(width: size.width, height: size.height)
        for path in paths { try fill(path, rule: rule) }
    }
}
