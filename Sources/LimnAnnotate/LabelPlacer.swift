import LimnRaster

/// Places label chips: each near its box, inside the picture, away from chips already placed
/// and, where it can, off other detections. Greedy, in the order given (callers pass the most
/// confident first); deterministic.
struct LabelPlacer {
    let bounds: Rect
    /// Boxes of every detection (a chip over one is penalised, over its own box less).
    let obstacles: [Rect]
    private(set) var placed: [Rect] = []

    init(bounds: Rect, obstacles: [Rect]) {
        self.bounds = bounds
        self.obstacles = obstacles
    }

    /// Marks `rect` as taken by something drawn elsewhere (a crop's chip).
    mutating func reserve(_ rect: Rect) { placed.append(rect) }

    /// Where a chip of `size` goes for `box`, and whether it ended up away from the box (then a
    /// leader line should join them).
    mutating func place(_ size: (width: Double, height: Double), for box: Rect, gap: Double) -> (rect: Rect, detached: Bool) {
        let w = size.width, h = size.height
        var candidates: [Point] = [
            Point(x: box.minX, y: box.minY - h),  // above, left-aligned (the usual place)
            Point(x: box.maxX - w, y: box.minY - h),  // above, right-aligned
            Point(x: box.minX, y: box.maxY),  // below
            Point(x: box.maxX - w, y: box.maxY),
            Point(x: box.minX, y: box.minY),  // inside, top
            Point(x: box.minX, y: box.maxY - h),  // inside, bottom
            Point(x: box.maxX, y: box.minY),  // beside
            Point(x: box.minX - w, y: box.minY),
        ]
        for step in 1...4 {  // further away, for crowded pictures
            let d = Double(step) * (h + gap)
            candidates += [
                Point(x: box.minX, y: box.minY - h - d), Point(x: box.minX, y: box.maxY + d),
                Point(x: box.maxX + d, y: box.minY), Point(x: box.minX - w - d, y: box.minY),
            ]
        }
        var best: (cost: Double, rect: Rect)? = nil
        let area = max(w * h, 1)
        for (rank, c) in candidates.enumerated() {
            // Keep the chip inside the picture.
            let x = min(max(c.x, bounds.minX), max(bounds.maxX - w, bounds.minX))
            let y = min(max(c.y, bounds.minY), max(bounds.maxY - h, bounds.minY))
            let rect = Rect(x: x, y: y, width: w, height: h)
            var cost = Double(rank) * 0.05
            var onPlaced = 0.0, onOthers = 0.0
            for other in placed { onPlaced += Self.overlap(rect, other) }
            for other in obstacles where other != box { onOthers += Self.overlap(rect, other) }
            cost += (50 * onPlaced + 2 * onOthers + 0.4 * Self.overlap(rect, box)) / area
            let dx = max(box.minX - rect.maxX, rect.minX - box.maxX, 0), dy = max(box.minY - rect.maxY, rect.minY - box.maxY, 0)
            cost += (dx + dy) / max(h, 1) * 0.5
            if best == nil || cost < best!.cost { best = (cost, rect) }
        }
        let rect = best!.rect
        placed.append(rect)
        let dx = max(box.minX - rect.maxX, rect.minX - box.maxX, 0), dy = max(box.minY - rect.maxY, rect.minY - box.maxY, 0)
        return (rect, dx + dy > gap * 1.5)
    }

    /// The area two rectangles share (0 when they only touch or are apart).
    @inline(__always)
    static func overlap(_ a: Rect, _ b: Rect) -> Double {
        let w = min(a.x + a.width, b.x + b.width) - max(a.x, b.x), h = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
        return w > 0 && h > 0 ? w * h : 0
    }
}
