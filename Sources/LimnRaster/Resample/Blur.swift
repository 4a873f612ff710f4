#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gaussian blur. From σ = 8 on large pictures, the blur runs on a reduced copy (see
/// `reducedSize`). From σ = 2 up: three successive box blurs per axis (the box sizes of Kovesi's
/// "fast almost-Gaussian filtering"), each a running sum, so the cost does not grow with the
/// radius. Below σ = 2, where three boxes are too coarse, one pass per axis of the sampled
/// Gaussian (radius 3σ). Works on 16-bit planes so that the passes do not accumulate 8-bit
/// rounding. Edges repeat the border pixel.
enum BoxBlur {
    /// For σ ≥ 8 on pictures large enough to matter, the size to blur at instead: reduced by
    /// ⌊σ / 4⌋, so the reduced blur keeps σ ≥ 4 (its result is smooth enough to enlarge with a
    /// triangle filter within about a level). Nil when the full-size blur is used.
    static func reducedSize(for size: Size, sigma: Double) -> Size? {
        let factor = Int(sigma / 4)
        guard factor >= 2, size.width / factor >= 8, size.height / factor >= 8, size.width * size.height >= 65536 else { return nil }
        return Size(width: size.width / factor, height: size.height / factor)
    }

    /// The three box widths (odd) whose succession best matches a Gaussian of `sigma`.
    static func boxes(sigma: Double) -> [Int] {
        let n = 3.0
        let ideal = (12 * sigma * sigma / n + 1).squareRoot()
        var lower = Int(ideal.rounded(.down))
        if lower % 2 == 0 { lower -= 1 }
        lower = max(lower, 1)
        let upper = lower + 2
        let l = Double(lower)
        let m = ((12 * sigma * sigma - n * l * l - 4 * n * l - 3 * n) / (-4 * l - 4)).rounded()
        return (0..<3).map { Double($0) < m ? lower : upper }
    }

    /// Blurs `plane` (`width × height × channels` 16-bit values) in place. Rows are filtered one
    /// by one; columns all at once, row after row (running sums across the whole row), so memory
    /// is read in order. Allocates one line per band and one plane-sized buffer.
    static func blur(_ plane: UnsafeMutablePointer<UInt16>, width: Int, height: Int, channels: Int, sigma: Double) {
        guard width > 0, height > 0 else { return }
        let rowValues = width * channels
        let spare = UnsafeMutablePointer<UInt16>.allocate(capacity: rowValues * height)
        defer { spare.deallocate() }
        if sigma < 2 {
            let kernel = gaussian(sigma: sigma)
            Parallelism.run(bands: Parallelism.bands(height, work: rowValues * height * kernel.count / 4), over: height) { rows, _ in
                let copy = UnsafeMutablePointer<UInt16>.allocate(capacity: rowValues)
                defer { copy.deallocate() }
                for y in rows {
                    let row = plane + y * rowValues
                    copy.update(from: row, count: rowValues)
                    for c in 0..<channels {
                        convolveLine(copy + c, count: width, step: channels, kernel: kernel, into: row + c, outStep: channels)
                    }
                }
            }
            spare.update(from: plane, count: rowValues * height)
            verticalGaussian(from: spare, into: plane, rowValues: rowValues, height: height, kernel: kernel)
            return
        }
        // Radii past the picture's size only repeat its edges: cap them there.
        let radii = boxes(sigma: min(sigma, Double(max(width, height)))).map { ($0 - 1) / 2 }.filter { $0 > 0 }
        guard !radii.isEmpty else { return }
        Parallelism.run(bands: Parallelism.bands(height, work: rowValues * height * radii.count), over: height) { rows, _ in
            let copy = UnsafeMutablePointer<UInt16>.allocate(capacity: width)
            defer { copy.deallocate() }
            for y in rows {
                let row = plane + y * rowValues
                for c in 0..<channels {
                    for r in radii {
                        for x in 0..<width { copy[x] = row[x * channels + c] }
                        boxLine(copy, count: width, step: 1, radius: r, into: row + c, outStep: channels)
                    }
                }
            }
        }
        var source = plane, target = spare
        for r in radii {
            verticalBox(from: source, into: target, rowValues: rowValues, height: height, radius: r)
            swap(&source, &target)
        }
        if source != plane { plane.update(from: source, count: rowValues * height) }
    }

    /// A vertical box of width `2·radius + 1` over every column at once, edges clamped.
    static func verticalBox(
        from source: UnsafePointer<UInt16>, into target: UnsafeMutablePointer<UInt16>,
        rowValues: Int, height: Int, radius: Int
    ) {
        let size = UInt32(2 * radius + 1)
        // x / size as a multiply and a shift: exact for x < 2^32 / size·… (sums here stay below 2^26).
        let reciprocal = (UInt64(1) << 40) / UInt64(size) + 1
        Parallelism.run(bands: Parallelism.bands(rowValues, work: rowValues * height), over: rowValues) { columns, _ in
            let n = columns.count, c0 = columns.lowerBound
            let sums = UnsafeMutablePointer<UInt32>.allocate(capacity: n)
            defer { sums.deallocate() }
            sums.initialize(repeating: 0, count: n)
            func row(_ y: Int) -> UnsafePointer<UInt16> { source + min(max(y, 0), height - 1) * rowValues + c0 }
            for k in -radius...radius {
                let r = row(k)
                for i in 0..<n { sums[i] &+= UInt32(r[i]) }
            }
            for y in 0..<height {
                let out = target + y * rowValues + c0
                for i in 0..<n { out[i] = UInt16(truncatingIfNeeded: (UInt64(sums[i] &+ size / 2) &* reciprocal) >> 40) }
                let add = row(y + radius + 1), drop = row(y - radius)
                for i in 0..<n { sums[i] = sums[i] &+ UInt32(add[i]) &- UInt32(drop[i]) }
            }
        }
    }

    /// The sampled Gaussian down every column at once, edges clamped.
    static func verticalGaussian(
        from source: UnsafePointer<UInt16>, into target: UnsafeMutablePointer<UInt16>,
        rowValues: Int, height: Int, kernel: [UInt32]
    ) {
        let radius = kernel.count / 2
        Parallelism.run(bands: Parallelism.bands(rowValues, work: rowValues * height * kernel.count / 4), over: rowValues) { columns, _ in
            let n = columns.count, c0 = columns.lowerBound
            let sums = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
            defer { sums.deallocate() }
            kernel.withUnsafeBufferPointer { k in
                for y in 0..<height {
                    sums.initialize(repeating: 32768, count: n)
                    for t in 0..<k.count {
                        let r = source + min(max(y + t - radius, 0), height - 1) * rowValues + c0
                        let w = UInt64(k[t])
                        for i in 0..<n { sums[i] &+= UInt64(r[i]) &* w }
                    }
                    let out = target + y * rowValues + c0
                    for i in 0..<n { out[i] = UInt16(truncatingIfNeeded: min(sums[i] >> 16, 65535)) }
                }
            }
        }
    }

    /// The sampled, normalised Gaussian of `sigma`, radius `ceil(3σ)`, in 16-bit fixed point.
    static func gaussian(sigma: Double) -> [UInt32] {
        let radius = max(1, Int((3 * sigma).rounded(.up)))
        let raw = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = raw.reduce(0, +)
        var weights = raw.map { UInt32(($0 / total * 65536).rounded()) }
        let sum = weights.reduce(0, +)
        weights[radius] = weights[radius] &+ (65536 &- sum)  // exactly one: flat stays flat
        return weights
    }

    @inline(__always)
    static func convolveLine(
        _ input: UnsafeMutablePointer<UInt16>, count: Int, step: Int, kernel: [UInt32],
        into output: UnsafeMutablePointer<UInt16>, outStep: Int
    ) {
        let radius = kernel.count / 2
        kernel.withUnsafeBufferPointer { k in
            for i in 0..<count {
                var sum: UInt64 = 32768
                for t in 0..<k.count {
                    sum += UInt64(k[t]) * UInt64(input[min(max(i + t - radius, 0), count - 1) * step])
                }
                output[i * outStep] = UInt16(sum >> 16)
            }
        }
    }

    /// A box of width `2·radius + 1` along one line, edges clamped, rounded. The middle of the
    /// line, where no clamping is needed, runs without bounds arithmetic or division.
    @inline(__always)
    static func boxLine(
        _ input: UnsafePointer<UInt16>, count: Int, step: Int, radius: Int,
        into output: UnsafeMutablePointer<UInt16>, outStep: Int
    ) {
        let size = UInt64(2 * radius + 1), half = size / 2
        let reciprocal = (UInt64(1) << 40) / size + 1  // exact for sums below 2^24 · size
        func at(_ i: Int) -> UInt64 { UInt64(input[min(max(i, 0), count - 1) * step]) }
        var sum: UInt64 = 0
        for i in -radius...radius { sum += at(i) }
        let safe = (radius + 1)..<max(radius + 1, count - radius - 1)
        var i = 0
        while i < count {
            output[i * outStep] = UInt16(truncatingIfNeeded: ((sum + half) &* reciprocal) >> 40)
            if safe.contains(i) && step == 1 {
                // Unclamped middle: both ends of the window are inside the line.
                let end = safe.upperBound
                while i < end {
                    sum = sum &+ UInt64(input[i + radius + 1]) &- UInt64(input[i - radius])
                    i += 1
                    output[i * outStep] = UInt16(truncatingIfNeeded: ((sum + half) &* reciprocal) >> 40)
                }
            }
            sum = sum &+ at(i + radius + 1) &- at(i - radius)
            i += 1
        }
    }
}

extension Image {
    /// The image blurred by a Gaussian of standard deviation `sigma` pixels, fast for any radius:
    /// three box passes per axis, on a copy reduced by ⌊σ / 4⌋ from σ = 8 (then enlarged). Color is blurred premultiplied, so transparent areas do not
    /// darken what is near them. `sigma` ≤ 0 or not finite returns the image unchanged.
    /// Allocates the result and one 16-bit plane (`width × height × 8` bytes).
    public func blurred(sigma: Double) -> Image {
        guard sigma.isFinite, sigma > 0, !isEmpty else { return self }
        if let reduced = BoxBlur.reducedSize(for: size, sigma: sigma) {
            // Wide blurs leave nothing fine to lose: blur a box-reduced copy, enlarge it back.
            let factor = Double(width) / Double(reduced.width)
            return resampledUnchecked(from: Rect(size), to: reduced, filter: .box).fullBlur(sigma: sigma / factor)
                .resampledUnchecked(from: Rect(reduced), to: size, filter: .triangle)
        }
        return fullBlur(sigma: sigma)
    }

    /// The blur at full size, whatever the sigma.
    func fullBlur(sigma: Double) -> Image {
        let count = width * height * 4
        let plane = UnsafeMutablePointer<UInt16>.allocate(capacity: count)
        defer { plane.deallocate() }
        let opaque = isOpaque
        withUnsafeBytes { raw in
            let p = raw.bindMemory(to: UInt8.self)
            if opaque {
                // No alpha to weigh by: color scaled to 16 bits.
                for i in 0..<count { plane[i] = UInt16(p[i]) << 8 }
            } else {
                // 16-bit premultiplied: color × alpha (0 … 65025), alpha × 255 on the same scale.
                for i in stride(from: 0, to: count, by: 4) {
                    let a = UInt16(p[i + 3])
                    plane[i] = UInt16(p[i]) &* a; plane[i + 1] = UInt16(p[i + 1]) &* a; plane[i + 2] = UInt16(p[i + 2]) &* a
                    plane[i + 3] = a &* 255
                }
            }
        }
        BoxBlur.blur(plane, width: width, height: height, channels: 4, sigma: sigma)
        var out = Image(width: width, height: height, isOpaque: opaque) { raw in
            let p = raw.bindMemory(to: UInt8.self)
            if opaque {
                for i in 0..<count { p[i] = UInt8(truncatingIfNeeded: min((UInt32(plane[i]) + 128) >> 8, 255)) }
                for i in stride(from: 3, to: count, by: 4) { p[i] = 255 }
                return
            }
            for i in stride(from: 0, to: count, by: 4) {
                let a = UInt32(plane[i + 3])
                if a == 0 {
                    p[i] = 0; p[i + 1] = 0; p[i + 2] = 0; p[i + 3] = 0
                    continue
                }
                // One division per pixel: color = C · 255 / A, with a float reciprocal (C = A gives 255 exactly).
                let scale = 255 / Float(a)
                for c in 0..<3 { p[i + c] = UInt8(min(Float(plane[i + c]) * scale + 0.5, 255)) }
                p[i + 3] = UInt8((a + 127) / 255)
            }
        }
        if !opaque { out.recomputeOpacity() }
        return out
    }
}

extension Mask {
    /// The mask blurred by a Gaussian of `sigma` pixels (three box passes per axis). Feathering,
    /// soft shadows. Allocates the result and one 16-bit plane.
    public func blurred(sigma: Double) -> Mask {
        guard sigma.isFinite, sigma > 0, !isEmpty else { return self }
        if let reduced = BoxBlur.reducedSize(for: size, sigma: sigma) {
            let factor = Double(width) / Double(reduced.width)
            return resampledUnchecked(from: Rect(size), to: reduced, filter: .box).fullBlur(sigma: sigma / factor)
                .resampledUnchecked(from: Rect(reduced), to: size, filter: .triangle)
        }
        return fullBlur(sigma: sigma)
    }

    /// The blur at full size, whatever the sigma.
    func fullBlur(sigma: Double) -> Mask {
        let count = width * height
        let plane = UnsafeMutablePointer<UInt16>.allocate(capacity: count)
        defer { plane.deallocate() }
        withUnsafeBytes { raw in
            for i in 0..<count { plane[i] = UInt16(raw[i]) << 8 }
        }
        BoxBlur.blur(plane, width: width, height: height, channels: 1, sigma: sigma)
        return Mask(width: width, height: height) { raw in
            for i in 0..<count { raw[i] = UInt8(min(255, (UInt32(plane[i]) + 128) >> 8)) }
        }
    }
}
