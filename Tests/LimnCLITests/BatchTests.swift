import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// `limn batch` on a manifest of a few hundred small jobs, some broken.
@Suite(.serialized) struct BatchTests {
    typealias CLI = CLITests
    let images = RepositoryPaths.testImages

    /// 300 jobs: converts and thumbnails of small pictures, annotations and cutouts of the
    /// scene, and 12 broken ones (a missing file, a damaged picture, an unknown key, bad JSON).
    func manifest(in folder: String) throws -> (path: String, good: [String], broken: [Int]) {
        let small = ["png/rgb8.png", "png/rgba8.png", "jpeg/baseline-420.jpg", "webp/lossy.webp", "bmp/rgb24-top-down.bmp"]
        var lines: [String] = [], good: [String] = [], broken: [Int] = []
        for i in 0..<300 {
            let line: String
            if i % 25 == 7 {
                switch (i / 25) % 4 {
                case 0: line = #"{"op": "convert", "image": "\#(images)/missing-\#(i).png", "output": "out/missing-\#(i).png"}"#
                case 1: line = #"{"op": "convert", "image": "\#(images)/broken/truncated-half.jpg", "output": "out/broken-\#(i).png"}"#
                case 2: line = #"{"op": "convert", "image": "\#(images)/png/rgb8.png", "output": "out/typo-\#(i).png", "qualty": 3}"#
                default: line = #"{"op": "convert", "image": "#
                }
                broken.append(i)
            } else if i % 50 == 3 {
                line =
                    #"{"op": "annotate", "image": "\#(images)/scene/street.png", "result": "\#(images)/results/aws-labels-scene.json", "output": "out/annotated-\#(i).png", "features": ["objects", "legend"]}"#
                good.append("out/annotated-\(i).png")
            } else if i % 50 == 4 {
                line =
                    #"{"op": "cutout", "image": "\#(images)/scene/street.png", "result": "\#(images)/results/baidu-bodyseg-scene.json", "background": "white", "output": "out/cutout-\#(i).jpg"}"#
                good.append("out/cutout-\(i).jpg")
            } else if i % 3 == 0 {
                line =
                    #"{"op": "thumbnail", "image": "\#(images)/\#(small[i % small.count])", "size": "24x24", "mode": "fill", "output": "out/thumb-\#(i).png"}"#
                good.append("out/thumb-\(i).png")
            } else {
                line =
                    #"{"op": "convert", "image": "\#(images)/\#(small[i % small.count])", "output": "out/sub/convert-\#(i).\#(["png", "webp", "jpg"][i % 3])", "max_size": "32x32"}"#
                good.append("out/sub/convert-\(i).\(["png", "webp", "jpg"][i % 3])")
            }
            lines.append(line)
            if i % 40 == 0 { lines.append("") }  // blank lines are not jobs
        }
        let path = folder + "/jobs.jsonl"
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        return (path, good, broken)
    }

    func outputs(in folder: String) throws -> [String: Data] {
        var all: [String: Data] = [:]
        let root = URL(fileURLWithPath: folder + "/out")
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) ?? FileManager.default
            .enumerator(atPath: "/")!
        {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                all[String(url.path.dropFirst(folder.count + 1))] = try Data(contentsOf: url)
            }
        }
        return all
    }

    @Test func goodJobsAreWrittenFailuresReportedAndTheStatusSaysSo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (manifest, good, broken) = try manifest(in: folder)
        // Eight workers on 300 jobs: under the thread sanitizer (.ci/run) this is the batch race check.
        let r = try CLI.limn(["batch", manifest, "--jobs", "8", "--report", folder + "/report.json"])
        #expect(r.status == 1)
        #expect(!r.stderr.contains("\r"), "no progress bar when stderr is not a terminal")
        let written = try outputs(in: folder)
        #expect(Set(written.keys) == Set(good))
        for (path, bytes) in written { #expect(throws: Never.self, "\(path)") { _ = try ImageDecoder.decode(Array(bytes)) } }
        // Each failure is one line naming the manifest line and why (progress lines, every 10 s
        // on a pipe, are `limn: batch: …`).
        let failures = CLI.problems(in: r.stderr)
        #expect(failures.count == broken.count)
        #expect(failures.contains { $0.contains("missing-7.png: no such file") })
        #expect(failures.contains { $0.contains("unknown key \"qualty\"") })
        #expect(r.stderr.contains("limn batch: 300 jobs: \(good.count) done, \(broken.count) failed, 0 skipped"))
        let report =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))) as! [String: Any]
        let summary = report["summary"] as! [String: Any]
        #expect(summary["jobs"] as? Int == 300 && summary["failed"] as? Int == broken.count && summary["ok"] as? Int == good.count)
        let jobs = report["jobs"] as! [[String: Any]]
        #expect(jobs.map { $0["job"] as! Int } == Array(0..<300))
        #expect(jobs.filter { $0["status"] as? String == "failed" }.map { $0["job"] as! Int } == broken)
        #expect(jobs.allSatisfy { ($0["seconds"] as? Double ?? -1) >= 0 })
        #expect(jobs[41]["line"] as? Int == 44, "blank lines after jobs 0 and 40 are counted in line numbers, not in job numbers")
    }

    @Test func aKilledBatchResumedGivesTheSameBytes() throws {
        let reference = try CLI.temporaryFolder(), interrupted = try CLI.temporaryFolder()
        defer { for f in [reference, interrupted] { try? FileManager.default.removeItem(atPath: f) } }
        let (manifestA, good, _) = try manifest(in: reference)
        let (manifestB, _, _) = try manifest(in: interrupted)
        _ = try CLI.limn(["batch", manifestA, "--jobs", "2"])
        let expected = try outputs(in: reference)
        #expect(expected.count == good.count)

        // Kill -9 once a third of the outputs exist.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = ["batch", manifestB, "--jobs", "2"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline {
            if ((try? outputs(in: interrupted).count) ?? 0) >= good.count / 3 { break }
            usleep(2000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = try outputs(in: interrupted)
        #expect(partial.count < good.count, "killed part-way")
        // Nothing half-written: every file present is a complete output, or a hidden temporary.
        for (path, bytes) in partial where !(path as NSString).lastPathComponent.hasPrefix(".") {
            #expect(bytes == expected[path], "\(path) is complete")
        }
        let resumed = try CLI.limn(["batch", manifestB, "--jobs", "2", "--resume"])
        #expect(resumed.status == 1)  // the broken jobs fail again
        #expect(resumed.stderr.contains("skipped"))
        #expect(try outputs(in: interrupted) == expected, "byte-identical, and no temporary left behind")
    }

    /// `--check` parses every line and runs nothing: the unknown keys and bad JSON are reported
    /// (a missing or damaged picture is not: no file is read), nothing is written.
    @Test func checkReportsTheUnusableLinesAndRunsNothing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (manifest, _, broken) = try manifest(in: folder)
        let unusable = broken.filter { ($0 / 25) % 4 >= 2 }
        let r = try CLI.limn(["batch", manifest, "--check"])
        #expect(r.status == 2)
        let problems = CLI.problems(in: r.stderr)
        #expect(problems.count == unusable.count)
        #expect(problems.contains { $0.contains("unknown key \"qualty\"") })
        #expect(problems.contains { $0.contains("not JSON") })
        #expect(r.stderr.contains("limn batch --check: 300 jobs, \(unusable.count) unusable"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"), "nothing ran")
        let shard = try CLI.limn(["batch", manifest, "--check", "--shard", "1/300"])
        #expect(shard.status == 0 && shard.stderr.contains("1 jobs (shard 1/300), 0 unusable"))
    }

    @Test func shardsCoverEveryJobExactlyOnce() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (manifest, good, _) = try manifest(in: folder)
        var seen: [Int] = []
        for k in 1...3 {
            let r = try CLI.limn(["batch", manifest, "--shard", "\(k)/3", "--report", folder + "/r\(k).json"])
            #expect(r.status == 1)
            let report =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/r\(k).json"))) as! [String: Any]
            let jobs = (report["jobs"] as! [[String: Any]]).map { $0["job"] as! Int }
            #expect(jobs.allSatisfy { $0 % 3 == k - 1 })
            seen += jobs
        }
        #expect(seen.sorted() == Array(0..<300))
        #expect(try outputs(in: folder).count == good.count)
    }
}
