/// The passes of a resample over 8-bit planes of 1 or 4 interleaved channels, in 14-bit fixed
/// point with rounding and clamping. No allocation inside; the caller splits rows into bands.
enum ResamplePasses {
    static let precision = ResampleWeights.precision
    static let rounding = Int32(1) << (precision - 1)

    /// One output row of the vertical pass: the weighted sum of `taps` source rows starting at
    /// `firstRow`, over `byteCount` bytes starting `byteOffset` into each row, into `row`.
    /// `scratch` holds at least `byteCount` values. Vectorises across the row.
    @inline(never)
    static func verticalRow(
        source: UnsafePointer<UInt8>, stride: Int, firstRow: Int, taps: Int, weights: UnsafePointer<Int16>,
        byteOffset: Int, byteCount: Int, scratch: UnsafeMutablePointer<Int32>, row: UnsafeMutablePointer<UInt8>
    ) {
        scratch.update(repeating: rounding, count: byteCount)
        // Four taps per sweep: a quarter of the scratch traffic of one sweep per tap.
        var k = 0
        while k + 4 <= taps {
            let w0 = Int32(weights[k]), w1 = Int32(weights[k + 1]), w2 = Int32(weights[k + 2]), w3 = Int32(weights[k + 3])
            let r0 = source + (firstRow + k) * stride + byteOffset
            let r1 = r0 + stride, r2 = r1 + stride, r3 = r2 + stride
            for i in 0..<byteCount {
                scratch[i] &+= Int32(r0[i]) &* w0 &+ Int32(r1[i]) &* w1 &+ Int32(r2[i]) &* w2 &+ Int32(r3[i]) &* w3
            }
            k += 4
        }
        while k < taps {
            let weight = Int32(weights[k])
            let srow = source + (firstRow + k) * stride + byteOffset
            if weight != 0 {
                for i in 0..<byteCount { scratch[i] &+= Int32(srow[i]) &* weight }
            }
            k += 1
        }
        let limit = Int32(255) << precision
        for i in 0..<byteCount {
            row[i] = UInt8(truncatingIfNeeded: min(max(scratch[i], 0), limit) &>> precision)
        }
    }

    /// One output row of the horizontal pass: output pixel `x` is the weighted sum of source pixels
    /// `starts[x] - startOffset ..< + taps` of `source` (one row).
    @inline(never)
    static func horizontalRow(
        source: UnsafePointer<UInt8>, startOffset: Int, starts: UnsafePointer<Int32>, weights: UnsafePointer<Int16>,
        taps: Int, outputWidth: Int, channels: Int, row: UnsafeMutablePointer<UInt8>
    ) {
        if channels == 4 {
            let limit = SIMD4<Int32>(repeating: 255 << precision)
            let raw = UnsafeRawPointer(source)
            let out = UnsafeMutableRawPointer(row)
            var w = weights
            for x in 0..<outputWidth {
                var acc = SIMD4<Int32>(repeating: rounding)
                var p = raw + (Int(starts[x]) - startOffset) * 4
                for k in 0..<taps {
                    let bytes = unsafeBitCast(p.loadUnaligned(as: UInt32.self), to: SIMD4<UInt8>.self)
                    acc &+=
                        SIMD4<Int32>(truncatingIfNeeded: SIMD4<Int16>(truncatingIfNeeded: bytes)) &* SIMD4<Int32>(repeating: Int32(w[k]))
                    p += 4
                }
                w += taps
                acc = acc.clamped(lowerBound: .zero, upperBound: limit) &>> precision
                out.storeBytes(
                    of: unsafeBitCast(SIMD4<UInt8>(truncatingIfNeeded: acc), to: UInt32.self),
                    toByteOffset: x * 4, as: UInt32.self)
            }
        } else {
            var w = weights
            for x in 0..<outputWidth {
                var acc = rounding
                let p = source + Int(starts[x]) - startOffset
                for k in 0..<taps { acc &+= Int32(p[k]) &* Int32(w[k]) }
                w += taps
                row[x] = UInt8(truncatingIfNeeded: min(max(acc, 0), Int32(255) << precision) &>> precision)
            }
        }
    }

    /// The 2 × 2 box of RGBA rows `a` and `b`, two output pixels per step on 16-byte vectors, for
    /// `pairs` whole pairs of source pixels. Returns how many output pixels it wrote.
    @inline(__always)
    static func halveRow(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, pairs: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b), ro = UnsafeMutableRawPointer(out)
        var x = 0  // output pixel
        while x + 2 <= pairs {
            let top = ra.loadUnaligned(fromByteOffset: x * 8, as: SIMD16<UInt8>.self)
            let bottom = rb.loadUnaligned(fromByteOffset: x * 8, as: SIMD16<UInt8>.self)
            let sum = SIMD16<UInt16>(truncatingIfNeeded: top) &+ SIMD16<UInt16>(truncatingIfNeeded: bottom)
            let left = sum.lowHalf, right = sum.highHalf  // source pixels 0-1 and 2-3
            let pair = SIMD8<UInt16>(lowHalf: left.lowHalf &+ left.highHalf, highHalf: right.lowHalf &+ right.highHalf)
            let mean = (pair &+ 2) &>> 2
            ro.storeBytes(
                of: unsafeBitCast(SIMD8<UInt8>(truncatingIfNeeded: mean), to: UInt64.self),
                toByteOffset: x * 4, as: UInt64.self)
            x += 2
        }
        return x
    }

    /// Box pre-shrink by integer factors: each output pixel is the rounded mean of a
    /// `factorX × factorY` block (fewer at the right and bottom edges when the size is not a
    /// multiple). The source is `sourceWidth × sourceHeight` pixels whose rows are
    /// `sourceStride` bytes apart. Rows `rows` of the destination are written.
    @inline(never)
    static func boxShrink(
        source: UnsafePointer<UInt8>, sourceStride: Int, sourceWidth: Int, sourceHeight: Int, channels: Int,
        factorX: Int, factorY: Int, destination: UnsafeMutablePointer<UInt8>, destinationWidth: Int, rows: Range<Int>
    ) {
        for oy in rows {
            let y0 = oy * factorY, y1 = min(y0 + factorY, sourceHeight)
            let drow = destination + oy * destinationWidth * channels
            var firstGeneric = 0
            if channels == 4 && factorX == 2 && factorY == 2 && y1 - y0 == 2 {
                firstGeneric = halveRow(
                    source + y0 * sourceStride, source + (y0 + 1) * sourceStride,
                    pairs: sourceWidth / 2, into: drow)
            }
            for ox in firstGeneric..<destinationWidth {
                let x0 = ox * factorX, x1 = min(x0 + factorX, sourceWidth)
                let n = UInt32((x1 - x0) * (y1 - y0))
                if channels == 4 && n <= 257 {
                    // Sums of up to 257 bytes fit 16-bit lanes.
                    var acc = SIMD4<UInt16>(repeating: UInt16(n / 2))
                    for y in y0..<y1 {
                        var p = UnsafeRawPointer(source + y * sourceStride + x0 * 4)
                        for _ in x0..<x1 {
                            acc &+= SIMD4<UInt16>(
                                truncatingIfNeeded: unsafeBitCast(p.loadUnaligned(as: UInt32.self), to: SIMD4<UInt8>.self))
                            p += 4
                        }
                    }
                    let mean = n & (n - 1) == 0 ? acc &>> UInt16(n.trailingZeroBitCount) : acc / UInt16(n)
                    UnsafeMutableRawPointer(drow + ox * 4).storeBytes(
                        of: unsafeBitCast(SIMD4<UInt8>(truncatingIfNeeded: mean), to: UInt32.self), as: UInt32.self)
                } else if channels == 4 {
                    var acc = SIMD4<UInt32>(repeating: n / 2)
                    for y in y0..<y1 {
                        var p = UnsafeRawPointer(source + y * sourceStride + x0 * 4)
                        for _ in x0..<x1 {
                            acc &+= SIMD4<UInt32>(
                                truncatingIfNeeded: unsafeBitCast(p.loadUnaligned(as: UInt32.self), to: SIMD4<UInt8>.self))
                            p += 4
                        }
                    }
                    let mean = acc / n
                    UnsafeMutableRawPointer(drow + ox * 4).storeBytes(
                        of: unsafeBitCast(SIMD4<UInt8>(truncatingIfNeeded: mean), to: UInt32.self), as: UInt32.self)
                } else {
                    var acc = n / 2
                    for y in y0..<y1 {
                        let p = source + y * sourceStride
                        for x in x0..<x1 { acc &+= UInt32(p[x]) }
                    }
                    drow[ox] = UInt8(truncatingIfNeeded: acc / n)
                }
            }
        }
    }
}
