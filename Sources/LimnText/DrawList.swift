@_spi(Drawing) import LimnRaster

/// Shapes and text recorded in order, then drawn together on every core: the image is split
/// into bands of rows, and each band draws every operation clipped to itself, so overlaps
/// composite in the recorded order exactly as immediate drawing would (the pixels are the same,
/// bit for bit). Worth it for many operations on a large picture (an annotation, a label sheet).
public struct DrawList: Sendable {
    enum Operation: Sendable {
        case fill(Path, Pixel, FillRule)
        case text(TextLine, Point, Pixel)
    }

    private(set) var operations: [Operation] = []

    public init() {}

    public var isEmpty: Bool { operations.isEmpty }
    public var count: Int { operations.count }

    /// Records a fill (see `Image.fill`). A path with a non-finite coordinate is refused now.
    public mutating func fill(_ path: Path, with colour: Pixel, rule: FillRule = .nonZero) throws(RasterError) {
        guard path.isFinite else {
            throw .invalidGeometry(operation: "recording a fill", reason: "the path has a NaN or infinite coordinate")
        }
        guard colour.a > 0, !path.isEmpty else { return }
        operations.append(.fill(path, colour, rule))
    }

    /// Records a stroke: its outline is computed now (see `Path.stroked`).
    public mutating func stroke(_ path: Path, with colour: Pixel, style: StrokeStyle = StrokeStyle()) throws(RasterError) {
        try fill(path.stroked(style), with: colour)
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
        guard !list.isEmpty, !isEmpty else { return }
        let glyphs: [[GlyphBitmap?]] = list.operations.map {
            if case .text(let line, _, _) = $0 { return engine.bitmaps(of: line) }
            return []
        }
        let keepsOpacity = isOpaque
        let (w, h) = (width, height)
        let bands = max(1, min(Parallelism.maximumThreads, h / 64, w * h / 250_000))
        withUnsafeMutableBytes(preservingOpacity: keepsOpacity) { raw in
            let target = RasterTarget(bytes: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), width: w, height: h)
            Parallelism.drawBands(bands, over: h) { rows in
                let clip = PixelRect(x: 0, y: rows.lowerBound, width: w, height: rows.count)
                for (k, operation) in list.operations.enumerated() {
                    switch operation {
                    case let .fill(path, colour, rule):
                        try? target.fill(path, with: colour, rule: rule, clip: clip)
                    case let .text(line, origin, colour):
                        line.blit(glyphs[k], at: origin, colour: colour, into: target, clip: clip)
                    }
                }
            }
        }
        if !keepsOpacity { recomputeOpacity() }
    }
}
