import LimnRaster
import Testing

@testable import LimnText

@Suite struct TextLayoutTests {
    let engine = TextEngine.shared
    let font = Font(family: "sans-serif", size: 24)

    @Test func latinLaysOutWithItsMetrics() throws {
        let line = try engine.layout("Hello", font: font)
        #expect(line.glyphs.count == 5)
        #expect(line.advance > 40 && line.advance < 80)
        #expect(line.ascent > 15 && line.descent > 3)
        #expect(line.glyphs.map(\.x) == line.glyphs.map(\.x).sorted())
        #expect(!line.glyphs.contains { $0.glyph == 0 })
    }

    @Test func kerningTightensAV() throws {
        let pair = try engine.layout("AV", font: Font(family: "DejaVu Sans", size: 40)).advance
        let apart =
            try engine.layout("A", font: Font(family: "DejaVu Sans", size: 40)).advance
            + (try engine.layout("V", font: Font(family: "DejaVu Sans", size: 40)).advance)
        #expect(pair < apart)
    }

    @Test func eachScriptComesFromAFontThatHasIt() throws {
        let line = try engine.layout("Hi 你好 مرحبا नमस्ते", font: font)
        #expect(!line.glyphs.contains { $0.glyph == 0 }, "no .notdef boxes")
        let paths = Set(line.glyphs.map { line.facePaths[$0.face] ?? "" })
        #expect(paths.contains { $0.contains("CJK") })
        // Arabic may come from DejaVu Sans or a Noto Arabic face: any font that has it (no .notdef above).
        #expect(paths.contains { $0.contains("Devanagari") })
    }

    @Test func hebrewInsideALeftToRightLabelReadsRightToLeft() throws {
        let text = "abc אבג"
        let line = try engine.layout(text, font: font)
        // Visually: a b c, space, then the Hebrew letters right to left: clusters 6, 5, 4.
        #expect(line.glyphs.map(\.cluster) == [0, 1, 2, 3, 6, 5, 4])
        let reversed = try engine.layout("אבג abc", font: font)
        // A right-to-left paragraph: the Latin word is at the left, the Hebrew at the right.
        #expect(reversed.glyphs.map(\.cluster) == [4, 5, 6, 3, 2, 1, 0])
    }

    @Test func arabicJoinsItsLetters() throws {
        // ب (beh) alone and at the start of a word take different glyphs.
        let alone = try engine.layout("ب", font: font).glyphs[0].glyph
        let word = try engine.layout("بب", font: font)
        #expect(word.glyphs.count == 2)
        #expect(!word.glyphs.contains { $0.glyph == alone }, "joined forms differ from the isolated one")
    }

    @Test func devanagariFormsConjuncts() throws {
        // क्ष: ka, virama, ssa → fewer glyphs than code points.
        let line = try engine.layout("क्ष", font: font)
        #expect(line.glyphs.count < 3)
        #expect(!line.glyphs.contains { $0.glyph == 0 })
    }

    @Test func charactersNoFontHasAreNotdefNotDropped() throws {
        let line = try engine.layout("a\u{10FFFD}b", font: font)
        #expect(line.glyphs.count == 3)
        #expect(line.glyphs[1].glyph == 0)
        #expect((engine.bitmap(face: line.glyphs[1].face, glyph: 0)?.width ?? 0) > 0, "the .notdef box is drawn")
    }

    @Test func degenerateInput() throws {
        #expect(try engine.layout("", font: font).glyphs.isEmpty)
        #expect(try engine.layout("Hello", font: Font(size: 0)).glyphs.isEmpty)
        #expect(throws: TextError.self) { try engine.layout("x", font: Font(size: .nan)) }  // NaN never equals itself
        let marks = try engine.layout("\u{0301}\u{0301}", font: font)
        #expect(marks.advance >= 0)
        let huge = try engine.layout("A", font: Font(size: 2000))
        let bitmap = try #require(engine.bitmap(face: huge.glyphs[0].face, glyph: huge.glyphs[0].glyph))
        #expect(bitmap.height > 1000)
        #expect(throws: TextError.self) { try engine.layout("x", font: Font(path: "/nonexistent/font.ttf", size: 12)) }
    }
}

@Suite struct TextDrawingTests {
    @Test func drawingPutsInkWhereTheLineSays() throws {
        var image = Image(width: 200, height: 60, fill: .white)
        let line = try image.draw("Limn", at: Point(x: 10, y: 40), font: Font(size: 30), color: .black)
        var ink = Mask(width: 200, height: 60)
        for y in 0..<60 { for x in 0..<200 where image[x, y] != .white { ink[x, y] = 255 } }
        let box = try #require(ink.contentBounds())
        #expect(box.x >= 10 && box.x < 16)
        #expect(box.y + box.height <= 41 && box.y >= 40 - Int(line.ascent) - 1)
        #expect(Double(box.x + box.width) <= 10 + line.advance + 1)
        #expect(image.isOpaque)
    }

    @Test func drawingTheSameLabelTwiceRendersNoGlyphTwice() throws {
        // A private engine: other tests draw through the shared one at the same time.
        let engine = TextEngine()
        var image = Image(width: 300, height: 50, fill: .white)
        let line = try engine.layout("Cache me, 你好", font: Font(size: 21))
        image.draw(line, at: Point(x: 5, y: 35), color: .black, engine: engine)
        let after = engine.renderedGlyphCount
        #expect(after > 0)
        image.draw(try engine.layout("Cache me, 你好", font: Font(size: 21)), at: Point(x: 5, y: 60), color: .black, engine: engine)
        #expect(engine.renderedGlyphCount == after)
    }

    @Test func oneFontFileServesEverySize() throws {
        // A batch of pictures of many sizes asks for many text sizes: the files are opened once,
        // and switching sizes back and forth never lets one size's metrics bleed into another.
        let engine = TextEngine(), reverse = TextEngine()
        let text = "Size 你好 مرحبا"
        _ = try engine.layout(text, font: Font(size: 12))
        let files = engine.openFontFileCount
        let sizes = (0..<40).map { 12 + Double($0) * 0.7 }
        var forward: [TextLine] = []
        for size in sizes {
            let line = try engine.layout(text, font: Font(size: size))
            var image = Image(width: 400, height: 120, fill: .white)
            image.draw(line, at: Point(x: 4, y: 90), color: .black, engine: engine)
            forward.append(line)
        }
        #expect(engine.openFontFileCount == files)
        for (size, line) in zip(sizes, forward).reversed() {
            let other = try reverse.layout(text, font: Font(size: size))
            #expect(other.advance == line.advance && other.ascent == line.ascent && other.glyphs.map(\.x) == line.glyphs.map(\.x))
        }
        let small = try engine.layout("A", font: Font(size: 10)), large = try engine.layout("A", font: Font(size: 40))
        let a = try #require(engine.bitmap(face: small.glyphs[0].face, glyph: small.glyphs[0].glyph))
        let b = try #require(engine.bitmap(face: large.glyphs[0].face, glyph: large.glyphs[0].glyph))
        #expect(b.height > 3 * a.height)
    }

    @Test func translucentTextOnATransparentImage() throws {
        var image = Image(width: 80, height: 40)
        try image.draw("ab", at: Point(x: 5, y: 30), font: Font(size: 28), color: Pixel(r: 255, g: 0, b: 0, a: 128))
        let alphas = (0..<40).flatMap { y in (0..<80).map { image[$0, y].a } }
        #expect(alphas.max() == 128 && !image.isOpaque)
    }
}

@Suite struct ReadmeDrawingExampleTests {
    @Test func theDrawingExampleRunsAsWritten() throws {
        var label = Image(width: 400, height: 120, fill: .white)
        try label.fill(.roundedRectangle(Rect(x: 10, y: 10, width: 380, height: 100), radius: 6), with: Pixel(r: 20, g: 90, b: 200, a: 90))
        try label.stroke(
            .polygon([Point(x: 20, y: 20), Point(x: 380, y: 30), Point(x: 370, y: 100), Point(x: 30, y: 90)]),
            with: .white, style: StrokeStyle(width: 2, join: .round))
        let line = try label.draw("Hello, 你好, مرحبا", at: Point(x: 30, y: 70), font: Font(size: 24), color: .black)
        #expect(!line.glyphs.contains { $0.glyph == 0 })
        #expect(label[200, 12] != .white && label[5, 5] == .white && label.isOpaque)

        let caption = try TextEngine.shared.layout(
            "A long caption wraps to the width of its chip, then stops…",
            font: Font(size: 16), options: TextLayoutOptions(maxWidth: 180, maxLines: 2))
        let drawn = label.draw(
            caption, at: Point(x: 390, y: 110),
            style: TextStyle(
                color: .white, background: .init(color: Pixel(r: 0, g: 0, b: 0, a: 160), padding: 6, cornerRadius: 5),
                angle: -8, anchor: .bottomRight))
        #expect(caption.lines.count == 2 && caption.isTruncated)
        let box = try #require(drawn)
        #expect(abs(box.maxX - 390) < 8 && box.width > 150)
    }
}
