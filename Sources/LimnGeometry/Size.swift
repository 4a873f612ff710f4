/// Pixel dimensions of an image or a mask.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    /// The width in pixels.
    public var width: Int
    /// The height in pixels.
    public var height: Int

    /// A size of `width` × `height` pixels (not checked: `PixelLimits` checks sizes that make pictures).
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
