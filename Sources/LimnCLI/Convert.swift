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

        var options = DecodeOptions()
        if let maxSize {
            // Shrink on load: decode no larger than needed to cover the fitted size.
            let info = try ImageDecoder.info(file: input)
            options.targetSize = maxSize.fit(info.uprightSize)
        }
        var image = try ImageDecoder.decode(file: input, options: options).image
        if let maxSize {
            let fitted = maxSize.fit(image.size)
            if fitted != image.size { image = image.areaAveraged(to: fitted) }
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

    /// The largest size with `size`'s aspect ratio inside the box, rounded to the nearest pixel
    /// (at least 1); `size` itself when it already fits.
    func fit(_ size: Size) -> Size {
        guard size.width > width || size.height > height else { return size }
        let s = min(Double(width) / Double(size.width), Double(height) / Double(size.height))
        return Size(width: max(1, Int((Double(size.width) * s).rounded())),
                    height: max(1, Int((Double(size.height) * s).rounded())))
    }
}
