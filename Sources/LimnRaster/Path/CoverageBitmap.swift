/// An 8-bit coverage bitmap placed on the pixel grid: `width × height` values (rows packed, 0 …
/// 255) whose top-left lands on pixel `(left, top)`. A rendered glyph is one; text is drawn as
/// a list of them.
public struct CoverageBitmap: Sendable, Equatable {
    /// The number of columns.
    public var width: Int
    /// The number of rows.
    public var height: Int
    /// The picture column of the bitmap's first column.
    public var left: Int
    /// The picture row of the bitmap's first row.
    public var top: Int
    /// `width × height` values; a bitmap with fewer draws nothing.
    public var pixels: [UInt8]

    /// A bitmap of `width × height` values placed with its top-left on pixel (`left`, `top`).
    public init(width: Int, height: Int, left: Int, top: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.left = left
        self.top = top
        self.pixels = pixels
    }

    /// The pixels it covers.
    public var bounds: PixelRect { PixelRect(x: left, y: top, width: width, height: height) }
}

extension Image {
    /// Composites `color` through each bitmap in turn (the color's alpha times the coverage),
    /// "over", clipped to the image. Allocates nothing.
    public mutating func blend(_ color: Pixel, through bitmaps: [CoverageBitmap]) {
        guard color.a > 0, !isEmpty, !bitmaps.isEmpty else { return }
        let clip = PixelRect(x: 0, y: 0, width: width, height: height)
        withPixelTarget { target in
            for bitmap in bitmaps { target.blend(color, through: bitmap, clip: clip) }
        }
    }
}
