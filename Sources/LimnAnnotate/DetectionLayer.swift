import LimnRaster
import LimnResults
import LimnText

/// Boxes (plain, rounded, corner brackets) and polygons of detections, their confidence shown
/// by opacity or dashing when asked, and their label chips placed clear of each other with a
/// leader line when a chip had to move away from its box.
struct DetectionLayer {
    let options: AnnotationOptions
    let metrics: Metrics
    let engine: TextEngine
    /// The picture's place in the frame: outlines never spill onto the panels.
    let clip: Rect

    func outline(_ region: Region, color: Pixel, into list: inout DrawList) {
        var stroke = color
        var style = StrokeStyle(width: metrics.lineWidth, join: .round, cap: .round)
        if let c = region.confidence {
            switch options.confidenceStyle {
            case .opacity: stroke.a = UInt8((255 * (0.3 + 0.7 * min(max(c, 0), 1))).rounded())
            case .dashing where c < 0.8:
                let dash = metrics.lineWidth * (1.5 + 6 * max(c, 0))
                style.dashes = [dash, metrics.lineWidth * 2.2]
                style.cap = .butt
            default: break
            }
        }
        switch region.shape {
        case .polygon(let points):
            let path = Path.polygon(points)
            var fill = color
            fill.a = 40
            try? list.fill(path, with: fill, clip: clip)
            try? list.stroke(path, with: stroke, style: style, clip: clip)
        case .box(let b):
            let r = b
            let w = style.width
            switch options.boxStyle {
            case .plain where style.dashes.isEmpty:
                try? list.fill(.rectangleStroke(r, width: w), with: stroke, rule: .evenOdd, clip: clip)
            case .rounded where style.dashes.isEmpty:
                try? list.fill(
                    .rectangleStroke(r, width: w, radius: min(metrics.radius, r.width / 2, r.height / 2)), with: stroke,
                    rule: .evenOdd, clip: clip)
            case .plain:
                try? list.stroke(
                    .rectangle(r), with: stroke, style: StrokeStyle(width: w, join: .miter, cap: .butt, dashes: style.dashes), clip: clip)
            case .rounded:
                try? list.stroke(
                    .roundedRectangle(r, radius: min(metrics.radius, r.width / 2, r.height / 2)), with: stroke, style: style, clip: clip)
            case .corners:
                try? list.stroke(
                    Self.brackets(r, length: min(r.width, r.height) * 0.22 + metrics.lineWidth), with: stroke,
                    style: StrokeStyle(width: w * 1.4, join: .miter, cap: .square), clip: clip)
            }
        }
    }

    /// Four L-shaped corner marks.
    static func brackets(_ r: Rect, length l: Double) -> Path {
        var p = Path()
        for (corner, dx, dy) in [
            (Point(x: r.minX, y: r.minY), 1.0, 1.0), (Point(x: r.maxX, y: r.minY), -1.0, 1.0),
            (Point(x: r.maxX, y: r.maxY), -1.0, -1.0), (Point(x: r.minX, y: r.maxY), 1.0, -1.0),
        ] {
            p.move(to: Point(x: corner.x + dx * l, y: corner.y))
            p.line(to: corner)
            p.line(to: Point(x: corner.x, y: corner.y + dy * l))
        }
        return p
    }

    /// A chip placed for `box`; a leader line from the chip to the box when they are apart.
    func label(_ chip: Chip, for box: Rect, placer: inout LabelPlacer, into list: inout DrawList) {
        record(place(chip, for: box, placer: &placer), into: &list)
    }

    /// A chip and where it goes, decided before it is recorded.
    struct PlacedChip {
        let chip: Chip
        let box: Rect
        let rect: Rect
        let detached: Bool
    }

    /// Places `chip` for `box` (see ``LabelPlacer``), recording nothing yet.
    func place(_ chip: Chip, for box: Rect, placer: inout LabelPlacer) -> PlacedChip {
        let (rect, detached) = placer.place(chip.size, for: box, gap: metrics.padding)
        return PlacedChip(chip: chip, box: box, rect: rect, detached: detached)
    }

    /// Records a placed chip, with its leader line when it is away from its box.
    func record(_ placed: PlacedChip, into list: inout DrawList) {
        let (chip, box, rect) = (placed.chip, placed.box, placed.rect)
        if placed.detached {
            let from = Point(x: min(max(box.center.x, rect.minX), rect.maxX), y: min(max(box.center.y, rect.minY), rect.maxY))
            let to = Point(x: min(max(from.x, box.minX), box.maxX), y: min(max(from.y, box.minY), box.maxY))
            try? list.stroke(
                .polyline([from, to]), with: chip.color, style: StrokeStyle(width: max(1, metrics.lineWidth * 0.6), cap: .round), clip: clip
            )
            try? list.fill(.circle(center: to, radius: metrics.lineWidth * 1.2), with: chip.color, clip: clip)
        }
        chip.draw(at: rect, into: &list, engine: engine)
    }
}
