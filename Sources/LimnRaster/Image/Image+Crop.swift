/// The result of a crop: the pixels and the region they came from, after clamping.
public struct Cropped<Raster: Sendable>: Sendable {
    /// The cropped pixels: an ``Image`` or a ``Mask`` of the region's size (fractional edges resampled).
    public var raster: Raster
    /// The part of the source that was used: the requested rectangle clamped to the source.
    public var region: Rect
    /// True when the requested rectangle reached outside the source and was cut back.
    public var wasClamped: Bool
}

/// How a requested crop rectangle becomes a region of a raster.
enum CropRegion {
    /// The request clamped to `size`; nil when nothing of it is inside (or it is not finite).
    static func clamp(_ rect: Rect, to size: Size) -> (region: Rect, clamped: Bool)? {
        guard rect.isFinite, let inside = rect.intersection(Rect(size)) else { return nil }
        return (inside, inside != rect)
    }

    /// The whole-pixel rectangle when the region's edges are integers, else nil.
    static func integral(_ r: Rect) -> PixelRect? {
        guard r.x == r.x.rounded(), r.y == r.y.rounded(), r.width == r.width.rounded(), r.height == r.height.rounded() else {
            return nil
        }
        return PixelRect(x: Int(r.x), y: Int(r.y), width: Int(r.width), height: Int(r.height))
    }

    /// The output size for a fractional region: its sides rounded, at least 1.
    static func size(of r: Rect) -> Size {
        Size(width: max(1, Int(r.width.rounded())), height: max(1, Int(r.height.rounded())))
    }

    /// Copies the `rect` rows of a plane `sourceWidth` pixels wide, `bytesPerPixel` each, into
    /// `destination`, packed.
    static func copy(
        _ rect: PixelRect, from source: UnsafeRawBufferPointer, sourceWidth: Int, bytesPerPixel: Int,
        into destination: UnsafeMutableRawBufferPointer
    ) {
        let rowBytes = rect.width * bytesPerPixel
        for row in 0..<rect.height {
            let from = ((rect.y + row) * sourceWidth + rect.x) * bytesPerPixel
            destination.baseAddress!.advanced(by: row * rowBytes).copyMemory(
                from: source.baseAddress!.advanced(by: from), byteCount: rowBytes)
        }
    }
}

extension Image {
    /// The pixels inside `rect`, clamped to the image (the clamping is reported). Whole-pixel
    /// edges copy exactly; fractional edges are resampled (Lanczos3) to the rounded size rather
    /// than rounded silently. A rectangle entirely outside the image, empty or not finite gives
    /// nil. Allocates the result.
    public func cropped(to rect: Rect) -> Cropped<Image>? {
        guard let (region, clamped) = CropRegion.clamp(rect, to: size) else { return nil }
        guard let pixels = CropRegion.integral(region) else {
            return Cropped(raster: resampledUnchecked(from: region, to: CropRegion.size(of: region)), region: region, wasClamped: clamped)
        }
        let copy = withUnsafeBytes { src in
            Image(width: pixels.width, height: pixels.height, isOpaque: isOpaque) { dst in
                CropRegion.copy(pixels, from: src, sourceWidth: width, bytesPerPixel: 4, into: dst)
            }
        }
        return Cropped(raster: copy, region: region, wasClamped: clamped)
    }
}

extension Mask {
    /// The values inside `rect`, clamped to the mask, as ``Image/cropped(to:)`` does for images.
    public func cropped(to rect: Rect) -> Cropped<Mask>? {
        guard let (region, clamped) = CropRegion.clamp(rect, to: size) else { return nil }
        guard let pixels = CropRegion.integral(region) else {
            return Cropped(raster: resampledUnchecked(from: region, to: CropRegion.size(of: region)), region: region, wasClamped: clamped)
        }
        let copy = withUnsafeBytes { src in
            Mask(width: pixels.width, height: pixels.height) { dst in
                CropRegion.copy(pixels, from: src, sourceWidth: width, bytesPerPixel: 1, into: dst)
            }
        }
        return Cropped(raster: copy, region: region, wasClamped: clamped)
    }
}
