/// A point in image coordinates: origin at the top-left corner, y down.
///
/// Pixel `(x, y)` covers the square `[x, x+1) × [y, y+1)`; its center is `(x + 0.5, y + 0.5)`.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    @inlinable
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public static let zero = Point(x: 0, y: 0)

    /// The center of pixel `(x, y)`.
    public static func center(ofPixelAt x: Int, _ y: Int) -> Point {
        Point(x: Double(x) + 0.5, y: Double(y) + 0.5)
    }

    public var description: String { "(\(x), \(y))" }
}
