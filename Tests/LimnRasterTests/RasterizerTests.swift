import Foundation
import LimnRaster
import LimnTestSupport
import Testing

/// The exact area of a simple polygon inside each pixel, by clipping it to the pixel's square
/// (Sutherland-Hodgman) and taking the shoelace area: the reference for the rasterizer.
enum ExactCoverage {
    static func clip(_ poly: [Point], _ inside: (Point) -> Bool, _ cross: (Point, Point) -> Point) -> [Point] {
        var out: [Point] = []
        for i in 0..<poly.count {
            let a = poly[i], b = poly[(i + 1) % poly.count]
            if inside(b) {
                if !inside(a) { out.append(cross(a, b)) }
                out.append(b)
            } else if inside(a) {
                out.append(cross(a, b))
            }
        }
        return out
    }

    static func area(_ poly: [Point]) -> Double {
        guard poly.count >= 3 else { return 0 }
        var s = 0.0
        for i in 0..<poly.count { let a = poly[i], b = poly[(i + 1) % poly.count]; s += a.x * b.y - b.x * a.y }
        return abs(s) / 2
    }

    static func pixel(_ poly: [Point], _ x: Int, _ y: Int) -> Double {
        let x0 = Double(x), x1 = x0 + 1, y0 = Double(y), y1 = y0 + 1
        var p = poly
        func atX(_ a: Point, _ b: Point, _ xc: Double) -> Point { Point(x: xc, y: a.y + (b.y - a.y) * (xc - a.x) / (b.x - a.x)) }
        func atY(_ a: Point, _ b: Point, _ yc: Double) -> Point { Point(x: a.x + (b.x - a.x) * (yc - a.y) / (b.y - a.y), y: yc) }
        p = clip(p, { $0.x >= x0 }, { atX($0, $1, x0) })
        p = clip(p, { $0.x <= x1 }, { atX($0, $1, x1) })
        p = clip(p, { $0.y >= y0 }, { atY($0, $1, y0) })
        p = clip(p, { $0.y <= y1 }, { atY($0, $1, y1) })
        return area(p)
    }
}

@Suite struct RasterizerTests {
    /// Simple (non-self-intersecting) polygons: convex, concave, with fractional and off-image vertices.
    static let polygons: [[Point]] = [
        [Point(x: 3.2, y: 2.7), Point(x: 27.9, y: 5.1), Point(x: 14.4, y: 25.3)],
        [Point(x: 2.5, y: 2.5), Point(x: 20.25, y: 3.75), Point(x: 11, y: 11), Point(x: 28.6, y: 24.1), Point(x: 4.3, y: 21.9)],
        [Point(x: -5, y: 10.5), Point(x: 15.5, y: -3), Point(x: 40, y: 12.25), Point(x: 16, y: 33)],
        [Point(x: 10, y: 1), Point(x: 10.6, y: 1), Point(x: 10.6, y: 29), Point(x: 10, y: 29)],  // a thin sliver
        (0..<7).map { i in
            let t = Double(i) * 2 * Double.pi / 7; return Point(x: 15 + 11 * cos(t), y: 15 + 11 * sin(t))
        },
    ]

    @Test(arguments: 0..<polygons.count)
    func fillsMatchTheExactAreaCoverage(index: Int) throws {
        let poly = Self.polygons[index]
        for rule in [FillRule.nonZero, .evenOdd] {
            var mask = Mask(width: 30, height: 30)
            try mask.fill(Path.polygon(poly), rule: rule)
            var total = 0.0, worst = 0.0
            for y in 0..<30 {
                for x in 0..<30 {
                    let error = abs(Double(mask[x, y]) / 255 - ExactCoverage.pixel(poly, x, y))
                    total += error; worst = max(worst, error)
                }
            }
            #expect(total / 900 <= 1.0 / 255, "polygon \(index) \(rule): mean error \(total / 900 * 255)/255")
            #expect(worst <= 3.0 / 255, "polygon \(index) \(rule): worst error \(worst * 255)/255")
        }
    }

    /// Found by the annotate fuzz target: a draw list (which, unlike `Mask.fill`, takes any finite
    /// coordinate) with points near ±1e308 overflowed an edge's slope to NaN, which trapped as a
    /// column. The rasterizer now clamps each row's piece to a pixel beyond the side it is on.
    @Test func edgesFarOutsideFillWithoutTrapping() throws {
        // Within what Mask.fill accepts, a band whose sides run far past both edges covers rows 4..<12.
        let band = [Point(x: -1e14, y: 4), Point(x: 1e14, y: 4), Point(x: 1e14, y: 12), Point(x: -1e14, y: 12)]
        var mask = Mask(width: 16, height: 16)
        try mask.fill(Path.polygon(band), rule: .nonZero)
        for y in 0..<16 { for x in 0..<16 { #expect(mask[x, y] == ((4..<12).contains(y) ? 255 : 0), "(\(x),\(y))") } }
        // Slopes that overflow (3.4e308 across a sliver of a row): drawn through a list, no trap.
        for poly in [
            [Point(x: -1.7e308, y: 2), Point(x: 1.7e308, y: 2.0000001), Point(x: 8, y: 14)],
            [Point(x: -1.7e308, y: 4), Point(x: 1.7e308, y: 4), Point(x: 1.7e308, y: 12), Point(x: -1.7e308, y: 12)],
        ] {
            var list = DrawList()
            try list.fill(Path.polygon(poly), with: .black)
            var image = Image(width: 16, height: 16, fill: .white)
            image.draw(list)
        }
    }

    @Test func theFillRulesDifferWhereThePathOverlapsItself() throws {
        // Two overlapping squares in the same direction: nonzero fills the overlap, even-odd leaves a hole.
        var path = Path.rectangle(Rect(x: 2, y: 2, width: 10, height: 10))
        for e in Path.rectangle(Rect(x: 6, y: 6, width: 10, height: 10)).elements { append(e, to: &path) }
        var nonZero = Mask(width: 20, height: 20), evenOdd = Mask(width: 20, height: 20)
        try nonZero.fill(path, rule: .nonZero)
        try evenOdd.fill(path, rule: .evenOdd)
        #expect(nonZero[8, 8] == 255 && evenOdd[8, 8] == 0 && evenOdd[4, 4] == 255 && evenOdd[14, 14] == 255)
    }

    @Test func twoShapesInOnePathThatShareAnEdgeLeaveNoSeam() throws {
        // A square cut along its diagonal into two triangles, filled as one path.
        var path = Path.polygon([Point(x: 2, y: 2), Point(x: 18, y: 2), Point(x: 2, y: 18)])
        for e in Path.polygon([Point(x: 18, y: 2), Point(x: 18, y: 18), Point(x: 2, y: 18)]).elements { append(e, to: &path) }
        var image = Image(width: 20, height: 20, fill: .white)
        try image.fill(path, with: .black)
        for y in 2..<18 { for x in 2..<18 { #expect(image[x, y] == .black, "(\(x),\(y)) \(image[x, y])") } }
        #expect(image[1, 1] == .white && image[18, 18] == .white)
    }

    @Test func curvesAndRoundedShapesCoverTheirArea() throws {
        var disc = Mask(width: 64, height: 64)
        try disc.fill(.circle(center: Point(x: 32, y: 32), radius: 20))
        let area = disc.withUnsafeBytes { $0.reduce(0.0) { $0 + Double($1) / 255 } }
        #expect(abs(area - Double.pi * 400) / (Double.pi * 400) < 0.003, "area \(area)")
        var rounded = Mask(width: 64, height: 64)
        try rounded.fill(.roundedRectangle(Rect(x: 10, y: 10, width: 40, height: 30), radius: 8))
        let r = rounded.withUnsafeBytes { $0.reduce(0.0) { $0 + Double($1) / 255 } }
        #expect(abs(r - (1200 - (4 - Double.pi) * 64)) < 3, "area \(r)")
        #expect(rounded[10, 10] == 0 && rounded[30, 25] == 255)
    }

    @Test func colorIsCompositedByCoverage() throws {
        var image = Image(width: 10, height: 4, fill: .white)
        try image.fill(.rectangle(Rect(x: 2.5, y: 0, width: 5, height: 4)), with: Pixel(r: 0, g: 0, b: 0, a: 255))
        #expect(image[2, 1] == Pixel(gray: 127) || image[2, 1] == Pixel(gray: 128))
        #expect(image[3, 1] == .black && image[7, 1].r >= 127 && image[8, 1] == .white)
        var translucent = Image(width: 4, height: 4)
        try translucent.fill(.rectangle(Rect(x: 0, y: 0, width: 4, height: 4)), with: Pixel(r: 255, g: 0, b: 0, a: 100))
        #expect(translucent[1, 1] == Pixel(r: 255, g: 0, b: 0, a: 100))
    }

    @Test func degenerateAndHostileGeometry() throws {
        var image = Image(width: 50, height: 50, fill: .white)
        try image.fill(Path(), with: .black)  // empty
        try image.fill(.polygon([Point(x: 1, y: 1), Point(x: 40, y: 1)]), with: .black)  // no area
        #expect(image == Image(width: 50, height: 50, fill: .white))
        #expect(throws: RasterError.self) {
            try image.fill(.polygon([Point(x: .nan, y: 1), Point(x: 4, y: 4), Point(x: 1, y: 9)]), with: .black)
        }
        #expect(throws: RasterError.self) {
            try image.fill(.polygon([Point(x: .infinity, y: 1), Point(x: 4, y: 4), Point(x: 1, y: 9)]), with: .black)
        }
        // Coordinates of 1e9: clipped, not walked: the visible part is exactly the image.
        try image.fill(
            .polygon([Point(x: -1e9, y: -1e9), Point(x: 1e9, y: -1e9), Point(x: 1e9, y: 1e9), Point(x: -1e9, y: 1e9)]), with: .black)
        #expect(image == Image(width: 50, height: 50, fill: .black))
        // A clip rectangle limits the fill.
        var clipped = Image(width: 20, height: 20, fill: .white)
        try clipped.fill(.rectangle(Rect(x: 0, y: 0, width: 20, height: 20)), with: .black, clip: Rect(x: 5, y: 5, width: 4, height: 4))
        #expect(clipped[5, 5] == .black && clipped[9, 9] == .white && clipped[4, 5] == .white)
    }

    private func append(_ e: Path.Element, to path: inout Path) {
        switch e {
        case .move(let p): path.move(to: p)
        case .line(let p): path.line(to: p)
        case let .quad(c, p): path.quad(to: p, control: c)
        case let .cubic(c1, c2, p): path.cubic(to: p, control1: c1, control2: c2)
        case .close: path.close()
        }
    }
}
