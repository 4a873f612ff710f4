import Foundation

/// A batch manifest: JSON Lines, one job object per line. Blank lines are skipped; every other
/// line is a job, numbered from 0 in file order (the number `--shard` divides by).
package struct Manifest: Sendable {
    package struct Entry: Sendable {
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
        let base =
            path == "-"
            ? FileManager.default.currentDirectoryPath
            : ((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        self.init(
            text: bytes.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }, source: path == "-" ? "standard input" : path,
            base: base)
    }

    /// A manifest held in memory; `source` names it in messages, `base` is the folder relative
    /// paths are taken from. Invalid UTF-8 has already been replaced (U+FFFD) by the caller.
    package init(text: String, source: String, base: String) {
        self.source = source
        self.base = base
        var entries: [Entry] = []
        var index = 0
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            entries.append(Entry(line: n + 1, index: index, text: text))
            index += 1
        }
        self.entries = entries
    }

    /// Every selected line's problem, in file order, as `limn batch` would report it: each line
    /// parsed into its job (options, choices, path form) without reading a file or running
    /// anything. Empty when every job is usable.
    package func problems(shard: Shard? = nil) -> [(line: Int, problem: String)] {
        var found: [(line: Int, problem: String)] = []
        let shared = sharedOutputs()
        for entry in entries where shard?.takes(entry.index) ?? true {
            do throws(JobError) {
                let job = try job(entry)
                if job.outputs.contains("-") { throw JobError(Self.standardOutputRefused) }
                if let problem = shared[entry.line] { throw JobError(problem) }
            } catch {
                found.append((entry.line, error.description))
            }
        }
        return found
    }

    /// For each line that names an output an earlier line names too (the same file, however
    /// its path is spelt), why it cannot run: two jobs writing one file race, and one result is
    /// lost. The first line keeps the output. Every line counts, whatever the shard: shards of
    /// one manifest write to the same folders. Lines that do not parse are left to ``job(_:)``.
    func sharedOutputs() -> [Int: String] {
        var owner: [String: Int] = [:]
        var shared: [Int: String] = [:]
        for entry in entries {
            guard let outputs = try? job(entry).outputs else { continue }
            for output in outputs where output != "-" {
                let key = URL(fileURLWithPath: output).standardizedFileURL.path
                if let first = owner[key] {
                    if shared[entry.line] == nil {
                        shared[entry.line] =
                            "its output \(output) is also line \(first)'s; give each job its own output (two jobs writing one file race, and one result is lost)."
                    }
                } else {
                    owner[key] = entry.line
                }
            }
        }
        return shared
    }

    static let standardOutputRefused = "an output of - (standard output) is not allowed in a batch"

    /// `K/N`: this process takes the jobs whose number is K−1 modulo N.
    package struct Shard: CustomStringConvertible, Sendable {
        var k: Int
        var n: Int
        package init(_ text: String) throws(JobError) {
            let parts = text.split(separator: "/")
            guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
                throw JobError("--shard \(text): expected K/N with 1 ≤ K ≤ N (e.g. 2/8).")
            }
            self.k = k
            self.n = n
        }
        func takes(_ index: Int) -> Bool { index % n == k - 1 }
        package var description: String { "\(k)/\(n)" }
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
