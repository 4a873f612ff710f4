import LimnRaster
import LimnResults

extension InstanceMask {
    /// The mask as one path, for ``fillRule``: a polygon mask is the union of its polygons, so
    /// each is wound the same way; a run-length mask's traced outlines keep their holes, wound
    /// the other way. Tracing a run-length mask decodes it (see `RunLengthMask.polygons`).
    public var path: Path {
        var path = Path()
        switch self {
        case .polygons(let polygons):
            for polygon in polygons where polygon.count >= 3 {
                path.append(.polygon(Self.signedArea(polygon) < 0 ? polygon.reversed() : polygon))
            }
        case .runLength(let rle):
            for polygon in rle.polygons { path.append(.polygon(polygon)) }
        }
        return path
    }

    /// Non-zero for polygons (their union), even-odd for traced outlines (their holes).
    public var fillRule: FillRule {
        if case .runLength = self { return .evenOdd }
        return .nonZero
    }

    static func signedArea(_ p: [Point]) -> Double {
        var s = 0.0
        for i in p.indices {
            let a = p[i], b = p[(i + 1) % p.count]
            s += a.x * b.y - b.x * a.y
        }
        return s / 2
    }
}
