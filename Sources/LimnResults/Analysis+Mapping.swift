#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Analysis {
    /// The one map from this result's pixels onto the upright picture's pixels, built in this
    /// order: the legacy OCR `textAngle` turned back around the analysed image's center, the
    /// analysed size scaled to the frame the service saw, then the EXIF orientation when that
    /// frame was the stored pixels. Regions in fractions are first scaled by the analysed size
    /// (``fractionsToPixels(onto:analysedUpright:)``).
    ///
    /// Which frame the service saw: `analysedUpright` true means the upright picture (the
    /// orientation does not move the shapes, only the scale does); false means the stored
    /// pixels. Nil decides from the sizes: an analysed size equal to the stored size with its
    /// sides swapped (orientations 5–8) means the stored pixels; anything else, upright.
    public func transform(onto picture: PictureGeometry, analysedUpright: Bool? = nil) -> AffineTransform {
        let (frame, analysed, upright) = frames(onto: picture, analysedUpright: analysedUpright)
        var t = AffineTransform.identity
        if let degrees = textAngle, degrees != 0 {
            let center = Point(x: Double(analysed.width) / 2, y: Double(analysed.height) / 2)
            t = .rotation(radians: -degrees * Double.pi / 180, around: center)
        }
        if analysed != frame { t = t.then(.scaling(from: analysed, to: frame)) }
        if !upright { t = t.then(picture.orientation.transform(storedSize: picture.storedSize)) }
        return t
    }

    /// The map from fractions (0…1 of the analysed image's width and height) to its pixels.
    public func fractionsToPixels(onto picture: PictureGeometry, analysedUpright: Bool? = nil) -> AffineTransform {
        let analysed = frames(onto: picture, analysedUpright: analysedUpright).analysed
        return .scale(x: Double(analysed.width), y: Double(analysed.height))
    }

    /// The analysis with every shape in pixels of the upright picture: ``transform(onto:analysedUpright:)``
    /// applied to every region, child and crop suggestion (regions in fractions scaled to pixels
    /// first). Boxes stay boxes where the map keeps rectangles aligned (scales, quarter turns,
    /// flips); under the `textAngle` turn they become polygons. Crop suggestions become the box
    /// around their mapped corners. The result has `imageSize` the upright picture's and
    /// `textAngle` nil. Deterministic; allocates only the new regions.
    public func mapped(to picture: PictureGeometry, analysedUpright: Bool? = nil) -> Analysis {
        var out = applying(
            transform(onto: picture, analysedUpright: analysedUpright),
            fractions: fractionsToPixels(onto: picture, analysedUpright: analysedUpright))
        out.imageSize = picture.uprightSize
        out.textAngle = nil
        return out
    }

    /// The analysis with every shape mapped by `transform`: regions in pixels directly, regions
    /// in fractions through `fractions` first (when given; otherwise they are left as they are).
    /// Mapped regions are in pixels. `imageSize` and `textAngle` are kept: the caller says what
    /// frame the result is in now.
    public func applying(_ transform: AffineTransform, fractions: AffineTransform? = nil) -> Analysis {
        func mapShape(_ shape: RegionShape, through steps: [AffineTransform]) -> RegionShape {
            if case .box(let b) = shape, steps.allSatisfy(\.keepsRectanglesAligned) {
                if steps.count == 1 { return .box(steps[0].apply(b)) }
                return .box(Rect(bounding: b.corners.map { p in steps.reduce(p) { $1.apply($0) } }) ?? b)
            }
            return .polygon(shape.points.map { p in steps.reduce(p) { $1.apply($0) } })
        }
        func mapPoint(_ p: Point, through steps: [AffineTransform]) -> Point { steps.reduce(p) { $1.apply($0) } }
        func mapMask(_ mask: InstanceMask?, through steps: [AffineTransform]) -> InstanceMask? {
            switch mask {
            case nil: return nil
            case .polygons(let p)?: return .polygons(p.map { $0.map { mapPoint($0, through: steps) } })
            case .runLength(var rle)?:
                // The runs stay as they are; where they land moves.
                rle.transform = steps.reduce(rle.transform) { $0.then($1) }
                return .runLength(rle)
            }
        }
        func mapParts(_ r: inout Region, through steps: [AffineTransform]) {
            r.shape = mapShape(r.shape, through: steps)
            r.mask = mapMask(r.mask, through: steps)
            for k in r.keypoints.indices { r.keypoints[k].point = mapPoint(r.keypoints[k].point, through: steps) }
        }
        func mapRegion(_ r: Region) -> Region {
            var out = r
            if r.units == .pixels {
                mapParts(&out, through: [transform])
            } else if let fractions {
                mapParts(&out, through: [fractions, transform])
                out.units = .pixels
            }
            out.children = r.children.map(mapRegion)
            return out
        }
        var out = self
        out.regions = regions.map(mapRegion)
        out.cropSuggestions = cropSuggestions.map { CropSuggestion(aspectRatio: $0.aspectRatio, box: transform.apply($0.box)) }
        return out
    }

    /// The frame the service's pixels are in (the upright or the stored picture), the analysed
    /// size (the frame when the result gives none), and whether the frame is upright.
    private func frames(onto picture: PictureGeometry, analysedUpright: Bool?) -> (frame: Size, analysed: Size, upright: Bool) {
        let stored = picture.storedSize, upright = picture.uprightSize
        let isUpright =
            analysedUpright
            ?? {
                guard picture.orientation.swapsAxes, let s = imageSize else { return true }
                return !(s == stored && s != upright)
            }()
        let frame = isUpright ? upright : stored
        return (frame, imageSize ?? frame, isUpright)
    }
}
