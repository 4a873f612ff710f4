/// Paths to line segments: curves subdivided until they stay within a tolerance of their chord.
extension Path {
    /// The closed polylines of the path (each sub-path implicitly closed, as filling requires).
    /// Curves are split into at most 512 segments each, so huge coordinates cannot run away.
    func flattened(tolerance: Double = 0.05) -> [[Point]] {
        var result: [[Point]] = []
        var current: [Point] = []
        func finish() {
            if current.count >= 2 { result.append(current) }
            current = []
        }
        for element in elements {
            switch element {
            case .move(let p):
                finish()
                current = [p]
            case .line(let p):
                if current.isEmpty { current = [p] } else { current.append(p) }
            case let .quad(c, p):
                guard let start = current.last else { current = [p]; continue }
                let n = segments(for: [start, c, p], tolerance: tolerance)
                for i in 1...n {
                    let t = Double(i) / Double(n), u = 1 - t
                    current.append(
                        Point(
                            x: u * u * start.x + 2 * u * t * c.x + t * t * p.x,
                            y: u * u * start.y + 2 * u * t * c.y + t * t * p.y))
                }
            case let .cubic(c1, c2, p):
                guard let start = current.last else { current = [p]; continue }
                let n = segments(for: [start, c1, c2, p], tolerance: tolerance)
                for i in 1...n {
                    let t = Double(i) / Double(n), u = 1 - t
                    let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                    current.append(
                        Point(
                            x: a * start.x + b * c1.x + c * c2.x + d * p.x,
                            y: a * start.y + b * c1.y + c * c2.y + d * p.y))
                }
            case .close:
                if let first = current.first {
                    finish()
                    current = [first]  // a following line continues from the sub-path's start
                }
            }
        }
        finish()
        return result
    }

    /// Enough segments that the flattened curve deviates from the curve by less than `tolerance`:
    /// Wang's formula, `sqrt(d·(d−1)·L / (8·tol))` with `L` the largest second difference of the
    /// control points and `d` the degree; between 1 and 512.
    private func segments(for points: [Point], tolerance: Double) -> Int {
        var deviation = 0.0
        for i in 1..<(points.count - 1) {
            let dx = points[i - 1].x - 2 * points[i].x + points[i + 1].x
            let dy = points[i - 1].y - 2 * points[i].y + points[i + 1].y
            deviation = max(deviation, (dx * dx + dy * dy).squareRoot())
        }
        let degree = Double(points.count - 1)
        let n = ((degree * (degree - 1) * deviation / (8 * tolerance)).squareRoot()).rounded(.up)
        return Int(min(max(n.isFinite ? n : 512, 1), 512))
    }
}
