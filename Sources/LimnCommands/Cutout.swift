import ArgumentParser
import Limn

/// `limn cutout IMAGE (--matte | --mask | --result) -o OUT`: cut out a subject and place it.
struct CutoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cutout",
        abstract: "Cut out a subject along a matte, mask or segmentation result, and place it on a background.",
        discussion: """
            The matte may be an RGBA cutout (its alpha), a gray matte, a 0/1 label map, a Baidu segmentation JSON, or the instance masks of a Florence-2, COCO, Ultralytics or YOLO result (polygons and run-length masks, rasterized anti-aliased; --instance chooses); it is fitted to the picture. Colors at soft edges are re-estimated, so no dark or light halo remains.

            Backgrounds: none (transparent), blur (the original, blurred), checkerboard, gradient, gradient:#from,#to, a color (#rrggbb, white, black, …) or a picture file.

            Examples:
              limn cutout portrait.jpg --matte matte.png --background blur \\
                --shadow -o portrait.jpg
              limn cutout item.jpg --result baidu.json --background white \\
                --trim --outline -o sticker.png
            """
    )

    @Argument(help: "The picture, or - for standard input.")
    var image: String

    @Option(help: "A matte: RGBA cutout or gray alpha matte (PNG, WebP, …).")
    var matte: String?

    @Option(help: "A mask: gray or 0/1 label map.")
    var mask: String?

    @Option(
        name: .customLong("result"),
        help:
            "A segmentation result: Baidu body_seg or matting (a matte inside), or instance masks (Florence-2, COCO, Ultralytics, YOLO) rasterized anti-aliased."
    )
    var result: String?

    @Option(
        help:
            "Which instances of a --result with masks to cut out: a label (every instance so named) or an index from 0, as the result lists them (default: all)."
    )
    var instance: String?

    @Option(help: "Which picture of a COCO file the --result is for: its id or file name (default: the one named like the picture).")
    var picture: String?

    @Option(
        help: "none, blur, checkerboard, gradient[:#from,#to], a color, or a picture file (default none).",
        transform: { try CutoutJob.background($0) })
    var background: CutoutJob.Background = .none

    @Flag(inversion: .prefixedNo, help: "Add a soft drop shadow.")
    var shadow = false

    @Flag(inversion: .prefixedNo, help: "Add a white sticker outline around the subject.")
    var outline = false

    @Flag(inversion: .prefixedNo, help: "Trim the canvas to the subject.")
    var trim = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var reading: ResultFormatOption

    func validate() throws {
        if result == nil, instance != nil || picture != nil { throw ValidationError("--instance and --picture apply with --result.") }
        if output.output == nil {
            throw ValidationError("Missing expected argument '--output <output>' (.png or .webp keep transparency; - for standard output).")
        }
    }

    func job() throws(JobError) -> CutoutJob {
        let given = [
            matte.map(CutoutJob.MatteSource.matte), mask.map(CutoutJob.MatteSource.mask), result.map(CutoutJob.MatteSource.result),
        ].compactMap { $0 }
        guard given.count == 1, let source = given.first else { throw JobError("give exactly one of --matte, --mask or --result.") }
        let path = try output.required()
        return CutoutJob(
            image: image, matte: source, background: background, shadow: shadow, outline: outline, trim: trim,
            output: path, encoding: try output.encoding(for: path), resultFormat: reading.resultFormat,
            instances: instance.map { Int($0).map(InstanceChoice.index) ?? .label($0) } ?? .all,
            resultPicture: picture.map(Choices.picture),
            keepMetadata: output.keepsMetadata(byDefault: true), keepProfile: output.keepProfile)
    }

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        try runJob(logging, make: job) { (job) throws(JobError) in try job.run() }
    }
}
