import ArgumentParser
import Foundation
import Limn
import LimnRaster

/// How a manifest line becomes a subcommand's arguments: keys are flags in snake case, values
/// become `--flag=value` (a list repeats the flag, `true`/`false` is `--flag`/`--no-flag`), and
/// the keys that stand for positional arguments come last, after `--`. Nothing here knows an
/// option: the subcommands declare them, once.
enum ManifestKeys {
    struct Command {
        var type: any ParsableArguments.Type
        /// The keys that stand for the subcommand's positional arguments, in order.
        var positional: [String]
    }

    static let commands: [String: Command] = [
        "annotate": Command(type: AnnotateCommand.self, positional: ["image", "result"]),
        "thumbnail": Command(type: ThumbnailCommand.self, positional: ["image"]),
        "cutout": Command(type: CutoutCommand.self, positional: ["image"]),
        "convert": Command(type: Convert.self, positional: ["image"]),
    ]

    /// Keys kept from earlier manifests, and what they are now.
    static let aliases = ["output_format": "format", "sizes": "size"]

    /// Keys whose values are paths, taken relative to the manifest's folder.
    static let paths: Set<String> = ["image", "result", "output", "output_dir", "matte", "mask", "compare"]

    /// What a path key is given to the parser as: the real path is put in afterwards (see
    /// ``ManifestCommand/setPath(_:to:)``), so lines that differ only in their paths share one parse.
    static let placeholder = "limn-manifest-path"

    /// The parser's arguments for a line (options with every path as ``placeholder``, then `--`
    /// and the positional arguments) and the line's paths, resolved against `base`, by key.
    static func arguments(
        _ object: [String: Any], op: String, positional: [String], base: String
    ) throws(JobError)
        -> (arguments: [String], paths: [String: String])
    {
        func resolved(_ key: String, _ value: String) -> String {
            let isPath = paths.contains(key) || (key == "background" && !CutoutJob.namesBackgroundKind(value))
            guard isPath, value != "-", !value.hasPrefix("/") else { return value }
            return (base as NSString).appendingPathComponent(value)
        }
        var options: [String] = []
        var found: [String: String] = [:]
        // Sorted, so the same line always gives the same arguments (and the same first error).
        for (given, value) in object.sorted(by: { $0.key < $1.key }) where given != "op" {
            let key = aliases[given] ?? given
            if positional.contains(key) {
                guard let text = value as? String, !text.isEmpty else { throw JobError("\"\(given)\" must be a non-empty string.") }
                continue
            }
            // Only snake-case words name options; the parser's own flags are not options of a job.
            guard !key.isEmpty, key.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }),
                !["help", "h", "version", "experimental_dump_help"].contains(key)
            else {
                throw JobError("unknown key \"\(given)\" for \(op).")
            }
            // How much is printed is the batch's to say (limn batch --quiet, --verbose), not a job's.
            if ["quiet", "verbose", "q", "v"].contains(key) {
                throw JobError(
                    "\"\(given)\" is not a job's; give limn batch --\(key.count == 1 ? (key == "q" ? "quiet" : "verbose") : key).")
            }
            let flag = "--" + key.replacingOccurrences(of: "_", with: "-")
            switch value {
            case let number as NSNumber where String(cString: number.objCType) == "c":
                options.append(number.boolValue ? flag : "--no-" + flag.dropFirst(2))
            case let number as NSNumber:
                options.append(flag + "=" + number.stringValue)
            case let text as String where paths.contains(key):
                found[key] = resolved(key, text)
                options.append(flag + "=" + placeholder)
            case let text as String:
                options.append(flag + "=" + resolved(key, text))
            case let list as [Any]:
                for item in list {
                    guard let text = item as? String else { throw JobError("\"\(given)\" must be a string or a list of strings.") }
                    options.append(flag + "=" + resolved(key, text))
                }
            default:
                throw JobError("\"\(given)\" must be a string, a number, true or false, or a list of strings.")
            }
        }
        for key in positional {
            guard let text = object[key] as? String else { throw JobError("\"\(key)\" is missing.") }
            found[key] = resolved(key, text)
        }
        return (options + ["--"] + positional.map { _ in placeholder }, found)
    }

    /// Parsed lines by their arguments (the same options with other paths parse the same):
    /// argument-parser builds its whole model of a command on every parse, which costs more than
    /// a small job. At most `cacheLimit` entries, dropped all at once when full.
    private static let parsed = Locked([String: Any]())
    private static let cacheLimit = 1024

    /// `C` parsed from `arguments`, from the cache when the same arguments were parsed before;
    /// the parser's error in the manifest's words otherwise (cached too).
    static func command<C: ManifestCommand>(_ type: C.Type, _ arguments: [String], op: String) throws(JobError) -> C {
        let key = arguments.joined(separator: "\u{1F}")
        if let hit = parsed.withLock({ $0[key] }) as? Result<C, JobError> { return try hit.get() }
        let result: Result<C, JobError>
        do { result = .success(try C.parse(arguments)) } catch {
            result = .failure(error as? JobError ?? describe(error, of: C.self, op: op))
        }
        parsed.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = result
        }
        return try result.get()
    }

    /// The parser's message in the manifest's words: `--min-confidence <min-confidence>` is
    /// `"min_confidence"`, an unknown option an unknown key.
    static func describe(_ error: any Error, of type: any ParsableArguments.Type, op: String) -> JobError {
        var message = type.message(for: error)
        if let range = message.range(of: #"Unknown option '--([a-z0-9-]+)'"#, options: .regularExpression) {
            let flag = message[range].dropFirst("Unknown option '--".count).dropLast()
            let key = flag.hasPrefix("no-") ? flag.dropFirst(3) : flag
            return JobError("unknown key \"\(key.replacingOccurrences(of: "-", with: "_"))\" for \(op).")
        }
        while let range = message.range(of: #"'?--(no-)?([a-z0-9-]+)( <[a-z0-9-]+>)?'?"#, options: .regularExpression) {
            var flag = String(message[range]).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if let space = flag.firstIndex(of: " ") { flag = String(flag[..<space]) }
            flag = String(flag.dropFirst(2))
            if flag.hasPrefix("no-") { flag = String(flag.dropFirst(3)) }
            message.replaceSubrange(range, with: "\"\(flag.replacingOccurrences(of: "-", with: "_"))\"")
        }
        if message.hasPrefix("Error: ") { message = String(message.dropFirst("Error: ".count)) }
        return JobError(message.split(separator: "\n").first.map(String.init) ?? message)
    }
}
