import LimnRaster
import LimnResults
import LimnText

/// Draws a vision result onto its picture.
public enum Annotator {
    /// The annotated picture. `analysis` must be in the picture's pixels (see
    /// ``LimnResults/Analysis/mapped(to:analysedUpright:)``, which the `Limn` recipes apply).
    ///
    /// In order: people and faces hidden (when asked), the outside of smart crops dimmed and the
    /// crops outlined, detection and dense-caption outlines, text outlines or typeset text, then
    /// every label chip (placed clear of the edges, of each other and, where possible, of other
    /// detections; most confident first). A caption banner goes above or below, then the tags
    /// and a legend of classes; the side-by-side text view doubles the width. So the result can
    /// be larger than `image`. The same inputs give the same pixels. Throws only when no font
    /// can be loaded.
    public static func annotate(_ image: Image, with analysis: Analysis, options: AnnotationOptions = AnnotationOptions(),
                                engine: TextEngine = .shared) throws(TextError) -> Image {
        let metrics = Metrics(width: image.width, height: image.height, scale: options.scale)
        let selection = Selection(analysis, options: options)
        var canvas = image
        let font = Font(family: options.fontFamily, size: metrics.fontSize)
        let smallFont = Font(family: options.fontFamily, size: metrics.smallFontSize)

        PrivacyFilter.apply(options.privacy, to: selection.privacy, on: &canvas)

        let boxed = selection.detections + selection.denseCaptions
        var placer = LabelPlacer(bounds: Rect(canvas.size), obstacles: boxed.map { $0.shape.bounds.rect })
        if options.features.contains(.smartCrops) {
            try CropLayer(options: options, metrics: metrics, engine: engine).draw(analysis.cropSuggestions, on: &canvas, placer: &placer)
        }

        let detections = DetectionLayer(options: options, metrics: metrics, engine: engine)
        for region in selection.denseCaptions { detections.outline(region, colour: Self.captionColour, on: &canvas) }
        for region in selection.detections { detections.outline(region, colour: options.palette.colour(for: region.label), on: &canvas) }

        let text = TextLayer(options: options, metrics: metrics, engine: engine)
        switch options.textMode {
        case .outline, .sideBySide: text.outlines(selection, on: &canvas)
        case .text: try text.typeset(selection, on: &canvas, backing: options.theme.textBacking, ink: options.theme.typesetText)
        }

        // Chips last, over every outline; the most confident detections choose first.
        let order = boxed.enumerated().sorted { a, b in
            let ca = a.element.confidence ?? 1, cb = b.element.confidence ?? 1
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
        for region in order {
            let box = region.shape.bounds.rect
            let chip: Chip
            if region.kind == .denseCaption {
                let width = min(max(box.width, metrics.fontSize * 12), Double(canvas.width) * 0.45)
                chip = try Chip(labelText(region.label, region.confidence, show: options.showConfidence), colour: Self.captionColour,
                                font: smallFont, maxWidth: width, maxLines: 3, metrics: metrics, engine: engine)
            } else {
                chip = try Chip(labelText(region.label, region.confidence, show: options.showConfidence),
                                colour: options.palette.colour(for: region.label), font: font, metrics: metrics, engine: engine)
            }
            detections.label(chip, for: box, placer: &placer, on: &canvas)
        }

        if options.textMode == .sideBySide, !selection.textLines.isEmpty {
            let page = try text.page(selection, size: canvas.size, theme: options.theme)
            var both = Image(width: canvas.width * 2, height: canvas.height, fill: options.theme.page)
            both.composite(canvas)
            both.composite(page, at: canvas.width, 0)
            try? both.fill(.rectangle(Rect(x: Double(canvas.width) - metrics.lineWidth / 2, y: 0, width: metrics.lineWidth, height: Double(canvas.height))),
                           with: options.theme.mutedText)
            canvas = both
        }

        // Panels: the caption above or below, then tags and the legend below.
        var above: [Image] = [], below: [Image] = []
        if options.features.contains(.caption), let caption = analysis.captions.first,
           caption.confidence.map({ $0 >= options.minimumConfidence * 0.5 }) ?? true {
            let panel = try CaptionPanel.make(caption, width: canvas.width, options: options, metrics: metrics, engine: engine)
            if options.bannerPosition == .above { above.append(panel) } else { below.append(panel) }
        }
        if options.features.contains(.tags) {
            let tags = Selection.top(analysis.tags.filter { $0.confidence.map { $0 >= options.minimumConfidence } ?? true }
                .map { Region(kind: .object, label: $0.name, confidence: $0.confidence, shape: .box(ResultBox(x: 0, y: 0, width: 0, height: 0))) },
                                     options.topK ?? 12)
            let chipColour = options.theme == .dark ? Pixel(r: 52, g: 54, b: 62) : Pixel(r: 228, g: 228, b: 222)
            if let panel = try ChipRows.make(tags.map { (labelText($0.label, $0.confidence, show: options.showConfidence), chipColour, nil) },
                                             title: "tags", width: canvas.width, options: options, metrics: metrics, engine: engine) {
                below.append(panel)
            }
        }
        if options.features.contains(.legend) {
            var names: [String] = []
            for region in selection.detections where !names.contains(region.label) { names.append(region.label) }
            if let panel = try ChipRows.make(names.map { ($0, options.theme.panel, options.palette.colour(for: $0)) },
                                             title: "classes", width: canvas.width, options: options, metrics: metrics, engine: engine) {
                below.append(panel)
            }
        }
        guard !above.isEmpty || !below.isEmpty else { return canvas }
        let height = (above + below).reduce(canvas.height) { $0 + $1.height }
        var out = Image(width: canvas.width, height: height, fill: options.theme.panel)
        var y = 0
        for panel in above { out.composite(panel, at: 0, y); y += panel.height }
        out.composite(canvas, at: 0, y)
        y += canvas.height
        for panel in below { out.composite(panel, at: 0, y); y += panel.height }
        return out
    }

    static let captionColour = Pixel(r: 255, g: 200, b: 40)
}
