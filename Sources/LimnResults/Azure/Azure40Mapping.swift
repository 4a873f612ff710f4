import LimnGeometry

extension ResultMapper {
    /// Image Analysis 4.0 (GA and preview) → ``Analysis``.
    func azure40(_ r: Azure40.Response, format: ResultFormat) throws(ResultsError) -> Analysis {
        var a = Analysis(
            vendor: .azureImageAnalysis40, format: format, modelVersion: r.modelVersion,
            imageSize: try r.metadata.map { m throws(ResultsError) in try size(width: m.width, height: m.height, "metadata") })
        if let c = r.captionResult, let text = c.text {
            a.captions.append(Caption(text: text, confidence: try confidence(c.confidence, "captionResult.confidence")))
        }
        for (i, c) in (r.denseCaptionsResult?.values ?? []).enumerated() {
            let path = "denseCaptionsResult.values[\(i)]"
            guard let b = c.boundingBox else { throw invalid(path + ".boundingBox", "is missing") }
            a.regions.append(
                Region(
                    kind: .denseCaption, label: c.text ?? "", confidence: try confidence(c.confidence, path + ".confidence"),
                    shape: .box(try box(b, path + ".boundingBox"))))
        }
        for (i, t) in (r.tagsResult?.values ?? []).enumerated() {
            a.tags.append(Tag(name: t.name ?? "", confidence: try confidence(t.confidence, "tagsResult.values[\(i)].confidence")))
        }
        try addObjects(r.objectsResult?.values ?? [], "objectsResult.values", to: &a)
        for (i, p) in (r.peopleResult?.values ?? []).enumerated() {
            let path = "peopleResult.values[\(i)]"
            guard let b = p.boundingBox else { throw invalid(path + ".boundingBox", "is missing") }
            a.regions.append(
                Region(
                    kind: .person, label: "person", confidence: try confidence(p.confidence, path + ".confidence"),
                    shape: .box(try box(b, path + ".boundingBox"))))
        }
        for (i, c) in (r.smartCropsResult?.values ?? []).enumerated() {
            let path = "smartCropsResult.values[\(i)]"
            guard let b = c.boundingBox else { throw invalid(path + ".boundingBox", "is missing") }
            let ratio = try c.aspectRatio.map { v throws(ResultsError) in try finite(v, path + ".aspectRatio") }
            a.cropSuggestions.append(
                CropSuggestion(aspectRatio: ratio.flatMap { $0 > 0 ? $0 : nil }, box: try box(b, path + ".boundingBox")))
        }
        if let custom = r.customModelResult {
            try addObjects(custom.objectsResult?.values ?? [], "customModelResult.objectsResult.values", to: &a)
            for (i, t) in (custom.tagsResult?.values ?? []).enumerated() {
                a.tags.append(
                    Tag(
                        name: t.name ?? "", confidence: try confidence(t.confidence, "customModelResult.tagsResult.values[\(i)].confidence")
                    ))
            }
        }
        if let read = r.readResult { a.regions += try readLines(read) }
        return a
    }

    private func box(_ b: Azure40.Box, _ path: String) throws(ResultsError) -> Rect {
        try box(x: b.x, y: b.y, width: b.w, height: b.h, path)
    }

    private func addObjects(_ objects: [Azure40.Object], _ base: String, to a: inout Analysis) throws(ResultsError) {
        for (i, o) in objects.enumerated() {
            let path = "\(base)[\(i)]"
            guard let b = o.boundingBox else { throw invalid(path + ".boundingBox", "is missing") }
            // The best tag names the object; the documentation's flattened shape has name and confidence inline.
            let best = o.tags?.first
            a.regions.append(
                Region(
                    kind: .object, label: best?.name ?? o.name ?? "object",
                    confidence: try confidence(
                        best?.confidence ?? o.confidence, path + (best != nil ? ".tags[0].confidence" : ".confidence")),
                    shape: .box(try box(b, path + ".boundingBox"))))
        }
    }

    /// GA blocks, or pages: lines carrying their words (GA-like), or page-level words attached
    /// to lines through their spans (preview).
    private func readLines(_ read: Azure40.ReadResult) throws(ResultsError) -> [Region] {
        var lines: [Region] = []
        for (b, block) in (read.blocks ?? []).enumerated() {
            for (l, line) in (block.lines ?? []).enumerated() {
                lines.append(try self.line(line, words: line.words ?? [], "readResult.blocks[\(b)].lines[\(l)]", wordsPath: nil))
            }
        }
        for (p, page) in (read.pages ?? []).enumerated() {
            let pageWords = page.words ?? []
            for (l, line) in (page.lines ?? []).enumerated() {
                let path = "readResult.pages[\(p)].lines[\(l)]"
                if let words = line.words {
                    lines.append(try self.line(line, words: words, path, wordsPath: nil))
                    continue
                }
                // Preview: a word belongs to the line whose spans contain its span's start.
                let spans = line.spans ?? []
                let indices = pageWords.indices.filter { i in
                    guard let s = pageWords[i].span else { return false }
                    return spans.contains { s.offset >= $0.offset && s.offset < $0.offset + $0.length }
                }
                lines.append(
                    try self.line(
                        line, words: indices.map { pageWords[$0] }, path,
                        wordsPath: indices.map { "readResult.pages[\(p)].words[\($0)]" }))
            }
        }
        return lines
    }

    private func line(_ line: Azure40.Line, words: [Azure40.Word], _ path: String, wordsPath: [String]?) throws(ResultsError) -> Region {
        var children: [Region] = []
        for (w, word) in words.enumerated() {
            let wpath = wordsPath?[w] ?? path + ".words[\(w)]"
            children.append(
                Region(
                    kind: .textWord, label: word.text ?? word.content ?? "",
                    confidence: try confidence(word.confidence, wpath + ".confidence"),
                    shape: try shape(polygon: word.boundingPolygon, flat: word.boundingBox, wpath)))
        }
        return Region(
            kind: .textLine, label: line.text ?? line.content ?? "", confidence: nil,
            shape: try shape(polygon: line.boundingPolygon, flat: line.boundingBox, path), children: children)
    }

    private func shape(polygon points: [Azure40.Point]?, flat: [Double]?, _ path: String) throws(ResultsError) -> RegionShape {
        if let points { return try polygon(points.map { Point(x: $0.x, y: $0.y) }, path + ".boundingPolygon") }
        if let flat { return try polygon(flat: flat, path + ".boundingBox") }
        throw invalid(path + ".boundingPolygon", "is missing")
    }
}
