import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Faults injected into `limn batch` while it runs, after SQLite's model: each must end in clean
/// per-job errors or a clean stop, never a crash, a half-written output or a lost one. The full
/// disk and the read-only folder are small tmpfs mounts (they need root and `mount`; otherwise
/// those cases say so and run what they can).
@Suite(.serialized) struct FaultInjectionTests {
    typealias CLI = CLITests
    let images = RepositoryPaths.testImages

    /// `count` convert jobs of `picture` into `out/` (PNG, downscaled so each takes a moment).
    func manifest(
        in folder: String, count: Int, picture: String = "scene/street.jpg", output: (Int) -> String = { "out/\($0).png" }
    )
        throws -> String
    {
        let lines = (0..<count).map {
            #"{"op": "convert", "image": "\#(images)/\#(picture)", "output": "\#(output($0))", "max_size": "300x300"}"#
        }
        let path = folder + "/jobs.jsonl"
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func files(in folder: String) -> [String: Data] {
        var all: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            all[name] = FileManager.default.contents(atPath: folder + "/" + name)
        }
        return all
    }

    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func waitFor(_ condition: () -> Bool, seconds: Double = 60) {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() && Date() < deadline { usleep(2000) }
    }

    /// A folder holding the `.limn-XXXXXX` temporaries of an interrupted write, if any.
    func temporaries(in folder: String) -> [String] { files(in: folder).keys.filter { $0.contains(".limn-") } }

    // MARK: signals

    @Test func sigtermStopsTakingJobsFinishesTheRunningOnesAndWritesTheReport() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let jobs = try manifest(in: folder, count: 40)
        let process = try start(["batch", jobs, "--jobs", "2", "--report", folder + "/report.json"])
        waitFor { files(in: folder + "/out").count >= 2 }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + SIGTERM)
        let report =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))) as! [String: Any]
        let summary = report["summary"] as! [String: Any]
        let ok = summary["ok"] as! Int, notRun = summary["not_run"] as! Int
        #expect(ok >= 2 && notRun > 0 && ok + notRun == 40 && summary["failed"] as? Int == 0)
        let written = files(in: folder + "/out")
        #expect(written.count == ok, "the running jobs finished; no other started")
        #expect(temporaries(in: folder + "/out").isEmpty)
        for (name, bytes) in written { #expect(throws: Never.self, "\(name)") { _ = try ImageDecoder.decode(Array(bytes)) } }
        // --resume does the rest.
        let resumed = try CLI.limn(["batch", jobs, "--jobs", "2", "--resume"])
        #expect(resumed.status == 0 && files(in: folder + "/out").count == 40)
    }

    @Test func aSecondSigtermEndsTheBatchAtOnceAndResumeCleansUp() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Slow jobs (the smallest PNG of the whole scene), so that the running ones are still
        // running when the second signal comes.
        let lines = (0..<6).map {
            #"{"op": "convert", "image": "\#(images)/scene/street.png", "output": "out/\#($0).png", "compression": "smallest"}"#
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder + "/jobs.jsonl"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = ["batch", folder + "/jobs.jsonl", "--jobs", "2"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        waitFor { files(in: folder + "/out").count >= 1 }  // running its jobs, the handlers in place
        kill(process.processIdentifier, SIGTERM)
        // The second once the first is seen (signals sent together arrive as one).
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("starting no more") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(files(in: folder + "/out").count < 6)
        let resumed = try CLI.limn(["batch", folder + "/jobs.jsonl", "--jobs", "2", "--resume"])
        #expect(resumed.status == 0)
        #expect(files(in: folder + "/out").count == 6 && temporaries(in: folder + "/out").isEmpty)
    }

    /// SIGKILL at twenty points, each followed by `--resume`: the final outputs are byte for byte
    /// those of an uninterrupted run, and no temporary is left. Each kill lands at a seeded
    /// fraction of the time the jobs still to do took in the uninterrupted run, so the kills stay
    /// mid-batch on a fast optimized build and on a slow sanitized one alike.
    @Test func twentyKillsEachFollowedByResumeGiveTheSameBytes() throws {
        let reference = try CLI.temporaryFolder(), killed = try CLI.temporaryFolder()
        defer { for f in [reference, killed] { try? FileManager.default.removeItem(atPath: f) } }
        let pictures = ["scene/street.jpg", "png/rgba8.png", "webp/lossy.webp", "jpeg/baseline-420.jpg"]
        func write(_ folder: String) throws -> String {
            let lines = (0..<60).map { i in
                let picture = pictures[i % pictures.count]
                return i % 5 == 4
                    ? #"{"op": "thumbnail", "image": "\#(images)/\#(picture)", "size": "48x48", "output": "out/\#(i).jpg"}"#
                    : #"{"op": "convert", "image": "\#(images)/\#(picture)", "output": "out/\#(i).\#(["png", "webp", "jpg"][i % 3])", "max_size": "200x200"}"#
            }
            try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder + "/jobs.jsonl"))
            return folder + "/jobs.jsonl"
        }
        let clock = ContinuousClock()
        let began = clock.now
        #expect(try CLI.limn(["batch", try write(reference), "--jobs", "2"]).status == 0)
        let took = (clock.now - began).components
        let uninterrupted = Double(took.seconds) + Double(took.attoseconds) / 1e18
        let expected = files(in: reference + "/out")
        #expect(expected.count == 60)
        let jobs = try write(killed)
        var rng = SplitMix(seed: 20)
        var interrupted = 0
        for _ in 0..<20 {
            let done = files(in: killed + "/out").count - temporaries(in: killed + "/out").count
            let fraction = 0.1 + 0.8 * Double(rng.next() % 1000) / 1000
            let process = try start(["batch", jobs, "--jobs", "2", "--resume"])
            usleep(useconds_t(uninterrupted * 1e6 * Double(max(1, 60 - done)) / 60 * fraction))
            if process.isRunning { interrupted += 1 }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        #expect(interrupted >= 10, "most kills land mid-batch (\(interrupted) of 20)")
        #expect(try CLI.limn(["batch", jobs, "--jobs", "2", "--resume"]).status == 0)
        #expect(files(in: killed + "/out") == expected, "byte-identical, and no temporary left behind")
    }

    // MARK: the output side

    /// Runs `body` with a tmpfs of `size` mounted at a new folder (`options` added), or returns
    /// false when this machine cannot mount one (not root, no mount, a container without the
    /// capability).
    func withTmpfs(size: String, options: String = "", _ body: (String) throws -> Void) throws -> Bool {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard geteuid() == 0,
            (try? Spawned.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)\(options.isEmpty ? "" : "," + options)", "tmpfs", folder]))?
                .status == 0
        else {
            print("FaultInjectionTests: no tmpfs could be mounted here (needs root and mount); that case is skipped")
            return false
        }
        defer { _ = try? Spawned.run("/bin/umount", [folder]) }
        try body(folder)
        return true
    }

    @Test func aFullDiskFailsTheJobsThatDoNotFitAndTheBatchGoesOn() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try withTmpfs(size: "64k") { disk in
            // 12 PNGs of about 17 KB into 64 KB: three or so fit, the rest find the disk full.
            let jobs = try manifest(in: folder, count: 12, picture: "scene/street.png", output: { "\(disk)/\($0).png" })
            let r = try CLI.limn(["batch", jobs, "--jobs", "2"])
            #expect(r.status == 1)
            let failures = CLI.problems(in: r.stderr)
            let written = files(in: disk)
            #expect(written.count >= 1 && written.count < 12 && failures.count == 12 - written.count)
            #expect(failures.allSatisfy { $0.localizedCaseInsensitiveContains("no space left") }, "\(failures.first ?? "")")
            #expect(temporaries(in: disk).isEmpty, "a failed write removes its temporary")
            for (name, bytes) in written { #expect(throws: Never.self, "\(name)") { _ = try ImageDecoder.decode(Array(bytes)) } }
        }
    }

    @Test func aReadOnlyFolderFailsItsJobsCleanlyAndTheBatchGoesOn() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func check(_ readOnly: String) throws {
            let jobs = try manifest(
                in: folder, count: 6, picture: "png/rgb8.png", output: { $0 % 2 == 0 ? "\(readOnly)/\($0).png" : "out/\($0).png" })
            let r = try CLI.limn(["batch", jobs, "--jobs", "2"])
            #expect(r.status == 1)
            let failures = CLI.problems(in: r.stderr)
            #expect(
                failures.count == 3 && failures.allSatisfy { $0.contains(readOnly) && $0.localizedCaseInsensitiveContains("read-only") })
            #expect(files(in: folder + "/out").count == 3 && files(in: readOnly).isEmpty)
        }
        let mounted = try withTmpfs(size: "1m", options: "ro") { try check($0) }
        if !mounted && geteuid() != 0 {  // an unprivileged user: a folder without write permission
            let locked = folder + "/locked"
            try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
            chmod(locked, 0o555)
            defer { chmod(locked, 0o755) }
            let jobs = try manifest(in: folder, count: 2, picture: "png/rgb8.png", output: { "\(locked)/\($0).png" })
            let r = try CLI.limn(["batch", jobs])
            #expect(r.status == 1 && r.stderr.localizedCaseInsensitiveContains("permission"))
        }
    }

    @Test func anOutputThatIsAFolderIsRefusedAndNothingIsTouched() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/taken.png/inner", withIntermediateDirectories: true)
        let single = try CLI.limn(["convert", "\(images)/png/rgb8.png", "-o", folder + "/taken.png"])
        #expect(single.status == 1 && single.stderr.contains("taken.png") && single.stderr.localizedCaseInsensitiveContains("folder"))
        let jobs = try manifest(in: folder, count: 3, picture: "png/rgb8.png", output: { $0 == 1 ? "taken.png" : "out/\($0).png" })
        let r = try CLI.limn(["batch", jobs])
        #expect(r.status == 1 && files(in: folder + "/out").count == 2)
        #expect(FileManager.default.fileExists(atPath: folder + "/taken.png/inner") && temporaries(in: folder).isEmpty)
    }

    // MARK: memory

    /// Under an address-space limit (`ulimit -v`) a 12 MP picture cannot fit in: its job fails
    /// with both figures, the small jobs around it are written, nothing crashes. (Not under a
    /// sanitizer, whose runtime reserves terabytes of address space.)
    @Test(.disabled(if: Spawned.sanitized, "a sanitizer's shadow memory cannot live under ulimit -v"))
    func aMemoryCapFailsTheJobThatCannotFitAndTheBatchGoesOn() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let big = try ImageEncoder.encode(Image(width: 4000, height: 3000, fill: Pixel(r: 90, g: 120, b: 200)), as: .jpeg())
        try Data(big).write(to: URL(fileURLWithPath: folder + "/big.jpg"))
        let lines = [
            #"{"op": "convert", "image": "\#(images)/png/rgb8.png", "output": "out/1.png"}"#,
            #"{"op": "convert", "image": "big.jpg", "output": "out/big.png"}"#,
            #"{"op": "annotate", "image": "big.jpg", "result": "\#(images)/results/aws-labels-scene.json", "output": "out/big-annotated.png"}"#,
            #"{"op": "convert", "image": "\#(images)/jpeg/baseline-420.jpg", "output": "out/2.png"}"#,
        ]
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder + "/jobs.jsonl"))
        let r = try Spawned.limn(["batch", folder + "/jobs.jsonl", "--jobs", "2"], setup: "ulimit -v 200000")
        #expect(r.signal == 0 && r.status == 1, "\(r.stderr)")
        let failures = CLI.problems(in: r.stderr)
        #expect(
            failures.count == 2 && failures.allSatisfy { $0.contains("big.jpg: needs about") && $0.contains("ulimit -v") }, "\(failures)")
        #expect(Set(files(in: folder + "/out").keys) == ["1.png", "2.png"])
    }

    // MARK: the input side

    /// Inputs deleted or cut in half while the batch runs: those jobs fail with what happened to
    /// their file, the others are written, nothing crashes.
    @Test func inputsThatVanishOrAreCutWhileTheBatchRunsFailOnlyTheirJobs() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = try Data(contentsOf: URL(fileURLWithPath: "\(images)/scene/street.jpg"))
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        for i in 0..<40 { try source.write(to: URL(fileURLWithPath: folder + "/in/\(i).jpg")) }
        let lines = (0..<40).map { #"{"op": "convert", "image": "in/\#($0).jpg", "output": "out/\#($0).png", "max_size": "300x300"}"# }
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder + "/jobs.jsonl"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = ["batch", folder + "/jobs.jsonl", "--jobs", "2", "--report", folder + "/report.json"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        waitFor { files(in: folder + "/out").count >= 1 }
        for i in 30..<35 { try FileManager.default.removeItem(atPath: folder + "/in/\(i).jpg") }
        for i in 35..<40 { try source.prefix(source.count / 2).write(to: URL(fileURLWithPath: folder + "/in/\(i).jpg")) }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1)
        let report =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))) as! [String: Any]
        let jobs = report["jobs"] as! [[String: Any]]
        let failed = jobs.filter { $0["status"] as? String == "failed" }.map { $0["job"] as! Int }
        #expect(failed == Array(30..<40), "only the jobs whose files changed: \(failed)")
        #expect(jobs.filter { ($0["job"] as! Int) < 30 }.allSatisfy { $0["status"] as? String == "ok" })
        #expect(stderr.contains("30.jpg: no such file") && stderr.contains("35.jpg") && stderr.contains("ends too early"), "\(stderr)")
        #expect(files(in: folder + "/out").count == 30 && temporaries(in: folder + "/out").isEmpty)
    }
}
