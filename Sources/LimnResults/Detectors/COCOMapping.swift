import LimnGeometry

extension ResultMapper {
    /// A COCO results file → the ``Analysis`` of one of its pictures (see ``PictureSelector``):
    /// each record a region with its box, mask and keypoints, named from COCO's 80 categories
    /// (results files carry ids only; an unknown id is `category N`). Person keypoints get COCO's
    /// skeleton and names. The picture's size is the masks' when they have one.
    func cocoResults(_ records: [COCO.Annotation], picture: PictureSelector?) throws(ResultsError) -> Analysis {
        var ids: [String] = []
        var seen = Set<String>()
        for r in records where seen.insert(r.image_id.text).inserted { ids.append(r.image_id.text) }
        let chosen = try choosePicture(ids: ids, names: [:], picture: picture)
        var a = Analysis(vendor: .coco, format: .cocoResults, imageSize: nil)
        for (i, r) in records.enumerated() where r.image_id.text == chosen {
            let name = r.category_id.map { COCO.detectionNames[$0] ?? "category \($0)" } ?? ""
            let category =
                r.category_id == 1 ? COCO.Category(id: 1, name: "person", keypoints: KeypointLink.cocoPersonNames, skeleton: nil) : nil
            var region = try cocoRegion(r, name: name, category: category, path: "[\(i)]", pictureSize: &a.imageSize)
            if region.skeleton.isEmpty, region.keypoints.count == 17, r.category_id == 1 { region.skeleton = KeypointLink.cocoPerson }
            a.regions.append(region)
        }
        return a
    }

    /// A COCO annotation file → the ``Analysis`` of one of its pictures: its annotations with
    /// their categories' names, keypoint names and skeleton (1-based in the file).
    func cocoDataset(_ dataset: COCO.Dataset, picture: PictureSelector?) throws(ResultsError) -> Analysis {
        var names: [String: String] = [:]
        for p in dataset.images { if let n = p.file_name { names[p.id.text] = n } }
        let chosen = try choosePicture(ids: dataset.images.map(\.id.text), names: names, picture: picture)
        var a = Analysis(vendor: .coco, format: .cocoDataset, imageSize: nil)
        if let i = dataset.images.firstIndex(where: { $0.id.text == chosen }), let w = dataset.images[i].width,
            let h = dataset.images[i].height
        {
            a.imageSize = try size(width: w, height: h, "images[\(i)]")
        }
        var categories: [Int: COCO.Category] = [:]
        for c in dataset.categories ?? [] { categories[c.id] = c }
        for (i, r) in (dataset.annotations ?? []).enumerated() where r.image_id.text == chosen {
            let category = r.category_id.flatMap { categories[$0] }
            let name = category?.name ?? r.category_id.map { "category \($0)" } ?? ""
            a.regions.append(try cocoRegion(r, name: name, category: category, path: "annotations[\(i)]", pictureSize: &a.imageSize))
        }
        return a
    }

    /// The id of the picture to read from a file of many.
    func choosePicture(ids: [String], names: [String: String], picture: PictureSelector?) throws(ResultsError) -> String {
        func lastComponent(_ path: String) -> Substring { path.split(separator: "/").last ?? Substring(path) }
        /// The number in a file name (its last run of digits): `COCO_val2014_000000000042.jpg` → "42".
        func number(in name: String) -> String? {
            let stem = lastComponent(name).split(separator: ".").first ?? ""
            guard let digits = stem.split(whereSeparator: { !$0.isNumber }).last, let n = Int(digits) else { return nil }
            return String(n)
        }
        func byName(_ wanted: String) -> String? {
            let base = lastComponent(wanted)
            if let hit = ids.first(where: { names[$0].map { lastComponent($0) == base } ?? false }) { return hit }
            if let n = number(in: wanted), ids.contains(n) { return n }
            return nil
        }
        let available: String = {
            let shown = ids.prefix(5).map { id in names[id].map { "\($0) (id \(id))" } ?? "id \(id)" }
            return "\(ids.count) pictures: " + shown.joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
        }()
        switch picture {
        case .id(let id)?:
            guard ids.contains(id) else { throw ResultsError.noSuchPicture(source: source, wanted: "id \(id)", available: available) }
            return id
        case .fileName(let name)?:
            guard let hit = byName(name) else { throw ResultsError.noSuchPicture(source: source, wanted: name, available: available) }
            return hit
        case .matching(let name)?:
            if let hit = byName(name) { return hit }
            if ids.count == 1 { return ids[0] }
            throw ResultsError.noSuchPicture(source: source, wanted: String(lastComponent(name)), available: available)
        case nil:
            if ids.count == 1 { return ids[0] }
            if ids.isEmpty { return "" }
            throw ResultsError.noSuchPicture(source: source, wanted: nil, available: available)
        }
    }

    /// One record: box (`[x, y, w, h]`, or the mask's bounds), mask, keypoints.
    private func cocoRegion(
        _ r: COCO.Annotation, name: String, category: COCO.Category?, path: String, pictureSize: inout Size?
    ) throws(ResultsError) -> Region {
        var mask: InstanceMask? = nil
        switch r.segmentation {
        case nil: break
        case .polygons(let lists)?:
            var polygons: [[Point]] = []
            for (j, flat) in lists.enumerated() {
                // COCO has a few degenerate polygons of one or two points: they cover nothing.
                guard flat.count >= 6 else { continue }
                guard flat.count % 2 == 0 else {
                    throw invalid("\(path).segmentation[\(j)]", "has \(flat.count) numbers; expected x, y pairs")
                }
                guard case .polygon(let points) = try polygon(flat: flat, "\(path).segmentation[\(j)]") else { continue }
                polygons.append(points)
            }
            if !polygons.isEmpty { mask = .polygons(polygons) }
        case .runLength(let h, let w, let counts)?:
            let size = try self.size(width: w, height: h, "\(path).segmentation.size")
            guard size.width.multipliedReportingOverflow(by: size.height).overflow == false, size.width * size.height <= 1 << 28 else {
                throw invalid("\(path).segmentation.size", "declares a \(size.width)x\(size.height) picture, over 268 megapixels")
            }
            if let known = pictureSize, known != size {
                throw invalid(
                    "\(path).segmentation.size",
                    "is [\(size.height), \(size.width)] (height, width) but the picture is \(known.width)x\(known.height); the mask is for another picture"
                )
            }
            pictureSize = size
            let rle: RunLengthMask?
            switch counts {
            case .compressed(let s): rle = RunLengthMask(size: size, compressed: s)
            case .runs(let runs): rle = RunLengthMask(size: size, counts: runs)
            }
            guard let rle else {
                throw invalid(
                    "\(path).segmentation.counts",
                    "does not cover the \(size.height)x\(size.width) (height x width) mask exactly: a run is negative, malformed or overflows it"
                )
            }
            mask = .runLength(rle)
        }
        var keypoints: [Keypoint] = []
        if let k = r.keypoints {
            guard k.count % 3 == 0 else { throw invalid("\(path).keypoints", "has \(k.count) numbers; expected x, y, v triples") }
            for j in 0..<(k.count / 3) {
                let v = k[3 * j + 2]
                guard let visibility = Keypoint.Visibility(rawValue: Int(exactly: v) ?? -1) else {
                    throw invalid("\(path).keypoints[\(3 * j + 2)]", "is \(v); a visibility is 0, 1 or 2")
                }
                let x = try finite(k[3 * j], "\(path).keypoints[\(3 * j)]"), y = try finite(k[3 * j + 1], "\(path).keypoints[\(3 * j + 1)]")
                let names = category?.keypoints ?? []
                keypoints.append(Keypoint(point: Point(x: x, y: y), visibility: visibility, name: j < names.count ? names[j] : nil))
            }
        }
        let shape: RegionShape
        if let b = r.bbox {
            guard b.count == 4 else { throw invalid("\(path).bbox", "has \(b.count) numbers; expected [x, y, width, height]") }
            shape = .box(try box(x: b[0], y: b[1], width: b[2], height: b[3], "\(path).bbox"))
        } else if let bounds = mask?.bounds {
            shape = .box(bounds)
        } else if !keypoints.isEmpty {
            // Keypoint results carry no box: the seen points' bounds (placeholders excluded).
            shape = .box(
                Rect(bounding: keypoints.filter { $0.visibility != .absent }.map(\.point)) ?? Rect(x: 0, y: 0, width: 0, height: 0))
        } else {
            throw invalid(path, "has no bbox, segmentation or keypoints to place it")
        }
        var skeleton: [KeypointLink] = []
        if !keypoints.isEmpty, let links = category?.skeleton {
            for (j, link) in links.enumerated() {
                guard link.count == 2, (1...keypoints.count).contains(link[0]), (1...keypoints.count).contains(link[1]) else {
                    throw invalid(
                        "categories[id \(category?.id ?? 0)].skeleton[\(j)]",
                        "is \(link); a link is two keypoint numbers from 1 to \(keypoints.count)")
                }
                skeleton.append(KeypointLink(link[0] - 1, link[1] - 1))
            }
        }
        return Region(
            kind: name == "person" ? .person : .object, label: name, confidence: try confidence(r.score, "\(path).score"),
            shape: shape, mask: mask, keypoints: keypoints, skeleton: skeleton, classID: r.category_id)
    }
}
