import Dispatch
import Foundation

/// SIGTERM and SIGINT while a batch runs: the first asks it to stop (no new job starts, the
/// running ones finish, the report is written); a second ends the process at once, as the
/// signal would have (atomic outputs leave only hidden temporaries, which `--resume` removes).
/// The signals' dispositions are restored when `body` returns, so nothing outlives the batch.
enum StopSignals {
    static let handled: [Int32] = [SIGTERM, SIGINT]

    static func handling<T>(_ stop: StopRequest, _ body: () -> T) -> T {
        var sources: [DispatchSourceSignal] = []
        var previous: [Int32: sigaction] = [:]
        for number in handled {
            // Ignored at the process level so that the dispatch source sees it (the documented
            // way to observe a signal with Dispatch); the old disposition is kept to restore.
            var ignore = sigaction(), old = sigaction()
            ignore.__sigaction_handler.sa_handler = SIG_IGN
            sigaction(number, &ignore, &old)
            previous[number] = old
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [source] in
                // Signals that arrive together are one event; `data` counts them.
                if stop.request(number) && source.data < 2 {
                    writeStandardError("\nlimn batch: \(name(number)): finishing the running jobs; starting no more (again to end now)\n")
                } else {
                    // Dies of the signal, as if never handled: the default disposition back,
                    // unblocked on this thread (Dispatch blocks it to read it), raised here.
                    signal(number, SIG_DFL)
                    var set = sigset_t()
                    sigemptyset(&set)
                    sigaddset(&set, number)
                    pthread_sigmask(SIG_UNBLOCK, &set, nil)
                    raise(number)
                    _exit(128 + number)
                }
            }
            source.resume()
            sources.append(source)
        }
        defer {
            for source in sources { source.cancel() }
            for (number, var old) in previous { sigaction(number, &old, nil) }
        }
        return body()
    }

    static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGTERM: return "SIGTERM"
        case SIGINT: return "SIGINT"
        default: return "signal \(signal)"
        }
    }
}
