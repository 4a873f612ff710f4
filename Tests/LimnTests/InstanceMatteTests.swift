import Foundation
import Limn
import LimnTestSupport
import Testing

/// Mattes from instance masks: polygons through the exact-coverage rasterizer, run-length masks
/// traced and filled, each against an independent count of its area.
@Suite struct InstanceMatteTests {
    static let shared = RepositoryPaths.shared + "/fixtures"

    func analysis(_ masks: [(String, InstanceMask)], size: Size) -> Analysis {
        var a = Analysis(vendor: .coco, format: .cocoDataset, imageSize: size)
        a.regions = masks.map { Region(kind: .object, label: $0.0, confidence: nil, shape: .box($0.1.bounds!), mask: $0.1) }
        return a
    }

    static func coverage(_ m: Mask) -> Double { m.withUnsafeBytes { $0.reduce(0.0) { $0 + Double($1) } } / 255 }

    @Test func polygonMattesAreTheRasterizersFill() throws {
        let size = Size(width: 120, height: 90)
        let a = [Point(x: 10.25, y: 5.5), Point(x: 80.75, y: 12), Point(x: 60.5, y: 70.25)]
        let b = [Point(x: 85, y: 40), Point(x: 110, y: 40), Point(x: 110, y: 85), Point(x: 85, y: 85)]
        let result = analysis([("a", .polygons([a, b]))], size: size)
        let matte = try Matte.mask(from: result, picture: PictureGeometry(storedSize: size))
        var expected = Mask(width: size.width, height: size.height)
        try expected.fill(.polygon(a))
        try expected.fill(.polygon(b))
        #expect(matte == expected)
        // Wound the other way, a polygon still adds (a union, not a hole).
        let reversed = try Matte.mask(
            from: analysis([("a", .polygons([a, b.reversed()]))], size: size), picture: PictureGeometry(storedSize: size))
        #expect(reversed == expected)
        // Shoelace areas, minus the overlap's (none here): the coverage matches to rounding.
        func area(_ p: [Point]) -> Double {
            abs(
                p.indices.reduce(0.0) { s, i in
                    let u = p[i], v = p[(i + 1) % p.count]; return s + u.x * v.y - v.x * u.y
                }) / 2
        }
        #expect(abs(Self.coverage(matte) - (area(a) + area(b))) < 1)
    }

    @Test func runLengthMattesKeepTheirHolesAndArea() throws {
        let counts = DetectionResults.buildingRuns()
        let rle = try #require(RunLengthMask(size: Scene.size, counts: counts))
        let matte = try Matte.mask(
            from: analysis([("building", .runLength(rle))], size: Scene.size), picture: PictureGeometry(storedSize: Scene.size))
        #expect(matte[Int(Scene.door.center.x), Int(Scene.door.center.y)] == 0)
        #expect(matte[Int(Scene.building.minX) + 3, Int(Scene.building.minY) + 3] == 255)
        #expect(matte[Int(Scene.building.maxX) + 3, Int(Scene.building.minY) + 3] == 0)
        // Tracing cuts each corner by an eighth of a pixel: 6 corners here.
        #expect(abs(Self.coverage(matte) - Double(rle.area)) <= 6 * 0.125 + 0.5)
        // On a picture twice the size the mask follows, scaled.
        let big = Size(width: Scene.size.width * 2, height: Scene.size.height * 2)
        let scaled = try Matte.mask(
            from: analysis([("building", .runLength(rle))], size: Scene.size), picture: PictureGeometry(storedSize: big))
        #expect(abs(Self.coverage(scaled) - 4 * Double(rle.area)) <= 4 * (6 * 0.125 + 0.5))
        #expect(scaled[Int(Scene.door.center.x) * 2, Int(Scene.door.center.y) * 2] == 0)
    }

    /// COCO's own areas: the mmpose annotations' polygons rasterized, within 1 % of `area`.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: shared), "../shared/fixtures is absent: the COCO areas are not checked"))
    func cocoPolygonAreas() throws {
        let path = Self.shared + "/coco/mmpose_test_coco_person_keypoints_val2017_subset.json"
        let top = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        let images = top["images"] as! [[String: Any]]
        var checked = 0
        for image in images {
            let id = image["id"] as! Int
            let size = Size(width: image["width"] as! Int, height: image["height"] as! Int)
            let result = try Analysis(contentsOfFile: path, picture: .id(String(id)))
            let areas = (top["annotations"] as! [[String: Any]]).filter { $0["image_id"] as? Int == id }.map { $0["area"] as! Double }
            #expect(result.regions.count == areas.count)
            for (i, area) in areas.enumerated() {
                let matte = try Matte.mask(from: result, picture: PictureGeometry(storedSize: size), instances: .index(i))
                let got = Self.coverage(matte)
                #expect(abs(got - area) / area < 0.01, "picture \(id) annotation \(i): \(got) against \(area)")
                checked += 1
            }
        }
        #expect(checked == 14)
    }

    @Test func choicesAndRefusals() throws {
        let size = Size(width: 20, height: 20)
        let square = [Point(x: 2, y: 2), Point(x: 8, y: 2), Point(x: 8, y: 8), Point(x: 2, y: 8)]
        var result = analysis([("cat", .polygons([square]))], size: size)
        result.regions.insert(
            Region(kind: .object, label: "dog", confidence: nil, shape: .box(Rect(x: 0, y: 0, width: 5, height: 5))), at: 0)
        let geometry = PictureGeometry(storedSize: size)
        #expect(
            try Matte.mask(from: result, picture: geometry, instances: .label("CAT"))
                == Matte.mask(from: result, picture: geometry, instances: .index(1)))
        #expect(throws: LimnError.noSuchInstance(source: "r", wanted: "index 0", available: "1 masks at indices 1, labelled cat")) {
            try Matte.mask(from: result, picture: geometry, instances: .index(0), source: "r")
        }
        result.regions.removeLast()
        #expect(throws: LimnError.noMatte(source: "r", vendor: "COCO")) { try Matte.mask(from: result, picture: geometry, source: "r") }
    }
}
