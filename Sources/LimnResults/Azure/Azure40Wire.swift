/// Azure AI Vision Image Analysis 4.0, as sent: the GA `2023-10-01` body and the
/// `2023-02-01-preview` additions, field for field (names as in the REST API). Every part is
/// optional, as every feature is; unknown keys are ignored.
public enum Azure40 {
    public struct Response: Codable, Sendable, Equatable {
        public var modelVersion: String?
        public var metadata: Metadata?
        public var captionResult: Caption?
        public var denseCaptionsResult: Values<Caption>?
        public var tagsResult: Values<Tag>?
        public var objectsResult: Values<Object>?
        public var peopleResult: Values<Person>?
        public var smartCropsResult: Values<Crop>?
        public var readResult: ReadResult?
        /// Preview only.
        public var customModelResult: CustomModelResult?
        /// Preview only.
        public var adultResult: AdultResult?
    }

    public struct Metadata: Codable, Sendable, Equatable { public var width: Double; public var height: Double }
    public struct Values<T: Codable & Sendable & Equatable>: Codable, Sendable, Equatable { public var values: [T]? }
    public struct Box: Codable, Sendable, Equatable { public var x: Double; public var y: Double; public var w: Double; public var h: Double }
    public struct Point: Codable, Sendable, Equatable { public var x: Double; public var y: Double }
    public struct Caption: Codable, Sendable, Equatable { public var text: String?; public var confidence: Double?; public var boundingBox: Box? }
    public struct Tag: Codable, Sendable, Equatable { public var name: String?; public var confidence: Double? }
    public struct Object: Codable, Sendable, Equatable {
        public var boundingBox: Box?
        public var tags: [Tag]?
        /// Not GA: a documentation example flattens the best tag into the object.
        public var name: String?
        public var confidence: Double?
    }
    public struct Person: Codable, Sendable, Equatable { public var boundingBox: Box?; public var confidence: Double? }
    public struct Crop: Codable, Sendable, Equatable { public var aspectRatio: Double?; public var boundingBox: Box? }

    /// GA: `blocks[].lines[].words[]` with polygons. Preview: `content` and `pages[]` whose
    /// words and lines carry 8-number boxes and spans into `content`.
    public struct ReadResult: Codable, Sendable, Equatable {
        public var blocks: [Block]?
        public var content: String?
        public var pages: [Page]?
    }
    public struct Block: Codable, Sendable, Equatable { public var lines: [Line]? }
    public struct Line: Codable, Sendable, Equatable {
        public var text: String?
        public var boundingPolygon: [Point]?
        public var words: [Word]?
        /// Preview.
        public var content: String?
        public var boundingBox: [Double]?
        public var spans: [Span]?
    }
    public struct Word: Codable, Sendable, Equatable {
        public var text: String?
        public var boundingPolygon: [Point]?
        public var confidence: Double?
        /// Preview.
        public var content: String?
        public var boundingBox: [Double]?
        public var span: Span?
    }
    public struct Span: Codable, Sendable, Equatable { public var offset: Int; public var length: Int }
    public struct Page: Codable, Sendable, Equatable {
        public var height: Double?
        public var width: Double?
        public var angle: Double?
        public var pageNumber: Int?
        public var words: [Word]?
        public var lines: [Line]?
        public var spans: [Span]?
    }
    public struct CustomModelResult: Codable, Sendable, Equatable {
        public var objectsResult: Values<Object>?
        public var tagsResult: Values<Tag>?
    }
    public struct AdultResult: Codable, Sendable, Equatable {
        public var isAdult: Bool?
        public var isRacy: Bool?
        public var isGory: Bool?
        public var adultScore: Double?
        public var racyScore: Double?
        public var goreScore: Double?
    }

    /// The body of an error response (any Azure vision API).
    public struct ErrorResponse: Codable, Sendable, Equatable {
        public struct Detail: Codable, Sendable, Equatable {
            public var code: String?
            public var message: String?
            public var innererror: Inner?
        }
        public struct Inner: Codable, Sendable, Equatable { public var code: String?; public var message: String? }
        public var error: Detail
    }
}
