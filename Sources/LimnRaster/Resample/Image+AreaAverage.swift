/// Area-averaging resample: every output pixel is the average of the input area it covers,
/// weighted by the exact overlap (a box filter as wide as the scale).
///
/// It never aliases when shrinking and is exact for integer factors. Color is averaged
/// premultiplied by alpha, so transparent neighbours never darken an edge; opaque images skip
/// that work. Deterministic. Allocates the result and one float buffer of
/// `output width × input height × 4`.
extension Image {
    /// The image resampled to `size` by area averaging. Sizes below 1 are raised to 1.
    public func areaAveraged(to size: Size) -> Image {
        let outW = max(size.width, 1), outH = max(size.height, 1)
        guard !isEmpty else { return Image(width: outW, height: outH) }
        if outW == width && outH == height { return self }
        let columns = AreaWeights(input: width, output: outW)
        let rows = AreaWeights(input: height, output: outH)
        let premultiply = !isOpaque

        // Horizontal pass: width → outW for every input row, in premultiplied floats.
        var mid = [Float](repeating: 0, count: outW * height * 4)
        withUnsafeBytes { raw in
            let src = raw.bindMemory(to: UInt8.self)
            mid.withUnsafeMutableBufferPointer { m in
                for y in 0..<height {
                    let row = y * width * 4
                    for ox in 0..<outW {
                        var r: Float = 0, g: Float = 0, b: Float = 0, a: Float = 0
                        for k in columns.range(ox) {
                            let p = row + k.index * 4
                            let wa = premultiply ? k.weight * Float(src[p + 3]) : k.weight
                            r += wa * Float(src[p]); g += wa * Float(src[p + 1]); b += wa * Float(src[p + 2])
                            a += k.weight * Float(src[p + 3])
                        }
                        let o = (y * outW + ox) * 4
                        m[o] = r; m[o + 1] = g; m[o + 2] = b; m[o + 3] = a
                    }
                }
            }
        }

        // Vertical pass: height → outH, then back to straight 8-bit values.
        return mid.withUnsafeBufferPointer { m in
            Image(width: outW, height: outH, isOpaque: isOpaque) { raw in
                let dst = raw.bindMemory(to: UInt8.self)
                for oy in 0..<outH {
                    let taps = rows.range(oy)
                    for ox in 0..<outW {
                        var r: Float = 0, g: Float = 0, b: Float = 0, a: Float = 0
                        for k in taps {
                            let p = (k.index * outW + ox) * 4
                            r += k.weight * m[p]; g += k.weight * m[p + 1]; b += k.weight * m[p + 2]
                            a += k.weight * m[p + 3]
                        }
                        if premultiply {
                            let scale: Float = a > 0 ? 1 / a : 0
                            r *= scale; g *= scale; b *= scale
                        }
                        let o = (oy * outW + ox) * 4
                        dst[o] = clampByte(r); dst[o + 1] = clampByte(g); dst[o + 2] = clampByte(b)
                        dst[o + 3] = isOpaque ? 255 : clampByte(a)
                    }
                }
            }
        }
    }
}

/// Rounds to the nearest byte value, clamping to 0...255.
@inline(__always)
func clampByte(_ v: Float) -> UInt8 {
    UInt8(min(max(v + 0.5, 0), 255))
}

/// For each output position along one axis, the input positions it covers and their weights
/// (overlap length over the output pixel's length in input units); weights sum to 1.
struct AreaWeights {
    struct Tap { var index: Int; var weight: Float }
    private var taps: [Tap] = []
    private var starts: [Int] = []

    init(input: Int, output: Int) {
        let scale = Double(input) / Double(output)
        starts.reserveCapacity(output + 1)
        for o in 0..<output {
            starts.append(taps.count)
            let lo = Double(o) * scale, hi = Double(o + 1) * scale
            var i = Int(lo.rounded(.down))
            let last = min(Int(hi.rounded(.up)) - 1, input - 1)
            while i <= last {
                let overlap = min(hi, Double(i + 1)) - max(lo, Double(i))
                if overlap > 1e-9 { taps.append(Tap(index: i, weight: Float(overlap / scale))) }
                i += 1
            }
        }
        starts.append(taps.count)
    }

    func range(_ o: Int) -> ArraySlice<Tap> { taps[starts[o]..<starts[o + 1]] }
}
