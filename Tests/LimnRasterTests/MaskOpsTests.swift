import LimnRaster
import Testing

@Suite struct MaskOpsTests {
    static func ramp() -> Mask {
        var m = Mask(width: 16, height: 1)
        for x in 0..<16 { m[x, 0] = UInt8(x * 17) }
        return m
    }

    @Test func thresholdAndInvert() throws {
        let m = Self.ramp()
        let t = m.thresholded(at: 128)
        #expect((0..<16).map { t[$0, 0] } == (0..<16).map { $0 * 17 >= 128 ? 255 : 0 })
        #expect(m.inverted()[3, 0] == 255 - 51 && m.inverted().inverted() == m)
    }

    @Test func unionAndIntersectionTakeMaxAndMin() throws {
        let a = Self.ramp(), b = Self.ramp().inverted()
        let u = try a.union(b), i = try a.intersection(b)
        for x in 0..<16 {
            #expect(u[x, 0] == max(a[x, 0], b[x, 0]) && i[x, 0] == min(a[x, 0], b[x, 0]))
        }
        #expect(throws: RasterError.self) { try a.union(Mask(width: 3, height: 3)) }
    }

    @Test func contentBoundsFindsTheSmallestRectangle() throws {
        var m = Mask(width: 20, height: 10)
        #expect(m.contentBounds() == nil)
        m[3, 4] = 9; m[15, 7] = 200; m[8, 2] = 1
        #expect(m.contentBounds() == PixelRect(x: 3, y: 2, width: 13, height: 6))
        #expect(m.contentBounds(level: 10) == PixelRect(x: 15, y: 7, width: 1, height: 1))
    }

    @Test func dilationIsRoundAndAntialiased() throws {
        var dot = Mask(width: 21, height: 21)
        dot[10, 10] = 255
        let d = dot.dilated(radius: 3)
        #expect(d[13, 10] == 255 && d[10, 7] == 255)  // distance 3: inside
        #expect(d[12, 12] == 255)  // distance 2.83: inside
        #expect(d[14, 10] == 0 && d[13, 13] == 0)  // distance 4 and 4.24: outside
        #expect(d[13, 11] > 0 && d[13, 11] < 255)  // distance 3.16: on the soft edge
    }

    @Test func erosionShrinksAndUndoesDilationOfConvexShapes() throws {
        var square = Mask(width: 40, height: 40)
        for y in 10..<30 { for x in 10..<30 { square[x, y] = 255 } }
        let e = square.eroded(radius: 3)
        #expect(e.contentBounds(level: 255) == PixelRect(x: 13, y: 13, width: 14, height: 14))
        #expect(e[12, 20] == 0)
        // Round corners appear when growing, so compare the core: the square's inside is restored.
        let back = e.dilated(radius: 3)
        #expect(back.contentBounds(level: 128) == PixelRect(x: 10, y: 10, width: 20, height: 20))
    }

    @Test func featherMakesALinearRampOfTheGivenWidth() throws {
        var half = Mask(width: 40, height: 1)
        for x in 20..<40 { half[x, 0] = 255 }
        let f = half.feathered(width: 8)
        let values = (14..<27).map { Int(f[$0, 0]) }
        #expect(values == values.sorted(), "monotonic: \(values)")
        #expect(f[15, 0] == 0 && f[24, 0] == 255)
        #expect(abs(Int(f[19, 0]) - 112) <= 2 && abs(Int(f[20, 0]) - 143) <= 2, "\(values)")  // ±0.5 px around the edge
    }

    @Test func rectanglesAreFilledWithTheirCoverage() throws {
        let m = Mask(
            size: Size(width: 6, height: 2),
            rectangles: [
                Rect(x: 1.5, y: 0, width: 2, height: 1), Rect(x: 5, y: 1, width: 9, height: 9),
                Rect(x: .nan, y: 0, width: 1, height: 1),
            ])
        #expect((0..<6).map { m[$0, 0] } == [0, 128, 255, 128, 0, 0])
        #expect(m[5, 1] == 255 && m[4, 1] == 0)
    }

    @Test func theGuidedFilterSnapsTheEdgeToThePicture() throws {
        // The picture's edge is at x = 50; the mask's is 4 pixels early, at x = 46.
        var guide = Image(width: 100, height: 40, fill: .black)
        for y in 0..<40 { for x in 50..<100 { guide[x, y] = .white } }
        var mask = Mask(width: 100, height: 40)
        for y in 0..<40 { for x in 46..<100 { mask[x, y] = 255 } }
        let refined = try mask.refined(guide: guide, radius: 8, epsilon: 1e-4)
        // The sharp step moves onto the picture's edge (between x = 49 and 50), and the wrongly
        // covered dark pixels drop to the window's mean (the guided filter's behaviour in flat areas).
        let row = (0..<100).map { Int(refined[$0, 20]) }
        let steps = (1..<100).map { row[$0] - row[$0 - 1] }
        #expect(steps.firstIndex(of: steps.max()!)! + 1 == 50, "\(row[40..<60])")
        #expect(row[47] < 160 && row[49] < 160 && row[50] > 245 && row[60] > 245 && row[20] < 10, "\(row[40..<60])")
        #expect(throws: RasterError.self) { try mask.refined(guide: Image(width: 3, height: 3)) }
    }

    @Test func refiningWithoutAGuideSmoothsAStaircase() throws {
        // A coarse diagonal, upscaled with nearest: 8-pixel stairs.
        var coarse = Mask(width: 8, height: 8)
        for y in 0..<8 { for x in 0..<8 where x >= y { coarse[x, y] = 255 } }
        let stairs = try coarse.resized(to: Size(width: 64, height: 64), filter: .nearest)
        let smooth = try stairs.refined(radius: 8)
        // Along a row the edge is now a short soft ramp, and the steps' corners are cut.
        let partial = (0..<64).filter { smooth[$0, 20] > 0 && smooth[$0, 20] < 255 }.count
        #expect(partial >= 1 && partial <= 4)
        #expect(smooth[16, 23] != stairs[16, 23] || smooth[23, 16] != stairs[23, 16])
    }
}
