import Foundation
import LimnCodecs
import LimnRaster
import LimnResults
import LimnTestSupport
import Testing

@testable import LimnAnnotate

/// Each annotator drawn on the scene (TestImages/scene) from the project's own results, compared
/// with reviewed pictures in TestImages/Golden/Annotate.
@Suite struct AnnotatorGoldenTests {
    static let scene: Image? = try? ImageDecoder.decode(file: RepositoryPaths.testImages + "/scene/street.png").image

    func draw(_ result: String, _ options: AnnotationOptions) throws -> Image {
        let scene = try #require(Self.scene)
        let analysis = try Analysis(contentsOfFile: RepositoryPaths.testImages + "/results/" + result)
            .mapped(to: PictureGeometry(storedSize: Size(width: scene.width, height: scene.height)))
        return try Annotator.annotate(scene, with: analysis, options: options)
    }

    func check(_ image: Image, _ name: String) {
        let mismatch = Golden.mismatch(image, suite: "Annotate", name: name)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func everyFeatureWithTheDefaults() throws { check(try draw("azure40-scene.json", AnnotationOptions()), "azure40-all") }

    @Test func boxStyles() throws {
        for style in AnnotationOptions.BoxStyle.allCases {
            check(
                try draw("azure32-analyze-scene.json", AnnotationOptions(features: [.objects, .people, .faces, .brands], boxStyle: style)),
                "boxes-\(style.rawValue)")
        }
    }

    @Test func confidenceAsOpacityAndDashes() throws {
        var options = AnnotationOptions(features: [.people], minimumConfidence: 0, confidenceStyle: .dashing)
        check(try draw("azure40-scene.json", options), "confidence-dashing")
        options.confidenceStyle = .opacity
        check(try draw("azure40-scene.json", options), "confidence-opacity")
    }

    @Test func denseCaptions() throws {
        check(try draw("azure40-scene.json", AnnotationOptions(features: [.denseCaptions])), "dense-captions")
    }

    @Test func textModes() throws {
        check(try draw("azure40-scene.json", AnnotationOptions(features: [.text], colorTextByConfidence: true)), "ocr-outline")
        check(try draw("azure32-read-scene.json", AnnotationOptions(features: [.text], textMode: .text)), "ocr-text")
        check(try draw("aws-text-scene.json", AnnotationOptions(features: [.text], textMode: .sideBySide)), "ocr-side-by-side")
        check(try draw("azure32-ocr-scene.json", AnnotationOptions(features: [.text], textMode: .text)), "ocr-legacy-turned")
    }

    static let document: Image? = try? ImageDecoder.decode(file: RepositoryPaths.testImages + "/document/invoice.png").image

    func documentResult(_ name: String, on page: Image) throws -> Analysis {
        try Analysis(contentsOfFile: RepositoryPaths.testImages + "/document/" + name).mapped(to: PictureGeometry(storedSize: page.size))
    }

    /// The invoice's structure from Document Intelligence: the table grid with its tinted header
    /// and merged total, key–value leaders, the checked and the empty box, the title and footer
    /// roles and the invoice fields named, lines numbered in reading order.
    @Test func documentStructure() throws {
        let page = try #require(Self.document)
        var options = AnnotationOptions()
        options.readingOrder = true
        check(
            try Annotator.annotate(page, with: try documentResult("document-intelligence.json", on: page), options: options),
            "document-structure")
    }

    /// The invoice from Textract (fractions; the total a merged cell; layout roles) with its text
    /// typeset in place, and from Google's full text side by side with a clean page.
    @Test func documentFromTextractAndGoogle() throws {
        let page = try #require(Self.document)
        check(
            try Annotator.annotate(
                page, with: try documentResult("textract.json", on: page), options: AnnotationOptions(textMode: .text)),
            "document-textract")
        check(
            try Annotator.annotate(
                page, with: try documentResult("google.json", on: page), options: AnnotationOptions(textMode: .sideBySide)),
            "document-google")
    }

    /// The invoice from Content Understanding (every position a `D(...)` source), and from the
    /// open engines: EasyOCR's lines colored by confidence, PaddleOCR's outlined.
    @Test func documentFromContentUnderstandingAndOpenEngines() throws {
        let page = try #require(Self.document)
        var options = AnnotationOptions(features: [.text, .tables, .forms, .layout])
        check(
            try Annotator.annotate(page, with: try documentResult("content-understanding.json", on: page), options: options),
            "document-content-understanding")
        options = AnnotationOptions(features: [.text], minimumConfidence: 0, colorTextByConfidence: true)
        check(try Annotator.annotate(page, with: try documentResult("easyocr.json", on: page), options: options), "document-easyocr")
        check(
            try Annotator.annotate(
                page, with: try documentResult("paddleocr.json", on: page), options: AnnotationOptions(features: [.text])),
            "document-paddleocr")
    }

    /// Document Intelligence against Tesseract on the invoice: the misread "1O42" changed, the
    /// missed "Shipped" only in Document Intelligence, table rows matched cell by cell.
    @Test func ocrComparison() throws {
        let page = try #require(Self.document)
        let comparison = OCRComparison(
            try documentResult("document-intelligence.json", on: page), try documentResult("tesseract.hocr", on: page))
        #expect(comparison.count(.changed) == 1 && comparison.count(.onlyInFirst) == 1 && comparison.count(.onlyInSecond) == 0)
        #expect(comparison.words.first { $0.status == .changed }.map { [$0.text, $0.other ?? ""] } == ["1042", "1O42"])
        check(try Annotator.annotate(page, comparing: comparison), "ocr-compare")
    }

    @Test func panelsAndThemes() throws {
        check(
            try draw("azure40-scene.json", AnnotationOptions(features: [.caption, .tags], bannerPosition: .above, theme: .dark)),
            "caption-tags-dark")
        check(try draw("google-scene.json", AnnotationOptions(features: [.objects, .faces, .legend, .tags])), "google-legend")
    }

    @Test func privacyAndCrops() throws {
        check(try draw("azure40-scene.json", AnnotationOptions(features: [.people], privacy: .blur)), "privacy-blur")
        check(try draw("aws-faces-scene.json", AnnotationOptions(features: [.faces], privacy: .pixelate)), "privacy-pixelate")
        check(try draw("azure40-scene.json", AnnotationOptions(features: [.smartCrops])), "smart-crops")
    }
}

@Suite struct AnnotatorPropertyTests {
    let scene = AnnotatorGoldenTests.scene
    func analysis(_ name: String) throws -> Analysis {
        try Analysis(contentsOfFile: RepositoryPaths.testImages + "/results/" + name).mapped(
            to: PictureGeometry(storedSize: Size(width: 800, height: 520)))
    }

    @Test func theSameInputsGiveTheSamePixels() throws {
        let scene = try #require(self.scene)
        let a = try Annotator.annotate(scene, with: try analysis("azure40-scene.json"))
        let b = try Annotator.annotate(scene, with: try analysis("azure40-scene.json"))
        #expect(a == b)
        // Panels add height below the picture; the picture's width is kept.
        #expect(a.width == 800 && a.height > 520)
    }

    @Test func thresholdAndTopK() throws {
        let a = try analysis("azure40-scene.json")
        #expect(Selection(a, options: AnnotationOptions(features: [.people])).detections.count == 2)
        #expect(Selection(a, options: AnnotationOptions(features: [.people], minimumConfidence: 0)).detections.count == 4)
        let top = Selection(a, options: AnnotationOptions(features: [.people], minimumConfidence: 0, topK: 3)).detections
        // The three most confident, in the service's order.
        #expect(top.compactMap(\.confidence) == [0.95, 0.91, 0.0031])
        #expect(Selection(a, options: AnnotationOptions(features: [.objects])).detections.map(\.label) == ["car", "person", "person"])
        #expect(Selection(a, options: AnnotationOptions(features: [])).detections.isEmpty)
    }

    @Test func anUnmappedResultIsMappedOntoThePicture() throws {
        let scene = try #require(self.scene)
        let raw = try Analysis(contentsOfFile: RepositoryPaths.testImages + "/results/aws-faces-scene.json")
        #expect(try Annotator.annotate(scene, with: raw) == Annotator.annotate(scene, with: try analysis("aws-faces-scene.json")))
    }

    @Test func nothingSelectedLeavesThePictureAlone() throws {
        let scene = try #require(self.scene)
        #expect(try Annotator.annotate(scene, with: try analysis("azure40-scene.json"), options: AnnotationOptions(features: [])) == scene)
        let empty = Analysis(vendor: .awsRekognition, format: .awsLabels, imageSize: nil)
        #expect(try Annotator.annotate(scene, with: empty) == scene)
    }

    @Test func thousandsOfRegionsStayLinear() throws {
        // Chips stop at `maximumLabels`; every outline is still drawn.
        var regions: [Region] = []
        for i in 0..<5_000 {
            let x = Double(i % 90) * 10, y = Double((i * 7) % 80) * 10
            let box = Rect(x: x, y: y, width: 20, height: 40)
            regions.append(Region(kind: .person, label: "person", confidence: 0.5 + Double(i % 50) / 100, shape: .box(box)))
        }
        let analysis = Analysis(
            vendor: .azureImageAnalysis40, format: .azure40, imageSize: Size(width: 1000, height: 1000), regions: regions)
        let drawn = try Annotator.annotate(
            Image(width: 1000, height: 1000, fill: .white), with: analysis,
            options: AnnotationOptions(features: [.people]))
        #expect(drawn.size == Size(width: 1000, height: 1000))
        #expect(Annotator.maximumLabels == 300)
    }

    @Test func stablePaletteAndLegibleChips() {
        #expect(Palette.standard.color(for: "car") == Palette.standard.color(for: "Car"))
        #expect(Palette.standard.color(for: "car") != Palette.standard.color(for: "person"))
        #expect(Palette(colors: [Pixel(r: 1, g: 2, b: 3)]).color(for: "anything") == Pixel(r: 1, g: 2, b: 3))
        #expect(abs(Contrast.ratio(.black, .white) - 21) < 1e-9)
        #expect(abs(Contrast.ratio(Pixel(r: 119, g: 119, b: 119), .white) - 4.48) < 0.01)
        #expect(Contrast.text(on: Pixel(r: 255, g: 215, b: 0)) != .white)
        #expect(Contrast.text(on: Pixel(r: 0, g: 0, b: 128)) == .white)
        // The better of near-black and white reaches at least ~4.3:1 on any color (the worst
        // case is a mid-luminance color); the palette's chips all do.
        for color in Palette.standard.colors { #expect(Contrast.ratio(Contrast.text(on: color), color) >= 4.0) }
        #expect(Palette.confidence(0) == Pixel(r: 220, g: 40, b: 40) && Palette.confidence(1) == Pixel(r: 40, g: 170, b: 70))
    }

    @Test func chipsStayInsideAndApartInACrowd() {
        let bounds = Rect(x: 0, y: 0, width: 400, height: 300)
        let boxes = (0..<30).map { i in Rect(x: Double(i % 6) * 60 + 10, y: Double(i / 6) * 55 + 8, width: 50, height: 40) }
        var placer = LabelPlacer(bounds: bounds, obstacles: boxes)
        var rects: [Rect] = []
        for box in boxes { rects.append(placer.place((44, 14), for: box, gap: 3).rect) }
        for r in rects { #expect(r.minX >= 0 && r.minY >= 0 && r.maxX <= 400 && r.maxY <= 300) }
        var overlaps = 0
        for i in 0..<rects.count { for j in (i + 1)..<rects.count where rects[i].intersection(rects[j]) != nil { overlaps += 1 } }
        #expect(overlaps == 0)
        // A lone box gets its chip right above it, touching, with no leader line.
        var lone = LabelPlacer(bounds: bounds, obstacles: [])
        let placed = lone.place((40, 12), for: Rect(x: 100, y: 100, width: 80, height: 60), gap: 3)
        #expect(placed.rect == Rect(x: 100, y: 88, width: 40, height: 12) && !placed.detached)
    }

    @Test func privacyTouchesOnlyTheBoxes() throws {
        let scene = try #require(self.scene)
        let faces = try analysis("aws-faces-scene.json")
        var image = scene
        PrivacyFilter.apply(.blur, to: faces.regions, on: &image)
        let boxes = faces.regions.map { $0.shape.bounds }
        var changedInside = 0
        for y in 0..<520 {
            for x in 0..<800 {
                let p = Point.center(ofPixelAt: x, y)
                let inside = boxes.contains { $0.insetBy(-1).contains(p) }
                if !inside { #expect(image[x, y] == scene[x, y]) } else if image[x, y] != scene[x, y] { changedInside += 1 }
            }
        }
        #expect(changedInside > 500)
    }

    /// Found by the fuzzer (TestImages/broken/fuzz/annotate/): a huge `scale` made a panel's
    /// height infinite, a confidence of 1e300 or a crop ratio of 1e300 overflowed `Int`. Scales are
    /// clamped, confidences outside 0…1 show as the nearest end, and ratios past 100,000 as "?".
    @Test func extremeNumbersDrawInsteadOfTrapping() throws {
        for scale in [Double.greatestFiniteMagnitude, 1e300, .infinity, .nan, -1, 0, 1e-300] {
            let m = Metrics(width: 1000, height: 600, scale: scale)
            let expected =
                scale.isFinite && scale > 0
                ? Metrics(width: 1000, height: 600, scale: scale > 1 ? 10 : 0.1) : Metrics(width: 1000, height: 600, scale: 1)
            #expect(m.fontSize == expected.fontSize && m.lineWidth == expected.lineWidth, "scale \(scale)")
        }
        #expect(labelText("car", 1e300, show: true) == "car 100%" && labelText("car", -3, show: true) == "car 0%")
        #expect(labelText("car", .nan, show: true) == "car" && labelText("car", .infinity, show: true) == "car")
        #expect(CropLayer.ratioName(1e300) == "?" && CropLayer.ratioName(99_999.5) == "99999.50")
        let picture = Image(width: 40, height: 30, fill: .white)
        let analysis = Analysis(
            vendor: .azureImageAnalysis40, format: .azure40, imageSize: nil, captions: [Caption(text: "a", confidence: .infinity)],
            tags: [Tag(name: "t", confidence: 1e300)],
            regions: [Region(kind: .object, label: "o", confidence: .nan, shape: .box(Rect(x: 1, y: 1, width: 10, height: 10)))],
            cropSuggestions: [CropSuggestion(aspectRatio: 1e300, box: Rect(x: 0, y: 0, width: 40, height: 30))])
        for scale in [1e300, 1] {
            let drawn = try Annotator.annotate(
                picture, with: analysis, options: AnnotationOptions(minimumConfidence: 0, scale: scale))
            #expect(drawn.width == 40 && drawn.height > 30 && drawn.height < 30 + 4_000, "scale \(scale): \(drawn.size)")
        }
    }

    @Test func sizesFollowThePicture() {
        let small = Metrics(width: 1000, height: 600, scale: 1), large = Metrics(width: 4000, height: 2400, scale: 1)
        #expect(abs(large.fontSize / small.fontSize - 4) < 1e-9 && abs(large.lineWidth / small.lineWidth - 4) < 1e-9)
        let tiny = Metrics(width: 200, height: 100, scale: 1)
        #expect(tiny.fontSize >= 10 && tiny.lineWidth >= 1.25, "floors keep small pictures legible")
        #expect(labelText("person", 0.0031, show: true) == "person 0.3%" && labelText("car", 0.914, show: true) == "car 91%")
        #expect(labelText("", nil, show: true) == "?" && labelText("car", 0.5, show: false) == "car" && percentage(0.0996) == "10%")
        #expect(
            CropLayer.ratioName(16.0 / 9) == "16:9" && CropLayer.ratioName(1.005) == "1:1" && CropLayer.ratioName(5.27) == "5.27"
                && CropLayer.ratioName(0.9) == "0.90")
    }
}

extension Rect {
    func insetBy(_ d: Double) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
}
