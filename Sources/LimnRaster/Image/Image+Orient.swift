/// Rotations by quarter turns, flips, transposes and EXIF orientation, for images and masks.
///
/// Each returns a new raster (one allocation of the same byte count), is exact and
/// deterministic, and copies alpha like any other channel.
extension Image {
    /// The picture stored under `orientation`, turned upright. `.up` returns the image itself.
    public func applyingOrientation(_ orientation: Orientation) -> Image {
        guard orientation != .up else { return self }
        let out = orientation.swapsAxes ? size.transposed : size
        return withUnsafeBytes { src in
            Image(width: out.width, height: out.height, isOpaque: isOpaque) { dst in
                reorient(
                    src.bindMemory(to: UInt32.self), width: width, height: height,
                    into: dst.bindMemory(to: UInt32.self), orientation)
            }
        }
    }

    /// The image turned clockwise.
    public func rotated(_ rotation: Rotation) -> Image { applyingOrientation(rotation.orientation) }

    /// The image mirrored.
    public func flipped(_ direction: FlipDirection) -> Image {
        applyingOrientation(direction == .horizontal ? .upMirrored : .downMirrored)
    }

    /// The image mirrored across its top-left/bottom-right diagonal: pixel (x, y) moves to (y, x).
    public func transposed() -> Image { applyingOrientation(.leftMirrored) }
}

extension Mask {
    /// The mask stored under `orientation`, turned upright.
    public func applyingOrientation(_ orientation: Orientation) -> Mask {
        guard orientation != .up else { return self }
        let out = orientation.swapsAxes ? size.transposed : size
        return withUnsafeBytes { src in
            Mask(width: out.width, height: out.height) { dst in
                reorient(
                    src.bindMemory(to: UInt8.self), width: width, height: height,
                    into: dst.bindMemory(to: UInt8.self), orientation)
            }
        }
    }

    /// The mask turned clockwise by `rotation`. Allocates the result.
    public func rotated(_ rotation: Rotation) -> Mask { applyingOrientation(rotation.orientation) }

    /// The mask mirrored left to right (`.horizontal`) or top to bottom (`.vertical`). Allocates the result.
    public func flipped(_ direction: FlipDirection) -> Mask {
        applyingOrientation(direction == .horizontal ? .upMirrored : .downMirrored)
    }

    /// The mask mirrored across its main diagonal: column x becomes row x. Allocates the result.
    public func transposed() -> Mask { applyingOrientation(.leftMirrored) }
}

/// Moves every element of a `width × height` plane to its upright place.
///
/// Source pixel (x, y) lands at destination index `base + x·stepX + y·stepY`; the plane is walked
/// in 64 × 64 tiles so that the transposing cases stay within cache.
func reorient<T>(
    _ src: UnsafeBufferPointer<T>, width w: Int, height h: Int,
    into dst: UnsafeMutableBufferPointer<T>, _ orientation: Orientation
) {
    guard w > 0, h > 0, let s = src.baseAddress, let d = dst.baseAddress else { return }
    let outWidth = orientation.swapsAxes ? h : w
    let base: Int, stepX: Int, stepY: Int
    switch orientation {
    case .up: (base, stepX, stepY) = (0, 1, outWidth)
    case .upMirrored: (base, stepX, stepY) = (w - 1, -1, outWidth)
    case .down: (base, stepX, stepY) = ((h - 1) * outWidth + w - 1, -1, -outWidth)
    case .downMirrored: (base, stepX, stepY) = ((h - 1) * outWidth, 1, -outWidth)
    case .leftMirrored: (base, stepX, stepY) = (0, outWidth, 1)
    case .right: (base, stepX, stepY) = (h - 1, outWidth, -1)
    case .rightMirrored: (base, stepX, stepY) = ((w - 1) * outWidth + h - 1, -outWidth, -1)
    case .left: (base, stepX, stepY) = ((w - 1) * outWidth, -outWidth, 1)
    }
    let tile = 64
    var ty = 0
    while ty < h {
        let yEnd = min(ty + tile, h)
        var tx = 0
        while tx < w {
            let xEnd = min(tx + tile, w)
            for y in ty..<yEnd {
                let row = s + y * w
                var o = base + tx * stepX + y * stepY
                for x in tx..<xEnd {
                    d[o] = row[x]
                    o += stepX
                }
            }
            tx = xEnd
        }
        ty = yEnd
    }
}
