import LimnRaster
import Testing

@testable import LimnText

@Suite struct ParagraphLayoutTests {
    let engine = TextEngine.shared
    let font = Font(family: "DejaVu Sans", size: 20)

    @Test func wrapsAtWordsWithinTheWidth() throws {
        let text = "The quick brown fox jumps over the lazy dog near the river bank"
        let block = try engine.layout(text, font: font, options: TextLayoutOptions(maxWidth: 200))
        #expect(block.lines.count > 2)
        for line in block.lines {
            #expect(line.line.advance <= 200)
            #expect(!line.text.hasSuffix(" ") && !line.text.hasPrefix(" "))
        }
        // Nothing lost, nothing split inside a word.
        #expect(block.lines.map(\.text).joined(separator: " ") == text)
        // Greedy: the next word would not have fitted on each line.
        for (i, line) in block.lines.dropLast().enumerated() {
            let nextWord = block.lines[i + 1].text.split(separator: " ")[0]
            #expect(try engine.layout(line.text + " " + nextWord, font: font).advance > 200)
        }
    }

    @Test func breaksBetweenCJKCharactersButNotBeforeClosingPunctuation() throws {
        let text = "今日は良い天気です。明日も晴れるでしょう。"
        let block = try engine.layout(text, font: Font(size: 20), options: TextLayoutOptions(maxWidth: 90))
        #expect(block.lines.count > 2)
        #expect(block.lines.map(\.text).joined() == text)
        for line in block.lines {
            #expect(line.line.advance <= 90)
            #expect(!line.text.hasPrefix("。"))
        }
    }

    @Test func aWordWiderThanTheWidthBreaksBetweenCharacters() throws {
        let block = try engine.layout("Supercalifragilistic", font: font, options: TextLayoutOptions(maxWidth: 60))
        #expect(block.lines.count > 2)
        #expect(block.lines.map(\.text).joined() == "Supercalifragilistic")
        #expect(block.lines.allSatisfy { $0.line.advance <= 60 })
        // A width narrower than one character still makes progress: one character per line.
        let narrow = try engine.layout("abc", font: font, options: TextLayoutOptions(maxWidth: 1))
        #expect(narrow.lines.map(\.text) == ["a", "b", "c"])
    }

    @Test func maxLinesEllipsizesWithinTheWidth() throws {
        let text = "one two three four five six seven eight nine ten eleven twelve"
        let block = try engine.layout(text, font: font, options: TextLayoutOptions(maxWidth: 150, maxLines: 2))
        #expect(block.lines.count == 2 && block.isTruncated)
        #expect(block.lines[1].text.hasSuffix("…"))
        #expect(block.lines.allSatisfy { $0.line.advance <= 150 })
        let single = try engine.layout(text, font: font, options: TextLayoutOptions(maxWidth: 100, maxLines: 1))
        #expect(single.lines.count == 1 && single.lines[0].text.hasPrefix("one") && single.lines[0].text.hasSuffix("…"))
        let fits = try engine.layout("short", font: font, options: TextLayoutOptions(maxWidth: 150, maxLines: 1))
        #expect(!fits.isTruncated && fits.lines[0].text == "short")
    }

    @Test func newlinesAlignmentAndSpacing() throws {
        let options = TextLayoutOptions(alignment: .right, lineSpacing: 1.5)
        let block = try engine.layout("wide line here\nnarrow\n\nend", font: font, options: options)
        #expect(block.lines.map(\.text) == ["wide line here", "narrow", "", "end"])
        #expect(abs(block.width - block.lines[0].line.advance) < 1e-9)
        // Right aligned: every line ends at the block's right edge.
        for line in block.lines { #expect(abs(line.origin.x + line.line.advance - block.width) < 1e-9) }
        let pitch = block.lines[1].origin.y - block.lines[0].origin.y
        let a = block.lines[0].line.ascent, d = block.lines[0].line.descent
        #expect(abs(pitch - 1.5 * (a + d)) < 1e-9)
        #expect(abs(block.height - (a + d + 3 * pitch)) < 1e-9)
        let centered = try engine.layout("wide line here\nnarrow", font: font, options: TextLayoutOptions(alignment: .center))
        #expect(abs(centered.lines[1].origin.x - (centered.width - centered.lines[1].line.advance) / 2) < 1e-9)
    }

    @Test func rightToLeftParagraphsAlignRightAndKeepTheirDirectionOnEveryLine() throws {
        let text = "שלום עולם abc זה טקסט ארוך בעברית"
        let block = try engine.layout(text, font: font, options: TextLayoutOptions(maxWidth: 120))
        #expect(block.lines.count > 1)
        for line in block.lines { #expect(abs(line.origin.x + line.line.advance - block.width) < 1e-9) }
        #expect(TextEngine.paragraphDirection(text) == .rightToLeft)
        #expect(TextEngine.paragraphDirection("123 abc שלום") == .leftToRight)
        #expect(TextEngine.paragraphDirection("123") == .leftToRight)
    }

    @Test func inkBoundsHugTheGlyphs() throws {
        let line = try engine.layout("Hg", font: font)
        let ink = try #require(engine.inkBounds(of: line))
        #expect(ink.minY < -10 && ink.maxY > 2, "H rises above the baseline, g descends below it")
        #expect(ink.minX >= 0 && ink.maxX <= line.advance + 1)
        #expect(engine.inkBounds(of: try engine.layout("   ", font: font)) == nil)
    }

    @Test func hugeTextUnderALineLimitIsCutQuickly() throws {
        // 200 KB of caption, with and without spaces: only what can be shown is laid out.
        let words = String(repeating: "lorem ipsum dolor sit amet ", count: 8_000)
        let block = try engine.layout(words, font: font, options: TextLayoutOptions(maxWidth: 300, maxLines: 3))
        #expect(block.lines.count == 3 && block.isTruncated && block.lines[2].text.hasSuffix("…"))
        let solid = String(repeating: "x", count: 200_000)
        let cut = try engine.layout(solid, font: font, options: TextLayoutOptions(maxWidth: 300, maxLines: 2))
        #expect(cut.lines.count == 2 && cut.isTruncated && cut.lines.allSatisfy { $0.line.advance <= 300 })
    }

    @Test func degenerateParagraphs() throws {
        let empty = try engine.layout("", font: font, options: TextLayoutOptions(maxWidth: 100))
        #expect(empty.lines.count == 1 && empty.lines[0].line.glyphs.isEmpty)
        let nanWidth = try engine.layout("a b c", font: font, options: TextLayoutOptions(maxWidth: .nan))
        #expect(nanWidth.lines.count == 1)
        let marks = try engine.layout("\u{0301}\u{0301}\u{0301}", font: font, options: TextLayoutOptions(maxWidth: 5))
        #expect(!marks.lines.isEmpty)
        let zero = try engine.layout("abc", font: Font(size: 0), options: TextLayoutOptions(maxWidth: 50))
        #expect(zero.lines.allSatisfy { $0.line.glyphs.isEmpty })
    }
}
