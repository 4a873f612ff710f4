import LimnGeometry

/// Checks values from the wire and builds the normalised parts, naming the JSON path of
/// anything unusable. One mapper per document; the per-vendor mappings are in extensions.
struct ResultMapper {
    let source: String

    func invalid(_ path: String, _ reason: String) -> ResultsError {
        .invalidField(source: source, path: path, reason: reason)
    }

    func finite(_ value: Double, _ path: String) throws(ResultsError) -> Double {
        guard value.isFinite, abs(value) < 1e12 else { throw invalid(path, "is not a usable number (\(value))") }
        return value
    }

    /// A box from its corner and size; negative sizes are refused.
    func box(x: Double, y: Double, width: Double, height: Double, _ path: String) throws(ResultsError) -> Rect {
        let (x, y, width, height) = (try finite(x, path), try finite(y, path), try finite(width, path), try finite(height, path))
        guard width >= 0, height >= 0 else { throw invalid(path, "has a negative width or height") }
        return Rect(x: x, y: y, width: width, height: height)
    }

    /// A polygon of at least three points.
    func polygon(_ points: [Point], _ path: String) throws(ResultsError) -> RegionShape {
        guard points.count >= 3 else { throw invalid(path, "has \(points.count) points; a polygon needs at least 3") }
        for p in points { _ = try finite(p.x, path); _ = try finite(p.y, path) }
        return .polygon(points)
    }

    /// `[x0, y0, x1, y1, …]` (Azure 3.2 read and 4.0 preview: 8 numbers, clockwise from the text's top-left).
    func polygon(flat numbers: [Double], _ path: String) throws(ResultsError) -> RegionShape {
        guard numbers.count >= 6, numbers.count % 2 == 0 else {
            throw invalid(path, "has \(numbers.count) numbers; expected x, y pairs (8 numbers for four corners)")
        }
        return try polygon(stride(from: 0, to: numbers.count, by: 2).map { Point(x: numbers[$0], y: numbers[$0 + 1]) }, path)
    }

    /// A confidence in 0…1 (`scale` 100 for AWS); nil stays nil.
    func confidence(_ value: Double?, _ path: String, scale: Double = 1) throws(ResultsError) -> Double? {
        guard let value else { return nil }
        let c = try finite(value, path) / scale
        guard c >= 0, c <= 1.000001 else { throw invalid(path, "is \(value), outside 0…\(scale == 1 ? "1" : "100")") }
        return min(c, 1)
    }

    /// An image size: both sides at least 1 and below a billion.
    func size(width: Double, height: Double, _ path: String) throws(ResultsError) -> Size {
        guard width.isFinite, height.isFinite, width >= 1, height >= 1, width < 1e9, height < 1e9 else {
            throw invalid(path, "declares a \(width)x\(height) image")
        }
        return Size(width: Int(width.rounded()), height: Int(height.rounded()))
    }
}
