import Foundation
import Limn

#if os(Linux)
/// glibc's `malloc_trim` (declared in <malloc.h>, which the Glibc module does not bring in).
@_silgen_name("malloc_trim") private func malloc_trim(_ pad: Int) -> Int32
#endif

/// Runs a manifest's jobs on a pool of worker threads (each takes the next job when it is free,
/// so at most `workers` pictures are in memory at once), reports failures as they happen, and
/// returns every selected job's outcome in manifest order.
struct BatchRunner: Sendable {
    struct Outcome: Sendable {
        enum Status: String, Sendable {
            case ok, failed, skipped
            /// Never started: the batch was stopped (SIGTERM, SIGINT) first.
            case notRun = "not run"
        }
        var line: Int
        var index: Int
        var operation: String
        var outputs: [String]
        var status: Status
        var error: String?
        var warnings: [String] = []
        var seconds: Double
    }

    let manifest: Manifest
    let workers: Int
    let shard: Manifest.Shard?
    let resume: Bool
    let progress: Progress.Style
    /// How much each job says: warnings unless quiet, its steps when verbose.
    var logging = LoggingOptions()
    /// Once set, workers take no new job; the running ones finish (their outputs are atomic).
    let stop: StopRequest
    /// Jobs wait for memory, or fail for want of it, under an address-space limit.
    let memory = MemoryAdmission()

    func run() -> [Outcome] {
        let selected = manifest.entries.filter { shard?.takes($0.index) ?? true }
        let bar = Progress(total: selected.count, style: progress)
        let work = WorkList(count: selected.count, stop: stop)
        let shared = manifest.sharedOutputs()
        let group = DispatchGroup()
        let takeJobs: @Sendable () -> Void = {
            while let k = work.take() {
                let (outcome, log) = self.run(selected[k], shared: shared[selected[k].line])
                work.record(outcome, at: k)
                Self.returnFreedMemory()
                let line = "\(manifest.source):\(outcome.line): "
                logging.report(log, prefix: line, through: bar.message)
                if let error = outcome.error { bar.message(line + error) }
                if logging.verbose, outcome.status == .ok {
                    bar.message(line + "\(outcome.operation) done in \(String(format: "%.3f", outcome.seconds)) s")
                }
                bar.finished(failed: outcome.status == .failed, skipped: outcome.status == .skipped, warned: !outcome.warnings.isEmpty)
            }
        }
        // This thread is a worker too, so the batch runs even where no thread can be started (an
        // address-space limit too tight for another stack). A thread joins the group before it
        // takes a job: one that starts after this thread has found the list empty takes none.
        for _ in 1..<max(1, min(workers, selected.count)) {
            let thread = Thread {
                group.enter()
                takeJobs()
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        takeJobs()
        group.wait()
        bar.end()
        return work.outcomes.enumerated().map { k, outcome in
            outcome
                ?? Outcome(
                    line: selected[k].line, index: selected[k].index, operation: "?", outputs: [], status: .notRun, error: nil,
                    seconds: 0)
        }
    }

    private func run(_ entry: Manifest.Entry, shared: String?) -> (Outcome, JobLog) {
        let started = Date()
        let log = JobLog()
        var outcome = Outcome(line: entry.line, index: entry.index, operation: "?", outputs: [], status: .ok, error: nil, seconds: 0)
        do throws(JobError) {
            let job = try manifest.job(entry)
            outcome.operation = job.operation
            outcome.outputs = job.outputs
            if job.outputs.contains("-") { throw JobError(Manifest.standardOutputRefused) }
            if let shared { throw JobError(shared) }
            if resume {
                if job.outputs.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
                    outcome.status = .skipped
                    outcome.seconds = Date().timeIntervalSince(started)
                    return (outcome, log)
                }
                job.outputs.forEach(Self.removeStaleTemporaries)
            }
            let need = memory.limit == nil ? 0 : MemoryAdmission.estimate(job)
            try memory.admit(need, picture: job.picture)
            defer { memory.release(need) }
            try log.during { () throws(JobError) in try job.run() }
        } catch {
            outcome.status = .failed
            outcome.error = error.description
        }
        outcome.seconds = Date().timeIntervalSince(started)
        outcome.warnings = log.warnings
        return (outcome, log)
    }

    /// Hands the memory a finished job freed back to the system. glibc keeps freed heap memory
    /// in per-thread arenas, and the threads that run a job's parallel work change from job to
    /// job, so over thousands of jobs the arenas' free pages added up (10,000 jobs: 67 MB of
    /// resident memory at the first thousand, 237 MB at the last). `malloc_trim` returns them;
    /// it costs well under a millisecond a job. The `limn` executable allocates with jemalloc on
    /// Linux (see Package.swift), whose decay returns the pages itself; there this finds glibc's
    /// arenas unused and returns at once, and it still serves programs that link LimnCommands
    /// with glibc's allocator (the tests, the fuzz targets).
    static func returnFreedMemory() {
        #if os(Linux)
        _ = malloc_trim(0)
        #endif
    }

    /// Temporary files an earlier, killed run left beside an output (`.<name>.limn-XXXXXX`).
    static func removeStaleTemporaries(of output: String) {
        let folder = (output as NSString).deletingLastPathComponent
        let prefix = "." + (output as NSString).lastPathComponent + ".limn-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.count == prefix.count + 6 {
            try? FileManager.default.removeItem(atPath: ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(name))
        }
    }

    /// The JSON report: a summary and every job's outcome and time, a job a line. Each job is
    /// serialized on its own, so building the report costs its bytes and one job's objects, not
    /// an object graph of the whole batch (10,000 jobs: 22 MB more resident memory that way).
    static func report(_ outcomes: [Outcome], manifest: Manifest, shard: Manifest.Shard?, seconds: Double) -> [UInt8] {
        func json(_ object: [String: Any]) -> [UInt8] {
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            return data.map { [UInt8]($0) } ?? Array("{}".utf8)
        }
        var counts: [Outcome.Status: Int] = [:]
        for o in outcomes { counts[o.status, default: 0] += 1 }
        var bytes = Array("{\n  \"jobs\": [".utf8)
        for (k, o) in outcomes.enumerated() {
            var d: [String: Any] = [
                "line": o.line, "job": o.index, "op": o.operation, "outputs": o.outputs,
                "status": o.status.rawValue, "seconds": (o.seconds * 1000).rounded() / 1000,
            ]
            if let e = o.error { d["error"] = e }
            if !o.warnings.isEmpty { d["warnings"] = o.warnings }
            bytes += Array((k == 0 ? "\n    " : ",\n    ").utf8) + json(d)
        }
        let summary: [String: Any] = [
            "manifest": manifest.source, "shard": shard?.description ?? "1/1", "jobs": outcomes.count,
            "ok": counts[.ok] ?? 0, "failed": counts[.failed] ?? 0, "skipped": counts[.skipped] ?? 0,
            "not_run": counts[.notRun] ?? 0, "seconds": (seconds * 1000).rounded() / 1000,
            "warned": outcomes.filter { !$0.warnings.isEmpty }.count,
        ]
        bytes += Array("\n  ],\n  \"summary\": ".utf8) + json(summary) + Array("\n}\n".utf8)
        return bytes
    }
}

/// A request to stop a batch, set from a signal handler's queue and read by the workers.
final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?

    /// The first signal that asked the batch to stop, if any.
    var signal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Records `signal`; true when it is the first.
    @discardableResult func request(_ signal: Int32) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard received == nil else { return false }
        received = signal
        return true
    }
}

/// The shared queue of job numbers and the outcomes, under one lock.
final class WorkList: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private let stop: StopRequest
    private var results: [BatchRunner.Outcome?]

    init(count: Int, stop: StopRequest) {
        self.count = count
        self.stop = stop
        results = Array(repeating: nil, count: count)
    }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count, stop.signal == nil else { return nil }
        next += 1
        return next - 1
    }

    func record(_ outcome: BatchRunner.Outcome, at k: Int) {
        lock.lock()
        results[k] = outcome
        lock.unlock()
    }

    /// Every job's outcome, nil for those never taken.
    var outcomes: [BatchRunner.Outcome?] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
