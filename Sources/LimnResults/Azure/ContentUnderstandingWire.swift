/// Azure AI Content Understanding (GA `2025-11-01`, the `2026` previews), as sent: the
/// operation (`id`, `status`, `result`) or the `result` alone. A document content holds pages
/// (words, lines, selection marks), paragraphs, tables, extracted fields and, in the previews,
/// signatures; every position is a `source` string, `D(page,x1,y1,…,x4,y4)`, several joined by
/// `;`, in the content's `unit` (`pixel` or `inch`).
enum ContentUnderstanding {
    struct Body: Decodable, Sendable {
        var result: Result

        enum Key: String, CodingKey { case result }
        init(from decoder: any Decoder) throws {
            let top = try decoder.container(keyedBy: Key.self)
            result = top.contains(.result) ? try top.decode(Result.self, forKey: .result) : try Result(from: decoder)
        }
    }

    struct Result: Decodable, Sendable {
        var analyzerId: String?
        var apiVersion: String?
        var contents: [Content]
    }

    struct Span: Decodable, Sendable { var offset: Int; var length: Int }

    struct Content: Decodable, Sendable {
        var kind: String?
        var startPageNumber: Int?
        var endPageNumber: Int?
        var unit: String?
        var pages: [Page]?
        var paragraphs: [Paragraph]?
        var tables: [Table]?
        var fields: [String: Field]?
        var signatures: [Signature]?
    }
    struct Page: Decodable, Sendable {
        var pageNumber: Int
        var width: Double?
        var height: Double?
        var words: [Word]?
        var lines: [Line]?
        var selectionMarks: [SelectionMark]?
    }
    struct Word: Decodable, Sendable {
        var content: String
        var source: String?
        var confidence: Double?
        var span: Span?
    }
    struct Line: Decodable, Sendable {
        var content: String
        var source: String?
        var span: Span?
    }
    struct SelectionMark: Decodable, Sendable {
        var state: String
        var source: String?
        var confidence: Double?
    }
    struct Paragraph: Decodable, Sendable {
        var role: String?
        var content: String
        var source: String?
    }
    struct Table: Decodable, Sendable {
        var rowCount: Int
        var columnCount: Int
        var cells: [Cell]
        var source: String?
    }
    struct Cell: Decodable, Sendable {
        var kind: String?
        var rowIndex: Int
        var columnIndex: Int
        var rowSpan: Int?
        var columnSpan: Int?
        var content: String
        var source: String?
    }
    struct Signature: Decodable, Sendable {
        var id: String?
        var source: String?
        var role: String?
        var confidence: Double?
    }
    /// A field's text is its `content` when sent, else its value (`valueString`, a number, a
    /// date); arrays and objects hold fields of their own.
    final class Field: Decodable, Sendable {
        let type: String?
        let content: String?
        let valueString: String?
        let valueNumber: Double?
        let valueInteger: Int?
        let valueDate: String?
        let source: String?
        let confidence: Double?
        let valueArray: [Field]?
        let valueObject: [String: Field]?
    }
}
