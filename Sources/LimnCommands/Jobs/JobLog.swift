import ArgumentParser
import Foundation

/// What a job says besides its outputs: warnings (something that may not be what was meant: a
/// font that is not installed, a result without the crops asked for) and, for `--verbose`,
/// notes of what it read, drew and wrote. The job's code reaches the log of the job it runs
/// for through ``current`` (a task-local value, so jobs on other threads of a batch keep their
/// own); work it hands to another thread captures it first. Thread-safe.
final class JobLog: @unchecked Sendable {
    private let lock = NSLock()
    private var warningList: [String] = []
    private var noteList: [String] = []
    private let started = Date()

    @TaskLocal static var current: JobLog?

    func warn(_ text: String) { lock.withLock { warningList.append(text) } }

    /// A step of the job, with the time since the job started.
    func note(_ text: String) {
        let ms = Date().timeIntervalSince(started) * 1000
        lock.withLock { noteList.append(String(format: "%.0f ms: ", ms) + text) }
    }

    var warnings: [String] { lock.withLock { warningList } }
    var notes: [String] { lock.withLock { noteList } }

    /// Runs `body` with this log as ``current``.
    func during<R>(_ body: () throws(JobError) -> R) throws(JobError) -> R {
        let result: Result<R, JobError> = JobLog.$current.withValue(self) { Result { () throws(JobError) in try body() } }
        return try result.get()
    }
}

/// `--quiet` and `--verbose`, for every subcommand that runs jobs.
struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print errors only: no warnings, no summary, no progress.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print what each job read, drew and wrote, and when (on standard error).")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose contradict each other; give one.") }
    }

    /// Prints a job's warnings (unless quiet) and notes (when verbose), each prefixed with
    /// `prefix` (a batch: the manifest line).
    func report(_ log: JobLog, prefix: String = "", through print: (String) -> Void = printError) {
        if verbose { for note in log.notes { print(prefix + note) } }
        if !quiet { for warning in log.warnings { print(prefix + "warning: " + warning) } }
    }
}
