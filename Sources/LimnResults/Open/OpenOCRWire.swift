/// Open OCR engines' JSON, as their users save it.
enum OpenOCR {
    /// EasyOCR `reader.readtext(...)` saved as JSON: `[[box, text, confidence], …]`, the box four
    /// `[x, y]` corners clockwise from the top-left in pixels; `paragraph=True` drops the
    /// confidence.
    struct EasyOCRItem: Decodable, Sendable {
        var box: [[Double]]
        var text: String
        var confidence: Double?

        init(from decoder: any Decoder) throws {
            var items = try decoder.unkeyedContainer()
            box = try items.decode([[Double]].self)
            text = try items.decode(String.self)
            confidence = items.isAtEnd ? nil : try items.decode(Double.self)
        }
    }

    /// PaddleOCR 3.x OCR pipeline result (`res.save_to_json()`, `res.json`): `{"res": {…}}` or
    /// the fields alone. `rec_texts` and `rec_scores` go with `rec_polys` (N × 4 × 2) or
    /// `rec_boxes` (N × [x1, y1, x2, y2]).
    struct PaddleBody: Decodable, Sendable {
        var result: PaddleResult

        enum Key: String, CodingKey { case res }
        init(from decoder: any Decoder) throws {
            let top = try decoder.container(keyedBy: Key.self)
            result = top.contains(.res) ? try top.decode(PaddleResult.self, forKey: .res) : try PaddleResult(from: decoder)
        }
    }
    struct PaddleResult: Decodable, Sendable {
        var texts: [String]
        var scores: [Double]?
        var polygons: [[[Double]]]?
        var boxes: [[Double]]?

        enum Key: String, CodingKey { case rec_texts, rec_scores, rec_polys, rec_boxes }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            texts = try c.decode([String].self, forKey: .rec_texts)
            scores = try Self.numbers(c, .rec_scores)
            polygons = try Self.numbers(c, .rec_polys)
            boxes = try Self.numbers(c, .rec_boxes)
        }

        /// The arrays, or a clear refusal of numpy's printed summary (`"array([[ 3, …]])"`),
        /// which is what `print(res)` shows and some users paste.
        static func numbers<T: Decodable>(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws -> T? {
            if let text = try? c.decodeIfPresent(String.self, forKey: key) {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c,
                    debugDescription:
                        "it holds numpy's printed summary (\"\(text.prefix(20))…\"), not the numbers; save the result with res.save_to_json()"
                )
            }
            return try c.decodeIfPresent(T.self, forKey: key)
        }
    }

    /// PaddleOCR 2.x `ocr.ocr(...)` saved as JSON: one list per page of `[box, [text, score]]`.
    struct Paddle2Item: Decodable, Sendable {
        var box: [[Double]]
        var text: String
        var score: Double?

        init(from decoder: any Decoder) throws {
            var items = try decoder.unkeyedContainer()
            box = try items.decode([[Double]].self)
            var recognized = try items.nestedUnkeyedContainer()
            text = try recognized.decode(String.self)
            score = recognized.isAtEnd ? nil : try recognized.decode(Double.self)
        }
    }
}
