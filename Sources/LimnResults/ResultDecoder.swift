import Foundation

extension Analysis {
    /// Reads a vision result from JSON: a response body, or one wrapped the ways they are
    /// published (an OpenAPI example's `responses["200"].body`, an SDK recording's
    /// `Entries[].ResponseBody` string). The format is detected from the JSON's shape unless
    /// `format` says it. An error response from the service throws `.serviceError` with its message.
    /// A document over ``ResultLimits/maxJSONBytes`` is refused before it is parsed, one with more
    /// than ``ResultLimits/maxRegions`` regions once they are counted. `page` chooses the page of
    /// a document result (Document Intelligence, Textract; from 1); a result of one picture has
    /// only page 1, and any other throws ``ResultsError/noSuchPage(source:page:pages:)``.
    /// `picture` chooses the picture of a result that describes many (COCO files); without it
    /// such a result must describe only one, or ``ResultsError/noSuchPicture(source:wanted:available:)``
    /// is thrown. Other results ignore it.
    public init(
        json: Data, format: ResultFormat? = nil, source: String = "buffer", limits: ResultLimits = .default, page: Int = 1,
        picture: PictureSelector? = nil
    ) throws {
        guard json.count <= limits.maxJSONBytes else {
            throw ResultsError.overLimit(
                source: source, what: "the document holds \(json.count) bytes",
                limit: "at most \(limits.maxJSONBytes), ResultLimits.maxJSONBytes")
        }
        try self.init(parsing: json, format: format, source: source, page: page, picture: picture)
        try limits.check(self, source: source)
    }

    private init(parsing json: Data, format: ResultFormat?, source: String, page: Int, picture: PictureSelector?) throws(ResultsError) {
        // Tesseract's hOCR and TSV are text, not JSON.
        let m = ResultMapper(source: source)
        switch format ?? ResultFormat.sniffText(json) {
        case .tesseractHOCR?: self = try m.hocr(json, page: page)
        case .tesseractTSV?: self = try m.tesseractTSV(json, page: page)
        case .yoloLabels?: self = try m.yoloLabels(json)
        default: try self.init(parsingJSON: json, format: format, source: source, page: page, picture: picture)
        }
        if self.page == nil, page != 1 { throw ResultsError.noSuchPage(source: source, page: page, pages: 1) }
    }

    private init(parsingJSON json: Data, format: ResultFormat?, source: String, page: Int, picture: PictureSelector?) throws(ResultsError) {
        let document = try ResultDocument(json: json, source: source)
        try document.throwIfServiceError()
        let chosen: ResultFormat
        if let format {
            chosen = format
        } else if let array = document.arrayFormat {
            chosen = array
        } else {
            guard let detected = ResultFormat.detect(document.shape) else {
                let keys = document.shape.keys.prefix(6).joined(separator: ", ")
                throw ResultsError.unrecognised(source: source, detail: "an object with keys \(keys.isEmpty ? "none" : keys)")
            }
            chosen = detected
        }
        let m = ResultMapper(source: source)
        switch chosen {
        case .azure40, .azure40Preview: self = try m.azure40(try document.decode(Azure40.Response.self), format: chosen)
        case .azure32Analyze: self = try m.azure32(try document.decode(Azure32.Analyze.self))
        case .azure32Read: self = try m.azure32(try document.decode(Azure32.ReadOperation.self))
        case .azure32OCR: self = try m.azure32(try document.decode(Azure32.OCR.self))
        case .baiduSegmentation, .baiduOCR, .baiduObjectDetect: self = try m.baidu(try document.decode(Baidu.Response.self), format: chosen)
        case .googleVision: self = try m.google(try document.decode(GoogleVision.Batch.self), page: page)
        case .awsLabels: self = try m.aws(try document.decode(Rekognition.DetectLabels.self))
        case .awsText: self = try m.aws(try document.decode(Rekognition.DetectText.self))
        case .awsFaces: self = try m.aws(try document.decode(Rekognition.DetectFaces.self))
        case .awsCelebrities: self = try m.aws(try document.decode(Rekognition.RecognizeCelebrities.self))
        case .documentIntelligence:
            self = try m.documentIntelligence(try document.decode(DocumentIntelligence.Body.self), page: page)
        case .textract: self = try m.textract(try document.decode(Textract.Response.self), page: page)
        case .contentUnderstanding:
            self = try m.contentUnderstanding(try document.decode(ContentUnderstanding.Body.self), page: page)
        case .easyOCR: self = try m.easyOCR(try document.decode([OpenOCR.EasyOCRItem].self))
        case .paddleOCR:
            if document.arrayFormat == .paddleOCR {
                self = try m.paddleOCR(pages: try document.decode([[OpenOCR.Paddle2Item]?].self), page: page)
            } else {
                self = try m.paddleOCR(try document.decode(OpenOCR.PaddleBody.self))
            }
        case .tesseractHOCR: self = try m.hocr(document.data, page: page)
        case .tesseractTSV: self = try m.tesseractTSV(document.data, page: page)
        case .florence2: self = try m.florence2(try document.decode(Florence2.Body.self))
        case .cocoResults: self = try m.cocoResults(try document.decode([COCO.Annotation].self), picture: picture)
        case .cocoDataset: self = try m.cocoDataset(try document.decode(COCO.Dataset.self), picture: picture)
        case .ultralytics: self = try m.ultralytics(try document.decode(Ultralytics.Body.self))
        case .yoloLabels: self = try m.yoloLabels(document.data)
        case .instanceMasks, .labelMap:
            throw ResultsError.unrecognised(
                source: source, detail: "\(chosen) is a picture, not JSON; read it with Analysis(instanceMasks:) or Analysis(labelMap:)")
        }
    }

    /// Reads a result file (`-` is not special here; the command line handles standard input).
    /// A file over ``ResultLimits/maxJSONBytes`` is refused from its size, before it is read.
    public init(
        contentsOfFile path: String, format: ResultFormat? = nil, limits: ResultLimits = .default, page: Int = 1,
        picture: PictureSelector? = nil
    ) throws {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if attributes?[.type] as? FileAttributeType == .typeRegular, let size = (attributes?[.size] as? NSNumber)?.intValue,
            size > limits.maxJSONBytes
        {
            throw ResultsError.overLimit(
                source: path, what: "the file holds \(size) bytes", limit: "at most \(limits.maxJSONBytes), ResultLimits.maxJSONBytes")
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            // One byte past the limit tells a file over it (a FIFO or a device has no size to ask).
            data = try handle.read(upToCount: limits.maxJSONBytes == .max ? .max : limits.maxJSONBytes + 1) ?? Data()
        } catch {
            throw ResultsError.malformedJSON(source: path, detail: "cannot read the file: \((error as NSError).localizedDescription)")
        }
        try self.init(json: data, format: format, source: path, limits: limits, page: page, picture: picture)
    }
}

extension ResultFormat {
    /// hOCR (the first non-blank byte opens a tag) or Tesseract TSV (its header line); nil for
    /// anything else, JSON included.
    static func sniffText(_ data: Data) -> ResultFormat? {
        let head = data.prefix(512)
        guard let first = head.firstIndex(where: { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }) else { return nil }
        if head[first] == UInt8(ascii: "<") { return .tesseractHOCR }
        if head[first...].starts(with: Array("level\tpage_num".utf8)) { return .tesseractTSV }
        // YOLO labels: a line of at least five numbers, the first a class number.
        let line = head[first...].prefix { $0 != 0x0A && $0 != 0x0D }
        let fields = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
        if fields.count >= 5, fields[0].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            fields.allSatisfy({ f in f.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || [0x2E, 0x2D, 0x2B, 0x65, 0x45].contains($0) } })
        {
            return .yoloLabels
        }
        return nil
    }

    /// The format a response body has, judged by its keys; nil when none fits.
    static func detect(_ body: JSONShape) -> ResultFormat? {
        func has(_ key: String) -> Bool { body.has(key) }
        if body.kind("responses") == .array { return .googleVision }
        if !body.keys.isEmpty, body.keys.allSatisfy({ $0.hasPrefix("<") && $0.hasSuffix(">") }) { return .florence2 }
        if body.kind("images") == .array, has("annotations") || has("categories") { return .cocoDataset }
        // A COCO file without its images (annotations and categories alone) is still COCO, not a
        // Computer Vision 3.2 analysis that happens to have `categories`.
        if body.kind("annotations") == .array, has("categories") { return .cocoDataset }
        if body.kind("results") == .array, body.keys == ["results"] { return .ultralytics }
        // One AnnotateImageResponse saved alone, not in `responses`.
        let googleKeys = [
            "fullTextAnnotation", "textAnnotations", "labelAnnotations", "localizedObjectAnnotations", "faceAnnotations",
            "logoAnnotations", "landmarkAnnotations", "cropHintsAnnotation",
        ]
        if googleKeys.contains(where: has) { return .googleVision }
        if has("TextDetections") { return .awsText }
        if has("FaceDetails") { return .awsFaces }
        if has("CelebrityFaces") || has("UnrecognizedFaces") { return .awsCelebrities }
        if has("Labels") || has("LabelModelVersion") { return .awsLabels }
        if has("words_result") || has("words_result_num") { return .baiduOCR }
        if ["labelmap", "scoremap", "foreground", "person_info", "person_num"].contains(where: has)
            || has("log_id") && body.kind("image") == .string
        {
            return .baiduSegmentation
        }
        if has("log_id"), body.keys(of: "result").contains("left") { return .baiduObjectDetect }
        if has("Blocks") { return .textract }
        if has("rec_texts") || body.keys(of: "res").contains("rec_texts") { return .paddleOCR }
        if body.keys(of: "result").contains("contents") || has("contents") && has("analyzerId") { return .contentUnderstanding }
        // Document Intelligence v4 and Computer Vision 3.2 read share the `analyzeResult`
        // envelope; v4's holds `pages` (and `apiVersion`, `modelId`), 3.2's `readResults`.
        let analyze = body.keys(of: "analyzeResult")
        if !analyze.isDisjoint(with: ["pages", "apiVersion", "modelId", "paragraphs", "tables"]) && !analyze.contains("readResults")
            || has("modelId") && has("pages")
        {
            return .documentIntelligence
        }
        if has("analyzeResult") || has("status") && has("createdDateTime") { return .azure32Read }
        if has("regions") && (has("textAngle") || has("orientation") || has("language")) { return .azure32OCR }
        let azure40Keys = [
            "captionResult", "denseCaptionsResult", "tagsResult", "objectsResult", "peopleResult",
            "smartCropsResult", "readResult", "customModelResult", "adultResult",
        ]
        if azure40Keys.contains(where: has) {
            if has("customModelResult") || has("adultResult") { return .azure40Preview }
            if body.keys(of: "readResult").contains("content") { return .azure40Preview }
            return .azure40
        }
        let azure32Keys = [
            "categories", "description", "faces", "objects", "brands", "areaOfInterest", "requestId",
            "color", "imageType", "adult", "tags",
        ]
        // Generic keys (`categories`, `tags`, `objects`…) appear in many formats: a document is
        // taken for a Computer Vision 3.2 analysis only when most of its keys are that API's.
        if azure32Keys.contains(where: has) {
            return mostlyKnown(body, azure32Keys + ["metadata", "modelVersion"]) ? .azure32Analyze : nil
        }
        if has("modelVersion") && has("metadata") {
            return mostlyKnown(body, azure40Keys + ["metadata", "modelVersion"]) ? .azure40 : nil
        }
        return nil
    }

    /// True when at least half of the document's keys are among `known`.
    static func mostlyKnown(_ body: JSONShape, _ known: [String]) -> Bool {
        let keys = body.keys
        return 2 * keys.filter(known.contains).count >= keys.count
    }
}

/// A parsed JSON document with its envelope: the body to detect the format from, and how to
/// decode the wire model from the original bytes (never re-serialised).
struct ResultDocument {
    enum Envelope { case none, openAPIExample, recording(Data), recordingEntry(Int) }
    let source: String
    let data: Data
    /// The parsed body, only when the quick scan could not do (envelopes, error responses).
    let body: [String: Any]
    let shape: JSONShape
    let envelope: Envelope
    /// For a top-level array: the open OCR format its first item has (EasyOCR's
    /// `[box, text, score]`, PaddleOCR 2.x's pages of `[box, [text, score]]`).
    var arrayFormat: ResultFormat? = nil

    init(json: Data, source: String) throws(ResultsError) {
        // The usual case, a plain response body: its top-level shape is scanned, not parsed,
        // and the wire model is decoded once.
        let scanned = json.withUnsafeBytes { JSONShape(scanning: $0) }
        if let scanned, !["Entries", "parameters", "error", "error_code", "__type"].contains(where: scanned.has),
            scanned.kind("responses") != .object
        {
            self.source = source
            self.data = json
            self.body = [:]
            self.shape = scanned
            self.envelope = .none
            return
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
        } catch {
            throw ResultsError.malformedJSON(source: source, detail: (error as NSError).localizedDescription)
        }
        self.source = source
        self.data = json
        if let array = object as? [Any] {
            self.body = [:]
            self.shape = JSONShape(object: [:])
            self.envelope = .none
            let first = array.first { !($0 is NSNull) && !(($0 as? [Any])?.isEmpty ?? false) }
            if let item = first as? [String: Any] {
                if item["image_id"] != nil {
                    arrayFormat = .cocoResults
                } else if item["box"] != nil || item["segments"] != nil || item["name"] != nil && item["class"] != nil {
                    arrayFormat = .ultralytics
                } else {
                    let keys = item.keys.sorted().prefix(6).joined(separator: ", ")
                    throw ResultsError.unrecognised(
                        source: source,
                        detail:
                            "an array of objects with keys \(keys); expected COCO results (image_id, category_id) or Ultralytics detections (name, class, box)"
                    )
                }
            } else if first == nil || (first as? [Any])?.dropFirst().first is String {
                arrayFormat = .easyOCR
            } else if let page = first as? [Any], let item = page.first as? [Any], item.count == 2, item[1] is [Any] {
                arrayFormat = .paddleOCR
            } else {
                throw ResultsError.unrecognised(
                    source: source,
                    detail:
                        "an array whose items are neither EasyOCR's [box, text, score], PaddleOCR's pages, COCO results nor Ultralytics detections"
                )
            }
            return
        }
        guard let top = object as? [String: Any] else {
            throw ResultsError.unrecognised(source: source, detail: "the top level is \(Self.kind(of: object))")
        }
        if let responses = top["responses"] as? [String: Any], let ok = responses["200"] as? [String: Any],
            let body = ok["body"] as? [String: Any]
        {
            self.body = body
            shape = JSONShape(object: body)
            envelope = .openAPIExample
            return
        }
        if let responses = top["responses"] as? [String: Any], top["parameters"] != nil {
            let codes = responses.keys.sorted().joined(separator: ", ")
            throw ResultsError.unrecognised(
                source: source,
                detail:
                    "an API example whose answer (\(codes)) has no result body; an asynchronous call answers 202 and its result is fetched from the Operation-Location"
            )
        }
        if let entries = top["Entries"] as? [[String: Any]] {
            for (i, entry) in entries.enumerated() {
                if let text = entry["ResponseBody"] as? String, let data = text.data(using: .utf8),
                    let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                    body["metadata"] != nil || body["error"] != nil
                {
                    self.body = body
                    shape = JSONShape(object: body)
                    envelope = .recording(data)
                    return
                }
                if let body = entry["ResponseBody"] as? [String: Any], body["metadata"] != nil || body["error"] != nil {
                    self.body = body
                    shape = JSONShape(object: body)
                    envelope = .recordingEntry(i)
                    return
                }
            }
            throw ResultsError.unrecognised(source: source, detail: "a recording with no response body in its Entries")
        }
        body = top
        shape = JSONShape(object: top)
        envelope = .none
    }

    /// The service's own error responses, recognised whatever the vendor.
    func throwIfServiceError() throws(ResultsError) {
        if let error = body["error"] as? [String: Any] {
            throw ResultsError.serviceError(
                source: source, vendor: "Azure AI Vision", code: Self.text(error["code"]) ?? "error",
                message: Self.text(error["message"]) ?? "no message")
        }
        if let code = body["error_code"], let message = body["error_msg"] {
            throw ResultsError.serviceError(
                source: source, vendor: "Baidu AI", code: Self.text(code) ?? "error", message: Self.text(message) ?? "")
        }
        if let type = body["__type"] as? String {
            throw ResultsError.serviceError(
                source: source, vendor: "AWS Rekognition", code: type,
                message: Self.text(body["message"] ?? body["Message"]) ?? "no message")
        }
        if let responses = body["responses"] as? [[String: Any]], let first = responses.first, let error = first["error"] as? [String: Any]
        {
            throw ResultsError.serviceError(
                source: source, vendor: "Google Cloud Vision", code: Self.text(error["code"]) ?? "error",
                message: Self.text(error["message"]) ?? "no message")
        }
    }

    func decode<T: Decodable>(_ type: T.Type) throws(ResultsError) -> T {
        do {
            switch envelope {
            case .none: return try JSONDecoder().decode(T.self, from: data)
            case .openAPIExample: return try JSONDecoder().decode(OpenAPIExample<T>.self, from: data).body
            case .recording(let body): return try JSONDecoder().decode(T.self, from: body)
            case .recordingEntry(let index):
                return try JSONDecoder().decode(RecordingEntry<T>.self, from: data, configuration: index).body
            }
        } catch let error as DecodingError {
            // Not JSON at all (the quick scan does not parse values): say so, with the parser's reason.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw ResultsError.malformedJSON(
                    source: source, detail: context.underlyingError.map { "\($0)" } ?? context.debugDescription)
            }
            throw Self.describe(error, source: source)
        } catch {
            throw ResultsError.malformedJSON(source: source, detail: "\(error)")
        }
    }

    /// A decoding error as the JSON path it happened at and what was expected there.
    static func describe(_ error: DecodingError, source: String) -> ResultsError {
        func path(_ keys: [any CodingKey]) -> String {
            var out = ""
            for key in keys {
                if let i = key.intValue { out += "[\(i)]" } else { out += out.isEmpty ? key.stringValue : "." + key.stringValue }
            }
            for prefix in ["responses.200.body.", "responses.200.body"] where out.hasPrefix(prefix) { out.removeFirst(prefix.count) }
            if out.hasPrefix("Entries["), let end = out.firstIndex(of: "]") {
                let rest = out[out.index(after: end)...]
                if rest.hasPrefix(".ResponseBody") { out = String(rest.dropFirst(".ResponseBody".count).drop { $0 == "." }) }
            }
            return out.isEmpty ? "the top level" : out
        }
        switch error {
        case let .typeMismatch(type, context):
            return .invalidField(source: source, path: path(context.codingPath), reason: "is not \(Self.article(type))")
        case let .valueNotFound(type, context):
            return .invalidField(source: source, path: path(context.codingPath), reason: "is null where \(Self.article(type)) is expected")
        case let .keyNotFound(key, context):
            return .invalidField(source: source, path: path(context.codingPath + [key]), reason: "is missing")
        case let .dataCorrupted(context):
            return .invalidField(source: source, path: path(context.codingPath), reason: "is not usable (\(context.debugDescription))")
        @unknown default:
            return .malformedJSON(source: source, detail: "\(error)")
        }
    }

    static func article(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type, is UInt64.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object"
        }
    }

    static func text(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
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

/// An OpenAPI example file: the body is at `responses["200"].body`.
struct OpenAPIExample<T: Decodable>: Decodable {
    let body: T
    enum Key: String, CodingKey { case responses, ok = "200", body }
    init(from decoder: any Decoder) throws {
        let top = try decoder.container(keyedBy: Key.self)
        let responses = try top.nestedContainer(keyedBy: Key.self, forKey: .responses)
        let ok = try responses.nestedContainer(keyedBy: Key.self, forKey: .ok)
        body = try ok.decode(T.self, forKey: .body)
    }
}

/// An SDK recording whose `Entries[index].ResponseBody` is the body as an object.
struct RecordingEntry<T: Decodable>: DecodableWithConfiguration {
    let body: T
    enum Key: String, CodingKey { case entries = "Entries", responseBody = "ResponseBody" }
    struct Skip: Decodable { init(from decoder: any Decoder) throws {} }
    init(from decoder: any Decoder, configuration index: Int) throws {
        var entries = try decoder.container(keyedBy: Key.self).nestedUnkeyedContainer(forKey: .entries)
        for _ in 0..<index { _ = try entries.decode(Skip.self) }
        body = try entries.nestedContainer(keyedBy: Key.self).decode(T.self, forKey: .responseBody)
    }
}
