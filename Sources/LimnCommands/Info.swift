import ArgumentParser
import Foundation
import Limn

/// `limn info FILE…`: one line per file: an image from its header alone, a result JSON by its
/// vendor, format and counts.
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe images (format, size, orientation, alpha: header only) and vision results (vendor, format, counts).",
        discussion: """
            Example:
              limn info photo.jpg cutout.png azure.json
              limn info --json *.jpg | jq -r 'select(.width > 2000) | .file'
              photo.jpg: JPEG 4000x3000, orientation 6 (rotate 90° clockwise), opaque
              azure.json: Azure Image Analysis 4.0 (azure-4.0), model 2023-10-01, image 864x576: 1 caption, 14 tags, 10 dense captions, 5 objects, 2 people, 3 text lines (6 words), 2 crop suggestions
            """
    )

    @Argument(help: "Image files (PNG, JPEG, WebP, BMP) and result JSON files; - reads one from standard input.")
    var files: [String]

    @Flag(help: "One JSON object per file, a line each (JSON Lines), instead of a sentence.")
    var json = false

    func run() throws {
        var failed = 0
        for file in files {
            do throws(JobError) {
                let found = try Info.inspect(file: file)
                print(json ? Info.jsonLine(["file": file] + found.fields) : "\(file): \(found.sentence)")
            } catch {
                failed += 1
                printError(error.description)
                if json { print(Info.jsonLine(["file": file, "error": error.description])) }
            }
        }
        if failed > 0 { throw ExitCode.failure }
    }

    /// What `info` says of one file: a sentence, and the same as JSON fields.
    struct Found {
        var sentence: String
        var fields: [String: Any]
    }

    static func jsonLine(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func describe(file: String) throws(JobError) -> String { try inspect(file: file).sentence }

    static func inspect(file: String) throws(JobError) -> Found {
        if file == "-" {
            // Standard input: a result when its first non-blank byte opens JSON, else an image,
            // whose header alone is read (the rest of the stream is left unread).
            let input: InputBytes
            do {
                input = try InputBytes(fileDescriptor: 0, source: "standard input")
                try input.fill(from: 0, upTo: 64)
            } catch { throw JobError(error) }
            guard input.count > 0 else { throw JobError("standard input: no image or result arrived on it.") }
            if input.withUnsafeBytes({ startsLikeResult([UInt8]($0)) }) {
                do { try input.readToEnd(from: 0, limit: ResultLimits.default.maxJSONBytes) } catch {
                    throw JobIO.describe(error, what: "result JSON")
                }
                return try describeResult(input)
            }
            do { return image(try ImageDecoder.info(input, continuingFrom: 0)) } catch { throw JobError(error) }
        }
        if Info.looksLikeResult(file) {
            return try describeResult(try JobIO.read(file, what: "result JSON", limit: ResultLimits.default.maxJSONBytes))
        }
        do { return image(try ImageDecoder.info(file: file)) } catch { throw JobError(error) }
    }

    /// A result, or what a COCO file of many pictures holds (info chooses none of them).
    static func describeResult(_ bytes: InputBytes) throws(JobError) -> Found {
        do {
            return result(try Analysis(json: bytes.withUnsafeBytes { Data($0) }, source: bytes.source))
        } catch ResultsError.noSuchPicture(_, nil, let available) {
            return Found(
                sentence: "COCO, \(available); draw one with --picture",
                fields: ["kind": "result", "vendor": Vendor.coco.rawValue, "pictures": available])
        } catch ResultsError.serviceError(_, let vendor, let code, let message) {
            // What the file is, said as such: info describes it; drawing it is what fails.
            return Found(
                sentence: "an error response from \(vendor) (\(code): \(message)), not a result",
                fields: ["kind": "error response", "vendor": vendor, "code": code, "message": message])
        } catch {
            throw JobError(error)
        }
    }

    static func image(_ info: ImageInfo) -> Found {
        var fields: [String: Any] = [
            "kind": "image", "format": "\(info.format)", "width": info.width, "height": info.height, "bitDepth": info.bitDepth,
            "colorModel": "\(info.colorModel)", "orientation": info.orientation.rawValue, "alpha": info.hasAlpha,
            "uprightWidth": info.uprightSize.width, "uprightHeight": info.uprightSize.height, "animated": info.isAnimated,
        ]
        if let profile = info.iccProfile {
            fields["iccProfile"] = ["bytes": profile.count, "description": info.iccProfileDescription ?? ""] as [String: Any]
        }
        if let declared = info.declaredColorSpace { fields["colorSpace"] = "\(declared)" }
        if let exif = info.exif { fields["exifBytes"] = exif.count }
        if let xmp = info.xmp { fields["xmpBytes"] = xmp.count }
        if let pages = info.pageCount { fields["pages"] = pages }
        if let frames = info.frameCount { fields["frames"] = frames }
        return Found(sentence: describe(info), fields: fields)
    }

    static func result(_ a: Analysis) -> Found {
        var fields: [String: Any] = ["kind": "result", "vendor": a.vendor.rawValue, "format": a.format.rawValue]
        if let model = a.modelVersion { fields["model"] = model }
        if let size = a.imageSize { fields["imageWidth"] = size.width; fields["imageHeight"] = size.height }
        if let page = a.page { fields["page"] = page }
        if let pages = a.pageCount { fields["pages"] = pages }
        var counts: [String: Int] = ["captions": a.captions.count, "tags": a.tags.count]
        for region in a.allRegions { counts[region.kind.rawValue, default: 0] += 1 }
        counts["masks"] = a.regions.filter { $0.mask != nil }.count
        counts["keypoints"] = a.regions.reduce(0) { $0 + $1.keypoints.count }
        counts["cropSuggestions"] = a.cropSuggestions.count
        counts["mattes"] = a.encodedMattes.count
        counts["unplacedText"] = a.unplacedText.count
        fields["counts"] = counts.filter { $0.value > 0 }
        return Found(sentence: describe(a), fields: fields)
    }

    /// A result's name (`.json`, `.hocr`, `.tsv`, `.txt` for YOLO labels), or a first non-blank byte of `{`, `[` or `<`
    /// (hOCR), or Tesseract's TSV header.
    static func looksLikeResult(_ file: String) -> Bool {
        let name = file.lowercased()
        if [".json", ".hocr", ".tsv", ".txt"].contains(where: name.hasSuffix) { return true }
        guard let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        return startsLikeResult([UInt8](handle.readData(ofLength: 64)))
    }

    /// True when the first non-blank byte opens JSON (an object, an array) or markup (hOCR), or
    /// the bytes start with Tesseract's TSV header. No picture format Limn reads starts so.
    static func startsLikeResult(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: Array("level\tpage_num".utf8)) { return true }
        return bytes.first { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }.map { $0 == 0x7B || $0 == 0x5B || $0 == 0x3C }
            ?? false
    }

    static func describe(_ info: ImageInfo) -> String {
        var parts = ["\(info.format) \(info.width)x\(info.height)", info.sampleDescription, "orientation \(info.orientation)"]
        parts.append(info.hasAlpha ? "alpha" : "opaque")
        if let profile = info.iccProfile {
            parts.append("ICC profile \"\(info.iccProfileDescription ?? "without a description")\" (\(profile.count) bytes)")
        }
        if let declared = info.declaredColorSpace {
            parts.append("colors \(declared)" + (declared.isHighDynamicRange ? " (HDR: not tone-mapped, pixels as stored)" : ""))
        }
        let metadata = [info.exif.map { "EXIF \($0.count) bytes" }, info.xmp.map { "XMP \($0.count) bytes" }].compactMap { $0 }
        if !metadata.isEmpty { parts.append(metadata.joined(separator: ", ")) }
        if let pages = info.pageCount, pages > 1 { parts.append("\(pages) pages (the first is decoded)") }
        if info.isAnimated {
            parts.append(info.frameCount.map { "animated, \($0) frames (the first is decoded)" } ?? "animated (the first frame is decoded)")
        }
        return parts.joined(separator: ", ")
    }

    static func describe(_ a: Analysis) -> String {
        var head = "\(a.vendor) (\(a.format))"
        if let model = a.modelVersion { head += ", model \(model)" }
        if let size = a.imageSize { head += ", image \(size)" }
        if let page = a.page, let pages = a.pageCount { head += ", page \(page) of \(pages)" }
        func count(_ n: Int, _ one: String, _ many: String) -> String? { n == 0 ? nil : "\(n) \(n == 1 ? one : many)" }
        var counts: [String?] = [count(a.captions.count, "caption", "captions"), count(a.tags.count, "tag", "tags")]
        let names: [(RegionKind, String, String)] = [
            (.denseCaption, "dense caption", "dense captions"), (.object, "object", "objects"), (.person, "person", "people"),
            (.face, "face", "faces"), (.celebrity, "celebrity", "celebrities"), (.brand, "brand", "brands"),
            (.landmark, "landmark", "landmarks"), (.subject, "subject", "subjects"),
            (.textBlock, "text block", "text blocks"),
        ]
        for (kind, one, many) in names { counts.append(count(a.regions.filter { $0.kind == kind }.count, one, many)) }
        let lines = a.regions.filter { $0.kind == .textLine }
        let words = a.allRegions.filter { $0.kind == .textWord }.count
        if !lines.isEmpty {
            let wordCount = words == 0 ? "" : " (\(words) word\(words == 1 ? "" : "s"))"
            counts.append("\(lines.count) text line\(lines.count == 1 ? "" : "s")\(wordCount)")
        } else {
            counts.append(count(words, "text word", "text words"))
        }
        let tables = a.regions.filter { $0.kind == .table }
        if !tables.isEmpty {
            let cells = tables.reduce(0) { $0 + $1.children.count }
            counts.append("\(tables.count) table\(tables.count == 1 ? "" : "s") (\(cells) cell\(cells == 1 ? "" : "s"))")
        }
        let keys = a.regions.filter { $0.kind == .formKey }
        if !keys.isEmpty {
            let values = keys.filter { !$0.children.isEmpty }.count
            counts.append("\(keys.count) form key\(keys.count == 1 ? "" : "s") (\(values) with a value)")
        }
        let marks = a.regions.filter { $0.kind == .selectionMark }
        if !marks.isEmpty {
            let on = marks.filter { $0.label == "selected" }.count
            counts.append("\(marks.count) selection mark\(marks.count == 1 ? "" : "s") (\(on) selected)")
        }
        let paragraphs = a.regions.filter { $0.kind == .paragraph }
        if !paragraphs.isEmpty {
            let roles = paragraphs.filter { $0.role != nil }.count
            counts.append("\(paragraphs.count) paragraph\(paragraphs.count == 1 ? "" : "s") (\(roles) with a role)")
        }
        counts.append(count(a.regions.filter { $0.kind == .field }.count, "document field", "document fields"))
        counts.append(count(a.unplacedText.count, "line of text without position", "lines of text without position"))
        counts.append(count(a.cropSuggestions.count, "crop suggestion", "crop suggestions"))
        counts.append(count(a.encodedMattes.count, "matte", "mattes"))
        counts.append(count(a.regions.filter { $0.mask != nil }.count, "instance mask", "instance masks"))
        let posed = a.regions.filter { !$0.keypoints.isEmpty }
        if !posed.isEmpty {
            let points = posed.reduce(0) { $0 + $1.keypoints.count }
            counts.append("keypoints on \(posed.count) region\(posed.count == 1 ? "" : "s") (\(points) points)")
        }
        let list = counts.compactMap { $0 }
        return head + ": " + (list.isEmpty ? "nothing detected" : list.joined(separator: ", "))
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The keys of both, `right`'s winning.
    static func + (left: [String: Any], right: [String: Any]) -> [String: Any] { left.merging(right) { $1 } }
}
