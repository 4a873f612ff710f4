/// The two separable passes of a resample, over 8-bit planes with 1 or 4 interleaved channels,
/// in 14-bit fixed point with rounding and clamping. No allocation inside; rows are split into
/// bands over threads by the caller.
enum ResamplePasses {
    /// Horizontal pass: for each row in `rows`, `weights` maps the source row (`sourceWidth`
    /// pixels) onto `destinationWidth` pixels. Row `y` of the destination is read from row
    /// `y + rowOffset` of the source.
    static func horizontal(
        source: UnsafePointer<UInt8>, sourceWidth: Int, rowOffset: Int,
        destination: UnsafeMutablePointer<UInt8>, destinationWidth: Int,
        rows: Range<Int>, channels: Int, weights: ResampleWeights
    ) {
        let taps = weights.taps
        let rounding = Int32(1) << (ResampleWeights.precision - 1)
        weights.weights.withUnsafeBufferPointer { w in
            if channels == 4 {
                let limit = SIMD4<Int32>(repeating: 255 << ResampleWeights.precision)
                for y in rows {
                    let srow = UnsafeRawPointer(source + (y + rowOffset) * sourceWidth * 4)
                    let drow = UnsafeMutableRawPointer(destination + y * destinationWidth * 4)
                    for x in 0..<destinationWidth {
                        var acc = SIMD4<Int32>(repeating: rounding)
                        let s = srow + weights.start(x) * 4
                        let wx = x * taps
                        for k in 0..<taps {
                            let bytes = unsafeBitCast(s.loadUnaligned(fromByteOffset: k * 4, as: UInt32.self), to: SIMD4<UInt8>.self)
                            acc &+= SIMD4<Int32>(truncatingIfNeeded: bytes) &* w[wx + k]
                        }
                        acc = acc.clamped(lowerBound: .zero, upperBound: limit) &>> ResampleWeights.precision
                        drow.storeBytes(of: unsafeBitCast(SIMD4<UInt8>(truncatingIfNeeded: acc), to: UInt32.self),
                                        toByteOffset: x * 4, as: UInt32.self)
                    }
                }
            } else {
                for y in rows {
                    let srow = source + (y + rowOffset) * sourceWidth
                    let drow = destination + y * destinationWidth
                    for x in 0..<destinationWidth {
                        var acc = rounding
                        let s = srow + weights.start(x)
                        let wx = x * taps
                        for k in 0..<taps { acc &+= Int32(s[k]) &* w[wx + k] }
                        drow[x] = UInt8(min(max(acc >> ResampleWeights.precision, 0), 255))
                    }
                }
            }
        }
    }

    /// Vertical pass: output row `y` (of `rows`) is a weighted sum of source rows
    /// `weights.start(y) - rowOffset ...`. Works on any channel count: a row is `rowBytes` bytes.
    /// `scratch` holds at least `rowBytes` Int32 values.
    static func vertical(
        source: UnsafePointer<UInt8>, rowBytes: Int, rowOffset: Int,
        destination: UnsafeMutablePointer<UInt8>, rows: Range<Int>, weights: ResampleWeights,
        scratch: UnsafeMutablePointer<Int32>
    ) {
        let taps = weights.taps
        let rounding = Int32(1) << (ResampleWeights.precision - 1)
        weights.weights.withUnsafeBufferPointer { w in
            for y in rows {
                scratch.update(repeating: rounding, count: rowBytes)
                let first = weights.start(y) - rowOffset
                for k in 0..<taps {
                    let weight = w[y * taps + k]
                    if weight == 0 { continue }
                    let srow = source + (first + k) * rowBytes
                    for i in 0..<rowBytes { scratch[i] &+= Int32(srow[i]) &* weight }
                }
                let drow = destination + y * rowBytes
                for i in 0..<rowBytes {
                    drow[i] = UInt8(truncatingIfNeeded: min(max(scratch[i], 0), 255 << ResampleWeights.precision) >> ResampleWeights.precision)
                }
            }
        }
    }

    /// Box pre-shrink by integer factors: each output pixel is the rounded mean of a
    /// `factorX × factorY` block (fewer at the right and bottom edges when the size is not a
    /// multiple). The source is `sourceWidth × sourceHeight` pixels whose rows are
    /// `sourceStride` bytes apart. Rows `rows` of the destination are written.
    static func boxShrink(
        source: UnsafePointer<UInt8>, sourceStride: Int, sourceWidth: Int, sourceHeight: Int, channels: Int,
        factorX: Int, factorY: Int, destination: UnsafeMutablePointer<UInt8>, destinationWidth: Int,
        rows: Range<Int>, scratch: UnsafeMutablePointer<UInt32>
    ) {
        let rowValues = destinationWidth * channels
        for oy in rows {
            scratch.update(repeating: 0, count: rowValues)
            let y0 = oy * factorY, y1 = min(y0 + factorY, sourceHeight)
            for y in y0..<y1 {
                let srow = source + y * sourceStride
                for ox in 0..<destinationWidth {
                    let x0 = ox * factorX, x1 = min(x0 + factorX, sourceWidth)
                    for x in x0..<x1 {
                        for c in 0..<channels { scratch[ox * channels + c] &+= UInt32(srow[x * channels + c]) }
                    }
                }
            }
            let drow = destination + oy * rowValues
            let fullCount = UInt32(factorX * (y1 - y0))
            for ox in 0..<destinationWidth {
                let x0 = ox * factorX
                let n = ox == destinationWidth - 1 ? UInt32(min(x0 + factorX, sourceWidth) - x0) * UInt32(y1 - y0) : fullCount
                for c in 0..<channels {
                    drow[ox * channels + c] = UInt8((scratch[ox * channels + c] + n / 2) / n)
                }
            }
        }
    }
}
