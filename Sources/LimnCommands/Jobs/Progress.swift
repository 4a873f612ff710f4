import Foundation

/// A batch's progress on standard error, so standard output stays clean: on a terminal a bar
/// (done/total, rate, time left, failures) redrawn at most ten times a second; elsewhere (a
/// pipe, a container's log) a line every `interval` seconds with the same figures, which log
/// collectors keep. Thread-safe.
final class Progress: @unchecked Sendable {
    enum Style {
        case off
        case bar
        /// A log line at most every this many seconds, and one at the end.
        case lines(every: Double)
    }

    private let total: Int
    private let style: Style
    private let lock = NSLock()
    private let start = Date()
    private var done = 0, failed = 0, skipped = 0, warned = 0
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(total: Int, style: Style) {
        self.total = total
        self.style = style
        if case .lines = style { lastDraw = start }
    }

    func finished(failed didFail: Bool, skipped wasSkipped: Bool, warned wasWarned: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if didFail { failed += 1 }
        if wasSkipped { skipped += 1 }
        if wasWarned { warned += 1 }
        switch style {
        case .off: break
        case .bar: if Date().timeIntervalSince(lastDraw) >= 0.1 || done == total { draw() }
        case .lines(let every): if Date().timeIntervalSince(lastDraw) >= every { logLine() }
        }
    }

    /// Prints a message on its own line, keeping the bar below it.
    func message(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if drawn { writeStandardError("\r\u{1B}[K") }
        printError(text)
        if case .bar = style, drawn { draw() }
    }

    /// Clears the bar for the final summary.
    func end() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { writeStandardError("\r\u{1B}[K") }
        drawn = false
    }

    private var figures: (rate: Double, left: Double) {
        let elapsed = max(Date().timeIntervalSince(start), 1e-3)
        let rate = Double(max(done - skipped, 0)) / elapsed
        return (rate, rate > 0 ? Double(total - done) / rate : 0)
    }

    private func draw() {
        lastDraw = Date()
        let (rate, left) = figures
        let width = 24
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        var line = "[\(bar)] \(done)/\(total)  \(String(format: "%.1f", rate)) jobs/s  \(Self.clock(left)) left"
        if failed > 0 { line += "  \(failed) failed" }
        if skipped > 0 { line += "  \(skipped) skipped" }
        writeStandardError("\r\u{1B}[K" + line)
        drawn = true
    }

    /// One line a log keeps: `limn batch: 1200/5000 done (24%), 240.1 jobs/s, 0:16 left, 3 failed`.
    private func logLine() {
        lastDraw = Date()
        let (rate, left) = figures
        let percent = total == 0 ? 100 : 100 * done / total
        var line = "batch: \(done)/\(total) done (\(percent)%), \(String(format: "%.1f", rate)) jobs/s, \(Self.clock(left)) left"
        line += ", \(failed) failed"
        if skipped > 0 { line += ", \(skipped) skipped" }
        if warned > 0 { line += ", \(warned) with warnings" }
        printError(line)
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
