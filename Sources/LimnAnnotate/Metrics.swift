/// Sizes that follow the picture, so a 4000 px and a 400 px picture look alike: everything is
/// proportional to the longer side (1000 px is the reference), with floors that keep lines
/// visible and text legible on small pictures.
struct Metrics {
    let unit: Double
    let lineWidth: Double
    let fontSize: Double
    let smallFontSize: Double
    let padding: Double
    let radius: Double

    /// `scale` as ``AnnotationOptions/scale`` takes it: 1 when not finite or not positive,
    /// otherwise clamped to ``AnnotationOptions/scaleRange``.
    init(width: Int, height: Int, scale: Double) {
        let factor =
            scale.isFinite && scale > 0
            ? min(max(scale, AnnotationOptions.scaleRange.lowerBound), AnnotationOptions.scaleRange.upperBound) : 1
        let s = factor * Double(max(width, height, 1)) / 1000
        unit = s
        lineWidth = max(1.25, 2.6 * s)
        fontSize = max(10, 17 * s)
        smallFontSize = max(9, 13 * s)
        padding = max(2, 4.5 * s)
        radius = max(1.5, 5 * s)
    }
}
