import Foundation
import Limn

/// T11's input: the 4000x3000 synthetic JPEG with a COCO annotation file of 100 instance masks
/// (compressed run-length, as Mask R-CNN and SAM pipelines save them) of 10 classes, half of
/// them named in other scripts (人, 自転車, кошка, كلب, …). Written once into the inputs folder
/// as `coco_masks_4000x3000.json`, so the peers draw the very same masks. Deterministic.
public enum MaskInputs {
    public static let file = "coco_masks_4000x3000.json"
    public static let classes = [
        "person 人", "bicycle 自転車", "car", "cat кошка", "dog كلب", "bench", "bird 鳥", "traffic light", "tree 나무", "umbrella",
    ]

    public static func make(_ inputs: BenchInputs) throws -> AnnotateInput {
        let path = inputs.path(file)
        if !FileManager.default.fileExists(atPath: path) {
            try AtomicFile.write(Array(try generate(width: 4000, height: 3000).utf8), to: path)
        }
        return AnnotateInput(
            picture: try inputs.bytes("synth_4000x3000_q90.jpg"), json: Data(try inputs.bytes(file)),
            description: "4000x3000 JPEG, 100 COCO run-length masks of 10 classes")
    }

    static func generate(width: Int, height: Int) throws -> String {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var annotations: [[String: Any]] = []
        for i in 0..<100 {
            // A lobed blob: 24 vertices around a center, radius jittered.
            let radius = 60 + next() * 420
            let cx = radius + next() * (Double(width) - 2 * radius), cy = radius + next() * (Double(height) - 2 * radius)
            let lobes = 2 + Int(next() * 4), phase = next() * 6.28
            var points: [Point] = []
            for k in 0..<24 {
                let t = Double(k) / 24 * 2 * Double.pi
                let r = radius * (0.7 + 0.25 * sin(Double(lobes) * t + phase) + 0.05 * next())
                points.append(Point(x: cx + r * cos(t), y: cy + r * sin(t)))
            }
            let box = Rect(bounding: points)!
            let x0 = max(0, Int(box.minX)), y0 = max(0, Int(box.minY))
            let x1 = min(width, Int(box.maxX.rounded(.up))), y1 = min(height, Int(box.maxY.rounded(.up)))
            var mask = Mask(width: x1 - x0, height: y1 - y0)
            try mask.fill(Path.polygon(points).applying(.translation(x: -Double(x0), y: -Double(y0))))
            // Column-major runs over the whole picture, background first.
            var counts: [Int] = [], run = 0, current = false
            func add(_ inside: Bool, _ n: Int) {
                if inside != current { counts.append(run); run = 0; current = inside }
                run += n
            }
            add(false, x0 * height)
            var area = 0
            for x in x0..<x1 {
                add(false, y0)
                for y in y0..<y1 {
                    let on = mask[x - x0, y - y0] >= 128
                    if on { area += 1 }
                    add(on, 1)
                }
                add(false, height - y1)
            }
            add(false, (width - x1) * height)
            counts.append(run)
            annotations.append([
                "id": i + 1, "image_id": 1, "category_id": 1 + i % classes.count, "iscrowd": 0, "area": area, "score": 0.5 + next() / 2,
                "bbox": [box.minX, box.minY, box.width, box.height],
                "segmentation": [
                    "size": [height, width], "counts": RunLengthMask(size: Size(width: width, height: height), counts: counts)!.compressed,
                ],
            ])
        }
        let object: [String: Any] = [
            "images": [["id": 1, "file_name": "synth_4000x3000_q90.jpg", "width": width, "height": height]],
            "categories": classes.enumerated().map { ["id": $0.offset + 1, "name": $0.element] },
            "annotations": annotations,
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
