import LimnAnnotate
import LimnRaster
import LimnResults

/// Which instances of a result make a cutout's matte.
public enum InstanceChoice: Hashable, Sendable {
    /// Every instance with a mask.
    case all
    /// The instances whose label is this (letter case ignored).
    case label(String)
    /// The region at this index of the result's regions (from 0, as the result lists them).
    case index(Int)
}

extension Matte {
    /// The matte of the instance masks in `analysis` (COCO segmentations, Florence-2 and
    /// Ultralytics polygons, YOLO segmentation rows) chosen by `instances`, rasterized with
    /// exact-coverage anti-aliasing at the picture's upright size: 255 inside, 0 outside, partial
    /// only where an outline crosses a pixel. Run-length masks are filled along their
    /// marching-squares outlines (straight from the decoded grid when they are not resampled), so
    /// their staircase edges come out smooth. The result is mapped onto `picture` as an
    /// annotation is (EXIF orientation, a smaller analysed copy). Allocates one mask of the
    /// picture's size. Throws ``LimnError/noMatte(source:vendor:)`` when the result has no mask and
    /// ``LimnError/noSuchInstance(source:wanted:available:)`` when the choice matches none.
    public static func mask(
        from analysis: Analysis, picture: PictureGeometry, instances: InstanceChoice = .all, source: String = "result"
    ) throws -> Mask {
        let masked = analysis.regions.enumerated().filter { $0.element.mask != nil }
        guard !masked.isEmpty else { throw LimnError.noMatte(source: source, vendor: analysis.vendor.rawValue) }
        let chosen: [Int]
        switch instances {
        case .all: chosen = masked.map(\.offset)
        case .label(let name):
            chosen = masked.filter { $0.element.label.lowercased() == name.lowercased() }.map(\.offset)
        case .index(let i):
            chosen = masked.contains { $0.offset == i } ? [i] : []
        }
        guard !chosen.isEmpty else {
            let labels = Array(Set(masked.map { $0.element.label.isEmpty ? "(no label)" : $0.element.label })).sorted()
            let wanted: String
            switch instances {
            case .all: wanted = "all"
            case .label(let name): wanted = "label \"\(name)\""
            case .index(let i): wanted = "index \(i)"
            }
            throw LimnError.noSuchInstance(
                source: source, wanted: wanted,
                available:
                    "\(masked.count) masks at indices \(masked.prefix(8).map { String($0.offset) }.joined(separator: ", "))\(masked.count > 8 ? ", …" : ""), labelled \(labels.prefix(8).joined(separator: ", "))"
            )
        }
        try analysis.checkFits(picture, source: source)
        var picked = analysis
        picked.regions = chosen.map { analysis.regions[$0] }
        let mapped = picked.mapped(to: picture)
        var matte = Mask(width: picture.uprightSize.width, height: picture.uprightSize.height)
        for region in mapped.regions {
            guard let mask = region.mask else { continue }
            if case .runLength(let rle) = mask, let grid = rle.placedGrid {
                matte.fill(outlineOf: grid)
            } else {
                try matte.fill(mask.path, rule: mask.fillRule)
            }
        }
        return matte
    }
}
