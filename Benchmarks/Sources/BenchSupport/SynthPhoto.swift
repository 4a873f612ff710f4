import Foundation
import Limn

/// Deterministic photo-like pictures for benchmarks, in the spirit of peerbench's generator:
/// fractal (1/f) luminance with soft color variation and a few hard edges, so that JPEG, PNG
/// and WebP see realistic amounts of detail (about 2 bits per pixel at JPEG q90).
public enum SynthPhoto {
    public static func make(width: Int, height: Int, seed: UInt64) -> Image {
        var random = Xorshift(seed: seed)
        let luma = fractal(width: width, height: height, octaves: 10, base: 3, beta: 0.9, random: &random)
        let warm = fractal(width: width, height: height, octaves: 5, base: 2, beta: 1.2, random: &random)
        let cool = fractal(width: width, height: height, octaves: 5, base: 2, beta: 1.2, random: &random)
        let foliage = fractal(width: width, height: height, octaves: 4, base: 4, beta: 1, random: &random)
        let horizon = Float(height) * 0.38
        var pixels = [Float](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            let fy = Float(y) / Float(height)
            let sky = Float(y) < horizon
            for x in 0..<width {
                let i = y * width + x, l = (luma[i] - 0.5) * 2
                var r: Float, g: Float, b: Float
                if sky {
                    r = 110 + 120 * fy + 0.6 * (22 * (warm[i] - 0.5) * 2 + 45 * l)
                    g = 150 + 90 * fy + 0.6 * 45 * l
                    b = 215 + 30 * fy + 0.6 * (22 * (cool[i] - 0.5) * 2 + 45 * l)
                } else {
                    // Ground with foliage-like fine texture where a low-frequency mask says so.
                    let texture = min(max((foliage[i] - 0.5) * 4 + 0.3, 0), 1) * 18 * random.gaussian()
                    r = 95 + 22 * (warm[i] - 0.5) * 2 + 45 * l + 0.9 * texture
                    g = 105 + 45 * l + texture
                    b = 70 + 22 * (cool[i] - 0.5) * 2 + 45 * l + 0.7 * texture
                }
                pixels[i * 3] = r; pixels[i * 3 + 1] = g; pixels[i * 3 + 2] = b
            }
        }
        // Shaded objects with hard edges, some striped (windows), like buildings and cars.
        for _ in 0..<120 {
            let cx = random.uniform(0, Float(width)), cy = random.uniform(Float(height) * 0.25, Float(height))
            let rw = random.uniform(0.008, 0.08) * Float(width), rh = random.uniform(0.01, 0.12) * Float(height)
            let color = (random.uniform(20, 235), random.uniform(20, 235), random.uniform(20, 235))
            let disc = random.uniform(0, 1) < 0.5, striped = random.uniform(0, 1) < 0.4
            let texture = random.uniform(3, 16)
            let x0 = max(0, Int(cx - rw)), x1 = min(width, Int(cx + rw))
            let y0 = max(0, Int(cy - rh)), y1 = min(height, Int(cy + rh))
            guard x1 > x0, y1 > y0 else { continue }
            let stripeW = max(3, Int(rw / 6)), stripeH = max(3, Int(rh / 8))
            for y in y0..<y1 {
                let sy = (Float(y) - cy) / rh
                for x in x0..<x1 {
                    let sx = (Float(x) - cx) / rw
                    if disc && sx * sx + sy * sy > 1 { continue }
                    let i = y * width + x
                    let shade = 0.75 + 0.25 * (-sx * 0.6 - sy * 0.8)
                    var k: Float = 1
                    if striped && (x / stripeW) % 2 == 0 && (y / stripeH) % 2 == 0 { k = 0.55 }
                    let extra = 35 * (luma[i] - 0.5) * 2 + texture * random.gaussian()
                    pixels[i * 3] = (color.0 * shade + extra) * k
                    pixels[i * 3 + 1] = (color.1 * shade + extra) * k
                    pixels[i * 3 + 2] = (color.2 * shade + extra) * k
                }
            }
        }
        // Thin dark lines: wires and branches.
        for _ in 0..<60 {
            let xa = random.uniform(0, Float(width)), ya = random.uniform(0, Float(height))
            let xb = random.uniform(0, Float(width)), yb = random.uniform(0, Float(height))
            let n = max(Int(max(abs(xb - xa), abs(yb - ya))), 2), thickness = Int(random.next() % 3) + 1
            for s in 0..<n {
                let t = Float(s) / Float(n - 1)
                let px = min(max(Int(xa + (xb - xa) * t), 0), width - 1)
                for d in 0..<thickness {
                    let py = min(max(Int(ya + (yb - ya) * t) + d, 0), height - 1)
                    for c in 0..<3 { pixels[(py * width + px) * 3 + c] *= 0.35 }
                }
            }
        }
        // Vignetting and sensor noise.
        return Image(width: width, height: height, isOpaque: true) { raw in
            let out = raw.bindMemory(to: UInt8.self)
            for y in 0..<height {
                let dy = Float(y) / Float(height) - 0.5
                for x in 0..<width {
                    let dx = Float(x) / Float(width) - 0.5
                    let vignette = 1 - 0.5 * (dx * dx + dy * dy)
                    let i = y * width + x
                    for c in 0..<3 { out[i * 4 + c] = byte(pixels[i * 3 + c] * vignette + 2.6 * random.gaussian() + 0.5) }
                    out[i * 4 + 3] = 255
                }
            }
        }
    }

    /// A subject's matte: a soft-edged blob (about a third of the picture) with a ragged outline,
    /// 0 outside, 255 inside, a few pixels of ramp between, like a background-removal result.
    public static func matte(width: Int, height: Int, seed: UInt64) -> Mask {
        var random = Xorshift(seed: seed)
        let wobble = fractal(width: width, height: height, octaves: 4, base: 4, beta: 1, random: &random)
        let cx = Float(width) / 2, cy = Float(height) * 0.55
        let rx = Float(width) * 0.28, ry = Float(height) * 0.38
        let edge: Float = 3 / min(rx, ry)
        return Mask(width: width, height: height) { raw in
            for y in 0..<height {
                for x in 0..<width {
                    let dx = (Float(x) + 0.5 - cx) / rx, dy = (Float(y) + 0.5 - cy) / ry
                    let d = (dx * dx + dy * dy).squareRoot() + 0.25 * (wobble[y * width + x] - 0.5)
                    let t = (1 - d) / edge
                    raw[y * width + x] = t <= 0 ? 0 : t >= 1 ? 255 : UInt8(t * 255 + 0.5)
                }
            }
        }
    }

    /// 1/f^beta value noise: bilinearly interpolated random grids, octave k with `base · 2^k`
    /// cells and weight `2^(−k·beta)`, normalised to 0...1 (mean about 0.5).
    static func fractal(width: Int, height: Int, octaves: Int, base: Int, beta: Float, random: inout Xorshift) -> [Float] {
        var field = [Float](repeating: 0, count: width * height)
        var total: Float = 0
        for k in 0..<octaves {
            let cells = base << k
            let gw = cells + 2, gh = max(cells * height / max(width, 1), 1) + 2
            let grid = (0..<(gw * gh)).map { _ in Float(random.next() % 10_000) / 10_000 }
            let amplitude = Float.pow2(-Float(k) * beta)
            total += amplitude
            let sx = Float(cells) / Float(width), sy = Float(gh - 2) / Float(height)
            field.withUnsafeMutableBufferPointer { f in
                for y in 0..<height {
                    let gy = Float(y) * sy
                    let y0 = Int(gy), fy = gy - Float(y0)
                    for x in 0..<width {
                        let gx = Float(x) * sx
                        let x0 = Int(gx), fx = gx - Float(x0)
                        let a = grid[y0 * gw + x0], b = grid[y0 * gw + x0 + 1]
                        let c = grid[(y0 + 1) * gw + x0], d = grid[(y0 + 1) * gw + x0 + 1]
                        let top = a + (b - a) * fx, bottom = c + (d - c) * fx
                        f[y * width + x] += amplitude * (top + (bottom - top) * fy)
                    }
                }
            }
        }
        return field.map { $0 / total }
    }

    static func byte(_ v: Float) -> UInt8 { UInt8(min(max(v, 0), 255)) }
}

struct Xorshift {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }

    mutating func uniform(_ low: Float, _ high: Float) -> Float {
        low + (high - low) * Float(next() >> 40) / Float(1 << 24)
    }

    /// Roughly standard normal (sum of four uniforms, scaled to unit variance).
    mutating func gaussian() -> Float {
        let v = next()
        let sum = Float(v & 0xFFFF) + Float(v >> 16 & 0xFFFF) + Float(v >> 32 & 0xFFFF) + Float(v >> 48)
        return (sum / 65535 - 2) * 1.7320508
    }
}

extension Float {
    static func pow2(_ x: Float) -> Float { Float(Foundation.pow(2.0, Double(x))) }
}
