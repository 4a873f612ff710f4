/// Google Cloud Vision `images:annotate`, as sent. Vertices drop zero-valued `x`/`y` (proto3
/// JSON), so both are optional and missing means 0; `normalizedVertices` are fractions.
public enum GoogleVision {
    public struct Batch: Codable, Sendable, Equatable { public var responses: [Response]? }

    public struct Response: Codable, Sendable, Equatable {
        public var textAnnotations: [EntityAnnotation]?
        public var labelAnnotations: [EntityAnnotation]?
        public var logoAnnotations: [EntityAnnotation]?
        public var landmarkAnnotations: [EntityAnnotation]?
        public var localizedObjectAnnotations: [LocalizedObject]?
        public var faceAnnotations: [Face]?
        public var cropHintsAnnotation: CropHints?
        public var fullTextAnnotation: FullText?
        public var error: Status?
    }

    public struct Vertex: Codable, Sendable, Equatable { public var x: Double?; public var y: Double? }
    public struct BoundingPoly: Codable, Sendable, Equatable {
        public var vertices: [Vertex]?
        public var normalizedVertices: [Vertex]?
    }
    public struct EntityAnnotation: Codable, Sendable, Equatable {
        public var mid: String?
        public var locale: String?
        public var description: String?
        public var score: Double?
        public var confidence: Double?
        public var topicality: Double?
        public var boundingPoly: BoundingPoly?
    }
    public struct LocalizedObject: Codable, Sendable, Equatable {
        public var mid: String?
        public var name: String?
        public var score: Double?
        public var boundingPoly: BoundingPoly?
    }
    public struct Face: Codable, Sendable, Equatable {
        public var boundingPoly: BoundingPoly?
        public var fdBoundingPoly: BoundingPoly?
        public var detectionConfidence: Double?
        public var joyLikelihood: String?
        public var rollAngle: Double?
    }
    public struct CropHints: Codable, Sendable, Equatable { public var cropHints: [CropHint]? }
    public struct CropHint: Codable, Sendable, Equatable {
        public var boundingPoly: BoundingPoly?
        public var confidence: Double?
        public var importanceFraction: Double?
    }
    public struct FullText: Codable, Sendable, Equatable {
        public struct Page: Codable, Sendable, Equatable { public var width: Double?; public var height: Double? }
        public var text: String?
        public var pages: [Page]?
    }
    public struct Status: Codable, Sendable, Equatable { public var code: Int?; public var message: String? }
}
