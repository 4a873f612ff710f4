import LimnRaster
import LimnResults
import LimnText

/// Recognised text: line and word polygons (colored by confidence when asked), or the text
/// typeset into each polygon (fitted and turned with it, vertical lines too) on a translucent
/// backing, or, beside the picture, a clean page with the text re-typeset at its positions.
struct TextLayer {
    let options: AnnotationOptions
    let metrics: Metrics
    let engine: TextEngine
    /// The picture's place in the frame: outlines never spill onto the panels.
    let clip: Rect
    static let outlineColor = Pixel(r: 255, g: 64, b: 160)

    func color(_ region: Region) -> Pixel {
        guard options.colorTextByConfidence, let c = region.effectiveConfidence else { return Self.outlineColor }
        return Palette.confidence(c)
    }

    /// Line polygons, and thinner word polygons, each color's strokes filled as one path (so
    /// overlapping translucent word outlines do not darken where they meet, and hundreds of
    /// words cost one fill).
    func outlines(_ selection: Selection, into list: inout DrawList) {
        var groups: [(color: Pixel, width: Double, path: Path)] = []
        func add(_ points: [Point], color: Pixel, width: Double, dashes: [Double] = []) {
            guard let outline = try? Path.polygon(points).stroked(StrokeStyle(width: width, join: .round, dashes: dashes)) else { return }
            if let k = groups.firstIndex(where: { $0.color == color && $0.width == width }) {
                groups[k].path.append(outline)
            } else {
                groups.append((color, width, outline))
            }
        }
        for block in selection.textBlocks where !selection.textLines.isEmpty {
            var faint = Self.outlineColor
            faint.a = 110
            add(
                block.shape.points, color: faint, width: max(1, metrics.lineWidth * 0.5),
                dashes: [metrics.lineWidth * 3, metrics.lineWidth * 2])
        }
        for line in selection.textLines {
            let c = color(line)
            for word in line.children {
                var w = options.colorTextByConfidence ? color(word) : c
                w.a = 150
                add(word.shape.points, color: w, width: max(1, metrics.lineWidth * 0.45))
            }
        }
        // Lines over words.
        let wordGroups = groups
        groups = []
        for line in selection.textLines { add(line.shape.points, color: color(line), width: metrics.lineWidth) }
        for group in wordGroups + groups { try? list.fill(group.path, with: group.color, clip: clip) }
    }

    /// Each line's text in its polygon, over a backing of `backing`.
    func typeset(_ selection: Selection, into list: inout DrawList, backing: Pixel?, ink: Pixel) throws {
        let font = Font(family: options.fontFamily, size: metrics.fontSize)
        for line in selection.textLines where !line.label.isEmpty {
            let quad = line.shape.points
            if let backing { try? list.fill(.polygon(quad), with: backing, clip: clip) }
            try list.draw(line.label, fittedTo: quad, font: font, style: TextStyle(color: ink), engine: engine)
        }
    }

    /// The clean page of the side-by-side view: the same size as the picture.
    func page(_ selection: Selection, size: Size, theme: Theme) throws -> Image {
        var page = Image(width: size.width, height: size.height, fill: theme.page)
        var list = DrawList()
        var guide = theme.mutedText
        guide.a = 70
        for line in selection.textLines {
            try? list.stroke(
                .polygon(line.shape.points), with: guide, style: StrokeStyle(width: max(1, metrics.lineWidth * 0.4), join: .round))
        }
        try typeset(selection, into: &list, backing: nil, ink: theme.typesetText)
        page.draw(list)
        return page
    }
}
