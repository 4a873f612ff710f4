#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a path's outline is drawn.
public struct StrokeStyle: Sendable, Equatable {
    /// How two segments of a stroke meet at a corner.
    public enum Join: Sendable, Equatable {
        /// The outer edges extended to a point (a bevel past ``StrokeStyle/miterLimit``).
        case miter
        /// A round corner of the stroke's half-width.
        case round
        /// The corner cut straight across.
        case bevel
    }
    /// How an open path's ends are drawn.
    public enum Cap: Sendable, Equatable {
        /// Flat, at the end point.
        case butt
        /// A half disc around the end point.
        case round
        /// Flat, half the width beyond the end point.
        case square
    }

    /// Width in pixels; below one pixel the line fades by its coverage rather than vanishing.
    public var width: Double
    /// How corners are joined (miter by default).
    public var join: Join
    /// How open ends are drawn (butt by default).
    public var cap: Cap
    /// A miter longer than `miterLimit × width` becomes a bevel.
    public var miterLimit: Double
    /// Alternating on and off lengths in pixels; empty for a solid line.
    public var dashes: [Double]
    /// How far into the dash pattern the line starts.
    public var dashPhase: Double

    /// A solid line 1 px wide with miter joins (limit 4) and butt caps, unless given.
    public init(
        width: Double = 1, join: Join = .miter, cap: Cap = .butt, miterLimit: Double = 4,
        dashes: [Double] = [], dashPhase: Double = 0
    ) {
        self.width = width; self.join = join; self.cap = cap; self.miterLimit = miterLimit
        self.dashes = dashes; self.dashPhase = dashPhase
    }
}

extension Path {
    /// The area a stroke of this path covers, as a path to fill with the nonzero rule: one
    /// positively oriented polygon per segment, join and cap, so that overlaps unite exactly.
    /// Throws for a non-finite width or coordinates.
    public func stroked(_ style: StrokeStyle) throws -> Path {
        guard style.width.isFinite, style.width >= 0, isFinite else {
            throw RasterError.invalidGeometry(operation: "stroking a path", reason: "the width or a coordinate is NaN or infinite")
        }
        var out = Path()
        guard style.width > 0 else { return out }
        let half = style.width / 2
        for (line, closed) in openAndClosedPolylines() {
            for (piece, pieceClosed) in Dashing.split(line, closed: closed, pattern: style.dashes, phase: style.dashPhase) {
                StrokeBuilder.add(piece, closed: pieceClosed, half: half, style: style, to: &out)
            }
        }
        return out
    }

    /// The flattened sub-paths, each with whether it was closed.
    func openAndClosedPolylines() -> [([Point], Bool)] {
        var result: [([Point], Bool)] = []
        var current = Path()
        var closed = false
        func finish() {
            if let line = current.flattenedOpen() { result.append((line, closed)) }
            current = Path(); closed = false
        }
        for element in elements {
            switch element {
            case .move: finish(); current.elements.append(element)
            case .close: closed = true; finish()
            default: current.elements.append(element)
            }
        }
        finish()
        return result
    }

    /// One sub-path flattened without closing it; nil when it has no points.
    private func flattenedOpen() -> [Point]? {
        guard var line = flattened().first else {
            if case .move(let p)? = elements.first { return [p] }
            return nil
        }
        // Drop repeated points: they have no direction.
        line = line.enumerated().filter { $0.offset == 0 || $0.element != line[$0.offset - 1] }.map(\.element)
        return line
    }
}

/// Splits polylines into dashes.
enum Dashing {
    static func split(_ line: [Point], closed: Bool, pattern: [Double], phase: Double) -> [([Point], Bool)] {
        let dashes = pattern.filter { $0.isFinite && $0 >= 0 }
        let total = dashes.reduce(0, +)
        guard dashes.count >= 2, total > 0 else { return [(line, closed)] }
        var points = line
        if closed, let first = line.first { points.append(first) }
        var out: [([Point], Bool)] = []
        var index = 0
        var remaining = dashes[0]
        // Advance into the pattern by the phase.
        var skip = (phase.isFinite ? phase : 0).truncatingRemainder(dividingBy: total)
        if skip < 0 { skip += total }
        while skip > 0 {
            if skip >= remaining {
                skip -= remaining; index = (index + 1) % dashes.count; remaining = dashes[index]
            } else {
                remaining -= skip; skip = 0
            }
        }
        var current: [Point] = index % 2 == 0 ? [points[0]] : []
        var segmentCount = 0
        for i in 1..<max(points.count, 1) {
            var a = points[i - 1]
            let b = points[i]
            var length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            while length > 0 {
                segmentCount += 1
                if segmentCount > 100_000 { return out }  // a pattern far finer than a pixel: stop
                let step = min(remaining, length)
                let t = step / length
                let p = Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
                if index % 2 == 0 { current.append(p) }
                remaining -= step
                length -= step
                a = p
                if remaining <= 1e-12 {
                    if index % 2 == 0, current.count >= 2 { out.append((current, false)) }
                    index = (index + 1) % dashes.count
                    remaining = dashes[index]
                    current = index % 2 == 0 ? [a] : []
                }
            }
        }
        if index % 2 == 0, current.count >= 2 { out.append((current, false)) }
        return out
    }
}

/// Outlines of one polyline's stroke.
///
/// The stroke is the union of a rectangle around each segment, a wedge at each join (a bevel,
/// with its miter tip when within the limit) and the caps, every piece positively oriented, so
/// that filling them with the nonzero rule covers each point as often as pieces overlap it. The
/// outline drawn is the sum of those pieces' boundaries with the shared parts cancelled: along
/// each side of the line, the offset segments, joined on the outer side of a turn by the bevel
/// or miter and on the inner side through the vertex itself. So it has the very winding numbers
/// (and the exact-area rasterizer the same coverage) of the separate pieces, with about a third
/// of their edges. Round joins and caps add a whole circle, as pieces of their own.
enum StrokeBuilder {
    static func add(_ line: [Point], closed: Bool, half: Double, style: StrokeStyle, to path: inout Path) {
        guard let first = line.first else { return }
        if line.count == 1 {
            // A single point: only round and square caps draw a dot.
            if style.cap == .round { polygon(circle(first, half), to: &path) }
            if style.cap == .square { polygon(square(first, half), to: &path) }
            return
        }
        let n = line.count
        let segments = closed ? n : n - 1
        var directions: [Point] = []
        directions.reserveCapacity(segments)
        for i in 0..<segments { directions.append(direction(line[i], line[(i + 1) % n])) }
        // Side A is offset by m = (d.y, −d.x)·half, which makes each segment's rectangle
        // [a+m, b+m, b−m, a−m] positively oriented; side B by −m, and is drawn backwards.
        var sideA: [Point] = [], sideB: [Point] = []
        sideA.reserveCapacity(3 * n)
        sideB.reserveCapacity(3 * n)
        var circles: [Point] = []
        for i in 0..<segments {
            let a = line[i], b = line[(i + 1) % n], d = directions[i]
            if closed || i > 0 {
                join(
                    at: a, from: directions[(i + segments - 1) % segments], to: d, previous: line[(i + n - 1) % n], next: b,
                    half: half, style: style, sideA: &sideA, sideB: &sideB, circles: &circles)
            }
            var a2 = a, b2 = b
            if !closed && style.cap == .square {
                if i == 0 { a2 = Point(x: a.x - d.x * half, y: a.y - d.y * half) }
                if i == segments - 1 { b2 = Point(x: b.x + d.x * half, y: b.y + d.y * half) }
            }
            let mx = d.y * half, my = -d.x * half
            sideA.append(Point(x: a2.x + mx, y: a2.y + my))
            sideA.append(Point(x: b2.x + mx, y: b2.y + my))
            sideB.append(Point(x: a2.x - mx, y: a2.y - my))
            sideB.append(Point(x: b2.x - mx, y: b2.y - my))
        }
        if closed {
            ring(sideA, to: &path)
            ring(sideB.reversed(), to: &path)
        } else {
            // One ring: along side A, across the end (the rectangle's butt), back along side B.
            ring(sideA + sideB.reversed(), to: &path)
            if style.cap == .round {
                circles.append(line[0])
                circles.append(line[n - 1])
            }
        }
        for center in circles { polygon(circle(center, half), to: &path) }
    }

    /// The join at vertex `p` between the segments with directions `d0` and `d1` (from
    /// `previous` and to `next`): the wedge's edges on the outer side of the turn, the way
    /// through `p` on the inner side (through `p` on both when the join is a circle, or the
    /// turn is a reversal, whose wedge has no area).
    static func join(
        at p: Point, from d0: Point, to d1: Point, previous: Point, next: Point, half: Double, style: StrokeStyle,
        sideA: inout [Point], sideB: inout [Point], circles: inout [Point]
    ) {
        let cross = d0.x * d1.y - d0.y * d1.x
        let cosine = d0.x * d1.x + d0.y * d1.y
        if abs(cross) <= 1e-9 && cosine >= 0 { return }  // straight on: the sides meet
        // A round join on a gentle turn (under ~6°, as between the pieces of a flattened curve)
        // differs from a bevel by under 0.0014 of the width, when both segments are at least
        // half the width long (shorter ones leave the circle's far side uncovered): the bevel
        // is drawn instead.
        let longEnough = length(previous, p) >= half && length(p, next) >= half
        let isCircle = style.join == .round && (cosine < 0.9945 || !longEnough)
        if isCircle || abs(cross) <= 1e-9 {
            sideA.append(p)
            sideB.append(p)
            if isCircle { circles.append(p) }
            return
        }
        // Side A (offset by m) is the outer side when the turn has cross > 0.
        let outerIsA = cross > 0
        let s: Double = outerIsA ? 1 : -1
        let o0 = Point(x: p.x + d0.y * half * s, y: p.y - d0.x * half * s)
        let o1 = Point(x: p.x + d1.y * half * s, y: p.y - d1.x * half * s)
        var tip: Point? = nil
        if style.join == .miter {
            let miterLength = 1 / max(((1 + cosine) / 2).squareRoot(), 1e-9)  // in units of half the width
            // The miter tip: along the bisector of the two outer normals.
            let bx = (o0.x - p.x) + (o1.x - p.x), by = (o0.y - p.y) + (o1.y - p.y)
            let bl = (bx * bx + by * by).squareRoot()
            if miterLength <= style.miterLimit, bl > 1e-12 {
                tip = Point(x: p.x + bx / bl * half * miterLength, y: p.y + by / bl * half * miterLength)
            }
        }
        if outerIsA {
            if let tip { sideA.append(tip) }
            sideB.append(p)
        } else {
            if let tip { sideB.append(tip) }
            sideA.append(p)
        }
    }

    /// Adds `points` as one closed sub-path, as they come.
    static func ring(_ points: [Point], to path: inout Path) {
        guard let first = points.first, points.count >= 2 else { return }
        path.move(to: first)
        for q in points.dropFirst() { path.line(to: q) }
        path.close()
    }

    static func length(_ a: Point, _ b: Point) -> Double {
        ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
    }

    static func direction(_ a: Point, _ b: Point) -> Point {
        let dx = b.x - a.x, dy = b.y - a.y
        let l = (dx * dx + dy * dy).squareRoot()
        return l > 0 ? Point(x: dx / l, y: dy / l) : Point(x: 1, y: 0)
    }

    static func circle(_ c: Point, _ r: Double) -> [Point] {
        let n = max(8, min(256, Int((2 * Double.pi * r / 0.5).rounded(.up))))
        return (0..<n).map { i in
            let t = Double(i) / Double(n) * 2 * Double.pi
            return Point(x: c.x + r * cos(t), y: c.y + r * sin(t))
        }
    }

    static func square(_ c: Point, _ r: Double) -> [Point] {
        [Point(x: c.x - r, y: c.y - r), Point(x: c.x + r, y: c.y - r), Point(x: c.x + r, y: c.y + r), Point(x: c.x - r, y: c.y + r)]
    }

    /// Adds a closed polygon, turned to positive orientation so that all pieces add up.
    static func polygon(_ points: [Point], to path: inout Path) {
        guard points.count >= 3 else { return }
        var signed = 0.0
        for i in 0..<points.count { let a = points[i], b = points[(i + 1) % points.count]; signed += a.x * b.y - b.x * a.y }
        guard signed != 0 else { return }
        let ordered = signed > 0 ? points : points.reversed()
        path.move(to: ordered[0])
        for q in ordered.dropFirst() { path.line(to: q) }
        path.close()
    }
}

extension Image {
    /// Strokes `path` with `color` in `style`, anti-aliased, composited "over".
    public mutating func stroke(_ path: Path, with color: Pixel, style: StrokeStyle = StrokeStyle(), clip: Rect? = nil) throws {
        try fill(try path.stroked(style), with: color, rule: .nonZero, clip: clip)
    }
}

extension Mask {
    /// Adds the coverage of `path`'s stroke.
    public mutating func stroke(_ path: Path, style: StrokeStyle = StrokeStyle(), value: UInt8 = 255) throws {
        try fill(try path.stroked(style), value: value, rule: .nonZero)
    }
}

extension Path {
    /// What a stroke of `width` along the rectangle `r` (corners rounded by `radius`) covers, as
    /// contours to fill with ``FillRule/evenOdd``: the outer offset and, when the rectangle is
    /// wider and taller than the stroke, the inner one. Exact (the offsets of a rounded
    /// rectangle are rounded rectangles) and far cheaper than ``stroked(_:)``, which unites a
    /// polygon per segment and join.
    public static func rectangleStroke(_ r: Rect, width: Double, radius: Double = 0) -> Path {
        let half = width / 2
        var path = Path.roundedRectangle(
            Rect(x: r.minX - half, y: r.minY - half, width: r.width + 2 * half, height: r.height + 2 * half),
            radius: radius > 0 ? radius + half : 0)
        if r.width > 2 * half && r.height > 2 * half {
            path.append(
                .roundedRectangle(
                    Rect(x: r.minX + half, y: r.minY + half, width: r.width - 2 * half, height: r.height - 2 * half),
                    radius: max(radius - half, 0)))
        }
        return path
    }
}
