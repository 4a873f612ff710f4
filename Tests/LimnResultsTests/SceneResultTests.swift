import Foundation
import LimnResults
import LimnTestSupport
import Testing

/// The project's own results (TestImages/results), one per vendor format, describe the scene
/// picture: every format maps to the same places.
@Suite struct SceneResultTests {
    func read(_ name: String) throws -> Analysis {
        try Analysis(contentsOfFile: RepositoryPaths.testImages + "/results/" + name)
    }
    /// The upright 800x520 scene's pixels.
    let scene = PictureGeometry(storedSize: Size(width: 800, height: 520))

    func near(_ a: Rect, _ b: Rect, _ tolerance: Double = 1.5) -> Bool {
        abs(a.x - b.x) <= tolerance && abs(a.y - b.y) <= tolerance && abs(a.width - b.width) <= tolerance
            && abs(a.height - b.height) <= tolerance
    }
    let car = Rect(x: 480, y: 290, width: 250, height: 156)
    let person1 = Rect(x: 100, y: 314, width: 40, height: 144)

    @Test func eachFormatIsDetected() throws {
        let expected: [(String, ResultFormat)] = [
            ("azure40-scene.json", .azure40), ("azure40-preview-scene.json", .azure40Preview), ("azure40-no-text.json", .azure40),
            ("azure32-analyze-scene.json", .azure32Analyze), ("azure32-read-scene.json", .azure32Read),
            ("azure32-ocr-scene.json", .azure32OCR),
            ("baidu-ocr-scene.json", .baiduOCR), ("baidu-bodyseg-scene.json", .baiduSegmentation),
            ("baidu-object-detect-scene.json", .baiduObjectDetect), ("google-scene.json", .googleVision),
            ("aws-labels-scene.json", .awsLabels), ("aws-text-scene.json", .awsText), ("aws-faces-scene.json", .awsFaces),
        ]
        for (file, format) in expected {
            let a = try read(file)
            #expect(a.format == format, "\(file)")
            #expect(a.vendor == format.vendor)
            // The caller may also say the format.
            let said = try Analysis(contentsOfFile: RepositoryPaths.testImages + "/results/" + file, format: format)
            #expect(said == a)
        }
    }

    @Test func theCarIsInTheSamePlaceForEveryVendor() throws {
        for file in [
            "azure40-scene.json", "azure32-analyze-scene.json", "google-scene.json", "aws-labels-scene.json",
            "baidu-object-detect-scene.json",
        ] {
            let a = try read(file).mapped(to: scene)
            let car = try #require(a.regions.first { ["car", "sedan", "Car", "subject"].contains($0.label) }, "\(file)")
            #expect(near(car.shape.bounds, self.car), "\(file): \(car.shape.bounds)")
            #expect(car.units == .pixels)
        }
    }

    @Test func textLinesHoldTheirWordsInEveryFormat() throws {
        let reference = try read("azure40-scene.json").mapped(to: scene).regions.filter { $0.kind == .textLine }
        #expect(reference.map(\.label) == ["BAKERY 面包店", "営業中", "SALE -30%"])
        #expect(reference.map { $0.children.map(\.label) } == [["BAKERY", "面包店"], ["営業中"], ["SALE", "-30%"]])
        // Vertical text: the polygon starts at the text's own top-left, the image's top-right.
        let vertical = reference[1].shape.points
        #expect(vertical[0].x > vertical[3].x && vertical[1].y > vertical[0].y)
        for file in ["azure40-preview-scene.json", "azure32-read-scene.json", "aws-text-scene.json", "baidu-ocr-scene.json"] {
            let lines = try read(file).mapped(to: scene).regions.filter { $0.kind == .textLine }
            #expect(lines.map(\.label) == reference.map(\.label), "\(file)")
            for (line, expected) in zip(lines, reference) {
                for (p, q) in zip(line.shape.points, expected.shape.points) {
                    #expect(abs(p.x - q.x) < 1.5 && abs(p.y - q.y) < 1.5, "\(file) \(line.label): \(p) vs \(q)")
                }
            }
            if file != "baidu-ocr-scene.json" {
                #expect(lines.map { $0.children.map(\.label) } == reference.map { $0.children.map(\.label) }, "\(file)")
            }
        }
        let google = try read("google-scene.json").mapped(to: scene)
        let block = try #require(google.regions.first { $0.kind == .textBlock })
        #expect(block.children.map(\.label) == ["BAKERY", "面包店", "営業中", "SALE", "-30%"])
        #expect(google.imageSize == Size(width: 800, height: 520))
    }

    @Test func theLegacyOCRIsTurnedBackAroundTheCenter() throws {
        let ocr = try read("azure32-ocr-scene.json")
        #expect(ocr.textAngle == SceneResults.ocrTextAngle)
        let mapped = ocr.mapped(to: scene)
        let board = try #require(mapped.regions.first)
        #expect(board.label == "SALE -30%")
        // The box was measured level in the turned image; turned back it is the tilted board's text.
        let reference = try read("azure40-scene.json").mapped(to: scene).regions.filter { $0.kind == .textLine }[2]
        let c1 = center(board.shape.points), c2 = center(reference.shape.points)
        #expect(abs(c1.x - c2.x) < 2 && abs(c1.y - c2.y) < 2)
        guard case .polygon(let p) = board.shape else { Issue.record("a turned box is a polygon"); return }
        let slope = atan2(p[1].y - p[0].y, p[1].x - p[0].x) * 180 / .pi
        #expect(abs(slope - (-SceneResults.ocrTextAngle)) < 1e-6)
    }

    func center(_ p: [Point]) -> Point {
        Point(x: p.map(\.x).reduce(0, +) / Double(p.count), y: p.map(\.y).reduce(0, +) / Double(p.count))
    }

    @Test func everythingElseEachVendorSays() throws {
        let a = try read("azure40-scene.json")
        #expect(a.captions.first?.text == "a street with a bakery, two people and a blue car")
        #expect(a.tags.count == 7 && a.cropSuggestions.map(\.aspectRatio) == [1.0, 1.78, 0.5])
        #expect(
            a.regions.filter { $0.kind == .person }.compactMap(\.confidence).filter { $0 < 0.01 }.count == 2,
            "near-zero people are kept; annotators filter")
        #expect(a.regions.filter { $0.kind == .denseCaption }.count == 5)
        let preview = try read("azure40-preview-scene.json")
        #expect(preview.regions.contains { $0.label == "door" } && preview.tags.map(\.name) == ["storefront"])
        let noText = try read("azure40-no-text.json")
        #expect(noText.regions.filter { $0.kind == .textLine }.isEmpty && noText.regions.count == 3)
        let v32 = try read("azure32-analyze-scene.json")
        #expect(v32.regions.first { $0.label == "sedan" }?.parents == ["car", "Land vehicle", "Vehicle"])
        #expect(v32.regions.filter { $0.kind == .face }.count == 2 && v32.regions.filter { $0.kind == .celebrity }.count == 1)
        #expect(v32.cropSuggestions.count == 1)
        let body = try read("baidu-bodyseg-scene.json").mapped(to: scene)
        #expect(body.encodedMattes.map(\.field) == ["scoremap", "labelmap"])
        #expect(near(body.regions[0].shape.bounds, person1) && body.regions[0].confidence == 0.98)
        let labels = try read("aws-labels-scene.json")
        #expect(labels.tags.count == 4 && labels.tags[0] == Tag(name: "Car", confidence: 0.982))
        #expect(labels.regions.filter { $0.kind == .person }.count == 2 && labels.regions[0].parents == ["Vehicle", "Transportation"])
        let faces = try read("aws-faces-scene.json").mapped(to: scene)
        #expect(faces.regions.count == 2 && near(faces.regions[0].shape.bounds, Rect(x: 104, y: 314, width: 32, height: 32)))
        let google = try read("google-scene.json").mapped(to: scene)
        // The crop hint's first vertex had both zeros dropped.
        #expect(google.cropSuggestions.first?.box == Rect(x: 0, y: 0, width: 520, height: 520))
        #expect(google.regions.filter { $0.kind == .face }.count == 2 && google.tags.first?.name == "Outdoor")
    }

    @Test func errorResponsesSayWhatTheServiceSaid() {
        #expect(
            throws: ResultsError.serviceError(
                source: RepositoryPaths.testImages + "/results/azure40-error.json", vendor: "Azure AI Vision",
                code: "InvalidRequest", message: "The provided image url is not accessible.")
        ) {
            try read("azure40-error.json")
        }
        for (json, vendor) in [
            (#"{"error_code": 110, "error_msg": "Access token invalid or no longer valid"}"#, "Baidu AI"),
            (#"{"__type": "InvalidImageFormatException", "Message": "Request has invalid image format"}"#, "AWS Rekognition"),
            (#"{"responses": [{"error": {"code": 3, "message": "Bad image data."}}]}"#, "Google Cloud Vision"),
        ] {
            do {
                _ = try Analysis(json: Data(json.utf8), source: "reply.json")
                Issue.record("no error for \(json)")
            } catch {
                guard let error = error as? ResultsError else { Issue.record("\(error)"); continue }
                guard case .serviceError(_, let v, _, _) = error else { Issue.record("\(error)"); continue }
                #expect(v == vendor)
                #expect(error.description.hasPrefix("reply.json: this is an error response from \(vendor)"))
            }
        }
    }
}
