import Foundation
import Limn
import LimnTestSupport
import Testing

/// Document OCR results (Document Intelligence v4, Textract): read from the published
/// responses in ../shared/fixtures when present, and from small hostile documents made here.
@Suite struct DocumentResultTests {
    static let fixtures = RepositoryPaths.shared + "/fixtures/"
    static var fixturesPresent: Bool { FileManager.default.fileExists(atPath: fixtures) }

    static func analysis(_ json: String, page: Int = 1) throws -> Analysis {
        try Analysis(json: Data(json.utf8), source: "test.json", page: page)
    }

    static func regions(_ a: Analysis, _ kind: RegionKind) -> [Region] { a.regions.filter { $0.kind == kind } }

    /// Darkest pixel (0 black … 255 white) inside `box` on `image`.
    static func darkest(_ image: Image, in box: Rect) -> Int {
        var least = 255
        let x0 = max(0, Int(box.minX.rounded(.up))), x1 = min(image.width - 1, Int(box.maxX.rounded(.down)))
        let y0 = max(0, Int(box.minY.rounded(.up))), y1 = min(image.height - 1, Int(box.maxY.rounded(.down)))
        guard x0 <= x1, y0 <= y1 else { return 255 }
        for y in y0...y1 {
            for x in x0...x1 {
                let p = image[x, y]
                least = min(least, (Int(p.r) * 299 + Int(p.g) * 587 + Int(p.b) * 114) / 1000)
            }
        }
        return least
    }

    // MARK: Textract

    /// Textract's fractions on the 1226×1514 page they describe: the title line's box read off
    /// the picture, every word on ink, the checked box on its cross, the merged header cell one cell.
    @Test(.enabled(if: fixturesPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func textractAnalyzeDocumentLandsOnItsPage() throws {
        let page = try ImageDecoder.decode(file: Self.fixtures + "aws-textract/single-page-1.png").image
        #expect(page.size == Size(width: 1226, height: 1514))
        let read = try Analysis(contentsOfFile: Self.fixtures + "aws-textract/textractor_AnalyzeDocument_TABLES-FORMS_single-page-1.json")
        #expect(read.vendor == .awsTextract && read.format == .textract && read.page == 1 && read.pageCount == 1)
        #expect(read.regions.allSatisfy { $0.units == .fractions })
        let a = read.mapped(to: PictureGeometry(storedSize: page.size))

        let lines = Self.regions(a, .textLine)
        #expect(lines.count == 24 && lines.flatMap(\.children).count == 51)
        // "Textractor Test", read off the picture: ink from x 199 to 1026, y 158 to 256.
        let title = try #require(lines.first)
        #expect(title.label == "Textractor Test")
        let t = title.shape.bounds
        #expect(abs(t.minX - 199) < 4 && abs(t.minY - 158) < 4 && abs(t.maxX - 1026) < 4 && abs(t.maxY - 256) < 4, "\(t)")
        for word in lines.flatMap(\.children) {
            #expect(Self.darkest(page, in: word.shape.bounds) < 120, "\(word.label) at \(word.shape.bounds) holds no ink")
        }

        let tables = Self.regions(a, .table)
        #expect(tables.count == 1)
        let cells = try #require(tables.first).children
        // 15 cells, two of them merged into one header cell.
        #expect(cells.count == 14)
        let merged = try #require(cells.first { $0.cell?.columnSpan == 2 })
        #expect(merged.cell == TableCellPosition(row: 0, column: 1, rowSpan: 1, columnSpan: 2, kind: .columnHeader))
        #expect(merged.label == "Cell 2")
        #expect(Set(cells.compactMap { $0.cell.map { [$0.row, $0.column] } }).count == 14)

        let keys = Self.regions(a, .formKey)
        #expect(keys.count == 7 && keys.allSatisfy { $0.children.count == 1 && $0.children[0].kind == .formValue })
        let date = try #require(keys.first { $0.label.hasPrefix("Date") })
        #expect(date.children[0].label == "08/14/2022")

        let marks = Self.regions(a, .selectionMark)
        #expect(marks.map(\.label).sorted() == ["selected", "unselected"])
        // The checked box holds a cross; the other is empty inside its border.
        for mark in marks {
            let b = mark.shape.bounds
            let inner = Rect(x: b.minX + b.width * 0.3, y: b.minY + b.height * 0.3, width: b.width * 0.4, height: b.height * 0.4)
            let ink = Self.darkest(page, in: inner)
            #expect(mark.label == "selected" ? ink < 120 : ink > 200, "\(mark.label): \(ink)")
        }
    }

    @Test(.enabled(if: fixturesPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func textractResultsOfEveryShapeRead() throws {
        let text = try Analysis(contentsOfFile: Self.fixtures + "aws-textract/textractor_DetectDocumentText_single-page-1.json")
        let analyzed = try Analysis(
            contentsOfFile: Self.fixtures + "aws-textract/textractor_AnalyzeDocument_TABLES-FORMS_single-page-1.json")
        #expect(Self.regions(text, .textLine).map(\.label) == Self.regions(analyzed, .textLine).map(\.label))
        // Every key of an SDK serialization present, most of them null.
        let nulls = try Analysis(contentsOfFile: Self.fixtures + "aws-textract/trp_AnalyzeDocument_TABLES_issue83_warnings-nexttoken.json")
        #expect(Self.regions(nulls, .textLine).count == 12 && Self.regions(nulls, .table).first?.children.count == 4)
        let form = try Analysis(contentsOfFile: Self.fixtures + "aws-textract/trp_AnalyzeDocument_FORMS-TABLES_employment-application.json")
        #expect(Self.regions(form, .table).first?.children.count == 20 && Self.regions(form, .formKey).count == 4)
    }

    // MARK: Document Intelligence

    /// The v4 invoice (8.5×11 inches) on a 200-dpi picture of it: the first word at its inches
    /// times 200, every word in the line whose span holds it, tables with header rows, fields by name.
    @Test(.enabled(if: fixturesPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func documentIntelligenceInchesLandOnThePicture() throws {
        let read = try Analysis(
            contentsOfFile: Self.fixtures
                + "azure-document-intelligence/azure-rest-api-specs_2025-09-01_GetAnalyzeDocumentResult_REASSEMBLED.json")
        #expect(read.vendor == .azureDocumentIntelligence && read.modelVersion == "prebuilt-invoice" && read.imageSize == nil)
        let a = read.mapped(to: PictureGeometry(storedSize: Size(width: 1700, height: 2200)))
        let lines = Self.regions(a, .textLine)
        #expect(lines.count == 79 && lines.flatMap(\.children).count == 145)
        let first = try #require(lines.first?.children.first)
        #expect(first.label == "CONTOSO")
        // polygon [0.5911, 0.6857, 1.7451, 0.6857, …] inches.
        let p = first.shape.points[0], q = first.shape.points[1]
        #expect(abs(p.x - 118.22) < 1e-6 && abs(p.y - 137.14) < 1e-6 && abs(q.x - 349.02) < 1e-6)
        // Every line's words spell the line.
        for line in lines where !line.children.isEmpty {
            #expect(line.children.map(\.label).joined(separator: " ") == line.label, "\(line.label)")
        }
        let tables = Self.regions(a, .table)
        #expect(tables.map(\.children.count) == [32, 12, 10])
        #expect(tables[0].children.filter { $0.cell?.row == 0 }.allSatisfy { $0.cell?.kind == .columnHeader })
        let total = try #require(Self.regions(a, .field).first { $0.role == "AmountDue" })
        #expect(total.label == "$610.00" && abs(total.shape.points[0].x - 7.3842 * 200) < 1e-6)
        #expect(Self.regions(a, .field).contains { $0.role == "Items[0].Amount" })
        #expect(Self.regions(a, .selectionMark).map(\.label) == ["unselected"])
    }

    @Test(.enabled(if: fixturesPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func aPageTheResultDoesNotHaveIsAnError() throws {
        let path = Self.fixtures + "azure-document-intelligence/azure-rest-api-specs_2025-09-01_GetAnalyzeDocumentResult_REASSEMBLED.json"
        #expect(throws: ResultsError.noSuchPage(source: path, page: 2, pages: 1)) { try Analysis(contentsOfFile: path, page: 2) }
        let picture = RepositoryPaths.testImages + "/results/azure40-scene.json"
        #expect(throws: ResultsError.noSuchPage(source: picture, page: 3, pages: 1)) { try Analysis(contentsOfFile: picture, page: 3) }
    }

    /// A pixel page keeps pixels and says its size; parts on another page are left out.
    @Test func documentIntelligencePixelPagesAndPageChoice() throws {
        let json = """
            {"status": "succeeded", "analyzeResult": {"apiVersion": "2024-11-30", "modelId": "prebuilt-layout", "content": "Title one two",
             "pages": [
               {"pageNumber": 1, "width": 800, "height": 600, "unit": "pixel",
                "words": [{"content": "Title", "polygon": [10, 10, 90, 10, 90, 40, 10, 40], "confidence": 0.99, "span": {"offset": 0, "length": 5}}],
                "lines": [{"content": "Title", "polygon": [10, 10, 90, 10, 90, 40, 10, 40], "spans": [{"offset": 0, "length": 5}]}]},
               {"pageNumber": 2, "width": 8.5, "height": 11, "unit": "inch",
                "words": [{"content": "one", "polygon": [1, 1, 2, 1, 2, 1.5, 1, 1.5], "span": {"offset": 6, "length": 3}},
                          {"content": "two", "polygon": [2.2, 1, 3, 1, 3, 1.5, 2.2, 1.5], "span": {"offset": 10, "length": 3}}],
                "lines": [{"content": "one two", "polygon": [1, 1, 3, 1, 3, 1.5, 1, 1.5], "spans": [{"offset": 6, "length": 7}]}]}],
             "paragraphs": [{"role": "title", "content": "Title", "boundingRegions": [{"pageNumber": 1, "polygon": [10, 10, 90, 10, 90, 40, 10, 40]}]},
                            {"content": "one two", "boundingRegions": [{"pageNumber": 2, "polygon": [1, 1, 3, 1, 3, 1.5, 1, 1.5]}]}],
             "keyValuePairs": [{"key": {"content": "Title", "boundingRegions": [{"pageNumber": 1, "polygon": [10, 10, 90, 10, 90, 40, 10, 40]}]},
                                "value": {"content": "one", "boundingRegions": [{"pageNumber": 2, "polygon": [1, 1, 2, 1, 2, 1.5, 1, 1.5]}]},
                                "confidence": 0.8}]}}
            """
        let one = try Self.analysis(json)
        #expect(one.format == .documentIntelligence && one.imageSize == Size(width: 800, height: 600) && one.pageCount == 2)
        #expect(Self.regions(one, .textLine).map(\.label) == ["Title"] && one.regions.allSatisfy { $0.units == .pixels })
        #expect(Self.regions(one, .paragraph).map(\.role) == ["title"])
        // The key is on page 1, its value on page 2: the key is kept without it.
        #expect(Self.regions(one, .formKey).map(\.children.count) == [0])
        let two = try Self.analysis(json, page: 2)
        #expect(two.imageSize == nil && two.page == 2)
        let line = try #require(Self.regions(two, .textLine).first)
        #expect(line.children.map(\.label) == ["one", "two"] && line.units == .fractions)
        #expect(line.shape.points[0] == Point(x: 1 / 8.5, y: 1 / 11.0))
        #expect(throws: ResultsError.noSuchPage(source: "test.json", page: 3, pages: 2)) { try Self.analysis(json, page: 3) }
    }

    @Test func documentIntelligenceAndComputerVisionReadAreToldApart() throws {
        let v4 = try Self.analysis(#"{"analyzeResult": {"apiVersion": "2024-11-30", "modelId": "prebuilt-read", "pages": []}}"#)
        #expect(v4.format == .documentIntelligence)
        let inline = try Self.analysis(#"{"modelId": "prebuilt-read", "content": "", "pages": []}"#)
        #expect(inline.format == .documentIntelligence)
        let read32 = try Self.analysis(#"{"status": "succeeded", "analyzeResult": {"version": "3.2.0", "readResults": []}}"#)
        #expect(read32.format == .azure32Read)
    }

    // MARK: Content Understanding

    /// The GA example: a field placed by `D(1,5,1,7,1,7,1.5,5,1.5)` inches on an 8.5×11 page of
    /// a two-page document; the preview's signature, its page count a string.
    @Test(.enabled(if: fixturesPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func contentUnderstandingSourcesLandOnThePage() throws {
        let ga = try Analysis(contentsOfFile: Self.fixtures + "azure-content-understanding/cu_2025-11-01_ContentAnalyzers_GetResult.json")
        #expect(ga.format == .contentUnderstanding && ga.vendor == .azureContentUnderstanding && ga.pageCount == 2)
        let company = try #require(Self.regions(ga, .field).first)
        #expect(company.role == "Company" && company.label == "CONTOSO" && company.confidence == 0.95 && company.units == .fractions)
        let mapped = ga.mapped(to: PictureGeometry(storedSize: Size(width: 850, height: 1100)))
        #expect(Self.regions(mapped, .field)[0].shape.bounds == Rect(x: 500, y: 100, width: 200, height: 50))
        // Page 2 holds nothing, and is a page.
        #expect(
            try Analysis(
                contentsOfFile: Self.fixtures + "azure-content-understanding/cu_2025-11-01_ContentAnalyzers_GetResult.json", page: 2
            ).regions.isEmpty)
        let preview = try Analysis(
            contentsOfFile: Self.fixtures
                + "azure-content-understanding/cu_2026-06-01-preview_ContentAnalyzers_GetResult_SignatureDetection.json")
        let signature = try #require(Self.regions(preview, .field).first)
        #expect(signature.role == "signature" && signature.label == "signature-1")
        #expect(signature.shape.points[0] == Point(x: 2.5 / 8.5, y: 8 / 11.0))
    }

    @Test func contentUnderstandingWordsLinesTablesAndBadSources() throws {
        let json = """
            {"id": "x", "status": "Succeeded", "result": {"analyzerId": "prebuilt-layout", "contents": [
              {"kind": "document", "startPageNumber": 1, "endPageNumber": 1, "unit": "pixel", "markdown": "Hi there",
               "pages": [{"pageNumber": 1, "width": 400, "height": 300,
                 "words": [{"content": "Hi", "source": "D(1,10,10,40,10,40,30,10,30)", "span": {"offset": 0, "length": 2}, "confidence": 0.9},
                           {"content": "there", "source": "D(1,50,10,100,10,100,30,50,30)", "span": {"offset": 3, "length": 5}}],
                 "lines": [{"content": "Hi there", "source": "D(1,10,10,100,10,100,30,10,30)", "span": {"offset": 0, "length": 8}}]}],
               "paragraphs": [{"role": "title", "content": "Hi there", "source": "D(1,10,10,100,10,100,30,10,30)"}],
               "tables": [{"rowCount": 1, "columnCount": 2, "source": "D(1,10,50,200,50,200,90,10,90)",
                 "cells": [{"rowIndex": 0, "columnIndex": 0, "content": "a", "source": "D(1,10,50,100,50,100,90,10,90)"},
                           {"rowIndex": 0, "columnIndex": 1, "content": "b", "source": "D(1,100,50,200,50,200,90,100,90)"}]}]}]}}
            """
        let a = try Self.analysis(json)
        #expect(a.imageSize == Size(width: 400, height: 300))
        #expect(Self.regions(a, .textLine).first?.children.map(\.label) == ["Hi", "there"])
        #expect(Self.regions(a, .paragraph).first?.role == "title")
        #expect(Self.regions(a, .table).first?.children.map(\.label) == ["a", "b"])
        for bad in ["D(1,10,10)", "P(1,1,1,2,2,3,3,4,4)", "D(1.5,1,1,2,2,3,3,4,4)", "D(1,a,1,2,2,3,3,4,4)"] {
            let broken = json.replacingOccurrences(of: "D(1,10,10,40,10,40,30,10,30)", with: bad)
            #expect(throws: ResultsError.self, "\(bad)") { try Self.analysis(broken) }
        }
        #expect(throws: ResultsError.noSuchPage(source: "test.json", page: 2, pages: 1)) { try Self.analysis(json, page: 2) }
    }

    // MARK: Google full text

    /// The handwritten 1916×3000 page, saved as one response (not in `responses`): lines made
    /// from words and breaks, every word on ink, "1/6846" where it is on the picture.
    @Test(.enabled(if: fixturesPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func googleFullTextLinesFromWordsAndBreaks() throws {
        let base = Self.fixtures + "google-vision/gcv2hocr_handwritten-notes_1916x3000.jpg"
        let page = try ImageDecoder.decode(file: base).image
        let a = try Analysis(contentsOfFile: base + ".json").mapped(to: PictureGeometry(storedSize: page.size))
        #expect(a.format == .googleVision && a.imageSize == Size(width: 1916, height: 3000))
        let lines = Self.regions(a, .textLine)
        #expect(lines.count == 36 && lines.flatMap(\.children).count == 237)
        #expect(Self.regions(a, .textBlock).count == 19)
        // An end-of-line break ends a line; the one hyphen Google detected ends its line and is spelled.
        #expect(lines.contains { $0.label == "NE 14 Sec. 11-20-9 from bed outcropping on hill E. of road" })
        #expect(lines.contains { $0.label == "2-25-" })
        // Read off the picture: "1/6846" in ink from (205, 426) to (343, 486).
        let number = try #require(lines.flatMap(\.children).first { $0.label == "1/6846" })
        let b = number.shape.bounds
        #expect(abs(b.minX - 205) < 6 && abs(b.minY - 426) < 6 && abs(b.maxX - 343) < 6 && abs(b.maxY - 486) < 6, "\(b)")
        // Pencil is faint in places: all but a few of the 237 words hold dark ink (a misplaced
        // page would leave most of them on blank paper).
        let inked = lines.flatMap(\.children).filter { Self.darkest(page, in: $0.shape.bounds) < 140 }.count
        #expect(inked >= 230, "\(inked) of 237 words on ink")
    }

    /// Without words in the hierarchy, the flat text annotations are read as before.
    @Test func googleWithoutAHierarchyKeepsItsWordList() throws {
        let a = try Analysis(contentsOfFile: RepositoryPaths.testImages + "/results/google-scene.json")
        #expect(Self.regions(a, .textLine).isEmpty && Self.regions(a, .textBlock).first?.children.count == 5)
        let two = #"{"responses": [{"textAnnotations": []}, {"labelAnnotations": [{"description": "cat", "score": 0.9}]}]}"#
        let second = try Self.analysis(two, page: 2)
        #expect(second.tags.map(\.name) == ["cat"] && second.page == 2 && second.pageCount == 2)
        #expect(throws: ResultsError.noSuchPage(source: "test.json", page: 3, pages: 2)) { try Self.analysis(two, page: 3) }
    }

    // MARK: Open OCR engines

    @Test(.enabled(if: fixturesPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func tesseractTSVAndHOCRLandOnTheirPages() throws {
        let page = try ImageDecoder.decode(file: Self.fixtures + "tesseract/pytesseract_tests_data_test_640x480.png").image
        let tsv = try Analysis(
            contentsOfFile: Self.fixtures + "tesseract/UNATTRIBUTED_index-41216236718_tesseract_image_to_data_640x480.tsv")
        #expect(tsv.format == .tesseractTSV && tsv.vendor == .tesseract && tsv.imageSize == Size(width: 640, height: 480))
        let lines = Self.regions(tsv, .textLine)
        #expect(lines.count == 8 && lines.flatMap(\.children).count == 60)
        #expect(lines[0].label == "This is a lot of 12 point text to test the")
        for word in lines.flatMap(\.children) {
            #expect(Self.darkest(page, in: word.shape.bounds) < 100, "\(word.label) at \(word.shape.bounds) holds no ink")
        }

        let alice = try ImageDecoder.decode(file: Self.fixtures + "tesseract/hocr-tools_alice_1.png").image
        let hocr = try Analysis(contentsOfFile: Self.fixtures + "tesseract/hocr-tools_tess.hocr")
        #expect(hocr.format == .tesseractHOCR && hocr.imageSize == alice.size)
        let hocrLines = Self.regions(hocr, .textLine)
        #expect(hocrLines.count == 37 && hocrLines.flatMap(\.children).count == 503)
        #expect(hocrLines[0].label == "1 Down the Rabbit-Hole")
        // word_1_1: bbox 470 530 499 580; x_wconf 96.
        #expect(hocrLines[0].children[0].shape == .box(Rect(x: 470, y: 530, width: 29, height: 50)))
        #expect(hocrLines[0].children[0].confidence == 0.96)
        let inked = hocrLines.flatMap(\.children).filter { Self.darkest(alice, in: $0.shape.bounds) < 100 }.count
        #expect(inked == 503, "\(inked) of 503 words on ink")
    }

    @Test(.enabled(if: fixturesPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func easyOCRAndPaddleOCRFixtures() throws {
        let easy = try Analysis(contentsOfFile: Self.fixtures + "easyocr/easyocr_README_readtext_chinese.jpg_CONVERTED.json")
        #expect(easy.format == .easyOCR && Self.regions(easy, .textLine).count == 8)
        let first = try #require(easy.regions.first)
        #expect(first.label == "愚园路" && first.confidence == 0.3754989504814148)
        #expect(first.shape == .polygon([Point(x: 189, y: 75), Point(x: 469, y: 75), Point(x: 469, y: 165), Point(x: 189, y: 165)]))
        // The published PaddleOCR output is numpy's printed summary: refused, saying how to save it.
        let paddle = Self.fixtures + "paddleocr/PaddleOCR_docs_OCR.en.md_PP-OCRv5_print_general_ocr_002_CONVERTED.json"
        #expect {
            try Analysis(contentsOfFile: paddle)
        } throws: { error in
            guard case .invalidField(_, let path, let reason)? = error as? ResultsError else { return false }
            return path == "res.rec_scores" && reason.contains("save_to_json")
        }
    }

    @Test func paddleOCRBothGenerations() throws {
        let v3 = try Self.analysis(
            #"{"res": {"rec_texts": ["BOARDING", "", "PASS"], "rec_scores": [0.99, 0.1, 0.98], "rec_polys": [[[3, 10], [90, 10], [90, 30], [3, 30]], [[0, 0], [1, 0], [1, 1]], [[100, 10], [150, 10], [150, 30], [100, 30]]]}}"#
        )
        #expect(v3.format == .paddleOCR && v3.regions.map(\.label) == ["BOARDING", "PASS"] && v3.regions[1].confidence == 0.98)
        let boxes = try Self.analysis(#"{"rec_texts": ["a"], "rec_scores": [0.5], "rec_boxes": [[10, 20, 50, 40]]}"#)
        #expect(boxes.regions.first?.shape == .box(Rect(x: 10, y: 20, width: 40, height: 20)))
        #expect(throws: ResultsError.self) {
            try Self.analysis(#"{"rec_texts": ["a", "b"], "rec_scores": [0.5], "rec_boxes": [[1, 2, 3, 4]]}"#)
        }
        let v2 = #"[[[[[1, 1], [9, 1], [9, 5], [1, 5]], ["one", 0.9]]], null, [[[[2, 2], [8, 2], [8, 6], [2, 6]], ["three", 0.8]]]]"#
        #expect(try Self.analysis(v2).regions.map(\.label) == ["one"])
        let third = try Self.analysis(v2, page: 3)
        #expect(third.regions.map(\.label) == ["three"] && third.pageCount == 3)
        #expect(try Self.analysis(v2, page: 2).regions.isEmpty)
        #expect(throws: ResultsError.noSuchPage(source: "test.json", page: 4, pages: 3)) { try Self.analysis(v2, page: 4) }
    }

    @Test func easyOCRShapes() throws {
        #expect(try Self.analysis("[]").format == .easyOCR)
        let grouped = try Self.analysis(#"[[[[1, 2], [5, 2], [5, 6], [1, 6]], "paragraph"]]"#)
        #expect(grouped.regions.first?.label == "paragraph" && grouped.regions.first?.confidence == nil)
        #expect(throws: ResultsError.self) { try Self.analysis(#"[[[[1, 2]], "x", 0.5]]"#) }
        #expect(throws: ResultsError.self) { try Self.analysis(#"[[[[1, 2, 3], [5, 2], [5, 6]], "x", 0.5]]"#) }
        #expect(throws: ResultsError.self) { try Self.analysis("[1, 2, 3]") }
    }

    @Test func hocrThatIsNotWellFormedIsRefused() throws {
        let good = """
            <html><body><div class='ocr_page' title='bbox 0 0 100 50'><span class='ocr_line' title='bbox 1 1 60 20'>\
            <span class='ocrx_word' title='bbox 1 1 20 20; x_wconf 90'>R&amp;D</span> <span class='ocrx_word' title="bbox 25 1 60 20">&#x263A;</span>\
            </span></div><div class='ocr_page' title='bbox 0 0 100 50'><span class='ocr_line' title='bbox 1 1 60 20'>\
            <span class='ocrx_word' title='bbox 1 1 20 20'>two</span></span></div></body></html>
            """
        let one = try Self.analysis(good)
        #expect(one.format == .tesseractHOCR && one.pageCount == 2 && one.imageSize == Size(width: 100, height: 50))
        #expect(Self.regions(one, .textLine).map(\.label) == ["R&D ☺"])
        #expect(Self.regions(try Self.analysis(good, page: 2), .textLine).map(\.label) == ["two"])
        for broken in [
            "<html><span class='ocrx_word' title='bbox 1 1 2 2'>cut",  // ends inside a word
            "<html></div></html>",  // closes nothing open
            "<html><span class='ocrx_word' title='bbox 1 1 2'>x</span></html>",  // three numbers
            "<html><span class='ocrx_word title='bbox 1 1 2 2'>x</span></html>",  // quote not closed
            "<html><span class>x</span></html>", "<", "<html><b>&#xFFFFFFFF;</b></html>",
            "<?xml version='1.0'?><Error><Code>AccessDenied</Code></Error>",  // markup, but not hOCR
        ] {
            #expect(throws: ResultsError.self, "\(broken)") { try Self.analysis(broken) }
        }
    }

    @Test func tesseractTSVRowsAreChecked() throws {
        let header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        let page = "1\t1\t0\t0\t0\t0\t0\t0\t100\t50\t-1\t\n"
        let good = header + page + "4\t1\t1\t1\t1\t0\t5\t5\t40\t10\t-1\t\n5\t1\t1\t1\t1\t1\t5\t5\t20\t10\t96.5\tHello\n"
        let a = try Self.analysis(good)
        #expect(a.imageSize == Size(width: 100, height: 50) && Self.regions(a, .textLine).first?.children.first?.confidence == 0.965)
        for broken in [
            header + page + "5\t1\t1\t1\t1\t1\t5\t5\n",  // too few fields
            header + page + "5\t1\t1\t1\t1\t1\tfive\t5\t20\t10\t90\tx\n",  // not a number
            header + page + "9\t1\t1\t1\t1\t1\t5\t5\t20\t10\t90\tx\n",  // no such level
            header + page + "5\t1\t1\t1\t1\t1\t5\t5\t-20\t10\t90\tx\n",  // negative width
            "level\tpage_num\tleft\n1\t1\t0\n",  // columns missing
        ] {
            #expect(throws: ResultsError.self, "\(broken)") { try Self.analysis(broken) }
        }
        #expect(throws: ResultsError.noSuchPage(source: "test.json", page: 2, pages: 1)) { try Self.analysis(good, page: 2) }
    }

    // MARK: Comparing two OCR results

    static func line(_ text: String, x: Double, y: Double, words: Bool = true) -> Region {
        var children: [Region] = []
        var left = x
        for word in text.split(separator: " ") where words {
            let w = Double(word.count) * 10
            children.append(
                Region(kind: .textWord, label: String(word), confidence: 0.9, shape: .box(Rect(x: left, y: y, width: w, height: 20))))
            left += w + 10
        }
        return Region(
            kind: .textLine, label: text, confidence: nil, shape: .box(Rect(x: x, y: y, width: Double(text.count) * 10, height: 20)),
            children: children)
    }

    /// Lines matched by position, words aligned by their longest common subsequence: agreeing,
    /// changed (with what the second read), only in one; a line without a partner all its own.
    @Test func comparisonMatchesLinesAndDiffsWords() throws {
        let a = Analysis(
            vendor: .azureDocumentIntelligence, format: .documentIntelligence, imageSize: Size(width: 400, height: 200),
            regions: [
                Self.line("the quick brown fox", x: 10, y: 10), Self.line("jumps over", x: 10, y: 50),
                Self.line("alone here", x: 10, y: 150),
            ])
        let b = Analysis(
            vendor: .tesseract, format: .tesseractHOCR, imageSize: Size(width: 400, height: 200),
            // Listed in another order, the second line shifted a little: still matched by place.
            regions: [
                Self.line("jumps ovr the", x: 12, y: 52), Self.line("the quick fox", x: 10, y: 10), Self.line("far away", x: 200, y: 100),
            ])
        let c = OCRComparison(a, b)
        #expect(c.matchedLines == 2 && c.unmatchedLines == (1, 1))
        let summary = c.words.map { "\($0.status.rawValue):\($0.text)\($0.other.map { ">" + $0 } ?? "")" }
        #expect(
            summary == [
                "agreeing:the", "agreeing:quick", "onlyInFirst:brown", "agreeing:fox", "agreeing:jumps", "changed:over>ovr",
                "onlyInSecond:the", "onlyInFirst:alone", "onlyInFirst:here", "onlyInSecond:far", "onlyInSecond:away",
            ], "\(summary)")
        // Words only in the second are where the second saw them.
        #expect(c.words.last?.shape == .box(Rect(x: 240, y: 100, width: 40, height: 20)))
        // A line without word regions is split at its spaces along its box.
        let lineOnly = Analysis(
            vendor: .easyOCR, format: .easyOCR, imageSize: nil, regions: [Self.line("the quick brown fox", x: 10, y: 10, words: false)])
        let split = OCRComparison(lineOnly, a)
        #expect(split.count(.agreeing) == 4)
        #expect(split.words[1].shape.bounds == Rect(x: 50, y: 10, width: 50, height: 20))
    }

    @Test(.enabled(if: fixturesPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func comparisonDrawsWithALegend() throws {
        let folder = Self.fixtures + "aws-textract/"
        let page = try ImageDecoder.decode(file: folder + "single-page-1.png").image
        let analyzed = try Analysis(contentsOfFile: folder + "textractor_AnalyzeDocument_TABLES-FORMS_single-page-1.json")
        let detected = try Analysis(contentsOfFile: folder + "textractor_DetectDocumentText_single-page-1.json")
        // The same page read twice by the same engine: every word agrees.
        let same = OCRComparison(
            analyzed.mapped(to: PictureGeometry(storedSize: page.size)), detected.mapped(to: PictureGeometry(storedSize: page.size)))
        #expect(same.count(.agreeing) == 51 && same.words.count == 51)
        let drawn = try annotate(image: page, comparing: analyzed, with: detected)
        // The picture, then a legend panel below it.
        #expect(drawn.width == page.width && drawn.height > page.height)
        // Every word outlined in the agreeing green: the title's first word's top-left edge.
        let title = try #require(same.words.first).shape.bounds
        let edge = drawn[Int(title.minX + title.width / 2), Int(title.minY)]
        #expect(edge.g > edge.r + 40, "\(edge)")
    }

    // MARK: Turned pages

    /// A scan fed in a quarter turn clockwise: Textract's fractions are of the picture as sent,
    /// so every polygon turns with the page. Read, mapped and drawn, every word still lands on
    /// its ink, a line's polygon still starts at the text's own top-left (now the top-right),
    /// and the table grid is drawn over the table's turned edges.
    @Test func aPageScannedAQuarterTurnedLandsTurned() throws {
        let page = try ImageDecoder.decode(file: RepositoryPaths.testImages + "/document/invoice.png").image
        let turned = page.rotated(.quarter)
        #expect(turned.size == Size(width: 1100, height: 850))
        let data = try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.testImages + "/document/textract.json"))
        var document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // (x, y) on the page is (1 - y, x) on the page turned a quarter clockwise.
        document["Blocks"] = (document["Blocks"] as? [[String: Any]] ?? []).map { block in
            var block = block
            guard var geometry = block["Geometry"] as? [String: Any], let polygon = geometry["Polygon"] as? [[String: Double]] else {
                return block
            }
            let points = polygon.map { ["X": 1 - ($0["Y"] ?? 0), "Y": $0["X"] ?? 0] }
            let xs = points.map { $0["X"]! }, ys = points.map { $0["Y"]! }
            geometry["Polygon"] = points
            geometry["BoundingBox"] = [
                "Left": xs.min()!, "Top": ys.min()!, "Width": xs.max()! - xs.min()!, "Height": ys.max()! - ys.min()!,
            ]
            block["Geometry"] = geometry
            return block
        }
        let a = try Analysis(json: try JSONSerialization.data(withJSONObject: document), source: "turned.json")
            .mapped(to: PictureGeometry(storedSize: turned.size))
        let lines = Self.regions(a, .textLine)
        #expect(lines.count == 17 && lines.flatMap(\.children).count == 23)
        for word in lines.flatMap(\.children) {
            #expect(Self.darkest(turned, in: word.shape.bounds) < 100, "\(word.label) at \(word.shape.bounds) holds no ink")
        }
        // "INVOICE" now runs down the right side: its top-left corner is right of its bottom-left.
        let title = try #require(lines.first).shape.points
        #expect(title[0].x > title[3].x && title[1].y > title[0].y, "\(title)")
        // The table's left edge (x 80 from y 300 to 500 on the page) is now the row y 80, x 600…800.
        let drawn = try annotate(image: turned, analysis: a, options: AnnotationOptions(features: [.tables]))
        let edge = drawn[700, 80]
        #expect(edge.b > 150 && edge.r < 120, "\(edge)")
    }

    // MARK: Hostile documents

    static func textract(_ blocks: [String]) -> String { #"{"Blocks": ["# + blocks.joined(separator: ",") + "]}" }
    static func box(_ left: Double, _ top: Double) -> String {
        #"{"BoundingBox": {"Width": 0.1, "Height": 0.05, "Left": \#(left), "Top": \#(top)}}"#
    }

    @Test func textractLinksThatPointNowhereOrInCirclesAreHandled() throws {
        let dangling = Self.textract([
            #"{"BlockType": "LINE", "Id": "a", "Text": "x", "Geometry": \#(Self.box(0.1, 0.1)), "Relationships": [{"Type": "CHILD", "Ids": ["nowhere"]}]}"#
        ])
        #expect(
            throws: ResultsError.invalidField(
                source: "test.json", path: "Blocks[0].Relationships[0].Ids[0]",
                reason: "names the block \"nowhere\", which the result does not have")
        ) { try Self.analysis(dangling) }
        // A line that names itself and another line as its children: read once, no hang.
        let circle = Self.textract([
            #"{"BlockType": "LINE", "Id": "a", "Text": "a", "Geometry": \#(Self.box(0.1, 0.1)), "Relationships": [{"Type": "CHILD", "Ids": ["a", "b"]}]}"#,
            #"{"BlockType": "LINE", "Id": "b", "Text": "b", "Geometry": \#(Self.box(0.1, 0.3)), "Relationships": [{"Type": "CHILD", "Ids": ["a"]}]}"#,
            #"{"BlockType": "KEY_VALUE_SET", "Id": "k", "EntityTypes": ["KEY"], "Geometry": \#(Self.box(0.5, 0.5)), "Relationships": [{"Type": "VALUE", "Ids": ["k"]}, {"Type": "CHILD", "Ids": ["k"]}]}"#,
        ])
        let a = try Self.analysis(circle)
        #expect(Self.regions(a, .textLine).map(\.children.count) == [0, 0])
        #expect(Self.regions(a, .formKey).count == 1)
        let twice = Self.textract([
            #"{"BlockType": "WORD", "Id": "a", "Text": "x"}"#, #"{"BlockType": "WORD", "Id": "a", "Text": "y"}"#,
        ])
        #expect(throws: ResultsError.invalidField(source: "test.json", path: "Blocks[1].Id", reason: "repeats the id \"a\"")) {
            try Self.analysis(twice)
        }
    }

    @Test func textractCellsOutsideTheirTableAndBadNumbersAreRefused() throws {
        let cell = Self.textract([
            #"{"BlockType": "TABLE", "Id": "t", "Geometry": \#(Self.box(0, 0)), "Relationships": [{"Type": "CHILD", "Ids": ["c"]}]}"#,
            #"{"BlockType": "CELL", "Id": "c", "RowIndex": 0, "ColumnIndex": 1, "Geometry": \#(Self.box(0, 0))}"#,
        ])
        #expect(throws: ResultsError.self) { try Self.analysis(cell) }
        let huge = Self.textract([#"{"BlockType": "LINE", "Id": "a", "Text": "x", "Geometry": \#(Self.box(1e300, 0))}"#])
        #expect(throws: ResultsError.self) { try Self.analysis(huge) }
        let percent = Self.textract([
            #"{"BlockType": "LINE", "Id": "a", "Text": "x", "Confidence": 250, "Geometry": \#(Self.box(0.1, 0.1))}"#
        ])
        #expect(throws: ResultsError.invalidField(source: "test.json", path: "Blocks[0].Confidence", reason: "is 250.0, outside 0…100")) {
            try Self.analysis(percent)
        }
        let mark = Self.textract([
            #"{"BlockType": "SELECTION_ELEMENT", "Id": "m", "SelectionStatus": "MAYBE", "Geometry": \#(Self.box(0, 0))}"#
        ])
        #expect(throws: ResultsError.self) { try Self.analysis(mark) }
        let unit =
            #"{"analyzeResult": {"apiVersion": "2024-11-30", "pages": [{"pageNumber": 1, "width": 10, "height": 10, "unit": "cm"}]}}"#
        #expect(
            throws: ResultsError.invalidField(
                source: "test.json", path: "analyzeResult.pages[0].unit", reason: "is \"cm\"; expected pixel or inch")
        ) { try Self.analysis(unit) }
    }

    @Test func aHundredThousandWordsInOneLineAreOverTheLimit() throws {
        let count = 100_000
        var blocks = [
            #"{"BlockType": "LINE", "Id": "line", "Text": "x", "Geometry": \#(Self.box(0, 0)), "Relationships": [{"Type": "CHILD", "Ids": ["#
        ]
        blocks[0] += (0..<count).map { "\"w\($0)\"" }.joined(separator: ",") + "]}]}"
        for k in 0..<count { blocks.append(#"{"BlockType": "WORD", "Id": "w\#(k)", "Text": "w", "Geometry": \#(Self.box(0, 0))}"#) }
        #expect(throws: ResultsError.self) { try Self.analysis(Self.textract(blocks)) }
    }

    /// Pages of an asynchronous result: each block's `Page` says where it is.
    @Test func textractPagesAreChosenByNumber() throws {
        let json = Self.textract([
            #"{"BlockType": "PAGE", "Id": "p1", "Page": 1}"#, #"{"BlockType": "PAGE", "Id": "p2", "Page": 2}"#,
            #"{"BlockType": "LINE", "Id": "a", "Text": "first", "Page": 1, "Geometry": \#(Self.box(0.1, 0.1))}"#,
            #"{"BlockType": "LINE", "Id": "b", "Text": "second", "Page": 2, "Geometry": \#(Self.box(0.1, 0.1))}"#,
            #"{"BlockType": "LAYOUT_TITLE", "Id": "t", "Page": 2, "Geometry": \#(Self.box(0.1, 0.1)), "Relationships": [{"Type": "CHILD", "Ids": ["b"]}]}"#,
        ])
        #expect(Self.regions(try Self.analysis(json), .textLine).map(\.label) == ["first"])
        let two = try Self.analysis(json, page: 2)
        #expect(two.pageCount == 2 && Self.regions(two, .textLine).map(\.label) == ["second"])
        #expect(Self.regions(two, .paragraph).map(\.role) == ["title"] && Self.regions(two, .paragraph).map(\.label) == ["second"])
        #expect(throws: ResultsError.noSuchPage(source: "test.json", page: 3, pages: 2)) { try Self.analysis(json, page: 3) }
    }

    // MARK: Drawing

    /// A 2×2 table with a header row on a white page: the grid lines in the table color where
    /// the cells' edges are, the header tinted, nothing drawn without the feature.
    @Test func tablesDrawTheirGridAndTintTheirHeader() throws {
        let json = Self.textract([
            #"{"BlockType": "TABLE", "Id": "t", "Geometry": {"BoundingBox": {"Width": 0.5, "Height": 0.5, "Left": 0.25, "Top": 0.25}}, "Relationships": [{"Type": "CHILD", "Ids": ["a", "b", "c", "d"]}]}"#,
            #"{"BlockType": "CELL", "Id": "a", "RowIndex": 1, "ColumnIndex": 1, "EntityTypes": ["COLUMN_HEADER"], "Geometry": {"BoundingBox": {"Width": 0.25, "Height": 0.25, "Left": 0.25, "Top": 0.25}}}"#,
            #"{"BlockType": "CELL", "Id": "b", "RowIndex": 1, "ColumnIndex": 2, "EntityTypes": ["COLUMN_HEADER"], "Geometry": {"BoundingBox": {"Width": 0.25, "Height": 0.25, "Left": 0.5, "Top": 0.25}}}"#,
            #"{"BlockType": "CELL", "Id": "c", "RowIndex": 2, "ColumnIndex": 1, "Geometry": {"BoundingBox": {"Width": 0.25, "Height": 0.25, "Left": 0.25, "Top": 0.5}}}"#,
            #"{"BlockType": "CELL", "Id": "d", "RowIndex": 2, "ColumnIndex": 2, "Geometry": {"BoundingBox": {"Width": 0.25, "Height": 0.25, "Left": 0.5, "Top": 0.5}}}"#,
        ])
        let page = Image(width: 400, height: 400, fill: Pixel(r: 255, g: 255, b: 255))
        let analysis = try Self.analysis(json)
        let drawn = try annotate(image: page, analysis: analysis, options: AnnotationOptions(features: [.tables]))
        #expect(drawn.size == page.size)
        // The middle column edge at x = 200, inside the lower row (y 250): the table's blue.
        let edge = drawn[200, 250]
        #expect(edge.b > 150 && edge.r < 120, "\(edge)")
        // Inside a header cell: tinted blue; inside a body cell: untouched.
        let header = drawn[150, 150], body = drawn[150, 250]
        #expect(header.r < 230 && header.b > 235, "\(header)")
        #expect(body == Pixel(r: 255, g: 255, b: 255))
        // Outside the table: untouched.
        #expect(drawn[50, 50] == Pixel(r: 255, g: 255, b: 255))
        let none = try annotate(image: page, analysis: analysis, options: AnnotationOptions(features: [.text]))
        #expect(none == page)
    }

    /// A selected mark gets a check through its middle, an unselected one only its border;
    /// a key and its value are joined by a line between them.
    @Test func marksAndKeyValuesDraw() throws {
        let json = Self.textract([
            #"{"BlockType": "SELECTION_ELEMENT", "Id": "s", "SelectionStatus": "SELECTED", "Confidence": 99, "Geometry": {"BoundingBox": {"Width": 0.1, "Height": 0.1, "Left": 0.1, "Top": 0.1}}}"#,
            #"{"BlockType": "SELECTION_ELEMENT", "Id": "u", "SelectionStatus": "NOT_SELECTED", "Confidence": 99, "Geometry": {"BoundingBox": {"Width": 0.1, "Height": 0.1, "Left": 0.1, "Top": 0.4}}}"#,
            #"{"BlockType": "KEY_VALUE_SET", "Id": "k", "EntityTypes": ["KEY"], "Confidence": 90, "Geometry": {"BoundingBox": {"Width": 0.1, "Height": 0.05, "Left": 0.3, "Top": 0.7}}, "Relationships": [{"Type": "VALUE", "Ids": ["v"]}]}"#,
            #"{"BlockType": "KEY_VALUE_SET", "Id": "v", "EntityTypes": ["VALUE"], "Confidence": 90, "Geometry": {"BoundingBox": {"Width": 0.1, "Height": 0.05, "Left": 0.7, "Top": 0.7}}}"#,
        ])
        let white = Pixel(r: 255, g: 255, b: 255)
        let page = Image(width: 400, height: 400, fill: white)
        let drawn = try annotate(image: page, analysis: try Self.analysis(json), options: AnnotationOptions(features: [.forms]))
        // The check's turn at (0.42, 0.78) of the selected box (40…80 px): about (57, 71).
        #expect(drawn[57, 71] != white)
        // The unselected box's middle stays white.
        #expect(drawn[60, 180] == white)
        // The leader line runs at the boxes' middle height (290 px) between x 160 and 280.
        #expect((170...270).filter { drawn[$0, 290] != white }.count > 50)
        #expect(drawn[220, 260] == white)
    }
}
