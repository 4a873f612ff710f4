/// Where something sits when there is room to spare (a crop in its picture, text around its point): `x` and `y` from 0 (left, top) to 1 (right, bottom).
public struct Anchor: Sendable, Equatable {
    /// The horizontal place, 0 (left) to 1 (right); values outside are clamped, NaN is 0.5.
    public var x: Double
    /// The vertical place, 0 (top) to 1 (bottom); values outside are clamped, NaN is 0.5.
    public var y: Double

    /// An anchor at (`x`, `y`), each clamped to 0…1 (not finite: 0.5).
    public init(x: Double, y: Double) {
        self.x = min(max(x.isFinite ? x : 0.5, 0), 1)
        self.y = min(max(y.isFinite ? y : 0.5, 0), 1)
    }

    /// Centred both ways.
    public static let center = Anchor(x: 0.5, y: 0.5)
    /// Centred horizontally, at the top.
    public static let top = Anchor(x: 0.5, y: 0)
    /// Centred horizontally, at the bottom.
    public static let bottom = Anchor(x: 0.5, y: 1)
    /// At the left, centred vertically.
    public static let left = Anchor(x: 0, y: 0.5)
    /// At the right, centred vertically.
    public static let right = Anchor(x: 1, y: 0.5)
    /// The top-left corner.
    public static let topLeft = Anchor(x: 0, y: 0)
    /// The top-right corner.
    public static let topRight = Anchor(x: 1, y: 0)
    /// The bottom-left corner.
    public static let bottomLeft = Anchor(x: 0, y: 1)
    /// The bottom-right corner.
    public static let bottomRight = Anchor(x: 1, y: 1)
}
