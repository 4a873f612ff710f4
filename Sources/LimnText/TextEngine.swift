import LimnRaster

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of text, shaped and placed: glyphs in visual (left-to-right) order with their pen
/// positions relative to the line's origin (left end of the baseline, y down).
public struct TextLine: Sendable {
    /// One shaped glyph and where it goes.
    public struct Glyph: Sendable, Equatable {
        /// Which loaded face the glyph is from (an engine-wide number).
        public var face: Int
        /// The glyph's index in its face.
        public var glyph: UInt32
        /// Pen position of the glyph's origin.
        public var x: Double
        /// Pen position of the glyph's origin, down from the baseline (0 unless the script moves it).
        public var y: Double
        /// The code point index (in the string's Unicode scalars) the glyph came from.
        public var cluster: Int
    }

    /// The glyphs in visual order.
    public var glyphs: [Glyph]
    /// Total advance width in pixels.
    public var advance: Double
    /// Above and below the baseline, in pixels (positive), the largest of the fonts used.
    public var ascent: Double
    /// Below the baseline, in pixels (positive), the largest of the fonts used.
    public var descent: Double
    /// The faces used, by number: their files (for tests and diagnostics).
    public var facePaths: [Int: String]
}

/// Shapes and renders text: fontconfig fallback per character, FriBidi for direction,
/// HarfBuzz for shaping, FreeType for glyphs. One shared engine; all calls are safe from any
/// thread (fonts are used under one lock, glyph bitmaps are cached and copied out).
public final class TextEngine: @unchecked Sendable {
    /// The engine every drawing in the process shares (fonts loaded once).
    public static let shared = TextEngine()

    private let lock = Lock()
    private var chains: [String: [FontconfigCalls.Entry]] = [:]
    /// Font files loaded (one FreeType face each, every size), and the sized faces glyphs refer
    /// to by number: a file and a size, with its metrics (a few bytes each).
    private var files: [FreeTypeCalls.Face] = []
    private var fileNumbers: [FileKey: Int] = [:]
    private var faces: [SizedFace] = []
    private var faceNumbers: [FaceKey: Int] = [:]
    private var glyphCache: [GlyphKey: GlyphBitmap] = [:]
    private var outlineCache: [GlyphKey: Path] = [:]
    private var rasterized = 0

    struct FileKey: Hashable { var path: String; var index: Int }
    struct FaceKey: Hashable { var file: Int; var size: Int }
    struct SizedFace { var file: Int; var size: Int; var metrics: FreeTypeCalls.Face.Metrics }
    struct GlyphKey: Hashable { var face: Int; var glyph: UInt32 }

    /// An engine of its own, with its own font cache; most programs use ``shared``.
    public init() {}

    /// How many font files are open (one FreeType face per file, whatever the sizes used).
    public var openFontFileCount: Int { locked { files.count } }

    /// How many glyphs FreeType has rendered so far (a cached glyph is not rendered again).
    public var renderedGlyphCount: Int { locked { rasterized } }

    /// The family text in `family` is drawn with: `family` itself when fontconfig has a font of
    /// it (or it is a generic name: sans-serif, serif, monospace, …), else the substitute
    /// fontconfig picks, with `installed` false, so a caller can say that a named font is missing
    /// rather than draw in another silently. Nil when no font is installed at all.
    public func drawingFamily(for family: String) -> (family: String, installed: Bool)? {
        let generic = ["sans-serif", "sans", "serif", "monospace", "mono", "system-ui", "cursive", "fantasy", "emoji", "math"]
        if generic.contains(family.lowercased().split(separator: ":").first.map(String.init) ?? "") { return (family, true) }
        return locked { FontconfigCalls.drawingFamily(for: family) }
    }

    private func locked<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        try lock.withLock(body)
    }

    /// Lays out `text` as one line. A size of 0 or less gives an empty line (nothing to draw);
    /// sizes are capped at 4096 px. Characters no font has are drawn as the first font's .notdef.
    /// Throws ``TextError``.
    public func layout(_ text: String, font: Font, direction: TextDirection = .auto) throws -> TextLine {
        try line(for: text, font: font, direction: direction)
    }

    /// ``layout(_:font:direction:)`` with its error type, for the module's own callers.
    func line(for text: String, font: Font, direction: TextDirection = .auto) throws(TextError) -> TextLine {
        guard font.size.isFinite else { throw TextError.invalidSize(font.size) }
        let size = min(font.size, 4096)
        let scalars = text.unicodeScalars.map(\.value)
        guard size > 0 else { return TextLine(glyphs: [], advance: 0, ascent: 0, descent: 0, facePaths: [:]) }
        return try locked { () throws(TextError) -> TextLine in
            let chain = try self.chain(for: font)
            let sizeKey = Int((size * 64).rounded())
            func faceNumber(_ entry: FontconfigCalls.Entry) throws(TextError) -> Int {
                let fileKey = FileKey(path: entry.path, index: entry.index)
                let file: Int
                if let n = fileNumbers[fileKey] {
                    file = n
                } else {
                    files.append(try FreeTypeCalls.Face(path: entry.path, index: entry.index))
                    file = files.count - 1
                    fileNumbers[fileKey] = file
                }
                let key = FaceKey(file: file, size: sizeKey)
                if let n = faceNumbers[key] { return n }
                guard let metrics = files[file].use(size: sizeKey) else {
                    throw TextError.cannotLoadFont(path: entry.path, reason: "FreeType refused the size \(size)")
                }
                faces.append(SizedFace(file: file, size: sizeKey, metrics: metrics))
                faceNumbers[key] = faces.count - 1
                return faces.count - 1
            }
            /// The file of a sized face, set to its size.
            func sized(_ number: Int) -> FreeTypeCalls.Face {
                let face = faces[number]
                files[face.file].use(size: face.size)
                return files[face.file]
            }
            let primary = try faceNumber(chain[0])
            // 1. A font for every character: the first in the chain that has it; marks stay with their base.
            var fontOf = [Int](repeating: 0, count: scalars.count)
            for (i, scalar) in scalars.enumerated() {
                if i > 0, let s = Unicode.Scalar(scalar), Self.attachesToPrevious(s) {
                    fontOf[i] = fontOf[i - 1]
                    continue
                }
                var chosen = 0
                for (k, entry) in chain.enumerated()
                where entry.covers(scalar) || (k == 0 && font.path != nil && (try? sized(faceNumber(entry)).glyph(for: scalar)) ?? 0 != 0) {
                    chosen = k
                    break
                }
                fontOf[i] = chosen
            }
            // 2. Directions, then runs of one font and one level, in visual order (rule L2).
            let levels = FribidiCalls.levels(scalars, direction: direction)
            var runs: [(start: Int, count: Int, font: Int, level: Int)] = []
            for i in 0..<scalars.count {
                if let last = runs.last, last.font == fontOf[i], last.level == levels[i] {
                    runs[runs.count - 1].count += 1
                } else {
                    runs.append((i, 1, fontOf[i], levels[i]))
                }
            }
            if let highest = runs.map(\.level).max(), let lowestOdd = runs.map(\.level).filter({ $0 % 2 == 1 }).min() {
                for level in stride(from: highest, through: lowestOdd, by: -1) {
                    var i = 0
                    while i < runs.count {
                        guard runs[i].level >= level else { i += 1; continue }
                        var j = i
                        while j < runs.count && runs[j].level >= level { j += 1 }
                        runs[i..<j].reverse()
                        i = j
                    }
                }
            }
            // 3. Shape each run with its face and place the glyphs.
            var glyphs: [TextLine.Glyph] = []
            var pen = 0.0
            var ascent = faces[primary].metrics.ascent, descent = faces[primary].metrics.descent
            var used: [Int: String] = [primary: chain[0].path]
            for run in runs {
                let number = try faceNumber(chain[run.font])
                let face = sized(number)
                used[number] = chain[run.font].path
                ascent = max(ascent, faces[number].metrics.ascent)
                descent = max(descent, faces[number].metrics.descent)
                for g in face.shape(scalars, start: run.start, count: run.count, rightToLeft: run.level % 2 == 1) {
                    glyphs.append(TextLine.Glyph(face: number, glyph: g.glyph, x: pen + g.offsetX, y: -g.offsetY, cluster: g.cluster))
                    pen += g.advance
                }
            }
            return TextLine(glyphs: glyphs, advance: pen, ascent: ascent, descent: descent, facePaths: used)
        }
    }

    /// The rendered glyph (from the cache when it was rendered before).
    public func bitmap(face: Int, glyph: UInt32) -> GlyphBitmap? {
        locked { cachedBitmap(face: face, glyph: glyph) }
    }

    /// The rendered glyphs of a line, in its order, under one lock.
    public func bitmaps(of line: TextLine) -> [GlyphBitmap?] {
        locked { line.glyphs.map { cachedBitmap(face: $0.face, glyph: $0.glyph) } }
    }

    /// Call with the lock held.
    private func cachedBitmap(face: Int, glyph: UInt32) -> GlyphBitmap? {
        let key = GlyphKey(face: face, glyph: glyph)
        if let cached = glyphCache[key] { return cached }
        guard face >= 0, face < faces.count else { return nil }
        let sized = faces[face]
        files[sized.file].use(size: sized.size)
        guard let rendered = files[sized.file].render(glyph) else { return nil }
        rasterized += 1
        if glyphCache.count >= 8192 { glyphCache.removeAll(keepingCapacity: true) }
        glyphCache[key] = rendered
        return rendered
    }

    /// The glyph's unhinted outline in pixels, pen at the origin, y down (cached); nil for a
    /// glyph without one. Used where text is rotated or scaled, and for halos.
    public func outline(face: Int, glyph: UInt32) -> Path? {
        locked {
            let key = GlyphKey(face: face, glyph: glyph)
            if let cached = outlineCache[key] { return cached }
            guard face >= 0, face < faces.count else { return nil }
            let sized = faces[face]
            files[sized.file].use(size: sized.size)
            guard let outline = files[sized.file].outline(glyph) else { return nil }
            if outlineCache.count >= 8192 { outlineCache.removeAll(keepingCapacity: true) }
            outlineCache[key] = outline
            return outline
        }
    }

    /// The fallback chain for a font request: its file first when it names one, then the family's.
    private func chain(for font: Font) throws(TextError) -> [FontconfigCalls.Entry] {
        let family = font.family.isEmpty ? "sans-serif" : font.family
        if chains[family] == nil { chains[family] = FontconfigCalls.chain(family: family) }
        var chain = chains[family] ?? []
        if let path = font.path { chain.insert(FontconfigCalls.Entry(path: path, index: 0, charset: nil), at: 0) }
        guard !chain.isEmpty else { throw TextError.noFonts(family: family) }
        return chain
    }

    /// Combining marks, joiners and variation selectors belong with the character before them.
    static func attachesToPrevious(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x300 { return false }  // no marks or joiners before the combining diacritics
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return s.value == 0x200D || (0xFE00...0xFE0F).contains(s.value) || (0xE0100...0xE01EF).contains(s.value)
        }
    }
}
