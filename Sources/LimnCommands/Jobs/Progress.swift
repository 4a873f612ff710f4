import Foundation

/// The batch progress bar on a terminal: done/total, rate, time left, failures; redrawn at most
/// ten times a second, on standard error, so standard output stays clean. Thread-safe.
final class Progress: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()
    private let start = Date()
    private var done = 0, failed = 0, skipped = 0
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func finished(failed didFail: Bool, skipped wasSkipped: Bool) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if didFail { failed += 1 }
        if wasSkipped { skipped += 1 }
        if enabled && (Date().timeIntervalSince(lastDraw) >= 0.1 || done == total) { draw() }
    }

    /// Prints a message on its own line, keeping the bar below it.
    func message(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if drawn { writeStandardError("\r\u{1B}[K") }
        printError(text)
        if enabled && drawn { draw() }
    }

    /// Clears the bar for the final summary.
    func end() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { writeStandardError("\r\u{1B}[K") }
        drawn = false
    }

    private func draw() {
        lastDraw = Date()
        let elapsed = max(Date().timeIntervalSince(start), 1e-3)
        let ran = max(done - skipped, 0)
        let rate = Double(ran) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 24
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        var line = "[\(bar)] \(done)/\(total)  \(String(format: "%.1f", rate)) jobs/s  \(Self.clock(left)) left"
        if failed > 0 { line += "  \(failed) failed" }
        if skipped > 0 { line += "  \(skipped) skipped" }
        writeStandardError("\r\u{1B}[K" + line)
        drawn = true
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
