import LimnRaster

/// What to draw and how. The defaults draw every feature a result has, with boxes and chips
/// sized for the picture, people below 0.5 confidence left out, text outlined.
public struct AnnotationOptions: Sendable, Equatable {
    /// A part of a result that can be drawn.
    public enum Feature: String, Sendable, CaseIterable {
        /// Detected objects, with label chips.
        case objects
        /// People (Azure 4.0 people, persons of a pose).
        case people
        /// Faces, with their landmarks when keypoints are drawn.
        case faces
        /// Brands and logos.
        case brands
        /// Dense captions: regions described in a sentence, wrapped on their chips.
        case denseCaptions
        /// Recognised text, as ``AnnotationOptions/textMode`` says.
        case text
        /// The caption of the whole picture, on a banner.
        case caption
        /// Tags of the whole picture, as chips on a panel.
        case tags
        /// Suggested crops, outlined with their ratios and the outside dimmed.
        case smartCrops
        /// A legend of the colours used.
        case legend
        /// Document tables: every cell, header cells tinted.
        case tables
        /// Form keys and values with a leader line, selection marks, extracted fields.
        case forms
        /// Paragraphs with a role (title, section heading, page header or footer, page number).
        case layout
        /// Instance masks (COCO segmentations, Florence-2 and Ultralytics polygons): a
        /// translucent fill in the class colour inside an anti-aliased contour, instead of a box.
        case masks
        /// Keypoints (poses, landmarks) and the skeleton joining them.
        case keypoints
    }

    /// How instance masks are drawn.
    public enum MaskStyle: String, Sendable, CaseIterable {
        /// A translucent fill (``maskOpacity``) inside a contour.
        case fill
        /// The contour alone.
        case contour
    }

    /// How detection boxes are drawn.
    public enum BoxStyle: String, Sendable, CaseIterable {
        /// A plain rectangle.
        case plain
        /// A rectangle with rounded corners.
        case rounded
        /// Corner brackets only, leaving the object's outline clear.
        case corners
    }

    /// How a detection's confidence shows in its outline, besides the number on its chip.
    public enum ConfidenceStyle: String, Sendable, CaseIterable {
        /// Every outline drawn alike, whatever the confidence.
        case none
        /// Fainter outlines for lower confidence.
        case opacity
        /// Dashed outlines below 0.8, shorter dashes for lower confidence.
        case dashing
    }

    /// How recognised text is shown.
    public enum TextMode: String, Sendable, CaseIterable {
        /// Line polygons, thin word polygons.
        case outline
        /// The recognised text typeset into each line's polygon, on a translucent backing.
        case text
        /// The picture with outlines, beside a clean page with the text re-typeset in place.
        case sideBySide = "side-by-side"
    }

    /// What happens inside people and face boxes.
    public enum Privacy: String, Sendable, CaseIterable {
        /// Nothing hidden.
        case none
        /// A Gaussian blur of a tenth of the box's longer side.
        case blur
        /// About ten square blocks across the box's longer side, each its mean colour.
        case pixelate
    }

    /// Where the caption banner goes.
    public enum BannerPosition: String, Sendable, CaseIterable {
        /// Above the picture.
        case above
        /// Below the picture.
        case below
    }

    /// The parts of a result to draw (every feature by default); a feature the result lacks draws nothing.
    public var features: Set<Feature>
    /// Regions below this confidence are left out (those without a confidence are kept).
    /// People results hold many boxes near 0.001: the default keeps the meaningful ones.
    public var minimumConfidence: Double
    /// At most this many regions per feature, the most confident first (nil: all).
    public var topK: Int?
    /// How detection boxes are drawn (rounded by default).
    public var boxStyle: BoxStyle
    /// How confidence shows in outlines (not at all by default).
    public var confidenceStyle: ConfidenceStyle
    /// How recognised text is shown (outlines by default).
    public var textMode: TextMode
    /// Color text outlines by confidence (red → amber → green) instead of one color.
    public var colorTextByConfidence: Bool
    /// What happens inside people and face boxes (nothing by default).
    public var privacy: Privacy
    /// Where the caption banner goes (below by default).
    public var bannerPosition: BannerPosition
    /// Show the confidence on labels, tags and the caption.
    public var showConfidence: Bool
    /// The colours classes are drawn in.
    public var palette: Palette
    /// The colours of banners, panels and backings (light by default).
    public var theme: Theme
    /// Any fontconfig family; characters it lacks come from the fallback chain.
    public var fontFamily: String
    /// Multiplies the automatic size (line widths, fonts, paddings follow the picture's size).
    /// Clamped to ``scaleRange``; a value that is not finite or not positive counts as 1.
    public var scale: Double
    /// Number the text lines in the order the service read them.
    public var readingOrder: Bool
    /// How instance masks are drawn (filled by default).
    public var maskStyle: MaskStyle
    /// The opacity of mask fills, 0…1 (0.45 by default; out-of-range values are clamped).
    public var maskOpacity: Double
    /// Dim the picture outside every drawn mask (with the theme's ``Theme/dimming``).
    public var dimOutsideMasks: Bool
    /// Keypoints below this confidence are left out with their links (those without a
    /// confidence are kept; absent ones, COCO's v = 0, are always left out).
    public var minimumKeypointConfidence: Double
    /// Name each keypoint drawn (`left_wrist`), when the result names them.
    public var keypointLabels: Bool

    /// The scales that are drawn as asked: 0.1 to 10. (At 10, text is 170 px high for each
    /// 1,000 px of picture; beyond that the panels, not the picture, would be the output.)
    public static let scaleRange: ClosedRange<Double> = 0.1...10

    /// Options with every default as the properties above state.
    public init(
        features: Set<Feature> = Set(Feature.allCases), minimumConfidence: Double = 0.5, topK: Int? = nil,
        boxStyle: BoxStyle = .rounded, confidenceStyle: ConfidenceStyle = .none, textMode: TextMode = .outline,
        colorTextByConfidence: Bool = false, privacy: Privacy = .none, bannerPosition: BannerPosition = .below,
        showConfidence: Bool = true, palette: Palette = .standard, theme: Theme = .light,
        fontFamily: String = "sans-serif", scale: Double = 1, readingOrder: Bool = false, maskStyle: MaskStyle = .fill,
        maskOpacity: Double = 0.45, dimOutsideMasks: Bool = false, minimumKeypointConfidence: Double = 0.5,
        keypointLabels: Bool = false
    ) {
        self.features = features
        self.minimumConfidence = minimumConfidence
        self.topK = topK
        self.boxStyle = boxStyle
        self.confidenceStyle = confidenceStyle
        self.textMode = textMode
        self.colorTextByConfidence = colorTextByConfidence
        self.privacy = privacy
        self.bannerPosition = bannerPosition
        self.showConfidence = showConfidence
        self.palette = palette
        self.theme = theme
        self.fontFamily = fontFamily
        self.scale = scale
        self.readingOrder = readingOrder
        self.maskStyle = maskStyle
        self.maskOpacity = maskOpacity
        self.dimOutsideMasks = dimOutsideMasks
        self.minimumKeypointConfidence = minimumKeypointConfidence
        self.keypointLabels = keypointLabels
    }
}

/// The colors of the furniture around detections: banners, panels, OCR backings.
public struct Theme: Sendable, Equatable {
    /// Behind banners, legends and tag panels.
    public var panel: Pixel
    /// Text on panels.
    public var panelText: Pixel
    /// Secondary text on panels (confidences, counts).
    public var mutedText: Pixel
    /// Behind typeset OCR text.
    public var textBacking: Pixel
    /// The typeset OCR text itself.
    public var typesetText: Pixel
    /// The clean page of the side-by-side text view.
    public var page: Pixel
    /// Laid over everything outside the suggested crops.
    public var dimming: Pixel

    /// A theme of these colours.
    public init(panel: Pixel, panelText: Pixel, mutedText: Pixel, textBacking: Pixel, typesetText: Pixel, page: Pixel, dimming: Pixel) {
        self.panel = panel; self.panelText = panelText; self.mutedText = mutedText
        self.textBacking = textBacking; self.typesetText = typesetText; self.page = page; self.dimming = dimming
    }

    /// Dark text on near-white panels.
    public static let light = Theme(
        panel: Pixel(r: 250, g: 250, b: 247), panelText: Pixel(r: 28, g: 28, b: 32), mutedText: Pixel(r: 105, g: 105, b: 112),
        textBacking: Pixel(r: 255, g: 255, b: 255, a: 205), typesetText: Pixel(r: 12, g: 12, b: 16),
        page: Pixel(r: 252, g: 251, b: 248), dimming: Pixel(r: 0, g: 0, b: 0, a: 120))
    /// Light text on near-black panels.
    public static let dark = Theme(
        panel: Pixel(r: 24, g: 25, b: 30), panelText: Pixel(r: 240, g: 240, b: 236), mutedText: Pixel(r: 160, g: 160, b: 168),
        textBacking: Pixel(r: 12, g: 12, b: 16, a: 200), typesetText: Pixel(r: 245, g: 245, b: 240),
        page: Pixel(r: 30, g: 31, b: 36), dimming: Pixel(r: 0, g: 0, b: 0, a: 150))
}
