import Foundation
import LimnCodecs
import LimnRaster

/// The scene's contents as each vendor would report them, written by `TestImageGenerator` to
/// `TestImages/results/`. Each file also carries the surprises real responses hold (see
/// `../shared/fixtures/README.md`): vertical text polygons starting at the image's top-right,
/// people boxes near 0.001 confidence, Google's omitted zero coordinates, AWS fractions and
/// 0–100 confidences, the legacy OCR's rotated `"x,y,w,h"` strings.
public enum SceneResults {
    public struct File: Sendable {
        public var name: String
        public var json: String
    }

    /// Every result file, by name.
    public static func all() throws -> [File] {
        let lines = try Scene.textLines()
        return [
            File(name: "azure40-scene.json", json: try azure40(lines)),
            File(name: "azure40-preview-scene.json", json: try azure40Preview(lines)),
            File(
                name: "azure40-no-text.json",
                json: json([
                    "modelVersion": "2023-10-01", "metadata": ["width": 800, "height": 520],
                    "readResult": ["blocks": [Any]()],
                    "peopleResult": [
                        "values": [
                            people(Scene.person1, 0.94), people(Scene.person2, 0.9),
                            people(Rect(x: 600, y: 20, width: 30, height: 60), 0.0012),
                        ]
                    ],
                ])),
            File(
                name: "azure40-error.json",
                json: json([
                    "error": [
                        "code": "InvalidRequest", "message": "The provided image url is not accessible.",
                        "innererror": ["code": "InvalidImageUrl", "message": "The provided image url is not accessible."],
                    ]
                ])),
            File(name: "azure32-analyze-scene.json", json: try azure32Analyze()),
            File(name: "azure32-read-scene.json", json: try azure32Read(lines)),
            File(name: "azure32-ocr-scene.json", json: try azure32OCR(lines)),
            File(name: "baidu-ocr-scene.json", json: try baiduOCR(lines)),
            File(name: "baidu-bodyseg-scene.json", json: try baiduBodySeg()),
            File(name: "baidu-object-detect-scene.json", json: json(["log_id": 3_314_921_889, "result": ltwh(Scene.car)])),
            File(name: "google-scene.json", json: try google(lines)),
            File(name: "aws-labels-scene.json", json: try awsLabels()),
            File(name: "aws-text-scene.json", json: try awsText(lines)),
            File(name: "aws-faces-scene.json", json: try awsFaces()),
        ]
    }

    // MARK: Azure 4.0

    static func box(_ r: Rect) -> [String: Any] {
        ["x": Int(r.minX.rounded()), "y": Int(r.minY.rounded()), "w": Int(r.width.rounded()), "h": Int(r.height.rounded())]
    }
    static func polygon(_ q: [Point]) -> [[String: Any]] { q.map { ["x": Int($0.x.rounded()), "y": Int($0.y.rounded())] } }
    static func people(_ r: Rect, _ c: Double) -> [String: Any] { ["boundingBox": box(r), "confidence": c] }

    static let caption = "a street with a bakery, two people and a blue car"
    static let denseCaptions: [(String, Double, Rect)] = [
        (caption, 0.81, Rect(x: 0, y: 0, width: 800, height: 520)),
        ("a blue car parked on the street", 0.77, Scene.car),
        ("a person standing on the sidewalk", 0.72, Scene.person1),
        ("a red banner with japanese writing", 0.69, Scene.banner),
        ("a bakery with a sign above the door", 0.66, Scene.building),
    ]
    static let tags: [(String, Double)] = [
        ("outdoor", 0.99), ("street", 0.97), ("building", 0.95), ("car", 0.93), ("person", 0.91), ("text", 0.88), ("sign", 0.84),
    ]
    static let objects: [(String, Double, Rect)] = [
        ("car", 0.91, Scene.car), ("person", 0.84, Scene.person1), ("person", 0.79, Scene.person2),
    ]

    static func azure40(_ lines: [Scene.TextLine]) throws -> String {
        let read: [[String: Any]] = lines.map { line in
            [
                "text": line.text, "boundingPolygon": polygon(line.quad),
                "words": line.words.enumerated().map { i, w in
                    ["text": w.text, "boundingPolygon": polygon(w.quad), "confidence": 0.99 - Double(i) * 0.03] as [String: Any]
                },
            ]
        }
        return json([
            "modelVersion": "2023-10-01",
            "metadata": ["width": 800, "height": 520],
            "captionResult": ["text": caption, "confidence": 0.83],
            "denseCaptionsResult": [
                "values": denseCaptions.map { ["text": $0.0, "confidence": $0.1, "boundingBox": box($0.2)] as [String: Any] }
            ],
            "tagsResult": ["values": tags.map { ["name": $0.0, "confidence": $0.1] as [String: Any] }],
            "objectsResult": [
                "values": objects.map { ["boundingBox": box($0.2), "tags": [["name": $0.0, "confidence": $0.1]]] as [String: Any] }
            ],
            "peopleResult": [
                "values": [
                    people(Scene.person1, 0.95), people(Scene.person2, 0.91),
                    people(Rect(x: 420, y: 300, width: 40, height: 90), 0.0031), people(Rect(x: 10, y: 10, width: 25, height: 50), 0.0011),
                ]
            ],
            "smartCropsResult": [
                "values": [
                    ["aspectRatio": 1.0, "boundingBox": box(Rect(x: 300, y: 40, width: 470, height: 470))],
                    ["aspectRatio": 1.78, "boundingBox": box(Rect(x: 0, y: 40, width: 800, height: 450))],
                    ["aspectRatio": 0.5, "boundingBox": box(Rect(x: 470, y: 30, width: 260, height: 490))],
                ]
            ],
            "readResult": ["blocks": [["lines": read]]],
        ])
    }

    static func azure40Preview(_ lines: [Scene.TextLine]) throws -> String {
        var content = ""
        var pageWords: [[String: Any]] = [], pageLines: [[String: Any]] = []
        for line in lines {
            if !content.isEmpty { content += "\n" }
            let lineStart = content.utf16.count
            for (i, w) in line.words.enumerated() {
                if i > 0 { content += " " }
                pageWords.append([
                    "content": w.text, "boundingBox": flat(w.quad), "confidence": 0.97,
                    "span": ["offset": content.utf16.count, "length": w.text.utf16.count],
                ])
                content += w.text
            }
            pageLines.append([
                "content": line.text, "boundingBox": flat(line.quad),
                "spans": [["offset": lineStart, "length": content.utf16.count - lineStart]],
            ])
        }
        return json([
            "modelVersion": "2023-02-01-preview",
            "metadata": ["width": 800, "height": 520],
            "captionResult": ["text": caption, "confidence": 0.8],
            "adultResult": [
                "isAdult": false, "isRacy": false, "isGory": false, "adultScore": 0.001, "racyScore": 0.002, "goreScore": 0.001,
            ],
            "customModelResult": [
                "objectsResult": ["values": [["boundingBox": box(Scene.door), "tags": [["name": "door", "confidence": 0.7]]]]],
                "tagsResult": ["values": [["name": "storefront", "confidence": 0.8]]],
            ],
            "readResult": [
                "stringIndexType": "TextElements", "content": content,
                "pages": [
                    [
                        "height": 520, "width": 800, "angle": 0, "pageNumber": 1, "words": pageWords, "lines": pageLines,
                        "spans": [["offset": 0, "length": content.utf16.count]],
                    ]
                ],
                "styles": [Any](),
            ],
        ])
    }

    static func flat(_ q: [Point]) -> [Int] { q.flatMap { [Int($0.x.rounded()), Int($0.y.rounded())] } }

    // MARK: Azure 3.2

    static func azure32Analyze() throws -> String {
        json([
            "categories": [
                ["name": "outdoor_street", "score": 0.82],
                [
                    "name": "people_", "score": 0.3,
                    "detail": ["celebrities": [["name": "A. Example", "confidence": 0.6, "faceRectangle": ltwh(Scene.face1)]]],
                ],
            ],
            "tags": tags.map { ["name": $0.0, "confidence": $0.1] as [String: Any] },
            "description": ["tags": tags.map(\.0), "captions": [["text": caption, "confidence": 0.61]]],
            "faces": [
                ["age": 31, "gender": "Female", "faceRectangle": ltwh(Scene.face1)],
                ["age": 40, "gender": "Male", "faceRectangle": ltwh(Scene.face2)],
            ],
            "objects": [
                [
                    "rectangle": box(Scene.car), "object": "sedan", "confidence": 0.8,
                    "parent": [
                        "object": "car", "confidence": 0.9,
                        "parent": ["object": "Land vehicle", "confidence": 0.92, "parent": ["object": "Vehicle", "confidence": 0.93]],
                    ],
                ],
                ["rectangle": box(Scene.person1), "object": "person", "confidence": 0.85],
                ["rectangle": box(Scene.person2), "object": "person", "confidence": 0.8],
            ],
            "brands": [["name": "Bakery", "confidence": 0.7, "rectangle": box(Scene.sign)]],
            "color": [
                "dominantColorForeground": "Grey", "dominantColorBackground": "Blue", "dominantColors": ["Grey", "Blue"],
                "accentColor": "2850B0", "isBWImg": false,
            ],
            "imageType": ["clipArtType": 2, "lineDrawingType": 0],
            "adult": [
                "isAdultContent": false, "isRacyContent": false, "isGoryContent": false, "adultScore": 0.01, "racyScore": 0.01,
                "goreScore": 0.001,
            ],
            "areaOfInterest": box(Rect(x: 40, y: 80, width: 700, height: 380)),
            "requestId": "00000000-0000-4000-8000-000000000001",
            "metadata": ["width": 800, "height": 520, "format": "Jpeg"],
            "modelVersion": "2021-04-01",
        ])
    }

    static func azure32Read(_ lines: [Scene.TextLine]) throws -> String {
        json([
            "status": "succeeded", "createdDateTime": "2026-11-21T10:00:00Z", "lastUpdatedDateTime": "2026-11-21T10:00:01Z",
            "analyzeResult": [
                "version": "3.2.0", "modelVersion": "2022-04-30",
                "readResults": [
                    [
                        "page": 1, "angle": 0, "width": 800, "height": 520, "unit": "pixel",
                        "lines": lines.map { line in
                            [
                                "boundingBox": flat(line.quad), "text": line.text,
                                "appearance": ["style": ["name": "other", "confidence": 0.9]],
                                "words": line.words.map {
                                    ["boundingBox": flat($0.quad), "text": $0.text, "confidence": 0.95] as [String: Any]
                                },
                            ] as [String: Any]
                        },
                    ]
                ],
            ],
        ])
    }

    /// The legacy OCR measures boxes in the image turned by `textAngle` (here the board's tilt,
    /// undone: in that frame the board's text is level).
    public static let ocrTextAngle = 10.0

    static func azure32OCR(_ lines: [Scene.TextLine]) throws -> String {
        let turn = AffineTransform.rotation(radians: ocrTextAngle * Double.pi / 180, around: Point(x: 400, y: 260))
        func rotatedBox(_ q: [Point]) -> String {
            let p = q.map(turn.apply)
            let x0 = p.map(\.x).min()!, y0 = p.map(\.y).min()!, x1 = p.map(\.x).max()!, y1 = p.map(\.y).max()!
            return "\(Int(x0.rounded())),\(Int(y0.rounded())),\(Int((x1 - x0).rounded())),\(Int((y1 - y0).rounded()))"
        }
        let board = lines[2]
        return json([
            "language": "en", "textAngle": ocrTextAngle, "orientation": "Up", "modelVersion": "2021-04-01",
            "regions": [
                [
                    "boundingBox": rotatedBox(board.quad),
                    "lines": [
                        [
                            "boundingBox": rotatedBox(board.quad),
                            "words": board.words.map { ["boundingBox": rotatedBox($0.quad), "text": $0.text] },
                        ]
                    ],
                ]
            ],
        ])
    }

    // MARK: Baidu

    static func ltwh(_ r: Rect) -> [String: Any] {
        ["left": Int(r.minX.rounded()), "top": Int(r.minY.rounded()), "width": Int(r.width.rounded()), "height": Int(r.height.rounded())]
    }

    static func baiduOCR(_ lines: [Scene.TextLine]) throws -> String {
        json([
            "log_id": 1_597_523_604_512_393_478, "words_result_num": lines.count, "direction": 0,
            "words_result": lines.map { line in
                let xs = line.quad.map(\.x), ys = line.quad.map(\.y)
                let bounds = Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
                return [
                    "words": line.text, "location": ltwh(bounds),
                    "vertexes_location": line.quad.map { ["x": Int($0.x.rounded()), "y": Int($0.y.rounded())] },
                    "probability": ["average": 0.96, "variance": 0.001, "min": 0.9],
                ] as [String: Any]
            },
        ])
    }

    static func baiduBodySeg() throws -> String {
        var mask = Mask(width: Scene.size.width, height: Scene.size.height)
        for r in [Scene.person1, Scene.person2] { try mask.fill(.roundedRectangle(r, radius: 10)) }
        var labels = mask
        labels.withUnsafeMutableBytes { for i in $0.indices { $0[i] = $0[i] >= 128 ? 1 : 0 } }
        return json([
            "log_id": 716_033_439, "person_num": 2,
            "person_info": [Scene.person1, Scene.person2].map {
                var d = ltwh($0); d["score"] = 0.98; return d
            },
            "labelmap": Data(try ImageEncoder.encode(labels, as: .png(PNGOptions(compression: .compact)))).base64EncodedString(),
            "scoremap": Data(try ImageEncoder.encode(mask, as: .png(PNGOptions(compression: .compact)))).base64EncodedString(),
        ])
    }

    // MARK: Google

    /// A vertex with zero coordinates left out, as proto3 JSON does.
    static func vertex(_ x: Double, _ y: Double, normalized: Bool) -> [String: Any] {
        var v: [String: Any] = [:]
        let fx = normalized ? (x * 1e6).rounded() / 1e6 : x.rounded(), fy = normalized ? (y * 1e6).rounded() / 1e6 : y.rounded()
        if fx != 0 { v["x"] = normalized ? fx as Any : Int(fx) as Any }
        if fy != 0 { v["y"] = normalized ? fy as Any : Int(fy) as Any }
        return v
    }
    static func poly(_ q: [Point]) -> [String: Any] { ["vertices": q.map { vertex($0.x, $0.y, normalized: false) }] }
    static func normalizedPoly(_ r: Rect) -> [String: Any] {
        let w = Double(Scene.size.width), h = Double(Scene.size.height)
        return [
            "normalizedVertices": [(r.minX, r.minY), (r.maxX, r.minY), (r.maxX, r.maxY), (r.minX, r.maxY)].map {
                vertex($0.0 / w, $0.1 / h, normalized: true)
            }
        ]
    }
    static func corners(_ r: Rect) -> [Point] {
        [Point(x: r.minX, y: r.minY), Point(x: r.maxX, y: r.minY), Point(x: r.maxX, y: r.maxY), Point(x: r.minX, y: r.maxY)]
    }

    static func google(_ lines: [Scene.TextLine]) throws -> String {
        let all = lines.flatMap(\.quad)
        let whole = Rect(
            x: all.map(\.x).min()!, y: all.map(\.y).min()!, width: all.map(\.x).max()! - all.map(\.x).min()!,
            height: all.map(\.y).max()! - all.map(\.y).min()!)
        var texts: [[String: Any]] = [
            ["locale": "en", "description": lines.map(\.text).joined(separator: "\n"), "boundingPoly": poly(corners(whole))]
        ]
        for line in lines { for w in line.words { texts.append(["description": w.text, "boundingPoly": poly(w.quad)]) } }
        return json([
            "responses": [
                [
                    "labelAnnotations": tags.map {
                        ["mid": "/m/0\($0.0.count)", "description": $0.0.capitalized, "score": $0.1, "topicality": $0.1] as [String: Any]
                    },
                    "textAnnotations": texts,
                    "localizedObjectAnnotations": objects.map {
                        ["mid": "/m/0k4j", "name": $0.0.capitalized, "score": $0.1, "boundingPoly": normalizedPoly($0.2)] as [String: Any]
                    },
                    "faceAnnotations": [Scene.face1, Scene.face2].map {
                        ["boundingPoly": poly(corners($0)), "detectionConfidence": 0.87, "joyLikelihood": "UNLIKELY"] as [String: Any]
                    },
                    // A crop hint touching the top-left corner: both of its first vertex's zeros are dropped.
                    "cropHintsAnnotation": [
                        "cropHints": [
                            [
                                "boundingPoly": poly(corners(Rect(x: 0, y: 0, width: 520, height: 520))), "confidence": 0.8,
                                "importanceFraction": 0.9,
                            ]
                        ]
                    ],
                    "fullTextAnnotation": [
                        "text": lines.map(\.text).joined(separator: "\n") + "\n", "pages": [["width": 800, "height": 520]],
                    ],
                ] as [String: Any]
            ]
        ])
    }

    // MARK: AWS

    static func awsBox(_ r: Rect) -> [String: Any] {
        let w = Double(Scene.size.width), h = Double(Scene.size.height)
        func f(_ v: Double) -> Double { (v * 1e6).rounded() / 1e6 }
        return ["Width": f(r.width / w), "Height": f(r.height / h), "Left": f(r.minX / w), "Top": f(r.minY / h)]
    }

    static func awsLabels() throws -> String {
        json([
            "LabelModelVersion": "3.0",
            "Labels": [
                [
                    "Name": "Car", "Confidence": 98.2, "Instances": [["BoundingBox": awsBox(Scene.car), "Confidence": 97.5]],
                    "Parents": [["Name": "Vehicle"], ["Name": "Transportation"]],
                ],
                [
                    "Name": "Person", "Confidence": 96.1,
                    "Instances": [
                        ["BoundingBox": awsBox(Scene.person1), "Confidence": 96.1],
                        ["BoundingBox": awsBox(Scene.person2), "Confidence": 93.4],
                    ], "Parents": [Any](),
                ],
                ["Name": "Bakery", "Confidence": 81.0, "Instances": [Any](), "Parents": [["Name": "Shop"]]],
                ["Name": "Street", "Confidence": 90.3, "Instances": [Any](), "Parents": [Any]()],
            ],
        ])
    }

    static func awsText(_ lines: [Scene.TextLine]) throws -> String {
        let w = Double(Scene.size.width), h = Double(Scene.size.height)
        func geometry(_ q: [Point]) -> [String: Any] {
            let xs = q.map(\.x), ys = q.map(\.y)
            return [
                "BoundingBox": awsBox(Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)),
                "Polygon": q.map { ["X": ($0.x / w * 1e6).rounded() / 1e6, "Y": ($0.y / h * 1e6).rounded() / 1e6] },
            ]
        }
        var detections: [[String: Any]] = []
        var id = 0
        for line in lines {
            detections.append(["DetectedText": line.text, "Type": "LINE", "Id": id, "Confidence": 99.1, "Geometry": geometry(line.quad)])
            id += 1
        }
        for (l, line) in lines.enumerated() {
            for word in line.words {
                detections.append([
                    "DetectedText": word.text, "Type": "WORD", "Id": id, "ParentId": l, "Confidence": 98.4, "Geometry": geometry(word.quad),
                ])
                id += 1
            }
        }
        return json(["TextModelVersion": "3.0", "TextDetections": detections])
    }

    static func awsFaces() throws -> String {
        json(["FaceDetails": [Scene.face1, Scene.face2].map { ["BoundingBox": awsBox($0), "Confidence": 99.9] as [String: Any] }])
    }

    // MARK: JSON

    static func json(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]),
            let text = String(data: data, encoding: .utf8)
        else { return "{}" }
        return text + "\n"
    }
}
