/// COCO's JSON: results files (a detector's output for many pictures) and annotation files
/// (a dataset: pictures, annotations, categories).
enum COCO {
    /// An id that is a number in COCO itself and a string in some tools' exports.
    struct ID: Decodable, Hashable, Sendable {
        var text: String
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) {
                text = String(n)
            } else {
                text = try c.decode(String.self)
            }
        }
    }

    /// Polygons (`[[x, y, x, y, …], …]`), or a run-length mask (`{size: [h, w], counts}`,
    /// `counts` compressed as a string or plain as numbers).
    enum Segmentation: Decodable, Sendable {
        case polygons([[Double]])
        case runLength(height: Double, width: Double, counts: Counts)

        enum Counts: Decodable, Sendable {
            case compressed(String)
            case runs([Int])
            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let s = try? c.decode(String.self) { self = .compressed(s) } else { self = .runs(try c.decode([Int].self)) }
            }
        }

        enum Key: String, CodingKey { case size, counts }
        init(from decoder: any Decoder) throws {
            if let c = try? decoder.container(keyedBy: Key.self) {
                let size = try c.decode([Double].self, forKey: .size)
                guard size.count == 2 else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .size, in: c, debugDescription: "it holds \(size.count) numbers; expected [height, width]")
                }
                self = .runLength(height: size[0], width: size[1], counts: try c.decode(Counts.self, forKey: .counts))
            } else {
                self = .polygons(try decoder.singleValueContainer().decode([[Double]].self))
            }
        }
    }

    /// One detection of a results file, or one annotation of an annotation file.
    struct Annotation: Decodable, Sendable {
        var image_id: ID
        var category_id: Int?
        var bbox: [Double]?
        var score: Double?
        var segmentation: Segmentation?
        var keypoints: [Double]?
    }

    struct Picture: Decodable, Sendable {
        var id: ID
        var file_name: String?
        var width: Double?
        var height: Double?
    }

    struct Category: Decodable, Sendable {
        var id: Int
        var name: String
        var keypoints: [String]?
        var skeleton: [[Int]]?
    }

    struct Dataset: Decodable, Sendable {
        var images: [Picture]
        var annotations: [Annotation]?
        var categories: [Category]?
    }

    /// The 80 categories of COCO detection, by their `category_id` (1…90 with gaps): what a
    /// results file means when it comes without its annotation file.
    static let detectionNames: [Int: String] = {
        let names = [
            "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat", "traffic light",
            "fire hydrant", "", "stop sign", "parking meter", "bench", "bird", "cat", "dog", "horse", "sheep", "cow",
            "elephant", "bear", "zebra", "giraffe", "", "backpack", "umbrella", "", "", "handbag", "tie", "suitcase",
            "frisbee", "skis", "snowboard", "sports ball", "kite", "baseball bat", "baseball glove", "skateboard",
            "surfboard", "tennis racket", "bottle", "", "wine glass", "cup", "fork", "knife", "spoon", "bowl", "banana",
            "apple", "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza", "donut", "cake", "chair", "couch",
            "potted plant", "bed", "", "dining table", "", "", "toilet", "", "tv", "laptop", "mouse", "remote",
            "keyboard", "cell phone", "microwave", "oven", "toaster", "sink", "refrigerator", "", "book", "clock",
            "vase", "scissors", "teddy bear", "hair drier", "toothbrush",
        ]
        var out: [Int: String] = [:]
        for (i, name) in names.enumerated() where !name.isEmpty { out[i + 1] = name }
        return out
    }()
}
