import Foundation
import LimnTestSupport
import Testing

/// Every option is declared once: a manifest key is its flag in snake case, parsed and checked
/// by the same code. So a manifest line fails exactly where the flags fail, with the line, and
/// succeeds with the same pixels where they succeed.
@Suite struct OptionTableTests {
    typealias CLI = CLITests
    let images = RepositoryPaths.testImages
    var scene: String { images + "/scene/street.png" }
    var results: String { images + "/results/" }

    /// One batch job per line; the batch's failure message for line 1.
    func batchFailure(_ job: [String: Any], in folder: String) throws -> String {
        let line = String(decoding: try JSONSerialization.data(withJSONObject: job, options: [.sortedKeys]), as: UTF8.self)
        let manifest = folder + "/jobs-\(UUID().uuidString).jsonl"
        try Data(line.utf8).write(to: URL(fileURLWithPath: manifest))
        let r = try CLI.limn(["batch", manifest, "--jobs", "1"])
        #expect(r.status == 1, "\(line): \(r.stderr)")
        let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("limn: \(manifest):1: "), "the message names the manifest line: \(first)")
        return first
    }

    @Test func theManifestRejectsWhatTheFlagsReject() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let annotate: [String: Any] = [
            "op": "annotate", "image": scene, "result": results + "azure40-scene.json", "output": folder + "/a.png",
        ]
        let thumbnail: [String: Any] = ["op": "thumbnail", "image": scene, "output": folder + "/t.jpg", "size": "40x40"]
        let cutout: [String: Any] = [
            "op": "cutout", "image": scene, "result": results + "baidu-bodyseg-scene.json", "output": folder + "/c.png",
        ]
        let convert: [String: Any] = ["op": "convert", "image": scene, "output": folder + "/v.png"]
        func flags(_ job: [String: Any]) -> [String] {
            switch job["op"] as! String {
            case "annotate": return ["annotate", scene, results + "azure40-scene.json", "-o", folder + "/a.png"]
            case "thumbnail": return ["thumbnail", scene, "-o", folder + "/t.jpg", "--size", "40x40"]
            case "cutout": return ["cutout", scene, "--result", results + "baidu-bodyseg-scene.json", "-o", folder + "/c.png"]
            default: return ["convert", scene, "-o", folder + "/v.png"]
            }
        }
        // (job, extra flags, extra manifest keys, what both messages say)
        let cases: [([String: Any], [String], [String: Any], String)] = [
            (annotate, ["--min-confidence", "3"], ["min_confidence": 3], "between 0 and 1"),
            (annotate, ["--top=-1"], ["top": -1], "0 or more"),
            (annotate, ["--top", "2.5"], ["top": 2.5], "'2.5' is invalid"),
            (annotate, ["--theme", "purple"], ["theme": "purple"], "use one of light, dark"),
            (annotate, ["--banner", "sideways"], ["banner": "sideways"], "use one of above, below"),
            (annotate, ["--features", "cats"], ["features": ["cats"]], "unknown feature \"cats\""),
            (annotate, ["--ocr-mode", "loud"], ["ocr_mode": "loud"], "use one of outline, text, side-by-side"),
            (annotate, ["--result-format", "azure-9"], ["result_format": "azure-9"], "use one of azure-4.0"),
            (annotate, ["--quality", "101"], ["quality": 101], "between 0 and 100"),
            (annotate, ["--format", "gif"], ["output_format": "gif"], "Limn reads GIF but does not write it"),
            (annotate, ["--format", "tga"], ["format": "tga"], "not a format Limn writes"),
            (thumbnail, ["--mode", "zoom"], ["mode": "zoom"], "use one of fit, fill, smart"),
            (thumbnail, ["--size", "0x5"], ["sizes": ["0x5"]], "WIDTHxHEIGHT"),
            (cutout, ["--background", "no-such-picture.png"], ["background": "no-such-picture.png"], "is not none, blur, checkerboard"),
            (convert, ["--max-size", "big"], ["max_size": "big"], "WIDTHxHEIGHT"),
        ]
        for (job, extraFlags, extraKeys, expected) in cases {
            let byFlags = try CLI.limn(flags(job) + extraFlags)
            #expect(byFlags.status != 0 && byFlags.stderr.contains(expected), "\(extraFlags): \(byFlags.stderr)")
            let byManifest = try batchFailure(job.merging(extraKeys) { $1 }, in: folder)
            #expect(byManifest.contains(expected), "\(extraKeys): \(byManifest)")
            // The manifest speaks in its own keys, not the flags'.
            #expect(!byManifest.contains("'--"), "\(byManifest)")
        }
        // A misspelt key fails the job, as a misspelt flag does.
        #expect(try CLI.limn(flags(convert) + ["--qualty", "3"]).stderr.contains("Unknown option '--qualty'"))
        #expect(try batchFailure(convert.merging(["qualty": 3]) { $1 }, in: folder).contains("unknown key \"qualty\" for convert"))
        #expect(try batchFailure(convert.merging(["help": true]) { $1 }, in: folder).contains("unknown key \"help\""))
        #expect(try batchFailure(convert.merging(["lossless": "yes"]) { $1 }, in: folder).contains("\"lossless\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { $0.hasSuffix(".jsonl") }, "nothing written")
    }

    @Test func optionsAreCheckedBeforeThePictureIsRead() throws {
        // The picture does not exist: the option's error comes first, from the flags and the manifest alike.
        let r = try CLI.limn([
            "annotate", "/nonexistent/picture.jpg", results + "azure40-scene.json", "--theme", "purple", "-o", "/nonexistent/x.png",
        ])
        #expect(r.stderr.contains("light, dark") && !r.stderr.contains("no such file"), "\(r.stderr)")
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let message = try batchFailure(
            ["op": "thumbnail", "image": "/nonexistent/picture.jpg", "size": "4x4", "format": "tga", "output_dir": folder], in: folder)
        #expect(message.contains("not a format Limn writes") && !message.contains("no such file"), "\(message)")
    }

    @Test func everyKeyIsAFlagAndGivesTheSamePixels() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // banner and show_confidence were manifest-only once; every key now has its flag.
        let flags = try CLI.limn([
            "annotate", scene, results + "azure40-scene.json", "--features", "objects,caption", "--banner", "below",
            "--no-show-confidence", "--top", "3", "--box-style", "corners", "-o", folder + "/flags.png",
        ])
        #expect(flags.status == 0, "\(flags.stderr)")
        let line =
            #"{"op":"annotate","image":"\#(scene)","result":"\#(results)azure40-scene.json","features":["objects","caption"],"banner":"below","show_confidence":false,"top":3,"box_style":"corners","output":"manifest.png"}"#
        try Data(line.utf8).write(to: URL(fileURLWithPath: folder + "/jobs.jsonl"))
        let batch = try CLI.limn(["batch", folder + "/jobs.jsonl"])
        #expect(batch.status == 0, "\(batch.stderr)")
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/flags.png"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.png"))
        #expect(a == b, "the same options give the same bytes")
        let defaults = try CLI.limn([
            "annotate", scene, results + "azure40-scene.json", "--features", "objects,caption", "-o", folder + "/defaults.png",
        ])
        let plain = try Data(contentsOf: URL(fileURLWithPath: folder + "/defaults.png"))
        #expect(defaults.status == 0 && plain != a, "the options changed the picture")
    }
}
