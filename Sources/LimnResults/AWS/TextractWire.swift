/// AWS Textract DetectDocumentText / AnalyzeDocument (and the asynchronous Get… results), as
/// sent: a flat list of `Blocks` linked by `Id` through `Relationships`, geometry in fractions
/// of the page, confidences 0–100. SDK serializations send every key, most of them `null`, so
/// everything but the type and id is optional.
enum Textract {
    struct Response: Decodable, Sendable {
        var Blocks: [Block]
        var DocumentMetadata: DocumentMetadata?
        var DetectDocumentTextModelVersion: String?
        var AnalyzeDocumentModelVersion: String?
    }
    struct DocumentMetadata: Decodable, Sendable { var Pages: Int? }

    struct Block: Decodable, Sendable {
        var BlockType: String
        var Id: String
        var Text: String?
        var Confidence: Double?
        var Geometry: Geometry?
        var Relationships: [Relationship]?
        var EntityTypes: [String]?
        var RowIndex: Int?
        var ColumnIndex: Int?
        var RowSpan: Int?
        var ColumnSpan: Int?
        var SelectionStatus: String?
        var Page: Int?
    }
    struct Relationship: Decodable, Sendable {
        var type: String?
        var ids: [String]?
        enum CodingKeys: String, CodingKey { case type = "Type", ids = "Ids" }
    }
    struct Geometry: Decodable, Sendable {
        var BoundingBox: BoundingBox?
        var Polygon: [Point]?
    }
    struct BoundingBox: Decodable, Sendable {
        var Width: Double
        var Height: Double
        var Left: Double
        var Top: Double
    }
    struct Point: Decodable, Sendable { var X: Double; var Y: Double }
}
