import LimnGeometry
import Testing

@Suite struct GeometryTests {
    @Test func rectNormalisesNegativeSides() {
        let r = Rect(x: 10, y: 10, width: -4, height: -2)
        #expect(r == Rect(x: 6, y: 8, width: 4, height: 2))
    }

    @Test func halfOpenContainment() {
        let r = Rect(x: 0, y: 0, width: 2, height: 2)
        #expect(r.contains(Point(x: 0, y: 0)))
        #expect(r.contains(Point(x: 1.999, y: 1.5)))
        #expect(!r.contains(Point(x: 2, y: 1)))
        #expect(Point.center(ofPixelAt: 3, 4) == Point(x: 3.5, y: 4.5))
    }

    @Test func intersectionAndUnion() {
        let a = Rect(x: 0, y: 0, width: 4, height: 4), b = Rect(x: 2, y: 3, width: 5, height: 5)
        #expect(a.intersection(b) == Rect(x: 2, y: 3, width: 2, height: 1))
        #expect(a.intersection(Rect(x: 4, y: 0, width: 1, height: 1)) == nil)  // touching edges do not overlap
        #expect(a.union(b) == Rect(x: 0, y: 0, width: 7, height: 8))
    }

    @Test func coveredPixelsRoundOutward() {
        #expect(Rect(x: 0.5, y: 1.2, width: 2, height: 0.5).coveredPixels == PixelRect(x: 0, y: 1, width: 3, height: 1))
        #expect(Rect(x: 2, y: 3, width: 4, height: 5).coveredPixels == PixelRect(x: 2, y: 3, width: 4, height: 5))
        #expect(Rect(x: .nan, y: 0, width: 1, height: 1).coveredPixels == nil)
        #expect(Rect(x: 0, y: 0, width: .infinity, height: 1).coveredPixels == nil)
        #expect(Rect(x: 0, y: 0, width: 0, height: 1).coveredPixels == nil)
    }

    @Test func nonFiniteRectsAreEmpty() {
        #expect(Rect(x: 0, y: 0, width: .nan, height: 1).isEmpty)
        #expect(!Rect(x: 0, y: 0, width: 1, height: 1).isEmpty)
    }

    @Test func pixelRectClampsToASize() {
        let size = Size(width: 10, height: 5)
        #expect(PixelRect(x: -2, y: 3, width: 5, height: 10).clamped(to: size) == PixelRect(x: 0, y: 3, width: 3, height: 2))
        #expect(PixelRect(x: 10, y: 0, width: 5, height: 5).clamped(to: size) == nil)
    }

    @Test func scalingMapsBetweenImageSizes() {
        // A box found on an 864 × 576 analysis, drawn on the same picture at 648 × 432.
        let box = Rect(x: 100, y: 40, width: 200, height: 300)
        #expect(box.scaled(x: 648.0 / 864, y: 432.0 / 576) == Rect(x: 75, y: 30, width: 150, height: 225))
    }

    @Test func sizeHelpers() {
        #expect(Size(width: 3, height: 4).pixelCount == 12)
        #expect(Size(width: Int.max, height: 2).pixelCount == nil)
        #expect(Size(width: 3, height: 4).transposed == Size(width: 4, height: 3))
        #expect(Size(width: 0, height: 4).isEmpty)
    }

    @Test func boundsOfPoints() {
        #expect(Rect(bounding: [Point(x: 3, y: 1), Point(x: -1, y: 4), Point(x: 2, y: 2)]) == Rect(x: -1, y: 1, width: 4, height: 3))
        #expect(Rect(bounding: [Point]()) == nil)
        #expect(
            Rect(x: 1, y: 2, width: 3, height: 4).corners == [Point(x: 1, y: 2), Point(x: 4, y: 2), Point(x: 4, y: 6), Point(x: 1, y: 6)])
    }

    @Test func pixelRectIntersection() {
        let a = PixelRect(x: 0, y: 0, width: 10, height: 10)
        #expect(a.intersection(PixelRect(x: 5, y: 8, width: 10, height: 10)) == PixelRect(x: 5, y: 8, width: 5, height: 2))
        #expect(a.intersection(PixelRect(x: 10, y: 0, width: 3, height: 3)) == nil)
    }

    @Test func anchorsClampAndRefuseNaN() {
        #expect(Anchor(x: 2, y: -1) == .topRight)
        #expect(Anchor(x: .nan, y: .infinity) == .center)  // neither is a place
        #expect(Anchor.center == Anchor(x: 0.5, y: 0.5))
    }
}
