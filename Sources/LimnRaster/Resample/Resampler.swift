/// Reusable memory for resampling: the intermediate planes and the per-axis weights. Passing the
/// same workspace to repeated resamples of the same geometry makes them allocate nothing (on one
/// thread: splitting into bands costs Dispatch a few small allocations). Not thread-safe, so not
/// `Sendable`: one workspace per concurrent job, made where it is used.
public final class ResampleWorkspace {
    let premultiplied = GrowableBuffer<UInt8>()
    let shrunk = GrowableBuffer<UInt8>()
    /// One scratch row per band, so bands on different threads never share one.
    private(set) var rowScratch: [GrowableBuffer<Int32>] = []
    private(set) var rowBuffer: [GrowableBuffer<UInt8>] = []
    private var cachedWeights: [WeightsKey: ResampleWeights] = [:]

    /// An empty workspace; it grows to the largest resample it is used for and keeps that memory.
    public init() {}

    struct WeightsKey: Hashable {
        var source: Int, origin: Double, length: Double, output: Int, filter: ResampleFilter
    }

    func weights(source: Int, origin: Double, length: Double, output: Int, filter: ResampleFilter) -> ResampleWeights {
        let key = WeightsKey(source: source, origin: origin, length: length, output: output, filter: filter)
        if let cached = cachedWeights[key] { return cached }
        let made = ResampleWeights(source: source, origin: origin, length: length, output: output, filter: filter)
        if cachedWeights.count > 8 { cachedWeights.removeAll(keepingCapacity: true) }
        cachedWeights[key] = made
        return made
    }

    /// Makes sure there are `bands` scratch rows of at least `count` values each.
    func prepareScratch(bands: Int, count: Int) {
        while rowScratch.count < bands { rowScratch.append(GrowableBuffer()) }
        while rowBuffer.count < bands { rowBuffer.append(GrowableBuffer()) }
        for b in 0..<bands {
            rowScratch[b].ensure(count)
            rowBuffer[b].ensure(count)
        }
    }
}

/// Memory owned by a workspace: grows on demand, never shrinks, freed with its owner.
final class GrowableBuffer<T: FixedWidthInteger>: @unchecked Sendable {
    private(set) var pointer: UnsafeMutablePointer<T>
    private(set) var capacity = 0

    init() {
        pointer = UnsafeMutablePointer<T>.allocate(capacity: 1)
    }

    /// Ensures room for `count` elements; the contents are not kept when it grows.
    func ensure(_ count: Int) {
        guard count > capacity else { return }
        pointer.deallocate()
        pointer = UnsafeMutablePointer<T>.allocate(capacity: count)
        capacity = count
    }

    deinit { pointer.deallocate() }
}

/// How a resample runs (what the public entry points' `filter` and `preShrink` arguments say).
struct ResampleOptions: Sendable, Equatable {
    var filter: ResampleFilter
    /// When shrinking by 4× or more on an axis, first average integer blocks (a box filter), so
    /// that the windowed kernel still works on at least 2× (libvips' shrink-then-reduce). Much
    /// faster for large ratios; the result differs from the pure kernel by a fraction of a level.
    var preShrink: Bool

    init(filter: ResampleFilter = .lanczos3, preShrink: Bool = true) {
        self.filter = filter
        self.preShrink = preShrink
    }
}

/// Resamples a region of an 8-bit plane of 1 or 4 channels into another plane.
enum PlaneResampler {
    struct Plane {
        var bytes: UnsafePointer<UInt8>
        var width: Int
        var height: Int
        /// Bytes from one row to the next.
        var stride: Int
    }

    /// Maps `region` (source pixels, any fractional edges; clamped reads at the borders) of
    /// `source` onto all of `destination` (`outWidth × outHeight`).
    /// With `premultiply`, 4-channel sources are premultiplied on the way in and the result is
    /// unpremultiplied on the way out.
    static func resample(
        _ source: Plane, channels: Int, region: Rect, into destination: UnsafeMutablePointer<UInt8>,
        outWidth: Int, outHeight: Int, options: ResampleOptions, premultiply: Bool, workspace: ResampleWorkspace
    ) {
        guard outWidth > 0, outHeight > 0, source.width > 0, source.height > 0 else { return }
        let filter = options.filter
        var plane = source
        var rect = region
        let scaleX = rect.width / Double(outWidth), scaleY = rect.height / Double(outHeight)

        // 1. The source pixels the kernel can reach, with a margin for its support.
        let marginX = Int((filter.support * max(scaleX, 1)).rounded(.up)) + 1
        let marginY = Int((filter.support * max(scaleY, 1)).rounded(.up)) + 1
        let x0 = max(0, min(Int(rect.minX.rounded(.down)) - marginX, source.width - 1))
        let x1 = min(source.width, max(Int(rect.maxX.rounded(.up)) + marginX, x0 + 1))
        let y0 = max(0, min(Int(rect.minY.rounded(.down)) - marginY, source.height - 1))
        let y1 = min(source.height, max(Int(rect.maxY.rounded(.up)) + marginY, y0 + 1))

        // 2. Premultiply that region into the workspace (images with alpha only).
        if premultiply && channels == 4 {
            let w = x1 - x0, h = y1 - y0
            workspace.premultiplied.ensure(w * h * 4)
            let buffer = workspace.premultiplied.pointer
            for y in 0..<h {
                (buffer + y * w * 4).update(from: source.bytes + (y + y0) * source.stride + x0 * 4, count: w * 4)
            }
            Image.premultiply(UnsafeMutableBufferPointer(start: buffer, count: w * h * 4))
            plane = Plane(bytes: UnsafePointer(buffer), width: w, height: h, stride: w * 4)
            rect = rect.offsetBy(dx: -Double(x0), dy: -Double(y0))
        }

        // 3. Box pre-shrink for large ratios, keeping at least 2× for the kernel.
        let factorX = options.preShrink && filter != .nearest ? max(1, Int(scaleX / 2)) : 1
        let factorY = options.preShrink && filter != .nearest ? max(1, Int(scaleY / 2)) : 1
        if factorX > 1 || factorY > 1 {
            // The region in the current plane's coordinates.
            let bx0 = premultiply && channels == 4 ? 0 : x0, by0 = premultiply && channels == 4 ? 0 : y0
            let bw = premultiply && channels == 4 ? plane.width : x1 - x0
            let bh = premultiply && channels == 4 ? plane.height : y1 - y0
            let sw = (bw + factorX - 1) / factorX, sh = (bh + factorY - 1) / factorY
            workspace.shrunk.ensure(sw * sh * channels)
            let origin = plane.bytes + by0 * plane.stride + bx0 * channels
            let stride = plane.stride
            let shrunkBase = workspace.shrunk.pointer
            Parallelism.run(bands: Parallelism.bands(sh, work: bw * bh * channels / 4), over: sh) { rows, _ in
                ResamplePasses.boxShrink(
                    source: origin, sourceStride: stride, sourceWidth: bw, sourceHeight: bh, channels: channels,
                    factorX: factorX, factorY: factorY, destination: shrunkBase, destinationWidth: sw, rows: rows)
            }
            plane = Plane(bytes: UnsafePointer(shrunkBase), width: sw, height: sh, stride: sw * channels)
            rect = Rect(
                x: (rect.x - Double(bx0)) / Double(factorX), y: (rect.y - Double(by0)) / Double(factorY),
                width: rect.width / Double(factorX), height: rect.height / Double(factorY))
        }

        // 4. Weights per axis. Each output row is made in one go: the vertical pass over the
        // source columns the horizontal taps need (vectorised across the row), then the
        // horizontal pass over that single row. No full-size intermediate plane.
        let horizontal = workspace.weights(source: plane.width, origin: rect.x, length: rect.width, output: outWidth, filter: filter)
        let vertical = workspace.weights(source: plane.height, origin: rect.y, length: rect.height, output: outHeight, filter: filter)
        let firstColumn = horizontal.start(0)
        let columns = horizontal.start(outWidth - 1) + horizontal.taps - firstColumn
        let spanBytes = columns * channels
        let bands = Parallelism.bands(outHeight, work: outHeight * (columns * vertical.taps + outWidth * horizontal.taps))
        workspace.prepareScratch(bands: bands, count: spanBytes)
        let sourcePlane = plane
        horizontal.withUnsafeTables { hStarts, hWeights in
            vertical.withUnsafeTables { vStarts, vWeights in
                Parallelism.run(bands: bands, over: outHeight) { rows, band in
                    let scratch = workspace.rowScratch[band].pointer, row = workspace.rowBuffer[band].pointer
                    for y in rows {
                        ResamplePasses.verticalRow(
                            source: sourcePlane.bytes, stride: sourcePlane.stride, firstRow: Int(vStarts[y]), taps: vertical.taps,
                            weights: vWeights + y * vertical.taps, byteOffset: firstColumn * channels, byteCount: spanBytes,
                            scratch: scratch, row: row)
                        ResamplePasses.horizontalRow(
                            source: row, startOffset: firstColumn, starts: hStarts, weights: hWeights, taps: horizontal.taps,
                            outputWidth: outWidth, channels: channels, row: destination + y * outWidth * channels)
                    }
                }
            }
        }
        if premultiply && channels == 4 {
            Image.unpremultiply(UnsafeMutableBufferPointer(start: destination, count: outWidth * outHeight * 4))
        }
    }
}
