import ArgumentParser
import Foundation
import Limn

/// One job of any kind: what `limn batch` runs for each manifest line.
enum Job {
    case annotate(AnnotateJob)
    case thumbnail(ThumbnailJob)
    case cutout(CutoutJob)
    case convert(ConvertJob)

    var operation: String {
        switch self {
        case .annotate: return "annotate"
        case .thumbnail: return "thumbnail"
        case .cutout: return "cutout"
        case .convert: return "convert"
        }
    }

    var outputs: [String] {
        switch self {
        case .annotate(let j): return j.outputs
        case .thumbnail(let j): return j.outputs
        case .cutout(let j): return j.outputs
        case .convert(let j): return j.outputs
        }
    }

    /// The picture the job reads (its size bounds the job's memory).
    var picture: String? {
        switch self {
        case .annotate(let j): return j.image
        case .thumbnail(let j): return j.image
        case .cutout(let j): return j.image
        case .convert(let j): return j.image
        }
    }

    func run() throws(JobError) {
        switch self {
        case .annotate(let j): try j.run()
        case .thumbnail(let j): try j.run()
        case .cutout(let j): try j.run()
        case .convert(let j): try j.run()
        }
    }

    /// A manifest line's job, parsed by the subcommand's own option declarations: each key is
    /// the subcommand's flag in snake case (`min_confidence` is `--min-confidence`; `image` and
    /// `result` stand for the positional arguments), so a line accepts and rejects exactly what
    /// the flags do, with the same checks, before any picture is read. Paths are taken relative
    /// to `base` (the manifest's folder) unless absolute. A batch names its outputs: `output`
    /// (or, for thumbnails, `output_dir`) is required.
    static func parse(_ object: [String: Any], base: String) throws(JobError) -> Job {
        guard let op = object["op"] as? String else { throw JobError("\"op\" is missing; use annotate, thumbnail, cutout or convert.") }
        guard let command = ManifestKeys.commands[op] else {
            throw JobError("\"op\" is \"\(op)\"; use annotate, thumbnail, cutout or convert.")
        }
        let (arguments, paths) = try ManifestKeys.arguments(object, op: op, positional: command.positional, base: base)
        if object["output"] == nil && (op != "thumbnail" || object["output_dir"] == nil) {
            throw JobError(op == "thumbnail" ? "\"output\" (one size) or \"output_dir\" is missing." : "\"output\" is missing.")
        }
        func made<C: ManifestCommand>(_ type: C.Type) throws(JobError) -> C.Made {
            var parsed = try ManifestKeys.command(type, arguments, op: op)
            for (key, path) in paths { parsed.setPath(key, to: path) }
            return try parsed.job()
        }
        switch op {
        case "annotate": return .annotate(try made(AnnotateCommand.self))
        case "thumbnail": return .thumbnail(try made(ThumbnailCommand.self))
        case "cutout": return .cutout(try made(CutoutCommand.self))
        default: return .convert(try made(Convert.self))
        }
    }
}

/// A subcommand a manifest line can stand for: the job it makes, and where a line's paths go
/// in its parsed options (the parse itself saw placeholders, see ``ManifestKeys/placeholder``).
protocol ManifestCommand: ParsableCommand {
    associatedtype Made
    func job() throws(JobError) -> Made
    /// Puts the manifest's `key` (a path, already resolved against the manifest's folder) in place.
    mutating func setPath(_ key: String, to path: String)
}

extension AnnotateCommand: ManifestCommand {
    mutating func setPath(_ key: String, to path: String) {
        switch key {
        case "image": image = path
        case "result": result = path
        case "output": output.output = path
        case "compare": compare = path
        default: break
        }
    }
}

extension ThumbnailCommand: ManifestCommand {
    mutating func setPath(_ key: String, to path: String) {
        switch key {
        case "image": image = path
        case "result": result = path
        case "output": output.output = path
        case "output_dir": outputDirectory = path
        default: break
        }
    }
}

extension CutoutCommand: ManifestCommand {
    mutating func setPath(_ key: String, to path: String) {
        switch key {
        case "image": image = path
        case "matte": matte = path
        case "mask": mask = path
        case "result": result = path
        case "output": output.output = path
        default: break
        }
    }
}

extension Convert: ManifestCommand {
    mutating func setPath(_ key: String, to path: String) {
        switch key {
        case "image": input = path
        case "output": output.output = path
        default: break
        }
    }
}
