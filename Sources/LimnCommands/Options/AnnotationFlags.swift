import ArgumentParser
import Limn

/// How `annotate` draws: declared once, for `limn annotate`'s flags and a manifest's annotate keys
/// (`--min-confidence` is `"min_confidence"`, and so on), validated in one place.
struct AnnotationFlags: ParsableArguments {
    @Option(
        parsing: .singleValue,
        help:
            "Features to draw, comma-separated or repeated (default: all): all, objects, people, faces, brands, dense-captions, text, caption, tags, smart-crops, legend, tables, forms, layout, masks, keypoints."
    )
    var features: [String] = []

    @Option(name: .customLong("min-confidence"), help: "Leave out regions below this confidence, 0-1 (default 0.5).")
    var minConfidence: Double?

    @Option(help: "At most K regions per feature, the most confident (0 or more).")
    var top: Int?

    @Option(help: "A fontconfig family for labels (default sans-serif).")
    var font: String?

    @Option(help: "light or dark panels (default light).", transform: { try Choices.pick($0) })
    var theme: ThemeName?

    @Option(name: .customLong("ocr-mode"), help: "outline, text or side-by-side (default outline).", transform: { try Choices.pick($0) })
    var ocrMode: AnnotationOptions.TextMode?

    @Option(name: .customLong("box-style"), help: "plain, rounded or corners (default rounded).", transform: { try Choices.pick($0) })
    var boxStyle: AnnotationOptions.BoxStyle?

    @Option(help: "none, blur or pixelate people and faces (default none).", transform: { try Choices.pick($0) })
    var privacy: AnnotationOptions.Privacy?

    @Option(
        name: .customLong("confidence-style"), help: "none, opacity or dashing (default none).",
        transform: { try Choices.pick($0) })
    var confidenceStyle: AnnotationOptions.ConfidenceStyle?

    @Option(help: "Where the caption banner goes: above or below (default above).", transform: { try Choices.pick($0) })
    var banner: AnnotationOptions.BannerPosition?

    @Flag(name: .customLong("show-confidence"), inversion: .prefixedNo, help: "Show confidences in the labels (default on).")
    var showConfidence: Bool?

    @Flag(name: .customLong("reading-order"), help: "Number the text lines in the order the service read them.")
    var readingOrder = false

    @Option(
        name: .customLong("mask-style"), help: "Instance masks as fill (translucent, with a contour) or contour (default fill).",
        transform: { try Choices.pick($0) })
    var maskStyle: AnnotationOptions.MaskStyle?

    @Option(name: .customLong("mask-opacity"), help: "The opacity of mask fills, 0-1 (default 0.45).")
    var maskOpacity: Double?

    @Flag(name: .customLong("dim-outside-masks"), help: "Dim the picture outside every drawn mask.")
    var dimOutsideMasks = false

    @Option(
        name: .customLong("min-keypoint-confidence"),
        help: "Leave out keypoints (and their links) below this confidence, 0-1 (default 0.5).")
    var minKeypointConfidence: Double?

    @Flag(name: .customLong("keypoint-labels"), help: "Name each keypoint drawn (nose, left wrist, ...).")
    var keypointLabels = false

    func validate() throws {
        if let minConfidence, !(minConfidence.isFinite && (0...1).contains(minConfidence)) {
            throw ValidationError("--min-confidence must be between 0 and 1, not \(minConfidence).")
        }
        if let top, top < 0 { throw ValidationError("--top must be 0 or more, not \(top).") }
        if let maskOpacity, !(maskOpacity.isFinite && (0...1).contains(maskOpacity)) {
            throw ValidationError("--mask-opacity must be between 0 and 1, not \(maskOpacity).")
        }
        if let minKeypointConfidence, !(minKeypointConfidence.isFinite && (0...1).contains(minKeypointConfidence)) {
            throw ValidationError("--min-keypoint-confidence must be between 0 and 1, not \(minKeypointConfidence).")
        }
        do { _ = try parsedFeatures() } catch { throw ValidationError(error.description) }
    }

    /// The options the flags say, on top of the defaults.
    func options() throws(JobError) -> AnnotationOptions {
        var options = AnnotationOptions()
        if let features = try parsedFeatures() { options.features = features }
        if let minConfidence { options.minimumConfidence = minConfidence }
        if let top { options.topK = top }
        if let font { options.fontFamily = font }
        if let theme { options.theme = theme.theme }
        if let ocrMode { options.textMode = ocrMode }
        if let boxStyle { options.boxStyle = boxStyle }
        if let privacy { options.privacy = privacy }
        if let confidenceStyle { options.confidenceStyle = confidenceStyle }
        if let banner { options.bannerPosition = banner }
        if let showConfidence { options.showConfidence = showConfidence }
        options.readingOrder = readingOrder
        if let maskStyle { options.maskStyle = maskStyle }
        if let maskOpacity { options.maskOpacity = maskOpacity }
        options.dimOutsideMasks = dimOutsideMasks
        if let minKeypointConfidence { options.minimumKeypointConfidence = minKeypointConfidence }
        options.keypointLabels = keypointLabels
        return options
    }

    private func parsedFeatures() throws(JobError) -> Set<AnnotationOptions.Feature>? {
        features.isEmpty ? nil : try Choices.features(features.joined(separator: ","))
    }
}

/// `--theme`'s words.
enum ThemeName: String, CaseIterable {
    case light, dark
    var theme: Theme { self == .light ? .light : .dark }
}
