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
              cat photo.jpg | limn convert - -o - --format png > photo.png
            """
    )

    @Argument(help: "The input image, or - for standard input.")
    var input: String

    @Option(name: .shortAndLong, help: "The output file: .png, .jpg, .webp or .bmp; - for standard output.")
    var output: String

    @Option(name: .customLong("format"), help: "The output format for -o -: png, jpg, webp, bmp.")
    var outputFormat: String?

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
        try runJob { () throws(JobError) in
            try ConvertJob(image: input, output: output, maxSize: maxSize.map { Size(width: $0.width, height: $0.height) },
                           quality: quality, lossless: lossless, outputFormat: outputFormat).run()
        }
    }
}

/// `WIDTHxHEIGHT`, both positive.
struct BoxSize: ExpressibleByArgument {
    var width: Int
    var height: Int

    init?(argument: String) {
        guard let size = try? Choices.size(argument) else { return nil }
        width = size.width
        height = size.height
    }
}
