#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gaussian blur. From σ = 2 up: three successive box blurs per axis (the box sizes of Kovesi's
/// "fast almost-Gaussian filtering"), each a running sum, so the cost does not grow with the
/// radius. Below σ = 2, where three boxes are too coarse, one pass per axis of the sampled
/// Gaussian (radius 3σ). Works on 16-bit planes so that the passes do not accumulate 8-bit
/// rounding. Edges repeat the border pixel.
enum BoxBlur {
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

    /// Blurs `plane` (`width × height × channels` 16-bit values) in place.
    static func blur(_ plane: UnsafeMutablePointer<UInt16>, width: Int, height: Int, channels: Int, sigma: Double) {
        guard width > 0, height > 0 else { return }
        if sigma < 2 {
            let kernel = gaussian(sigma: sigma)
            separable(plane, width: width, height: height, channels: channels, passes: 1) { input, count, step, output, outStep in
                convolveLine(input, count: count, step: step, kernel: kernel, into: output, outStep: outStep)
            }
            return
        }
        // Radii past the picture's size only repeat its edges: cap them there.
        let radii = boxes(sigma: min(sigma, Double(max(width, height)))).map { ($0 - 1) / 2 }.filter { $0 > 0 }
        guard !radii.isEmpty else { return }
        separable(plane, width: width, height: height, channels: channels, passes: radii.count) { input, count, step, output, outStep in
            for (i, r) in radii.enumerated() {
                // Box passes chain through the output line: copy back between passes.
                if i > 0 { for j in 0..<count { input[j * step] = output[j * outStep] } }
                boxLine(input, count: count, step: step, radius: r, into: output, outStep: outStep)
            }
        }
    }

    /// Applies `line` to every row, then to every column, of the plane. `line` gets a private copy
    /// of the line (which it may overwrite) and writes the result into the plane.
    static func separable(
        _ plane: UnsafeMutablePointer<UInt16>, width: Int, height: Int, channels: Int, passes: Int,
        _ line: (UnsafeMutablePointer<UInt16>, Int, Int, UnsafeMutablePointer<UInt16>, Int) -> Void
    ) {
        Parallelism.run(bands: Parallelism.bands(height, work: width * height * channels * passes), over: height) { rows, _ in
            let copy = UnsafeMutablePointer<UInt16>.allocate(capacity: width * channels)
            defer { copy.deallocate() }
            for y in rows {
                let row = plane + y * width * channels
                copy.update(from: row, count: width * channels)
                for c in 0..<channels { line(copy + c, width, channels, row + c, channels) }
            }
        }
        let columns = width * channels
        Parallelism.run(bands: Parallelism.bands(columns, work: width * height * channels * passes), over: columns) { cols, _ in
            let copy = UnsafeMutablePointer<UInt16>.allocate(capacity: height)
            defer { copy.deallocate() }
            for col in cols {
                for y in 0..<height { copy[y] = plane[y * columns + col] }
                line(copy, height, 1, plane + col, columns)
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
    static func convolveLine(_ input: UnsafeMutablePointer<UInt16>, count: Int, step: Int, kernel: [UInt32],
                             into output: UnsafeMutablePointer<UInt16>, outStep: Int) {
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

    /// A box of width `2·radius + 1` along one line, edges clamped, rounded.
    @inline(__always)
    static func boxLine(_ input: UnsafePointer<UInt16>, count: Int, step: Int, radius: Int,
                        into output: UnsafeMutablePointer<UInt16>, outStep: Int) {
        // 64-bit sums: 65025 × a window of any width cannot overflow.
        let size = UInt64(2 * radius + 1)
        func at(_ i: Int) -> UInt64 { UInt64(input[min(max(i, 0), count - 1) * step]) }
        var sum: UInt64 = 0
        for i in -radius...radius { sum += at(i) }
        for i in 0..<count {
            output[i * outStep] = UInt16((sum + size / 2) / size)
            sum = sum + at(i + radius + 1) - at(i - radius)
        }
    }
}

extension Image {
    /// The image blurred by a Gaussian of standard deviation `sigma` pixels (fast for any radius:
    /// three box passes per axis). Colour is blurred premultiplied, so transparent areas do not
    /// darken what is near them. `sigma` ≤ 0 or not finite returns the image unchanged.
    /// Allocates the result and one 16-bit plane (`width × height × 8` bytes).
    public func blurred(sigma: Double) -> Image {
        guard sigma.isFinite, sigma > 0, !isEmpty else { return self }
        let count = width * height * 4
        let plane = UnsafeMutablePointer<UInt16>.allocate(capacity: count)
        defer { plane.deallocate() }
        let opaque = isOpaque
        withUnsafeBytes { raw in
            let p = raw.bindMemory(to: UInt8.self)
            // 16-bit premultiplied: colour × alpha (0 … 65025), alpha × 255 on the same scale.
            for i in stride(from: 0, to: count, by: 4) {
                let a = UInt16(p[i + 3])
                plane[i] = UInt16(p[i]) &* a; plane[i + 1] = UInt16(p[i + 1]) &* a; plane[i + 2] = UInt16(p[i + 2]) &* a
                plane[i + 3] = a &* 255
            }
        }
        BoxBlur.blur(plane, width: width, height: height, channels: 4, sigma: sigma)
        var out = Image(width: width, height: height, isOpaque: opaque) { raw in
            let p = raw.bindMemory(to: UInt8.self)
            for i in stride(from: 0, to: count, by: 4) {
                let a = UInt32(plane[i + 3])
                if a == 0 {
                    p[i] = 0; p[i + 1] = 0; p[i + 2] = 0; p[i + 3] = 0
                    continue
                }
                for c in 0..<3 { p[i + c] = UInt8(min(255, (UInt32(plane[i + c]) * 255 + a / 2) / a)) }
                p[i + 3] = opaque ? 255 : UInt8((a + 127) / 255)
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
