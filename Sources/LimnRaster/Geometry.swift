/// Pixel dimensions of an image or a mask.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    @inlinable
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The number of pixels, `width × height`, or nil when it overflows `Int`.
    public var pixelCount: Int? {
        let (n, overflow) = width.multipliedReportingOverflow(by: height)
        return overflow ? nil : n
    }

    /// True when either side is zero or negative.
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The size with width and height exchanged (a quarter turn).
    public var transposed: Size { Size(width: height, height: width) }

    public var description: String { "\(width)x\(height)" }
}

/// A point in image coordinates: origin at the top-left corner, y down.
///
/// Pixel `(x, y)` covers the square `[x, x+1) × [y, y+1)`; its centre is `(x + 0.5, y + 0.5)`.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    @inlinable
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public static let zero = Point(x: 0, y: 0)

    /// The centre of pixel `(x, y)`.
    public static func centre(ofPixelAt x: Int, _ y: Int) -> Point {
        Point(x: Double(x) + 0.5, y: Double(y) + 0.5)
    }

    public var description: String { "(\(x), \(y))" }
}

/// An axis-aligned rectangle in image coordinates, covering `[x, x+width) × [y, y+height)`.
///
/// A vendor box `{x, y, w, h}` maps to `Rect(x: x, y: y, width: w, height: h)` unchanged.
/// A rectangle with a negative width or height is normalised by the initialiser.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

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

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var centre: Point { Point(x: x + width / 2, y: y + height / 2) }

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
        Rect(corner: Point(x: min(minX, other.minX), y: min(minY, other.minY)),
             Point(x: max(maxX, other.maxX), y: max(maxY, other.maxY)))
    }

    /// The rectangle with every coordinate multiplied by the factors (for mapping between image sizes).
    public func scaled(x sx: Double, y sy: Double) -> Rect {
        Rect(x: x * sx, y: y * sy, width: width * sx, height: height * sy)
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

/// A rectangle of whole pixels: columns `x ..< x+width`, rows `y ..< y+height`.
public struct PixelRect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    @inlinable
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var size: Size { Size(width: width, height: height) }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The part inside `0 ..< size.width × 0 ..< size.height`, or nil when nothing is.
    public func clamped(to size: Size) -> PixelRect? {
        let x0 = max(x, 0), y0 = max(y, 0)
        let x1 = min(x + width, size.width), y1 = min(y + height, size.height)
        guard x1 > x0, y1 > y0 else { return nil }
        return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    public var rect: Rect { Rect(x: Double(x), y: Double(y), width: Double(width), height: Double(height)) }

    public var description: String { "\(width)x\(height)+\(x)+\(y)" }
}
