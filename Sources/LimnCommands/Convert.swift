import ArgumentParser
import Limn

/// `limn convert IN -o OUT`: decode, optionally shrink to fit, encode by the output's extension.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert an image to PNG, JPEG, WebP, AVIF or BMP, optionally shrinking it to fit a box.",
        discussion: """
            The output format follows the output's extension. EXIF orientation is applied. Colors are converted to sRGB from the picture's profile (--keep-profile keeps them and writes the profile); EXIF and XMP are kept (--strip drops them).
            Example:
              limn convert photo.jpg -o small.webp --max-size 800x600 --quality 80
              limn convert scan.tiff -o page.png --max-size x2000
              cat photo.jpg | limn convert - -o - --format png > photo.png
            """
    )

    @Argument(help: "The input image, or - for standard input.")
    var input: String

    @Option(
        name: .customLong("max-size"),
        help: "Shrink to fit inside WIDTHxHEIGHT (or WIDTH, or xHEIGHT), keeping the aspect ratio; never enlarges.",
        transform: { try Choices.size($0) })
    var maxSize: SizeRequest?

    @Flag(inversion: .prefixedNo, help: "Write lossless WebP (refused for other formats: PNG and BMP are always lossless).")
    var lossless = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if output.output == nil {
            throw ValidationError(
                "Missing expected argument '--output <output>' (.png, .jpg, .webp, .avif or .bmp; - for standard output).")
        }
    }

    func job() throws(JobError) -> ConvertJob {
        let path = try output.required()
        var encoding = try output.encoding(for: path)
        if lossless {
            guard case .webp(var o) = encoding else {
                throw JobError("--lossless applies to WebP outputs (PNG and BMP are always lossless), and \(path) is \(encoding.format).")
            }
            o.lossless = true
            encoding = .webp(o)
        }
        return ConvertJob(
            image: input, output: path, encoding: encoding, maxSize: maxSize, keepMetadata: output.keepsMetadata(byDefault: true),
            keepProfile: output.keepProfile)
    }

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        try runJob(logging, make: job) { (job) throws(JobError) in try job.run() }
    }
}
