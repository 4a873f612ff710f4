import LimnRaster
import LimnResults
import LimnText

extension Annotator {
    static let agreeingColor = Pixel(r: 20, g: 160, b: 80)
    static let changedColor = Pixel(r: 240, g: 150, b: 0)
    static let onlyFirstColor = Pixel(r: 220, g: 40, b: 60)
    static let onlySecondColor = Pixel(r: 40, g: 100, b: 230)

    /// Two OCR results of `image` drawn together (see ``LimnResults/OCRComparison``): agreeing
    /// words outlined green, changed ones amber with the second result's reading on a chip,
    /// words only the first read red, only the second blue (dashed, in the second's place),
    /// and a legend below naming both services with the counts. The comparison must be in the
    /// picture's pixels. The output is `image` with the legend panel under it. Deterministic.
    public static func annotate(
        _ image: Image, comparing comparison: OCRComparison, options: AnnotationOptions = AnnotationOptions(),
        engine: TextEngine = .shared
    ) throws -> Image {
        let metrics = Metrics(width: image.width, height: image.height, scale: options.scale)
        let smallFont = Font(family: options.fontFamily, size: metrics.smallFontSize)
        func color(_ status: OCRComparison.Status) -> Pixel {
            switch status {
            case .agreeing: return agreeingColor
            case .changed: return changedColor
            case .onlyInFirst: return onlyFirstColor
            case .onlyInSecond: return onlySecondColor
            }
        }
        let first = comparison.first.rawValue, second = comparison.second.rawValue
        let sameService = first == second
        let name = (a: sameService ? "first (\(first))" : first, b: sameService ? "second (\(second))" : second)
        let items: [(text: String, color: Pixel, swatch: Pixel?)] = [
            ("agreeing \(comparison.count(.agreeing))", options.theme.panel, agreeingColor),
            ("changed \(comparison.count(.changed))", options.theme.panel, changedColor),
            ("only in \(name.a) \(comparison.count(.onlyInFirst))", options.theme.panel, onlyFirstColor),
            ("only in \(name.b) \(comparison.count(.onlyInSecond))", options.theme.panel, onlySecondColor),
        ]
        let legend = try ChipRows.make(
            items, title: "\(name.a) against \(name.b)", width: image.width, options: options, metrics: metrics, engine: engine)
        var canvas = legend.map { Frame.stack([[image], [$0]]) } ?? image
        let picture = Rect(x: 0, y: 0, width: Double(image.width), height: Double(image.height))

        var list = DrawList()
        let width = max(1, metrics.lineWidth * 0.6)
        for word in comparison.words {
            let c = color(word.status)
            var tint = c
            tint.a = word.status == .agreeing ? 28 : 60
            try? list.fill(.polygon(word.shape.points), with: tint, clip: picture)
            let dashes = word.status == .onlyInSecond ? [width * 3, width * 2] : []
            try? list.stroke(
                .polygon(word.shape.points), with: c, style: StrokeStyle(width: width, join: .round, dashes: dashes), clip: picture)
        }
        // What the second result read instead, on a chip above each changed word.
        var placer = LabelPlacer(bounds: picture, obstacles: [])
        let detections = DetectionLayer(options: options, metrics: metrics, engine: engine, clip: picture)
        for word in comparison.words.prefix(maximumLabels * 4) where word.status == .changed {
            let chip = try Chip(word.other ?? "", color: changedColor, font: smallFont, metrics: metrics, engine: engine)
            detections.label(chip, for: word.shape.bounds, placer: &placer, into: &list)
        }
        canvas.draw(list)
        return canvas
    }
}
