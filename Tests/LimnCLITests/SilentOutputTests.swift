import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// Each way `limn` once wrote a wrong picture and exited 0 is now an error or a warning that
/// names the input and says what is wrong.
@Suite struct SilentOutputTests {
    typealias CLI = CLITests
    let images = RepositoryPaths.testImages
    var scene: String { images + "/scene/street.png" }
    var results: String { images + "/results/" }

    /// A result made for the 800x520 scene, drawn on a square picture, would land stretched; on
    /// a half-size copy it lands scaled.
    @Test func aResultForAnotherPictureIsRefused() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let square = folder + "/square.png", half = folder + "/half.png"
        try Data(try Image(width: 400, height: 400, fill: .white).encoded(as: .png())).write(to: URL(fileURLWithPath: square))
        #expect(try CLI.limn("convert", scene, "--max-size", "400", "-o", half).status == 0)
        let r = try CLI.limn("annotate", square, results + "azure40-scene.json", "-o", folder + "/a.png")
        #expect(r.status == 1)
        #expect(r.stderr.contains("describes a 800x520 picture, and this one is 400x400, another shape"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/a.png"))
        #expect(try CLI.limn("annotate", half, results + "azure40-scene.json", "-o", folder + "/b.png").status == 0)
        let thumbnail = try CLI.limn(
            "thumbnail", square, "--result", results + "azure40-scene.json", "--size", "40x40", "-o", folder + "/t.jpg")
        #expect(thumbnail.status == 1 && thumbnail.stderr.contains("another shape"), "\(thumbnail.stderr)")
    }

    /// A format forced on a document it does not describe reads as nothing: an error naming
    /// what its keys say, not the bare picture.
    @Test func aForcedFormatThatYieldsNothingIsAnError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try CLI.limn("annotate", scene, results + "azure40-scene.json", "--result-format", "aws-text", "-o", folder + "/a.png")
        #expect(r.status == 1)
        #expect(r.stderr.contains("read as aws-text, it holds nothing to draw; its keys say azure-4.0"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/a.png"))
    }

    /// Smart thumbnails from a result without crop suggestions fall back to the picture's
    /// content, and say so; a result given to another mode is not used, and that is said too.
    @Test func thumbnailsSayWhenTheResultDoesNotServe() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try CLI.limn("thumbnail", scene, "--result", results + "aws-labels-scene.json", "--size", "64x64", "-o", folder + "/t.jpg")
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: ") && r.stderr.contains("has no crop suggestions"), "\(r.stderr)")
        let fill = try CLI.limn(
            "thumbnail", scene, "--result", results + "azure40-scene.json", "--mode", "fill", "--size", "64x64", "-o", folder + "/f.jpg")
        #expect(fill.status == 0 && fill.stderr.contains("applies to --mode smart"), "\(fill.stderr)")
        let smart = try CLI.limn("thumbnail", scene, "--result", results + "azure40-scene.json", "--size", "64x64", "-o", folder + "/s.jpg")
        #expect(smart.status == 0 && smart.stderr.isEmpty, "\(smart.stderr)")
    }

    /// Two jobs of one manifest writing the same file (however its path is spelt) would race:
    /// the later line fails, saying which line has the output, and --check reports it.
    @Test func twoJobsWithOneOutput() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = [
            #"{"op":"convert","image":"\#(scene)","output":"out/a.png"}"#,
            #"{"op":"convert","image":"\#(scene)","output":"out/../out/a.png","max_size":"100"}"#,
            #"{"op":"convert","image":"\#(scene)","output":"out/b.png"}"#,
        ]
        try lines.joined(separator: "\n").write(toFile: folder + "/jobs.jsonl", atomically: true, encoding: .utf8)
        let check = try CLI.limn("batch", folder + "/jobs.jsonl", "--check")
        #expect(check.status == 2)
        #expect(check.stderr.contains("jobs.jsonl:2: its output") && check.stderr.contains("is also line 1's"), "\(check.stderr)")
        let run = try CLI.limn("batch", folder + "/jobs.jsonl", "--report", folder + "/report.json")
        #expect(run.status == 1)
        #expect(try ImageDecoder.info(file: folder + "/out/a.png").size == Size(width: 800, height: 520), "line 1's output stands")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))) as? [String: Any])
        let jobs = try #require(report["jobs"] as? [[String: Any]])
        #expect(jobs.map { $0["status"] as? String } == ["ok", "failed", "ok"])
        // Shards of one manifest share folders: line 2 is refused in its shard (2/2) though
        // line 1 runs in the other.
        let shard = try CLI.limn("batch", folder + "/jobs.jsonl", "--shard", "2/2", "--check")
        #expect(shard.status == 2 && shard.stderr.contains("jobs.jsonl:2: its output"), "\(shard.stderr)")
        #expect(try CLI.limn("batch", folder + "/jobs.jsonl", "--shard", "1/2", "--check").status == 0)
    }

    /// A COCO file without its pictures is COCO, not an empty Computer Vision 3.2 analysis
    /// (both have `categories`); a document whose one known key is a generic one is unrecognised.
    @Test func genericKeysDoNotMakeAFormat() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try #"{"annotations":[{"id":1,"image_id":1,"category_id":1,"bbox":[1,2,3,4]}],"categories":[{"id":1,"name":"cat"}]}"#.write(
            toFile: folder + "/coco.json", atomically: true, encoding: .utf8)
        try #"{"categories":[{"name":"outdoor_","score":0.5}],"info":{},"licenses":[],"images_dir":"x","version":"1"}"#.write(
            toFile: folder + "/other.json", atomically: true, encoding: .utf8)
        let coco = try CLI.limn("annotate", scene, folder + "/coco.json", "-o", folder + "/a.png")
        #expect(coco.status == 1 && coco.stderr.contains("images is missing"), "\(coco.stderr)")
        let other = try CLI.limn("info", folder + "/other.json")
        #expect(other.status == 1 && other.stderr.contains("not a vision result Limn reads"), "\(other.stderr)")
        // A genuine Computer Vision 3.2 analysis still reads as one.
        #expect(try CLI.limn("info", results + "azure32-analyze-scene.json").stdout.contains("azure-3.2"))
    }
}
