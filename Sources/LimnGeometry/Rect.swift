/// An axis-aligned rectangle in image coordinates, covering `[x, x+width) × [y, y+height)`.
///
/// A vendor box `{x, y, w, h}` maps to `Rect(x: x, y: y, width: w, height: h)` unchanged.
/// A rectangle with a negative width or height is normalised by the initialiser.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// The left edge.
    public var x: Double
    /// The top edge.
    public var y: Double
    /// The width (never negative: the initialiser turns a negative width into a rectangle to the left).
    public var width: Double
    /// The height (never negative: the initialiser turns a negative height into a rectangle above).
    public var height: Double

    /// The rectangle between (`x`, `y`) and (`x + width`, `y + height`), normalised so that its width
    /// and height are not negative.
    @inlinable
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = width < 0 ? x + width : x
        self.y = height < 0 ? y + height : y
        self.width = abs(width)
        self.height = abs(height)
    }

    /// The rectangle covering a whole image or mask of this size.
    public init(_ size: Size) {
        self.init(x: 0, y: 0, width: Double(max(size.width, 0)), height: Double(max(size.height, 0)))
    }

    /// The rectangle spanning two corners, in any order.
    public init(corner a: Point, _ b: Point) {
        self.init(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))
    }

    /// The left edge, `x`.
    public var minX: Double { x }
    /// The top edge, `y`.
    public var minY: Double { y }
    /// The right edge, `x + width`.
    public var maxX: Double { x + width }
    /// The bottom edge, `y + height`.
    public var maxY: Double { y + height }
    /// The centre point.
    public var center: Point { Point(x: x + width / 2, y: y + height / 2) }

    /// True when the area is zero, or when a coordinate is NaN or infinite.
    public var isEmpty: Bool { !(width > 0 && height > 0) || !isFinite }

    /// True when every coordinate is a finite number.
    public var isFinite: Bool { x.isFinite && y.isFinite && width.isFinite && height.isFinite }

    /// True when `p` lies inside the half-open rectangle.
    public func contains(_ p: Point) -> Bool {
        p.x >= minX && p.x < maxX && p.y >= minY && p.y < maxY
    }

    /// The overlap of two rectangles, or nil when they do not overlap.
    public func intersection(_ other: Rect) -> Rect? {
        let x0 = max(minX, other.minX), y0 = max(minY, other.minY)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        guard x1 > x0, y1 > y0 else { return nil }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The smallest rectangle containing both.
    public func union(_ other: Rect) -> Rect {
        Rect(
            corner: Point(x: min(minX, other.minX), y: min(minY, other.minY)),
            Point(x: max(maxX, other.maxX), y: max(maxY, other.maxY)))
    }

    /// The rectangle with every coordinate multiplied by the factors (for mapping between image sizes).
    public func scaled(x sx: Double, y sy: Double) -> Rect {
        Rect(x: x * sx, y: y * sy, width: width * sx, height: height * sy)
    }

    /// The smallest rectangle containing every point; nil when there are none.
    public init?(bounding points: some Sequence<Point>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        var x0 = first.x, y0 = first.y, x1 = first.x, y1 = first.y
        while let p = iterator.next() {
            x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y)
        }
        self.init(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The four corners, clockwise from the top-left (y down).
    public var corners: [Point] {
        [Point(x: minX, y: minY), Point(x: maxX, y: minY), Point(x: maxX, y: maxY), Point(x: minX, y: maxY)]
    }

    /// The rectangle moved by `(dx, dy)`.
    public func offsetBy(dx: Double, dy: Double) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width, height: height)
    }

    /// The whole pixels this rectangle touches: edges rounded outward (floor of the minimum,
    /// ceiling of the maximum). Returns nil for an empty or non-finite rectangle.
    public var coveredPixels: PixelRect? {
        guard !isEmpty, abs(x) < 1e15, abs(y) < 1e15, maxX < 1e15, maxY < 1e15 else { return nil }
        let x0 = Int(minX.rounded(.down)), y0 = Int(minY.rounded(.down))
        let x1 = Int(maxX.rounded(.up)), y1 = Int(maxY.rounded(.up))
        return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    public var description: String { "Rect(x: \(x), y: \(y), width: \(width), height: \(height))" }
}
