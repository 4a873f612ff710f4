@_spi(Drawing) import LimnRaster

/// Shapes and text recorded in order, then drawn together on every core: the image is split
/// into bands of rows, and each band draws every operation clipped to itself, so overlaps
/// composite in the recorded order exactly as immediate drawing would (the pixels are the same,
/// bit for bit). Worth it for many operations on a large picture (an annotation, a label sheet).
public struct DrawList: Sendable {
    enum Operation: Sendable {
        case fill(Path, Pixel, FillRule, PixelRect?)
        case text(TextLine, Point, Pixel)
    }

    private(set) var operations: [Operation] = []

    public init() {}

    public var isEmpty: Bool { operations.isEmpty }
    public var count: Int { operations.count }

    /// Records a fill (see `Image.fill`), kept inside `clip` when given. A path with a
    /// non-finite coordinate is refused now.
    public mutating func fill(_ path: Path, with colour: Pixel, rule: FillRule = .nonZero, clip: Rect? = nil) throws(RasterError) {
        guard path.isFinite else {
            throw .invalidGeometry(operation: "recording a fill", reason: "the path has a NaN or infinite coordinate")
        }
        guard colour.a > 0, !path.isEmpty else { return }
        var pixels: PixelRect? = nil
        if let clip {
            guard let covered = clip.coveredPixels else { return }
            pixels = covered
        }
        operations.append(.fill(path, colour, rule, pixels))
    }

    /// Records a stroke: its outline is computed now (see `Path.stroked`).
    public mutating func stroke(_ path: Path, with colour: Pixel, style: StrokeStyle = StrokeStyle(), clip: Rect? = nil) throws(RasterError) {
        try fill(path.stroked(style), with: colour, clip: clip)
    }

    /// Records a laid-out line with its baseline's left end at `origin` (see `Image.draw(_:at:colour:)`).
    public mutating func draw(_ line: TextLine, at origin: Point, colour: Pixel) {
        guard origin.x.isFinite, origin.y.isFinite, colour.a > 0, !line.glyphs.isEmpty else { return }
        operations.append(.text(line, origin, colour))
    }

    /// Lays out `text` and records it (see `Image.draw(_:at:font:colour:direction:)`).
    public mutating func draw(_ text: String, at origin: Point, font: Font, colour: Pixel, engine: TextEngine = .shared) throws(TextError) {
        draw(try engine.layout(text, font: font), at: origin, colour: colour)
    }
}

extension Image {
    /// Draws every operation of `list`, in order, on up to `Parallelism.maximumThreads` bands of
    /// rows (one band for a small picture). Glyphs are fetched from `engine` once, before the
    /// bands start. Allocates only the glyph lists and, per band and shape, the rasterizer's
    /// recycled scratch.
    public mutating func draw(_ list: DrawList, engine: TextEngine = .shared) {
        let (w, h) = (width, height)
        draw(list, bands: max(1, min(Parallelism.maximumThreads, h / 64, w * h / 250_000)), engine: engine)
    }

    /// Draws `list` in `bands` bands of rows (1: on the calling thread).
    mutating func draw(_ list: DrawList, bands: Int, engine: TextEngine) {
        guard !list.isEmpty, !isEmpty else { return }
        let glyphs: [[GlyphBitmap?]] = list.operations.map {
            if case .text(let line, _, _) = $0 { return engine.bitmaps(of: line) }
            return []
        }
        let keepsOpacity = isOpaque
        let (w, h) = (width, height)
        withUnsafeMutableBytes(preservingOpacity: keepsOpacity) { raw in
            let target = RasterTarget(bytes: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), width: w, height: h)
            Parallelism.drawBands(bands, over: h) { rows in
                let clip = PixelRect(x: 0, y: rows.lowerBound, width: w, height: rows.count)
                for (k, operation) in list.operations.enumerated() {
                    switch operation {
                    case let .fill(path, colour, rule, limit):
                        guard let inside = limit.map({ Self.intersect(clip, $0) }) ?? clip else { continue }
                        try? target.fill(path, with: colour, rule: rule, clip: inside)
                    case let .text(line, origin, colour):
                        line.blit(glyphs[k], at: origin, colour: colour, into: target, clip: clip)
                    }
                }
            }
        }
        if !keepsOpacity { recomputeOpacity() }
    }

    static func intersect(_ a: PixelRect, _ b: PixelRect) -> PixelRect? {
        let x0 = max(a.x, b.x), y0 = max(a.y, b.y)
        let x1 = min(a.x + a.width, b.x + b.width), y1 = min(a.y + a.height, b.y + b.height)
        return x1 > x0 && y1 > y0 ? PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
    }
}
