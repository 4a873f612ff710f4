import ArgumentParser
import Limn

/// `limn convert IN -o OUT`: decode, optionally shrink to fit, encode by the output's extension.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert an image to PNG, JPEG, WebP or BMP, optionally shrinking it to fit a box.",
        discussion: """
            The output format follows the output's extension. EXIF orientation is applied.
            Example:
              limn convert photo.jpg -o small.webp --max-size 800x600 --quality 80
            """
    )

    @Argument(help: "The input image.")
    var input: String

    @Option(name: .shortAndLong, help: "The output file: .png, .jpg, .webp or .bmp.")
    var output: String

    @Option(help: "Quality for JPEG (1-100) and lossy WebP (0-100).")
    var quality: Int?

    @Option(name: .customLong("max-size"), help: "Shrink to fit inside WIDTHxHEIGHT, keeping the aspect ratio; never enlarges.")
    var maxSize: BoxSize?

    @Flag(help: "Write lossless WebP.")
    var lossless = false

    func validate() throws {
        if let quality, !(0...100).contains(quality) {
            throw ValidationError("--quality must be between 0 and 100 (JPEG takes 1-100), not \(quality).")
        }
    }

    func run() throws {
        let encoding = Convert.apply(quality: quality, lossless: lossless, to: try EncodeFormat(forPath: output))

        let image: Image
        if let maxSize {
            // Shrink on load, then Lanczos3 to the fitted size: the thumbnail recipe without a crop.
            let box = Size(width: maxSize.width, height: maxSize.height)
            let info = try ImageDecoder.info(file: input)
            if info.uprightSize.width <= box.width && info.uprightSize.height <= box.height {
                image = try Image(contentsOfFile: input)  // already fits: never enlarged
            } else {
                image = try Thumbnail.make(fromFile: input, sizes: [box], crop: .none)[0]
            }
        } else {
            image = try Image(contentsOfFile: input)
        }
        try image.write(to: output, as: encoding)
    }

    static func apply(quality: Int?, lossless: Bool, to encoding: EncodeFormat) -> EncodeFormat {
        switch encoding {
        case .jpeg(var o):
            if let quality { o.quality = quality }
            return .jpeg(o)
        case .webp(var o):
            if let quality { o.quality = quality }
            o.lossless = lossless
            return .webp(o)
        default:
            return encoding
        }
    }
}

/// `WIDTHxHEIGHT`, both positive.
struct BoxSize: ExpressibleByArgument {
    var width: Int
    var height: Int

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
        width = w
        height = h
    }
}
