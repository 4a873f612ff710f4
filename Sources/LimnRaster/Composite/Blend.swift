/// "Over" for one straight-alpha RGBA pixel in memory: a color at alpha `a` (0…255) onto the four
/// bytes at `p`. Over an opaque pixel it is the blend `c·a + d·(255 − a)`; otherwise the
/// premultiplied sum brought back to straight alpha. Rounded; shared by every blitter that works
/// pixel by pixel (fills, text).
enum Blend {
    @inline(__always)
    static func over(_ p: UnsafeMutablePointer<UInt8>, red r: UInt32, green g: UInt32, blue b: UInt32, alpha a: UInt32) {
        guard a > 0 else { return }
        let ab = UInt32(p[3])
        if ab == 255 || a == 255 {
            let na = 255 - a
            p[0] = UInt8(truncatingIfNeeded: (r * a + UInt32(p[0]) * na + 127) / 255)
            p[1] = UInt8(truncatingIfNeeded: (g * a + UInt32(p[1]) * na + 127) / 255)
            p[2] = UInt8(truncatingIfNeeded: (b * a + UInt32(p[2]) * na + 127) / 255)
            p[3] = 255
            return
        }
        let s = a * 255 + ab * (255 - a)
        let under = ab * (255 - a)
        p[0] = UInt8(truncatingIfNeeded: (r * a * 255 + UInt32(p[0]) * under + s / 2) / s)
        p[1] = UInt8(truncatingIfNeeded: (g * a * 255 + UInt32(p[1]) * under + s / 2) / s)
        p[2] = UInt8(truncatingIfNeeded: (b * a * 255 + UInt32(p[2]) * under + s / 2) / s)
        p[3] = UInt8(truncatingIfNeeded: (s + 127) / 255)
    }
}
