import ArgumentParser

/// The exit statuses of every subcommand, in one table (the man page and `limn --help` print it).
enum ExitStatus {
    /// Everything asked for was done.
    static let ok: Int32 = 0
    /// A job failed: a picture or a result could not be read, an output not written (a batch:
    /// at least one of its jobs).
    static let failed: Int32 = 1
    /// The command line, a manifest or an option's value is unusable; nothing was run.
    static let usage: Int32 = 2

    static let table: [(code: String, meaning: String)] = [
        ("0", "Everything asked for was done (warnings, if any, went to standard error)."),
        (
            "1",
            "A job failed: a picture or result that could not be read, an output that could not be written; in a batch, at least one job (the report says which)."
        ),
        (
            "2",
            "The command line, an option's value or a batch manifest is unusable (limn batch --check reports every line); nothing was run."
        ),
        ("128 + N", "A batch stopped by signal N: 143 for SIGTERM, 130 for SIGINT (the running jobs finished, the report was written)."),
    ]
}
