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
