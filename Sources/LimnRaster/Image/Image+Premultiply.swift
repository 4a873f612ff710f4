/// Premultiplied alpha, the form in which filters run so that transparent pixels carry no color
/// into their neighbours.
extension Image {
    /// Color channels multiplied by alpha (`c · a / 255`, rounded), in place. An opaque image is
    /// left alone. The result is no longer straight-alpha: undo with ``unpremultiply()``.
    public mutating func premultiply() {
        if isOpaque { return }
        withUnsafeMutableBytes(preservingOpacity: true) { raw in
            Image.premultiply(raw.bindMemory(to: UInt8.self))
        }
    }

    /// Color channels divided by alpha (`c · 255 / a`, rounded, clamped); pixels with alpha 0
    /// become transparent black. In place.
    public mutating func unpremultiply() {
        if isOpaque { return }
        withUnsafeMutableBytes(preservingOpacity: true) { raw in
            Image.unpremultiply(raw.bindMemory(to: UInt8.self))
        }
    }

    static func premultiply(_ p: UnsafeMutableBufferPointer<UInt8>) {
        var i = 0
        while i + 3 < p.count {
            let a = UInt32(p[i + 3])
            if a != 255 {
                p[i] = UInt8((UInt32(p[i]) * a + 127) / 255)
                p[i + 1] = UInt8((UInt32(p[i + 1]) * a + 127) / 255)
                p[i + 2] = UInt8((UInt32(p[i + 2]) * a + 127) / 255)
            }
            i += 4
        }
    }

    static func unpremultiply(_ p: UnsafeMutableBufferPointer<UInt8>) {
        var i = 0
        while i + 3 < p.count {
            let a = UInt32(p[i + 3])
            if a == 0 {
                p[i] = 0; p[i + 1] = 0; p[i + 2] = 0
            } else if a != 255 {
                p[i] = UInt8(min(255, (UInt32(p[i]) * 255 + a / 2) / a))
                p[i + 1] = UInt8(min(255, (UInt32(p[i + 1]) * 255 + a / 2) / a))
                p[i + 2] = UInt8(min(255, (UInt32(p[i + 2]) * 255 + a / 2) / a))
            }
            i += 4
        }
    }
}
