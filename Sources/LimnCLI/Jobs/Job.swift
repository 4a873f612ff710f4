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

    func run() throws(JobError) {
        switch self {
        case .annotate(let j): try j.run()
        case .thumbnail(let j): try j.run()
        case .cutout(let j): try j.run()
        case .convert(let j): try j.run()
        }
    }

    /// A manifest line's job. Paths are taken relative to `base` (the manifest's folder) unless
    /// absolute; unknown keys are refused, so a misspelt option is not silently ignored.
    static func parse(_ object: [String: Any], base: String) throws(JobError) -> Job {
        var used: Set<String> = ["op"]
        func string(_ key: String) throws(JobError) -> String? {
            used.insert(key)
            guard let value = object[key] else { return nil }
            guard let s = value as? String, !s.isEmpty else { throw JobError("\"\(key)\" must be a non-empty string.") }
            return s
        }
        func path(_ key: String) throws(JobError) -> String? {
            guard let s = try string(key) else { return nil }
            return s == "-" || s.hasPrefix("/") ? s : (base as NSString).appendingPathComponent(s)
        }
        func required(_ key: String) throws(JobError) -> String {
            guard let p = try path(key) else { throw JobError("\"\(key)\" is missing.") }
            return p
        }
        func number(_ key: String) throws(JobError) -> Double? {
            used.insert(key)
            guard let value = object[key] else { return nil }
            guard let n = value as? NSNumber, String(cString: n.objCType) != "c", n.doubleValue.isFinite else {
                throw JobError("\"\(key)\" must be a number.")
            }
            return n.doubleValue
        }
        func flag(_ key: String) throws(JobError) -> Bool {
            used.insert(key)
            guard let value = object[key] else { return false }
            guard let n = value as? NSNumber, String(cString: n.objCType) == "c" else { throw JobError("\"\(key)\" must be true or false.") }
            return n.boolValue
        }
        func strings(_ key: String) throws(JobError) -> [String]? {
            used.insert(key)
            guard let value = object[key] else { return nil }
            if let s = value as? String { return [s] }
            guard let list = value as? [String] else { throw JobError("\"\(key)\" must be a string or a list of strings.") }
            return list
        }
        guard let op = object["op"] as? String else { throw JobError("\"op\" is missing; use annotate, thumbnail, cutout or convert.") }
        let resultFormat = try string("result_format").map { (w) throws(JobError) in try Choices.resultFormat(w) }
        let outputFormat = try string("output_format")
        let quality = try number("quality").map { Int($0) }
        if let q = quality, !(0...100).contains(q) { throw JobError("\"quality\" must be between 0 and 100.") }
        let job: Job
        switch op {
        case "annotate":
            var options = AnnotationOptions()
            if let f = try strings("features") { options.features = try Choices.features(f.joined(separator: ",")) }
            if let c = try number("min_confidence") { options.minimumConfidence = c }
            if let k = try number("top") { options.topK = max(0, Int(k)) }
            if let f = try string("font") { options.fontFamily = f }
            if let t = try string("theme") { options.theme = try Choices.theme(t) }
            if let m = try string("ocr_mode") { options.textMode = try Choices.pick(m, "ocr_mode") }
            if let b = try string("box_style") { options.boxStyle = try Choices.pick(b, "box_style") }
            if let p = try string("privacy") { options.privacy = try Choices.pick(p, "privacy") }
            if let c = try string("confidence_style") { options.confidenceStyle = try Choices.pick(c, "confidence_style") }
            if let b = try string("banner") { options.bannerPosition = try Choices.pick(b, "banner") }
            if object["show_confidence"] != nil { options.showConfidence = try flag("show_confidence") }
            job = .annotate(AnnotateJob(image: try required("image"), result: try required("result"), output: try required("output"),
                                        options: options, resultFormat: resultFormat, outputFormat: outputFormat, quality: quality))
        case "thumbnail":
            var sizes: [Size] = []
            for s in (try strings("sizes") ?? []) + (try strings("size") ?? []) { sizes.append(try Choices.size(s)) }
            let mode: ThumbnailJob.Mode = try string("mode").map { (m) throws(JobError) in try Choices.pick(m, "mode") } ?? .smart
            let t = ThumbnailJob(image: try required("image"), result: try path("result"), sizes: sizes, mode: mode,
                                 output: try path("output"), outputDirectory: try path("output_dir"), resultFormat: resultFormat,
                                 outputFormat: outputFormat, quality: quality)
            if t.output == nil && t.outputDirectory == nil { throw JobError("\"output\" (one size) or \"output_dir\" is missing.") }
            try t.validate()
            job = .thumbnail(t)
        case "cutout":
            let sources = [("matte", try path("matte")), ("mask", try path("mask")), ("result", try path("result"))].filter { $0.1 != nil }
            guard sources.count == 1, let (kind, p) = sources.first, let source = p else {
                throw JobError("give exactly one of \"matte\", \"mask\" or \"result\".")
            }
            let matte: CutoutJob.MatteSource = kind == "matte" ? .matte(source) : kind == "mask" ? .mask(source) : .result(source)
            var background = try string("background") ?? "none"
            if !CutoutJob.namesBackgroundKind(background), !background.hasPrefix("/") {
                background = (base as NSString).appendingPathComponent(background)
            }
            job = .cutout(CutoutJob(image: try required("image"), matte: matte, background: background, shadow: try flag("shadow"),
                                    outline: try flag("outline"), trim: try flag("trim"), output: try required("output"),
                                    resultFormat: resultFormat, outputFormat: outputFormat, quality: quality))
        case "convert":
            job = .convert(ConvertJob(image: try required("image"), output: try required("output"),
                                      maxSize: try string("max_size").map { (s) throws(JobError) in try Choices.size(s) },
                                      quality: quality, lossless: try flag("lossless"), outputFormat: outputFormat))
        default:
            throw JobError("\"op\" is \"\(op)\"; use annotate, thumbnail, cutout or convert.")
        }
        if let unknown = object.keys.sorted().first(where: { !used.contains($0) }) {
            throw JobError("unknown key \"\(unknown)\" for \(op).")
        }
        return job
    }
}
