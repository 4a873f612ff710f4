/// Ultralytics `Results.to_json()` (and `summary()`): one object per detection.
enum Ultralytics {
    struct Detection: Decodable, Sendable {
        var name: String?
        var `class`: Int?
        var confidence: Double?
        var box: Box?
        var segments: XY?
        var keypoints: Keypoints?
        var track_id: Int?
    }

    /// `{x1, y1, x2, y2}`, or an oriented box's four corners `{x1, y1, …, x4, y4}`.
    struct Box: Decodable, Sendable {
        var x1: Double, y1: Double, x2: Double, y2: Double
        var x3: Double?, y3: Double?, x4: Double?, y4: Double?
    }

    struct XY: Decodable, Sendable {
        var x: [Double]
        var y: [Double]
    }

    /// `{x: [], y: [], visible: []}` (to_json, summary), or a list of `[x, y]` / `[x, y, conf]`
    /// rows (`keypoints.data.tolist()`, which some servers return instead).
    struct Keypoints: Decodable, Sendable {
        var x: [Double]
        var y: [Double]
        var visible: [Double]?

        enum Key: String, CodingKey { case x, y, visible }
        init(from decoder: any Decoder) throws {
            if let c = try? decoder.container(keyedBy: Key.self) {
                x = try c.decode([Double].self, forKey: .x)
                y = try c.decode([Double].self, forKey: .y)
                visible = try c.decodeIfPresent([Double].self, forKey: .visible)
                return
            }
            let rows = try decoder.singleValueContainer().decode([[Double]].self)
            guard rows.allSatisfy({ $0.count == 2 || $0.count == 3 }) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "its rows are not [x, y] or [x, y, confidence]"))
            }
            x = rows.map { $0[0] }
            y = rows.map { $0[1] }
            visible = rows.allSatisfy { $0.count == 3 } ? rows.map { $0[2] } : nil
        }
    }

    /// The detections, bare (`to_json()`) or in `{"results": […]}` (what servers wrap them in).
    struct Body: Decodable, Sendable {
        var detections: [Detection]
        enum Key: String, CodingKey { case results }
        init(from decoder: any Decoder) throws {
            if let c = try? decoder.container(keyedBy: Key.self) {
                detections = try c.decode([Detection].self, forKey: .results)
            } else {
                detections = try decoder.singleValueContainer().decode([Detection].self)
            }
        }
    }
}
