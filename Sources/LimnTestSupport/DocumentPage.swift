import Foundation
import LimnCodecs
import LimnRaster
import LimnText

/// A one-page invoice drawn by Limn (letter size at 100 dpi: 850×1100), and what two document
/// readers would say of it, computed from its layout: Document Intelligence v4 in inches
/// (words, lines, a title and a footer, key–value pairs, a table with a header row and a merged
/// cell, two check boxes, invoice fields), and Tesseract hOCR in pixels with the slips Tesseract
/// makes (a letter misread, a word missed, each table row read as one line). TestImageGenerator
/// writes them to `TestImages/document/` (`invoice.png` and a result file per service).
public enum DocumentPage {
    public static let size = Size(width: 850, height: 1100)
    static let dpi = 100.0
    static let ink = Pixel(r: 25, g: 25, b: 30, a: 255)

    struct Part {
        var line: Scene.TextLine
        var font: Font
    }

    static let title = Font(family: "sans-serif", size: 44)
    static let body = Font(family: "sans-serif", size: 22)
    static let small = Font(family: "sans-serif", size: 16)

    /// The table: its box, the column edges and the row edges.
    static let columns: [Double] = [80, 410, 590, 770]
    static let rows: [Double] = [300, 350, 400, 450, 500]
    static let cells: [[String]] = [
        ["Item", "Qty", "Amount"], ["Thumbnails", "2", "$40.00"], ["Cutouts", "5", "$75.00"], ["Total", "", "$115.00"],
    ]
    static let boxes = [Rect(x: 80, y: 560, width: 24, height: 24), Rect(x: 80, y: 604, width: 24, height: 24)]

    static func text(_ text: String, _ font: Font, x: Double, baseline: Double) throws -> Part {
        Part(line: try Scene.line(text, font: font, origin: Point(x: x, y: baseline), transform: .identity), font: font)
    }

    /// Every line of text on the page, in reading order, and which of them are table cells
    /// (by row and column).
    static func parts() throws -> (lines: [Part], cells: [(row: Int, column: Int, part: Part)]) {
        var lines = [
            try text("INVOICE", title, x: 80, baseline: 130), try text("Invoice No: 1042", body, x: 80, baseline: 200),
            try text("Date: 2026-11-30", body, x: 80, baseline: 240),
        ]
        var cellParts: [(Int, Int, Part)] = []
        for (r, row) in cells.enumerated() {
            for (c, value) in row.enumerated() where !value.isEmpty {
                let part = try text(value, body, x: columns[c] + 12, baseline: rows[r] + 33)
                cellParts.append((r, c, part))
                lines.append(part)
            }
        }
        lines += [
            try text("Paid", body, x: 118, baseline: 580), try text("Shipped", body, x: 118, baseline: 624),
            try text("Page 1 of 1", small, x: 385, baseline: 1050),
        ]
        return (lines, cellParts)
    }

    /// The page (deterministic: the same fonts give the same pixels).
    public static func draw() throws -> Image {
        var page = Image(width: size.width, height: size.height, fill: Pixel(r: 252, g: 252, b: 250, a: 255))
        for part in try parts().lines {
            _ = try page.draw(part.line.text, fittedTo: part.line.quad, font: part.font, style: TextStyle(color: ink))
        }
        let line = StrokeStyle(width: 2)
        for y in rows { try page.stroke(.polyline([Point(x: columns[0], y: y), Point(x: columns[3], y: y)]), with: ink, style: line) }
        for (k, x) in columns.enumerated() {
            // The last row's first two cells are one: no edge between them.
            let bottom = k == 1 ? rows[3] : rows[4]
            try page.stroke(.polyline([Point(x: x, y: rows[0]), Point(x: x, y: bottom)]), with: ink, style: line)
        }
        for box in boxes { try page.stroke(.rectangle(box), with: ink, style: line) }
        let b = boxes[0]
        try page.stroke(
            .polyline([Point(x: b.minX + 5, y: b.minY + 12), Point(x: b.minX + 10, y: b.maxY - 5), Point(x: b.maxX - 4, y: b.minY + 4)]),
            with: ink, style: StrokeStyle(width: 3, join: .round, cap: .round))
        return page
    }

    // MARK: Document Intelligence

    /// The page as Document Intelligence v4's prebuilt-invoice would describe it (inches).
    public static func documentIntelligence() throws -> String {
        let lines = try parts().lines
        func inches(_ q: [Point]) -> [Double] { q.flatMap { [($0.x / dpi * 1e4).rounded() / 1e4, ($0.y / dpi * 1e4).rounded() / 1e4] } }
        func rect(_ r: Rect) -> [Double] { inches(r.corners) }
        var content = "", words: [[String: Any]] = [], lineObjects: [[String: Any]] = []
        var spans: [String: [String: Int]] = [:]
        for part in lines {
            let start = content.count
            for (text, quad) in part.line.words {
                let offset = content.count + (content.count == start ? 0 : 1)
                if content.count != start { content += " " }
                words.append([
                    "content": text, "polygon": inches(quad), "confidence": 0.995, "span": ["offset": offset, "length": text.count],
                ])
                content += text
            }
            spans[part.line.text] = ["offset": start, "length": content.count - start]
            lineObjects.append(["content": part.line.text, "polygon": inches(part.line.quad), "spans": [spans[part.line.text]!]])
            content += "\n"
        }
        func region(_ q: [Point]) -> [[String: Any]] { [["pageNumber": 1, "polygon": inches(q)]] }
        /// The words `text` names (one or several of a line), as a key, value or field.
        func element(_ text: String) -> [String: Any] {
            let names = text.split(separator: " ").map(String.init)
            for part in lines {
                let words = part.line.words
                for k in words.indices where k + names.count <= words.count && words[k..<(k + names.count)].map(\.text) == names {
                    let quads = words[k..<(k + names.count)].map(\.quad)
                    let quad = [quads[0][0], quads[quads.count - 1][1], quads[quads.count - 1][2], quads[0][3]]
                    return ["content": text, "boundingRegions": region(quad)]
                }
            }
            return ["content": text]
        }
        var tableCells: [[String: Any]] = []
        for (r, row) in cells.enumerated() {
            for c in 0..<3 where !(r == 3 && c == 1) {
                let span = r == 3 && c == 0 ? 2 : 1
                let box = Rect(x: columns[c], y: rows[r], width: columns[c + span] - columns[c], height: rows[r + 1] - rows[r])
                var cell: [String: Any] = [
                    "rowIndex": r, "columnIndex": c, "rowSpan": 1, "columnSpan": span, "content": row[c],
                    "boundingRegions": [["pageNumber": 1, "polygon": rect(box)]],
                ]
                if r == 0 { cell["kind"] = "columnHeader" }
                tableCells.append(cell)
            }
        }
        let table: [String: Any] = [
            "rowCount": 4, "columnCount": 3, "cells": tableCells,
            "boundingRegions": [["pageNumber": 1, "polygon": rect(Rect(x: 80, y: 300, width: 690, height: 200))]],
        ]
        let titlePart = lines[0], footer = lines[lines.count - 1]
        func field(_ text: String, _ type: String, _ value: Any) -> [String: Any] {
            var f = element(text)
            f["type"] = type
            f[type == "string" ? "valueString" : type == "date" ? "valueDate" : "valueNumber"] = value
            f["confidence"] = 0.97
            return f
        }
        let body: [String: Any] = [
            "status": "succeeded", "createdDateTime": "2026-11-30T09:00:00Z", "lastUpdatedDateTime": "2026-11-30T09:00:03Z",
            "analyzeResult": [
                "apiVersion": "2024-11-30", "modelId": "prebuilt-invoice", "stringIndexType": "textElements", "content": content,
                "pages": [
                    [
                        "pageNumber": 1, "angle": 0, "width": 8.5, "height": 11, "unit": "inch", "words": words, "lines": lineObjects,
                        "selectionMarks": [
                            ["state": "selected", "polygon": rect(boxes[0]), "confidence": 0.98],
                            ["state": "unselected", "polygon": rect(boxes[1]), "confidence": 0.96],
                        ],
                    ]
                ],
                "paragraphs": [
                    ["role": "title", "content": titlePart.line.text, "boundingRegions": region(titlePart.line.quad)],
                    ["role": "pageFooter", "content": footer.line.text, "boundingRegions": region(footer.line.quad)],
                ],
                "tables": [table],
                "keyValuePairs": [
                    ["key": element("Invoice No:"), "value": element("1042"), "confidence": 0.94],
                    ["key": element("Date:"), "value": element("2026-11-30"), "confidence": 0.95],
                ],
                "documents": [
                    [
                        "docType": "invoice", "confidence": 1,
                        "fields": [
                            "InvoiceId": field("1042", "string", "1042"), "InvoiceDate": field("2026-11-30", "date", "2026-11-30"),
                            "InvoiceTotal": field("$115.00", "number", 115),
                        ],
                    ]
                ],
            ],
        ]
        return SceneResults.json(body)
    }

    // MARK: Textract

    /// The page as Textract's AnalyzeDocument (TABLES, FORMS, LAYOUT) would describe it: blocks
    /// linked by id, fractions of the page, confidences 0–100, the total's merged cell.
    public static func textract() throws -> String {
        let (lines, cellParts) = try parts()
        var blocks: [[String: Any]] = []
        var next = 0
        func id() -> String {
            next += 1
            return String(format: "b%04d", next)
        }
        func geometry(_ q: [Point]) -> [String: Any] {
            let w = Double(size.width), h = Double(size.height)
            let r = Rect(bounding: q) ?? Rect(x: 0, y: 0, width: 0, height: 0)
            func f(_ v: Double) -> Double { (v * 1e6).rounded() / 1e6 }
            return [
                "BoundingBox": ["Width": f(r.width / w), "Height": f(r.height / h), "Left": f(r.minX / w), "Top": f(r.minY / h)],
                "Polygon": q.map { ["X": f($0.x / w), "Y": f($0.y / h)] },
            ]
        }
        func block(_ type: String, _ quad: [Point], _ extra: [String: Any] = [:]) -> String {
            let k = id()
            var b: [String: Any] = ["BlockType": type, "Id": k, "Confidence": 99.2, "Geometry": geometry(quad)]
            for (key, value) in extra { b[key] = value }
            blocks.append(b)
            return k
        }
        func children(_ ids: [String], _ type: String = "CHILD") -> [[String: Any]] { [["Type": type, "Ids": ids]] }
        var wordIDs: [String: [String]] = [:]  // by line text
        var lineIDs: [String: String] = [:]
        for part in lines {
            let words = part.line.words.map { block("WORD", $0.quad, ["Text": $0.text, "TextType": "PRINTED"]) }
            wordIDs[part.line.text] = words
            lineIDs[part.line.text] = block("LINE", part.line.quad, ["Text": part.line.text, "Relationships": children(words)])
        }
        var cellIDs: [String] = []
        var totalCells: [String] = []
        for r in 0..<4 {
            for c in 0..<3 {
                let box = Rect(x: columns[c], y: rows[r], width: columns[c + 1] - columns[c], height: rows[r + 1] - rows[r])
                let words = cellParts.first { $0.row == r && $0.column == c }.flatMap { wordIDs[$0.part.line.text] } ?? []
                var extra: [String: Any] = ["RowIndex": r + 1, "ColumnIndex": c + 1, "RowSpan": 1, "ColumnSpan": 1]
                if !words.isEmpty { extra["Relationships"] = children(words) }
                if r == 0 { extra["EntityTypes"] = ["COLUMN_HEADER"] }
                let k = block("CELL", box.corners, extra)
                cellIDs.append(k)
                if r == 3 && c < 2 { totalCells.append(k) }
            }
        }
        let merged = block(
            "MERGED_CELL", Rect(x: columns[0], y: rows[3], width: columns[2] - columns[0], height: rows[4] - rows[3]).corners,
            ["RowIndex": 4, "ColumnIndex": 1, "RowSpan": 1, "ColumnSpan": 2, "Relationships": children(totalCells)])
        _ = block(
            "TABLE", Rect(x: 80, y: 300, width: 690, height: 200).corners,
            ["Relationships": children(cellIDs) + children([merged], "MERGED_CELL"), "EntityTypes": ["STRUCTURED_TABLE"]])
        // Keys and values: "Invoice No:" → "1042", "Date:" → "2026-11-30".
        for (line, keyCount) in [("Invoice No: 1042", 2), ("Date: 2026-11-30", 1)] {
            guard let part = lines.first(where: { $0.line.text == line }), let ids = wordIDs[line] else { continue }
            let words = part.line.words
            let keyQuad = [words[0].quad[0], words[keyCount - 1].quad[1], words[keyCount - 1].quad[2], words[0].quad[3]]
            let value = block(
                "KEY_VALUE_SET", words[keyCount].quad, ["EntityTypes": ["VALUE"], "Relationships": children([ids[keyCount]])])
            _ = block(
                "KEY_VALUE_SET", keyQuad,
                ["EntityTypes": ["KEY"], "Relationships": children([value], "VALUE") + children(Array(ids[0..<keyCount]))])
        }
        _ = block("SELECTION_ELEMENT", boxes[0].corners, ["SelectionStatus": "SELECTED"])
        _ = block("SELECTION_ELEMENT", boxes[1].corners, ["SelectionStatus": "NOT_SELECTED"])
        if let title = lines.first, let footer = lines.last {
            _ = block("LAYOUT_TITLE", title.line.quad, ["Relationships": children([lineIDs[title.line.text]!])])
            _ = block("LAYOUT_FOOTER", footer.line.quad, ["Relationships": children([lineIDs[footer.line.text]!])])
        }
        let page =
            ["BlockType": "PAGE", "Id": "page", "Geometry": geometry(Rect(x: 0, y: 0, width: 850, height: 1100).corners)] as [String: Any]
        return SceneResults.json([
            "DocumentMetadata": ["Pages": 1], "AnalyzeDocumentModelVersion": "1.0", "Blocks": [page] + blocks,
        ])
    }

    // MARK: Google

    /// The page as Google Vision's DOCUMENT_TEXT_DETECTION would describe it: the
    /// `fullTextAnnotation` hierarchy (a block per line, its words and symbols, the breaks).
    public static func google() throws -> String {
        let lines = try parts().lines
        func poly(_ q: [Point]) -> [String: Any] {
            [
                "vertices": q.map { p -> [String: Any] in
                    var v: [String: Any] = [:]
                    if p.x.rounded() != 0 { v["x"] = Int(p.x.rounded()) }
                    if p.y.rounded() != 0 { v["y"] = Int(p.y.rounded()) }
                    return v
                }
            ]
        }
        var blocks: [[String: Any]] = []
        for part in lines {
            var words: [[String: Any]] = []
            for (k, word) in part.line.words.enumerated() {
                let last = k == part.line.words.count - 1
                let symbols = word.text.enumerated().map { (n, character) -> [String: Any] in
                    var symbol: [String: Any] = ["text": String(character), "confidence": 0.99]
                    if n == word.text.count - 1 { symbol["property"] = ["detectedBreak": ["type": last ? "LINE_BREAK" : "SPACE"]] }
                    return symbol
                }
                words.append(["boundingBox": poly(word.quad), "symbols": symbols, "confidence": 0.98])
            }
            let paragraph: [String: Any] = ["boundingBox": poly(part.line.quad), "words": words, "confidence": 0.98]
            blocks.append(["boundingBox": poly(part.line.quad), "paragraphs": [paragraph], "blockType": "TEXT", "confidence": 0.98])
        }
        let text = lines.map(\.line.text).joined(separator: "\n") + "\n"
        return SceneResults.json([
            "responses": [
                [
                    "fullTextAnnotation": ["text": text, "pages": [["width": size.width, "height": size.height, "blocks": blocks]]]
                ]
            ]
        ])
    }

    // MARK: Content Understanding

    /// The page as Content Understanding's prebuilt document analyzer would describe it: words,
    /// lines, marks, the title and footer, the table and the invoice fields, every position a
    /// `D(1,x1,y1,…)` source in inches.
    public static func contentUnderstanding() throws -> String {
        let lines = try parts().lines
        func source(_ q: [Point]) -> String {
            "D(1," + q.map { String(format: "%.4f,%.4f", $0.x / dpi, $0.y / dpi) }.joined(separator: ",") + ")"
        }
        var markdown = "", words: [[String: Any]] = [], lineObjects: [[String: Any]] = []
        for part in lines {
            let start = markdown.count
            for (text, quad) in part.line.words {
                if markdown.count != start { markdown += " " }
                words.append([
                    "content": text, "source": source(quad), "confidence": 0.99, "span": ["offset": markdown.count, "length": text.count],
                ])
                markdown += text
            }
            lineObjects.append([
                "content": part.line.text, "source": source(part.line.quad), "span": ["offset": start, "length": markdown.count - start],
            ])
            markdown += "\n"
        }
        var cells: [[String: Any]] = []
        for (r, row) in Self.cells.enumerated() {
            for c in 0..<3 where !(r == 3 && c == 1) {
                let span = r == 3 && c == 0 ? 2 : 1
                let box = Rect(x: columns[c], y: rows[r], width: columns[c + span] - columns[c], height: rows[r + 1] - rows[r])
                var cell: [String: Any] = [
                    "rowIndex": r, "columnIndex": c, "rowSpan": 1, "columnSpan": span, "content": row[c], "source": source(box.corners),
                ]
                if r == 0 { cell["kind"] = "columnHeader" }
                cells.append(cell)
            }
        }
        func wordSource(_ text: String) -> String {
            source(lines.flatMap(\.line.words).first { $0.text == text }?.quad ?? [])
        }
        let content: [String: Any] = [
            "kind": "document", "mimeType": "image/png", "markdown": markdown, "startPageNumber": 1, "endPageNumber": 1, "unit": "inch",
            "pages": [
                [
                    "pageNumber": 1, "width": 8.5, "height": 11, "words": words, "lines": lineObjects,
                    "selectionMarks": [
                        ["state": "selected", "source": source(boxes[0].corners), "confidence": 0.98],
                        ["state": "unselected", "source": source(boxes[1].corners), "confidence": 0.97],
                    ],
                ]
            ],
            "paragraphs": [
                ["role": "title", "content": lines[0].line.text, "source": source(lines[0].line.quad)],
                ["role": "pageFooter", "content": lines[lines.count - 1].line.text, "source": source(lines[lines.count - 1].line.quad)],
            ],
            "tables": [
                ["rowCount": 4, "columnCount": 3, "cells": cells, "source": source(Rect(x: 80, y: 300, width: 690, height: 200).corners)]
            ],
            "fields": [
                "InvoiceId": ["type": "string", "valueString": "1042", "confidence": 0.96, "source": wordSource("1042")],
                "TotalAmount": ["type": "number", "valueNumber": 115, "confidence": 0.93, "source": wordSource("$115.00")],
            ],
        ]
        return SceneResults.json([
            "id": "6a0c3f4e-0000-4000-8000-000000001042", "status": "Succeeded",
            "result": ["analyzerId": "prebuilt-documentAnalyzer", "apiVersion": "2025-11-01", "contents": [content]],
        ])
    }

    // MARK: EasyOCR and PaddleOCR

    /// The page as EasyOCR's `readtext` saved as JSON would describe it: a line per cell or
    /// phrase, integer corners, confidences falling with the text's size.
    public static func easyOCR() throws -> String {
        let items = try parts().lines.enumerated().map { (k, part) -> [Any] in
            [part.line.quad.map { [Int($0.x.rounded()), Int($0.y.rounded())] }, part.line.text, 0.62 + Double(k % 7) * 0.05]
        }
        let data = try JSONSerialization.data(withJSONObject: items, options: [])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The page as PaddleOCR 3.x's `res.save_to_json()` would write it.
    public static func paddleOCR() throws -> String {
        let lines = try parts().lines
        return SceneResults.json([
            "res": [
                "input_path": "document.png", "page_index": NSNull(), "rec_texts": lines.map(\.line.text),
                "rec_scores": lines.indices.map { 0.9 + Double($0 % 10) * 0.009 },
                "rec_polys": lines.map { $0.line.quad.map { [Int($0.x.rounded()), Int($0.y.rounded())] } },
            ]
        ])
    }

    // MARK: Tesseract

    /// The page as Tesseract 5 would read it in hOCR: each table row one line, "1042" read as
    /// "1O42", "Shipped" missed, x_wconf for every word.
    public static func tesseractHOCR() throws -> String {
        let (lines, cellParts) = try parts()
        func bbox(_ q: [Point]) -> String {
            let r = Rect(bounding: q) ?? Rect(x: 0, y: 0, width: 0, height: 0)
            return
                "bbox \(Int(r.minX.rounded(.down))) \(Int(r.minY.rounded(.down))) \(Int(r.maxX.rounded(.up))) \(Int(r.maxY.rounded(.up)))"
        }
        // Table rows: the cells of a row joined into one line.
        var order: [[(String, [Point])]] = []
        var rowStarted = Set<Int>()
        for part in lines {
            if let cell = cellParts.first(where: { $0.part.line.text == part.line.text && $0.part.line.quad == part.line.quad }) {
                if !rowStarted.contains(cell.row) {
                    rowStarted.insert(cell.row)
                    let row = cellParts.filter { $0.row == cell.row }.flatMap { $0.part.line.words }
                    order.append(row)
                }
                continue
            }
            order.append(part.line.words)
        }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
             <head>
              <title></title>
              <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>
              <meta name='ocr-system' content='tesseract 5.3.0'/>
             </head>
             <body>
              <div class='ocr_page' id='page_1' title='image "document.png"; bbox 0 0 850 1100; ppageno 0'>

            """
        var wordNumber = 0
        for (n, words) in order.enumerated() {
            let kept = words.filter { $0.0 != "Shipped" }
            guard !kept.isEmpty else { continue }
            let quad = kept.flatMap(\.1)
            out += "   <span class='ocr_line' id='line_1_\(n + 1)' title='\(bbox(quad)); baseline 0 -5'>"
            for (text, q) in kept {
                wordNumber += 1
                let read = text == "1042" ? "1O42" : text
                let escaped = read.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                out +=
                    "<span class='ocrx_word' id='word_1_\(wordNumber)' title='\(bbox(q)); x_wconf \(read == text ? 93 : 61)'>\(escaped)</span> "
            }
            out += "</span>\n"
        }
        out += "  </div>\n </body>\n</html>\n"
        return out
    }
}
