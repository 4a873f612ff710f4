import ArgumentParser
import Limn

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if os(Linux)
/// glibc's `mallopt` (declared in <malloc.h>, which the Glibc module does not bring in).
@_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// The `limn` command: its subcommands, and the one-line error reporting of ``main()``.
package struct LimnCommand: ParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "limn",
        abstract: "See what a vision service saw: annotate, thumbnail, cut out, convert and inspect images and results.",
        discussion: """
            Start with `limn demo`: it runs every job on pictures and results that ship with Limn. Each subcommand's --help has examples; `limn manual` prints the man page. Errors are one line on standard error, warnings too (prefixed "warning:"). Exit status: 0 done, 1 a job failed, 2 the command line or a manifest is unusable (nothing run), 128 + N a batch stopped by signal N. LIMN_THREADS limits the threads a job uses (default: one per core).
            """,
        version: "limn \(Limn.version)",
        subcommands: [
            DemoCommand.self, AnnotateCommand.self, ThumbnailCommand.self, CutoutCommand.self,
            Convert.self, Info.self, BatchCommand.self, ManualCommand.self,
        ]
    )

    /// Parses and runs; a usage error becomes one line on standard error (with where to find
    /// help) instead of the parser's several, and keeps the parser's exit status.
    package static func main() {
        #if os(Linux)
        // glibc raises its mmap threshold each time a large block is freed, after which picture-
        // sized buffers come from the heap and stay there: a long batch's memory would creep up.
        // A fixed threshold keeps every buffer of 1 MiB or more in its own mapping, returned
        // to the system when freed, so memory stays flat over thousands of jobs.
        _ = mallopt(-3, 1024 * 1024)  // M_MMAP_THRESHOLD, a macro Swift does not import
        #endif
        if let threads = getenv("LIMN_THREADS").flatMap({ Int(String(cString: $0)) }), threads > 0 {
            Parallelism.maximumThreads = threads
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode { exit(withError: error) }  // --help, --version, a job's own status
            let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            let trimmed = message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message
            printError(trimmed + " (see limn --help)")
            // Every usage error, whatever the parser's own code (64), is one status: 2.
            exit(withError: ExitCode(ExitStatus.usage))
        }
    }
}
