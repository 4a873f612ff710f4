import LimnRaster
import LimnTestSupport
import Testing

@testable import LimnText

/// Labels in each script, drawn and compared with reviewed pictures in `TestImages/Golden/Text`.
/// They depend on the fonts Debian 12 ships (fonts-dejavu-core, fonts-noto-core, fonts-noto-cjk);
/// another font version moves glyphs and fails them, which is what they are for.
@Suite struct TextGoldenTests {
    let ink = Pixel(r: 20, g: 20, b: 30, a: 255)
    let paper = Pixel(r: 250, g: 248, b: 240, a: 255)

    func label(_ text: String, family: String = "sans-serif", size: Double = 28, width: Int = 360, height: Int = 56) throws -> Image {
        var image = Image(width: width, height: height, fill: paper)
        let block = try TextEngine.shared.layout(text, font: Font(family: family, size: size), options: TextLayoutOptions())
        image.draw(block, at: Point(x: Double(width) / 2, y: Double(height) / 2), style: TextStyle(color: ink, anchor: .center))
        return image
    }

    func check(_ image: Image, _ name: String) {
        let mismatch = Golden.mismatch(image, suite: "Text", name: name)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func scripts() throws {
        check(try label("Limn draws text: AV Wa fi ffl", width: 440), "latin")
        check(try label("图像分析结果 日本語のテキスト", width: 440), "cjk")
        check(try label("مرحبا بالعالم"), "arabic")
        check(try label("שלום עולם"), "hebrew")
        check(try label("नमस्ते दुनिया क्षत्रिय"), "devanagari")
        check(try label("Price: 42 € — 价格 — السعر ٤٢ — מחיר", width: 520), "mixed")
    }

    @Test func wrappedParagraph() throws {
        var image = Image(width: 300, height: 200, fill: paper)
        let text = "A caption long enough to wrap over several lines, centred, with a CJK tail: 一只猫坐在窗台上看着外面的雨。"
        let block = try TextEngine.shared.layout(text, font: Font(size: 18), options: TextLayoutOptions(maxWidth: 260, alignment: .center))
        image.draw(block, at: Point(x: 150, y: 100), style: TextStyle(color: ink, anchor: .center))
        check(image, "wrapped")
    }

    @Test func rotatedHaloedAndBoxedLabels() throws {
        var image = Image(width: 320, height: 240, fill: Pixel(r: 90, g: 140, b: 200, a: 255))
        try image.fill(.rectangle(Rect(x: 0, y: 120, width: 320, height: 120)), with: Pixel(r: 230, g: 230, b: 220, a: 255))
        let font = Font(size: 24)
        let block = try TextEngine.shared.layout("Rotated 30°", font: font, options: TextLayoutOptions())
        image.draw(block, at: Point(x: 160, y: 120), style: TextStyle(color: .white, angle: -30, anchor: .center))
        let haloed = try TextEngine.shared.layout("Haloed", font: font, options: TextLayoutOptions())
        image.draw(haloed, at: Point(x: 10, y: 190), style: TextStyle(color: .white, halo: .init(color: .black, width: 2)))
        let chip = try TextEngine.shared.layout("person 0.97", font: Font(size: 16), options: TextLayoutOptions())
        image.draw(
            chip, at: Point(x: 310, y: 230),
            style: TextStyle(
                color: .white, background: .init(color: Pixel(r: 200, g: 40, b: 60, a: 230), padding: 5, cornerRadius: 6),
                anchor: .bottomRight))
        check(image, "rotated-haloed-boxed")
    }

    @Test func fittedToQuadrilaterals() throws {
        var image = Image(width: 320, height: 200, fill: paper)
        let tilted = [Point(x: 20, y: 40), Point(x: 220, y: 10), Point(x: 225, y: 45), Point(x: 25, y: 75)]
        let vertical = [Point(x: 300, y: 10), Point(x: 300, y: 190), Point(x: 270, y: 190), Point(x: 270, y: 10)]
        for quad in [tilted, vertical] {
            try image.stroke(.polygon(quad), with: Pixel(r: 0, g: 120, b: 255, a: 255), style: StrokeStyle(width: 1))
        }
        #expect(try image.draw("Fitted OCR text", fittedTo: tilted, font: Font(size: 1), style: TextStyle(color: ink)))
        #expect(try image.draw("縦書きのテキスト", fittedTo: vertical, font: Font(size: 1), style: TextStyle(color: ink)))
        check(image, "fitted")
    }
}

@Suite struct TextDrawingPropertyTests {
    let engine = TextEngine.shared

    @Test func uprightGlyphCoverageIsFreeTypesOwn() throws {
        // Opaque black over a transparent image: alpha is exactly FreeType's grayscale coverage.
        var image = Image(width: 120, height: 60)
        let block = try engine.layout("Rg你", font: Font(size: 30), options: TextLayoutOptions())
        image.draw(block, at: Point(x: 10, y: 5), style: TextStyle(color: .black))
        var expected = [UInt8](repeating: 0, count: 120 * 60)
        for g in block.lines[0].line.glyphs {
            let bitmap = try #require(engine.bitmap(face: g.face, glyph: g.glyph))
            let left = 10 + Int((block.lines[0].origin.x + g.x).rounded()) + bitmap.left
            let top = 5 + Int((block.lines[0].origin.y + g.y).rounded()) - bitmap.top
            for y in 0..<bitmap.height {
                for x in 0..<bitmap.width {
                    let i = (top + y) * 120 + left + x
                    let c = bitmap.pixels[y * bitmap.width + x]
                    // Where glyphs overlap, coverages combine as "over": 1 − (1 − a)(1 − b).
                    expected[i] = UInt8(255 - (255 - Int(expected[i])) * (255 - Int(c)) / 255)
                }
            }
        }
        var worst = 0
        for y in 0..<60 { for x in 0..<120 { worst = max(worst, abs(Int(image[x, y].a) - Int(expected[y * 120 + x]))) } }
        #expect(worst <= 1)
        #expect(expected.contains { $0 == 255 })
    }

    @Test func outlineDrawingMatchesBitmapsClosely() throws {
        // A tiny rotation takes the outline route; its ink matches the bitmap route's in place.
        let block = try engine.layout("Outline", font: Font(size: 40), options: TextLayoutOptions())
        var upright = Image(width: 200, height: 70, fill: .white)
        upright.draw(block, at: Point(x: 10, y: 10), style: TextStyle(color: .black))
        var turned = Image(width: 200, height: 70, fill: .white)
        turned.draw(
            block, transform: AffineTransform.rotation(radians: 1e-9).then(.translation(x: 10, y: 10)), style: TextStyle(color: .black))
        let upInk = (0..<70).reduce(0) { s, y in s + (0..<200).reduce(0) { $0 + 255 - Int(upright[$1, y].r) } }
        let turnedInk = (0..<70).reduce(0) { s, y in s + (0..<200).reduce(0) { $0 + 255 - Int(turned[$1, y].r) } }
        // Hinting moves stems by a fraction of a pixel; the amount of ink stays within 5 %.
        #expect(abs(Double(upInk - turnedInk)) / Double(upInk) < 0.05)
        #expect(ImageDifference(upright, turned).psnr > 20)
    }

    @Test func quarterTurnsTurnTheInk() throws {
        let block = try engine.layout("Limn", font: Font(size: 30), options: TextLayoutOptions())
        var image = Image(width: 100, height: 100, fill: .white)
        // Turned 90° clockwise around the box's top-left at (50, 50): the text runs downward.
        image.draw(block, at: Point(x: 50, y: 50), style: TextStyle(color: .black, angle: 90))
        var inkBox = Mask(width: 100, height: 100)
        for y in 0..<100 { for x in 0..<100 where image[x, y].r < 128 { inkBox[x, y] = 255 } }
        let bounds = try #require(inkBox.contentBounds())
        #expect(bounds.x + bounds.width <= 51, "the text's top is now on the right, at the anchor")
        #expect(bounds.y >= 50 && bounds.height > bounds.width)
    }

    @Test func haloSurroundsTheGlyphs() throws {
        var image = Image(width: 120, height: 60, fill: .white)
        let block = try engine.layout("I", font: Font(size: 40), options: TextLayoutOptions())
        image.draw(
            block, at: Point(x: 50, y: 5), style: TextStyle(color: .white, halo: .init(color: Pixel(r: 255, g: 0, b: 0, a: 255), width: 3)))
        let reds = (0..<60).flatMap { y in (0..<120).filter { image[$0, y] == Pixel(r: 255, g: 0, b: 0, a: 255) }.map { ($0, y) } }
        let xs = reds.map(\.0)
        #expect(!reds.isEmpty)
        // The stem's interior stays white (text drawn over the halo), red on both sides of it.
        let stem = try #require(engine.inkBounds(of: block.lines[0].line))
        let mid = 50 + Int(stem.minX + stem.width / 2), row = 5 + Int(block.lines[0].origin.y) - 10
        #expect(image[mid, row] == .white)
        #expect(xs.contains { $0 < 50 + Int(stem.minX) } && xs.contains { $0 >= 50 + Int(stem.maxX) })
    }

    @Test func fittedTextStaysInsideItsQuadrilateral() throws {
        var image = Image(width: 300, height: 200, fill: .white)
        let quad = [Point(x: 40, y: 60), Point(x: 250, y: 100), Point(x: 240, y: 150), Point(x: 30, y: 110)]
        #expect(try image.draw("Inside the box", fittedTo: quad, font: Font(size: 1), style: TextStyle(color: .black)))
        var outside = Image(width: 300, height: 200, fill: .white)
        try outside.fill(.polygon(quad).grown(by: 1.5), with: .black)
        var stray = 0, inked = 0
        for y in 0..<200 { for x in 0..<300 where image[x, y].r < 250 { inked += 1; if outside[x, y].r > 5 { stray += 1 } } }
        #expect(inked > 500 && stray == 0)
        // Degenerate quadrilaterals draw nothing.
        #expect(
            try !image.draw("x", fittedTo: [Point(x: 0, y: 0), Point(x: 10, y: 0)], font: Font(size: 1), style: TextStyle(color: .black)))
        #expect(
            try !image.draw(
                "x", fittedTo: [Point(x: 0, y: 0), Point(x: 0, y: 0), Point(x: 0, y: 5), Point(x: 0, y: 5)], font: Font(size: 1),
                style: TextStyle(color: .black)))
        #expect(
            try !image.draw(
                "x", fittedTo: [Point(x: .nan, y: 0), Point(x: 10, y: 0), Point(x: 10, y: 5), Point(x: 0, y: 5)], font: Font(size: 1),
                style: TextStyle(color: .black)))
        #expect(try !image.draw("", fittedTo: quad, font: Font(size: 1), style: TextStyle(color: .black)))
    }

    @Test func degenerateDrawing() throws {
        var image = Image(width: 50, height: 50, fill: .white)
        let block = try engine.layout("abc", font: Font(size: 12), options: TextLayoutOptions())
        #expect(image.draw(block, at: Point(x: .nan, y: 0), style: TextStyle(color: .black)) == nil)
        #expect(image.draw(block, at: Point(x: 1e9, y: -1e9), style: TextStyle(color: .black, angle: 33)) != nil)
        #expect(image.draw(block, at: Point(x: 10, y: 10), style: TextStyle(color: .black, angle: .infinity)) == nil)
        let huge = try engine.layout("W", font: Font(size: 2000), options: TextLayoutOptions())
        image.draw(
            huge, at: Point(x: 25, y: 25), style: TextStyle(color: .black, halo: .init(color: .white, width: 5), angle: 10, anchor: .center)
        )
        #expect(image.isOpaque)
    }
}
