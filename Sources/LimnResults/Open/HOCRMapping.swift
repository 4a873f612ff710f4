import Foundation
import LimnGeometry

extension ResultMapper {
    /// Tesseract hOCR → ``Analysis``, one `ocr_page` (from 1): its `bbox` the image size,
    /// `ocr_carea` blocks, `ocr_par` paragraphs, lines (`ocr_line`, `ocr_header`,
    /// `ocr_caption`, `ocr_textfloat`) holding their `ocrx_word`s, whose `x_wconf` (0–100) is
    /// the confidence. Boxes are `bbox x0 y0 x1 y1` corners in pixels. Markup that is not
    /// well formed (a tag that does not end, an end tag that closes nothing open, a document
    /// that stops inside a word) is refused with where.
    func hocr(_ data: Data, page wanted: Int) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .tesseract, format: .tesseractHOCR, imageSize: nil)
        var scanner = MarkupScanner([UInt8](data))
        // Open elements: their name and hOCR class.
        var open: [(name: String, kind: String?)] = []
        var pages = 0
        var sawHOCR = false
        // Markup before any `ocr_page` (or in a file without one) counts as page 1.
        var onPage = wanted == 1
        var lines: [Region] = [], words: [Region] = [], line: Region?, word: Region?, wordText = ""
        let voids: Set<String> = ["meta", "br", "img", "link", "hr", "input", "base", "col", "area", "param", "source"]
        let lineClasses: Set<String> = ["ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"]
        func notHOCR(_ reason: String) -> ResultsError {
            .invalidField(source: source, path: "byte \(scanner.offset)", reason: "is not hOCR: \(reason)")
        }
        while true {
            let event: MarkupScanner.Event?
            do { event = try scanner.next() } catch {
                throw ResultsError.invalidField(source: source, path: "byte \(error.offset)", reason: "is not hOCR: \(error.reason)")
            }
            guard let event else { break }
            switch event {
            case .text(let text):
                if word != nil { wordText += text }
            case .open(let name, let attributes, let selfClosing):
                let kind = attributes["class"]?.split(separator: " ").first.map(String.init)
                let title = attributes["title"] ?? ""
                if !selfClosing, !voids.contains(name.lowercased()) { open.append((name, kind)) }
                guard let kind else { continue }
                if kind.hasPrefix("ocr") { sawHOCR = true }
                if kind == "ocr_page" {
                    pages += 1
                    onPage = pages == wanted
                    if onPage, let b = try hocrBox(title, "ocr_page \(pages)") {
                        a.imageSize = Size(width: Int(b.maxX), height: Int(b.maxY))
                    }
                    continue
                }
                guard onPage, let box = try hocrBox(title, "\(kind) \(attributes["id"] ?? "")") else { continue }
                switch kind {
                case "ocr_carea": a.regions.append(Region(kind: .textBlock, label: "", confidence: nil, shape: .box(box)))
                case "ocr_par": a.regions.append(Region(kind: .paragraph, label: "", confidence: nil, shape: .box(box)))
                case _ where lineClasses.contains(kind):
                    line = Region(kind: .textLine, label: "", confidence: nil, shape: .box(box))
                    words = []
                case "ocrx_word":
                    let wconf = Self.titleField(title, "x_wconf").flatMap { Double($0) }
                    word = Region(
                        kind: .textWord, label: "",
                        confidence: try confidence(wconf, "\(attributes["id"] ?? "ocrx_word").x_wconf", scale: 100),
                        shape: .box(box))
                    wordText = ""
                default: break
                }
            case .close(let name):
                guard let k = open.lastIndex(where: { $0.name == name }) else { throw notHOCR("</\(name)> closes nothing that is open") }
                for element in open[k...].reversed() {
                    switch element.kind {
                    case "ocrx_word"? where word != nil:
                        word!.label = wordText.trimmingCharacters(in: .whitespacesAndNewlines)
                        if !word!.label.isEmpty { words.append(word!) }
                        word = nil
                    case let c? where lineClasses.contains(c) && line != nil:
                        line!.children = words
                        line!.label = words.map(\.label).joined(separator: " ")
                        lines.append(line!)
                        line = nil
                    case "ocr_page"?: onPage = false
                    default: break
                    }
                }
                open.removeSubrange(k...)
            }
        }
        if let inside = open.last(where: { $0.kind != nil }) { throw notHOCR("it ends inside an element of class \(inside.kind!)") }
        guard sawHOCR else {
            throw ResultsError.unrecognised(
                source: source,
                detail: "markup with no hOCR element (no ocr_page, ocr_line or ocrx_word class); hOCR is what tesseract … hocr writes")
        }
        guard wanted >= 1, wanted <= max(pages, 1) else { throw ResultsError.noSuchPage(source: source, page: wanted, pages: pages) }
        if pages > 1 {
            a.page = wanted
            a.pageCount = pages
        }
        a.regions += lines
        return a
    }

    /// The `bbox x0 y0 x1 y1` of an hOCR title (nil when it has none).
    func hocrBox(_ title: String, _ path: String) throws(ResultsError) -> Rect? {
        guard let field = Self.titleField(title, "bbox") else { return nil }
        let numbers = field.split(separator: " ").map { Double($0) }
        guard numbers.count == 4, let x0 = numbers[0], let y0 = numbers[1], let x1 = numbers[2], let y1 = numbers[3] else {
            throw invalid(path + " bbox", "is \"\(field)\"; expected four numbers, x0 y0 x1 y1")
        }
        return try box(x: x0, y: y0, width: x1 - x0, height: y1 - y0, path + " bbox")
    }

    /// The value of one `key value…` entry of an hOCR title (`bbox 1 2 3 4; x_wconf 96`).
    static func titleField(_ title: String, _ key: String) -> String? {
        for entry in title.split(separator: ";") {
            let parts = entry.trimmingCharacters(in: .whitespaces)
            if parts.hasPrefix(key + " ") { return String(parts.dropFirst(key.count + 1)).trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }
}
