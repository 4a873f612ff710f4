import Limn

/// The annotator fed arbitrary `Analysis` values: any kinds, shapes with NaN, infinite, huge,
/// inverted or degenerate coordinates, pixels or fractions, nested regions, labels in any
/// script, captions, tags, crop suggestions, a stated analysed size and any options.
enum AnnotateTarget {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        var f = FuzzInput(bytes)
        let width = f.int(in: 1...160), height = f.int(in: 1...120)
        let picture = Image(width: width, height: height, fill: Pixel(r: f.byte(), g: f.byte(), b: f.byte(), a: f.byte()))
        var analysis = Analysis(
            vendor: f.pick(Vendor.allCases), format: f.pick(ResultFormat.allCases),
            imageSize: f.bool() ? Size(width: f.int(in: 0...4_000), height: f.int(in: 0...4_000)) : nil,
            textAngle: f.bool() ? f.double() : nil)
        for _ in 0..<f.int(in: 0...3) { analysis.captions.append(Caption(text: f.string(maxCount: 60), confidence: confidence(&f))) }
        for _ in 0..<f.int(in: 0...6) { analysis.tags.append(Tag(name: f.string(), confidence: confidence(&f))) }
        for _ in 0..<f.int(in: 0...3) {
            analysis.cropSuggestions.append(CropSuggestion(aspectRatio: f.bool() ? f.double() : nil, box: rect(&f)))
        }
        for _ in 0..<f.int(in: 0...24) { analysis.regions.append(region(&f, depth: 0)) }
        var options = AnnotationOptions(
            features: Set(AnnotationOptions.Feature.allCases.filter { _ in f.byte() % 4 != 0 }),
            minimumConfidence: f.byte() % 8 == 0 ? f.double() : Double(f.byte() % 11) / 10,
            topK: f.bool() ? f.int(in: 0...30) : nil, boxStyle: f.pick(AnnotationOptions.BoxStyle.allCases),
            confidenceStyle: f.pick(AnnotationOptions.ConfidenceStyle.allCases), textMode: f.pick(AnnotationOptions.TextMode.allCases),
            colorTextByConfidence: f.bool(), privacy: f.pick(AnnotationOptions.Privacy.allCases),
            bannerPosition: f.pick(AnnotationOptions.BannerPosition.allCases), showConfidence: f.bool(),
            theme: f.bool() ? .light : .dark, scale: f.pick([0.5, 1, 1.5, 2, 3]))
        if f.byte() % 16 == 0 { options.scale = f.double() }
        options.readingOrder = f.byte() % 4 == 0
        options.maskStyle = f.pick(AnnotationOptions.MaskStyle.allCases)
        options.maskOpacity = f.byte() % 8 == 0 ? f.double() : Double(f.byte()) / 255
        options.dimOutsideMasks = f.bool()
        options.minimumKeypointConfidence = f.byte() % 8 == 0 ? f.double() : Double(f.byte() % 11) / 10
        options.keypointLabels = f.bool()
        let geometry = PictureGeometry(storedSize: picture.size, orientation: f.pick([.up, .right, .down, .left, .upMirrored]))
        _ = try? annotate(image: picture, analysis: analysis, options: options, geometry: geometry)
    }

    static func confidence(_ f: inout FuzzInput) -> Double? {
        switch f.byte() % 4 {
        case 0: return nil
        case 1: return f.double()
        default: return Double(f.byte()) / 255
        }
    }

    static func rect(_ f: inout FuzzInput) -> Rect { Rect(x: f.double(), y: f.double(), width: f.double(), height: f.double()) }

    static func region(_ f: inout FuzzInput, depth: Int) -> Region {
        let shape: RegionShape
        if f.bool() {
            shape = .box(rect(&f))
        } else {
            shape = .polygon((0..<f.int(in: 0...9)).map { _ in Point(x: f.double(), y: f.double()) })
        }
        var region = Region(
            kind: f.pick(RegionKind.allCases), label: f.string(), confidence: confidence(&f), shape: shape,
            units: f.bool() ? .pixels : .fractions, parents: (0..<f.int(in: 0...2)).map { _ in f.string(maxCount: 8) })
        if f.byte() % 4 == 0 { region.role = f.pick(["title", "sectionHeading", "pageFooter", "InvoiceTotal", ""]) }
        if region.kind == .tableCell || f.byte() % 8 == 0 {
            region.cell = TableCellPosition(
                row: f.int(in: -2...40), column: f.int(in: -2...40), rowSpan: f.int(in: 0...5), columnSpan: f.int(in: 0...5),
                kind: f.pick([.content, .columnHeader, .rowHeader, .stubHead, .description]))
        }
        switch f.byte() % 4 {
        case 0:
            region.mask = .polygons(
                (0..<f.int(in: 0...3)).map { _ in (0..<f.int(in: 0...8)).map { _ in Point(x: f.double(), y: f.double()) } })
        case 1:
            // A run-length mask over a small picture; counts that do not cover it are refused.
            let size = Size(width: f.int(in: 0...40), height: f.int(in: 0...40))
            let runs = (0..<f.int(in: 0...12)).map { _ in f.int(in: 0...200) }
            var covering = Array(runs.dropLast())
            covering.append(max(0, size.width * size.height - covering.reduce(0, +)))
            if let rle = RunLengthMask(size: size, counts: covering) { region.mask = .runLength(rle) }
        default: break
        }
        if f.byte() % 3 == 0 {
            region.keypoints = (0..<f.int(in: 0...20)).map { _ in
                Keypoint(
                    point: Point(x: f.double(), y: f.double()), visibility: f.pick([.absent, .occluded, .visible]),
                    confidence: confidence(&f), name: f.bool() ? f.string(maxCount: 10) : nil)
            }
            region.skeleton = (0..<f.int(in: 0...20)).map { _ in KeypointLink(f.int(in: -2...22), f.int(in: -2...22)) }
        }
        if depth < 2 { region.children = (0..<f.int(in: 0...4)).map { _ in Self.region(&f, depth: depth + 1) } }
        return region
    }
}
