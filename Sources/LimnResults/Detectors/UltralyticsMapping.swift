import LimnGeometry

extension ResultMapper {
    /// Ultralytics → ``Analysis``: each detection a region with its box (or oriented box as a
    /// polygon), its segment as a polygon mask and its keypoints; 17 keypoints get COCO's person
    /// skeleton. A keypoint's `visible` is the model's confidence. `to_json(normalize=True)`
    /// output (every coordinate within 0…1) is read as fractions of the picture.
    func ultralytics(_ body: Ultralytics.Body) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .ultralytics, format: .ultralytics, imageSize: nil)
        let detections = body.detections
        var coordinates: [Double] = []
        for d in detections {
            if let b = d.box { coordinates += [b.x1, b.y1, b.x2, b.y2] }
            if let s = d.segments { coordinates += s.x + s.y }
        }
        let normalised = !coordinates.isEmpty && coordinates.allSatisfy { $0 >= 0 && $0 <= 1 }
        for (i, d) in detections.enumerated() {
            let path = "[\(i)]"
            var shape: RegionShape? = nil
            if let b = d.box {
                if let x3 = b.x3, let y3 = b.y3, let x4 = b.x4, let y4 = b.y4 {
                    shape = try polygon(flat: [b.x1, b.y1, b.x2, b.y2, x3, y3, x4, y4], "\(path).box")
                } else {
                    shape = .box(try box(x: b.x1, y: b.y1, width: b.x2 - b.x1, height: b.y2 - b.y1, "\(path).box"))
                }
            }
            var mask: InstanceMask? = nil
            if let s = d.segments, !s.x.isEmpty {
                guard s.x.count == s.y.count else {
                    throw invalid("\(path).segments", "has \(s.x.count) x and \(s.y.count) y coordinates")
                }
                if s.x.count >= 3, case .polygon(let points) = try polygon(zip(s.x, s.y).map { Point(x: $0, y: $1) }, "\(path).segments") {
                    mask = .polygons([points])
                }
            }
            var keypoints: [Keypoint] = []
            if let k = d.keypoints {
                guard k.x.count == k.y.count, k.visible.map({ $0.count == k.x.count }) ?? true else {
                    throw invalid("\(path).keypoints", "has \(k.x.count) x, \(k.y.count) y and \(k.visible?.count ?? 0) visible values")
                }
                for j in k.x.indices {
                    let p = Point(x: try finite(k.x[j], "\(path).keypoints.x[\(j)]"), y: try finite(k.y[j], "\(path).keypoints.y[\(j)]"))
                    let c = try confidence(k.visible?[j], "\(path).keypoints.visible[\(j)]")
                    // Ultralytics puts a point it did not find at (0, 0).
                    let absent = p.x == 0 && p.y == 0
                    keypoints.append(
                        Keypoint(
                            point: p, visibility: absent ? .absent : .visible, confidence: c,
                            name: k.x.count == 17 ? KeypointLink.cocoPersonNames[j] : nil))
                }
            }
            guard let placed = shape ?? mask.flatMap({ $0.bounds.map(RegionShape.box) }) else {
                throw invalid(path, "has no box or segments to place it")
            }
            let name = d.name ?? d.class.map { "class \($0)" } ?? ""
            let label = d.track_id.map { "\(name) #\($0)" } ?? name
            a.regions.append(
                Region(
                    kind: name == "person" ? .person : .object, label: label,
                    confidence: try confidence(d.confidence, "\(path).confidence"), shape: placed, units: normalised ? .fractions : .pixels,
                    mask: mask, keypoints: keypoints, skeleton: keypoints.count == 17 ? KeypointLink.cocoPerson : [], classID: d.class))
        }
        return a
    }
}
