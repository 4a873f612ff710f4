import Foundation
import LimnRaster
import LimnTestSupport
import Testing

/// The stroker draws each side's offset line once (joined through the vertex on the inner side
/// of a turn) instead of one piece per segment and join. Its outline is the sum of the pieces'
/// boundaries, so the coverage must be what filling the separate pieces gives: this suite keeps
/// that definition, one positively oriented polygon per segment rectangle, bevel, miter tip,
/// round join and cap, and compares.
@Suite struct StrokeOutlineTests {
    /// The stroke as separate pieces, the reference.
    static func pieces(_ line: [Point], closed: Bool, style: StrokeStyle) -> Path {
        let half = style.width / 2
        var path = Path()
        func add(_ points: [Point]) {
            var signed = 0.0
            for i in points.indices { let a = points[i], b = points[(i + 1) % points.count]; signed += a.x * b.y - b.x * a.y }
            guard points.count >= 3, signed != 0 else { return }
            let ordered = signed > 0 ? points : points.reversed()
            path.move(to: ordered[0])
            for q in ordered.dropFirst() { path.line(to: q) }
            path.close()
        }
        func direction(_ a: Point, _ b: Point) -> Point {
            let (dx, dy) = (b.x - a.x, b.y - a.y), l = (dx * dx + dy * dy).squareRoot()
            return Point(x: dx / l, y: dy / l)
        }
        func circle(_ c: Point) -> [Point] {
            let n = max(8, min(256, Int((2 * Double.pi * half / 0.5).rounded(.up))))
            return (0..<n).map { i in
                let t = Double(i) / Double(n) * 2 * Double.pi
                return Point(x: c.x + half * cos(t), y: c.y + half * sin(t))
            }
        }
        let n = line.count, segments = closed ? n : n - 1
        for i in 0..<segments {
            let a = line[i], b = line[(i + 1) % n], d = direction(a, b)
            var a2 = a, b2 = b
            if !closed && style.cap == .square {
                if i == 0 { a2 = Point(x: a.x - d.x * half, y: a.y - d.y * half) }
                if i == segments - 1 { b2 = Point(x: b.x + d.x * half, y: b.y + d.y * half) }
            }
            let (nx, ny) = (-d.y * half, d.x * half)
            add([
                Point(x: a2.x + nx, y: a2.y + ny), Point(x: b2.x + nx, y: b2.y + ny), Point(x: b2.x - nx, y: b2.y - ny),
                Point(x: a2.x - nx, y: a2.y - ny),
            ])
        }
        for j in closed ? Array(0..<n) : Array(1..<(n - 1)) {
            let prev = line[(j - 1 + n) % n], p = line[j], next = line[(j + 1) % n]
            let d0 = direction(prev, p), d1 = direction(p, next)
            let cross = d0.x * d1.y - d0.y * d1.x, cosine = d0.x * d1.x + d0.y * d1.y
            guard abs(cross) > 1e-9 || cosine < 0 else { continue }
            func length(_ a: Point, _ b: Point) -> Double { ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot() }
            if style.join == .round && (cosine < 0.9945 || length(prev, p) < half || length(p, next) < half) {
                add(circle(p))
                continue
            }
            let s: Double = cross > 0 ? -1 : 1
            let o0 = Point(x: p.x - d0.y * half * s, y: p.y + d0.x * half * s)
            let o1 = Point(x: p.x - d1.y * half * s, y: p.y + d1.x * half * s)
            add([p, o0, o1])
            guard style.join == .miter else { continue }
            let miterLength = 1 / max(((1 + cosine) / 2).squareRoot(), 1e-9)
            guard miterLength <= style.miterLimit else { continue }
            let bx = (o0.x - p.x) + (o1.x - p.x), by = (o0.y - p.y) + (o1.y - p.y), bl = (bx * bx + by * by).squareRoot()
            guard bl > 1e-12 else { continue }
            add([o0, Point(x: p.x + bx / bl * half * miterLength, y: p.y + by / bl * half * miterLength), o1])
        }
        if !closed && style.cap == .round {
            add(circle(line[0]))
            add(circle(line[n - 1]))
        }
        return path
    }

    /// Random polylines, open and closed, with short segments, sharp turns and reversals, in
    /// every join and cap: the same coverage as the separate pieces, within one level (the
    /// same areas summed in another order).
    @Test(arguments: [StrokeStyle.Join.miter, .bevel, .round])
    func theOutlineCoversWhatThePiecesCover(join: StrokeStyle.Join) throws {
        var rng = SplitMix(seed: 99)
        func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + Double(rng.next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
        }
        var worst = 0
        for trial in 0..<60 {
            let count = 2 + trial % 9
            var points: [Point] = [Point(x: uniform(20...60), y: uniform(20...60))]
            while points.count < count {
                // Steps from a fraction of a pixel to tens; now and then straight back.
                let last = points[points.count - 1]
                if trial % 7 == 3, points.count >= 2 {
                    let before = points[points.count - 2]
                    points.append(Point(x: last.x + (before.x - last.x) * 0.5, y: last.y + (before.y - last.y) * 0.5))
                    continue
                }
                let step = trial % 3 == 0 ? uniform(0.3...3) : uniform(2...25)
                let angle = uniform(0...(2 * Double.pi))
                let next = Point(x: last.x + step * cos(angle), y: last.y + step * sin(angle))
                if next != last { points.append(next) }
            }
            let closed = trial % 2 == 1 && points.count >= 3
            let cap: StrokeStyle.Cap = [.butt, .square, .round][trial % 3]
            let style = StrokeStyle(width: uniform(0.6...12), join: join, cap: cap, miterLimit: [4, 10, 1.5][trial % 3])
            var path = Path()
            path.move(to: points[0])
            for p in points.dropFirst() { path.line(to: p) }
            if closed { path.close() }
            var outline = Mask(width: 80, height: 80), reference = Mask(width: 80, height: 80)
            try outline.fill(try path.stroked(style))
            try reference.fill(Self.pieces(points, closed: closed, style: style))
            for y in 0..<80 {
                for x in 0..<80 {
                    let d = abs(Int(outline[x, y]) - Int(reference[x, y]))
                    worst = max(worst, d)
                    #expect(d <= 1, "trial \(trial) \(style) at (\(x), \(y)): \(outline[x, y]) vs \(reference[x, y])")
                }
            }
        }
        print("stroke outline vs pieces, \(join): largest difference \(worst)")
    }
}
