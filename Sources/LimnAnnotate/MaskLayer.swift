import LimnRaster
import LimnResults

/// Instance masks: a translucent fill in the class colour, exact inside and anti-aliased only
/// where the contour crosses pixels, under an anti-aliased contour of the same colour; or the
/// contour alone; and, when asked, the picture dimmed outside every mask.
struct MaskLayer {
    let options: AnnotationOptions
    let metrics: Metrics
    /// The picture's place in the frame.
    let clip: Rect

    /// Records a mask (its path and the rule that fills it) in `color`: the fill, when the style
    /// has one, then the contour.
    func draw(_ mask: (path: Path, rule: FillRule), color: Pixel, into list: inout DrawList) {
        guard !mask.path.isEmpty else { return }
        if options.maskStyle == .fill {
            var fill = color
            let opacity = options.maskOpacity.isFinite ? min(max(options.maskOpacity, 0), 1) : 0.45
            fill.a = UInt8((255 * opacity).rounded())
            try? list.fill(mask.path, with: fill, rule: mask.rule, clip: clip)
        }
        try? list.stroke(mask.path, with: color, style: StrokeStyle(width: metrics.lineWidth * 0.8, join: .miter), clip: clip)
    }

    /// Dims everything of the picture outside `masks` (their union, anti-aliased at the edges).
    /// Allocates one mask the size of the picture.
    func dimOutside(_ masks: [(path: Path, rule: FillRule)], dimming: Pixel, into list: inout DrawList) {
        guard let pixels = clip.coveredPixels, pixels.width > 0, pixels.height > 0 else { return }
        var inside = Mask(width: pixels.width, height: pixels.height)
        let shift = AffineTransform.translation(x: -Double(pixels.x), y: -Double(pixels.y))
        for mask in masks { try? inside.fill(mask.path.applying(shift), rule: mask.rule) }
        var outside = [UInt8](repeating: 0, count: pixels.width * pixels.height)
        inside.withUnsafeBytes { m in
            for i in outside.indices { outside[i] = 255 &- m[i] }
        }
        list.blend(
            dimming, through: [CoverageBitmap(width: pixels.width, height: pixels.height, left: pixels.x, top: pixels.y, pixels: outside)])
    }
}
