import LimnRaster
import LimnResults
import LimnText

/// Smart-crop suggestions: everything outside them dimmed, each outlined (dashed) and
/// labelled with its aspect ratio ("16:9" when it is within 2 % of a common ratio).
struct CropLayer {
    let options: AnnotationOptions
    let metrics: Metrics
    let engine: TextEngine
    /// The picture's place in the frame: outlines never spill onto the panels.
    let clip: Rect

    func draw(
        _ crops: [CropSuggestion], keeping kept: [Rect], on image: inout Image, into list: inout DrawList,
        placer: inout LabelPlacer
    ) throws {
        guard !crops.isEmpty else { return }
        image.blend(options.theme.dimming, outside: crops.map(\.box) + kept)
        let font = Font(family: options.fontFamily, size: metrics.smallFontSize)
        for (i, crop) in crops.enumerated() {
            let color = Self.colors[i % Self.colors.count]
            try? list.stroke(
                .rectangle(crop.box), with: color,
                style: StrokeStyle(width: metrics.lineWidth, dashes: [metrics.lineWidth * 4, metrics.lineWidth * 2.5]), clip: clip)
            let ratio = crop.aspectRatio ?? (crop.box.height > 0 ? crop.box.width / crop.box.height : 0)
            let chip = try Chip("crop " + Self.ratioName(ratio), color: color, font: font, metrics: metrics, engine: engine)
            let size = chip.size
            // Inside the crop's top-left corner, so crops sharing an edge keep their chips apart.
            let rect = Rect(x: crop.box.x + metrics.lineWidth, y: crop.box.y + metrics.lineWidth, width: size.width, height: size.height)
            chip.draw(at: rect, into: &list, engine: engine)
            placer.reserve(rect)  // detections' chips keep off it
        }
    }

    static let colors = [
        Pixel(r: 255, g: 255, b: 255), Pixel(r: 255, g: 214, b: 0), Pixel(r: 0, g: 220, b: 255), Pixel(r: 255, g: 120, b: 200),
    ]

    /// "1:1", "16:9", "4:3", … within 2 %; otherwise the ratio to two decimals ("5.27").
    static func ratioName(_ ratio: Double) -> String {
        guard ratio.isFinite, ratio > 0, ratio < 100_000 else { return "?" }
        let common: [(Double, String)] = [
            (1, "1:1"), (4.0 / 3, "4:3"), (3.0 / 4, "3:4"), (3.0 / 2, "3:2"), (2.0 / 3, "2:3"),
            (16.0 / 9, "16:9"), (9.0 / 16, "9:16"), (2, "2:1"), (0.5, "1:2"), (21.0 / 9, "21:9"), (5.0 / 4, "5:4"), (4.0 / 5, "4:5"),
        ]
        for (value, name) in common where abs(ratio - value) / value <= 0.02 { return name }
        let hundredths = Int((ratio * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
