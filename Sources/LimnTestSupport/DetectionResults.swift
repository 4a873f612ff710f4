import Foundation
import LimnRaster
import LimnResults

/// Detector results of the street scene (``Scene``), written from its geometry the way each
/// model's users save them: a COCO annotation file (polygons, a run-length mask with a hole,
/// keypoints with every visibility, a 1-based skeleton), Ultralytics `to_json`, Florence-2 and
/// YOLO labels. The tests, the generator (TestImages/detections) and the README use these.
public enum DetectionResults {
    /// The car's outline: its cabin and body, as a polygon.
    public static var carOutline: [Point] {
        let c = Scene.car
        return [
            Point(x: c.minX + 58, y: c.minY + 2), Point(x: c.minX + 182, y: c.minY + 2), Point(x: c.minX + 196, y: c.minY + 40),
            Point(x: c.maxX - 12, y: c.minY + 46), Point(x: c.maxX, y: c.minY + 70), Point(x: c.maxX - 4, y: c.maxY - 8),
            Point(x: c.minX + 4, y: c.maxY - 8), Point(x: c.minX, y: c.minY + 70), Point(x: c.minX + 12, y: c.minY + 46),
            Point(x: c.minX + 44, y: c.minY + 40),
        ]
    }

    /// A person's outline inside its box: head, shoulders, legs.
    public static func personOutline(_ r: Rect) -> [Point] {
        let cx = r.center.x, w = r.width
        return [
            Point(x: cx - w * 0.2, y: r.minY), Point(x: cx + w * 0.2, y: r.minY), Point(x: cx + w * 0.5, y: r.minY + r.height * 0.3),
            Point(x: cx + w * 0.3, y: r.maxY), Point(x: cx, y: r.minY + r.height * 0.62), Point(x: cx - w * 0.3, y: r.maxY),
            Point(x: cx - w * 0.5, y: r.minY + r.height * 0.3),
        ]
    }

    /// COCO's 17 keypoints for a person box, `(x, y, v)`: the ears of the first person hidden
    /// (v = 1), the second person's ankles unlabelled (v = 0) at a placeholder far from them.
    public static func keypoints(_ r: Rect, second: Bool) -> [Double] {
        let cx = r.center.x, w = r.width, h = r.height, y0 = r.minY
        let points: [(Double, Double)] = [
            (cx, y0 + h * 0.08), (cx - w * 0.12, y0 + h * 0.06), (cx + w * 0.12, y0 + h * 0.06), (cx - w * 0.24, y0 + h * 0.08),
            (cx + w * 0.24, y0 + h * 0.08), (cx - w * 0.4, y0 + h * 0.25), (cx + w * 0.4, y0 + h * 0.25), (cx - w * 0.48, y0 + h * 0.42),
            (cx + w * 0.48, y0 + h * 0.42), (cx - w * 0.5, y0 + h * 0.56), (cx + w * 0.5, y0 + h * 0.56), (cx - w * 0.2, y0 + h * 0.6),
            (cx + w * 0.2, y0 + h * 0.6), (cx - w * 0.24, y0 + h * 0.8), (cx + w * 0.24, y0 + h * 0.8), (cx - w * 0.28, y0 + h * 0.98),
            (cx + w * 0.28, y0 + h * 0.98),
        ]
        var out: [Double] = []
        for (j, p) in points.enumerated() {
            if second && j >= 15 {
                out += [placeholder.x, placeholder.y, 0]
            } else {
                out += [rounded(p.0), rounded(p.1), !second && (j == 3 || j == 4) ? 1 : 2]
            }
        }
        return out
    }

    /// Where the second person's unlabelled ankles claim to be: on the empty road.
    public static let placeholder = Point(x: 330, y: 420)

    /// The building's mask: its wall with the door cut out, as column-major runs.
    public static func buildingRuns() -> [Int] {
        let size = Scene.size
        var counts: [Int] = [], current = false, run = 0
        for x in 0..<size.width {
            for y in 0..<size.height {
                let p = Point.center(ofPixelAt: x, y)
                let inside = Scene.building.contains(p) && !Scene.door.contains(p)
                if inside != current { counts.append(run); run = 0; current.toggle() }
                run += 1
            }
        }
        counts.append(run)
        return counts
    }

    static func rounded(_ v: Double) -> Double { (v * 100).rounded() / 100 }
    static func flat(_ p: [Point]) -> [Double] { p.flatMap { [rounded($0.x), rounded($0.y)] } }
    static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A COCO annotation file of the scene and one other picture (so that choosing matters).
    public static func coco() throws -> String {
        let s = Scene.size
        func bbox(_ r: Rect) -> [Double] { [r.minX, r.minY, r.width, r.height] }
        let carBox = Rect(bounding: carOutline)!
        let annotations: [[String: Any]] = [
            [
                "id": 1, "image_id": 7, "category_id": 3, "bbox": bbox(carBox), "area": 30000, "iscrowd": 0,
                "segmentation": [flat(carOutline)],
            ],
            [
                "id": 2, "image_id": 7, "category_id": 1, "bbox": bbox(Scene.person1), "iscrowd": 0, "num_keypoints": 17,
                "segmentation": [flat(personOutline(Scene.person1))], "keypoints": keypoints(Scene.person1, second: false),
            ],
            [
                "id": 3, "image_id": 7, "category_id": 1, "bbox": bbox(Scene.person2), "iscrowd": 0, "num_keypoints": 15,
                "segmentation": [flat(personOutline(Scene.person2))], "keypoints": keypoints(Scene.person2, second: true),
            ],
            [
                "id": 4, "image_id": 7, "category_id": 9, "bbox": bbox(Scene.building), "iscrowd": 1,
                "segmentation": ["size": [s.height, s.width], "counts": RunLengthMask(size: s, counts: buildingRuns())!.compressed],
            ],
            ["id": 5, "image_id": 8, "category_id": 3, "bbox": [1, 1, 5, 5], "iscrowd": 0, "segmentation": [[1, 1, 6, 1, 6, 6]]],
        ]
        return try json([
            "images": [
                ["id": 7, "file_name": "street.png", "width": s.width, "height": s.height],
                ["id": 8, "file_name": "other.jpg", "width": 10, "height": 10],
            ],
            "categories": [
                [
                    "id": 1, "name": "person", "supercategory": "person",
                    "keypoints": [
                        "nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder", "left_elbow",
                        "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle",
                        "right_ankle",
                    ],
                    "skeleton": [
                        [16, 14], [14, 12], [17, 15], [15, 13], [12, 13], [6, 12], [7, 13], [6, 7], [6, 8], [7, 9], [8, 10], [9, 11],
                        [2, 3], [1, 2], [1, 3], [2, 4], [3, 5], [4, 6], [5, 7],
                    ],
                ],
                ["id": 3, "name": "car", "supercategory": "vehicle"],
                ["id": 9, "name": "building", "supercategory": "outdoor"],
            ],
            "annotations": annotations,
        ])
    }

    /// Ultralytics `to_json()` of a segmentation and a pose model on the scene.
    public static func ultralytics() throws -> String {
        func box(_ r: Rect) -> [String: Double] { ["x1": r.minX, "y1": r.minY, "x2": r.maxX, "y2": r.maxY] }
        func xy(_ p: [Point]) -> [String: [Double]] { ["x": p.map { rounded($0.x) }, "y": p.map { rounded($0.y) }] }
        func pose(_ r: Rect, second: Bool) -> [String: [Double]] {
            let k = keypoints(r, second: second)
            let x = stride(from: 0, to: k.count, by: 3).map { k[$0 + 2] == 0 ? 0 : k[$0] }
            let y = stride(from: 1, to: k.count, by: 3).map { k[$0 + 1] == 0 ? 0 : k[$0] }
            let v = stride(from: 2, to: k.count, by: 3).map { k[$0] == 2 ? 0.93 : k[$0] == 1 ? 0.31 : 0.02 }
            return ["x": x, "y": y, "visible": v]
        }
        return try json([
            ["name": "car", "class": 2, "confidence": 0.91, "box": box(Rect(bounding: carOutline)!), "segments": xy(carOutline)],
            [
                "name": "person", "class": 0, "confidence": 0.88, "box": box(Scene.person1), "segments": xy(personOutline(Scene.person1)),
                "keypoints": pose(Scene.person1, second: false),
            ],
            [
                "name": "person", "class": 0, "confidence": 0.84, "box": box(Scene.person2), "segments": xy(personOutline(Scene.person2)),
                "keypoints": pose(Scene.person2, second: true),
            ],
        ])
    }

    /// Florence-2's `<OD>` and `<REFERRING_EXPRESSION_SEGMENTATION>` ("the car") on the scene, in
    /// integer pixels as the transformers processor gives them.
    public static func florence2() throws -> String {
        func ints(_ r: Rect) -> [Int] { [Int(r.minX), Int(r.minY), Int(r.maxX), Int(r.maxY)] }
        return try json([
            "<OD>": [
                "bboxes": [ints(Scene.car), ints(Scene.building), ints(Scene.person1), ints(Scene.person2)],
                "labels": ["car", "building", "person", "person"],
            ],
            "<REFERRING_EXPRESSION_SEGMENTATION>": ["polygons": [[carOutline.flatMap { [Int($0.x), Int($0.y)] }]], "labels": [""]],
        ])
    }

    /// YOLO labels of the scene: the car as a polygon, the people as poses, the banner as a box.
    public static func yolo() -> String {
        let s = Scene.size
        func n(_ v: Double, _ side: Int) -> String { String(format: "%.6f", v / Double(side)) }
        func xy(_ p: Point) -> String { "\(n(p.x, s.width)) \(n(p.y, s.height))" }
        func box(_ r: Rect) -> String { "\(xy(r.center)) \(n(r.width, s.width)) \(n(r.height, s.height))" }
        var lines = ["2 " + carOutline.map(xy).joined(separator: " ")]
        for (r, second) in [(Scene.person1, false), (Scene.person2, true)] {
            let k = keypoints(r, second: second)
            let points = stride(from: 0, to: k.count, by: 3).map { "\(xy(Point(x: k[$0], y: k[$0 + 1]))) \(Int(k[$0 + 2]))" }
            lines.append("0 \(box(r)) " + points.joined(separator: " "))
        }
        lines.append("5 \(box(Scene.banner))")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension DetectionResults {
    /// The scene's class map at its size: 1 the building (its door cut out), 2 the car, 3 the
    /// people; 0 elsewhere.
    public static func labelMap() throws -> Mask {
        var map = Mask(width: Scene.size.width, height: Scene.size.height)
        // Hard edges, as a segmenter's argmax gives: each class filled alone, taken where it
        // covers at least half a pixel, later classes over earlier ones.
        let classes: [(UInt8, [Path])] = [
            (1, [.rectangle(Scene.building)]), (2, [.polygon(carOutline)]),
            (3, [Scene.person1, Scene.person2].map { .polygon(personOutline($0)) }),
        ]
        for (value, paths) in classes {
            let coverage = try Mask(size: Scene.size, paths: paths)
            for y in 0..<map.height { for x in 0..<map.width where coverage[x, y] >= 128 { map[x, y] = value } }
        }
        for y in Int(Scene.door.minY)..<Int(Scene.door.maxY) {
            for x in Int(Scene.door.minX)..<Int(Scene.door.maxX) where map[x, y] == 1 { map[x, y] = 0 }
        }
        return map
    }

    /// Per-instance mask pictures of the scene, as a segmenter writes them: `car_0`, `person_0`,
    /// `person_1`, `building_0` (with the door cut out).
    public static func instanceMasks() throws -> [(name: String, mask: Mask)] {
        func mask(_ path: Path) throws -> Mask { try Mask(size: Scene.size, paths: [path]) }
        var building = try mask(.rectangle(Scene.building))
        for y in Int(Scene.door.minY)..<Int(Scene.door.maxY) { for x in Int(Scene.door.minX)..<Int(Scene.door.maxX) { building[x, y] = 0 } }
        return [
            ("building_0", building), ("car_0", try mask(.polygon(carOutline))),
            ("person_0", try mask(.polygon(personOutline(Scene.person1)))), ("person_1", try mask(.polygon(personOutline(Scene.person2)))),
        ]
    }
}
