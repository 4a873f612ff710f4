import ArgumentParser
import Limn

/// `limn thumbnail IMAGE --size WxH …`: thumbnails from one decode.
struct ThumbnailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thumbnail",
        abstract: "Make thumbnails at one or more sizes, cut along a vision result's crop suggestions.",
        discussion: """
            Modes: fit (the whole picture inside the size), fill (exactly the size, centered), smart (exactly the size, along the result's smart crops or area of interest when --result is given, else around what draws the eye; the default). The picture is decoded once, at the smallest scale that still serves every size.

            Examples:
              limn thumbnail photo.jpg --result azure.json \\
                --size 400x400 --size 1280x720 --output-dir thumbs
              limn thumbnail photo.jpg --size 256x256 --mode fill -o avatar.webp
              limn thumbnail photo.jpg --size 640 --size x200 --output-dir thumbs   # photo-640x.jpg, photo-x200.jpg
            """
    )

    @Argument(help: "The picture, or - for standard input.")
    var image: String

    @Option(
        name: .customLong("result"),
        help: "A vision result with crop suggestions (Azure smart crops or area of interest, Google crop hints).")
    var result: String?

    @Option(
        name: .customLong("size"),
        help: "WIDTHxHEIGHT, WIDTH or xHEIGHT (the other side then keeps the picture's aspect ratio); repeat for several.",
        transform: { try Choices.size($0) })
    var sizes: [SizeRequest] = []

    @Option(help: "fit, fill or smart (default smart).", transform: { try Choices.pick($0) })
    var mode: ThumbnailJob.Mode = .smart

    @Option(name: .customLong("output-dir"), help: "A folder for <image>-<W>x<H>.<ext>, one per size (default: the working folder).")
    var outputDirectory: String?

    @Flag(
        help:
            "Decode at the smallest scale that still holds the thumbnail: faster, and 5 to 10 dB lower PSNR against an exact Lanczos3 (by default the decoder leaves at least 2x for the resampler, as libvips does)."
    )
    var fast = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var reading: ResultFormatOption

    func job() throws(JobError) -> ThumbnailJob {
        try ThumbnailJob(
            image: image, result: result, sizes: sizes, mode: mode, output: output.output, outputDirectory: outputDirectory,
            resultFormat: reading.resultFormat, format: output.format, quality: output.quality, compression: output.compression,
            palette: output.palette, progressive: output.progressive, optimize: output.optimize,
            keepMetadata: output.keepsMetadata(byDefault: false), keepProfile: output.keepProfile, fast: fast)
    }

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        try runJob(logging, make: job) { (job) throws(JobError) in
            try job.run()
            if job.outputs != ["-"] { for path in job.outputs { print(path) } }
        }
    }
}
