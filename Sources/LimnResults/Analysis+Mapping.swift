#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a result's coordinates become the pixels of the picture being drawn: the picture's size
/// as stored (before any EXIF orientation), and the EXIF orientation (1–8) applied to it, if any.
public struct PictureGeometry: Sendable, Equatable {
    /// The stored picture's width and height (before orientation).
    public var storedSize: ResultSize
    /// The EXIF orientation applied when decoding (1: none).
    public var orientation: Int

    public init(storedSize: ResultSize, orientation: Int = 1) {
        self.storedSize = storedSize
        self.orientation = (1...8).contains(orientation) ? orientation : 1
    }

    /// The picture's size once its orientation is applied.
    public var uprightSize: ResultSize {
        orientation >= 5 ? ResultSize(width: storedSize.height, height: storedSize.width) : storedSize
    }
}

extension Analysis {
    /// The analysis with every shape in pixels of the upright picture: fractions resolved, the
    /// legacy OCR `textAngle` turned back around the image centre, the analysed size scaled to
    /// the picture's, and the EXIF orientation applied. Which image was analysed:
    /// `analysedUpright` true means the service saw the upright picture (the orientation does
    /// not move the shapes, only the scale does); false means it saw the stored pixels. Nil
    /// decides from the sizes: an analysed size equal to the stored size with its sides swapped
    /// (orientations 5–8) means the stored pixels; anything else, upright.
    ///
    /// Boxes stay boxes under scaling and quarter turns; under the `textAngle` turn they become
    /// polygons. Crop suggestions map too (as the box around their mapped corners). The result
    /// has `imageSize` the upright picture's and `textAngle` nil. Deterministic; no allocation
    /// beyond the new regions.
    public func mapped(to picture: PictureGeometry, analysedUpright: Bool? = nil) -> Analysis {
        let stored = picture.storedSize, upright = picture.uprightSize
        let upright0 = analysedUpright ?? {
            guard picture.orientation >= 5, let s = imageSize else { return true }
            return !(s == stored && s != upright)
        }()
        // The frame the service's pixels are in: the upright or the stored picture.
        let frame = upright0 ? upright : stored
        let analysed = imageSize ?? frame
        let sx = Double(frame.width) / Double(analysed.width), sy = Double(frame.height) / Double(analysed.height)
        let angle = (textAngle ?? 0) * Double.pi / 180
        let cx = Double(analysed.width) / 2, cy = Double(analysed.height) / 2
        let cosine = cos(-angle), sine = sin(-angle)
        let orientation = upright0 ? 1 : picture.orientation
        let W = Double(stored.width), H = Double(stored.height)

        func map(_ p: ResultPoint, _ units: RegionUnits) -> ResultPoint {
            var x = p.x, y = p.y
            if units == .fractions { x *= Double(analysed.width); y *= Double(analysed.height) }
            if angle != 0 {
                let dx = x - cx, dy = y - cy
                x = cx + dx * cosine - dy * sine
                y = cy + dx * sine + dy * cosine
            }
            x *= sx; y *= sy
            switch orientation {
            case 2: return ResultPoint(x: W - x, y: y)
            case 3: return ResultPoint(x: W - x, y: H - y)
            case 4: return ResultPoint(x: x, y: H - y)
            case 5: return ResultPoint(x: y, y: x)
            case 6: return ResultPoint(x: H - y, y: x)
            case 7: return ResultPoint(x: H - y, y: W - x)
            case 8: return ResultPoint(x: y, y: W - x)
            default: return ResultPoint(x: x, y: y)
            }
        }
        func mapShape(_ shape: RegionShape, _ units: RegionUnits) -> RegionShape {
            let points = shape.points.map { map($0, units) }
            if case .box = shape, angle == 0 { return .box(RegionShape.polygon(points).bounds) }
            return .polygon(points)
        }
        func mapRegion(_ r: Region) -> Region {
            var out = r
            out.shape = mapShape(r.shape, r.units)
            out.units = .pixels
            out.children = r.children.map(mapRegion)
            return out
        }
        var out = self
        out.regions = regions.map(mapRegion)
        out.cropSuggestions = cropSuggestions.map {
            CropSuggestion(aspectRatio: $0.aspectRatio, box: mapShape(.box($0.box), .pixels).bounds)
        }
        out.imageSize = upright
        out.textAngle = nil
        return out
    }
}
