/// Google Cloud Vision `images:annotate`, as sent. Vertices drop zero-valued `x`/`y` (proto3
/// JSON), so both are optional and missing means 0; `normalizedVertices` are fractions.
enum GoogleVision {
    struct Batch: Codable, Sendable, Equatable { var responses: [Response]? }

    struct Response: Codable, Sendable, Equatable {
        var textAnnotations: [EntityAnnotation]?
        var labelAnnotations: [EntityAnnotation]?
        var logoAnnotations: [EntityAnnotation]?
        var landmarkAnnotations: [EntityAnnotation]?
        var localizedObjectAnnotations: [LocalizedObject]?
        var faceAnnotations: [Face]?
        var cropHintsAnnotation: CropHints?
        var fullTextAnnotation: FullText?
        var error: Status?
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
    }
    struct CropHints: Codable, Sendable, Equatable { var cropHints: [CropHint]? }
    struct CropHint: Codable, Sendable, Equatable {
        var boundingPoly: BoundingPoly?
        var confidence: Double?
        var importanceFraction: Double?
    }
    struct FullText: Codable, Sendable, Equatable {
        struct Page: Codable, Sendable, Equatable { var width: Double?; var height: Double? }
        var text: String?
        var pages: [Page]?
    }
    struct Status: Codable, Sendable, Equatable { var code: Int?; var message: String? }
}
