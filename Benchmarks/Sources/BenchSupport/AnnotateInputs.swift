import Foundation
import Limn

/// The pictures and results the annotation tasks draw (T8, T8b).
///
/// - T8: the 864x576 picture every Azure 4.0 example describes, with the spec's maximum-set
///   response (every feature), from `../shared` beside the repository when it is there;
///   otherwise the project's own scene (800x520) with its Azure 4.0 result.
/// - T8b: a 3072x2304 photo (`../shared/photos/csdata_Rome.jpg`, else a synthetic JPEG of that
///   size, cached with the other inputs) with a generated Azure 4.0 result: a caption,
///   20 objects and 300 OCR words in 50 lines.
public struct AnnotateInput: Sendable {
    public let picture: [UInt8]
    public let json: Data
    public let description: String
}

public enum AnnotateInputs {
    static var repository: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // AnnotateInputs.swift, BenchSupport, Sources, Benchmarks
        return parts.joined(separator: "/")
    }
    static var shared: String { repository + "/../shared" }

    static func read(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    public static func sample() throws -> AnnotateInput {
        if let picture = read(shared + "/photos/azvsdk_image-analysis-orig.png"),
            let json = read(shared + "/fixtures/azure-rest-api-specs/ia40_AnalyzeFromImageData_MaximumSet.json")
        {
            return AnnotateInput(picture: [UInt8](picture), json: json, description: "864x576 PNG, Azure 4.0 maximum set")
        }
        guard let picture = read(repository + "/TestImages/scene/street.png"),
            let json = read(repository + "/TestImages/results/azure40-scene.json")
        else {
            throw CocoaError(.fileNoSuchFile)
        }
        return AnnotateInput(picture: [UInt8](picture), json: json, description: "800x520 scene PNG, Azure 4.0 (../shared absent)")
    }

    /// T8c: the handwritten 1916x3000 page with its whole Google `fullTextAnnotation` (237 words
    /// in 36 lines), from `../shared/fixtures/google-vision`; nil when that folder is absent.
    public static func handwritten() -> AnnotateInput? {
        let base = shared + "/fixtures/google-vision/gcv2hocr_handwritten-notes_1916x3000.jpg"
        guard let picture = read(base), let json = read(base + ".json") else { return nil }
        return AnnotateInput(picture: [UInt8](picture), json: json, description: "1916x3000 JPEG, Google full text: 237 words")
    }

    public static func large(_ inputs: BenchInputs) throws -> AnnotateInput {
        let picture: [UInt8]
        let description: String
        if let rome = read(shared + "/photos/csdata_Rome.jpg") {
            picture = [UInt8](rome)
            description = "3072x2304 JPEG photo"
        } else {
            let path = inputs.path("synth_3072x2304_q90.jpg")
            if !FileManager.default.fileExists(atPath: path) {
                try AtomicFile.write(
                    try SynthPhoto.make(width: 3072, height: 2304, seed: 6).encoded(as: .jpeg(JPEGOptions(quality: 90))), to: path)
            }
            picture = try inputs.bytes("synth_3072x2304_q90.jpg")
            description = "3072x2304 synthetic JPEG"
        }
        return AnnotateInput(
            picture: picture, json: Data(generatedResult(width: 3072, height: 2304).utf8),
            description: description + ", 300 words, 20 objects, a caption")
    }

    /// An Azure 4.0 body: a caption, 20 objects of 6 classes, 50 lines of 6 words each.
    static func generatedResult(width: Int, height: Int) -> String {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let classes = ["person", "car", "bicycle", "dog", "bench", "traffic light"]
        var objects: [String] = []
        for i in 0..<20 {
            let w = 120 + next() * 500, h = 120 + next() * 600
            let x = next() * (Double(width) - w), y = next() * (Double(height) - h)
            objects.append(
                #"{"boundingBox": {"x": \#(Int(x)), "y": \#(Int(y)), "w": \#(Int(w)), "h": \#(Int(h))}, "tags": [{"name": "\#(classes[i % classes.count])", "confidence": \#(0.55 + next() * 0.44)}]}"#
            )
        }
        let vocabulary = [
            "Piazza", "Navona", "Roma", "ristorante", "aperto", "tutti", "giorni", "via", "del", "Corso", "museo", "biglietti", "uscita",
            "2024", "caffè", "gelato",
        ]
        var lines: [String] = []
        for l in 0..<50 {
            let x0 = 80 + Double(l % 2) * 1500, y0 = 120 + Double(l / 2) * 86
            var words: [String] = []
            var x = x0
            var text: [String] = []
            for _ in 0..<6 {
                let word = vocabulary[Int(next() * Double(vocabulary.count))]
                let w = Double(word.count) * 22
                words.append(
                    #"{"text": "\#(word)", "boundingPolygon": [{"x": \#(Int(x)), "y": \#(Int(y0))}, {"x": \#(Int(x + w)), "y": \#(Int(y0))}, {"x": \#(Int(x + w)), "y": \#(Int(y0 + 40))}, {"x": \#(Int(x)), "y": \#(Int(y0 + 40))}], "confidence": \#(0.6 + next() * 0.39)}"#
                )
                text.append(word)
                x += w + 14
            }
            lines.append(
                #"{"text": "\#(text.joined(separator: " "))", "boundingPolygon": [{"x": \#(Int(x0)), "y": \#(Int(y0))}, {"x": \#(Int(x - 14)), "y": \#(Int(y0))}, {"x": \#(Int(x - 14)), "y": \#(Int(y0 + 40))}, {"x": \#(Int(x0)), "y": \#(Int(y0 + 40))}], "words": [\#(words.joined(separator: ", "))]}"#
            )
        }
        return
            #"{"modelVersion": "2023-10-01", "metadata": {"width": \#(width), "height": \#(height)}, "captionResult": {"text": "a busy square in Rome with people, cars and shop signs", "confidence": 0.81}, "objectsResult": {"values": [\#(objects.joined(separator: ", "))]}, "readResult": {"blocks": [{"lines": [\#(lines.joined(separator: ", "))]}]}}"#
    }
}
