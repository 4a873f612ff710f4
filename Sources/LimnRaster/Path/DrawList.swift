/// Fills and coverage bitmaps recorded in order, then drawn together on every core: the image
/// is split into bands of rows, and each band draws every operation clipped to itself, so
/// overlaps composite in the recorded order exactly as immediate drawing would (the pixels are
/// the same, bit for bit: a row's coverage depends only on that row's edges). Worth it for many
/// operations on a large picture (an annotation, a label sheet). Text is recorded as the
/// coverage bitmaps of its glyphs (`LimnText` adds `draw(_:at:color:)` for laid-out lines),
/// masks decoded from run lengths as their `BinaryGrid`s.
public struct DrawList: Sendable {
    enum Operation: Sendable {
        case fill(Path, Pixel, FillRule, PixelRect?)
        case coverage([CoverageBitmap], Pixel)
        case outline(BinaryGrid, Pixel, PixelRect?)
    }

    private(set) var operations: [Operation] = []

    /// An empty list.
    public init() {}

    /// True when nothing has been recorded.
    public var isEmpty: Bool { operations.isEmpty }
    /// The number of operations recorded (a fill, a stroke's outline, a line of text each count one).
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

    /// Records a fill of the outline of `grid`'s foreground (see `Image.fill(outlineOf:with:)`),
    /// kept inside `clip` when given. The list holds the grid until it is drawn (see
    /// ``heldBytes``).
    public mutating func fill(outlineOf grid: BinaryGrid, with color: Pixel, clip: Rect? = nil) {
        guard color.a > 0 else { return }
        var pixels: PixelRect? = nil
        if let clip {
            guard let covered = clip.coveredPixels else { return }
            pixels = covered
        }
        operations.append(.outline(grid, color, pixels))
        heldBytes += grid.byteCount
    }

    /// The bytes of the grids the list holds: a caller recording many large masks can draw the
    /// list and start another when this grows too large.
    public private(set) var heldBytes = 0

    /// Records `color` composited through coverage bitmaps (see `Image.blend(_:through:)`).
    public mutating func blend(_ color: Pixel, through bitmaps: [CoverageBitmap]) {
        guard color.a > 0, !bitmaps.isEmpty else { return }
        operations.append(.coverage(bitmaps, color))
    }
}

extension Image {
    /// Draws every operation of `list`, in order, on up to `Parallelism.maximumThreads` threads
    /// (one for a small picture). Each operation is prepared once (a path flattened and its
    /// edges sorted into strips of rows); then the picture is drawn a strip at a time, every
    /// operation touching the strip in turn, so the strip stays in the cache while the
    /// operations that overlap there composite onto it. The same pixels as drawing each in turn.
    /// Allocates the prepared operations and each thread's rasterizer scratch (recycled).
    public mutating func draw(_ list: DrawList) {
        draw(list, bands: Self.drawThreads(width: width, height: height))
    }

    /// Draws `list` on `bands` threads (1: on the calling thread).
    package mutating func draw(_ list: DrawList, bands: Int) {
        guard !list.isEmpty, !isEmpty else { return }
        withPixelTarget { target in Self.draw(list, into: target, threads: bands, under: nil) }
    }

    /// Draws `list` over `picture`, whose pixels land at (`x`, `y`) of this image: each strip's
    /// rows of the picture are copied in just before the strip is drawn, so the picture is read
    /// and the result written in one pass. This image's pixels there need not be set before;
    /// its opacity must already be what it is with the picture in place.
    package mutating func draw(_ list: DrawList, over picture: Image, x: Int, y: Int) {
        guard !isEmpty else { return }
        let threads = Self.drawThreads(width: width, height: height)
        picture.withUnsafeBytes { source in
            let under = Underlay(
                bytes: source.baseAddress!.assumingMemoryBound(to: UInt8.self), width: picture.width, height: picture.height, x: x, y: y)
            withPixelTarget { target in Self.draw(list, into: target, threads: threads, under: under) }
        }
    }

    static func drawThreads(width w: Int, height h: Int) -> Int { max(1, min(Parallelism.maximumThreads, h / 64, w * h / 250_000)) }

    /// A picture copied in under a draw list, strip by strip.
    struct Underlay: @unchecked Sendable {
        let bytes: UnsafePointer<UInt8>
        let width: Int
        let height: Int
        let x: Int
        let y: Int
    }

    /// One operation prepared for a picture.
    private enum Step: Sendable {
        case fill(PreparedFill, Pixel)
        case coverage([CoverageBitmap], Pixel, rows: Range<Int>)
        case outline(BinaryGrid, Pixel, PixelRect)

        init?(_ operation: DrawList.Operation, picture: PixelRect, stripRows: Int) {
            switch operation {
            case let .fill(path, color, rule, limit):
                guard let clip = limit.map({ picture.intersection($0) }) ?? picture,
                    let prepared = try? PreparedFill(path, rule: rule, clip: clip, stripRows: stripRows, operation: "drawing a list")
                else { return nil }
                self = .fill(prepared, color)
            case let .coverage(bitmaps, color):
                let top = bitmaps.map(\.top).min() ?? 0, bottom = bitmaps.map { $0.top + $0.height }.max() ?? 0
                // Bitmaps wholly above or below the picture draw nothing.
                let first = max(top, 0), end = min(bottom, picture.height)
                guard first < end else { return nil }
                self = .coverage(bitmaps, color, rows: first..<end)
            case let .outline(grid, color, limit):
                guard let clip = limit.map({ picture.intersection($0) }) ?? picture, let inside = clip.intersection(grid.bounds) else {
                    return nil
                }
                self = .outline(grid, color, inside)
            }
        }

        var rows: Range<Int> {
            switch self {
            case .fill(let p, _): return p.region.y..<(p.region.y + p.region.height)
            case .coverage(_, _, let rows): return rows
            case .outline(_, _, let r): return r.y..<(r.y + r.height)
            }
        }
    }

    private static func draw(_ list: DrawList, into target: PixelTarget, threads: Int, under: Underlay?) {
        let (w, h) = (target.width, target.height)
        let stripRows = Rasterizer.stripRows(width: w)
        let strips = (h + stripRows - 1) / stripRows
        let picture = PixelRect(x: 0, y: 0, width: w, height: h)
        let operations = list.operations
        let steps = Parallelism.map(operations.count, threads: threads) { Step(operations[$0], picture: picture, stripRows: stripRows) }
        // For each strip, the steps that touch it, in order (a counting sort).
        var offsets = [Int](repeating: 0, count: strips + 1)
        for case let step? in steps where !step.rows.isEmpty {
            for k in step.rows.lowerBound / stripRows...(step.rows.upperBound - 1) / stripRows { offsets[k + 1] += 1 }
        }
        for k in 0..<strips { offsets[k + 1] += offsets[k] }
        var order = [Int32](repeating: 0, count: offsets[strips])
        var next = offsets
        for (i, step) in steps.enumerated() {
            guard let step, !step.rows.isEmpty else { continue }
            for k in step.rows.lowerBound / stripRows...(step.rows.upperBound - 1) / stripRows {
                order[next[k]] = Int32(i)
                next[k] += 1
            }
        }
        let works = (0..<max(threads, 1)).map { _ in RasterWork() }
        Parallelism.forEach(strips, threads: threads) { k, thread in
            let r0 = k * stripRows, r1 = min(h, r0 + stripRows)
            let clip = PixelRect(x: 0, y: r0, width: w, height: r1 - r0)
            if let under { copy(under, rows: r0..<r1, into: target) }
            guard let work = works[thread] else { return }
            for i in order[offsets[k]..<offsets[k + 1]] {
                switch steps[Int(i)] {
                case let .fill(prepared, color)?:
                    try? prepared.withCoverage(ofStrip: k, work: work) { target.fill($0, with: color) }
                case let .coverage(bitmaps, color, _)?:
                    for bitmap in bitmaps { target.blend(color, through: bitmap, clip: clip) }
                case let .outline(grid, color, inside)?:
                    if let strip = clip.intersection(inside) { target.fill(outlineOf: grid, with: color, clip: strip) }
                case nil: break
                }
            }
        }
        for work in works { work?.recycle() }
    }

    /// Copies the rows `rows` of this image that `under` covers from it.
    private static func copy(_ under: Underlay, rows: Range<Int>, into target: PixelTarget) {
        let x0 = max(under.x, 0), x1 = min(under.x + under.width, target.width)
        let y0 = max(rows.lowerBound, under.y), y1 = min(rows.upperBound, under.y + under.height)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            (target.bytes + (y * target.width + x0) * 4).update(
                from: under.bytes + ((y - under.y) * under.width + x0 - under.x) * 4, count: (x1 - x0) * 4)
        }
    }
}
