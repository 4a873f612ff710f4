import ArgumentParser
import Foundation
import Limn

/// `limn batch MANIFEST.jsonl`: many jobs, bounded concurrency, sharding, resume, a report.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run the jobs of a JSON Lines manifest: annotate, thumbnail, cutout, convert.",
        discussion: """
            Each non-blank line is one job object; paths are relative to the manifest's folder. For example:
              {"op":"annotate","image":"a.jpg","result":"a.json","output":"a.png"}
              {"op":"thumbnail","image":"a.jpg","result":"a.json",
               "sizes":["400x400","1280x720"],"output_dir":"thumbs"}
              {"op":"cutout","image":"p.jpg","matte":"p.png","background":"white",
               "shadow":true,"output":"cut/p.png"}
              {"op":"convert","image":"b.png","output":"b.webp","max_size":"800x600"}
            (one object per line). Keys are the subcommand's options in snake case, parsed and checked by the same code as the flags (min_confidence is --min-confidence, show_confidence: false is --no-show-confidence, a list repeats the option); image and result stand for the positional arguments, and output (or, for thumbnails, output_dir) is required. output_format and sizes are accepted for format and size. A line is rejected exactly where its flags would be, before any picture is read; unknown keys fail the job.

            A failing job is reported (manifest line and why) and the batch goes on; the exit status is 1 when any job failed, 2 when the manifest or options are unusable. Outputs are written atomically, so --resume skips jobs whose outputs all exist and nothing is ever half-written. SIGTERM or SIGINT (Ctrl-C) stops the batch: no new job starts, the running ones finish, the report is written (the rest \"not run\") and the status is 143 or 130; a second signal ends it at once (--resume then removes what the running jobs left). --shard K/N runs only the jobs numbered K-1, K-1+N, K-1+2N, … (blank lines are not counted), so N machines share one manifest without coordinating: Kubernetes indexed jobs, AWS Batch or Slurm arrays, GNU parallel.

            Examples:
              limn batch jobs.jsonl --check
              limn batch jobs.jsonl --jobs 8 --resume --report report.json
              limn batch jobs.jsonl --report report.html && chromium report.html#failed
              limn batch jobs.jsonl --quiet --report - | jq '.summary'
              limn batch jobs.jsonl --shard $((JOB_COMPLETION_INDEX + 1))/16 --resume
            """
    )

    @Argument(help: "The manifest (JSON Lines), or - for standard input.")
    var manifest: String

    @Option(help: "Jobs run at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "K/N: run only this process's share of the jobs.")
    var shard: String?

    @Flag(help: "Skip jobs whose outputs all exist already.")
    var resume = false

    @Option(
        help:
            "Write a report of every job's outcome, time and warnings: JSON, or with an .html name a page with a thumbnail of each output and filters for failed and warned jobs; - for standard output (JSON)."
    )
    var report: String?

    @Option(
        name: .customLong("progress-every"),
        help:
            "Where standard error is not a terminal (a pipe, a container's log): a progress line every this many seconds (default 10; 0: none)."
    )
    var progressEvery: Double = 10

    @Flag(help: "Check every job's line (keys, values, choices) and run none: each problem on standard error, exit status 2 if any.")
    var check = false

    @Flag(name: .customLong("no-progress"), help: "No progress bar on a terminal, and no progress lines elsewhere.")
    var noProgress = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard progressEvery >= 0, progressEvery.isFinite else {
            throw ValidationError("--progress-every is a number of seconds, 0 or more, not \(progressEvery).")
        }
    }

    func run() throws {
        let started = Date()
        let outcomes: [BatchRunner.Outcome]
        let loaded: Manifest
        let split: Manifest.Shard?
        do throws(JobError) {
            loaded = try Manifest(path: manifest)
            split = try shard.map { (s) throws(JobError) in try Manifest.Shard(s) }
            if let jobs, jobs < 1 { throw JobError("--jobs must be at least 1, not \(jobs).") }
        } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.usage)
        }
        if check {
            let problems = loaded.problems(shard: split)
            for (line, problem) in problems { printError("\(loaded.source):\(line): \(problem)") }
            let count = loaded.entries.filter { split?.takes($0.index) ?? true }.count
            writeStandardError("limn batch --check: \(count) jobs\(split.map { " (shard \($0))" } ?? ""), \(problems.count) unusable\n")
            if !problems.isEmpty { throw ExitCode(ExitStatus.usage) }
            return
        }
        let stop = StopRequest()
        let progress: Progress.Style =
            noProgress || logging.quiet ? .off : standardErrorIsTerminal ? .bar : progressEvery > 0 ? .lines(every: progressEvery) : .off
        var runner = BatchRunner(
            manifest: loaded, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount, shard: split,
            resume: resume, progress: progress, stop: stop)
        runner.logging = logging
        outcomes = StopSignals.handling(stop) { runner.run() }
        let seconds = Date().timeIntervalSince(started)
        let failed = outcomes.filter { $0.status == .failed }.count
        let skipped = outcomes.filter { $0.status == .skipped }.count
        let notRun = outcomes.filter { $0.status == .notRun }.count
        let ran = outcomes.count - skipped - notRun
        let stopped = stop.signal.map { ", stopped by \(StopSignals.name($0)): \(notRun) not run" } ?? ""
        let warned = outcomes.filter { !$0.warnings.isEmpty }.count
        if !logging.quiet {
            writeStandardError(
                "limn batch: \(outcomes.count) jobs\(split.map { " (shard \($0))" } ?? ""): \(ran - failed) done, \(failed) failed, "
                    + "\(skipped) skipped\(warned > 0 ? ", \(warned) with warnings" : "") in \(String(format: "%.1f", seconds)) s "
                    + "(\(String(format: "%.1f", Double(ran) / max(seconds, 1e-3))) jobs/s)\(stopped)\n"
            )
        }
        if let report {
            let lower = report.lowercased()
            let page = lower.hasSuffix(".html") || lower.hasSuffix(".htm")
            let bytes =
                page
                ? HTMLReport.page(outcomes, manifest: loaded, shard: split, seconds: seconds)
                : BatchRunner.report(outcomes, manifest: loaded, shard: split, seconds: seconds)
            do {
                if report == "-" {
                    guard writeStandardOutput(bytes) else { throw JobError("standard output: the report could not be written.") }
                } else {
                    try AtomicFile.write(bytes, to: report, makingFolders: true)
                }
            } catch {
                printError(String(describing: error))
                throw ExitCode(ExitStatus.failed)
            }
        }
        if let signal = stop.signal { throw ExitCode(128 + signal) }  // as a shell reports a job a signal ended
        if failed > 0 { throw ExitCode.failure }
    }
}
