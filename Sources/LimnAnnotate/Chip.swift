import LimnRaster
import LimnText

/// A label on a colored chip: laid out once, measured, then drawn where the placer puts it.
/// The text color is black or white, whichever has the higher WCAG contrast on the chip.
struct Chip {
    let block: TextBlock
    let color: Pixel
    let padding: Double
    let radius: Double

    init(
        _ text: String, color: Pixel, font: Font, maxWidth: Double? = nil, maxLines: Int? = 1,
        metrics: Metrics, engine: TextEngine
    ) throws {
        block = try engine.layout(text, font: font, options: TextLayoutOptions(maxWidth: maxWidth, maxLines: maxLines, lineSpacing: 1.05))
        self.color = color
        padding = metrics.padding
        radius = metrics.radius * 0.8
    }

    var size: (width: Double, height: Double) {
        (block.width + 2 * padding, block.height + padding * 1.2)
    }

    func draw(at rect: Rect, into list: inout DrawList, engine: TextEngine) {
        try? list.fill(.roundedRectangle(rect, radius: min(radius, rect.height / 2)), with: color)
        let text = Contrast.text(on: color)
        list.draw(block, at: Point(x: rect.minX + padding, y: rect.minY + padding * 0.6), style: TextStyle(color: text), engine: engine)
    }

    func draw(at rect: Rect, on image: inout Image, engine: TextEngine) {
        var list = DrawList()
        draw(at: rect, into: &list, engine: engine)
        image.draw(list)
    }
}

/// "car 91%": a label with its confidence as a percentage when asked (whole above 10 %,
/// one decimal below: "person 0.3%", so a near-zero detection never reads "0%"). A confidence
/// outside 0…1 shows as its nearest end; one that is not a number (NaN, infinite) is not shown.
func labelText(_ label: String, _ confidence: Double?, show: Bool) -> String {
    let name = label.isEmpty ? "?" : label
    guard show, let c = confidence, c.isFinite else { return name }
    return "\(name) \(percentage(c))"
}

/// `c` (finite) as a percentage, clamped to 0–100 %.
func percentage(_ c: Double) -> String {
    let p = min(max(c, 0), 1) * 100
    if p >= 9.95 || p == 0 { return "\(Int(p.rounded()))%" }
    let tenths = Int((p * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
}
