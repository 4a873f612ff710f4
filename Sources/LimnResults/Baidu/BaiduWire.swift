/// Baidu AI responses, as sent: segmentation and matting (`body_seg`, `segment`), OCR
/// (`general`, `accurate`, with or without location), and `object_detect`. Errors come as
/// `error_code` and `error_msg` in the same object.
public enum Baidu {
    /// Baidu's request id: a number in most APIs (often beyond 2^53), a string in some.
    public enum LogID: Codable, Sendable, Equatable {
        case number(UInt64)
        case text(String)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(UInt64.self) { self = .number(n); return }
            if let d = try? c.decode(Double.self), d.isFinite, d >= 0, d < 1.8e19 { self = .number(UInt64(d)); return }
            self = .text(try c.decode(String.self))
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(n)
            case .text(let s): try c.encode(s)
            }
        }
    }

    public struct Response: Codable, Sendable, Equatable {
        public var log_id: LogID?
        public var error_code: Int?
        public var error_msg: String?
        // Segmentation and matting: base64 PNGs.
        public var labelmap: String?
        public var scoremap: String?
        public var foreground: String?
        public var image: String?
        public var person_num: Int?
        public var person_info: [Person]?
        // OCR.
        public var words_result_num: Int?
        public var words_result: [Words]?
        public var direction: Int?
        // object_detect.
        public var result: Location?
    }

    public struct Location: Codable, Sendable, Equatable {
        public var left: Double; public var top: Double; public var width: Double; public var height: Double
    }
    public struct Vertex: Codable, Sendable, Equatable { public var x: Double; public var y: Double }
    public struct Probability: Codable, Sendable, Equatable { public var average: Double?; public var variance: Double?; public var min: Double? }
    public struct Words: Codable, Sendable, Equatable {
        public var words: String?
        public var location: Location?
        /// Four corners, present with `vertexes_location=true`.
        public var vertexes_location: [Vertex]?
        public var probability: Probability?
    }
    public struct Person: Codable, Sendable, Equatable {
        public var left: Double?; public var top: Double?; public var width: Double?; public var height: Double?
        public var score: Double?
    }
}
