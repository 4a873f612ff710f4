/// Fills and coverage bitmaps recorded in order, then drawn together on every core: the image
/// is split into bands of rows, and each band draws every operation clipped to itself, so
/// overlaps composite in the recorded order exactly as immediate drawing would (the pixels are
/// the same, bit for bit: a row's coverage depends only on that row's edges). Worth it for many
/// operations on a large picture (an annotation, a label sheet). Text is recorded as the
/// coverage bitmaps of its glyphs (`LimnText` adds `draw(_:at:color:)` for laid-out lines).
public struct DrawList: Sendable {
    enum Operation: Sendable {
        case fill(Path, Pixel, FillRule, PixelRect?)
        case coverage([CoverageBitmap], Pixel)
    }

    private(set) var operations: [Operation] = []

    public init() {}

    public var isEmpty: Bool { operations.isEmpty }
    public var count: Int { operations.count }

    /// Records a fill (see `Image.fill`), kept inside `clip` when given. A path with a
    /// non-finite coordinate is refused now.
    public mutating func fill(_ path: Path, with color: Pixel, rule: FillRule = .nonZero, clip: Rect? = nil) throws {
        guard path.isFinite else {
            throw RasterError.invalidGeometry(operation: "recording a fill", reason: "the path has a NaN or infinite coordinate")
        }
        guard color.a > 0, !path.isEmpty else { return }
        var pixels: PixelRect? = nil
        if let clip {
            guard let covered = clip.coveredPixels else { return }
            pixels = covered
        }
        operations.append(.fill(path, color, rule, pixels))
    }

    /// Records a stroke: its outline is computed now (see `Path.stroked`).
    public mutating func stroke(_ path: Path, with color: Pixel, style: StrokeStyle = StrokeStyle(), clip: Rect? = nil) throws {
        try fill(path.stroked(style), with: color, clip: clip)
    }

    /// Records `color` composited through coverage bitmaps (see `Image.blend(_:through:)`).
    public mutating func blend(_ color: Pixel, through bitmaps: [CoverageBitmap]) {
        guard color.a > 0, !bitmaps.isEmpty else { return }
        operations.append(.coverage(bitmaps, color))
    }
}

extension Image {
    /// Draws every operation of `list`, in order, on up to `Parallelism.maximumThreads` bands of
    /// rows (one band for a small picture). Allocates only, per band and shape, the rasterizer's
    /// row bookkeeping (its scratch is recycled).
    public mutating func draw(_ list: DrawList) {
        let (w, h) = (width, height)
        draw(list, bands: max(1, min(Parallelism.maximumThreads, h / 64, w * h / 250_000)))
    }

    /// Draws `list` in `bands` bands of rows (1: on the calling thread).
    package mutating func draw(_ list: DrawList, bands: Int) {
        guard !list.isEmpty, !isEmpty else { return }
        let (w, h) = (width, height)
        withPixelTarget { target in
            Parallelism.run(bands: bands, over: h) { rows, _ in
                let clip = PixelRect(x: 0, y: rows.lowerBound, width: w, height: rows.count)
                for operation in list.operations {
                    switch operation {
                    case let .fill(path, color, rule, limit):
                        guard let inside = limit.map({ clip.intersection($0) }) ?? clip else { continue }
                        try? target.fill(path, with: color, rule: rule, clip: inside)
                    case let .coverage(bitmaps, color):
                        for bitmap in bitmaps { target.blend(color, through: bitmap, clip: clip) }
                    }
                }
            }
        }
    }
}
