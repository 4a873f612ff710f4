import LimnGeometry

extension ResultMapper {
    /// DetectLabels: every label is a tag; each of its instances an object (fractions of the image).
    func aws(_ r: Rekognition.DetectLabels) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .awsRekognition, format: .awsLabels, modelVersion: r.LabelModelVersion, imageSize: nil)
        for (i, label) in (r.Labels ?? []).enumerated() {
            let path = "Labels[\(i)]"
            let name = label.Name ?? ""
            a.tags.append(Tag(name: name, confidence: try confidence(label.Confidence, path + ".Confidence", scale: 100)))
            for (j, instance) in (label.Instances ?? []).enumerated() {
                let ipath = "\(path).Instances[\(j)]"
                a.regions.append(
                    Region(
                        kind: name.lowercased() == "person" ? .person : .object, label: name,
                        confidence: try confidence(instance.Confidence ?? label.Confidence, ipath + ".Confidence", scale: 100),
                        shape: .box(try box(instance.BoundingBox, ipath + ".BoundingBox")), units: .fractions,
                        parents: (label.Parents ?? []).compactMap(\.Name)))
            }
        }
        return a
    }

    /// DetectText: lines, with the words whose `ParentId` is the line's `Id` as children.
    func aws(_ r: Rekognition.DetectText) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .awsRekognition, format: .awsText, modelVersion: r.TextModelVersion, imageSize: nil)
        var lines: [(id: Int?, region: Region)] = []
        var words: [(parent: Int?, region: Region)] = []
        for (i, d) in (r.TextDetections ?? []).enumerated() {
            let path = "TextDetections[\(i)]"
            let shape: RegionShape
            if let polygon = d.Geometry?.Polygon, polygon.count >= 3 {
                shape = try self.polygon(polygon.map { Point(x: $0.X ?? 0, y: $0.Y ?? 0) }, path + ".Geometry.Polygon")
            } else {
                shape = .box(try box(d.Geometry?.BoundingBox, path + ".Geometry.BoundingBox"))
            }
            let isWord = d.Type?.uppercased() == "WORD"
            let region = Region(
                kind: isWord ? .textWord : .textLine, label: d.DetectedText ?? "",
                confidence: try confidence(d.Confidence, path + ".Confidence", scale: 100), shape: shape, units: .fractions)
            if isWord { words.append((d.ParentId, region)) } else { lines.append((d.Id, region)) }
        }
        for (parent, word) in words {
            if let k = lines.firstIndex(where: { $0.id != nil && $0.id == parent }) {
                lines[k].region.children.append(word)
            } else {
                lines.append((nil, word))  // an orphan word stands on its own
            }
        }
        a.regions = lines.map(\.region)
        return a
    }

    /// DetectFaces: a face region per detail.
    func aws(_ r: Rekognition.DetectFaces) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .awsRekognition, format: .awsFaces, imageSize: nil)
        for (i, f) in (r.FaceDetails ?? []).enumerated() {
            let path = "FaceDetails[\(i)]"
            var points: [Keypoint] = []
            for (k, l) in (f.Landmarks ?? []).enumerated() {
                guard let x = l.X, let y = l.Y else { continue }
                let p = Point(x: try finite(x, "\(path).Landmarks[\(k)].X"), y: try finite(y, "\(path).Landmarks[\(k)].Y"))
                points.append(Keypoint(point: p, name: l.Type))
            }
            a.regions.append(
                Region(
                    kind: .face, label: "face", confidence: try confidence(f.Confidence, path + ".Confidence", scale: 100),
                    shape: .box(try box(f.BoundingBox, path + ".BoundingBox")), units: .fractions, keypoints: points))
        }
        return a
    }

    /// RecognizeCelebrities: each recognised face as a celebrity named, the others as faces.
    func aws(_ r: Rekognition.RecognizeCelebrities) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .awsRekognition, format: .awsCelebrities, imageSize: nil)
        for (i, c) in (r.CelebrityFaces ?? []).enumerated() {
            let path = "CelebrityFaces[\(i)]"
            a.regions.append(
                Region(
                    kind: .celebrity, label: c.Name ?? "",
                    confidence: try confidence(c.MatchConfidence, path + ".MatchConfidence", scale: 100),
                    shape: .box(try box(c.Face?.BoundingBox, path + ".Face.BoundingBox")), units: .fractions))
        }
        for (i, f) in (r.UnrecognizedFaces ?? []).enumerated() {
            let path = "UnrecognizedFaces[\(i)]"
            var points: [Keypoint] = []
            for (k, l) in (f.Landmarks ?? []).enumerated() {
                guard let x = l.X, let y = l.Y else { continue }
                let p = Point(x: try finite(x, "\(path).Landmarks[\(k)].X"), y: try finite(y, "\(path).Landmarks[\(k)].Y"))
                points.append(Keypoint(point: p, name: l.Type))
            }
            a.regions.append(
                Region(
                    kind: .face, label: "face", confidence: try confidence(f.Confidence, path + ".Confidence", scale: 100),
                    shape: .box(try box(f.BoundingBox, path + ".BoundingBox")), units: .fractions, keypoints: points))
        }
        return a
    }

    private func box(_ b: Rekognition.BoundingBox?, _ path: String) throws(ResultsError) -> Rect {
        guard let b, let w = b.Width, let h = b.Height else { throw invalid(path, "is missing or lacks Width and Height") }
        return try box(x: b.Left ?? 0, y: b.Top ?? 0, width: w, height: h, path)
    }
}
