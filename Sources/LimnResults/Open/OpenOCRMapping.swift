import LimnGeometry

extension ResultMapper {
    /// EasyOCR → ``Analysis``: each detection a text line (EasyOCR finds lines, not words) with
    /// its four corners, in pixels of the picture it read.
    func easyOCR(_ items: [OpenOCR.EasyOCRItem]) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .easyOCR, format: .easyOCR, imageSize: nil)
        for (i, item) in items.enumerated() {
            let path = "[\(i)]"
            a.regions.append(
                Region(
                    kind: .textLine, label: item.text, confidence: try confidence(item.confidence, path + "[2]"),
                    shape: try corners(item.box, path + "[0]")))
        }
        return a
    }

    /// PaddleOCR 3.x → ``Analysis``: each recognised text a line, placed by its polygon (or box
    /// when the result has only boxes). Empty texts (PaddleOCR keeps them) are left out.
    func paddleOCR(_ body: OpenOCR.PaddleBody) throws(ResultsError) -> Analysis {
        let r = body.result
        var a = Analysis(vendor: .paddleOCR, format: .paddleOCR, imageSize: nil)
        for (i, text) in r.texts.enumerated() where !text.isEmpty {
            let shape: RegionShape
            if let polygons = r.polygons {
                guard i < polygons.count else { throw invalid("rec_polys", "has \(polygons.count) polygons for \(r.texts.count) texts") }
                shape = try corners(polygons[i], "rec_polys[\(i)]")
            } else if let boxes = r.boxes {
                guard i < boxes.count else { throw invalid("rec_boxes", "has \(boxes.count) boxes for \(r.texts.count) texts") }
                let b = boxes[i]
                guard b.count == 4 else { throw invalid("rec_boxes[\(i)]", "has \(b.count) numbers; expected x1, y1, x2, y2") }
                shape = .box(try box(x: b[0], y: b[1], width: b[2] - b[0], height: b[3] - b[1], "rec_boxes[\(i)]"))
            } else {
                throw invalid("rec_texts", "has no rec_polys or rec_boxes to place it")
            }
            let score = try r.scores.map { (scores) throws(ResultsError) -> Double? in
                guard i < scores.count else { throw invalid("rec_scores", "has \(scores.count) scores for \(r.texts.count) texts") }
                return try confidence(scores[i], "rec_scores[\(i)]")
            }
            a.regions.append(Region(kind: .textLine, label: text, confidence: score ?? nil, shape: shape))
        }
        return a
    }

    /// PaddleOCR 2.x → ``Analysis``: one page of `[[box, [text, score]], …]` lists (`null` for a
    /// page without text).
    func paddleOCR(pages: [[OpenOCR.Paddle2Item]?], page: Int) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .paddleOCR, format: .paddleOCR, imageSize: nil)
        guard page >= 1, page <= max(pages.count, 1) else { throw ResultsError.noSuchPage(source: source, page: page, pages: pages.count) }
        if pages.count > 1 {
            a.page = page
            a.pageCount = pages.count
        }
        guard !pages.isEmpty else { return a }
        for (i, item) in (pages[page - 1] ?? []).enumerated() where !item.text.isEmpty {
            let path = "[\(page - 1)][\(i)]"
            a.regions.append(
                Region(
                    kind: .textLine, label: item.text, confidence: try confidence(item.score, path + "[1][1]"),
                    shape: try corners(item.box, path + "[0]")))
        }
        return a
    }

    /// A polygon from `[[x, y], …]` corners.
    func corners(_ points: [[Double]], _ path: String) throws(ResultsError) -> RegionShape {
        var out: [Point] = []
        for (i, p) in points.enumerated() {
            guard p.count == 2 else { throw invalid("\(path)[\(i)]", "has \(p.count) numbers; expected [x, y]") }
            out.append(Point(x: p[0], y: p[1]))
        }
        return try polygon(out, path)
    }
}
