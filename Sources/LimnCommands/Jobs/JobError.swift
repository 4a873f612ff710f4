import Limn

/// Why a job failed: one sentence naming the input, for a line on stderr or the batch report.
package struct JobError: Error, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
    /// Any library error, in its own sentence (every Limn error describes itself).
    init(_ error: any Error) {
        if let job = error as? JobError { self = job } else { description = String(describing: error) }
    }
}
