import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one line to standard error, prefixed with the command's name.
func printError(_ message: String) {
    let line = Array("limn: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

/// Writes text to standard error as it is (the progress bar).
func writeStandardError(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

/// True when standard error is a terminal (then a progress bar is drawn).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }

/// `write(2)` under a name the job code's own `write` functions do not shadow.
func rawWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, bytes, count) }

/// Runs a subcommand's job: a failure is one line on standard error and exit status 1.
func runJob(_ body: () throws(JobError) -> Void) throws {
    do throws(JobError) {
        try body()
    } catch {
        printError(error.description)
        throw ExitCode.failure
    }
}
