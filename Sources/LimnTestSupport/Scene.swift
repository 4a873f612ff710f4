import LimnRaster
import LimnText

/// A street scene drawn by Limn itself (no photograph): a bakery with a bilingual sign, a red
/// banner with vertical Japanese text, a tilted sale board, two people and a car. The vendor
/// results in `TestImages/results/` describe it, computed from the same geometry, so annotating
/// them draws boxes and text exactly where the picture has them.
public enum Scene {
    public static let size = Size(width: 800, height: 520)

    public static let building = Rect(x: 40, y: 90, width: 330, height: 220)
    public static let sign = Rect(x: 70, y: 108, width: 270, height: 46)
    public static let door = Rect(x: 175, y: 220, width: 60, height: 90)
    public static let banner = Rect(x: 392, y: 86, width: 46, height: 210)
    public static let car = Rect(x: 480, y: 290, width: 250, height: 156)
    public static let person1 = Rect(x: 100, y: 314, width: 40, height: 144)
    public static let person2 = Rect(x: 204, y: 326, width: 34, height: 124)
    public static let face1 = Rect(x: 104, y: 314, width: 32, height: 32)
    public static let face2 = Rect(x: 207, y: 326, width: 28, height: 28)
    /// The tilted board: center, size and turn (degrees, negative is anticlockwise).
    public static let boardCenter = Point(x: 590, y: 160)
    public static let boardSize = Size(width: 190, height: 56)
    public static let boardAngle = -10.0

    /// A line of text in the scene: what it says, its font, and its quadrilateral in the text's
    /// own frame (top-left, top-right, bottom-right, bottom-left), with its words' quadrilaterals.
    public struct TextLine: Sendable {
        public var text: String
        public var quad: [Point]
        public var words: [(text: String, quad: [Point])]
    }

    static let signFont = Font(family: "sans-serif", size: 26)
    static let bannerFont = Font(family: "Noto Sans CJK JP", size: 30)
    static let boardFont = Font(family: "sans-serif", size: 30)

    /// A line of text laid out at `origin` (its baseline's start) and moved by `transform`: its
    /// quadrilateral and each word's, from the glyph pen positions of the word's clusters.
    static func line(_ text: String, font: Font, origin: Point, transform: AffineTransform) throws -> TextLine {
        let engine = TextEngine.shared
        func spaceAdvance(_ font: Font) -> Double { (try? engine.layout(" ", font: font).advance) ?? 0 }
        let laid = try engine.layout(text, font: font)
        let top = -laid.ascent, bottom = laid.descent
        func quad(from x0: Double, to x1: Double) -> [Point] {
            [Point(x: x0, y: top), Point(x: x1, y: top), Point(x: x1, y: bottom), Point(x: x0, y: bottom)]
                .map { transform.apply(Point(x: $0.x + origin.x, y: $0.y + origin.y)) }
        }
        // Words: runs between spaces, measured by the glyph pen positions of their clusters.
        var words: [(String, [Point])] = []
        let scalars = Array(text.unicodeScalars)
        var start = 0
        for end in 0...scalars.count where end == scalars.count || scalars[end] == " " {
            if end > start {
                let word = String(String.UnicodeScalarView(scalars[start..<end]))
                let glyphs = laid.glyphs.filter { $0.cluster >= start && $0.cluster < end }
                let x0 = glyphs.map(\.x).min() ?? 0
                let after = laid.glyphs.filter { $0.cluster >= end }.map(\.x).min() ?? laid.advance
                words.append((word, quad(from: x0, to: end == scalars.count ? laid.advance : after - spaceAdvance(font))))
            }
            start = end + 1
        }
        return TextLine(text: text, quad: quad(from: 0, to: laid.advance), words: words)
    }

    /// The three lines of text, laid out as they are drawn.
    public static func textLines() throws -> [TextLine] {
        let engine = TextEngine.shared

        let signLine = try engine.layout("BAKERY 面包店", font: signFont)
        let signOrigin = Point(
            x: (sign.minX + sign.width / 2 - signLine.advance / 2).rounded(),
            y: (sign.minY + sign.height / 2 + (signLine.ascent - signLine.descent) / 2).rounded())
        let bannerLine = try engine.layout("営業中", font: bannerFont)
        // Vertical: the text runs down the banner; its own top-left is the banner's top-right.
        let bannerTurn = AffineTransform.rotation(radians: Double.pi / 2)
            .then(
                .translation(
                    x: banner.maxX - (banner.width - bannerLine.ascent - bannerLine.descent) / 2,
                    y: banner.minY + (banner.height - bannerLine.advance) / 2))
        let boardLine = try engine.layout("SALE -30%", font: boardFont)
        let boardTurn = AffineTransform.translation(x: -boardLine.advance / 2, y: 0)
            .then(.rotation(radians: boardAngle * Double.pi / 180))
            .then(.translation(x: boardCenter.x, y: boardCenter.y))
        return [
            try line("BAKERY 面包店", font: signFont, origin: signOrigin, transform: .identity),
            try line("営業中", font: bannerFont, origin: Point(x: 0, y: bannerLine.ascent), transform: bannerTurn),
            try line(
                "SALE -30%", font: boardFont, origin: Point(x: 0, y: (boardLine.ascent - boardLine.descent) / 2), transform: boardTurn),
        ]
    }

    /// Draws the scene (deterministic: the same fonts give the same pixels).
    public static func draw() throws -> Image {
        var image = Image.linearGradient(size: size, from: Pixel(r: 110, g: 170, b: 230, a: 255), to: Pixel(r: 225, g: 238, b: 250, a: 255))
        try image.fill(.circle(center: Point(x: 720, y: 62), radius: 30), with: Pixel(r: 255, g: 214, b: 90, a: 255))
        try image.fill(.rectangle(Rect(x: 0, y: 300, width: 800, height: 220)), with: Pixel(r: 105, g: 105, b: 112, a: 255))
        try image.fill(.rectangle(Rect(x: 0, y: 300, width: 800, height: 40)), with: Pixel(r: 172, g: 166, b: 158, a: 255))
        for x in stride(from: 20.0, to: 800, by: 120) {
            try image.fill(.rectangle(Rect(x: x, y: 470, width: 60, height: 8)), with: Pixel(r: 235, g: 235, b: 225, a: 255))
        }
        // The bakery.
        try image.fill(.rectangle(building), with: Pixel(r: 192, g: 122, b: 92, a: 255))
        try image.fill(.rectangle(Rect(x: 30, y: 80, width: 350, height: 14)), with: Pixel(r: 120, g: 70, b: 55, a: 255))
        for x in [60.0, 262] {
            try image.fill(.rectangle(Rect(x: x, y: 180, width: 88, height: 80)), with: Pixel(r: 170, g: 215, b: 235, a: 255))
            try image.stroke(.rectangle(Rect(x: x, y: 180, width: 88, height: 80)), with: .white, style: StrokeStyle(width: 4))
        }
        try image.fill(.rectangle(door), with: Pixel(r: 90, g: 55, b: 40, a: 255))
        try image.fill(.roundedRectangle(sign, radius: 6), with: Pixel(r: 40, g: 38, b: 48, a: 255))
        // The banner and the board.
        try image.fill(.rectangle(banner), with: Pixel(r: 200, g: 36, b: 44, a: 255))
        try image.fill(
            .rectangle(Rect(x: banner.minX + banner.width / 2 - 2, y: banner.maxY, width: 4, height: 40)),
            with: Pixel(r: 60, g: 60, b: 60, a: 255))
        let bw = Double(boardSize.width), bh = Double(boardSize.height)
        let board = Path.roundedRectangle(Rect(x: -bw / 2, y: -bh / 2, width: bw, height: bh), radius: 8)
            .applying(
                AffineTransform.rotation(radians: boardAngle * Double.pi / 180).then(.translation(x: boardCenter.x, y: boardCenter.y)))
        try image.fill(board, with: Pixel(r: 250, g: 205, b: 40, a: 255))
        // The car.
        try image.fill(
            .roundedRectangle(Rect(x: car.minX + 50, y: car.minY, width: 140, height: 60), radius: 18),
            with: Pixel(r: 36, g: 80, b: 160, a: 255))
        try image.fill(
            .roundedRectangle(Rect(x: car.minX + 64, y: car.minY + 10, width: 112, height: 36), radius: 10),
            with: Pixel(r: 180, g: 215, b: 235, a: 255))
        try image.fill(
            .roundedRectangle(Rect(x: car.minX, y: car.minY + 40, width: car.width, height: 90), radius: 22),
            with: Pixel(r: 40, g: 92, b: 176, a: 255))
        for x in [car.minX + 55, car.maxX - 55] {
            try image.fill(.circle(center: Point(x: x, y: car.maxY - 26), radius: 26), with: Pixel(r: 25, g: 25, b: 28, a: 255))
            try image.fill(.circle(center: Point(x: x, y: car.maxY - 26), radius: 11), with: Pixel(r: 160, g: 160, b: 165, a: 255))
        }
        // Two people.
        for (body, face, color) in [
            (person1, face1, Pixel(r: 46, g: 140, b: 80, a: 255)), (person2, face2, Pixel(r: 120, g: 70, b: 150, a: 255)),
        ] {
            try image.fill(
                .roundedRectangle(Rect(x: body.minX, y: face.maxY + 2, width: body.width, height: body.maxY - face.maxY - 2), radius: 10),
                with: color)
            try image.fill(.ellipse(in: face), with: Pixel(r: 236, g: 196, b: 164, a: 255))
        }
        // The text, fitted to the quadrilaterals the results give.
        let lines = try textLines()
        let colors = [Pixel.white, Pixel.white, Pixel(r: 30, g: 30, b: 30, a: 255)]
        let fonts = [signFont, bannerFont, boardFont]
        for (k, line) in lines.enumerated() {
            _ = try image.draw(line.text, fittedTo: line.quad, font: fonts[k], style: TextStyle(color: colors[k]))
        }
        return image
    }
}
