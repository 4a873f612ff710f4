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

/// Writes all of `bytes` to standard output (a pipe takes them in pieces); false when it cannot.
func writeStandardOutput(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in
        var done = 0
        while done < raw.count {
            let n = write(1, raw.baseAddress! + done, raw.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += n
        }
        return true
    }
}

/// `write(2)` under a name the job code's own `write` functions do not shadow.
func rawWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, bytes, count) }

/// Runs a subcommand's job: made from the options first (a problem there is a usage error,
/// exit status 2: nothing was read), then run under its own log, whose warnings and notes are
/// printed as `logging` says; a failure is one line on standard error and exit status 1.
func runJob<J>(_ logging: LoggingOptions, make: () throws(JobError) -> J, run: (J) throws(JobError) -> Void) throws {
    let job: J
    do throws(JobError) {
        job = try make()
    } catch {
        printError(error.description)
        throw ExitCode(ExitStatus.usage)
    }
    let log = JobLog()
    do throws(JobError) {
        try log.during { () throws(JobError) in try run(job) }
        logging.report(log)
    } catch {
        logging.report(log)
        printError(error.description)
        throw ExitCode(ExitStatus.failed)
    }
}
