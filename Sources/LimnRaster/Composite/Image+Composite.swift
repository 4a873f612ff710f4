#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// "Over" compositing (Porter-Duff), the arithmetic of layering a subject on a background.
///
/// Straight alpha in and out, premultiplied arithmetic inside: `A = αt + αb(1 − αt)`,
/// `C = (ct·αt + cb·αb(1 − αt)) / A`, in integers, rounded. Over an opaque background this is the
/// blend `ct·αt + cb(1 − αt)`, taken on a fast path. Deterministic; works in place.
extension Image {
    /// Composites `top` over this image with its top-left at (`x`, `y`) (clipped), its alpha
    /// scaled by `opacity` (0…1).
    public mutating func composite(_ top: Image, x: Int = 0, y: Int = 0, opacity: Double = 1) {
        let weight = UInt32((min(max(opacity.isFinite ? opacity : 1, 0), 1) * 255).rounded())
        guard weight > 0, let area = PixelRect(x: x, y: y, width: top.width, height: top.height).clamped(to: size) else { return }
        let bottomOpaque = isOpaque
        let width = self.width
        top.withUnsafeBytes { src in
            withUnsafeMutableBytes(preservingOpacity: bottomOpaque) { dst in
                let s = src.bindMemory(to: UInt32.self), d = dst.bindMemory(to: UInt32.self)
                Parallelism.run(bands: Parallelism.bands(area.height, work: area.width * area.height / 2), over: area.height) { rows, _ in
                    for row in rows {
                        let sy = area.y - y + row, dy = area.y + row
                        let sRow = s.baseAddress! + sy * top.width + (area.x - x)
                        let dRow = d.baseAddress! + dy * width + area.x
                        if bottomOpaque {
                            Composite.overOpaque(sRow, dRow, count: area.width, weight: weight)
                        } else {
                            Composite.over(sRow, dRow, count: area.width, weight: weight)
                        }
                    }
                }
            }
        }
        // Over a transparent canvas the result may have become opaque: keep the promise exact.
        if !bottomOpaque { recomputeOpacity() }
    }

    /// A copy with `top` composited over it (see ``composite(_:x:y:opacity:)``).
    public func compositing(_ top: Image, x: Int = 0, y: Int = 0, opacity: Double = 1) -> Image {
        var copy = self
        copy.composite(top, x: x, y: y, opacity: opacity)
        return copy
    }
}

/// The per-row kernels of "over". Pixels are little-endian `r, g, b, a` words.
enum Composite {
    /// `x / 255` rounded, exact for `x ≤ 255 · 255 · 2`.
    @inline(__always)
    static func div255(_ x: SIMD4<UInt32>) -> SIMD4<UInt32> {
        let t = x &+ 128
        return (t &+ (t &>> 8)) &>> 8
    }

    @inline(__always)
    static func unpack(_ p: UInt32) -> SIMD4<UInt32> {
        SIMD4(p & 0xFF, p >> 8 & 0xFF, p >> 16 & 0xFF, p >> 24)
    }

    @inline(__always)
    static func pack(_ v: SIMD4<UInt32>) -> UInt32 {
        v[0] | v[1] << 8 | v[2] << 16 | v[3] << 24
    }

    /// Over an opaque background: `out = ct·α + cb·(1 − α)`, alpha stays 255. `weight` (0…255)
    /// scales the top's alpha; the product is kept in 16 bits (0…65025), not rounded to 8.
    static func overOpaque(_ top: UnsafePointer<UInt32>, _ bottom: UnsafeMutablePointer<UInt32>, count: Int, weight: UInt32) {
        var start = 0
        if weight == 255 {
            // Four pixels at a time: a cutout is mostly runs of fully clear or fully opaque pixels.
            let rawTop = UnsafeRawPointer(top), rawBottom = UnsafeMutableRawPointer(bottom)
            let alphaBits = SIMD4<UInt32>(repeating: UInt32(0xFF00_0000).littleEndian)
            while start + 4 <= count {
                let four = rawTop.loadUnaligned(fromByteOffset: start * 4, as: SIMD4<UInt32>.self)
                let alphas = four & alphaBits
                if alphas == .zero {
                    start += 4
                } else if alphas == alphaBits {
                    rawBottom.storeBytes(of: four, toByteOffset: start * 4, as: SIMD4<UInt32>.self)
                    start += 4
                } else {
                    overOpaqueOne(top, bottom, start..<(start + 4), weight: weight)
                    start += 4
                }
            }
        }
        overOpaqueOne(top, bottom, start..<count, weight: weight)
    }

    @inline(__always)
    static func overOpaqueOne(_ top: UnsafePointer<UInt32>, _ bottom: UnsafeMutablePointer<UInt32>, _ range: Range<Int>, weight: UInt32) {
        for i in range {
            let t = UInt32(littleEndian: top[i])
            let a = t >> 24
            if a == 0 { continue }
            if weight == 255 {
                if a == 255 {
                    bottom[i] = (t | 0xFF00_0000).littleEndian
                    continue
                }
                let ct = unpack(t), cb = unpack(UInt32(littleEndian: bottom[i]))
                var out = div255(ct &* a &+ cb &* (255 - a))
                out[3] = 255
                bottom[i] = pack(out).littleEndian
            } else {
                let a16 = a * weight
                let ct = unpack(t), cb = unpack(UInt32(littleEndian: bottom[i]))
                var out = (ct &* a16 &+ cb &* (65025 - a16) &+ 32512) / 65025
                out[3] = 255
                bottom[i] = pack(out).littleEndian
            }
        }
    }

    /// Both layers translucent: premultiplied sum, then back to straight alpha. With the top's
    /// alpha at 16 bits (`αt = a16 / 65025`) and the sums scaled by 65025 · 255, everything fits
    /// 32-bit integers exactly: `S = a16·255 + αb·(65025 − a16)`, `C = ct·a16·255 + cb·αb·(65025 − a16)`.
    static func over(_ top: UnsafePointer<UInt32>, _ bottom: UnsafeMutablePointer<UInt32>, count: Int, weight: UInt32) {
        for i in 0..<count {
            let t = UInt32(littleEndian: top[i])
            let a16 = (t >> 24) * weight
            if a16 == 0 { continue }
            let b = UInt32(littleEndian: bottom[i])
            let ab = b >> 24
            if a16 == 65025 {
                bottom[i] = (t | 0xFF00_0000).littleEndian
                continue
            }
            let s = a16 * 255 + ab * (65025 - a16)
            let ct = unpack(t), cb = unpack(b)
            var c = (ct &* (a16 * 255) &+ cb &* (ab * (65025 - a16)) &+ (s / 2)) / s
            c[3] = (s + 32512) / 65025
            if c[3] == 0 { c = .zero }
            bottom[i] = pack(c).littleEndian
        }
    }
}

extension Image {
    /// A `size` image shading from `start` to `end` along the direction `angle` (degrees: 0 runs
    /// left to right, 90 top to bottom), interpolated in straight sRGB values.
    public static func linearGradient(size: Size, from start: Pixel, to end: Pixel, angle: Double = 90) -> Image {
        let radians = (angle.isFinite ? angle : 90) * Double.pi / 180
        let dx = cos(radians), dy = sin(radians)
        let w = Double(max(size.width, 1)), h = Double(max(size.height, 1))
        // Project the corners on the direction to find where 0 and 1 fall.
        let corners = [(0.0, 0.0), (w, 0), (0, h), (w, h)].map { $0.0 * dx + $0.1 * dy }
        let lo = corners.min()!, hi = corners.max()!
        let span = max(hi - lo, 1e-9)
        let opaque = start.a == 255 && end.a == 255
        return Image(width: size.width, height: size.height, isOpaque: opaque) { raw in
            let p = raw.bindMemory(to: UInt8.self)
            for y in 0..<max(size.height, 0) {
                for x in 0..<max(size.width, 0) {
                    let t = ((Double(x) + 0.5) * dx + (Double(y) + 0.5) * dy - lo) / span
                    let i = (y * size.width + x) * 4
                    p[i] = lerp(start.r, end.r, t); p[i + 1] = lerp(start.g, end.g, t)
                    p[i + 2] = lerp(start.b, end.b, t); p[i + 3] = lerp(start.a, end.a, t)
                }
            }
        }
    }

    /// A `size` checkerboard of `cell`-pixel squares, the usual backdrop for showing transparency.
    public static func checkerboard(size: Size, cell: Int = 8, light: Pixel = Pixel(gray: 255), dark: Pixel = Pixel(gray: 204)) -> Image {
        var image = Image(width: size.width, height: size.height, fill: light)
        let c = max(cell, 1)
        for y in 0..<image.height { for x in 0..<image.width where (x / c + y / c) % 2 == 1 { image[x, y] = dark } }
        return image
    }
}

private func lerp(_ a: UInt8, _ b: UInt8, _ t: Double) -> UInt8 {
    UInt8((Double(a) + (Double(b) - Double(a)) * min(max(t, 0), 1)).rounded())
}
