import Foundation
import LimnGeometry

extension ResultMapper {
    /// Computer Vision 3.2 `analyze` (and its parts) → ``Analysis``.
    func azure32(_ r: Azure32.Analyze) throws(ResultsError) -> Analysis {
        var a = Analysis(
            vendor: .azureComputerVision32, format: .azure32Analyze, modelVersion: r.modelVersion,
            imageSize: try r.metadata.map { m throws(ResultsError) in try size(width: m.width, height: m.height, "metadata") })
        for (i, c) in (r.description?.captions ?? []).enumerated() {
            a.captions.append(
                Caption(text: c.text ?? "", confidence: try confidence(c.confidence, "description.captions[\(i)].confidence")))
        }
        for (i, t) in (r.tags ?? []).enumerated() {
            a.tags.append(Tag(name: t.name ?? "", confidence: try confidence(t.confidence, "tags[\(i)].confidence")))
        }
        if r.tags == nil { a.tags = (r.description?.tags ?? []).map { Tag(name: $0, confidence: nil) } }
        for (i, o) in (r.objects ?? []).enumerated() {
            let path = "objects[\(i)]"
            guard let b = o.rectangle else { throw invalid(path + ".rectangle", "is missing") }
            var parents: [String] = []
            var parent = o.parent
            while let p = parent, parents.count < 64 {
                if let name = p.object { parents.append(name) }
                parent = p.parent
            }
            a.regions.append(
                Region(
                    kind: .object, label: o.object ?? "object", confidence: try confidence(o.confidence, path + ".confidence"),
                    shape: .box(try box(x: b.x, y: b.y, width: b.w, height: b.h, path + ".rectangle")), parents: parents))
        }
        for (i, f) in (r.faces ?? []).enumerated() {
            let path = "faces[\(i)].faceRectangle"
            guard let b = f.faceRectangle else { throw invalid(path, "is missing") }
            a.regions.append(
                Region(
                    kind: .face, label: "face", confidence: nil,
                    shape: .box(try box(x: b.left, y: b.top, width: b.width, height: b.height, path))))
        }
        for (i, brand) in (r.brands ?? []).enumerated() {
            let path = "brands[\(i)]"
            guard let b = brand.rectangle else { throw invalid(path + ".rectangle", "is missing") }
            a.regions.append(
                Region(
                    kind: .brand, label: brand.name ?? "brand", confidence: try confidence(brand.confidence, path + ".confidence"),
                    shape: .box(try box(x: b.x, y: b.y, width: b.w, height: b.h, path + ".rectangle"))))
        }
        for (i, category) in (r.categories ?? []).enumerated() {
            for (j, c) in (category.detail?.celebrities ?? []).enumerated() {
                let path = "categories[\(i)].detail.celebrities[\(j)]"
                guard let b = c.faceRectangle else { continue }
                a.regions.append(
                    Region(
                        kind: .celebrity, label: c.name ?? "", confidence: try confidence(c.confidence, path + ".confidence"),
                        shape: .box(try box(x: b.left, y: b.top, width: b.width, height: b.height, path + ".faceRectangle"))))
            }
        }
        if let b = r.areaOfInterest {
            a.cropSuggestions.append(
                CropSuggestion(aspectRatio: nil, box: try box(x: b.x, y: b.y, width: b.w, height: b.h, "areaOfInterest")))
        }
        return a
    }

    /// Computer Vision 3.2 `read` → text lines with their words. Pages measured in inches (PDF)
    /// become fractions of the page; the image size is the first pixel page's.
    func azure32(_ r: Azure32.ReadOperation) throws(ResultsError) -> Analysis {
        if let status = r.status, status.lowercased() != "succeeded" {
            throw invalid("status", "is \"\(status)\": the read operation has not succeeded yet (poll again until \"succeeded\")")
        }
        var a = Analysis(vendor: .azureComputerVision32, format: .azure32Read, modelVersion: r.analyzeResult?.modelVersion, imageSize: nil)
        for (p, page) in (r.analyzeResult?.readResults ?? []).enumerated() {
            let base = "analyzeResult.readResults[\(p)]"
            let inPixels = (page.unit ?? "pixel") == "pixel"
            if inPixels, a.imageSize == nil, let w = page.width, let h = page.height {
                a.imageSize = try size(width: w, height: h, base + ".width")
            }
            var scaleX = 1.0, scaleY = 1.0
            if !inPixels {
                guard let w = page.width, let h = page.height, w > 0, h > 0 else {
                    throw invalid(base + ".width", "is missing for a page in \(page.unit ?? "")")
                }
                scaleX = 1 / w; scaleY = 1 / h
            }
            func scaled(_ shape: RegionShape) -> RegionShape {
                inPixels ? shape : .polygon(shape.points.map { Point(x: $0.x * scaleX, y: $0.y * scaleY) })
            }
            for (l, line) in (page.lines ?? []).enumerated() {
                let path = "\(base).lines[\(l)]"
                var words: [Region] = []
                for (w, word) in (line.words ?? []).enumerated() {
                    let wpath = "\(path).words[\(w)]"
                    words.append(
                        Region(
                            kind: .textWord, label: word.text ?? "", confidence: try confidence(word.confidence, wpath + ".confidence"),
                            shape: scaled(try polygon(flat: word.boundingBox ?? [], wpath + ".boundingBox")),
                            units: inPixels ? .pixels : .fractions))
                }
                a.regions.append(
                    Region(
                        kind: .textLine, label: line.text ?? "", confidence: nil,
                        shape: scaled(try polygon(flat: line.boundingBox ?? [], path + ".boundingBox")),
                        units: inPixels ? .pixels : .fractions, children: words))
            }
        }
        return a
    }

    /// The legacy `ocr`: `"x,y,w,h"` boxes in the image turned by `textAngle` degrees; the angle
    /// is kept for ``Analysis/mapped(to:)``, which turns them back around the image's center.
    func azure32(_ r: Azure32.OCR) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .azureComputerVision32, format: .azure32OCR, modelVersion: r.modelVersion, imageSize: nil)
        if let angle = r.textAngle { a.textAngle = try finite(angle, "textAngle") }
        for (g, region) in (r.regions ?? []).enumerated() {
            for (l, line) in (region.lines ?? []).enumerated() {
                let path = "regions[\(g)].lines[\(l)]"
                var words: [Region] = []
                for (w, word) in (line.words ?? []).enumerated() {
                    words.append(
                        Region(
                            kind: .textWord, label: word.text ?? "", confidence: nil,
                            shape: .box(try box(commaSeparated: word.boundingBox, "\(path).words[\(w)].boundingBox"))))
                }
                a.regions.append(
                    Region(
                        kind: .textLine, label: words.map(\.label).joined(separator: " "), confidence: nil,
                        shape: .box(try box(commaSeparated: line.boundingBox, path + ".boundingBox")), children: words))
            }
        }
        return a
    }

    private func box(commaSeparated text: String?, _ path: String) throws(ResultsError) -> Rect {
        guard let text else { throw invalid(path, "is missing") }
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let x = parts[0], let y = parts[1], let w = parts[2], let h = parts[3] else {
            throw invalid(path, "is \"\(text.prefix(40))\", not \"x,y,width,height\"")
        }
        return try box(x: x, y: y, width: w, height: h, path)
    }
}
