import Foundation

/// A batch manifest: JSON Lines, one job object per line. Blank lines are skipped; every other
/// line is a job, numbered from 0 in file order (the number `--shard` divides by).
struct Manifest: Sendable {
    struct Entry: Sendable {
        /// 1-based line number in the file, for messages.
        var line: Int
        /// 0-based job number among the non-blank lines.
        var index: Int
        var text: String
    }

    let source: String
    /// The folder relative paths in jobs are taken from.
    let base: String
    let entries: [Entry]

    init(path: String) throws(JobError) {
        let bytes = try JobIO.read(path, what: "manifest", limit: JobIO.manifestLimit)
        source = path == "-" ? "standard input" : path
        base =
            path == "-"
            ? FileManager.default.currentDirectoryPath
            : ((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        var entries: [Entry] = []
        var index = 0
        for (n, line) in bytes.withUnsafeBytes({ String(decoding: $0, as: UTF8.self) }).split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated() {
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            entries.append(Entry(line: n + 1, index: index, text: text))
            index += 1
        }
        self.entries = entries
    }

    /// `K/N`: this process takes the jobs whose number is K−1 modulo N.
    struct Shard: CustomStringConvertible, Sendable {
        var k: Int
        var n: Int
        init(_ text: String) throws(JobError) {
            let parts = text.split(separator: "/")
            guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
                throw JobError("--shard \(text): expected K/N with 1 ≤ K ≤ N (e.g. 2/8).")
            }
            self.k = k
            self.n = n
        }
        func takes(_ index: Int) -> Bool { index % n == k - 1 }
        var description: String { "\(k)/\(n)" }
    }

    /// The job a line describes.
    func job(_ entry: Entry) throws(JobError) -> Job {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(entry.text.utf8))
        } catch {
            throw JobError("the line is not JSON (\((error as NSError).localizedDescription)); each line must be one job object.")
        }
        guard let object = parsed as? [String: Any] else {
            throw JobError("the line is JSON but not an object; each line must be one job object.")
        }
        return try Job.parse(object, base: base)
    }
}
