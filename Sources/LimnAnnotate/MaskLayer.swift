import Dispatch
import LimnRaster
import LimnResults

/// Instance masks: a translucent fill in the class colour, exact inside and anti-aliased only
/// where the contour crosses pixels, under an anti-aliased contour of the same colour; or the
/// contour alone; and, when asked, the picture dimmed outside every mask.
///
/// A run-length mask placed by whole pixels is filled straight from its decoded grid (the
/// coverage its traced outline would give, without the rasterizer); any other mask through its
/// path. Masks are prepared (decoded, traced, their contours stroked) on every core, a batch at a
/// time, so a result of many large masks holds a bounded number of grids.
struct MaskLayer: Sendable {
    let options: AnnotationOptions
    let metrics: Metrics
    /// The picture's place in the frame.
    let clip: Rect

    /// How one mask is filled.
    enum Fill: Sendable {
        case grid(BinaryGrid)
        case path(Path, FillRule)
    }

    /// One mask ready to record: its fill, and its contour already stroked (nil for an empty mask).
    struct Prepared: Sendable {
        var fill: Fill?
        var contour: Path?
    }

    /// The fill of `mask`: its grid when it is a run-length mask moved by whole pixels, else its
    /// path; nil when it covers nothing.
    static func fill(of mask: InstanceMask) -> Fill? {
        if case .runLength(let rle) = mask, let grid = rle.placedGrid { return .grid(grid) }
        let path = mask.path
        return path.isEmpty ? nil : .path(path, mask.fillRule)
    }

    /// The masks split into runs of consecutive indices whose grids together stay near
    /// `budget` bytes (a mask larger than that is a batch of its own).
    static func batches(_ masks: [InstanceMask], budget: Int = 64 << 20) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var start = 0, bytes = 0
        for (i, mask) in masks.enumerated() {
            var size = 0
            if case .runLength(let rle) = mask, let b = rle.bounds { size = ((b.width + 65) / 64 + 1) * 8 * (b.height + 2) }
            if i > start, bytes + size > budget {
                batches.append(start..<i)
                (start, bytes) = (i, 0)
            }
            bytes += size
        }
        if start < masks.count { batches.append(start..<masks.count) }
        return batches
    }

    /// `masks` decoded and their contours traced and stroked, on up to `threads` threads; in order.
    func prepare(_ masks: ArraySlice<InstanceMask>, threads: Int = Parallelism.maximumThreads) -> [Prepared] {
        let style = StrokeStyle(width: metrics.lineWidth * 0.8, join: .miter)
        let smoothing = min(0.75, style.width / 4)
        let base = masks.startIndex
        return Parallelism.map(masks.count, threads: threads) { i in
            guard let fill = Self.fill(of: masks[base + i]) else { return Prepared() }
            let outline: Path
            switch fill {
            case .grid(let grid):
                // The contour follows the traced outline within `smoothing`: the steps of half a
                // pixel become the line they stand for, which the stroke draws smoothly and with
                // far fewer pieces; the fill keeps the exact outline, under the stroke.
                var traced = Path()
                for polygon in Contours.trace(grid) { traced.append(.polygon(Contours.simplified(polygon, tolerance: smoothing))) }
                outline = traced
            case .path(let path, _):
                outline = path
            }
            return Prepared(fill: options.maskStyle == .fill ? fill : nil, contour: try? outline.stroked(style))
        }
    }

    /// Masks being prepared on other threads while the caller goes on (laying out label chips);
    /// ``wait()`` returns them. Whoever comes first does the work: if no pool thread has started
    /// it when `wait` is called, the caller does, so a pool kept busy by other jobs (a batch)
    /// cannot leave it waiting. With one thread allowed, the work waits for `wait`. ``finish()``
    /// ends it either way (not started: never started; started: waited for), so no work of a call
    /// goes on after the call returns, even when it returns early.
    final class Pending: @unchecked Sendable {
        private let work: @Sendable () -> [Prepared]
        private let lock = Lock()
        private var taken = false
        private var result: [Prepared]?
        private let finished = DispatchSemaphore(value: 0)

        init(_ layer: MaskLayer, _ masks: ArraySlice<InstanceMask>, threads: Int) {
            let masks = Array(masks)
            work = { layer.prepare(masks[...], threads: threads) }
            // Weak: a block that starts after the caller has finished and let go does nothing.
            if threads > 1 { DispatchQueue.global(qos: .userInitiated).async { [weak self] in self?.runUnlessTaken() } }
        }

        private func runUnlessTaken() {
            guard
                lock.withLock({ () -> Bool in
                    defer { taken = true }; return !taken
                })
            else { return }
            let prepared = work()
            lock.withLock { result = prepared }
            finished.signal()
        }

        func wait() -> [Prepared] {
            runUnlessTaken()
            finished.wait()
            finished.signal()
            return lock.withLock { result } ?? []
        }

        /// Makes sure the work is not running: marks it taken if nobody has started it, and waits
        /// for it if somebody has. Harmless after ``wait()``.
        func finish() {
            let started = lock.withLock { () -> Bool in
                defer { taken = true }
                return taken
            }
            if started {
                finished.wait()
                finished.signal()
            }
        }
    }

    /// Records a prepared mask in `color`: the fill, when the style has one, then the contour.
    func draw(_ mask: Prepared, color: Pixel, into list: inout DrawList) {
        if let fill = mask.fill {
            var translucent = color
            let opacity = options.maskOpacity.isFinite ? min(max(options.maskOpacity, 0), 1) : 0.45
            translucent.a = UInt8((255 * opacity).rounded())
            switch fill {
            case .grid(let grid): list.fill(outlineOf: grid, with: translucent, clip: clip)
            case .path(let path, let rule): try? list.fill(path, with: translucent, rule: rule, clip: clip)
            }
        }
        if let contour = mask.contour { try? list.fill(contour, with: color, clip: clip) }
    }

    /// Dims everything of the picture outside `masks` (their union, anti-aliased at the edges).
    /// Allocates one mask the size of the picture, and decodes the masks a batch at a time.
    func dimOutside(_ masks: [InstanceMask], dimming: Pixel, into list: inout DrawList) {
        guard let pixels = clip.coveredPixels, pixels.width > 0, pixels.height > 0 else { return }
        var inside = Mask(width: pixels.width, height: pixels.height)
        let shift = AffineTransform.translation(x: -Double(pixels.x), y: -Double(pixels.y))
        for batch in Self.batches(masks) {
            let fills = Parallelism.map(batch.count) { Self.fill(of: masks[batch.lowerBound + $0]) }
            for fill in fills {
                switch fill {
                case .grid(var grid)?:
                    grid.left -= pixels.x
                    grid.top -= pixels.y
                    inside.fill(outlineOf: grid)
                case .path(let path, let rule)?: try? inside.fill(path.applying(shift), rule: rule)
                case nil: break
                }
            }
        }
        var outside = [UInt8](repeating: 0, count: pixels.width * pixels.height)
        inside.withUnsafeBytes { m in
            for i in outside.indices { outside[i] = 255 &- m[i] }
        }
        list.blend(
            dimming, through: [CoverageBitmap(width: pixels.width, height: pixels.height, left: pixels.x, top: pixels.y, pixels: outside)])
    }
}
