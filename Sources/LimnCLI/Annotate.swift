import ArgumentParser
import Limn

/// `limn annotate IMAGE RESULT.json`: draw a vision result onto its picture.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Draw a vision result (boxes, labels, text, captions, crops) onto its picture.",
        discussion: """
            The result's format is detected (Azure 4.0 and 3.2, Baidu, Google Cloud Vision, AWS Rekognition); its shapes are mapped onto the picture, with EXIF orientation applied.

            Features: all, objects, people, faces, brands, dense-captions, text, caption, tags, smart-crops, legend. Use - for standard input (the picture or the result) or for standard output.

            Examples:
              limn annotate street.jpg azure.json -o out.png
              limn annotate street.jpg azure.json --features objects,caption \\
                --min-confidence 0.6 --privacy blur -o out.jpg
              limn annotate scan.png read.json --ocr-mode side-by-side -o - > page.png
            """
    )

    @Argument(help: "The picture (PNG, JPEG, WebP, BMP), or - for standard input.")
    var image: String

    @Argument(help: "The service's JSON result, or - for standard input.")
    var result: String

    @Option(name: .shortAndLong, help: "The output (.png, .jpg, .webp, .bmp), or - for standard output. Default: <image>-annotated.png.")
    var output: String?

    @Option(help: "Comma-separated features to draw (default: all).")
    var features: String?

    @Option(name: .customLong("min-confidence"), help: "Leave out regions below this confidence, 0-1 (default 0.5).")
    var minConfidence: Double?

    @Option(help: "At most K regions per feature, the most confident.")
    var top: Int?

    @Option(help: "A fontconfig family for labels (default sans-serif).")
    var font: String?

    @Option(help: "light or dark panels (default light).")
    var theme: String?

    @Option(name: .customLong("ocr-mode"), help: "outline, text or side-by-side (default outline).")
    var ocrMode: String?

    @Option(name: .customLong("box-style"), help: "plain, rounded or corners (default rounded).")
    var boxStyle: String?

    @Option(help: "none, blur or pixelate people and faces (default none).")
    var privacy: String?

    @Option(name: .customLong("confidence-style"), help: "none, opacity or dashing (default none).")
    var confidenceStyle: String?

    @Option(name: .customLong("result-format"), help: "Say the result's format instead of detecting it (e.g. azure-4.0, aws-text).")
    var resultFormat: String?

    @Option(name: .customLong("format"), help: "The output format when it cannot come from -o: png, jpg, webp, bmp.")
    var outputFormat: String?

    @Option(help: "JPEG or WebP quality.")
    var quality: Int?

    func job() throws(JobError) -> AnnotateJob {
        var options = AnnotationOptions()
        if let features { options.features = try Choices.features(features) }
        if let minConfidence {
            guard minConfidence.isFinite, (0...1).contains(minConfidence) else { throw JobError("--min-confidence must be between 0 and 1, not \(minConfidence).") }
            options.minimumConfidence = minConfidence
        }
        if let top {
            guard top >= 0 else { throw JobError("--top must be 0 or more, not \(top).") }
            options.topK = top
        }
        if let font { options.fontFamily = font }
        if let theme { options.theme = try Choices.theme(theme) }
        if let ocrMode { options.textMode = try Choices.pick(ocrMode, "--ocr-mode") }
        if let boxStyle { options.boxStyle = try Choices.pick(boxStyle, "--box-style") }
        if let privacy { options.privacy = try Choices.pick(privacy, "--privacy") }
        if let confidenceStyle { options.confidenceStyle = try Choices.pick(confidenceStyle, "--confidence-style") }
        let stem = image == "-" ? "stdin" : ((image as NSString).lastPathComponent as NSString).deletingPathExtension
        return AnnotateJob(image: image, result: result, output: output ?? "\(stem)-annotated.png", options: options,
                           resultFormat: try resultFormat.map { (w) throws(JobError) in try Choices.resultFormat(w) },
                           outputFormat: outputFormat, quality: quality)
    }

    func run() throws {
        try runJob { () throws(JobError) in try job().run() }
    }
}

import Foundation
