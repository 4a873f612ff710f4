import LimnResults
import Testing

/// Two detection results paired by overlap: same labels first, then relabelled, the rest only
/// in one; and bounded work on hostile inputs.
@Suite struct DetectionComparisonTests {
    func result(_ boxes: [(String, Rect, Double?)], vendor: Vendor = .coco) -> Analysis {
        var a = Analysis(vendor: vendor, format: vendor == .coco ? .cocoDataset : .ultralytics, imageSize: Size(width: 100, height: 100))
        a.regions = boxes.map { Region(kind: .object, label: $0.0, confidence: $0.2, shape: .box($0.1)) }
        return a
    }

    @Test func overlapIsIntersectionOverUnion() {
        #expect(DetectionComparison.overlap(Rect(x: 0, y: 0, width: 10, height: 10), Rect(x: 5, y: 0, width: 10, height: 10)) == 50.0 / 150)
        #expect(DetectionComparison.overlap(Rect(x: 0, y: 0, width: 10, height: 10), Rect(x: 20, y: 0, width: 5, height: 5)) == 0)
        #expect(DetectionComparison.overlap(Rect(x: 0, y: 0, width: 0, height: 10), Rect(x: 0, y: 0, width: 0, height: 10)) == 0)
    }

    @Test func sameLabelsPairFirstThenRelabelledThenTheRest() {
        let a = result([
            ("cat", Rect(x: 0, y: 0, width: 10, height: 10), 0.9),
            ("dog", Rect(x: 50, y: 50, width: 20, height: 20), 0.8),
            ("car", Rect(x: 80, y: 0, width: 10, height: 10), 0.7),
            ("low", Rect(x: 30, y: 30, width: 5, height: 5), 0.1),
        ])
        let b = result(
            [
                // Overlaps the cat best, but as a dog; a second cat overlaps it less and wins, being a cat.
                ("dog", Rect(x: 0, y: 0, width: 10, height: 9), nil),
                ("Cat", Rect(x: 1, y: 1, width: 10, height: 10), nil),
                ("wolf", Rect(x: 52, y: 52, width: 20, height: 20), nil),
                ("tree", Rect(x: 0, y: 80, width: 10, height: 10), nil),
            ], vendor: .ultralytics)
        let c = DetectionComparison(a, b, minimumConfidence: 0.5)
        #expect(c.first == .coco && c.second == .ultralytics)
        #expect(c.pairs.map(\.status) == [.matched, .relabelled, .onlyInFirst, .onlyInSecond, .onlyInSecond])
        #expect(c.pairs[0].first?.label == "cat" && c.pairs[0].second?.label == "Cat")
        #expect(abs(c.pairs[0].overlap - 81.0 / 119) < 1e-12)
        #expect(c.pairs[1].first?.label == "dog" && c.pairs[1].second?.label == "wolf")
        #expect(c.pairs[2].first?.label == "car")
        #expect(Set(c.pairs[3...].compactMap { $0.second?.label }) == ["dog", "tree"])
        #expect(c.count(.onlyInSecond) == 2)
        // Below one half, boxes are different detections.
        let apart = DetectionComparison(
            result([("x", Rect(x: 0, y: 0, width: 10, height: 10), nil)]), result([("x", Rect(x: 6, y: 0, width: 10, height: 10), nil)]))
        #expect(apart.pairs.map(\.status) == [.onlyInFirst, .onlyInSecond])
    }

    @Test func textAndNonFiniteBoxesAreNotDetections() {
        var a = result([("x", Rect(x: .nan, y: 0, width: 10, height: 10), nil)])
        a.regions.append(Region(kind: .textLine, label: "hello", confidence: nil, shape: .box(Rect(x: 0, y: 0, width: 10, height: 10))))
        let c = DetectionComparison(a, result([("x", Rect(x: 0, y: 0, width: 10, height: 10), nil)]))
        #expect(c.pairs.map(\.status) == [.onlyInFirst, .onlyInSecond])
    }

    /// 20,000 equal boxes against 20,000: each box tries a bounded number of partners, so this
    /// is quick, and every box still finds one.
    @Test func manyEqualBoxesStayBounded() {
        let boxes = (0..<20_000).map { _ in ("x", Rect(x: 10, y: 10, width: 30, height: 30), Double?.none) }
        let c = DetectionComparison(result(boxes), result(boxes))
        #expect(c.count(.matched) > 0)
        #expect(c.pairs.count == c.count(.matched) + c.count(.onlyInFirst) + c.count(.onlyInSecond))
        #expect(c.count(.matched) + c.count(.onlyInFirst) == 20_000)
    }
}
