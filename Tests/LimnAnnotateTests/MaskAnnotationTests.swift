import Foundation
import LimnCodecs
import LimnRaster
import LimnResults
import LimnTestSupport
import Testing

@testable import LimnAnnotate

/// Instance masks and keypoints: exact fills, visibility rules, and the scene drawn from each
/// detector's result (compared with reviewed pictures in TestImages/Golden/Annotate).
@Suite struct MaskAnnotationTests {
    static let scene: Image? = try? ImageDecoder.decode(file: RepositoryPaths.testImages + "/scene/street.png").image

    func draw(_ json: String, _ options: AnnotationOptions, picture: PictureSelector? = .matching("street.png")) throws -> Image {
        let scene = try #require(Self.scene)
        let analysis = try Analysis(json: Data(json.utf8), source: "scene", picture: picture)
            .mapped(to: PictureGeometry(storedSize: scene.size))
        return try Annotator.annotate(scene, with: analysis, options: options)
    }

    func check(_ image: Image, _ name: String) {
        let mismatch = Golden.mismatch(image, suite: "Annotate", name: name)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func cocoMasksAndPoses() throws {
        check(try draw(try DetectionResults.coco(), AnnotationOptions(minimumConfidence: 0)), "coco-masks-keypoints")
        check(
            try draw(
                try DetectionResults.coco(),
                AnnotationOptions(features: [.objects, .people, .masks], maskStyle: .contour, dimOutsideMasks: true)),
            "coco-contours-dimmed")
    }

    @Test func eachDetectorsResult() throws {
        check(try draw(try DetectionResults.ultralytics(), AnnotationOptions(keypointLabels: true)), "ultralytics-segment-pose")
        check(try draw(try DetectionResults.florence2(), AnnotationOptions()), "florence2-od-segmentation")
        check(try draw(DetectionResults.yolo(), AnnotationOptions()), "yolo-labels")
    }

    @Test func twoDetectorsCompared() throws {
        let scene = try #require(Self.scene)
        let geometry = PictureGeometry(storedSize: scene.size)
        let coco = try Analysis(json: Data(try DetectionResults.coco().utf8), source: "coco", picture: .matching("street.png"))
        let florence = try Analysis(json: Data(try DetectionResults.florence2().utf8), source: "florence")
        let comparison = DetectionComparison(coco.mapped(to: geometry), florence.mapped(to: geometry))
        #expect(comparison.count(.matched) == 4 && comparison.count(.onlyInSecond) == 1)
        check(try Annotator.annotate(scene, comparing: comparison), "detections-compared")
    }

    /// A polygon mask on a flat picture: unchanged far outside, exactly the fill's blend well
    /// inside, and anything in between only within reach of the contour.
    @Test func fillsAreExactInsideAndSoftOnlyOnTheContour() throws {
        let base = Pixel(r: 90, g: 120, b: 150)
        let image = Image(width: 240, height: 200, fill: base)
        let polygon = [Point(x: 30.3, y: 20.7), Point(x: 210.6, y: 40.2), Point(x: 170.1, y: 180.9), Point(x: 45.8, y: 150.4)]
        var analysis = Analysis(vendor: .coco, format: .cocoDataset, imageSize: image.size)
        analysis.regions = [
            Region(kind: .object, label: "", confidence: nil, shape: .box(Rect(bounding: polygon)!), mask: .polygons([polygon]))
        ]
        let options = AnnotationOptions(features: [.objects, .masks], maskOpacity: 0.5)
        let drawn = try Annotator.annotate(image, with: analysis, options: options)
        #expect(drawn.size == image.size)
        let color = options.palette.color(for: "")
        let metrics = Metrics(width: image.width, height: image.height, scale: 1)
        let reach = metrics.lineWidth * 0.8 / 2 + 1.5
        func distance(_ p: Point) -> Double {
            var best = Double.infinity
            for i in polygon.indices {
                let a = polygon[i], b = polygon[(i + 1) % polygon.count]
                let (dx, dy) = (b.x - a.x, b.y - a.y)
                let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)))
                best = min(best, hypot(p.x - a.x - t * dx, p.y - a.y - t * dy))
            }
            return best
        }
        func inside(_ p: Point) -> Bool {
            var winding = false
            for i in polygon.indices {
                let a = polygon[i], b = polygon[(i + 1) % polygon.count]
                if (a.y > p.y) != (b.y > p.y), p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) { winding.toggle() }
            }
            return winding
        }
        // "Over" at alpha 128/255, as a double-precision reference.
        func blend(_ top: UInt8, _ bottom: UInt8) -> Double { (Double(top) * 128 + Double(bottom) * 127) / 255 }
        var soft = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = Point.center(ofPixelAt: x, y), got = drawn[x, y]
                let d = distance(p)
                if d <= reach { soft += 1; continue }
                if inside(p) {
                    #expect(abs(Double(got.r) - blend(color.r, base.r)) <= 0.51, "(\(x), \(y))")
                    #expect(abs(Double(got.g) - blend(color.g, base.g)) <= 0.51, "(\(x), \(y))")
                    #expect(abs(Double(got.b) - blend(color.b, base.b)) <= 0.51, "(\(x), \(y))")
                } else {
                    #expect(got == base, "(\(x), \(y)) outside")
                }
            }
        }
        #expect(soft > 0)
    }

    /// v = 0 points are never drawn, whatever their placeholder coordinates; hidden and seen
    /// ones are; a link needs both its ends.
    @Test func keypointVisibility() throws {
        let scene = try #require(Self.scene)
        let options = AnnotationOptions(features: [.people, .keypoints], minimumConfidence: 0)
        let drawn = try draw(try DetectionResults.coco(), options)
        let p = DetectionResults.placeholder
        let (px, py) = (Int(p.x), Int(p.y))
        for dy in -6...6 { for dx in -6...6 { #expect(drawn[px + dx, py + dy] == scene[px + dx, py + dy], "the placeholder is drawn") } }
        // The first person's nose (seen) is a white dot with a core of the class colour.
        let k = DetectionResults.keypoints(Scene.person1, second: false)
        #expect(drawn[Int(k[0]), Int(k[1])] != scene[Int(k[0]), Int(k[1])])
        // Ultralytics: points below the keypoint confidence are left out, the rest drawn.
        let u = try Analysis(json: Data(try DetectionResults.ultralytics().utf8), source: "u")
        let low = try #require(u.regions[1].keypoints.first { ($0.confidence ?? 1) < 0.5 && $0.visibility != .absent })
        let layer = KeypointLayer(
            options: AnnotationOptions(), metrics: Metrics(width: 800, height: 520, scale: 1), engine: .shared,
            clip: Rect(scene.size))
        #expect(!layer.shown(low))
        #expect(layer.shown(Keypoint(point: .zero, visibility: .occluded)))
        #expect(!layer.shown(Keypoint(point: Point(x: .nan, y: 1))))
    }
}
