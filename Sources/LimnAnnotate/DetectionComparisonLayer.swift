import LimnRaster
import LimnResults
import LimnText

extension Annotator {
    /// Two detection results of `image` drawn together (see `DetectionComparison`):
    /// matched detections outlined green with their overlap on the chip, relabelled ones amber
    /// with both labels (`cat → dog`), detections only the first found red, only the second blue
    /// (dashed, in the second's place), and a legend below naming both results with the counts.
    /// Masks are drawn as their outlines in the same colours. The comparison must be in the
    /// picture's pixels. The output is `image` with the legend panel under it. Deterministic.
    public static func annotate(
        _ image: Image, comparing comparison: DetectionComparison, options: AnnotationOptions = AnnotationOptions(),
        engine: TextEngine = .shared
    ) throws -> Image {
        let metrics = Metrics(width: image.width, height: image.height, scale: options.scale)
        let font = Font(family: options.fontFamily, size: metrics.smallFontSize)
        func color(_ status: DetectionComparison.Status) -> Pixel {
            switch status {
            case .matched: return agreeingColor
            case .relabelled: return changedColor
            case .onlyInFirst: return onlyFirstColor
            case .onlyInSecond: return onlySecondColor
            }
        }
        var canvas = try comparisonFrame(
            image, first: comparison.first, second: comparison.second,
            counts: [
                ("matched", comparison.count(.matched)), ("relabelled", comparison.count(.relabelled)),
                ("only in", comparison.count(.onlyInFirst)), ("only in", comparison.count(.onlyInSecond)),
            ], options: options, metrics: metrics, engine: engine)
        let picture = Rect(x: 0, y: 0, width: Double(image.width), height: Double(image.height))

        var list = DrawList()
        let width = metrics.lineWidth
        var boxes: [Rect] = []
        for pair in comparison.pairs {
            guard let region = pair.first ?? pair.second else { continue }
            let c = color(pair.status)
            let dashes = pair.status == .onlyInSecond ? [width * 3, width * 2] : []
            let outline: Path
            if let mask = region.mask {
                outline = mask.path
            } else {
                outline = .polygon(region.shape.points)
            }
            try? list.stroke(outline, with: c, style: StrokeStyle(width: width, join: .miter, dashes: dashes), clip: picture)
            // The second result's box of a pair, thin, where it differs from the first's.
            if pair.first != nil, let second = pair.second {
                var thin = c
                thin.a = 170
                try? list.stroke(
                    .polygon(second.shape.points), with: thin,
                    style: StrokeStyle(width: max(1, width * 0.45), join: .miter, dashes: [width * 1.5, width * 1.5]), clip: picture)
            }
            boxes.append(region.shape.bounds)
        }
        var placer = LabelPlacer(bounds: picture, obstacles: boxes)
        let detections = DetectionLayer(options: options, metrics: metrics, engine: engine, clip: picture)
        for pair in comparison.pairs.prefix(maximumLabels) {
            guard let region = pair.first ?? pair.second else { continue }
            let text: String
            switch pair.status {
            case .matched: text = "\(labelName(region.label)) · IoU \(percentage(pair.overlap))"
            case .relabelled: text = "\(labelName(region.label)) → \(labelName(pair.second?.label ?? ""))"
            case .onlyInFirst, .onlyInSecond: text = labelText(region.label, region.confidence, show: options.showConfidence)
            }
            let chip = try Chip(text, color: color(pair.status), font: font, metrics: metrics, engine: engine)
            detections.label(chip, for: region.shape.bounds, placer: &placer, into: &list)
        }
        canvas.draw(list)
        return canvas
    }

    static func labelName(_ label: String) -> String { label.isEmpty ? "?" : label }
}
