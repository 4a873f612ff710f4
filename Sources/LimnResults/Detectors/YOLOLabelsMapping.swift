import Foundation
import LimnGeometry

extension ResultMapper {
    /// YOLO label text (one object a line, values normalised to the picture's width and height)
    /// → ``Analysis`` in fractions:
    /// - 5 values `class cx cy w h`, or 6 with a confidence last (`save_conf`): a box;
    /// - `class cx cy w h` then an odd number of x, y, v triples (17 for COCO's person): a box
    ///   with keypoints, v 0 absent, 1 hidden, 2 seen, or a confidence in 0…1 (predictions);
    /// - `class x y x y …` (at least three points): a segmentation polygon, with a confidence
    ///   last when the count of values is odd.
    ///
    /// Rows are told apart by their length, so pose rows with an even number of keypoints, or
    /// without visibility, read as polygons. Classes are numbers (`class 0`): the labels do not
    /// name them.
    func yoloLabels(_ data: Data) throws(ResultsError) -> Analysis {
        var a = Analysis(vendor: .ultralytics, format: .yoloLabels, imageSize: nil)
        let text = String(decoding: data, as: UTF8.self)
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard !fields.isEmpty else { continue }
            let path = "line \(n + 1)"
            guard let classID = Int(fields[0]), classID >= 0 else { throw invalid(path, "does not start with a class number") }
            var v: [Double] = []
            for (k, f) in fields.dropFirst().enumerated() {
                guard let x = Double(f) else { throw invalid(path, "has \"\(f.prefix(20))\" in column \(k + 2), not a number") }
                v.append(try finite(x, path))
            }
            let label = "class \(classID)"
            func center(_ cx: Double, _ cy: Double, _ w: Double, _ h: Double) throws(ResultsError) -> RegionShape {
                .box(try box(x: cx - w / 2, y: cy - h / 2, width: w, height: h, path))
            }
            switch v.count {
            case 4, 5:
                a.regions.append(
                    Region(
                        kind: .object, label: label, confidence: v.count == 5 ? try confidence(v[4], path) : nil,
                        shape: try center(v[0], v[1], v[2], v[3]), units: .fractions, classID: classID))
            case let count where count >= 7 && count % 2 == 1 && (count - 4) % 3 == 0:
                // 4 box values then x, y, v triples.
                var keypoints: [Keypoint] = []
                let points = (count - 4) / 3
                for j in 0..<points {
                    let x = v[4 + 3 * j], y = v[5 + 3 * j], s = v[6 + 3 * j]
                    let visibility: Keypoint.Visibility
                    var c: Double? = nil
                    if s == 0 || s == 1 || s == 2 {
                        visibility = Keypoint.Visibility(rawValue: Int(s)) ?? .absent
                    } else if s > 0, s < 1 {
                        visibility = .visible
                        c = s
                    } else {
                        throw invalid(path, "has \(s) as keypoint \(j + 1)'s visibility; expected 0, 1, 2 or a confidence")
                    }
                    keypoints.append(
                        Keypoint(
                            point: Point(x: x, y: y), visibility: visibility, confidence: c,
                            name: points == 17 ? KeypointLink.cocoPersonNames[j] : nil))
                }
                a.regions.append(
                    Region(
                        kind: .object, label: label, confidence: nil, shape: try center(v[0], v[1], v[2], v[3]), units: .fractions,
                        keypoints: keypoints, skeleton: points == 17 ? KeypointLink.cocoPerson : [], classID: classID))
            case let count where count >= 6:
                let points = stride(from: 0, to: count - 1, by: 2).map { Point(x: v[$0], y: v[$0 + 1]) }
                let score = count % 2 == 1 ? try confidence(v[count - 1], path) : nil
                guard case .polygon(let polygon) = try polygon(points, path), let bounds = Rect(bounding: polygon) else { continue }
                a.regions.append(
                    Region(
                        kind: .object, label: label, confidence: score, shape: .box(bounds), units: .fractions,
                        mask: .polygons([polygon]), classID: classID))
            default:
                throw invalid(
                    path, "has \(v.count + 1) values; expected class cx cy w h, a segmentation polygon or a pose row")
            }
        }
        return a
    }
}
