/// Azure Computer Vision 3.2, as sent: `analyze` (and `describe`, `detect`, `areaOfInterest`,
/// which return parts of the same body), `read` results, and the legacy `ocr`.
public enum Azure32 {
    public struct Analyze: Codable, Sendable, Equatable {
        public var categories: [Category]?
        public var adult: Adult?
        public var tags: [Tag]?
        public var description: Description?
        public var faces: [Face]?
        public var color: Color?
        public var imageType: ImageType?
        public var objects: [Object]?
        public var brands: [Brand]?
        public var areaOfInterest: Box?
        public var requestId: String?
        public var metadata: Metadata?
        public var modelVersion: String?
    }

    public struct Metadata: Codable, Sendable, Equatable { public var width: Double; public var height: Double; public var format: String? }
    public struct Box: Codable, Sendable, Equatable { public var x: Double; public var y: Double; public var w: Double; public var h: Double }
    public struct FaceRectangle: Codable, Sendable, Equatable {
        public var left: Double; public var top: Double; public var width: Double; public var height: Double
    }
    public struct Category: Codable, Sendable, Equatable {
        public var name: String?
        public var score: Double?
        public var detail: CategoryDetail?
    }
    public struct CategoryDetail: Codable, Sendable, Equatable {
        public var celebrities: [Celebrity]?
        public var landmarks: [Landmark]?
    }
    public struct Celebrity: Codable, Sendable, Equatable {
        public var name: String?
        public var confidence: Double?
        public var faceRectangle: FaceRectangle?
    }
    public struct Landmark: Codable, Sendable, Equatable { public var name: String?; public var confidence: Double? }
    public struct Adult: Codable, Sendable, Equatable {
        public var isAdultContent: Bool?
        public var isRacyContent: Bool?
        public var isGoryContent: Bool?
        public var adultScore: Double?
        public var racyScore: Double?
        public var goreScore: Double?
    }
    public struct Tag: Codable, Sendable, Equatable { public var name: String?; public var confidence: Double?; public var hint: String? }
    public struct Description: Codable, Sendable, Equatable {
        public var tags: [String]?
        public var captions: [Caption]?
    }
    public struct Caption: Codable, Sendable, Equatable { public var text: String?; public var confidence: Double? }
    public struct Face: Codable, Sendable, Equatable {
        public var age: Double?
        public var gender: String?
        public var faceRectangle: FaceRectangle?
    }
    public struct Color: Codable, Sendable, Equatable {
        public var dominantColorForeground: String?
        public var dominantColorBackground: String?
        public var dominantColors: [String]?
        public var accentColor: String?
        public var isBWImg: Bool?
    }
    public struct ImageType: Codable, Sendable, Equatable { public var clipArtType: Int?; public var lineDrawingType: Int? }
    /// An object and its broader class, recursively (`tree` → `plant`).
    public final class Parent: Codable, Sendable, Equatable {
        public let object: String?
        public let confidence: Double?
        public let parent: Parent?
        public static func == (a: Parent, b: Parent) -> Bool { a.object == b.object && a.confidence == b.confidence && a.parent == b.parent }
    }
    public struct Object: Codable, Sendable, Equatable {
        public var rectangle: Box?
        public var object: String?
        public var confidence: Double?
        public var parent: Parent?
    }
    public struct Brand: Codable, Sendable, Equatable { public var name: String?; public var confidence: Double?; public var rectangle: Box? }

    /// `GET …/read/analyzeResults/{id}`.
    public struct ReadOperation: Codable, Sendable, Equatable {
        public var status: String?
        public var createdDateTime: String?
        public var lastUpdatedDateTime: String?
        public var analyzeResult: AnalyzeResult?
    }
    public struct AnalyzeResult: Codable, Sendable, Equatable {
        public var version: String?
        public var modelVersion: String?
        public var readResults: [ReadPage]?
    }
    public struct ReadPage: Codable, Sendable, Equatable {
        public var page: Int?
        public var language: String?
        /// The text's general direction in degrees, clockwise.
        public var angle: Double?
        public var width: Double?
        public var height: Double?
        /// "pixel" for images, "inch" for PDF pages.
        public var unit: String?
        public var lines: [ReadLine]?
    }
    public struct ReadLine: Codable, Sendable, Equatable {
        public var boundingBox: [Double]?
        public var text: String?
        public var appearance: Appearance?
        public var words: [ReadWord]?
    }
    public struct Appearance: Codable, Sendable, Equatable {
        public struct Style: Codable, Sendable, Equatable { public var name: String?; public var confidence: Double? }
        public var style: Style?
    }
    public struct ReadWord: Codable, Sendable, Equatable {
        public var boundingBox: [Double]?
        public var text: String?
        public var confidence: Double?
    }

    /// The legacy `ocr` operation: boxes are `"x,y,w,h"` strings in the image turned by `textAngle`.
    public struct OCR: Codable, Sendable, Equatable {
        public var language: String?
        public var textAngle: Double?
        public var orientation: String?
        public var regions: [OCRRegion]?
        public var modelVersion: String?
    }
    public struct OCRRegion: Codable, Sendable, Equatable { public var boundingBox: String?; public var lines: [OCRLine]? }
    public struct OCRLine: Codable, Sendable, Equatable { public var boundingBox: String?; public var words: [OCRWord]? }
    public struct OCRWord: Codable, Sendable, Equatable { public var boundingBox: String?; public var text: String? }
}
