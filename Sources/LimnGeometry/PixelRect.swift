/// A rectangle of whole pixels: columns `x ..< x+width`, rows `y ..< y+height`.
public struct PixelRect: Hashable, Sendable, CustomStringConvertible {
    /// The left column.
    public var x: Int
    /// The top row.
    public var y: Int
    /// The number of columns (0 or less: empty).
    public var width: Int
    /// The number of rows (0 or less: empty).
    public var height: Int

    /// The rectangle of `width` × `height` pixels whose top-left pixel is (`x`, `y`).
    @inlinable
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    /// The width and height as a ``Size``.
    public var size: Size { Size(width: width, height: height) }
    /// True when it holds no pixel (a side of 0 or less).
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The part inside `0 ..< size.width × 0 ..< size.height`, or nil when nothing is.
    public func clamped(to size: Size) -> PixelRect? {
        let x0 = max(x, 0), y0 = max(y, 0)
        let x1 = min(x + width, size.width), y1 = min(y + height, size.height)
        guard x1 > x0, y1 > y0 else { return nil }
        return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The overlap of two pixel rectangles, or nil when they share no pixel.
    public func intersection(_ other: PixelRect) -> PixelRect? {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(x + width, other.x + other.width), y1 = min(y + height, other.y + other.height)
        return x1 > x0 && y1 > y0 ? PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
    }

    /// The same pixels as a ``Rect`` in continuous coordinates (pixel edges at whole numbers).
    public var rect: Rect { Rect(x: Double(x), y: Double(y), width: Double(width), height: Double(height)) }

    public var description: String { "\(width)x\(height)+\(x)+\(y)" }
}
