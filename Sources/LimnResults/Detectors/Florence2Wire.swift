/// Florence-2's post-processed answers: `{"<TASK>": answer, …}`, an answer being a string
/// (captions, `<OCR>`) or an object of parallel arrays (`bboxes` + `labels`, `quad_boxes` +
/// `labels`, `polygons` + `labels`, `bboxes_labels`, `polygons_labels`).
enum Florence2 {
    enum Answer: Decodable, Sendable {
        case text(String)
        case regions(Regions)
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) } else { self = .regions(try c.decode(Regions.self)) }
        }
    }

    struct Regions: Decodable, Sendable {
        var bboxes: [[Double]]?
        var labels: [String]?
        var bboxes_labels: [String]?
        var quad_boxes: [[Double]]?
        /// Instance → its polygons → a flat `[x, y, x, y, …]` list.
        var polygons: [[[Double]]]?
        var polygons_labels: [String]?
    }

    struct Body: Decodable, Sendable {
        var answers: [(task: String, answer: Answer)]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            var out: [(String, Answer)] = []
            for key in c.allKeys where key.stringValue.hasPrefix("<") {
                out.append((key.stringValue, try c.decode(Answer.self, forKey: key)))
            }
            // JSON objects have no order; the tasks are read in a fixed one.
            answers = out.sorted { $0.0 < $1.0 }
        }
    }
}
