import LimnRaster
import Testing

@testable import LimnText

@Suite struct DrawListTests {
    /// Overlapping translucent polygons, strokes crossing the band boundaries, and text: the draw
    /// list on every core gives the pixels immediate drawing gives, bit for bit.
    @Test func bandsDrawWhatImmediateDrawingDraws() throws {
        var rng = SplitMixLocal(seed: 7)
        var list = DrawList()
        var immediate = Image(width: 640, height: 480, fill: Pixel(r: 240, g: 240, b: 235))
        for i in 0..<120 {
            let cx = rng.next() * 640, cy = rng.next() * 480, r = 10 + rng.next() * 90
            let points = (0..<6).map { k in
                let t = Double(k) / 6 * 2 * Double.pi + rng.next() * 0.4
                return Point(x: cx + r * cos(t), y: cy + r * sin(t))
            }
            let color = Pixel(r: UInt8(i * 37 % 256), g: UInt8(i * 91 % 256), b: UInt8(i * 53 % 256), a: i % 3 == 0 ? 140 : 255)
            try list.fill(.polygon(points), with: color, rule: i % 2 == 0 ? .nonZero : .evenOdd)
            try immediate.fill(.polygon(points), with: color, rule: i % 2 == 0 ? .nonZero : .evenOdd)
            if i % 10 == 0 {
                let line = Path.polyline([Point(x: 0, y: cy), Point(x: 640, y: 480 - cy)])
                try list.stroke(line, with: .black, style: StrokeStyle(width: 3, cap: .round))
                try immediate.stroke(line, with: .black, style: StrokeStyle(width: 3, cap: .round))
            }
        }
        for i in 0..<30 {
            let origin = Point(x: Double(i % 6) * 100 + 5, y: Double(i / 6) * 90 + 40)
            let line = try TextEngine.shared.layout("Label \(i) 你好 gy", font: Font(size: 18 + Double(i % 3)))
            list.draw(line, at: origin, color: Pixel(r: 10, g: 10, b: 60, a: i % 2 == 0 ? 255 : 160))
            immediate.draw(line, at: origin, color: Pixel(r: 10, g: 10, b: 60, a: i % 2 == 0 ? 255 : 160))
        }
        var banded = Image(width: 640, height: 480, fill: Pixel(r: 240, g: 240, b: 235))
        Parallelism.withMaximumThreads(4) { banded.draw(list) }
        #expect(banded == immediate)
        #expect(list.count > 150)
        // A transparent canvas keeps the opacity promise exact.
        var clear = Image(width: 300, height: 200)
        var one = DrawList()
        try one.fill(.rectangle(Rect(x: 0, y: 0, width: 300, height: 200)), with: .white)
        clear.draw(one)
        #expect(clear.isOpaque)
        #expect(throws: RasterError.self) {
            try one.fill(.polygon([Point(x: .nan, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 1)]), with: .black)
        }
    }
}

extension DrawListTests {
    /// Text set wholly above, below or beside the picture draws nothing and leaves the picture
    /// as it was (a fuzz finding: glyphs under the last row made an inverted row range).
    @Test func textOutsideThePictureDrawsNothing() throws {
        let line = try TextEngine.shared.layout("Outside gy", font: Font(size: 20))
        let background = Image(width: 120, height: 80, fill: Pixel(r: 200, g: 210, b: 220))
        for origin in [Point(x: 10, y: 500), Point(x: 10, y: -300), Point(x: 900, y: 40), Point(x: -900, y: 40)] {
            var list = DrawList()
            list.draw(line, at: origin, color: .black)
            var picture = background
            picture.draw(list)
            #expect(picture == background, "text at \(origin)")
        }
    }
}

/// A tiny deterministic generator for the test's shapes.
struct SplitMixLocal {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
