/// How a decoded picture relates to the pixels in its file: the size as stored (before any EXIF
/// orientation) and the orientation applied when decoding. What a vision result's coordinates
/// need to land on the picture (`Analysis.mapped(to:)`).
public struct PictureGeometry: Sendable, Equatable {
    /// The stored picture's width and height (before orientation).
    public var storedSize: Size
    /// The EXIF orientation applied when decoding (`.up`: none).
    public var orientation: Orientation

    /// A picture stored at `storedSize` and decoded with `orientation` applied (`.up`: as stored).
    public init(storedSize: Size, orientation: Orientation = .up) {
        self.storedSize = storedSize
        self.orientation = orientation
    }

    /// The picture's size once its orientation is applied.
    public var uprightSize: Size { orientation.uprightSize(of: storedSize) }
}

extension PictureGeometry {
    /// The map from the stored pixels' coordinates to the upright picture's.
    public var transform: AffineTransform { orientation.transform(storedSize: storedSize) }
}
