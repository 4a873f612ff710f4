import LimnRaster

/// A slow, obviously correct resampler in double precision, to check the fast one against:
/// premultiply, convolve each axis with the same kernel (widened by the scale when shrinking,
/// taps outside the source left out and the rest renormalised), unpremultiply, round.
enum ResampleReference {
    static func resample(_ image: Image, region: Rect, to size: Size, filter: ResampleFilter) -> Image {
        let w = image.width, h = image.height
        var plane = [Double](repeating: 0, count: w * h * 4)
        for y in 0..<h {
            for x in 0..<w {
                let p = image[x, y]
                let a = Double(p.a) / 255
                plane[(y * w + x) * 4] = Double(p.r) * a
                plane[(y * w + x) * 4 + 1] = Double(p.g) * a
                plane[(y * w + x) * 4 + 2] = Double(p.b) * a
                plane[(y * w + x) * 4 + 3] = Double(p.a)
            }
        }
        let columns = axis(source: w, origin: region.x, length: region.width, output: size.width, filter: filter)
        let rows = axis(source: h, origin: region.y, length: region.height, output: size.height, filter: filter)
        var mid = [Double](repeating: 0, count: size.width * h * 4)
        for y in 0..<h {
            for (ox, taps) in columns.enumerated() {
                for (j, weight) in taps {
                    for c in 0..<4 { mid[(y * size.width + ox) * 4 + c] += weight * plane[(y * w + j) * 4 + c] }
                }
            }
        }
        var out = Image(width: size.width, height: size.height)
        for (oy, taps) in rows.enumerated() {
            for ox in 0..<size.width {
                var v = [0.0, 0, 0, 0]
                for (j, weight) in taps {
                    for c in 0..<4 { v[c] += weight * mid[(j * size.width + ox) * 4 + c] }
                }
                let a = min(max(v[3], 0), 255)
                func color(_ c: Double) -> UInt8 {
                    guard a > 0 else { return 0 }
                    return UInt8(min(max(c / (a / 255), 0), 255).rounded())
                }
                out[ox, oy] = Pixel(r: color(v[0]), g: color(v[1]), b: color(v[2]), a: UInt8(a.rounded()))
            }
        }
        return out
    }

    /// For each output position, the (source index, weight) pairs.
    static func axis(source: Int, origin: Double, length: Double, output: Int, filter: ResampleFilter) -> [[(Int, Double)]] {
        let scale = length / Double(output)
        let widen = max(scale, 1)
        return (0..<output).map { i in
            let center = origin + (Double(i) + 0.5) * scale
            if filter == .nearest {
                return [(min(max(Int(center.rounded(.down)), 0), source - 1), 1.0)]
            }
            let support = filter.support * widen
            var taps: [(Int, Double)] = []
            var j = Int((center - support - 0.5).rounded(.down))
            while Double(j) + 0.5 <= center + support {
                if j >= 0 && j < source {
                    let weight = filter.weight((Double(j) + 0.5 - center) / widen)
                    if weight != 0 { taps.append((j, weight)) }
                }
                j += 1
            }
            if taps.isEmpty { taps = [(min(max(Int(center.rounded(.down)), 0), source - 1), 1)] }
            let total = taps.reduce(0) { $0 + $1.1 }
            return taps.map { ($0.0, $0.1 / total) }
        }
    }
}
