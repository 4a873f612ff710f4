/// Azure AI Document Intelligence v4 (`2024-11-30` GA and later), as sent: the operation
/// (`status`, `analyzeResult`) or the `analyzeResult` alone (what the SDKs' `as_dict()` saves).
/// Polygons are flat `[x0, y0, x1, y1, …]` in the page's `unit` (`pixel` or `inch`); words and
/// lines are tied together only through `span`s into the document's `content`.
enum DocumentIntelligence {
    /// Either envelope: `analyzeResult` inside, or its keys at the top.
    struct Body: Decodable, Sendable {
        var result: AnalyzeResult

        enum Key: String, CodingKey { case analyzeResult }
        init(from decoder: any Decoder) throws {
            let top = try decoder.container(keyedBy: Key.self)
            result =
                top.contains(.analyzeResult)
                ? try top.decode(AnalyzeResult.self, forKey: .analyzeResult) : try AnalyzeResult(from: decoder)
        }
    }

    struct AnalyzeResult: Decodable, Sendable {
        var apiVersion: String?
        var modelId: String?
        var content: String?
        var pages: [Page]?
        var paragraphs: [Paragraph]?
        var tables: [Table]?
        var keyValuePairs: [KeyValuePair]?
        var documents: [Document]?
    }

    struct Span: Decodable, Sendable { var offset: Int; var length: Int }
    struct BoundingRegion: Decodable, Sendable { var pageNumber: Int; var polygon: [Double] }

    struct Page: Decodable, Sendable {
        var pageNumber: Int
        var angle: Double?
        var width: Double?
        var height: Double?
        var unit: String?
        var words: [Word]?
        var lines: [Line]?
        var selectionMarks: [SelectionMark]?
    }
    struct Word: Decodable, Sendable {
        var content: String
        var polygon: [Double]?
        var confidence: Double?
        var span: Span
    }
    struct Line: Decodable, Sendable {
        var content: String
        var polygon: [Double]?
        var spans: [Span]?
    }
    struct SelectionMark: Decodable, Sendable {
        var state: String
        var polygon: [Double]?
        var confidence: Double?
    }
    struct Paragraph: Decodable, Sendable {
        var role: String?
        var content: String
        var boundingRegions: [BoundingRegion]?
    }
    struct Table: Decodable, Sendable {
        var rowCount: Int
        var columnCount: Int
        var cells: [Cell]
        var boundingRegions: [BoundingRegion]?
    }
    struct Cell: Decodable, Sendable {
        var kind: String?
        var rowIndex: Int
        var columnIndex: Int
        var rowSpan: Int?
        var columnSpan: Int?
        var content: String
        var boundingRegions: [BoundingRegion]?
    }
    struct KeyValuePair: Decodable, Sendable {
        var key: Element
        var value: Element?
        var confidence: Double?
    }
    struct Element: Decodable, Sendable {
        var content: String
        var boundingRegions: [BoundingRegion]?
    }
    struct Document: Decodable, Sendable {
        var docType: String?
        var fields: [String: Field]?
        var confidence: Double?
    }
    /// A field's value is typed (`valueString`, `valueNumber`, …); what is drawn is its `content`,
    /// the text as it stands in the document. Arrays and objects hold fields of their own.
    final class Field: Decodable, Sendable {
        let type: String?
        let content: String?
        let boundingRegions: [BoundingRegion]?
        let confidence: Double?
        let valueArray: [Field]?
        let valueObject: [String: Field]?
    }
}
