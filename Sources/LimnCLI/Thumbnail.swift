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
            """
    )

    @Argument(help: "The picture, or - for standard input.")
    var image: String

    @Option(name: .customLong("result"), help: "A vision result with crop suggestions (Azure smart crops or area of interest, Google crop hints).")
    var result: String?

    @Option(name: .customLong("size"), help: "WIDTHxHEIGHT; repeat for several.")
    var sizes: [String] = []

    @Option(help: "fit, fill or smart (default smart).")
    var mode: String = "smart"

    @Option(name: .shortAndLong, help: "The output for one size (- for standard output).")
    var output: String?

    @Option(name: .customLong("output-dir"), help: "A folder for <image>-<W>x<H>.<ext>, one per size.")
    var outputDirectory: String?

    @Option(name: .customLong("format"), help: "The format in --output-dir (default jpg) or for -o -: png, jpg, webp, bmp.")
    var outputFormat: String?

    @Option(help: "JPEG or WebP quality.")
    var quality: Int?

    @Option(name: .customLong("result-format"), help: "Say the result's format instead of detecting it.")
    var resultFormat: String?

    func job() throws(JobError) -> ThumbnailJob {
        var parsed: [Size] = []
        for s in sizes { parsed.append(try Choices.size(s)) }
        let job = ThumbnailJob(image: image, result: result, sizes: parsed, mode: try Choices.pick(mode, "--mode"),
                               output: output, outputDirectory: outputDirectory ?? (output == nil ? "." : nil),
                               resultFormat: try resultFormat.map { (w) throws(JobError) in try Choices.resultFormat(w) },
                               outputFormat: outputFormat, quality: quality)
        try job.validate()
        return job
    }

    func run() throws {
        try runJob { () throws(JobError) in
            let job = try job()
            try job.run()
            if job.output != "-" { for path in job.outputs { print(path) } }
        }
    }
}
