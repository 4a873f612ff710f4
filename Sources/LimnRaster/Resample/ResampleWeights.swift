/// The taps of one axis of a resample, computed once per call: for each output position, the
/// first source index and its fixed-point weights (14 fractional bits, summing exactly to 1).
///
/// The axis maps output pixel `i` (center `i + 0.5`) to source position
/// `origin + (i + 0.5) · scale`, so crops with fractional edges resample exactly.
struct ResampleWeights {
    static let precision: Int32 = 14
    static let one: Int32 = 1 << precision

    /// First source index of each output position.
    private(set) var starts: [Int32] = []
    /// Number of taps, the same for every position (shorter windows are padded with zero weights).
    let taps: Int
    /// `taps` weights per output position, as Int16 so that the compiler can prove the products
    /// fit 16-bit multiplies (SSE2 has no 32-bit vector multiply).
    private(set) var weights: [Int16] = []

    /// - Parameters:
    ///   - source: the number of source pixels along the axis (indices are clamped to it).
    ///   - origin, length: the source span mapped onto the output, in source pixels.
    ///   - output: the number of output pixels.
    init(source: Int, origin: Double, length: Double, output: Int, filter: ResampleFilter) {
        let scale = length / Double(output)
        let widen = max(scale, 1)
        if filter == .nearest {
            taps = 1
            starts.reserveCapacity(output)
            for i in 0..<output {
                let center = origin + (Double(i) + 0.5) * scale
                starts.append(Int32(min(max(Int(center.rounded(.down)), 0), source - 1)))
                weights.append(Int16(Self.one))
            }
            return
        }
        let support = filter.support * widen
        // Never more taps than source pixels: every window then fits inside the source.
        taps = min(max(1, Int((2 * support).rounded(.up)) + 1), max(source, 1))
        starts.reserveCapacity(output)
        weights.reserveCapacity(output * taps)
        var window = [Double](repeating: 0, count: taps)
        for i in 0..<output {
            let center = origin + (Double(i) + 0.5) * scale
            // Source pixel j (center j + 0.5) within `support` of the center.
            var first = Int((center - support - 0.5).rounded(.up))
            var last = Int((center + support - 0.5).rounded(.down))
            first = max(first, 0)
            last = min(last, source - 1)
            if last < first {  // the window fell outside the source: use the nearest edge pixel
                first = min(max(Int(center.rounded(.down)), 0), source - 1)
                last = first
            }
            var total = 0.0
            for k in 0..<taps {
                let j = first + k
                let w = j <= last ? filter.weight((Double(j) + 0.5 - center) / widen) : 0
                window[k] = w
                total += w
            }
            if total == 0 { window[0] = 1; total = 1 }
            // Round to fixed point, then give the rounding remainder to the largest weight so the
            // weights sum to exactly one: a flat area stays exactly flat.
            var sum: Int32 = 0, largest = 0
            let base = weights.count
            for k in 0..<taps {
                let w = Int32((window[k] / total * Double(Self.one)).rounded())
                weights.append(Int16(clamping: w))
                sum += Int32(Int16(clamping: w))
                if abs(window[k]) > abs(window[largest]) { largest = k }
            }
            weights[base + largest] = Int16(clamping: Int32(weights[base + largest]) + Self.one - sum)
            // A window that runs past the source's end is shifted back, its weights moved with it
            // and zero weights in front, so that every tap reads inside the source.
            var start = first
            if start + taps > source {
                let shift = start + taps - source
                for k in stride(from: taps - 1, through: shift, by: -1) { weights[base + k] = weights[base + k - shift] }
                for k in 0..<shift { weights[base + k] = 0 }
                start -= shift
            }
            starts.append(Int32(start))
        }
    }

    /// The first source index of output position `i`; its taps read `start ..< start + taps`.
    func start(_ i: Int) -> Int { Int(starts[i]) }

    /// Calls `body` with the starts and the weights (`taps` per position) as raw pointers, for
    /// the hot loops.
    func withUnsafeTables<R>(_ body: (UnsafePointer<Int32>, UnsafePointer<Int16>) -> R) -> R {
        starts.withUnsafeBufferPointer { s in weights.withUnsafeBufferPointer { w in body(s.baseAddress!, w.baseAddress!) } }
    }
}
