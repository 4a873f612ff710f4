import Foundation
import LimnResults
import Testing

/// Every real response in ../shared/fixtures parses and maps, with counts and coordinates checked.
@Suite(.enabled(if: Fixtures.isPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
struct FixtureTests {
    func read(_ name: String) throws -> Analysis { try Analysis(contentsOfFile: Fixtures.path(name)) }

    /// The fixture folders whose files are results as they are. COCO's files describe many
    /// pictures and Florence-2's are wrapped lists of answers: DetectorResultTests reads those.
    static let readFolders = [
        "azure-rest-api-specs", "azure-sdk-for-python", "azure-ai-docs", "baidu", "azure-document-intelligence", "aws-textract",
        "google-vision", "azure-content-understanding", "easyocr", "ultralytics",
    ]

    @Test func everyFixtureParses() throws {
        let files = Self.readFolders.flatMap { name in
            FileManager.default.enumerator(at: URL(fileURLWithPath: Fixtures.folder + "/" + name), includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" } ?? []
        }
        #expect(files.count >= 24)
        for file in files where file.lastPathComponent != "cv32_SuccessfulReadWithUrl.json" {
            let analysis = try Analysis(contentsOfFile: file.path)
            let hasContent =
                !analysis.regions.isEmpty || !analysis.captions.isEmpty || !analysis.tags.isEmpty
                || !analysis.cropSuggestions.isEmpty || !analysis.encodedMattes.isEmpty || !analysis.unplacedText.isEmpty
            #expect(hasContent, "\(file.lastPathComponent) mapped to nothing")
        }
        // The Read call itself answers 202 with an Operation-Location and no body: not a result.
        do {
            _ = try Analysis(contentsOfFile: Fixtures.path("azure-rest-api-specs/cv32_SuccessfulReadWithUrl.json"))
            Issue.record("a 202 example read as a result")
        } catch {
            guard let error = error as? ResultsError else { Issue.record("\(error)"); return }
            guard case .unrecognised(_, let detail) = error else { Issue.record("\(error)"); return }
            #expect(detail.contains("202"))
        }
    }

    @Test func azure40MaximumSet() throws {
        let a = try read("azure-rest-api-specs/ia40_AnalyzeFromImageData_MaximumSet.json")
        #expect(a.format == .azure40 && a.modelVersion == "2023-10-01")
        #expect(a.imageSize == Size(width: 864, height: 576))
        #expect(a.captions == [Caption(text: "a woman wearing a mask sitting at a table with a laptop", confidence: 0.8498482704162598)])
        #expect(a.tags.count == 14 && a.tags[0] == Tag(name: "furniture", confidence: 0.9874445199966431))
        let kinds = Dictionary(grouping: a.regions, by: \.kind).mapValues(\.count)
        #expect(kinds == [.denseCaption: 10, .object: 5, .person: 2, .textLine: 3])
        let chair = try #require(a.regions.first { $0.kind == .object })
        #expect(chair.label == "chair" && chair.confidence == 0.618 && chair.shape == .box(Rect(x: 603, y: 225, width: 152, height: 224)))
        let lines = a.regions.filter { $0.kind == .textLine }
        #expect(lines.map(\.label) == ["Sample text", "Hand writing", "123 456"])
        #expect(lines[0].children.map(\.label) == ["Sample", "text"])
        #expect(
            lines[0].children[0].shape
                == .polygon([Point(x: 722, y: 503), Point(x: 785, y: 503), Point(x: 785, y: 520), Point(x: 722, y: 520)]))
        #expect(lines[0].children[0].confidence == 0.993)
        #expect(a.cropSuggestions.count == 2)
    }

    @Test func azure40ToleranceCasesAndDocumentationShapes() throws {
        let gen = try read("azure-rest-api-specs/ia40_AnalyzeFromBuffer_MaximumSet_Gen.json")
        #expect(gen.imageSize == Size(width: 24, height: 8))
        #expect(gen.regions.filter { $0.kind == .textLine }.map(\.label) == ["zb"])
        #expect(gen.cropSuggestions.first?.aspectRatio == nil, "a ratio of 0 means none")
        let flattened = try read("azure-ai-docs/ia40_objects_windows-kitchen_1260x473_DOC-SHAPE-NOT-GA.json")
        #expect(
            flattened.regions.count == 4 && flattened.regions[0].label == "kitchen appliance" && flattened.regions[0].confidence == 0.501)
        let people = try read("azure-ai-docs/ia40_people_family_photo_300x231.json")
        #expect(people.regions.count == 4 && people.regions.allSatisfy { $0.kind == .person })
        #expect(people.regions[3].confidence == 0.2713555097579956)
        let dense = try read("azure-ai-docs/ia40_denseCaptions_farm_850x567.json")
        #expect(dense.regions.count == 6 && dense.regions[1].shape == .box(Rect(x: 132, y: 266, width: 209, height: 219)))
    }

    @Test func azure32Analyze() throws {
        let a = try read("azure-rest-api-specs/cv32_SuccessfulAnalyzeImageWithUrl.json")
        #expect(a.format == .azure32Analyze && a.imageSize == Size(width: 1500, height: 1000))
        #expect(a.captions.first?.text == "Satya Nadella sitting on a bench")
        #expect(a.tags.count == 5)
        let face = try #require(a.regions.first { $0.kind == .face })
        #expect(face.shape == .box(Rect(x: 593, y: 160, width: 250, height: 250)))
        let tree = try #require(a.regions.first { $0.kind == .object })
        #expect(tree.label == "tree" && tree.parents == ["plant"])
        #expect(a.regions.filter { $0.kind == .brand }.count == 2)
        let kitchen = try read("azure-ai-docs/cv32_objects_windows-kitchen_1260x473.json")
        #expect(kitchen.regions.map(\.label) == ["kitchen appliance", "computer keyboard", "Laptop", "person"])
        #expect(kitchen.regions[2].parents == ["computer"])
        let faces = try read("azure-ai-docs/cv32_faces_woman_roof_300x200.json")
        #expect(
            faces.regions == [Region(kind: .face, label: "face", confidence: nil, shape: .box(Rect(x: 194, y: 45, width: 44, height: 44)))])
    }

    @Test func azure32ReadAndOCR() throws {
        let readOperation = try read("azure-rest-api-specs/cv32_SuccessfulGetReadResult.json")
        #expect(readOperation.format == .azure32Read && readOperation.imageSize == Size(width: 600, height: 400))
        #expect(readOperation.regions.count == 4)
        #expect(readOperation.regions[0].label == "Our greatest glory is not" && readOperation.regions[0].children.count == 5)
        let tabs = try read("azure-ai-docs/cv32_read_tabs-vs_502x252.json")
        #expect(
            tabs.regions[0].shape == .polygon([Point(x: 58, y: 42), Point(x: 314, y: 59), Point(x: 311, y: 123), Point(x: 56, y: 121)]))
        #expect(tabs.regions[0].children.map(\.label) == ["Tabs", "vs"])
        let ocr = try read("azure-rest-api-specs/cv32_SuccessfulRecognizePrintedTextWithUrl.json")
        #expect(ocr.format == .azure32OCR && ocr.textAngle == -2.0000000000000338)
        #expect(ocr.regions.map(\.label) == ["A GOAL WITHOUT", "A PLAN IS", "JUST A WISH"])
        #expect(ocr.regions[0].shape == .box(Rect(x: 462, y: 379, width: 497, height: 74)))
    }

    @Test func azure32AreaOfInterestAndDescribe() throws {
        let describe = try read("azure-rest-api-specs/cv32_SuccessfulDescribeImageWithUrl.json")
        #expect(describe.captions.count == 3 && describe.tags.map(\.name).contains("person"))
        let objects = try read("azure-rest-api-specs/cv32_SuccessfulDetectObjectsWithUrl.json")
        #expect(!objects.regions.isEmpty)
    }

    @Test func baidu() throws {
        let detect = try read("baidu/object_detect_doc_example.json")
        #expect(detect.format == .baiduObjectDetect)
        #expect(
            detect.regions == [
                Region(kind: .subject, label: "subject", confidence: nil, shape: .box(Rect(x: 134, y: 76, width: 486, height: 394)))
            ])
        let located = try read("baidu/ocr_general_with_location_real_CONVERTED-from-python-repr.json")
        #expect(located.format == .baiduOCR && located.regions.count == 3)
        #expect(located.regions[0].label == "No" && located.regions[0].shape == .box(Rect(x: 795, y: 29, width: 53, height: 28)))
        let basic = try read("baidu/ocr_general_basic_real_CONVERTED-from-python-repr.json")
        #expect(basic.regions.isEmpty && basic.unplacedText.count == 3 && basic.unplacedText[0] == "No")
        let probability = try read("baidu/ocr_general_basic_probability_comment-example.json")
        #expect(probability.unplacedText == ["百度"])
        // The documentation's "xxxx" placeholders are base64 of three bytes: read, not images
        // (decoding them as a matte fails later, naming the field).
        let placeholders = try read("baidu/body_seg_doc_example_placeholders.json")
        #expect(placeholders.encodedMattes.map(\.field) == ["foreground", "scoremap", "labelmap"])
    }
}
