import LimnRaster
import LimnResults
import LimnText

/// Poses and landmarks: the skeleton's links, then the points over them, in the region's
/// class colour. A point is drawn when it is present (COCO's v = 1 or 2: absent points carry
/// placeholder coordinates and are never drawn) and at least
/// ``AnnotationOptions/minimumKeypointConfidence`` sure; a link when both its ends are. Seen
/// points are white dots with a core of the class colour on a dark rim; hidden ones (v = 1)
/// white rings. Links are a light shade of the class colour on a dark rim.
struct KeypointLayer {
    let options: AnnotationOptions
    let metrics: Metrics
    let engine: TextEngine
    let clip: Rect

    func shown(_ k: Keypoint) -> Bool {
        k.visibility != .absent && (k.confidence ?? 1) >= options.minimumKeypointConfidence && k.point.x.isFinite && k.point.y.isFinite
    }

    func draw(_ region: Region, color: Pixel, font: Font, into list: inout DrawList) throws {
        let points = region.keypoints
        guard !points.isEmpty else { return }
        let show = points.map(shown)
        var links = Path()
        for link in region.skeleton
        where link.from >= 0 && link.to >= 0 && link.from < points.count && link.to < points.count && show[link.from] && show[link.to] {
            links.move(to: points[link.from].point)
            links.line(to: points[link.to].point)
        }
        // Links and dots on dark rims, so they read on the mask of their own colour and on
        // any photograph.
        let rim = Pixel(r: 20, g: 20, b: 24, a: 190)
        let width = metrics.lineWidth * 0.9
        if !links.isEmpty {
            try? list.stroke(
                links, with: rim, style: StrokeStyle(width: width + max(1.5, metrics.lineWidth * 0.7), cap: .round), clip: clip)
            try? list.stroke(links, with: Palette.shade(color, instance: 2), style: StrokeStyle(width: width, cap: .round), clip: clip)
        }
        let radius = max(2, metrics.lineWidth * 1.3)
        var dots = Path(), cores = Path(), rims = Path(), rings = Path()
        for (k, p) in points.enumerated() where show[k] {
            rims.append(.circle(center: p.point, radius: radius + max(1, metrics.lineWidth * 0.5)))
            if p.visibility == .visible {
                dots.append(.circle(center: p.point, radius: radius))
                cores.append(.circle(center: p.point, radius: radius * 0.6))
            } else {
                rings.append(.circle(center: p.point, radius: radius))
            }
        }
        try? list.fill(rims, with: rim, clip: clip)
        try? list.fill(dots, with: Pixel(r: 255, g: 255, b: 255), clip: clip)
        try? list.fill(cores, with: color, clip: clip)
        try? list.stroke(rings, with: Pixel(r: 255, g: 255, b: 255), style: StrokeStyle(width: max(1, metrics.lineWidth * 0.6)), clip: clip)
        guard options.keypointLabels else { return }
        // Each name on the side of its point away from the pose's middle, so a body's left and
        // right names do not run into each other.
        let middle = (Rect(bounding: points.indices.filter { show[$0] }.map { points[$0].point }) ?? region.shape.bounds).center.x
        for (k, p) in points.enumerated() where show[k] {
            guard let name = p.name, !name.isEmpty else { continue }
            let block = try engine.layout(name.replacingUnderscores, font: font, options: TextLayoutOptions())
            let leftward = p.point.x < middle
            let style = TextStyle(
                color: options.theme.panelText, background: .init(color: options.theme.textBacking, padding: metrics.padding * 0.5),
                anchor: leftward ? .right : .left)
            let gap = radius * 1.8
            list.draw(block, at: Point(x: p.point.x + (leftward ? -gap : gap), y: p.point.y), style: style, engine: engine)
        }
    }
}

extension String {
    /// `left_wrist` as `left wrist`.
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
