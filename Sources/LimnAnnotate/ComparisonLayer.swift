import LimnRaster
import LimnResults
import LimnText

extension Annotator {
    static let agreeingColor = Pixel(r: 20, g: 160, b: 80)
    static let changedColor = Pixel(r: 240, g: 150, b: 0)
    static let onlyFirstColor = Pixel(r: 220, g: 40, b: 60)
    static let onlySecondColor = Pixel(r: 40, g: 100, b: 230)

    /// `image` with a legend below naming the two results and four counts, in the comparison
    /// colours (agreeing, changed, only in the first, only in the second): the frame both
    /// comparisons draw in. An "only in" count is followed by the result's name.
    static func comparisonFrame(
        _ image: Image, first: Vendor, second: Vendor, counts: [(word: String, count: Int)], options: AnnotationOptions,
        metrics: Metrics, engine: TextEngine
    ) throws -> Image {
        let a = first.rawValue, b = second.rawValue
        let name = a == b ? (a: "first (\(a))", b: "second (\(b))") : (a: a, b: b)
        let colors = [agreeingColor, changedColor, onlyFirstColor, onlySecondColor]
        let items = counts.enumerated().map { (k, item) -> (text: String, color: Pixel, swatch: Pixel?) in
            let who = k == 2 ? " \(name.a)" : k == 3 ? " \(name.b)" : ""
            return ("\(item.word)\(who) \(item.count)", options.theme.panel, colors[k % colors.count])
        }
        let legend = try ChipRows.make(
            items, title: "\(name.a) against \(name.b)", width: image.width, options: options, metrics: metrics, engine: engine)
        return legend.map { Frame.stack([[image], [$0]]) } ?? image
    }

    /// Two OCR results of `image` drawn together (see `OCRComparison`): agreeing
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
        var canvas = try comparisonFrame(
            image, first: comparison.first, second: comparison.second,
            counts: [
                ("agreeing", comparison.count(.agreeing)), ("changed", comparison.count(.changed)),
                ("only in", comparison.count(.onlyInFirst)), ("only in", comparison.count(.onlyInSecond)),
            ], options: options, metrics: metrics, engine: engine)
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
