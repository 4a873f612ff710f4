import LimnRaster
import LimnResults
import LimnText

/// A banner holding the best caption, wrapped to the picture's width, with its confidence.
enum CaptionPanel {
    static func make(_ caption: Caption, width: Int, options: AnnotationOptions, metrics: Metrics, engine: TextEngine) throws -> Image {
        let pad = metrics.padding * 2.5
        let font = Font(family: options.fontFamily, size: metrics.fontSize * 1.15)
        let text = caption.text.isEmpty ? "(no caption)" : caption.text
        let block = try engine.layout(
            text, font: font, options: TextLayoutOptions(maxWidth: max(Double(width) - 2 * pad, 10), maxLines: 4, lineSpacing: 1.1))
        var height = block.height + 2 * pad
        var note: TextBlock? = nil
        if options.showConfidence, let c = caption.confidence, c.isFinite {
            note = try engine.layout(
                "caption confidence \(percentage(c))", font: Font(family: options.fontFamily, size: metrics.smallFontSize),
                options: TextLayoutOptions())
            height += (note?.height ?? 0) + pad * 0.4
        }
        var panel = Image(width: width, height: Int(height.rounded(.up)), fill: options.theme.panel)
        panel.draw(block, at: Point(x: pad, y: pad), style: TextStyle(color: options.theme.panelText), engine: engine)
        if let note {
            panel.draw(
                note, at: Point(x: pad, y: pad + block.height + pad * 0.4), style: TextStyle(color: options.theme.mutedText), engine: engine
            )
        }
        return panel
    }
}
