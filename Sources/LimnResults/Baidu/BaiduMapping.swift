import Foundation
import LimnGeometry

extension ResultMapper {
    /// Baidu segmentation, OCR and object detection → ``Analysis``.
    func baidu(_ r: Baidu.Response, format: ResultFormat) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .baidu, format: format, imageSize: nil)
        // Mattes, best first: an RGBA foreground, the matting image, the score map, the label map.
        let mattes: [(String?, String, EncodedMatte.Kind)] = [
            (r.foreground, "foreground", .foreground), (r.image, "image", .image),
            (r.scoremap, "scoremap", .scoremap), (r.labelmap, "labelmap", .labelmap),
        ]
        for (value, name, kind) in mattes {
            guard let text = value else { continue }
            // Some clients keep a data-URL prefix; the payload follows the comma.
            let payload = text.hasPrefix("data:") ? String(text.drop { $0 != "," }.dropFirst()) : text
            guard let data = Data(base64Encoded: payload, options: [.ignoreUnknownCharacters]), !data.isEmpty else {
                throw invalid(name, "is not valid base64")
            }
            a.encodedMattes.append(EncodedMatte(kind: kind, field: name, bytes: [UInt8](data)))
        }
        for (i, p) in (r.person_info ?? []).enumerated() {
            let path = "person_info[\(i)]"
            guard let x = p.left, let y = p.top, let w = p.width, let h = p.height else {
                throw invalid(path, "lacks left, top, width or height")
            }
            a.regions.append(
                Region(
                    kind: .person, label: "person", confidence: try confidence(p.score, path + ".score"),
                    shape: .box(try box(x: x, y: y, width: w, height: h, path))))
        }
        for (i, w) in (r.words_result ?? []).enumerated() {
            let path = "words_result[\(i)]"
            let text = w.words ?? ""
            let c = try confidence(w.probability?.average, path + ".probability.average")
            if let vertices = w.vertexes_location, vertices.count >= 3 {
                a.regions.append(
                    Region(
                        kind: .textLine, label: text, confidence: c,
                        shape: try polygon(vertices.map { Point(x: $0.x, y: $0.y) }, path + ".vertexes_location")))
            } else if let l = w.location {
                a.regions.append(
                    Region(
                        kind: .textLine, label: text, confidence: c,
                        shape: .box(try box(x: l.left, y: l.top, width: l.width, height: l.height, path + ".location"))))
            } else {
                a.unplacedText.append(text)
            }
        }
        if let l = r.result {
            a.regions.append(
                Region(
                    kind: .subject, label: "subject", confidence: nil,
                    shape: .box(try box(x: l.left, y: l.top, width: l.width, height: l.height, "result"))))
        }
        return a
    }
}
