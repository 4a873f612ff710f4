import Foundation
import LimnGeometry

extension ResultMapper {
    /// Content Understanding → ``Analysis``, one page (from 1) of the document contents. The
    /// content whose page range holds the page gives its unit and page size; every part is
    /// placed by the `D(page,…)` sources on that page (a part on several pages keeps its piece
    /// of this one). Lines hold the words their span holds; paragraphs keep their role, tables
    /// their cells, fields their name (nested by path), signatures become fields named
    /// `signature`. Inch pages come out in fractions of the page, pixel pages in pixels.
    func contentUnderstanding(_ body: ContentUnderstanding.Body, page wanted: Int) throws(ResultsError) -> Analysis {
        let r = body.result
        var a = Analysis(vendor: .azureContentUnderstanding, format: .contentUnderstanding, modelVersion: r.analyzerId, imageSize: nil)
        let documents = r.contents.enumerated().filter { $0.element.kind == nil || $0.element.kind == "document" }
        let pages = documents.map { $0.element.endPageNumber ?? $0.element.pages?.map(\.pageNumber).max() ?? 1 }.max() ?? 0
        guard
            let (k, content) = documents.first(where: { c in
                (c.element.startPageNumber ?? 1)...(max(c.element.startPageNumber ?? 1, c.element.endPageNumber ?? 1)) ~= wanted
            })
        else {
            if documents.isEmpty, wanted == 1 { return a }
            throw ResultsError.noSuchPage(source: source, page: wanted, pages: pages)
        }
        a.page = wanted
        a.pageCount = pages
        let base = "result.contents[\(k)]"
        guard let p = (content.pages ?? []).firstIndex(where: { $0.pageNumber == wanted }) else {
            throw invalid(base + ".pages", "has no page \(wanted), which the content's page range holds")
        }
        let page = content.pages![p]
        let frame = try pageFrame(width: page.width, height: page.height, unit: content.unit, "\(base).pages[\(p)]")
        a.imageSize = frame.pixels
        func shape(_ source: String?, _ path: String) throws(ResultsError) -> RegionShape? {
            guard let source else { return nil }
            guard let flat = try sourcePolygon(source, page: wanted, path) else { return nil }
            return try polygon(flat: flat.enumerated().map { $0.offset % 2 == 0 ? $0.element * frame.x : $0.element * frame.y }, path)
        }

        let pagePath = "\(base).pages[\(p)]"
        var words: [(offset: Int, region: Region)] = []
        for (i, w) in (page.words ?? []).enumerated() {
            let path = "\(pagePath).words[\(i)]"
            guard let s = try shape(w.source, path + ".source") else { continue }
            let region = Region(
                kind: .textWord, label: w.content, confidence: try confidence(w.confidence, path + ".confidence"), shape: s,
                units: frame.units)
            words.append((w.span?.offset ?? Int.max, region))
        }
        words.sort { $0.offset < $1.offset }
        for (i, line) in (page.lines ?? []).enumerated() {
            guard let s = try shape(line.source, "\(pagePath).lines[\(i)].source") else { continue }
            let children = line.span.map { Self.words(words, in: Self.range(offset: $0.offset, length: $0.length)) } ?? []
            a.regions.append(
                Region(kind: .textLine, label: line.content, confidence: nil, shape: s, units: frame.units, children: children))
        }
        for (i, mark) in (page.selectionMarks ?? []).enumerated() {
            let path = "\(pagePath).selectionMarks[\(i)]"
            guard let s = try shape(mark.source, path + ".source") else { continue }
            a.regions.append(try selectionMark(mark.state, mark.confidence, shape: s, units: frame.units, path))
        }
        for (i, paragraph) in (content.paragraphs ?? []).enumerated() {
            guard let s = try shape(paragraph.source, "\(base).paragraphs[\(i)].source") else { continue }
            a.regions.append(
                Region(kind: .paragraph, label: paragraph.content, confidence: nil, shape: s, units: frame.units, role: paragraph.role))
        }
        for (i, t) in (content.tables ?? []).enumerated() {
            let path = "\(base).tables[\(i)]"
            var cells: [Region] = []
            for (j, c) in t.cells.enumerated() {
                let cellPath = "\(path).cells[\(j)]"
                guard let s = try shape(c.source, cellPath + ".source") else { continue }
                let position = try cellPosition(
                    row: c.rowIndex, column: c.columnIndex, rowSpan: c.rowSpan ?? 1, columnSpan: c.columnSpan ?? 1,
                    kind: c.kind.flatMap(TableCellPosition.Kind.init(rawValue:)) ?? .content, rows: t.rowCount, columns: t.columnCount,
                    cellPath)
                cells.append(Region(kind: .tableCell, label: c.content, confidence: nil, shape: s, units: frame.units, cell: position))
            }
            guard let s = try shape(t.source, path + ".source") ?? (cells.isEmpty ? nil : .polygon(Self.hull(cells))) else { continue }
            a.regions.append(Region(kind: .table, label: "", confidence: nil, shape: s, units: frame.units, children: cells))
        }
        func addField(_ field: ContentUnderstanding.Field, name: String, path: String, depth: Int) throws(ResultsError) {
            guard depth < 16 else { throw invalid(path, "nests fields more than 16 deep") }
            if field.valueArray == nil, field.valueObject == nil, let s = try shape(field.source, path + ".source") {
                let text =
                    field.content ?? field.valueString ?? field.valueDate ?? field.valueInteger.map { "\($0)" }
                    ?? field.valueNumber.map { "\($0)" } ?? ""
                a.regions.append(
                    Region(
                        kind: .field, label: text, confidence: try confidence(field.confidence, path + ".confidence"), shape: s,
                        units: frame.units, role: name))
            }
            for (j, item) in (field.valueArray ?? []).enumerated() {
                try addField(item, name: "\(name)[\(j)]", path: "\(path).valueArray[\(j)]", depth: depth + 1)
            }
            for (key, item) in (field.valueObject ?? [:]).sorted(by: { $0.key < $1.key }) {
                try addField(item, name: "\(name).\(key)", path: "\(path).valueObject.\(key)", depth: depth + 1)
            }
        }
        for (name, field) in (content.fields ?? [:]).sorted(by: { $0.key < $1.key }) {
            try addField(field, name: name, path: "\(base).fields.\(name)", depth: 0)
        }
        for (i, signature) in (content.signatures ?? []).enumerated() {
            let path = "\(base).signatures[\(i)]"
            guard let s = try shape(signature.source, path + ".source") else { continue }
            a.regions.append(
                Region(
                    kind: .field, label: signature.id ?? "", confidence: try confidence(signature.confidence, path + ".confidence"),
                    shape: s,
                    units: frame.units, role: "signature"))
        }
        return a
    }

    /// The numbers of the first `D(page,x1,y1,…)` of `source` on `page` (sources are joined by
    /// `;`); nil when none is on that page. Anything that is not such a list is refused.
    func sourcePolygon(_ source: String, page: Int, _ path: String) throws(ResultsError) -> [Double]? {
        for piece in source.split(separator: ";") {
            let text = piece.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("D("), text.hasSuffix(")") else {
                throw invalid(path, "is \"\(text.prefix(40))\"; expected D(page,x1,y1,…)")
            }
            let numbers = text.dropFirst(2).dropLast().split(separator: ",", omittingEmptySubsequences: false).map {
                Double($0.trimmingCharacters(in: .whitespaces))
            }
            guard numbers.count >= 7, numbers.count % 2 == 1, numbers.allSatisfy({ $0 != nil }), let first = numbers[0],
                first == first.rounded(), abs(first) < 1e9
            else {
                throw invalid(path, "is \"\(text.prefix(40))\"; expected D(page,x1,y1,…) with a whole page number and x, y pairs")
            }
            if Int(first) == page { return numbers.dropFirst().map { $0! } }
        }
        return nil
    }
}
