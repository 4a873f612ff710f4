import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// What a script expects of a command: a version, a manual, one table of exit statuses, JSON to
/// parse, sizes as vips and ImageMagick take them, `-` for standard output, quiet and verbose,
/// and progress a log keeps.
@Suite struct ConventionTests {
    typealias CLI = CLITests
    let images = RepositoryPaths.testImages
    var scene: String { images + "/scene/street.png" }
    var results: String { images + "/results/" }

    @Test func versionAndManual() throws {
        let version = try CLI.limn("--version")
        #expect(version.status == 0 && version.stdout.hasPrefix("limn ") && version.stdout.contains("."))
        let manual = try CLI.limn("manual")
        #expect(manual.status == 0)
        #expect(manual.stdout.hasPrefix(".TH LIMN 1"))
        for sub in ["demo", "annotate", "thumbnail", "cutout", "convert", "info", "batch", "manual"] {
            #expect(manual.stdout.contains(".SS limn \(sub)\n"), "\(sub)")
        }
        #expect(manual.stdout.contains(".SH EXIT STATUS"))
        // No line starts with a dot that is not a request of ours: help text is guarded.
        for line in manual.stdout.split(separator: "\n") where line.hasPrefix(".") {
            #expect(
                ["TH", "SH", "SS", "PP", "nf", "fi", "TP", "B ", "I ", "RI", "RB", "br"].contains { line.dropFirst().hasPrefix($0) },
                "\(line)")
        }
        for shell in ["bash", "zsh", "fish"] {
            let completion = try CLI.limn("--generate-completion-script", shell)
            #expect(completion.status == 0 && completion.stdout.contains("annotate"), "\(shell)")
        }
    }

    /// One table: 0 done, 1 a job failed, 2 the command line (or an option's value) is unusable.
    @Test func exitStatuses() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try CLI.limn("convert", scene, "-o", folder + "/ok.png").status == 0)
        #expect(try CLI.limn("convert", "/nonexistent.png", "-o", folder + "/x.png").status == 1)
        for usage in [
            ["convert", scene, "-o", folder + "/a.png", "--frobnicate"],  // an unknown option
            ["thumbnail", scene, "--size", "0x5", "-o", folder + "/t.jpg"],  // a bad value
            ["convert", scene, "-o", folder + "/a.jpg", "--lossless"],  // an option for another format
            ["convert", scene, "-o", folder + "/a.png", "--quality", "80"],
            ["annotate", scene, results + "azure40-scene.json", "--quiet", "--verbose", "-o", folder + "/a.png"],
            ["batch", folder + "/missing.jsonl"],
        ] {
            let r = try CLI.limn(usage)
            #expect(r.status == 2, "\(usage): \(r.stderr)")
            #expect(r.stderr.hasPrefix("limn: "), "\(usage)")
        }
        #expect(try CLI.limn("convert", scene, "-o", folder + "/a.jpg", "--lossless").stderr.contains("applies to WebP"))
        #expect(
            try CLI.limn("convert", scene, "-o", folder + "/a.png", "--quality", "80").stderr.contains("applies to JPEG, WebP and AVIF"))
    }

    /// `info --json`: one object a line, parsed by a JSON reader, errors as objects too.
    @Test func infoAsJSONLines() throws {
        let r = try CLI.limn("info", "--json", scene, results + "azure40-scene.json", images + "/detections/coco.json", "/nonexistent.png")
        #expect(r.status == 1)
        let objects = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 4)
        #expect(objects[0]["kind"] as? String == "image" && objects[0]["format"] as? String == "PNG")
        #expect(objects[0]["width"] as? Int == 800 && objects[0]["height"] as? Int == 520 && objects[0]["alpha"] as? Bool == false)
        #expect(objects[1]["kind"] as? String == "result" && objects[1]["format"] as? String == "azure-4.0")
        #expect((objects[1]["counts"] as? [String: Int])?["person"] == 4)
        #expect(objects[2]["pictures"] is String, "a COCO file of several pictures says what it holds")
        #expect(objects[3]["file"] as? String == "/nonexistent.png" && objects[3]["error"] is String)
    }

    /// Sizes as `W`, `xH` and `WxH`; the missing side follows the picture (800x520).
    @Test func sizesByOneSide() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try CLI.limn("thumbnail", scene, "--size", "200", "--size", "x100", "--size", "90x90", "--output-dir", folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try ImageDecoder.info(file: folder + "/street-200x.jpg").size == Size(width: 200, height: 130))
        #expect(try ImageDecoder.info(file: folder + "/street-x100.jpg").size == Size(width: 154, height: 100))
        #expect(try ImageDecoder.info(file: folder + "/street-90x90.jpg").size == Size(width: 90, height: 90))
        #expect(try CLI.limn("convert", scene, "--max-size", "x260", "-o", folder + "/half.png").status == 0)
        #expect(try ImageDecoder.info(file: folder + "/half.png").size == Size(width: 400, height: 260))
        #expect(try CLI.limn("convert", scene, "--max-size", "4000", "-o", folder + "/same.png").status == 0)
        #expect(try ImageDecoder.info(file: folder + "/same.png").size == Size(width: 800, height: 520), "never enlarged")
        for bad in ["x", "0", "x0", "12x34x5", "-3", "abc"] {
            #expect(try CLI.limn("convert", scene, "--max-size", bad, "-o", folder + "/no.png").status == 2, "\(bad)")
        }
    }

    /// Warnings go to standard error (exit 0); --quiet keeps them back, --verbose adds the steps.
    @Test func quietAndVerbose() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let args = ["annotate", scene, results + "azure40-scene.json", "--font", "No Such Family Limn", "-o", folder + "/a.png"]
        let plain = try CLI.limn(args)
        #expect(plain.status == 0)
        #expect(plain.stderr.contains("limn: warning: the font family \"No Such Family Limn\" is not installed"), "\(plain.stderr)")
        let quiet = try CLI.limn(args + ["--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        let verbose = try CLI.limn(args + ["--verbose"])
        #expect(verbose.status == 0)
        #expect(verbose.stderr.contains("decoded") && verbose.stderr.contains("read as azure-4.0") && verbose.stderr.contains("wrote 800x"))
        #expect(verbose.stderr.contains("warning:"))
        // A generic family is an alias, not a missing font.
        let generic = try CLI.limn(["annotate", scene, results + "azure40-scene.json", "--font", "serif", "-o", folder + "/b.png"])
        #expect(generic.status == 0 && !generic.stderr.contains("warning"), "\(generic.stderr)")
    }

    /// `--report -` writes the JSON report to standard output; on a pipe, progress comes as log
    /// lines; warnings reach the report.
    @Test func batchReportToStandardOutputAndProgressLines() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var lines: [String] = []
        for i in 0..<6 {
            lines.append(#"{"op":"convert","image":"\#(scene)","output":"out/\#(i).png","max_size":"200"}"#)
        }
        lines.append(
            #"{"op":"annotate","image":"\#(scene)","result":"\#(results)azure40-scene.json","font":"No Such Family Limn","output":"out/a.png"}"#
        )
        try lines.joined(separator: "\n").write(toFile: folder + "/jobs.jsonl", atomically: true, encoding: .utf8)
        let r = try CLI.limn(["batch", folder + "/jobs.jsonl", "--report", "-", "--progress-every", "0.001", "--jobs", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["jobs"] as? Int == 7 && summary["ok"] as? Int == 7 && summary["warned"] as? Int == 1)
        let jobs = try #require(report["jobs"] as? [[String: Any]])
        #expect((jobs[6]["warnings"] as? [String])?.first?.contains("not installed") == true)
        #expect(r.stderr.contains("limn: batch: ") && r.stderr.contains(" done ("), "progress lines on a pipe: \(r.stderr)")
        #expect(r.stderr.contains("jobs.jsonl:7: warning: the font family"))
        let quiet = try CLI.limn(["batch", folder + "/jobs.jsonl", "--quiet", "--progress-every", "0.001"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(try CLI.limn(["batch", folder + "/jobs.jsonl", "--progress-every", "-1"]).status == 2)
        // How much is printed is the batch's to say, not a line's.
        try #"{"op":"convert","image":"\#(scene)","output":"q.png","quiet":true}"#.write(
            toFile: folder + "/quiet.jsonl", atomically: true, encoding: .utf8)
        #expect(try CLI.limn(["batch", folder + "/quiet.jsonl"]).stderr.contains("is not a job's; give limn batch --quiet"))
    }
}
