import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// `limn annotate` and `limn info` on document results: pages, structure features, reading
/// order, the comparison of two results, and what each refuses.
@Suite struct DocumentCommandTests {
    let images = RepositoryPaths.testImages
    var page: String { images + "/document/invoice.png" }
    var di: String { images + "/document/document-intelligence.json" }
    var hocr: String { images + "/document/tesseract.hocr" }
    typealias CLI = CLITests

    @Test func infoNamesEveryDocumentFormat() throws {
        let r = try CLI.limn("info", di, hocr)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first?.hasSuffix(
                "Azure AI Document Intelligence (azure-document-intelligence), model prebuilt-invoice, page 1 of 1: 17 text lines (23 words), 1 table (11 cells), 2 form keys (2 with a value), 2 selection marks (1 selected), 2 paragraphs (2 with a role), 3 document fields"
            ) == true, "\(lines)")
        #expect(lines.last?.hasSuffix("Tesseract (tesseract-hocr), image 850x1100: 9 text lines (22 words)") == true, "\(lines)")
        // hOCR on standard input is recognised by its first byte.
        let piped = try CLI.limn(stdin: try Data(contentsOf: URL(fileURLWithPath: hocr)), "info", "-")
        #expect(piped.stdout.contains("Tesseract (tesseract-hocr)"), "\(piped.stderr)")
    }

    @Test func structureFeaturesPagesAndReadingOrder() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plain = folder + "/text.png", tables = folder + "/tables.png", ordered = folder + "/ordered.png"
        #expect(try CLI.limn("annotate", page, di, "--features", "text", "-o", plain).status == 0)
        #expect(try CLI.limn("annotate", page, di, "--features", "text,tables", "-o", tables).status == 0)
        #expect(try CLI.limn("annotate", page, di, "--features", "text", "--reading-order", "-o", ordered).status == 0)
        let a = try ImageDecoder.decode(file: plain).image, b = try ImageDecoder.decode(file: tables).image
        let c = try ImageDecoder.decode(file: ordered).image
        // The table's left edge (x 80, between rows at y 325) is drawn only with tables.
        #expect(a[80, 325] != b[80, 325])
        #expect(a != c)
        let missing = try CLI.limn("annotate", page, di, "--page", "2", "-o", folder + "/x.png")
        #expect(missing.status != 0 && missing.stderr.contains("there is no page 2; the result has one page"), "\(missing.stderr)")
        let zero = try CLI.limn("annotate", page, di, "--page", "0", "-o", folder + "/x.png")
        #expect(zero.status != 0 && zero.stderr.contains("--page counts from 1"), "\(zero.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.png"))
    }

    @Test func compareDrawsBothResults() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/compare.png"
        let r = try CLI.limn("annotate", page, di, "--compare", hocr, "-o", out)
        #expect(r.status == 0, "\(r.stderr)")
        let drawn = try ImageDecoder.decode(file: out).image
        #expect(drawn.width == 850 && drawn.height > 1100, "the legend is below the page")
        let orphan = try CLI.limn("annotate", page, di, "--compare-format", "tesseract-hocr", "-o", out)
        #expect(orphan.status != 0 && orphan.stderr.contains("--compare-format applies with --compare"), "\(orphan.stderr)")
        let broken = try CLI.limn("annotate", page, di, "--compare", images + "/results/azure40-error.json", "-o", folder + "/y.png")
        #expect(broken.status != 0 && broken.stderr.contains("azure40-error.json"), "\(broken.stderr)")
        // In a manifest, compare is a path like the others.
        let manifest = folder + "/jobs.jsonl"
        try Data(
            "{\"op\": \"annotate\", \"image\": \"\(page)\", \"result\": \"\(di)\", \"compare\": \"\(hocr)\", \"output\": \"m.png\"}\n".utf8
        ).write(to: URL(fileURLWithPath: manifest))
        let batch = try CLI.limn("batch", manifest, "--no-progress")
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(try ImageDecoder.decode(file: folder + "/m.png").image == drawn)
    }
}
