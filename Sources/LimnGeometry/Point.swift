/// A point in image coordinates: origin at the top-left corner, y down.
///
/// Pixel `(x, y)` covers the square `[x, x+1) × [y, y+1)`; its center is `(x + 0.5, y + 0.5)`.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    /// The distance from the picture's left edge, in pixels (pixel `x` spans `x`…`x + 1`).
    public var x: Double
    /// The distance from the picture's top edge, in pixels, downwards.
    public var y: Double

    /// The point at (`x`, `y`).
    @inlinable
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The origin: the top-left corner of the picture.
    public static let zero = Point(x: 0, y: 0)

    /// The center of pixel `(x, y)`.
    public static func center(ofPixelAt x: Int, _ y: Int) -> Point {
        Point(x: Double(x) + 0.5, y: Double(y) + 0.5)
    }

    public var description: String { "(\(x), \(y))" }
}
