import ArgumentParser
import Foundation
import Limn

/// `limn annotate IMAGE RESULT.json`: draw a vision result onto its picture.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Draw a vision result (boxes, labels, text, captions, crops) onto its picture.",
        discussion: """
            The result's format is detected (Azure 4.0 and 3.2, Baidu, Google Cloud Vision, AWS Rekognition, Azure AI Document Intelligence v4, AWS Textract); its shapes are mapped onto the picture, with EXIF orientation applied. A document result's pages in inches or fractions land on the picture of that page (--page).

            Features: all, objects, people, faces, brands, dense-captions, text, caption, tags, smart-crops, legend, tables, forms, layout. Use - for standard input (the picture or the result) or for standard output.

            Examples:
              limn annotate street.jpg azure.json -o out.png
              limn annotate street.jpg azure.json --features objects,caption \\
                --min-confidence 0.6 --privacy blur -o out.jpg
              limn annotate scan.png read.json --ocr-mode side-by-side -o - > page.png
              limn annotate page2.png layout.json --page 2 --reading-order -o out.png
              limn annotate scan.png document-intelligence.json --compare tesseract.hocr -o diff.png
              limn annotate street.png coco.json --compare ultralytics.json -o models.png
            """
    )

    @Argument(help: "The picture (PNG, JPEG, WebP, BMP), or - for standard input.")
    var image: String

    @Argument(
        help:
            "The service's result (JSON, hOCR, TSV, YOLO labels), or - for standard input; or a label map picture (each value or colour a class), or a folder of per-instance mask pictures."
    )
    var result: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var drawing: AnnotationFlags
    @OptionGroup var reading: ResultFormatOption

    @Option(help: "The page of a document result to draw (Document Intelligence, Textract), from 1 (default 1).")
    var page: Int = 1

    @Option(
        help:
            "Which picture of a COCO file to draw: its id, or its file name (default: the one named like the picture, else the file's only one)."
    )
    var picture: String?

    @Option(
        help:
            "A second result of the same picture, both drawn: two OCR results have their lines matched by position and words diffed (agreeing, changed, only in one); otherwise detections are paired by box overlap (matched, relabelled, only in one)."
    )
    var compare: String?

    @Option(
        name: .customLong("compare-format"), help: "Say the second result's format instead of detecting it.",
        transform: { try Choices.pick($0) })
    var compareFormat: ResultFormat?

    func validate() throws {
        guard page >= 1 else { throw ValidationError("--page counts from 1, not \(page).") }
        if let picture, picture.isEmpty { throw ValidationError("--picture names a picture by its id or file name; it is empty.") }
        if compare == nil, compareFormat != nil { throw ValidationError("--compare-format applies with --compare.") }
    }

    /// The job the arguments describe; the default output is `<image>-annotated.png` beside the
    /// working folder.
    func job() throws(JobError) -> AnnotateJob {
        let stem = image == "-" ? "stdin" : ((image as NSString).lastPathComponent as NSString).deletingPathExtension
        let path = output.output ?? "\(stem)-annotated.png"
        return AnnotateJob(
            image: image, result: result, output: path, encoding: try output.encoding(for: path),
            options: try drawing.options(), resultFormat: reading.resultFormat, resultPage: page,
            resultPicture: picture.map(Choices.picture), compare: compare,
            compareFormat: compareFormat, keepMetadata: output.metadata.map { $0 == .keepMetadata },
            keepProfile: output.keepProfile)
    }

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        try runJob(logging, make: job) { (job) throws(JobError) in try job.run() }
    }
}
