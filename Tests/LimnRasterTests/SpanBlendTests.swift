import LimnTestSupport
import Testing

@testable import LimnRaster

/// The four-at-a-time blend of translucent fills gives `Blend.over`'s bytes exactly: every
/// alpha, every channel value, opaque and translucent pixels mixed, any span length.
@Suite struct SpanBlendTests {
    @Test func spansMatchThePixelBlend() {
        var rng = SplitMix(seed: 7)
        for a in UInt32(1)...254 {
            let count = 256 + Int(a % 7)
            var pixels = [UInt8](repeating: 0, count: count * 4)
            for i in 0..<count {
                pixels[i * 4] = UInt8(i % 256)
                pixels[i * 4 + 1] = UInt8(255 - i % 256)
                pixels[i * 4 + 2] = UInt8(truncatingIfNeeded: rng.next())
                pixels[i * 4 + 3] = i % 13 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : 255
            }
            var expected = pixels
            let (r, g, b) = (UInt32(rng.next() % 256), UInt32(rng.next() % 256), UInt32(rng.next() % 256))
            expected.withUnsafeMutableBufferPointer { p in
                for i in 0..<count { Blend.over(p.baseAddress! + i * 4, red: r, green: g, blue: b, alpha: a) }
            }
            pixels.withUnsafeMutableBufferPointer { p in
                PixelTarget.blendSpan(p.baseAddress!, count: count, red: r, green: g, blue: b, alpha: a)
            }
            #expect(pixels == expected, "alpha \(a)")
            // Over pixels known to be opaque, the unchecked path gives the same bytes.
            var opaque = pixels.enumerated().map { $0.offset % 4 == 3 ? 255 : $0.element }
            var opaqueExpected = opaque
            opaqueExpected.withUnsafeMutableBufferPointer { p in
                for i in 0..<count { Blend.over(p.baseAddress! + i * 4, red: r, green: g, blue: b, alpha: a) }
            }
            opaque.withUnsafeMutableBufferPointer { p in
                PixelTarget.blendSpan(p.baseAddress!, count: count, red: r, green: g, blue: b, alpha: a, opaque: true)
            }
            #expect(opaque == opaqueExpected, "alpha \(a), opaque")
        }
    }
}
