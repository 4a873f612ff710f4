import Foundation
import LimnGeometry

extension ResultMapper {
    /// Tesseract TSV (`tesseract … tsv`, `pytesseract.image_to_data`) → ``Analysis``, one page
    /// (from 1, by `page_num`): the level-1 row gives the image size, level 2 blocks, level 3
    /// paragraphs, level 4 lines holding their level-5 words; `left top width height` boxes in
    /// pixels; a word's `conf` (0–100, -1 on rows that are not words) its confidence. Columns
    /// are found by the header's names; rows with a wrong number of fields or numbers that are
    /// not numbers are refused by line.
    func tesseractTSV(_ data: Data, page wanted: Int) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .tesseract, format: .tesseractTSV, imageSize: nil)
        let text = String(decoding: data, as: UTF8.self)
        var rows = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        while rows.last?.isEmpty == true { rows.removeLast() }
        guard let header = rows.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else {
            throw invalid("line 1", "is empty; expected the TSV header")
        }
        let names = ["level", "page_num", "left", "top", "width", "height", "conf", "text"]
        var column: [String: Int] = [:]
        for name in names {
            guard let k = header.firstIndex(of: name) else { throw invalid("line 1", "has no \(name) column") }
            column[name] = k
        }
        var pages = Set<Int>()
        var lines: [Region] = [], line: Region?
        func endLine() {
            if var l = line {
                l.label = l.children.map(\.label).joined(separator: " ")
                lines.append(l)
            }
            line = nil
        }
        for (n, row) in rows.enumerated().dropFirst() {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            let path = "line \(n + 1)"
            // The text column is last and may hold nothing (rows end in a tab) or be cut off.
            guard fields.count >= header.count - 1, fields.count <= header.count else {
                throw invalid(path, "has \(fields.count) fields; the header names \(header.count)")
            }
            func number(_ name: String) throws(ResultsError) -> Double {
                guard let k = column[name], k < fields.count, let v = Double(fields[k]) else {
                    throw invalid(path, "has no number in its \(name) column")
                }
                return try finite(v, "\(path) \(name)")
            }
            let level = Int(try number("level")), page = Int(try number("page_num"))
            pages.insert(page)
            guard page == wanted else { continue }
            let box = try self.box(
                x: try number("left"), y: try number("top"), width: try number("width"), height: try number("height"), path)
            switch level {
            case 1: a.imageSize = try size(width: box.maxX, height: box.maxY, path)
            case 2: a.regions.append(Region(kind: .textBlock, label: "", confidence: nil, shape: .box(box)))
            case 3: a.regions.append(Region(kind: .paragraph, label: "", confidence: nil, shape: .box(box)))
            case 4:
                endLine()
                line = Region(kind: .textLine, label: "", confidence: nil, shape: .box(box))
            case 5:
                let label = column["text"].flatMap { $0 < fields.count ? String(fields[$0]) : nil } ?? ""
                let conf = try number("conf")
                let word = Region(
                    kind: .textWord, label: label, confidence: conf < 0 ? nil : try confidence(conf, "\(path) conf", scale: 100),
                    shape: .box(box))
                guard !label.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                if line == nil { line = Region(kind: .textLine, label: "", confidence: nil, shape: .box(box)) }
                line!.children.append(word)
            default:
                throw invalid(path, "has level \(level); Tesseract's levels are 1 (page) to 5 (word)")
            }
        }
        endLine()
        let count = pages.count
        guard wanted >= 1, pages.contains(wanted) || (pages.isEmpty && wanted == 1) else {
            throw ResultsError.noSuchPage(source: source, page: wanted, pages: count)
        }
        if count > 1 {
            a.page = wanted
            a.pageCount = count
        }
        a.regions += lines
        return a
    }
}
