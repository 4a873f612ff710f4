import LimnRaster
import Testing

@Suite struct StrokeTests {
    static func line(_ points: [Point], closed: Bool = false) -> Path {
        var p = Path()
        p.move(to: points[0])
        for q in points.dropFirst() { p.line(to: q) }
        if closed { p.close() }
        return p
    }

    @Test func aOnePixelLineOnAHalfPixelCenterIsOneSolidRow() throws {
        var mask = Mask(width: 20, height: 10)
        try mask.stroke(Self.line([Point(x: 2, y: 5.5), Point(x: 18, y: 5.5)]), style: StrokeStyle(width: 1))
        for x in 2..<18 { #expect(mask[x, 5] == 255 && mask[x, 4] == 0 && mask[x, 6] == 0) }
        #expect(mask[1, 5] == 0 && mask[18, 5] == 0)  // butt caps end at the points
    }

    @Test func hairlinesFadeByCoverage() throws {
        var mask = Mask(width: 20, height: 10)
        try mask.stroke(Self.line([Point(x: 2, y: 5.5), Point(x: 18, y: 5.5)]), style: StrokeStyle(width: 0.25))
        #expect(mask[10, 5] == 64)  // a quarter of the pixel
    }

    @Test func capsExtendAsTheySay() throws {
        func row(_ cap: StrokeStyle.Cap) throws -> [UInt8] {
            var m = Mask(width: 30, height: 12)
            try m.stroke(Self.line([Point(x: 10, y: 6), Point(x: 20, y: 6)]), style: StrokeStyle(width: 6, cap: cap))
            return (0..<30).map { m[$0, 6] }
        }
        let butt = try row(.butt), square = try row(.square), round = try row(.round)
        #expect(butt[9] == 0 && butt[10] == 255 && butt[19] == 255 && butt[20] == 0)
        #expect(square[7] == 255 && square[22] == 255 && square[6] == 0 && square[23] == 0)
        #expect(round[7] > 200 && round[22] > 200 && round[6] < 60)
    }

    @Test func joinsShapeTheCorner() throws {
        // A right angle at (20, 20): the outer corner of a 10-wide stroke.
        func corner(_ join: StrokeStyle.Join) throws -> Mask {
            var m = Mask(width: 40, height: 40)
            try m.stroke(
                Self.line([Point(x: 5, y: 20), Point(x: 20, y: 20), Point(x: 20, y: 35)]), style: StrokeStyle(width: 10, join: join))
            return m
        }
        let miter = try corner(.miter), round = try corner(.round), bevel = try corner(.bevel)
        // The outer corner pixel (24, 15): a miter fills it, a bevel cuts it, a round join rounds it.
        #expect(miter[24, 15] == 255)
        #expect(bevel[24, 15] == 0)
        #expect(round[24, 15] < 255 && round[22, 17] == 255)  // (22, 17) lies wholly within the radius of 5
        // Inside the bend all three agree.
        #expect(miter[18, 22] == 255 && round[18, 22] == 255 && bevel[18, 22] == 255)
        // A very sharp angle exceeds the miter limit and falls back to a bevel.
        var sharp = Mask(width: 60, height: 40)
        try sharp.stroke(
            Self.line([Point(x: 5, y: 10), Point(x: 50, y: 12), Point(x: 5, y: 14)]),
            style: StrokeStyle(width: 4, join: .miter, miterLimit: 4))
        #expect(sharp[57, 12] == 0)
    }

    @Test func dashesAlternate() throws {
        var m = Mask(width: 40, height: 6)
        try m.stroke(Self.line([Point(x: 0, y: 3), Point(x: 40, y: 3)]), style: StrokeStyle(width: 2, dashes: [5, 5]))
        #expect((0..<40).map { m[$0, 3] > 128 } == (0..<40).map { ($0 / 5) % 2 == 0 })
        var shifted = Mask(width: 40, height: 6)
        try shifted.stroke(Self.line([Point(x: 0, y: 3), Point(x: 40, y: 3)]), style: StrokeStyle(width: 2, dashes: [5, 5], dashPhase: 5))
        #expect(shifted[2, 3] == 0 && shifted[7, 3] == 255)
    }

    @Test func closedOutlinesAndOverlapsCountOnce() throws {
        var m = Mask(width: 30, height: 30)
        try m.stroke(.rectangle(Rect(x: 5, y: 5, width: 20, height: 20)), style: StrokeStyle(width: 4))
        #expect(m[5, 15] == 255 && m[15, 5] == 255 && m[3, 3] == 255 && m[15, 15] == 0)  // mitered corners
        // The stroke of a self-crossing line is still one coverage, not doubled.
        var x = Mask(width: 30, height: 30)
        try x.stroke(
            Self.line([Point(x: 2, y: 2), Point(x: 28, y: 28), Point(x: 28, y: 2), Point(x: 2, y: 28)]), style: StrokeStyle(width: 3))
        #expect(x[15, 15] == 255)
    }

    @Test func degenerateStrokes() throws {
        var m = Mask(width: 10, height: 10)
        try m.stroke(Self.line([Point(x: 2, y: 2), Point(x: 8, y: 8)]), style: StrokeStyle(width: 0))
        try m.stroke(Path(), style: StrokeStyle(width: 3))
        #expect(m == Mask(width: 10, height: 10))
        #expect(throws: RasterError.self) {
            try m.stroke(Self.line([Point(x: 2, y: 2), Point(x: 8, y: 8)]), style: StrokeStyle(width: .nan))
        }
        try m.stroke(Self.line([Point(x: 5, y: 5)]), style: StrokeStyle(width: 4, cap: .round))  // a dot
        #expect(m[5, 5] == 255)
        try m.stroke(Self.line([Point(x: 0, y: 1), Point(x: 9, y: 1)]), style: StrokeStyle(width: 1, dashes: [1e-9, 1e-9]))
    }
}
