/// AWS Rekognition responses, as sent (PascalCase). Boxes are fractions of the image's width
/// and height; confidences are 0–100.
enum Rekognition {
    struct BoundingBox: Codable, Sendable, Equatable {
        var Width: Double?; var Height: Double?; var Left: Double?; var Top: Double?
    }
    struct Point: Codable, Sendable, Equatable { var X: Double?; var Y: Double? }
    struct Geometry: Codable, Sendable, Equatable { var BoundingBox: BoundingBox?; var Polygon: [Point]? }

    struct DetectLabels: Codable, Sendable, Equatable {
        var Labels: [Label]?
        var LabelModelVersion: String?
        var OrientationCorrection: String?
    }
    struct Label: Codable, Sendable, Equatable {
        var Name: String?
        var Confidence: Double?
        var Instances: [Instance]?
        var Parents: [NamedParent]?
    }
    struct Instance: Codable, Sendable, Equatable { var BoundingBox: BoundingBox?; var Confidence: Double? }
    struct NamedParent: Codable, Sendable, Equatable { var Name: String? }

    struct DetectText: Codable, Sendable, Equatable {
        var TextDetections: [TextDetection]?
        var TextModelVersion: String?
    }
    struct TextDetection: Codable, Sendable, Equatable {
        var DetectedText: String?
        /// "LINE" or "WORD".
        var `Type`: String?
        var Id: Int?
        var ParentId: Int?
        var Confidence: Double?
        var Geometry: Geometry?
    }

    struct DetectFaces: Codable, Sendable, Equatable {
        var FaceDetails: [FaceDetail]?
        var OrientationCorrection: String?
    }
    struct FaceDetail: Codable, Sendable, Equatable {
        var BoundingBox: BoundingBox?
        var Confidence: Double?
        var Landmarks: [Landmark]?
    }
    /// A face landmark: its type (`eyeLeft`, `nose`, `mouthRight`, …) and position as fractions.
    struct Landmark: Codable, Sendable, Equatable { var `Type`: String?; var X: Double?; var Y: Double? }

    struct RecognizeCelebrities: Codable, Sendable, Equatable {
        var CelebrityFaces: [Celebrity]?
        var UnrecognizedFaces: [FaceDetail]?
    }
    struct Celebrity: Codable, Sendable, Equatable {
        var Name: String?
        var Id: String?
        var MatchConfidence: Double?
        var Face: FaceDetail?
        var Urls: [String]?
    }

    /// An error as the AWS JSON protocol returns it.
    struct ErrorResponse: Codable, Sendable, Equatable {
        var __type: String?
        var message: String?
        var Message: String?
    }
}
