import LimnGeometry

extension ResultMapper {
    /// Textract → ``Analysis``, one page of it (from 1; a synchronous result has one). Lines
    /// hold their words; a table holds its cells, a merged cell standing for the cells it
    /// covers (its text theirs, in order); a key holds its value; selection marks keep their
    /// state; layout blocks (`LAYOUT_TITLE`, …) become paragraphs with the matching role.
    /// Shapes are in fractions of the page. Every id a relationship names must exist; links
    /// are followed one level at a time, so a cycle cannot hang the reader.
    func textract(_ r: Textract.Response, page wanted: Int) throws(ResultsError) -> Analysis {
        var a = Analysis(
            vendor: .awsTextract, format: .textract, modelVersion: r.AnalyzeDocumentModelVersion ?? r.DetectDocumentTextModelVersion,
            imageSize: nil)
        let blocks = r.Blocks
        var index: [String: Int] = [:]
        index.reserveCapacity(blocks.count)
        for (i, b) in blocks.enumerated() {
            guard index.updateValue(i, forKey: b.Id) == nil else { throw invalid("Blocks[\(i)].Id", "repeats the id \"\(b.Id)\"") }
        }
        let pageBlocks = blocks.filter { $0.BlockType == "PAGE" }.count
        let pages = max(pageBlocks, r.DocumentMetadata?.Pages ?? 0, 1)
        guard wanted >= 1, wanted <= pages else { throw ResultsError.noSuchPage(source: source, page: wanted, pages: pages) }
        a.page = wanted
        a.pageCount = pages

        /// The blocks a relationship of `type` names, checked.
        func related(_ i: Int, _ type: String) throws(ResultsError) -> [Int] {
            var out: [Int] = []
            for (j, rel) in (blocks[i].Relationships ?? []).enumerated() where rel.type == type {
                for (k, id) in (rel.ids ?? []).enumerated() {
                    guard let target = index[id] else {
                        throw invalid(
                            "Blocks[\(i)].Relationships[\(j)].Ids[\(k)]", "names the block \"\(id)\", which the result does not have")
                    }
                    out.append(target)
                }
            }
            return out
        }
        func shape(_ i: Int) throws(ResultsError) -> RegionShape? {
            let path = "Blocks[\(i)].Geometry"
            if let points = blocks[i].Geometry?.Polygon, points.count >= 3 {
                return try polygon(points.map { Point(x: $0.X, y: $0.Y) }, path + ".Polygon")
            }
            guard let b = blocks[i].Geometry?.BoundingBox else { return nil }
            return .box(try box(x: b.Left, y: b.Top, width: b.Width, height: b.Height, path + ".BoundingBox"))
        }
        func confidence(_ i: Int) throws(ResultsError) -> Double? {
            try self.confidence(blocks[i].Confidence, "Blocks[\(i)].Confidence", scale: 100)
        }
        func mark(_ i: Int) throws(ResultsError) -> String {
            switch blocks[i].SelectionStatus {
            case "SELECTED": return "selected"
            case "NOT_SELECTED": return "unselected"
            case let other:
                throw invalid(
                    "Blocks[\(i)].SelectionStatus", "is \(other.map { "\"\($0)\"" } ?? "missing"); expected SELECTED or NOT_SELECTED")
            }
        }
        /// The words (and marks) a block holds, as text.
        func text(_ i: Int) throws(ResultsError) -> String {
            try related(i, "CHILD").map { (j: Int) throws(ResultsError) -> String in
                blocks[j].BlockType == "SELECTION_ELEMENT" ? "[\(try mark(j))]" : blocks[j].Text ?? ""
            }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        func region(
            _ i: Int, _ kind: RegionKind, label: String, children: [Region] = [], role: String? = nil
        ) throws(ResultsError)
            -> Region?
        {
            guard let s = try shape(i) else { return nil }
            return Region(
                kind: kind, label: label, confidence: try confidence(i), shape: s, units: .fractions, children: children, role: role)
        }

        /// A table and its cells: merged cells in place of the cells they cover.
        func table(_ i: Int) throws(ResultsError) -> Region? {
            let cells = try related(i, "CHILD").filter { blocks[$0].BlockType == "CELL" }
            let merged = try related(i, "MERGED_CELL").filter { blocks[$0].BlockType == "MERGED_CELL" }
            var covered = Set<Int>()
            var mergedText: [Int: String] = [:]
            for m in merged {
                let parts = try related(m, "CHILD")
                covered.formUnion(parts)
                mergedText[m] = try parts.map(text).filter { !$0.isEmpty }.joined(separator: " ")
            }
            let rows = (cells + merged).map { (blocks[$0].RowIndex ?? 1) + (blocks[$0].RowSpan ?? 1) - 1 }.max() ?? 0
            let columns = (cells + merged).map { (blocks[$0].ColumnIndex ?? 1) + (blocks[$0].ColumnSpan ?? 1) - 1 }.max() ?? 0
            var out: [Region] = []
            for c in cells.filter({ !covered.contains($0) }) + merged {
                let b = blocks[c]
                let kind: TableCellPosition.Kind = b.EntityTypes?.contains("COLUMN_HEADER") == true ? .columnHeader : .content
                let position = try cellPosition(
                    row: (b.RowIndex ?? 0) - 1, column: (b.ColumnIndex ?? 0) - 1, rowSpan: b.RowSpan ?? 1, columnSpan: b.ColumnSpan ?? 1,
                    kind: kind, rows: rows, columns: columns, "Blocks[\(c)]")
                let label: String
                if let merged = mergedText[c] { label = merged } else { label = try text(c) }
                guard var cell = try region(c, .tableCell, label: label) else { continue }
                cell.cell = position
                out.append(cell)
            }
            return try region(i, .table, label: "", children: out)
        }

        for (i, b) in blocks.enumerated() where (b.Page ?? 1) == wanted {
            switch b.BlockType {
            case "LINE":
                var words: [Region] = []
                for j in try related(i, "CHILD") where blocks[j].BlockType == "WORD" {
                    if let w = try region(j, .textWord, label: blocks[j].Text ?? "") { words.append(w) }
                }
                if let line = try region(i, .textLine, label: b.Text ?? "", children: words) { a.regions.append(line) }
            case "SELECTION_ELEMENT":
                if let m = try region(i, .selectionMark, label: try mark(i)) { a.regions.append(m) }
            case "KEY_VALUE_SET" where b.EntityTypes?.contains("KEY") == true:
                var values: [Region] = []
                for j in try related(i, "VALUE") {
                    if let v = try region(j, .formValue, label: try text(j)) { values.append(v) }
                }
                if let key = try region(i, .formKey, label: try text(i), children: values) { a.regions.append(key) }
            case "TABLE":
                if let t = try table(i) { a.regions.append(t) }
            case let type where type.hasPrefix("LAYOUT_"):
                let roles = [
                    "LAYOUT_TITLE": "title", "LAYOUT_HEADER": "pageHeader", "LAYOUT_FOOTER": "pageFooter",
                    "LAYOUT_SECTION_HEADER": "sectionHeading", "LAYOUT_PAGE_NUMBER": "pageNumber",
                ]
                guard type == "LAYOUT_TEXT" || roles[type] != nil else { continue }
                let lines = try related(i, "CHILD").compactMap { blocks[$0].BlockType == "LINE" ? blocks[$0].Text : nil }
                if let p = try region(i, .paragraph, label: lines.joined(separator: "\n"), role: roles[type]) { a.regions.append(p) }
            default:
                continue
            }
        }
        return a
    }
}
