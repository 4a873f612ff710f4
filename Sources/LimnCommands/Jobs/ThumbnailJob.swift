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

    let image: String
    let result: String?
    let sizes: [SizeRequest]
    let mode: Mode
    let resultFormat: ResultFormat?
    /// One path and encoding per size: the one output, or `<name>-<W>x<H>.<ext>` in the folder.
    let targets: [(path: String, encoding: EncodeFormat)]
    let outputDirectory: String?
    /// EXIF and XMP go to the thumbnails: by default no (thumbnails are for the web, where
    /// they would cost bytes and give away where and with what the photo was taken).
    let keepMetadata: Bool
    let keepProfile: Bool
    /// The decoder picks the smallest scale that holds the thumbnails (see `Thumbnail.make(fromFile:…fast:)`).
    let fast: Bool

    /// Checks the request and works out every output and its encoding (before any picture is
    /// read). `output` names one file for one size; otherwise `outputDirectory` (default `.`)
    /// receives one file per size in `format` (default JPEG).
    init(
        image: String, result: String? = nil, sizes: [SizeRequest], mode: Mode = .smart, output: String? = nil,
        outputDirectory: String? = nil,
        resultFormat: ResultFormat? = nil, format: ImageFormat? = nil, quality: Int? = nil,
        compression: PNGOptions.Compression? = nil, palette: Bool = false, progressive: Bool = false, optimize: Bool = false,
        keepMetadata: Bool = false, keepProfile: Bool = false, fast: Bool = false
    ) throws(JobError) {
        func encoding(_ path: String) throws(JobError) -> EncodeFormat {
            try JobIO.encoding(
                for: path, format: format, quality: quality, compression: compression, palette: palette, progressive: progressive,
                optimize: optimize)
        }
        self.fast = fast
        self.keepMetadata = keepMetadata
        self.keepProfile = keepProfile
        if sizes.isEmpty { throw JobError("no --size given; ask for at least one, e.g. --size 400x300.") }
        if output != nil && outputDirectory != nil { throw JobError("give either -o/--output (one size) or --output-dir, not both.") }
        if output != nil && sizes.count > 1 { throw JobError("\(sizes.count) sizes need --output-dir; -o/--output names one file.") }
        self.image = image
        self.result = result
        self.sizes = sizes
        self.mode = mode
        self.resultFormat = resultFormat
        if let output {
            targets = [(output, try encoding(output))]
            self.outputDirectory = nil
        } else {
            let folder = outputDirectory ?? "."
            let stem = image == "-" ? "stdin" : ((image as NSString).lastPathComponent as NSString).deletingPathExtension
            let ext = format.map { $0 == .jpeg ? "jpg" : $0.rawValue } ?? "jpg"
            targets = try sizes.map { (size) throws(JobError) in
                let path = "\(folder)/\(stem)-\(size.name).\(ext)"
                return (path, try encoding(path))
            }
            self.outputDirectory = folder
        }
    }

    var outputs: [String] { targets.map(\.path) }

    func run() throws(JobError) {
        let analysis = try result.map { (path) throws(JobError) in try JobIO.result(path, format: resultFormat) }
        /// The crop for a picture of this geometry: the result's suggestions mapped onto the
        /// upright picture by the one transform (so a phone photo the service saw unturned is cut
        /// where it should be), or the mode's content crop.
        func crop(onto picture: PictureGeometry) -> ThumbnailCrop {
            switch mode {
            case .fit: return .none
            case .fill: return .content(.center)
            case .smart:
                guard let analysis else { return .content(.attention) }
                let mapped = analysis.mapped(to: picture)
                return .suggestions(mapped.cropSuggestions, analysedSize: mapped.imageSize, fallback: .attention)
            }
        }
        if let analysis, let path = result, mode == .smart, analysis.cropSuggestions.isEmpty {
            JobLog.current?.warn(
                "\(path) has no crop suggestions (\(analysis.format.rawValue)); the thumbnails are cut around what draws the eye instead.")
        }
        if analysis != nil, let path = result, mode != .smart {
            JobLog.current?.warn("--result \(path) applies to --mode smart; in \(mode.rawValue) mode its crop suggestions are not used.")
        }
        let thumbnails: [Image]
        let metadata: OutputMetadata
        if image == "-" {
            let decoded = try JobIO.picture(image, keepProfile: keepProfile)
            if let analysis, mode == .smart {
                do { try analysis.checkFits(decoded.geometry, source: result ?? "result") } catch { throw JobError(error) }
            }
            let cut = crop(onto: decoded.geometry)
            do {
                thumbnails = try sizes.map {
                    try Thumbnail.make(from: decoded.image, size: $0.resolved(for: decoded.image.size), crop: cut)
                }
            } catch {
                throw JobError(error)
            }
            metadata = OutputMetadata(from: decoded, keep: keepMetadata)
        } else {
            do {
                // Only suggestions need the geometry: Thumbnail.make(fromFile:) applies the
                // orientation its header names, so the header is read here only for them.
                // A size given by one side needs the picture's upright size too.
                var picture = PictureGeometry(storedSize: Size(width: 1, height: 1))
                if mode == .smart && analysis != nil || sizes.contains(where: \.isPartial) {
                    let info = try ImageDecoder.info(file: image)
                    picture = PictureGeometry(storedSize: info.size, orientation: info.orientation)
                }
                if let analysis, mode == .smart { try analysis.checkFits(picture, source: result ?? "result") }
                (thumbnails, metadata) = try Thumbnail.makeWithMetadata(
                    fromFile: image, sizes: sizes.map { $0.resolved(for: picture.uprightSize) }, crop: crop(onto: picture), fast: fast,
                    keepMetadata: keepMetadata,
                    convertsToSRGB: !keepProfile)
            } catch {
                throw JobIO.describe(error, what: "picture")
            }
        }
        if let directory = outputDirectory {
            do { try AtomicFile.makeFolders(directory) } catch { throw JobError(error) }
        }
        for (thumbnail, target) in zip(thumbnails, targets) {
            try JobIO.write(thumbnail, to: target.path, as: target.encoding, metadata: metadata)
        }
    }
}
