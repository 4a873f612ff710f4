import LimnRaster
import LimnResults
import LimnText

/// The panels around the picture: the caption banner (above or below), the tag chips and the
/// legend of classes (below), each `width` wide.
enum Panels {
    static func make(
        _ analysis: Analysis, detections: [Region], width: Int, options: AnnotationOptions, metrics: Metrics,
        engine: TextEngine
    ) throws -> (above: [Image], below: [Image]) {
        var above: [Image] = [], below: [Image] = []
        // A caption is shown down to half the threshold: it describes the whole picture.
        if options.features.contains(.caption), let caption = analysis.captions.first,
            caption.confidence.map({ $0 >= options.minimumConfidence * 0.5 }) ?? true
        {
            let panel = try CaptionPanel.make(caption, width: width, options: options, metrics: metrics, engine: engine)
            if options.bannerPosition == .above { above.append(panel) } else { below.append(panel) }
        }
        if options.features.contains(.tags) {
            let kept = analysis.tags.filter { $0.confidence.map { $0 >= options.minimumConfidence } ?? true }
            let tags = Selection.top(kept, options.topK ?? 12, confidence: \.confidence)
            let chipColor = options.theme == .dark ? Pixel(r: 52, g: 54, b: 62) : Pixel(r: 228, g: 228, b: 222)
            if let panel = try ChipRows.make(
                tags.map { (labelText($0.name, $0.confidence, show: options.showConfidence), chipColor, nil) },
                title: "tags", width: width, options: options, metrics: metrics, engine: engine)
            {
                below.append(panel)
            }
        }
        if options.features.contains(.legend) {
            var names: [String] = []
            for region in detections where !region.label.isEmpty && !names.contains(region.label) { names.append(region.label) }
            if let panel = try ChipRows.make(
                names.map { ($0, options.theme.panel, options.palette.color(for: $0)) },
                title: "classes", width: width, options: options, metrics: metrics, engine: engine)
            {
                below.append(panel)
            }
        }
        return (above, below)
    }
}
