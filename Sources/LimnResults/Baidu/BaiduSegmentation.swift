import Foundation

/// Baidu's segmentation results: body analysis `body_seg` (`labelmap`, `scoremap`, `foreground`)
/// and image matting (`image`, its form chosen by `return_form`), each a base64 PNG.
enum BaiduSegmentation {
    static let fields: [(String, EncodedMatte.Kind)] = [
        ("foreground", .foreground), ("image", .image), ("scoremap", .scoremap), ("labelmap", .labelmap),
    ]

    static func looksLike(_ body: [String: Any]) -> Bool {
        body["log_id"] != nil && fields.contains { body[$0.0] is String }
    }

    static func read(_ body: [String: Any], _ r: FieldReader) throws(ResultsError) -> Analysis {
        var analysis = Analysis(vendor: .baiduSegmentation, imageSize: nil)
        for (name, kind) in fields {
            guard let value = body[name] else { continue }
            guard let text = value as? String else {
                throw .invalidField(source: r.source, path: name, reason: "is not a base64 string")
            }
            // Some clients keep a data-URL prefix; the payload follows the comma.
            let payload = text.hasPrefix("data:") ? String(text.drop { $0 != "," }.dropFirst()) : text
            guard let data = Data(base64Encoded: payload, options: [.ignoreUnknownCharacters]), !data.isEmpty else {
                throw .invalidField(source: r.source, path: name, reason: "is not valid base64")
            }
            analysis.encodedMattes.append(EncodedMatte(kind: kind, field: name, bytes: [UInt8](data)))
        }
        return analysis
    }
}
