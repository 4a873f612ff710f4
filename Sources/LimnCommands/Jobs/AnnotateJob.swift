import Limn

/// Draws a vision result onto its picture (see `limn annotate`). Every option is parsed and
/// checked when the job is made, before any picture is read.
struct AnnotateJob {
    var image: String
    var result: String
    var output: String
    var encoding: EncodeFormat
    var options = AnnotationOptions()
    var resultFormat: ResultFormat?
    /// The page of a document result (from 1).
    var resultPage = 1
    /// The picture of a COCO file; nil: the one named like ``image``, else the file's only one.
    var resultPicture: PictureSelector? = nil
    /// A second result of the picture to compare with (the same page): OCR when both hold text,
    /// detections otherwise.
    var compare: String? = nil
    var compareFormat: ResultFormat? = nil
    /// EXIF and XMP go to the output: by default yes (an annotated copy keeps the camera data),
    /// except when a privacy filter hides people, whose GPS position and camera would remain.
    var keepMetadata: Bool? = nil
    var keepProfile = false

    var outputs: [String] { [output] }

    /// True when a result holds recognised text (lines or words) to compare.
    static func hasText(_ a: Analysis) -> Bool { a.allRegions.contains { $0.kind == .textLine || $0.kind == .textWord } }

    func run() throws(JobError) {
        if image == "-" && result == "-" { throw JobError("the picture and the result cannot both come from standard input.") }
        if compare == "-" && (image == "-" || result == "-") { throw JobError("only one input can come from standard input.") }
        let picture = resultPicture ?? (image == "-" ? nil : .matching(image))
        // The result is read, and the fonts found, on another core while the picture decodes
        // (a 12 MP JPEG decodes on one): the first text laid out starts fontconfig.
        let log = JobLog.current
        let (decoded, analysis) = try JobIO.alongside(
            { [result, resultFormat, resultPage, fontFamily = options.fontFamily] () throws(JobError) -> Analysis in
                let outcome: Result<Analysis, JobError> = JobLog.$current.withValue(log) {
                    Result { () throws(JobError) -> Analysis in
                        let analysis = try JobIO.result(result, format: resultFormat, page: resultPage, picture: picture)
                        _ = try? TextEngine.shared.layout("Ag", font: Font(family: fontFamily, size: 12))
                        // A family that is not installed would be drawn in another without a word.
                        if let drawn = TextEngine.shared.drawingFamily(for: fontFamily), !drawn.installed {
                            log?.warn(
                                "the font family \"\(fontFamily)\" is not installed; labels are drawn in \(drawn.family), fontconfig's substitute (fc-list : family lists the installed ones)."
                            )
                        }
                        return analysis
                    }
                }
                return try outcome.get()
            }, { () throws(JobError) in try JobIO.picture(image, keepProfile: keepProfile) })
        let drawn: Image
        if let compare {
            let second = try JobIO.result(compare, format: compareFormat, page: resultPage, picture: picture)
            do {
                // Text against text is an OCR comparison; anything else compares detections.
                if Self.hasText(analysis) && Self.hasText(second) {
                    drawn = try annotate(
                        image: decoded.image, comparing: analysis, with: second, options: options, geometry: decoded.geometry)
                } else {
                    drawn = try annotate(
                        image: decoded.image, comparingDetections: analysis, with: second, options: options, geometry: decoded.geometry)
                }
            } catch { throw JobError(error) }
        } else {
            do { drawn = try annotate(image: decoded.image, analysis: analysis, options: options, geometry: decoded.geometry) } catch {
                throw JobError(error)
            }
        }
        let keep = keepMetadata ?? (options.privacy == .none)
        try JobIO.write(drawn, to: output, as: encoding, metadata: OutputMetadata(from: decoded, keep: keep))
    }
}
