import Foundation
import LimnGeometry
import Testing

@Suite struct AffineTransformTests {
    static func close(_ p: Point, _ q: Point, _ tolerance: Double = 1e-12) -> Bool {
        abs(p.x - q.x) <= tolerance && abs(p.y - q.y) <= tolerance
    }

    @Test func compositionReadsLeftToRight() {
        let t = AffineTransform.translation(x: 10, y: 0).then(.scale(x: 2, y: 3))
        #expect(t.apply(Point(x: 1, y: 1)) == Point(x: 22, y: 3))  // moved first, then scaled
        let u = AffineTransform.scale(x: 2, y: 3).then(.translation(x: 10, y: 0))
        #expect(u.apply(Point(x: 1, y: 1)) == Point(x: 12, y: 3))
    }

    @Test func aQuarterTurnIsClockwiseOnScreen() {
        // y is down: turning (1, 0) by 90° around the origin gives (0, 1), below it.
        let t = AffineTransform.rotation(radians: .pi / 2)
        #expect(Self.close(t.apply(Point(x: 1, y: 0)), Point(x: 0, y: 1)))
        let around = AffineTransform.rotation(radians: .pi, around: Point(x: 5, y: 5))
        #expect(Self.close(around.apply(Point(x: 6, y: 5)), Point(x: 4, y: 5)))
    }

    @Test func inverseUndoesAndCollapsedMapsHaveNone() throws {
        let t = AffineTransform.rotation(radians: 0.3, around: Point(x: 4, y: -2)).then(.scale(x: 2, y: 0.5)).then(.translation(x: 7, y: 1))
        let inverse = try #require(t.inverted)
        for p in [Point(x: 0, y: 0), Point(x: 13.5, y: -7), Point(x: 1e4, y: 3)] {
            #expect(Self.close(inverse.apply(t.apply(p)), p, 1e-9))
        }
        #expect(AffineTransform.scale(x: 0, y: 1).inverted == nil)
        #expect(AffineTransform(a: .nan, b: 0, c: 0, d: 1, tx: 0, ty: 0).inverted == nil)
    }

    @Test func rectanglesMapToTheirBounds() {
        let r = Rect(x: 10, y: 20, width: 30, height: 40)
        #expect(
            AffineTransform.scaling(from: Size(width: 100, height: 200), to: Size(width: 50, height: 400)).apply(r)
                == Rect(x: 5, y: 40, width: 15, height: 80))
        let flip = AffineTransform(a: -1, b: 0, c: 0, d: 1, tx: 100, ty: 0)
        #expect(flip.keepsRectanglesAligned && flip.apply(r) == Rect(x: 60, y: 20, width: 30, height: 40))
        let turn = AffineTransform.rotation(radians: .pi / 4)
        #expect(!turn.keepsRectanglesAligned)
        let around = turn.apply(Rect(x: 0, y: 0, width: 1, height: 1))
        #expect(abs(around.width - 2.0.squareRoot()) < 1e-12 && abs(around.height - 2.0.squareRoot()) < 1e-12)
    }

    @Test func integerTranslations() {
        #expect(AffineTransform.translation(x: 3, y: -4).isIntegerTranslation)
        #expect(!AffineTransform.translation(x: 0.5, y: 0).isIntegerTranslation)
        #expect(!AffineTransform.scale(x: 2, y: 2).isIntegerTranslation)
    }
}

@Suite struct OrientationTransformTests {
    /// Where the transform sends a stored point, against the table of the EXIF specification
    /// (the stored picture's top-left corner, for each tag, lands where the tag's row says).
    @Test func storedCornersLandWhereTheTagSays() {
        let stored = Size(width: 40, height: 30)
        let topLeft = Point(x: 0, y: 0)
        let expected: [Orientation: Point] = [
            .up: Point(x: 0, y: 0), .upMirrored: Point(x: 40, y: 0), .down: Point(x: 40, y: 30),
            .downMirrored: Point(x: 0, y: 30), .leftMirrored: Point(x: 0, y: 0), .right: Point(x: 30, y: 0),
            .rightMirrored: Point(x: 30, y: 40), .left: Point(x: 0, y: 40),
        ]
        for o in Orientation.allCases {
            #expect(o.transform(storedSize: stored).apply(topLeft) == expected[o], "\(o)")
            #expect(o.uprightSize(of: stored) == (o.swapsAxes ? Size(width: 30, height: 40) : stored))
            // The whole stored frame lands exactly on the upright frame.
            #expect(o.transform(storedSize: stored).apply(Rect(stored)) == Rect(o.uprightSize(of: stored)), "\(o)")
        }
    }

    @Test func theInverseOrientationUndoesTheTransform() {
        let stored = Size(width: 40, height: 30)
        for o in Orientation.allCases {
            let there = o.transform(storedSize: stored)
            let back = o.inverse.transform(storedSize: o.uprightSize(of: stored))
            let p = Point(x: 7.25, y: 3.5)
            #expect(back.apply(there.apply(p)) == p, "\(o)")
        }
    }
}
