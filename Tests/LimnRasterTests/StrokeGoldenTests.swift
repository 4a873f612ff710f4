import LimnRaster
import LimnTestSupport
import Testing

/// Joins, caps, dashes and hairlines, compared with reviewed pictures in `TestImages/Golden/Stroke`.
/// Pure geometry (no fonts): the rasterizer must reproduce them exactly.
@Suite struct StrokeGoldenTests {
    func check(_ image: Image, _ name: String) {
        let mismatch = Golden.mismatch(image, suite: "Stroke", name: name, tolerance: .exact)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    let paper = Pixel(r: 255, g: 255, b: 255, a: 255)
    let ink = Pixel(r: 30, g: 60, b: 160, a: 255)
    let guide = Pixel(r: 230, g: 40, b: 40, a: 255)

    /// A sharp zigzag with a thick stroke in each join kind, the thin center line drawn over it.
    @Test func joins() throws {
        var image = Image(width: 330, height: 120, fill: paper)
        let joins: [StrokeStyle.Join] = [.miter, .round, .bevel]
        for (i, join) in joins.enumerated() {
            let x = 20.0 + Double(i) * 105
            let zigzag = Path.polyline([Point(x: x, y: 95), Point(x: x + 25, y: 25), Point(x: x + 50, y: 95), Point(x: x + 80, y: 45)])
            try image.stroke(zigzag, with: ink, style: StrokeStyle(width: 14, join: join, cap: .butt, miterLimit: 10))
            try image.stroke(zigzag, with: guide, style: StrokeStyle(width: 1))
        }
        check(image, "joins")
    }

    @Test func caps() throws {
        var image = Image(width: 330, height: 100, fill: paper)
        let caps: [StrokeStyle.Cap] = [.butt, .round, .square]
        for (i, cap) in caps.enumerated() {
            let x = 30.0 + Double(i) * 105
            let line = Path.polyline([Point(x: x, y: 30.5), Point(x: x + 50, y: 70.5)])
            try image.stroke(line, with: ink, style: StrokeStyle(width: 16, cap: cap))
            try image.stroke(line, with: guide, style: StrokeStyle(width: 1))
        }
        check(image, "caps")
    }

    @Test func dashesAndHairlines() throws {
        var image = Image(width: 240, height: 120, fill: paper)
        try image.stroke(
            .roundedRectangle(Rect(x: 10.5, y: 10.5, width: 100, height: 60), radius: 12), with: ink,
            style: StrokeStyle(width: 3, cap: .round, dashes: [10, 6]))
        try image.stroke(
            .circle(center: Point(x: 175, y: 45), radius: 35), with: ink, style: StrokeStyle(width: 2, dashes: [2, 4], dashPhase: 1))
        for (i, width) in [1.0, 0.5, 0.25].enumerated() {
            let y = 85.0 + Double(i) * 12
            try image.stroke(.polyline([Point(x: 10, y: y), Point(x: 230, y: y + 6)]), with: .black, style: StrokeStyle(width: width))
        }
        check(image, "dashes-hairlines")
    }
}
