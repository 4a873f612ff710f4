import LimnGeometry

extension ResultMapper {
    /// Document Intelligence v4 → ``Analysis``, one page of it (from 1). Lines hold the words
    /// whose span lies in one of theirs; paragraphs keep their role, tables their cells (with
    /// spans and header kinds), key–value pairs become a key holding its value, selection marks
    /// their state, and every document field with a region on the page a region named by its
    /// path (`Items[0].Amount`). Parts that lie on other pages are left out. An inch page is
    /// given in fractions of the page, so it lands on any picture of it; a pixel page keeps
    /// pixels and gives its size.
    func documentIntelligence(_ body: DocumentIntelligence.Body, page wanted: Int) throws(ResultsError) -> Analysis {
        let r = body.result
        var a = Analysis(vendor: .azureDocumentIntelligence, format: .documentIntelligence, modelVersion: r.modelId, imageSize: nil)
        let pages = r.pages ?? []
        guard !pages.isEmpty else {
            if wanted != 1 { throw ResultsError.noSuchPage(source: source, page: wanted, pages: 0) }
            return a
        }
        guard let k = pages.firstIndex(where: { $0.pageNumber == wanted }) else {
            throw ResultsError.noSuchPage(source: source, page: wanted, pages: pages.count)
        }
        let page = pages[k]
        let base = "analyzeResult.pages[\(k)]"
        a.page = wanted
        a.pageCount = pages.count
        let frame = try pageFrame(width: page.width, height: page.height, unit: page.unit, base)
        a.imageSize = frame.pixels
        func shape(_ flat: [Double]?, _ path: String) throws(ResultsError) -> RegionShape? {
            guard let flat else { return nil }
            return try polygon(flat: flat.enumerated().map { $0.offset % 2 == 0 ? $0.element * frame.x : $0.element * frame.y }, path)
        }
        func region(_ regions: [DocumentIntelligence.BoundingRegion]?, _ path: String) throws(ResultsError) -> RegionShape? {
            guard let regions, let i = regions.firstIndex(where: { $0.pageNumber == wanted }) else { return nil }
            return try shape(regions[i].polygon, "\(path).boundingRegions[\(i)].polygon")
        }

        // Words by their place in the content, so each line finds its own by bisection.
        var words: [(offset: Int, region: Region)] = []
        for (i, w) in (page.words ?? []).enumerated() {
            let path = "\(base).words[\(i)]"
            guard let s = try shape(w.polygon, path + ".polygon") else { continue }
            let c = try confidence(w.confidence, path + ".confidence")
            words.append((w.span.offset, Region(kind: .textWord, label: w.content, confidence: c, shape: s, units: frame.units)))
        }
        words.sort { $0.offset < $1.offset }
        for (i, line) in (page.lines ?? []).enumerated() {
            let path = "\(base).lines[\(i)]"
            guard let s = try shape(line.polygon, path + ".polygon") else { continue }
            let children = (line.spans ?? []).flatMap { Self.words(words, in: Self.range(offset: $0.offset, length: $0.length)) }
            a.regions.append(
                Region(kind: .textLine, label: line.content, confidence: nil, shape: s, units: frame.units, children: children))
        }
        for (i, mark) in (page.selectionMarks ?? []).enumerated() {
            let path = "\(base).selectionMarks[\(i)]"
            guard let s = try shape(mark.polygon, path + ".polygon") else { continue }
            a.regions.append(try selectionMark(mark.state, mark.confidence, shape: s, units: frame.units, path))
        }
        for (i, p) in (r.paragraphs ?? []).enumerated() {
            let path = "analyzeResult.paragraphs[\(i)]"
            guard let s = try region(p.boundingRegions, path) else { continue }
            a.regions.append(Region(kind: .paragraph, label: p.content, confidence: nil, shape: s, units: frame.units, role: p.role))
        }
        for (i, t) in (r.tables ?? []).enumerated() {
            let path = "analyzeResult.tables[\(i)]"
            guard t.rowCount >= 0, t.columnCount >= 0, t.rowCount < 1 << 20, t.columnCount < 1 << 20 else {
                throw invalid(path, "declares \(t.rowCount) rows and \(t.columnCount) columns")
            }
            var cells: [Region] = []
            for (j, c) in t.cells.enumerated() {
                let cellPath = "\(path).cells[\(j)]"
                guard let s = try region(c.boundingRegions, cellPath) else { continue }
                let position = try cellPosition(
                    row: c.rowIndex, column: c.columnIndex, rowSpan: c.rowSpan ?? 1, columnSpan: c.columnSpan ?? 1,
                    kind: c.kind.flatMap(TableCellPosition.Kind.init(rawValue:)) ?? .content, rows: t.rowCount, columns: t.columnCount,
                    cellPath)
                cells.append(
                    Region(kind: .tableCell, label: c.content, confidence: nil, shape: s, units: frame.units, cell: position))
            }
            guard let s = try region(t.boundingRegions, path) ?? (cells.isEmpty ? nil : .polygon(Self.hull(cells))) else { continue }
            a.regions.append(Region(kind: .table, label: "", confidence: nil, shape: s, units: frame.units, children: cells))
        }
        for (i, pair) in (r.keyValuePairs ?? []).enumerated() {
            let path = "analyzeResult.keyValuePairs[\(i)]"
            guard let keyShape = try region(pair.key.boundingRegions, path + ".key") else { continue }
            var value: [Region] = []
            if let v = pair.value, let s = try region(v.boundingRegions, path + ".value") {
                value = [Region(kind: .formValue, label: v.content, confidence: nil, shape: s, units: frame.units)]
            }
            a.regions.append(
                Region(
                    kind: .formKey, label: pair.key.content, confidence: try confidence(pair.confidence, path + ".confidence"),
                    shape: keyShape, units: frame.units, children: value))
        }
        func addField(_ field: DocumentIntelligence.Field, name: String, path: String, depth: Int) throws(ResultsError) {
            guard depth < 16 else { throw invalid(path, "nests fields more than 16 deep") }
            if let s = try region(field.boundingRegions, path), field.valueArray == nil, field.valueObject == nil {
                a.regions.append(
                    Region(
                        kind: .field, label: field.content ?? "", confidence: try confidence(field.confidence, path + ".confidence"),
                        shape: s, units: frame.units, role: name))
            }
            for (j, item) in (field.valueArray ?? []).enumerated() {
                try addField(item, name: "\(name)[\(j)]", path: "\(path).valueArray[\(j)]", depth: depth + 1)
            }
            for (key, item) in (field.valueObject ?? [:]).sorted(by: { $0.key < $1.key }) {
                try addField(item, name: "\(name).\(key)", path: "\(path).valueObject.\(key)", depth: depth + 1)
            }
        }
        for (i, document) in (r.documents ?? []).enumerated() {
            for (name, field) in (document.fields ?? [:]).sorted(by: { $0.key < $1.key }) {
                try addField(field, name: name, path: "analyzeResult.documents[\(i)].fields.\(name)", depth: 0)
            }
        }
        return a
    }

    /// How a page's numbers become the region's: pixels as they are (and the page's size), or
    /// inches divided by the page's sides into fractions.
    func pageFrame(
        width: Double?, height: Double?, unit: String?, _ path: String
    ) throws(ResultsError) -> (
        units: RegionUnits, x: Double, y: Double, pixels: Size?
    ) {
        guard let w = width, let h = height else { throw invalid(path, "has no width and height") }
        switch unit ?? "pixel" {
        case "pixel":
            return (.pixels, 1, 1, try size(width: w, height: h, path))
        case "inch":
            guard w.isFinite, h.isFinite, w > 0, h > 0, w < 1e6, h < 1e6 else { throw invalid(path, "declares a \(w)x\(h) inch page") }
            return (.fractions, 1 / w, 1 / h, nil)
        case let other:
            throw invalid(path + ".unit", "is \"\(other)\"; expected pixel or inch")
        }
    }

    /// A selection mark of Document Intelligence or Content Understanding: its state checked.
    func selectionMark(
        _ state: String, _ c: Double?, shape: RegionShape, units: RegionUnits, _ path: String
    ) throws(ResultsError)
        -> Region
    {
        guard state == "selected" || state == "unselected" else {
            throw invalid(path + ".state", "is \"\(state)\"; expected selected or unselected")
        }
        return Region(kind: .selectionMark, label: state, confidence: try confidence(c, path + ".confidence"), shape: shape, units: units)
    }

    /// A span's characters; a negative length is empty, and one past `Int.max` ends there.
    static func range(offset: Int, length: Int) -> Range<Int> {
        let length = max(0, length)
        return offset..<(offset > Int.max - length ? Int.max : offset + length)
    }

    /// The words (sorted by offset) whose offset lies in `range`, found by bisection.
    static func words(_ words: [(offset: Int, region: Region)], in range: Range<Int>) -> [Region] {
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid].offset < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var out: [Region] = []
        while lo < words.count, words[lo].offset < range.upperBound {
            out.append(words[lo].region)
            lo += 1
        }
        return out
    }

    /// A cell's place, checked against its table's size.
    func cellPosition(
        row: Int, column: Int, rowSpan: Int, columnSpan: Int, kind: TableCellPosition.Kind, rows: Int, columns: Int, _ path: String
    ) throws(ResultsError) -> TableCellPosition {
        guard row >= 0, column >= 0, rowSpan >= 1, columnSpan >= 1, row < rows, column < columns, rowSpan <= rows - row,
            columnSpan <= columns - column
        else {
            throw invalid(
                path, "sits at row \(row), column \(column) spanning \(rowSpan)x\(columnSpan), outside its \(rows)x\(columns) table")
        }
        return TableCellPosition(row: row, column: column, rowSpan: rowSpan, columnSpan: columnSpan, kind: kind)
    }

    /// The box around regions, as a polygon (a table whose own region is missing).
    static func hull(_ regions: [Region]) -> [Point] {
        (Rect(bounding: regions.flatMap(\.shape.points)) ?? Rect(x: 0, y: 0, width: 0, height: 0)).corners
    }
}
