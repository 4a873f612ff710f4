import Limn

/// Why a job failed: one sentence naming the input, for a line on stderr or the batch report.
struct JobError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
    init(_ error: LimnError) { description = error.description }
    init(_ error: CodecError) { description = error.description }
    init(_ error: ResultsError) { description = error.description }
    init(_ error: TextError) { description = error.description }
}
