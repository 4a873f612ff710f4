/// Azure AI Vision Image Analysis 4.0, as sent: the GA `2023-10-01` body and the
/// `2023-02-01-preview` additions, field for field (names as in the REST API). Every part is
/// optional, as every feature is; unknown keys are ignored.
enum Azure40 {
    struct Response: Codable, Sendable, Equatable {
        var modelVersion: String?
        var metadata: Metadata?
        var captionResult: Caption?
        var denseCaptionsResult: Values<Caption>?
        var tagsResult: Values<Tag>?
        var objectsResult: Values<Object>?
        var peopleResult: Values<Person>?
        var smartCropsResult: Values<Crop>?
        var readResult: ReadResult?
        /// Preview only.
        var customModelResult: CustomModelResult?
        /// Preview only.
        var adultResult: AdultResult?
    }

    struct Metadata: Codable, Sendable, Equatable { var width: Double; var height: Double }
    struct Values<T: Codable & Sendable & Equatable>: Codable, Sendable, Equatable { var values: [T]? }
    struct Box: Codable, Sendable, Equatable { var x: Double; var y: Double; var w: Double; var h: Double }
    struct Point: Codable, Sendable, Equatable { var x: Double; var y: Double }
    struct Caption: Codable, Sendable, Equatable { var text: String?; var confidence: Double?; var boundingBox: Box? }
    struct Tag: Codable, Sendable, Equatable { var name: String?; var confidence: Double? }
    struct Object: Codable, Sendable, Equatable {
        var boundingBox: Box?
        var tags: [Tag]?
        /// Not GA: a documentation example flattens the best tag into the object.
        var name: String?
        var confidence: Double?
    }
    struct Person: Codable, Sendable, Equatable { var boundingBox: Box?; var confidence: Double? }
    struct Crop: Codable, Sendable, Equatable { var aspectRatio: Double?; var boundingBox: Box? }

    /// GA: `blocks[].lines[].words[]` with polygons. Preview: `content` and `pages[]` whose
    /// words and lines carry 8-number boxes and spans into `content`.
    struct ReadResult: Codable, Sendable, Equatable {
        var blocks: [Block]?
        var content: String?
        var pages: [Page]?
    }
    struct Block: Codable, Sendable, Equatable { var lines: [Line]? }
    struct Line: Codable, Sendable, Equatable {
        var text: String?
        var boundingPolygon: [Point]?
        var words: [Word]?
        /// Preview.
        var content: String?
        var boundingBox: [Double]?
        var spans: [Span]?
    }
    struct Word: Codable, Sendable, Equatable {
        var text: String?
        var boundingPolygon: [Point]?
        var confidence: Double?
        /// Preview.
        var content: String?
        var boundingBox: [Double]?
        var span: Span?
    }
    struct Span: Codable, Sendable, Equatable { var offset: Int; var length: Int }
    struct Page: Codable, Sendable, Equatable {
        var height: Double?
        var width: Double?
        var angle: Double?
        var pageNumber: Int?
        var words: [Word]?
        var lines: [Line]?
        var spans: [Span]?
    }
    struct CustomModelResult: Codable, Sendable, Equatable {
        var objectsResult: Values<Object>?
        var tagsResult: Values<Tag>?
    }
    struct AdultResult: Codable, Sendable, Equatable {
        var isAdult: Bool?
        var isRacy: Bool?
        var isGory: Bool?
        var adultScore: Double?
        var racyScore: Double?
        var goreScore: Double?
    }

    /// The body of an error response (any Azure vision API).
    struct ErrorResponse: Codable, Sendable, Equatable {
        struct Detail: Codable, Sendable, Equatable {
            var code: String?
            var message: String?
            var innererror: Inner?
        }
        struct Inner: Codable, Sendable, Equatable { var code: String?; var message: String? }
        var error: Detail
    }
}
