/// Azure Computer Vision 3.2, as sent: `analyze` (and `describe`, `detect`, `areaOfInterest`,
/// which return parts of the same body), `read` results, and the legacy `ocr`.
enum Azure32 {
    struct Analyze: Codable, Sendable, Equatable {
        var categories: [Category]?
        var adult: Adult?
        var tags: [Tag]?
        var description: Description?
        var faces: [Face]?
        var color: Color?
        var imageType: ImageType?
        var objects: [Object]?
        var brands: [Brand]?
        var areaOfInterest: Box?
        var requestId: String?
        var metadata: Metadata?
        var modelVersion: String?
    }

    struct Metadata: Codable, Sendable, Equatable { var width: Double; var height: Double; var format: String? }
    struct Box: Codable, Sendable, Equatable { var x: Double; var y: Double; var w: Double; var h: Double }
    struct FaceRectangle: Codable, Sendable, Equatable {
        var left: Double; var top: Double; var width: Double; var height: Double
    }
    struct Category: Codable, Sendable, Equatable {
        var name: String?
        var score: Double?
        var detail: CategoryDetail?
    }
    struct CategoryDetail: Codable, Sendable, Equatable {
        var celebrities: [Celebrity]?
        var landmarks: [Landmark]?
    }
    struct Celebrity: Codable, Sendable, Equatable {
        var name: String?
        var confidence: Double?
        var faceRectangle: FaceRectangle?
    }
    struct Landmark: Codable, Sendable, Equatable { var name: String?; var confidence: Double? }
    struct Adult: Codable, Sendable, Equatable {
        var isAdultContent: Bool?
        var isRacyContent: Bool?
        var isGoryContent: Bool?
        var adultScore: Double?
        var racyScore: Double?
        var goreScore: Double?
    }
    struct Tag: Codable, Sendable, Equatable { var name: String?; var confidence: Double?; var hint: String? }
    struct Description: Codable, Sendable, Equatable {
        var tags: [String]?
        var captions: [Caption]?
    }
    struct Caption: Codable, Sendable, Equatable { var text: String?; var confidence: Double? }
    struct Face: Codable, Sendable, Equatable {
        var age: Double?
        var gender: String?
        var faceRectangle: FaceRectangle?
    }
    struct Color: Codable, Sendable, Equatable {
        var dominantColorForeground: String?
        var dominantColorBackground: String?
        var dominantColors: [String]?
        var accentColor: String?
        var isBWImg: Bool?
    }
    struct ImageType: Codable, Sendable, Equatable { var clipArtType: Int?; var lineDrawingType: Int? }
    /// An object and its broader class, recursively (`tree` → `plant`).
    final class Parent: Codable, Sendable, Equatable {
        let object: String?
        let confidence: Double?
        let parent: Parent?
        static func == (a: Parent, b: Parent) -> Bool { a.object == b.object && a.confidence == b.confidence && a.parent == b.parent }
    }
    struct Object: Codable, Sendable, Equatable {
        var rectangle: Box?
        var object: String?
        var confidence: Double?
        var parent: Parent?
    }
    struct Brand: Codable, Sendable, Equatable { var name: String?; var confidence: Double?; var rectangle: Box? }

    /// `GET …/read/analyzeResults/{id}`.
    struct ReadOperation: Codable, Sendable, Equatable {
        var status: String?
        var createdDateTime: String?
        var lastUpdatedDateTime: String?
        var analyzeResult: AnalyzeResult?
    }
    struct AnalyzeResult: Codable, Sendable, Equatable {
        var version: String?
        var modelVersion: String?
        var readResults: [ReadPage]?
    }
    struct ReadPage: Codable, Sendable, Equatable {
        var page: Int?
        var language: String?
        /// The text's general direction in degrees, clockwise.
        var angle: Double?
        var width: Double?
        var height: Double?
        /// "pixel" for images, "inch" for PDF pages.
        var unit: String?
        var lines: [ReadLine]?
    }
    struct ReadLine: Codable, Sendable, Equatable {
        var boundingBox: [Double]?
        var text: String?
        var appearance: Appearance?
        var words: [ReadWord]?
    }
    struct Appearance: Codable, Sendable, Equatable {
        struct Style: Codable, Sendable, Equatable { var name: String?; var confidence: Double? }
        var style: Style?
    }
    struct ReadWord: Codable, Sendable, Equatable {
        var boundingBox: [Double]?
        var text: String?
        var confidence: Double?
    }

    /// The legacy `ocr` operation: boxes are `"x,y,w,h"` strings in the image turned by `textAngle`.
    struct OCR: Codable, Sendable, Equatable {
        var language: String?
        var textAngle: Double?
        var orientation: String?
        var regions: [OCRRegion]?
        var modelVersion: String?
    }
    struct OCRRegion: Codable, Sendable, Equatable { var boundingBox: String?; var lines: [OCRLine]? }
    struct OCRLine: Codable, Sendable, Equatable { var boundingBox: String?; var words: [OCRWord]? }
    struct OCRWord: Codable, Sendable, Equatable { var boundingBox: String?; var text: String? }
}
