/// What went wrong reading a vision result. Every case names its source (a path, or "buffer").
public enum ResultsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not JSON at all; `detail` is the parser's reason.
    case malformedJSON(source: String, detail: String)
    /// JSON, but no vendor shape Limn reads; `detail` says what was found.
    case unrecognised(source: String, detail: String)
    /// A known shape with a field of the wrong type or value; `path` is where (e.g. `smartCropsResult.values[1].boundingBox.w`).
    case invalidField(source: String, path: String, reason: String)
    /// The JSON is the service's error response, not a result.
    case serviceError(source: String, vendor: String, code: String, message: String)
    /// The result is larger than ``ResultLimits`` allow (bytes or regions); `what` says what was
    /// found, `limit` which limit it passed.
    case overLimit(source: String, what: String, limit: String)
    /// A page was asked for that the result does not have (`pages` is how many it has; a
    /// result of one picture has one).
    case noSuchPage(source: String, page: Int, pages: Int)
    /// The result describes many pictures (a COCO file) and none is the one asked for, or none
    /// was asked for; `wanted` says what was asked, `available` lists some of what there is.
    case noSuchPicture(source: String, wanted: String?, available: String)
    /// The result describes a picture of another shape than the one it is being drawn on: the
    /// analysed size scaled to the picture's width misses its height by more than 1 % (and more
    /// than a pixel and a half), so every shape would land stretched.
    case otherPicture(source: String, analysed: Size, picture: Size)
    /// `--result-format` (or a format given in code) reads the document as a format it is not:
    /// nothing comes out; `detected` is what its keys say it is, when anything.
    case wrongFormat(source: String, forced: String, detected: String?)

    public var description: String {
        switch self {
        case let .malformedJSON(source, detail):
            return "\(source): not valid JSON (\(detail)); pass the service's response body as it was received."
        case let .unrecognised(source, detail):
            return
                "\(source): not a vision result Limn reads (\(detail)); expected a response of Azure Image Analysis 4.0, Computer Vision 3.2 (analyze, read, ocr), Baidu (segmentation, OCR, object_detect), Google Cloud Vision, AWS Rekognition, Azure AI Document Intelligence v4, Content Understanding, AWS Textract, Florence-2, COCO, Ultralytics or YOLO labels, EasyOCR, PaddleOCR or Tesseract."
        case let .invalidField(source, path, reason):
            return "\(source): \(path) \(reason); the response may be damaged or from an unsupported API version."
        case let .serviceError(source, vendor, code, message):
            return
                "\(source): this is an error response from \(vendor) (\(code): \(message)), not a result; fix the request and call the service again."
        case let .overLimit(source, what, limit):
            return "\(source): \(what), over the limit (\(limit)); raise ResultLimits if the result is genuine."
        case let .noSuchPage(source, page, pages):
            return
                "\(source): there is no page \(page); the result has \(pages == 1 ? "one page" : "\(pages) pages")\(pages == 0 ? "" : ", numbered from 1")."
        case let .noSuchPicture(source, wanted, available):
            let asked = wanted.map { "none of its pictures is \($0)" } ?? "it describes several pictures"
            return "\(source): \(asked) (it has \(available)); choose one by its id or file name (limn: --picture)."
        case let .otherPicture(source, analysed, picture):
            return
                "\(source): the result describes a \(analysed.width)x\(analysed.height) picture, and this one is \(picture.width)x\(picture.height), another shape; drawn, every shape would land stretched. Give the picture the result was made for (or, for a crop, a result of the crop)."
        case let .wrongFormat(source, forced, detected):
            let guess =
                detected.map { "; its keys say \($0): give that, or leave the format out to detect it" }
                ?? "; leave the format out to detect it"
            return "\(source): read as \(forced), it holds nothing to draw\(guess)."
        }
    }
}
