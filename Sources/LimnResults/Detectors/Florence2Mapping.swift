import Foundation
import LimnGeometry

extension ResultMapper {
    /// Florence-2 → ``Analysis``, every task of the object at once: caption tasks give captions,
    /// `<OCR>` unplaced text, `<OCR_WITH_REGION>` text lines (quadrilaterals), `<DENSE_REGION_CAPTION>`
    /// dense captions, the segmentation tasks regions with polygon masks, and any other task with
    /// boxes (`<OD>`, `<CAPTION_TO_PHRASE_GROUNDING>`, `<REGION_PROPOSAL>`, `<OPEN_VOCABULARY_DETECTION>`)
    /// objects. Coordinates are pixels of the analysed picture, whose size the answers do not
    /// give. The tokenizer's `</s>`, `<s>` and `<pad>` are taken out of labels.
    func florence2(_ body: Florence2.Body) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .florence2, format: .florence2, imageSize: nil)
        func clean(_ label: String) -> String {
            var s = label
            for token in ["</s>", "<s>", "<pad>", "<unk>"] { s = s.replacingOccurrences(of: token, with: "") }
            return s.trimmingCharacters(in: .whitespaces)
        }
        func label(_ labels: [String]?, _ i: Int, _ path: String, count: Int) throws(ResultsError) -> String {
            guard let labels else { return "" }
            guard labels.count == count else { throw invalid(path, "has \(labels.count) labels for \(count) regions") }
            return clean(labels[i])
        }
        for (task, answer) in body.answers {
            switch answer {
            case .text(let text):
                let t = clean(text)
                if task == "<OCR>" { a.unplacedText.append(t) } else if !t.isEmpty { a.captions.append(Caption(text: t, confidence: nil)) }
            case .regions(let r):
                let kind: RegionKind = task == "<DENSE_REGION_CAPTION>" ? .denseCaption : .object
                if let boxes = r.bboxes {
                    let labels = r.bboxes_labels ?? r.labels
                    let labelPath = "\(task).\(r.bboxes_labels != nil ? "bboxes_labels" : "labels")"
                    for (i, b) in boxes.enumerated() {
                        let path = "\(task).bboxes[\(i)]"
                        guard b.count == 4 else { throw invalid(path, "has \(b.count) numbers; expected x1, y1, x2, y2") }
                        a.regions.append(
                            Region(
                                kind: kind, label: try label(labels, i, labelPath, count: boxes.count), confidence: nil,
                                shape: .box(try box(x: b[0], y: b[1], width: b[2] - b[0], height: b[3] - b[1], path))))
                    }
                }
                if let quads = r.quad_boxes {
                    for (i, q) in quads.enumerated() {
                        let path = "\(task).quad_boxes[\(i)]"
                        guard q.count == 8 else { throw invalid(path, "has \(q.count) numbers; expected four x, y corners") }
                        let text = try label(r.labels, i, "\(task).labels", count: quads.count)
                        guard !text.isEmpty else { continue }
                        a.regions.append(Region(kind: .textLine, label: text, confidence: nil, shape: try polygon(flat: q, path)))
                    }
                }
                if let instances = r.polygons {
                    let labels = r.polygons_labels ?? (r.bboxes == nil ? r.labels : nil)
                    let labelPath = "\(task).\(r.polygons_labels != nil ? "polygons_labels" : "labels")"
                    for (i, lists) in instances.enumerated() {
                        var polygons: [[Point]] = []
                        for (j, flat) in lists.enumerated() {
                            let path = "\(task).polygons[\(i)][\(j)]"
                            // Florence-2 emits a polygon of fewer than three points when it finds
                            // next to nothing; it covers nothing.
                            guard flat.count >= 6 else { continue }
                            guard case .polygon(let points) = try polygon(flat: flat, path) else { continue }
                            polygons.append(points)
                        }
                        let name = try label(labels, i, labelPath, count: instances.count)
                        guard let bounds = Rect(bounding: polygons.joined()) else { continue }
                        a.regions.append(
                            Region(kind: .object, label: name, confidence: nil, shape: .box(bounds), mask: .polygons(polygons)))
                    }
                }
            }
        }
        return a
    }
}
