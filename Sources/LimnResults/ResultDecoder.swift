import Foundation

extension Analysis {
    /// Reads a vision result from JSON: a response body, or one wrapped the ways they are
    /// published (an OpenAPI example's `responses["200"].body`, an SDK recording's
    /// `Entries[].ResponseBody` string). The vendor is detected from the content.
    public init(json: Data, source: String = "buffer") throws(ResultsError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
        } catch {
            throw .malformedJSON(source: source, detail: (error as NSError).localizedDescription)
        }
        guard let body = ResultEnvelope.body(of: object) else {
            throw .unrecognised(source: source, detail: "the top level is \(ResultEnvelope.kind(of: object))")
        }
        let reader = FieldReader(source: source)
        if BaiduSegmentation.looksLike(body) {
            self = try BaiduSegmentation.read(body, reader)
        } else if body["smartCropsResult"] != nil || body["captionResult"] != nil || body["readResult"] != nil
            || body["tagsResult"] != nil || body["objectsResult"] != nil || body["peopleResult"] != nil
            || body["denseCaptionsResult"] != nil || body["modelVersion"] != nil && body["metadata"] != nil && body["requestId"] == nil {
            self = try AzureImageAnalysis40.read(body, reader)
        } else if body["areaOfInterest"] != nil || body["requestId"] != nil || body["categories"] != nil {
            self = try AzureComputerVision32.read(body, reader)
        } else {
            let keys = body.keys.sorted().prefix(6).joined(separator: ", ")
            throw .unrecognised(source: source, detail: "an object with keys \(keys.isEmpty ? "none" : keys)")
        }
    }

    /// Reads a result file.
    public init(contentsOfFile path: String) throws(ResultsError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .malformedJSON(source: path, detail: "cannot read the file: \((error as NSError).localizedDescription)")
        }
        try self.init(json: data, source: path)
    }
}

/// Unwraps the envelopes results are published in.
enum ResultEnvelope {
    static func body(of object: Any) -> [String: Any]? {
        guard let dictionary = object as? [String: Any] else { return nil }
        if let responses = dictionary["responses"] as? [String: Any], let ok = responses["200"] as? [String: Any],
           let body = ok["body"] as? [String: Any] {
            return body
        }
        if let entries = dictionary["Entries"] as? [[String: Any]] {
            for entry in entries {
                if let text = entry["ResponseBody"] as? String, let data = text.data(using: .utf8),
                   let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any], body["metadata"] != nil {
                    return body
                }
                if let body = entry["ResponseBody"] as? [String: Any], body["metadata"] != nil { return body }
            }
            return nil
        }
        return dictionary
    }

    static func kind(of object: Any) -> String {
        switch object {
        case is [Any]: return "an array"
        case is String: return "a string"
        case is NSNumber: return "a number"
        case is NSNull: return "null"
        default: return "an object with no result in it"
        }
    }
}

/// Typed access to JSON fields with errors that name the field's path.
struct FieldReader {
    let source: String

    func number(_ value: Any?, _ path: String) throws(ResultsError) -> Double {
        // JSON true/false also arrive as NSNumber: their Objective-C type is "c" (char).
        guard let n = value as? NSNumber, String(cString: n.objCType) != "c" else {
            throw .invalidField(source: source, path: path, reason: value == nil ? "is missing" : "is not a number")
        }
        let d = n.doubleValue
        guard d.isFinite else { throw .invalidField(source: source, path: path, reason: "is not a finite number") }
        return d
    }

    func object(_ value: Any?, _ path: String) throws(ResultsError) -> [String: Any] {
        guard let o = value as? [String: Any] else {
            throw .invalidField(source: source, path: path, reason: value == nil ? "is missing" : "is not an object")
        }
        return o
    }

    func array(_ value: Any?, _ path: String) throws(ResultsError) -> [Any] {
        guard let a = value as? [Any] else {
            throw .invalidField(source: source, path: path, reason: value == nil ? "is missing" : "is not an array")
        }
        return a
    }

    /// `{x, y, w, h}`; negative sizes are refused.
    func box(_ value: Any?, _ path: String) throws(ResultsError) -> ResultBox {
        let o = try object(value, path)
        let box = ResultBox(x: try number(o["x"], path + ".x"), y: try number(o["y"], path + ".y"),
                            width: try number(o["w"], path + ".w"), height: try number(o["h"], path + ".h"))
        guard box.width >= 0, box.height >= 0 else {
            throw .invalidField(source: source, path: path, reason: "has a negative width or height")
        }
        return box
    }

    /// `metadata.width/height`, when present and positive.
    func size(_ metadata: Any?, _ path: String) throws(ResultsError) -> ResultSize? {
        guard let metadata else { return nil }
        let o = try object(metadata, path)
        let w = try number(o["width"], path + ".width"), h = try number(o["height"], path + ".height")
        guard w >= 1, h >= 1, w < 1e9, h < 1e9 else {
            throw .invalidField(source: source, path: path, reason: "declares a \(w)x\(h) image")
        }
        return ResultSize(width: Int(w), height: Int(h))
    }
}
