import LimnGeometry

extension ResultMapper {
    /// Google Cloud Vision → ``Analysis``, from one response of the batch (`page`, from 1: the
    /// pages of a PDF, or the pictures of a batch, come as one response each). Text: the
    /// `fullTextAnnotation` hierarchy when it holds words — its blocks, paragraphs, and lines
    /// made from the words and the breaks Google detected, holding their words — and otherwise
    /// the first text annotation (the whole text) as a block holding the words that follow it.
    func google(_ batch: GoogleVision.Batch, page: Int) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .googleCloudVision, format: .googleVision, imageSize: nil)
        let responses = batch.responses ?? []
        if responses.count > 1 {
            guard page >= 1, page <= responses.count else {
                throw ResultsError.noSuchPage(source: source, page: page, pages: responses.count)
            }
            a.page = page
            a.pageCount = responses.count
        } else if page != 1 {
            throw ResultsError.noSuchPage(source: source, page: page, pages: 1)
        }
        guard !responses.isEmpty else { return a }
        let r = responses[page - 1]
        if let error = r.error {
            throw ResultsError.serviceError(
                source: source, vendor: "Google Cloud Vision", code: error.code.map { "\($0)" } ?? "error",
                message: error.message ?? "no message")
        }
        let base = batch.unwrapped ? "" : "responses[\(page - 1)]"
        let dot = base.isEmpty ? "" : "."
        if let page = r.fullTextAnnotation?.pages?.first, let w = page.width, let h = page.height {
            a.imageSize = try size(width: w, height: h, base + dot + "fullTextAnnotation.pages[0]")
        }
        for (i, label) in (r.labelAnnotations ?? []).enumerated() {
            a.tags.append(
                Tag(name: label.description ?? "", confidence: try confidence(label.score, "\(base)\(dot)labelAnnotations[\(i)].score")))
        }
        let texts = r.textAnnotations ?? []
        let hierarchy = try fullText(r.fullTextAnnotation, base + dot + "fullTextAnnotation")
        a.regions += hierarchy
        if hierarchy.isEmpty, let whole = texts.first {
            var words: [Region] = []
            for (i, t) in texts.enumerated().dropFirst() {
                let path = "\(base)\(dot)textAnnotations[\(i)].boundingPoly"
                words.append(
                    Region(
                        kind: .textWord, label: t.description ?? "", confidence: nil, shape: try shape(t.boundingPoly, path, box: false).0))
            }
            let path = "\(base)\(dot)textAnnotations[0].boundingPoly"
            a.regions.append(
                Region(
                    kind: .textBlock, label: whole.description ?? "", confidence: nil,
                    shape: try shape(whole.boundingPoly, path, box: false).0, children: words))
        }
        for (i, o) in (r.localizedObjectAnnotations ?? []).enumerated() {
            let path = "\(base)\(dot)localizedObjectAnnotations[\(i)]"
            let (s, units) = try shape(o.boundingPoly, path + ".boundingPoly", box: true)
            a.regions.append(
                Region(
                    kind: .object, label: o.name ?? "object", confidence: try confidence(o.score, path + ".score"), shape: s, units: units))
        }
        for (i, f) in (r.faceAnnotations ?? []).enumerated() {
            let path = "\(base)\(dot)faceAnnotations[\(i)]"
            let (s, units) = try shape(f.boundingPoly, path + ".boundingPoly", box: true)
            // Landmarks are in pixels (Google omits a zero coordinate), kept with a box in pixels;
            // faces give no skeleton.
            var points: [Keypoint] = []
            for (k, l) in (f.landmarks ?? []).enumerated() {
                guard let p = l.position else { continue }
                let x = try finite(p.x ?? 0, "\(path).landmarks[\(k)].position.x"),
                    y = try finite(p.y ?? 0, "\(path).landmarks[\(k)].position.y")
                points.append(Keypoint(point: Point(x: x, y: y), name: l.type?.lowercased()))
            }
            a.regions.append(
                Region(
                    kind: .face, label: "face", confidence: try confidence(f.detectionConfidence, path + ".detectionConfidence"),
                    shape: s, units: units, keypoints: units == .pixels ? points : []))
        }
        for (i, logo) in (r.logoAnnotations ?? []).enumerated() {
            let path = "\(base)\(dot)logoAnnotations[\(i)]"
            let (s, units) = try shape(logo.boundingPoly, path + ".boundingPoly", box: true)
            a.regions.append(
                Region(
                    kind: .brand, label: logo.description ?? "", confidence: try confidence(logo.score, path + ".score"), shape: s,
                    units: units))
        }
        for (i, landmark) in (r.landmarkAnnotations ?? []).enumerated() {
            let path = "\(base)\(dot)landmarkAnnotations[\(i)]"
            let (s, units) = try shape(landmark.boundingPoly, path + ".boundingPoly", box: true)
            a.regions.append(
                Region(
                    kind: .landmark, label: landmark.description ?? "", confidence: try confidence(landmark.score, path + ".score"),
                    shape: s, units: units))
        }
        for (i, hint) in (r.cropHintsAnnotation?.cropHints ?? []).enumerated() {
            let (s, _) = try shape(hint.boundingPoly, "\(base)\(dot)cropHintsAnnotation.cropHints[\(i)].boundingPoly", box: true)
            a.cropSuggestions.append(CropSuggestion(aspectRatio: nil, box: s.bounds))
        }
        return a
    }

    /// The first page's blocks (`.textBlock`), paragraphs, and lines: a line runs from a word to
    /// the next end-of-line break (`EOL_SURE_SPACE`, `LINE_BREAK`, `HYPHEN`), its polygon from
    /// its first word's left edge to its last word's right edge (so a slanted line stays
    /// slanted), its text the words with the breaks between them. Empty when the page has no words.
    private func fullText(_ text: GoogleVision.FullText?, _ base: String) throws(ResultsError) -> [Region] {
        guard let page = text?.pages?.first else { return [] }
        var blocks: [Region] = [], paragraphs: [Region] = [], lines: [Region] = []
        var words: [Region] = [], line = ""
        func endLine() {
            guard let first = words.first, let last = words.last else { return }
            let a = first.shape.points, b = last.shape.points
            let quad = a.count == 4 && b.count == 4 ? [a[0], b[1], b[2], a[3]] : (Rect(bounding: a + b)?.corners ?? a)
            lines.append(Region(kind: .textLine, label: line, confidence: nil, shape: .polygon(quad), children: words))
            words = []
            line = ""
        }
        for (i, block) in (page.blocks ?? []).enumerated() {
            let blockPath = "\(base).pages[0].blocks[\(i)]"
            for (j, paragraph) in (block.paragraphs ?? []).enumerated() {
                let paragraphPath = "\(blockPath).paragraphs[\(j)]"
                for (k, word) in (paragraph.words ?? []).enumerated() {
                    let path = "\(paragraphPath).words[\(k)]"
                    let symbols = word.symbols ?? []
                    let spelled = symbols.map { $0.text ?? "" }.joined()
                    let (s, units) = try shape(word.boundingBox, path + ".boundingBox", box: false)
                    words.append(
                        Region(
                            kind: .textWord, label: spelled, confidence: try confidence(word.confidence, path + ".confidence"), shape: s,
                            units: units))
                    line += spelled
                    switch symbols.last?.property?.detectedBreak?.type {
                    case "SPACE", "SURE_SPACE": line += " "
                    case "HYPHEN":
                        line += "-"
                        endLine()
                    case "EOL_SURE_SPACE", "LINE_BREAK": endLine()
                    default: break
                    }
                }
                endLine()
                if paragraph.boundingBox != nil {
                    let (s, units) = try shape(paragraph.boundingBox, paragraphPath + ".boundingBox", box: false)
                    let spelled = (paragraph.words ?? []).map { ($0.symbols ?? []).map { $0.text ?? "" }.joined() }.joined(separator: " ")
                    paragraphs.append(
                        Region(
                            kind: .paragraph, label: spelled,
                            confidence: try confidence(paragraph.confidence, paragraphPath + ".confidence"),
                            shape: s, units: units))
                }
            }
            if block.boundingBox != nil {
                let (s, units) = try shape(block.boundingBox, blockPath + ".boundingBox", box: false)
                blocks.append(
                    Region(
                        kind: .textBlock, label: block.blockType ?? "",
                        confidence: try confidence(block.confidence, blockPath + ".confidence"),
                        shape: s, units: units))
            }
        }
        return lines.isEmpty ? [] : blocks + paragraphs + lines
    }

    /// A bounding poly's shape (a box when `box`) and units; missing `x`/`y` mean 0.
    private func shape(_ poly: GoogleVision.BoundingPoly?, _ path: String, box: Bool) throws(ResultsError) -> (RegionShape, RegionUnits) {
        let normalized = poly?.normalizedVertices ?? []
        let vertices = normalized.isEmpty ? (poly?.vertices ?? []) : normalized
        let points = vertices.map { Point(x: $0.x ?? 0, y: $0.y ?? 0) }
        let s = try polygon(points, path + (normalized.isEmpty ? ".vertices" : ".normalizedVertices"))
        return (box ? .box(s.bounds) : s, normalized.isEmpty ? .pixels : .fractions)
    }
}
