import LimnGeometry

extension ResultMapper {
    /// Google Cloud Vision → ``Analysis``, from the first response of the batch. Text: the first
    /// text annotation (the whole text) becomes a block holding the words that follow it.
    func google(_ batch: GoogleVision.Batch) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .googleCloudVision, format: .googleVision, imageSize: nil)
        guard let r = batch.responses?.first else { return a }
        if let error = r.error {
            throw ResultsError.serviceError(
                source: source, vendor: "Google Cloud Vision", code: error.code.map { "\($0)" } ?? "error",
                message: error.message ?? "no message")
        }
        let base = "responses[0]"
        if let page = r.fullTextAnnotation?.pages?.first, let w = page.width, let h = page.height {
            a.imageSize = try size(width: w, height: h, base + ".fullTextAnnotation.pages[0]")
        }
        for (i, label) in (r.labelAnnotations ?? []).enumerated() {
            a.tags.append(
                Tag(name: label.description ?? "", confidence: try confidence(label.score, "\(base).labelAnnotations[\(i)].score")))
        }
        let texts = r.textAnnotations ?? []
        if let whole = texts.first {
            var words: [Region] = []
            for (i, t) in texts.enumerated().dropFirst() {
                let path = "\(base).textAnnotations[\(i)].boundingPoly"
                words.append(
                    Region(
                        kind: .textWord, label: t.description ?? "", confidence: nil, shape: try shape(t.boundingPoly, path, box: false).0))
            }
            let path = "\(base).textAnnotations[0].boundingPoly"
            a.regions.append(
                Region(
                    kind: .textBlock, label: whole.description ?? "", confidence: nil,
                    shape: try shape(whole.boundingPoly, path, box: false).0, children: words))
        }
        for (i, o) in (r.localizedObjectAnnotations ?? []).enumerated() {
            let path = "\(base).localizedObjectAnnotations[\(i)]"
            let (s, units) = try shape(o.boundingPoly, path + ".boundingPoly", box: true)
            a.regions.append(
                Region(
                    kind: .object, label: o.name ?? "object", confidence: try confidence(o.score, path + ".score"), shape: s, units: units))
        }
        for (i, f) in (r.faceAnnotations ?? []).enumerated() {
            let path = "\(base).faceAnnotations[\(i)]"
            let (s, units) = try shape(f.boundingPoly, path + ".boundingPoly", box: true)
            a.regions.append(
                Region(
                    kind: .face, label: "face", confidence: try confidence(f.detectionConfidence, path + ".detectionConfidence"),
                    shape: s, units: units))
        }
        for (i, logo) in (r.logoAnnotations ?? []).enumerated() {
            let path = "\(base).logoAnnotations[\(i)]"
            let (s, units) = try shape(logo.boundingPoly, path + ".boundingPoly", box: true)
            a.regions.append(
                Region(
                    kind: .brand, label: logo.description ?? "", confidence: try confidence(logo.score, path + ".score"), shape: s,
                    units: units))
        }
        for (i, landmark) in (r.landmarkAnnotations ?? []).enumerated() {
            let path = "\(base).landmarkAnnotations[\(i)]"
            let (s, units) = try shape(landmark.boundingPoly, path + ".boundingPoly", box: true)
            a.regions.append(
                Region(
                    kind: .landmark, label: landmark.description ?? "", confidence: try confidence(landmark.score, path + ".score"),
                    shape: s, units: units))
        }
        for (i, hint) in (r.cropHintsAnnotation?.cropHints ?? []).enumerated() {
            let (s, _) = try shape(hint.boundingPoly, "\(base).cropHintsAnnotation.cropHints[\(i)].boundingPoly", box: true)
            a.cropSuggestions.append(CropSuggestion(aspectRatio: nil, box: s.bounds))
        }
        return a
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
