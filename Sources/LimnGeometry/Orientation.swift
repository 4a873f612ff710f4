/// The eight ways stored pixels can relate to the upright picture: the EXIF/TIFF orientation
/// tag (values 1–8), named like Core Graphics' `CGImagePropertyOrientation`.
///
/// Each case names the stored layout; `Image.applyingOrientation(_:)` turns it upright.
public enum Orientation: Int, CaseIterable, Sendable, CustomStringConvertible {
    /// 1: stored upright.
    case up = 1
    /// 2: mirrored left to right; upright after a horizontal flip.
    case upMirrored = 2
    /// 3: upside down; upright after a half turn.
    case down = 3
    /// 4: mirrored top to bottom; upright after a vertical flip.
    case downMirrored = 4
    /// 5: upright after a transpose (mirror across the top-left/bottom-right diagonal).
    case leftMirrored = 5
    /// 6: upright after a quarter turn clockwise (the usual portrait photo from a phone).
    case right = 6
    /// 7: upright after a transverse (mirror across the top-right/bottom-left diagonal).
    case rightMirrored = 7
    /// 8: upright after a quarter turn counter-clockwise.
    case left = 8

    /// True when turning the picture upright exchanges width and height.
    public var swapsAxes: Bool { rawValue >= 5 }

    /// The orientation that undoes this one: storing `applyingOrientation(o)` of an upright
    /// picture under `o.inverse` brings it back.
    public var inverse: Orientation {
        switch self {
        case .right: return .left
        case .left: return .right
        default: return self
        }
    }

    /// The map from a stored picture's coordinates (`storedSize`, before orientation) to the
    /// upright picture's: where each point lands when `Image.applyingOrientation(_:)` turns it.
    /// Exact: every coefficient is 0 or ±1 and every offset a side of `storedSize`.
    public func transform(storedSize: Size) -> AffineTransform {
        let w = Double(storedSize.width), h = Double(storedSize.height)
        switch self {
        case .up: return .identity
        case .upMirrored: return AffineTransform(a: -1, b: 0, c: 0, d: 1, tx: w, ty: 0)
        case .down: return AffineTransform(a: -1, b: 0, c: 0, d: -1, tx: w, ty: h)
        case .downMirrored: return AffineTransform(a: 1, b: 0, c: 0, d: -1, tx: 0, ty: h)
        case .leftMirrored: return AffineTransform(a: 0, b: 1, c: 1, d: 0, tx: 0, ty: 0)
        case .right: return AffineTransform(a: 0, b: 1, c: -1, d: 0, tx: h, ty: 0)
        case .rightMirrored: return AffineTransform(a: 0, b: -1, c: -1, d: 0, tx: h, ty: w)
        case .left: return AffineTransform(a: 0, b: -1, c: 1, d: 0, tx: 0, ty: w)
        }
    }

    /// The size of the upright picture whose stored size is `stored`.
    public func uprightSize(of stored: Size) -> Size { swapsAxes ? stored.transposed : stored }

    public var description: String {
        switch self {
        case .up: return "1 (upright)"
        case .upMirrored: return "2 (mirrored)"
        case .down: return "3 (rotated 180°)"
        case .downMirrored: return "4 (mirrored vertically)"
        case .leftMirrored: return "5 (transposed)"
        case .right: return "6 (rotate 90° clockwise)"
        case .rightMirrored: return "7 (transversed)"
        case .left: return "8 (rotate 90° counter-clockwise)"
        }
    }
}
