import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process run with `posix_spawn` and reaped with `wait4`. Its peak memory is measured
/// by GNU `time` (`-f %M`) between this process and the child: the `ru_maxrss` of a child spawned
/// straight from a big process counts that process's memory too (the kernel records the
/// address space a `vfork`ed child leaves at `exec`), so the test runner's own hundreds of
/// megabytes would show up. Standard input comes from a file (a FIFO or `/dev/zero` too);
/// standard output and error go to files in a temporary folder and are read back.
struct Spawned {
    var status: Int32
    /// The signal that ended the child, or 0.
    var signal: Int32
    var stdout: Data
    var stderr: String
    /// The child's peak resident memory in bytes; nil without `/usr/bin/time`, and under a
    /// sanitizer (its shadow memory and quarantine are no measure of Limn's).
    var peakMemory: Int?

    static let timeTool = "/usr/bin/time"

    /// True when the tests run a sanitizer build (`.ci/run` sets `LIMN_SANITIZER` for those steps).
    static let sanitized = ProcessInfo.processInfo.environment["LIMN_SANITIZER"] != nil

    /// This process's environment, with `ASAN_OPTIONS` replaced by `LIMN_CHILD_ASAN_OPTIONS` when
    /// that is set: `.ci/run` checks the `limn` processes for leaks while the test runner itself
    /// (whose XCTest and Foundation keep allocations to exit) is not. Made once, read only, never freed.
    nonisolated(unsafe) static let childEnvironment: [UnsafeMutablePointer<CChar>?] = {
        var variables = ProcessInfo.processInfo.environment
        if let child = variables["LIMN_CHILD_ASAN_OPTIONS"] { variables["ASAN_OPTIONS"] = child }
        return variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
    }()

    static func run(_ executable: String, _ arguments: [String], stdin: String = "/dev/null") throws -> Spawned {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limn-spawn-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, folder + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, folder + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let measured = FileManager.default.isExecutableFile(atPath: timeTool)
        let command = measured ? [timeTool, "-f", "%M", "-o", folder + "/peak", executable] + arguments : [executable] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = childEnvironment.withUnsafeBufferPointer { env in
            posix_spawn(&pid, command[0], &actions, nil, argv, UnsafeMutablePointer(mutating: env.baseAddress))
        }
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        var exit = status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
        var signal = status & 0x7F == 0 ? 0 : status & 0x7F
        var peak: Int?
        if measured {
            defer { if sanitized { peak = nil } }
            // time writes "Command terminated by signal N" or "Command exited with non-zero
            // status N" before the figure, and exits with the child's status (128 + N for a signal).
            let report = String(decoding: FileManager.default.contents(atPath: folder + "/peak") ?? Data(), as: UTF8.self)
            let lines = report.split(separator: "\n")
            peak = lines.last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { $0 * 1024 }
            if let line = lines.first(where: { $0.hasPrefix("Command terminated by signal ") }),
                let n = Int32(line.split(separator: " ").last ?? "")
            {
                signal = n
                exit = -1
            }
        }
        return Spawned(
            status: exit, signal: signal,
            stdout: FileManager.default.contents(atPath: folder + "/out") ?? Data(),
            stderr: String(decoding: FileManager.default.contents(atPath: folder + "/err") ?? Data(), as: UTF8.self),
            peakMemory: peak)
    }

    /// `limn` with `arguments` under `/bin/sh`, after `setup` (e.g. `umask 022`).
    static func limn(_ arguments: [String], setup: String, stdin: String = "/dev/null") throws -> Spawned {
        let quoted = ([CLITests.executable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try run("/bin/sh", ["-c", setup + "; exec " + quoted.joined(separator: " ")], stdin: stdin)
    }
}
