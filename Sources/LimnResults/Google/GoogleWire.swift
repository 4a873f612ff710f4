/// Google Cloud Vision `images:annotate`, as sent. Vertices drop zero-valued `x`/`y` (proto3
/// JSON), so both are optional and missing means 0; `normalizedVertices` are fractions.
enum GoogleVision {
    /// A batch (`responses[]`), or one response saved alone (what many tools write per picture).
    struct Batch: Decodable, Sendable, Equatable {
        var responses: [Response]?
        /// Whether the responses were at the top level.
        var unwrapped = false

        enum Key: String, CodingKey { case responses }
        init(from decoder: any Decoder) throws {
            let top = try decoder.container(keyedBy: Key.self)
            if top.contains(.responses) {
                responses = try top.decodeIfPresent([Response].self, forKey: .responses)
            } else {
                responses = [try Response(from: decoder)]
                unwrapped = true
            }
        }
    }

    struct Response: Decodable, Sendable, Equatable {
        var textAnnotations: [EntityAnnotation]?
        var labelAnnotations: [EntityAnnotation]?
        var logoAnnotations: [EntityAnnotation]?
        var landmarkAnnotations: [EntityAnnotation]?
        var localizedObjectAnnotations: [LocalizedObject]?
        var faceAnnotations: [Face]?
        var cropHintsAnnotation: CropHints?
        var fullTextAnnotation: FullText?
        var error: Status?

        enum CodingKeys: String, CodingKey {
            case textAnnotations, labelAnnotations, logoAnnotations, landmarkAnnotations, localizedObjectAnnotations
            case faceAnnotations, cropHintsAnnotation, fullTextAnnotation, error
        }

        /// The flat `textAnnotations` repeat every word of the hierarchy with its box: when the
        /// hierarchy holds words they are not decoded (what the mapping reads is the hierarchy).
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            fullTextAnnotation = try c.decodeIfPresent(FullText.self, forKey: .fullTextAnnotation)
            let hasWords =
                fullTextAnnotation?.pages?.first?.blocks?.contains { ($0.paragraphs ?? []).contains { !($0.words ?? []).isEmpty } }
                ?? false
            textAnnotations = hasWords ? nil : try c.decodeIfPresent([EntityAnnotation].self, forKey: .textAnnotations)
            labelAnnotations = try c.decodeIfPresent([EntityAnnotation].self, forKey: .labelAnnotations)
            logoAnnotations = try c.decodeIfPresent([EntityAnnotation].self, forKey: .logoAnnotations)
            landmarkAnnotations = try c.decodeIfPresent([EntityAnnotation].self, forKey: .landmarkAnnotations)
            localizedObjectAnnotations = try c.decodeIfPresent([LocalizedObject].self, forKey: .localizedObjectAnnotations)
            faceAnnotations = try c.decodeIfPresent([Face].self, forKey: .faceAnnotations)
            cropHintsAnnotation = try c.decodeIfPresent(CropHints.self, forKey: .cropHintsAnnotation)
            error = try c.decodeIfPresent(Status.self, forKey: .error)
        }
    }

    struct Vertex: Codable, Sendable, Equatable { var x: Double?; var y: Double? }
    struct BoundingPoly: Codable, Sendable, Equatable {
        var vertices: [Vertex]?
        var normalizedVertices: [Vertex]?
    }
    struct EntityAnnotation: Codable, Sendable, Equatable {
        var mid: String?
        var locale: String?
        var description: String?
        var score: Double?
        var confidence: Double?
        var topicality: Double?
        var boundingPoly: BoundingPoly?
    }
    struct LocalizedObject: Codable, Sendable, Equatable {
        var mid: String?
        var name: String?
        var score: Double?
        var boundingPoly: BoundingPoly?
    }
    struct Face: Codable, Sendable, Equatable {
        var boundingPoly: BoundingPoly?
        var fdBoundingPoly: BoundingPoly?
        var detectionConfidence: Double?
        var joyLikelihood: String?
        var rollAngle: Double?
        var landmarks: [Landmark]?
    }
    /// A face landmark: its type (`LEFT_EYE`, `NOSE_TIP`, …) and position in pixels (z is depth).
    struct Landmark: Codable, Sendable, Equatable {
        struct Position: Codable, Sendable, Equatable { var x: Double?; var y: Double?; var z: Double? }
        var type: String?
        var position: Position?
    }
    struct CropHints: Codable, Sendable, Equatable { var cropHints: [CropHint]? }
    struct CropHint: Codable, Sendable, Equatable {
        var boundingPoly: BoundingPoly?
        var confidence: Double?
        var importanceFraction: Double?
    }
    /// The text hierarchy: pages → blocks → paragraphs → words → symbols, each with a
    /// `boundingBox`; a symbol's `property.detectedBreak` says what follows it (a space, the
    /// end of a line, a hyphen).
    struct FullText: Codable, Sendable, Equatable {
        struct Page: Codable, Sendable, Equatable {
            var width: Double?
            var height: Double?
            var blocks: [Block]?
            var confidence: Double?
        }
        struct Block: Codable, Sendable, Equatable {
            var boundingBox: BoundingPoly?
            var paragraphs: [Paragraph]?
            var blockType: String?
            var confidence: Double?
        }
        struct Paragraph: Codable, Sendable, Equatable {
            var boundingBox: BoundingPoly?
            var words: [Word]?
            var confidence: Double?
        }
        struct Word: Codable, Sendable, Equatable {
            var boundingBox: BoundingPoly?
            var symbols: [Symbol]?
            var confidence: Double?
        }
        struct Symbol: Codable, Sendable, Equatable {
            var text: String?
            var property: Property?
            var confidence: Double?
        }
        struct Property: Codable, Sendable, Equatable { var detectedBreak: Break? }
        struct Break: Codable, Sendable, Equatable {
            var type: String?
            var isPrefix: Bool?
        }
        var text: String?
        var pages: [Page]?
    }
    struct Status: Codable, Sendable, Equatable { var code: Int?; var message: String? }
}
