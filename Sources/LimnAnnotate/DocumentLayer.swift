import LimnRaster
import LimnResults
import LimnText

/// A document's structure: table grids (merged cells drawn as the one cell they are, header
/// cells tinted), form keys and values joined by a leader line, selection marks shown checked
/// or empty, extracted fields and paragraph roles outlined and named on a chip, and, when
/// asked, each text line's place in the reading order.
struct DocumentLayer {
    let options: AnnotationOptions
    let metrics: Metrics
    let engine: TextEngine
    /// The picture's place in the frame: outlines never spill onto the panels.
    let clip: Rect

    static let tableColor = Pixel(r: 0, g: 130, b: 200)
    static let keyColor = Pixel(r: 40, g: 80, b: 230)
    static let valueColor = Pixel(r: 10, g: 160, b: 90)
    static let unselectedColor = Pixel(r: 120, g: 120, b: 120)
    static let fieldColor = Pixel(r: 235, g: 120, b: 10)
    static let roleColor = Pixel(r: 150, g: 60, b: 200)

    private func stroke(_ points: [Point], _ color: Pixel, width: Double, dashes: [Double] = [], into list: inout DrawList) {
        try? list.stroke(.polygon(points), with: color, style: StrokeStyle(width: width, join: .round, dashes: dashes), clip: clip)
    }

    private func tint(_ points: [Point], _ color: Pixel, alpha: UInt8, into list: inout DrawList) {
        var c = color
        c.a = alpha
        try? list.fill(.polygon(points), with: c, clip: clip)
    }

    /// Every cell's outline (header cells tinted), the table's outline over them.
    func tables(_ tables: [Region], into list: inout DrawList) {
        for table in tables {
            for cell in table.children {
                let points = cell.shape.points
                if let kind = cell.cell?.kind, kind != .content { tint(points, Self.tableColor, alpha: 45, into: &list) }
                stroke(points, Self.tableColor, width: max(1, metrics.lineWidth * 0.5), into: &list)
            }
            stroke(table.shape.points, Self.tableColor, width: metrics.lineWidth, into: &list)
        }
    }

    /// Keys and their values outlined, a line from each key's right edge to its value's left.
    func forms(_ keys: [Region], into list: inout DrawList) {
        let thin = max(1, metrics.lineWidth * 0.6)
        for key in keys {
            tint(key.shape.points, Self.keyColor, alpha: 30, into: &list)
            stroke(key.shape.points, Self.keyColor, width: thin, into: &list)
            for value in key.children {
                tint(value.shape.points, Self.valueColor, alpha: 30, into: &list)
                stroke(value.shape.points, Self.valueColor, width: thin, into: &list)
                let k = key.shape.bounds, v = value.shape.bounds
                let from = Point(x: k.maxX, y: k.center.y), to = Point(x: v.minX, y: v.center.y)
                try? list.stroke(
                    .polyline([from, to]), with: Self.keyColor, style: StrokeStyle(width: thin, cap: .round, dashes: [thin * 3, thin * 2]),
                    clip: clip)
                try? list.fill(.circle(center: to, radius: thin * 1.6), with: Self.valueColor, clip: clip)
            }
        }
    }

    /// A selected mark in green with a check through it; an unselected one in gray, empty.
    func marks(_ marks: [Region], into list: inout DrawList) {
        for mark in marks {
            let box = mark.shape.bounds
            let selected = mark.label == "selected"
            let color = selected ? Self.valueColor : Self.unselectedColor
            stroke(mark.shape.points, color, width: metrics.lineWidth, into: &list)
            guard selected, box.width > 0, box.height > 0 else { continue }
            let check = [
                Point(x: box.minX + box.width * 0.2, y: box.minY + box.height * 0.55),
                Point(x: box.minX + box.width * 0.42, y: box.minY + box.height * 0.78),
                Point(x: box.minX + box.width * 0.82, y: box.minY + box.height * 0.25),
            ]
            try? list.stroke(
                .polyline(check), with: color,
                style: StrokeStyle(width: max(metrics.lineWidth, min(box.width, box.height) * 0.12), join: .round, cap: .round), clip: clip)
        }
    }

    /// Extracted fields and paragraphs with a role: outlined, their name on a chip.
    func named(_ regions: [Region], font: Font, placer: inout LabelPlacer, detections: DetectionLayer, into list: inout DrawList) throws {
        for region in regions {
            let color = region.kind == .field ? Self.fieldColor : Self.roleColor
            let dashes = region.kind == .paragraph ? [metrics.lineWidth * 3, metrics.lineWidth * 2] : []
            stroke(region.shape.points, color, width: max(1, metrics.lineWidth * 0.7), dashes: dashes, into: &list)
            guard let role = region.role, !role.isEmpty else { continue }
            let name = region.kind == .paragraph ? Self.words(role) : role
            let chip = try Chip(name, color: color, font: font, metrics: metrics, engine: engine)
            detections.label(chip, for: region.shape.bounds, placer: &placer, into: &list)
        }
    }

    /// Each line's number in the reading order (the service's order), at its start.
    func readingOrder(_ lines: [Region], font: Font, into list: inout DrawList) throws {
        for (i, line) in lines.enumerated() {
            guard let start = line.shape.points.first else { continue }
            let chip = try Chip("\(i + 1)", color: Pixel(r: 30, g: 30, b: 30), font: font, metrics: metrics, engine: engine)
            let size = chip.size
            let rect = Rect(x: start.x - size.width - metrics.lineWidth, y: start.y, width: size.width, height: size.height)
            chip.draw(at: rect, into: &list, engine: engine)
        }
    }

    /// `sectionHeading` → "section heading".
    static func words(_ camel: String) -> String {
        var out = ""
        for c in camel {
            if c.isUppercase, !out.isEmpty { out.append(" ") }
            out.append(contentsOf: c.lowercased())
        }
        return out
    }
}
