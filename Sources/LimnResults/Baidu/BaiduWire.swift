/// Baidu AI responses, as sent: segmentation and matting (`body_seg`, `segment`), OCR
/// (`general`, `accurate`, with or without location), and `object_detect`. Errors come as
/// `error_code` and `error_msg` in the same object.
enum Baidu {
    /// Baidu's request id: a number in most APIs (often beyond 2^53), a string in some.
    enum LogID: Codable, Sendable, Equatable {
        case number(UInt64)
        case text(String)

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(UInt64.self) { self = .number(n); return }
            if let d = try? c.decode(Double.self), d.isFinite, d >= 0, d < 1.8e19 { self = .number(UInt64(d)); return }
            self = .text(try c.decode(String.self))
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(n)
            case .text(let s): try c.encode(s)
            }
        }
    }

    struct Response: Codable, Sendable, Equatable {
        var log_id: LogID?
        var error_code: Int?
        var error_msg: String?
        // Segmentation and matting: base64 PNGs.
        var labelmap: String?
        var scoremap: String?
        var foreground: String?
        var image: String?
        var person_num: Int?
        var person_info: [Person]?
        // OCR.
        var words_result_num: Int?
        var words_result: [Words]?
        var direction: Int?
        // object_detect.
        var result: Location?
    }

    struct Location: Codable, Sendable, Equatable {
        var left: Double; var top: Double; var width: Double; var height: Double
    }
    struct Vertex: Codable, Sendable, Equatable { var x: Double; var y: Double }
    struct Probability: Codable, Sendable, Equatable { var average: Double?; var variance: Double?; var min: Double? }
    struct Words: Codable, Sendable, Equatable {
        var words: String?
        var location: Location?
        /// Four corners, present with `vertexes_location=true`.
        var vertexes_location: [Vertex]?
        var probability: Probability?
    }
    struct Person: Codable, Sendable, Equatable {
        var left: Double?; var top: Double?; var width: Double?; var height: Double?
        var score: Double?
    }
}
