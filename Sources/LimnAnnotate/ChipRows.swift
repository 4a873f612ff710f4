import LimnRaster
import LimnText

/// Chips laid out in rows that wrap at a width: the tags row and the legend.
enum ChipRows {
    /// A panel of `items` (text, chip color, optional swatch) wrapped to `width`.
    static func make(
        _ items: [(text: String, color: Pixel, swatch: Pixel?)], title: String, width: Int,
        options: AnnotationOptions, metrics: Metrics, engine: TextEngine
    ) throws -> Image? {
        guard !items.isEmpty else { return nil }
        let pad = metrics.padding * 2.5, gap = metrics.padding * 1.2
        let font = Font(family: options.fontFamily, size: metrics.smallFontSize)
        let heading = try engine.layout(title, font: font, options: TextLayoutOptions())
        var chips: [(Chip, Pixel?)] = []
        for item in items {
            chips.append(
                (
                    try Chip(item.text, color: item.color, font: font, maxWidth: Double(width) - 2 * pad, metrics: metrics, engine: engine),
                    item.swatch
                ))
        }
        // Lay out: the heading, then chips left to right, wrapping.
        var places: [Rect] = []
        var x = pad + heading.width + gap, y = pad
        let rowHeight = chips.map { $0.0.size.height }.max() ?? 0
        for (chip, swatch) in chips {
            let w = chip.size.width + (swatch == nil ? 0 : rowHeight * 0.8)
            if x + w > Double(width) - pad && x > pad + heading.width + gap {
                x = pad + heading.width + gap
                y += rowHeight + gap
            }
            places.append(Rect(x: x, y: y, width: w, height: rowHeight))
            x += w + gap
        }
        let height = (places.last?.maxY ?? pad) + pad
        var panel = Image(width: width, height: Int(height.rounded(.up)), fill: options.theme.panel)
        panel.draw(
            heading, at: Point(x: pad, y: pad + (rowHeight - heading.height) / 2), style: TextStyle(color: options.theme.mutedText),
            engine: engine)
        for ((chip, swatch), rect) in zip(chips, places) {
            var chipRect = rect
            if let swatch {
                let s = rowHeight * 0.6
                try? panel.fill(
                    .roundedRectangle(Rect(x: rect.minX, y: rect.minY + (rowHeight - s) / 2, width: s, height: s), radius: s * 0.2),
                    with: swatch)
                chipRect = Rect(x: rect.minX + rowHeight * 0.8, y: rect.minY, width: rect.width - rowHeight * 0.8, height: rect.height)
            }
            chip.draw(at: chipRect, on: &panel, engine: engine)
        }
        return panel
    }
}
