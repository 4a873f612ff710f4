/// An image's pixels seen as a raw target, so that several threads can draw into disjoint bands
/// of rows of one image at once (a draw list drawn on every core): the blitters. The caller owns
/// the memory and the opacity bookkeeping; drawing never touches pixels outside `clip`.
struct PixelTarget: @unchecked Sendable {
    let bytes: UnsafeMutablePointer<UInt8>
    let width: Int
    let height: Int
    /// Every pixel is opaque (and stays so under "over"): blends skip the alpha checks.
    var opaque = false

    /// `Image.fill` on the pixels inside `clip` (already within the image): the rasterizer's
    /// coverage spans composited "over"; runs of full coverage of an opaque color are plain stores.
    func fill(_ path: Path, with color: Pixel, rule: FillRule, clip: PixelRect) throws(RasterError) {
        guard color.a > 0,
            let prepared = try PreparedFill(
                path, rule: rule, clip: clip, stripRows: Rasterizer.stripRows(width: clip.width), operation: "filling a path")
        else { return }
        try prepared.forEachStrip { fill($0, with: color) }
    }

    /// Composites `color` through one strip's coverage map.
    func fill(_ map: CoverageMap, with color: Pixel) {
        let w = width, bytes = self.bytes, r = map.region
        let alpha = Float(color.a)
        let cr = UInt32(color.r), cg = UInt32(color.g), cb = UInt32(color.b)
        let solid = (cr | cg << 8 | cb << 16 | 0xFF00_0000).littleEndian
        map.forEachSpan(row: { y in bytes + ((r.y + y) * w + r.x) * 4 }) { row, x, count, coverage in
            let a = UInt32(coverage * alpha + 0.5)
            if a == 0 { return }
            let q = row + x * 4
            if a == 255 {  // only an opaque color reaches 255: plain stores
                let words = UnsafeMutableRawPointer(q).assumingMemoryBound(to: UInt32.self)
                for i in 0..<count { words[i] = solid }
            } else {
                Self.blendSpan(q, count: count, red: cr, green: cg, blue: cb, alpha: a, opaque: opaque)
            }
        }
    }

    /// `count` pixels from `q` under one translucent colour: four at a time where all four are
    /// opaque (16-bit lanes; `(y + 1 + y >> 8) >> 8` is `y / 255` for every sum that occurs, so
    /// the bytes are `Blend.over`'s), one at a time elsewhere. With `opaque`, every pixel is
    /// taken to be opaque, unchecked.
    @inline(__always)
    static func blendSpan(
        _ q: UnsafeMutablePointer<UInt8>, count: Int, red cr: UInt32, green cg: UInt32, blue cb: UInt32, alpha a: UInt32,
        opaque: Bool = false
    ) {
        var i = 0
        if count >= 4 {
            // Four pixels as eight 16-bit lanes, split by byte: the low bytes (red, blue) and
            // the high bytes (green, alpha), so widening and narrowing are a mask and a shift.
            let na = SIMD8<UInt16>(repeating: UInt16(255 - a))
            let (r, g, b, o) = (UInt16(cr * a + 127), UInt16(cg * a + 127), UInt16(cb * a + 127), UInt16(255 * a + 127))
            let topLow = SIMD8<UInt16>(r, b, r, b, r, b, r, b), topHigh = SIMD8<UInt16>(g, o, g, o, g, o, g, o)
            let raw = UnsafeMutableRawPointer(q)
            while i + 4 <= count {
                let under = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<UInt8>.self)
                if opaque || under[3] & under[7] & under[11] & under[15] == 255 {
                    let lanes = unsafeBitCast(under, to: SIMD8<UInt16>.self)
                    let low = (lanes & 0x00FF) &* na &+ topLow, high = (lanes &>> 8) &* na &+ topHigh
                    let out = (low &+ 1 &+ (low &>> 8)) &>> 8 | ((high &+ 1 &+ (high &>> 8)) &>> 8) &<< 8
                    raw.storeBytes(of: unsafeBitCast(out, to: SIMD16<UInt8>.self), toByteOffset: i * 4, as: SIMD16<UInt8>.self)
                } else {
                    for k in i..<i + 4 { Blend.over(q + k * 4, red: cr, green: cg, blue: cb, alpha: a) }
                }
                i += 4
            }
        }
        while i < count {
            Blend.over(q + i * 4, red: cr, green: cg, blue: cb, alpha: a)
            i += 1
        }
    }

    /// Composites `color` through `coverage` (its alpha times each coverage value), "over",
    /// inside `clip`: how text glyphs are drawn. A bitmap whose pixels are fewer than its
    /// `width × height` is skipped.
    func blend(_ color: Pixel, through coverage: CoverageBitmap, clip: PixelRect) {
        let (left, top, cw) = (coverage.left, coverage.top, coverage.width)
        let x0 = max(clip.x - left, 0), x1 = min(cw, clip.x + clip.width - left)
        let y0 = max(clip.y - top, 0), y1 = min(coverage.height, clip.y + clip.height - top)
        guard x0 < x1, y0 < y1, color.a > 0, coverage.pixels.count >= cw * coverage.height else { return }
        let cr = UInt32(color.r), cg = UInt32(color.g), cb = UInt32(color.b), ca = UInt32(color.a)
        let solid = (cr | cg << 8 | cb << 16 | 0xFF00_0000).littleEndian
        let (bytes, width) = (self.bytes, self.width)
        coverage.pixels.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress else { return }
            for y in y0..<y1 {
                let source = base + y * cw
                let target = bytes + ((top + y) * width + left) * 4
                for x in x0..<x1 {
                    let c = UInt32(source[x])
                    if c == 0 { continue }
                    let q = target + x * 4
                    if c == 255 && ca == 255 {
                        UnsafeMutableRawPointer(q).storeBytes(of: solid, as: UInt32.self)
                        continue
                    }
                    let a = ca == 255 ? c : (c * ca + 127) / 255
                    Blend.over(q, red: cr, green: cg, blue: cb, alpha: a)
                }
            }
        }
    }
}
