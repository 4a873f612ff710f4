/// Where something sits when there is room to spare (a crop in its picture, text around its point): `x` and `y` from 0 (left, top) to 1 (right, bottom).
public struct Anchor: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = min(max(x.isFinite ? x : 0.5, 0), 1)
        self.y = min(max(y.isFinite ? y : 0.5, 0), 1)
    }

    public static let center = Anchor(x: 0.5, y: 0.5)
    public static let top = Anchor(x: 0.5, y: 0)
    public static let bottom = Anchor(x: 0.5, y: 1)
    public static let left = Anchor(x: 0, y: 0.5)
    public static let right = Anchor(x: 1, y: 0.5)
    public static let topLeft = Anchor(x: 0, y: 0)
    public static let topRight = Anchor(x: 1, y: 0)
    public static let bottomLeft = Anchor(x: 0, y: 1)
    public static let bottomRight = Anchor(x: 1, y: 1)
}
