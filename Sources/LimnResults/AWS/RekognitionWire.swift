/// AWS Rekognition responses, as sent (PascalCase). Boxes are fractions of the image's width
/// and height; confidences are 0–100.
public enum Rekognition {
    public struct BoundingBox: Codable, Sendable, Equatable {
        public var Width: Double?; public var Height: Double?; public var Left: Double?; public var Top: Double?
    }
    public struct Point: Codable, Sendable, Equatable { public var X: Double?; public var Y: Double? }
    public struct Geometry: Codable, Sendable, Equatable { public var BoundingBox: BoundingBox?; public var Polygon: [Point]? }

    public struct DetectLabels: Codable, Sendable, Equatable {
        public var Labels: [Label]?
        public var LabelModelVersion: String?
        public var OrientationCorrection: String?
    }
    public struct Label: Codable, Sendable, Equatable {
        public var Name: String?
        public var Confidence: Double?
        public var Instances: [Instance]?
        public var Parents: [NamedParent]?
    }
    public struct Instance: Codable, Sendable, Equatable { public var BoundingBox: BoundingBox?; public var Confidence: Double? }
    public struct NamedParent: Codable, Sendable, Equatable { public var Name: String? }

    public struct DetectText: Codable, Sendable, Equatable {
        public var TextDetections: [TextDetection]?
        public var TextModelVersion: String?
    }
    public struct TextDetection: Codable, Sendable, Equatable {
        public var DetectedText: String?
        /// "LINE" or "WORD".
        public var `Type`: String?
        public var Id: Int?
        public var ParentId: Int?
        public var Confidence: Double?
        public var Geometry: Geometry?
    }

    public struct DetectFaces: Codable, Sendable, Equatable {
        public var FaceDetails: [FaceDetail]?
        public var OrientationCorrection: String?
    }
    public struct FaceDetail: Codable, Sendable, Equatable { public var BoundingBox: BoundingBox?; public var Confidence: Double? }

    public struct RecognizeCelebrities: Codable, Sendable, Equatable {
        public var CelebrityFaces: [Celebrity]?
        public var UnrecognizedFaces: [FaceDetail]?
    }
    public struct Celebrity: Codable, Sendable, Equatable {
        public var Name: String?
        public var Id: String?
        public var MatchConfidence: Double?
        public var Face: FaceDetail?
        public var Urls: [String]?
    }

    /// An error as the AWS JSON protocol returns it.
    public struct ErrorResponse: Codable, Sendable, Equatable {
        public var __type: String?
        public var message: String?
        public var Message: String?
    }
}
