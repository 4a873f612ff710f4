/// A vector outline: sub-paths of lines and quadratic and cubic Bézier curves, in image
/// coordinates (origin top-left, y down; pixel (x, y) covers [x, x+1) × [y, y+1)).
public struct Path: Sendable, Equatable {
    /// One step of a path.
    public enum Element: Sendable, Equatable {
        /// Starts a new sub-path at the point.
        case move(Point)
        /// A straight line to the point.
        case line(Point)
        /// A quadratic Bézier curve to `to`, pulled towards `control`.
        case quad(control: Point, to: Point)
        /// A cubic Bézier curve to `to`, with a control point for each end.
        case cubic(control1: Point, control2: Point, to: Point)
        /// Closes the sub-path with a line back to its start.
        case close
    }

    /// The steps in order.
    public internal(set) var elements: [Element] = []

    /// An empty path.
    public init() {}

    /// Starts a new sub-path at `p`.
    public mutating func move(to p: Point) { elements.append(.move(p)) }
    /// Adds a straight line from the current point to `p`.
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    /// Adds a quadratic Bézier curve from the current point to `p`, pulled towards `c`.
    public mutating func quad(to p: Point, control c: Point) { elements.append(.quad(control: c, to: p)) }
    /// Adds a cubic Bézier curve from the current point to `p`, with control points `c1` and `c2`.
    public mutating func cubic(to p: Point, control1 c1: Point, control2 c2: Point) {
        elements.append(.cubic(control1: c1, control2: c2, to: p))
    }
    /// Closes the current sub-path with a line back to its start.
    public mutating func close() { elements.append(.close) }

    /// True when the path draws nothing: it has no line or curve.
    public var isEmpty: Bool {
        !elements.contains {
            if case .move = $0 { return false }; if case .close = $0 { return false }; return true
        }
    }

    /// True when every coordinate is a finite number.
    public var isFinite: Bool {
        @inline(__always) func ok(_ p: Point) -> Bool { p.x.isFinite && p.y.isFinite }
        return elements.allSatisfy { element in
            switch element {
            case .move(let p), .line(let p): return ok(p)
            case let .quad(c, p): return ok(c) && ok(p)
            case let .cubic(c1, c2, p): return ok(c1) && ok(c2) && ok(p)
            case .close: return true
            }
        }
    }

    /// The box of every point, control points included; nil for an empty path.
    public var controlBounds: Rect? {
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        @inline(__always) func add(_ p: Point) {
            x0 = Swift.min(x0, p.x); y0 = Swift.min(y0, p.y); x1 = Swift.max(x1, p.x); y1 = Swift.max(y1, p.y)
        }
        for element in elements {
            switch element {
            case .move(let p), .line(let p): add(p)
            case let .quad(c, p): add(c); add(p)
            case let .cubic(c1, c2, p): add(c1); add(c2); add(p)
            case .close: break
            }
        }
        guard x0 <= x1, y0 <= y1 else { return nil }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}

// MARK: Shapes

extension Path {
    /// An open line through `points` (for strokes: leader lines, brackets).
    public static func polyline(_ points: [Point]) -> Path {
        var path = Path()
        guard let first = points.first else { return path }
        path.move(to: first)
        for p in points.dropFirst() { path.line(to: p) }
        return path
    }

    /// A closed polygon through `points` (fewer than three points make an empty area).
    public static func polygon(_ points: [Point]) -> Path {
        var path = Path()
        guard let first = points.first else { return path }
        path.move(to: first)
        for p in points.dropFirst() { path.line(to: p) }
        path.close()
        return path
    }

    /// The rectangle `r` as a closed sub-path, clockwise on screen from its top-left corner.
    public static func rectangle(_ r: Rect) -> Path {
        polygon([Point(x: r.minX, y: r.minY), Point(x: r.maxX, y: r.minY), Point(x: r.maxX, y: r.maxY), Point(x: r.minX, y: r.maxY)])
    }

    /// A rectangle with rounded corners; each radius is clamped to half the shorter side.
    public static func roundedRectangle(_ r: Rect, topLeft: Double, topRight: Double, bottomRight: Double, bottomLeft: Double) -> Path {
        let limit = min(r.width, r.height) / 2
        func clamp(_ v: Double) -> Double { min(max(v.isFinite ? v : 0, 0), limit) }
        let tl = clamp(topLeft), tr = clamp(topRight), br = clamp(bottomRight), bl = clamp(bottomLeft)
        let k = 0.5522847498  // cubic approximation of a quarter circle
        var path = Path()
        path.move(to: Point(x: r.minX + tl, y: r.minY))
        path.line(to: Point(x: r.maxX - tr, y: r.minY))
        path.cubic(
            to: Point(x: r.maxX, y: r.minY + tr), control1: Point(x: r.maxX - tr + tr * k, y: r.minY),
            control2: Point(x: r.maxX, y: r.minY + tr - tr * k))
        path.line(to: Point(x: r.maxX, y: r.maxY - br))
        path.cubic(
            to: Point(x: r.maxX - br, y: r.maxY), control1: Point(x: r.maxX, y: r.maxY - br + br * k),
            control2: Point(x: r.maxX - br + br * k, y: r.maxY))
        path.line(to: Point(x: r.minX + bl, y: r.maxY))
        path.cubic(
            to: Point(x: r.minX, y: r.maxY - bl), control1: Point(x: r.minX + bl - bl * k, y: r.maxY),
            control2: Point(x: r.minX, y: r.maxY - bl + bl * k))
        path.line(to: Point(x: r.minX, y: r.minY + tl))
        path.cubic(
            to: Point(x: r.minX + tl, y: r.minY), control1: Point(x: r.minX, y: r.minY + tl - tl * k),
            control2: Point(x: r.minX + tl - tl * k, y: r.minY))
        path.close()
        return path
    }

    /// The rectangle `r` with every corner rounded by `radius` (clamped to half the shorter side).
    public static func roundedRectangle(_ r: Rect, radius: Double) -> Path {
        roundedRectangle(r, topLeft: radius, topRight: radius, bottomRight: radius, bottomLeft: radius)
    }

    /// The ellipse inscribed in `r`, as four cubic arcs.
    public static func ellipse(in r: Rect) -> Path {
        let k = 0.5522847498, cx = r.center.x, cy = r.center.y, rx = r.width / 2, ry = r.height / 2
        var path = Path()
        path.move(to: Point(x: cx + rx, y: cy))
        path.cubic(to: Point(x: cx, y: cy + ry), control1: Point(x: cx + rx, y: cy + ry * k), control2: Point(x: cx + rx * k, y: cy + ry))
        path.cubic(to: Point(x: cx - rx, y: cy), control1: Point(x: cx - rx * k, y: cy + ry), control2: Point(x: cx - rx, y: cy + ry * k))
        path.cubic(to: Point(x: cx, y: cy - ry), control1: Point(x: cx - rx, y: cy - ry * k), control2: Point(x: cx - rx * k, y: cy - ry))
        path.cubic(to: Point(x: cx + rx, y: cy), control1: Point(x: cx + rx * k, y: cy - ry), control2: Point(x: cx + rx, y: cy - ry * k))
        path.close()
        return path
    }

    /// The circle of `radius` around `center`, as four cubic arcs.
    public static func circle(center: Point, radius: Double) -> Path {
        ellipse(in: Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius))
    }
}
