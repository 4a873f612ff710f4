import LimnAnnotate
import LimnCodecs
import LimnRaster
import LimnResults
import LimnText

/// Draws `analysis` onto `image`: the result's shapes are first mapped onto the picture (its
/// analysed size scaled to the picture's, fractions resolved, the legacy OCR angle undone; see
/// `Analysis.mapped(to:analysedUpright:)`). `geometry` says how the picture relates
/// to the pixels the service saw when an EXIF orientation was applied to it; by default the
/// picture is taken as upright and unturned. Returns a new image (possibly larger: banners,
/// panels, the side-by-side text view). Deterministic. Throws
/// `ResultsError.otherPicture(source:analysed:picture:)` when the result was made
/// for a picture of another shape (see `Analysis.checkFits(_:analysedUpright:source:)`),
/// `TextError` when no font can be loaded.
public func annotate(
    image: Image, analysis: Analysis, options: AnnotationOptions = AnnotationOptions(),
    geometry: PictureGeometry? = nil
) throws -> Image {
    let picture = geometry ?? PictureGeometry(storedSize: image.size)
    try analysis.checkFits(picture)
    return try Annotator.annotate(image, with: analysis.mapped(to: picture), options: options)
}

/// The file-to-file form: reads the picture (EXIF orientation applied) and the result JSON,
/// maps the shapes onto the upright picture, draws, and writes `output` atomically in the
/// format its extension names (nothing is left at `output` on failure). `format` forces the
/// result's format instead of detecting it; a COCO file's picture is the one named like
/// `imageFile` (or its only one). Throws the error of the step that failed:
/// `CodecError` (the picture), `ResultsError` (the result),
/// `TextError` (fonts), ``LimnError`` (the output).
public func annotate(
    imageFile: String, resultFile: String, output: String, options: AnnotationOptions = AnnotationOptions(),
    format: ResultFormat? = nil, encoding: EncodeFormat? = nil
) throws {
    let encode: EncodeFormat
    if let encoding { encode = encoding } else { encode = try EncodeFormat(forPath: output) }
    let decoded = try ImageDecoder.decode(file: imageFile)
    let analysis = try Analysis(contentsOfFile: resultFile, format: format, picture: .matching(imageFile))
    let annotated = try annotate(image: decoded.image, analysis: analysis, options: options, geometry: decoded.geometry)
    try annotated.write(to: output, as: encode)
}

/// Two OCR results of one picture drawn together: both mapped onto `image` (see
/// ``annotate(image:analysis:options:geometry:)``), their lines matched by position and their
/// words diffed (`OCRComparison`), with a legend below. Deterministic.
public func annotate(
    image: Image, comparing first: Analysis, with second: Analysis, options: AnnotationOptions = AnnotationOptions(),
    geometry: PictureGeometry? = nil
) throws -> Image {
    let picture = geometry ?? PictureGeometry(storedSize: image.size)
    try first.checkFits(picture, source: "the first result")
    try second.checkFits(picture, source: "the second result")
    let comparison = OCRComparison(first.mapped(to: picture), second.mapped(to: picture))
    return try Annotator.annotate(image, comparing: comparison, options: options)
}

/// Two detection results of one picture drawn together: both mapped onto `image`, their
/// detections paired by box overlap (`DetectionComparison`; those below
/// `options.minimumConfidence` left out), with a legend below. Deterministic.
public func annotate(
    image: Image, comparingDetections first: Analysis, with second: Analysis, options: AnnotationOptions = AnnotationOptions(),
    geometry: PictureGeometry? = nil
) throws -> Image {
    let picture = geometry ?? PictureGeometry(storedSize: image.size)
    try first.checkFits(picture, source: "the first result")
    try second.checkFits(picture, source: "the second result")
    let comparison = DetectionComparison(
        first.mapped(to: picture), second.mapped(to: picture), minimumConfidence: options.minimumConfidence)
    return try Annotator.annotate(image, comparing: comparison, options: options)
}
