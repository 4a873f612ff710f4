import Foundation
import Limn

/// Thumbnails at one or more sizes from one decode (see `limn thumbnail`).
struct ThumbnailJob {
    enum Mode: String, CaseIterable {
        /// The whole picture inside the size (one side may come out shorter).
        case fit
        /// Exactly the size, cut from the center.
        case fill
        /// Exactly the size, cut along the result's crop suggestions, else around what draws the eye.
        case smart
    }

    var image: String
    var result: String?
    var sizes: [Size]
    var mode: Mode = .smart
    /// One output for one size, or a folder receiving `<name>-<W>x<H>.<ext>` for each.
    var output: String?
    var outputDirectory: String?
    var resultFormat: ResultFormat?
    var outputFormat: String?
    var quality: Int?

    var outputs: [String] {
        if let output { return [output] }
        let folder = outputDirectory ?? "."
        let stem = image == "-" ? "stdin" : ((image as NSString).lastPathComponent as NSString).deletingPathExtension
        let ext = outputFormat ?? "jpg"
        return sizes.map { "\(folder)/\(stem)-\($0.width)x\($0.height).\(ext)" }
    }

    func validate() throws(JobError) {
        if sizes.isEmpty { throw JobError("no --size given; ask for at least one, e.g. --size 400x300.") }
        if output != nil && outputDirectory != nil { throw JobError("give either -o/--output (one size) or --output-dir, not both.") }
        if output != nil && sizes.count > 1 { throw JobError("\(sizes.count) sizes need --output-dir; -o/--output names one file.") }
    }

    func run() throws(JobError) {
        try validate()
        var crop: ThumbnailCrop
        switch mode {
        case .fit: crop = .none
        case .fill: crop = .content(.center)
        case .smart: crop = .content(.attention)
        }
        if let result {
            let analysis = try JobIO.result(result, format: resultFormat)
            if mode == .smart { crop = .suggestions(analysis.cropSuggestions, analysedSize: analysis.imageSize, fallback: .attention) }
        }
        let thumbnails: [Image]
        if image == "-" {
            let decoded = try JobIO.picture(image)
            thumbnails = sizes.map { Thumbnail.make(from: decoded.image, size: $0, crop: crop) }
        } else {
            do { thumbnails = try Thumbnail.make(fromFile: image, sizes: sizes, crop: crop) } catch { throw JobError(error) }
        }
        if let directory = outputDirectory {
            do { try AtomicFile.makeFolders(directory) } catch { throw JobError(error) }
        }
        for (thumbnail, path) in zip(thumbnails, outputs) {
            try JobIO.write(thumbnail, to: path, as: try JobIO.encoding(for: path, format: output == nil ? nil : outputFormat, quality: quality))
        }
    }
}
