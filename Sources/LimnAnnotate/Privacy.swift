import LimnRaster
import LimnResults

/// Hides people and faces: a strong Gaussian blur (σ a tenth of the box's longer side) or
/// pixelation (about ten blocks across the box's longer side, each its mean color) inside
/// each box. Deterministic; allocates one crop per box.
enum PrivacyFilter {
    static func apply(_ mode: AnnotationOptions.Privacy, to regions: [Region], on image: inout Image) {
        guard mode != .none else { return }
        for region in regions {
            guard let crop = region.shape.bounds.coveredPixels?.clamped(to: image.size), crop.width > 1, crop.height > 1,
                let piece = image.cropped(
                    to: Rect(x: Double(crop.x), y: Double(crop.y), width: Double(crop.width), height: Double(crop.height)))?.raster
            else { continue }
            let hidden: Image
            switch mode {
            case .blur: hidden = piece.blurred(sigma: max(2, Double(max(crop.width, crop.height)) / 10))
            case .pixelate:
                let block = max(2, max(crop.width, crop.height) / 10)
                let small = Size(width: max(1, (crop.width + block - 1) / block), height: max(1, (crop.height + block - 1) / block))
                hidden = piece.areaAveraged(to: small).resampledUnchecked(
                    from: Rect(small), to: Size(width: crop.width, height: crop.height), filter: .nearest)
            case .none: continue
            }
            image.composite(hidden, x: crop.x, y: crop.y)
        }
    }
}
