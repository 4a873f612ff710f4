import LimnRaster
import LimnResults
import LimnText

/// Draws a vision result onto its picture.
public enum Annotator {
    /// The annotated picture. `analysis` should be in the picture's pixels (see
    /// `Analysis.mapped(to:analysedUpright:)`, which the `Limn` recipes apply); one
    /// still holding fractions or a legacy OCR angle is mapped onto `image` as the analysed picture.
    ///
    /// In order: people and faces hidden (when asked), the outside of smart crops dimmed and the
    /// crops outlined, dense-caption outlines, the outside of masks dimmed (when asked),
    /// detections as their masks or outlines, keypoints and skeletons, text outlines or typeset text, then
    /// the label chips (placed clear of the edges, of each other and, where possible, of other
    /// detections; most confident first; at most ``maximumLabels``). A caption banner goes above
    /// or below, then the tags and a legend of classes; the side-by-side text view doubles the
    /// width. So the result can be larger than `image`. The same inputs give the same pixels. Throws only when no font
    /// can be loaded.
    public static func annotate(
        _ image: Image, with given: Analysis, options: AnnotationOptions = AnnotationOptions(),
        engine: TextEngine = .shared
    ) throws -> Image {
        // Shapes still in fractions, or the legacy OCR's turned frame, are mapped onto this
        // picture (taken as the analysed one) rather than drawn in the wrong place.
        let analysis =
            given.isMappedToPixels
            ? given
            : given.mapped(to: PictureGeometry(storedSize: image.size))
        let metrics = Metrics(width: image.width, height: image.height, scale: options.scale)
        let font = Font(family: options.fontFamily, size: metrics.fontSize)
        let smallFont = Font(family: options.fontFamily, size: metrics.smallFontSize)
        let text = TextLayer(options: options, metrics: metrics, engine: engine, clip: Rect(image.size))

        // 1. The frame: panels and the side-by-side page are made first, so the picture is
        //    copied once, into its place in the output, and everything is drawn there.
        let plain = Selection(analysis, options: options)
        let sideBySide = options.textMode == .sideBySide && !plain.textLines.isEmpty
        let width = sideBySide ? image.width * 2 : image.width
        let (above, below) = try Panels.make(
            analysis, detections: plain.detections, width: width, options: options,
            metrics: metrics, engine: engine)
        let middle = sideBySide ? [image, try text.page(plain, size: image.size, theme: options.theme)] : [image]
        let top = above.reduce(0) { $0 + $1.height }
        // Unless something draws on the picture itself before the list (privacy, the crops'
        // dimming), the picture is copied into the frame by the draw list, strip by strip as it
        // draws: one pass over the pixels instead of two.
        let drawnOnFirst =
            (options.privacy != .none && !plain.privacy.isEmpty)
            || (options.features.contains(.smartCrops) && !analysis.cropSuggestions.isEmpty)
        let bands = above.map { [$0] } + [middle] + below.map { [$0] }
        // A frame over the limits decoding keeps (a 16384-wide picture side by side) is refused
        // before it is allocated.
        try PixelLimits.default.check(
            Size(width: width, height: bands.reduce(0) { $0 + ($1.first?.height ?? 0) }),
            operation: "annotating (the frame with its panels)")
        var canvas =
            drawnOnFirst
            ? (above.isEmpty && below.isEmpty && !sideBySide ? image : Frame.stack(bands))
            : Frame.stack(bands, leavingOut: (above.count, 0))
        var pictureInPlace = drawnOnFirst
        /// Draws what is recorded; the first time, over the picture when it is not in place yet.
        func draw(_ list: DrawList) {
            if pictureInPlace {
                canvas.draw(list)
            } else {
                canvas.draw(list, over: image, x: 0, y: top)
                pictureInPlace = true
            }
        }
        let picture = Rect(x: 0, y: Double(top), width: Double(image.width), height: Double(image.height))
        let drawn = TextLayer(options: options, metrics: metrics, engine: engine, clip: picture)

        // 2. The result moved into the picture's place in the frame.
        let placed = top == 0 ? analysis : analysis.applying(.translation(x: 0, y: Double(top)))
        let selection = top == 0 ? plain : Selection(placed, options: options)

        // The masks' first batch is decoded, traced and stroked on the other cores while this
        // thread filters, dims and lays out the label chips.
        let masks = MaskLayer(options: options, metrics: metrics, clip: picture)
        let masked = options.features.contains(.masks) ? selection.detections.filter { $0.mask != nil } : []
        let instances = masked.compactMap(\.mask)
        let batches = MaskLayer.batches(instances)
        let firstBatch = batches.first.map { MaskLayer.Pending(masks, instances[$0], threads: Parallelism.maximumThreads) }
        defer { firstBatch?.finish() }

        PrivacyFilter.apply(options.privacy, to: selection.privacy, on: &canvas)

        // Everything after the privacy filter and the crops' dimming is recorded, then drawn in
        // bands on every core (the same pixels as drawing each in turn).
        var list = DrawList()
        let boxed = selection.detections + selection.denseCaptions
        var placer = LabelPlacer(bounds: picture, obstacles: boxed.map { $0.shape.bounds })
        if options.features.contains(.smartCrops), !placed.cropSuggestions.isEmpty {
            // Everything of the picture outside the crops is dimmed; the panels and page are kept.
            let kept = [
                Rect(x: 0, y: 0, width: Double(width), height: Double(top)),
                Rect(x: 0, y: picture.maxY, width: Double(width), height: Double(canvas.height) - picture.maxY),
                Rect(x: picture.maxX, y: 0, width: Double(width) - picture.maxX, height: Double(canvas.height)),
            ]
            try CropLayer(options: options, metrics: metrics, engine: engine, clip: picture).draw(
                placed.cropSuggestions, keeping: kept, on: &canvas, into: &list,
                placer: &placer)
        }

        let detections = DetectionLayer(options: options, metrics: metrics, engine: engine, clip: picture)
        for region in selection.denseCaptions { detections.outline(region, color: Self.captionColor, into: &list) }
        // Detections with a mask are drawn as the mask, the others as their outline. Masks are
        // prepared a batch at a time; when the grids the list holds grow past `gridBudget`,
        // what is recorded is drawn (the same pixels: the list draws in order).
        // Chips are laid out and placed now, while the masks are prepared, and recorded last.
        let chips = try placedChips(
            boxed, detections: detections, placer: &placer, font: font, smallFont: smallFont, metrics: metrics, options: options,
            engine: engine, width: image.width)
        if options.dimOutsideMasks, !masked.isEmpty { masks.dimOutside(instances, dimming: options.theme.dimming, into: &list) }
        var seen: [String: Int] = [:]
        for (k, batch) in batches.enumerated() {
            let prepared = k == 0 ? firstBatch?.wait() ?? [] : masks.prepare(instances[batch])
            for (region, mask) in zip(masked[batch], prepared) {
                let n = seen[region.label, default: 0]
                seen[region.label] = n + 1
                masks.draw(mask, color: Palette.shade(options.palette.color(for: region.label), instance: n), into: &list)
            }
            if list.heldBytes > Self.gridBudget {
                draw(list)
                list = DrawList()
            }
        }
        for region in selection.detections where masked.isEmpty || region.mask == nil {
            detections.outline(region, color: options.palette.color(for: region.label), into: &list)
        }
        if options.features.contains(.keypoints) {
            let poses = KeypointLayer(options: options, metrics: metrics, engine: engine, clip: picture)
            for region in selection.detections where !region.keypoints.isEmpty {
                try poses.draw(region, color: options.palette.color(for: region.label), font: smallFont, into: &list)
            }
        }

        let document = DocumentLayer(options: options, metrics: metrics, engine: engine, clip: picture)
        document.tables(selection.tables, into: &list)

        switch options.textMode {
        case .outline, .sideBySide: drawn.outlines(selection, into: &list)
        case .text: try drawn.typeset(selection, into: &list, backing: options.theme.textBacking, ink: options.theme.typesetText)
        }

        document.forms(selection.formKeys, into: &list)
        document.marks(selection.selectionMarks, into: &list)
        if options.readingOrder { try document.readingOrder(selection.textLines, font: smallFont, into: &list) }

        // Chips last, over every outline.
        for chip in chips { detections.record(chip, into: &list) }
        try document.named(selection.named, font: smallFont, placer: &placer, detections: detections, into: &list)

        if sideBySide {
            try? list.fill(
                .rectangle(
                    Rect(x: picture.maxX - metrics.lineWidth / 2, y: picture.minY, width: metrics.lineWidth, height: picture.height)),
                with: options.theme.mutedText)
        }
        draw(list)
        return canvas
    }

    static let captionColor = Pixel(r: 255, g: 200, b: 40)

    /// The label chips of `boxed`, laid out and placed: the most confident detections choose
    /// first. Past ``maximumLabels`` a picture is all chips and placement would grow
    /// quadratically: the rest keep their outlines only. A region with neither a name nor a
    /// confidence (a Florence-2 region proposal, an unlabelled segmentation) has nothing to say
    /// on a chip.
    static func placedChips(
        _ boxed: [Region], detections: DetectionLayer, placer: inout LabelPlacer, font: Font, smallFont: Font, metrics: Metrics,
        options: AnnotationOptions, engine: TextEngine, width: Int
    ) throws -> [DetectionLayer.PlacedChip] {
        let order = Selection.ranked(boxed, confidence: \.confidence).prefix(Self.maximumLabels).map(\.element)
        var chips: [DetectionLayer.PlacedChip] = []
        for region in order where !(region.label.isEmpty && region.confidence == nil) {
            let box = region.shape.bounds
            let text = labelText(region.label, region.confidence, show: options.showConfidence)
            let chip: Chip
            if region.kind == .denseCaption {
                let chipWidth = min(max(box.width, metrics.fontSize * 12), Double(width) * 0.45)
                chip = try Chip(
                    text, color: Self.captionColor, font: smallFont, maxWidth: chipWidth, maxLines: 3, metrics: metrics, engine: engine)
            } else {
                chip = try Chip(text, color: options.palette.color(for: region.label), font: font, metrics: metrics, engine: engine)
            }
            chips.append(detections.place(chip, for: box, placer: &placer))
        }
        return chips
    }

    /// The bytes of mask grids a draw list may hold before it is drawn and a new one started.
    static let gridBudget = 256 << 20

    /// At most this many label chips per picture (the most confident detections').
    public static let maximumLabels = 300
}
