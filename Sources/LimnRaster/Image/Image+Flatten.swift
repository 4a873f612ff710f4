/// Compositing an image over a solid color.
extension Image {
    /// The image composited over an opaque `background` (the background's own alpha is ignored):
    /// `out = a·c + (1 − a)·bg`, rounded. The result is opaque. Returns the image itself when it
    /// is already opaque; otherwise allocates one image.
    public func flattened(onto background: Pixel) -> Image {
        if isOpaque { return self }
        return withUnsafeBytes { raw in
            Image(width: width, height: height, isOpaque: true) { out in
                let src = raw.bindMemory(to: UInt8.self), dst = out.bindMemory(to: UInt8.self)
                let bg = (UInt32(background.r), UInt32(background.g), UInt32(background.b))
                var i = 0
                while i < src.count {
                    let a = UInt32(src[i + 3]), na = 255 - a
                    dst[i] = UInt8((UInt32(src[i]) * a + bg.0 * na + 127) / 255)
                    dst[i + 1] = UInt8((UInt32(src[i + 1]) * a + bg.1 * na + 127) / 255)
                    dst[i + 2] = UInt8((UInt32(src[i + 2]) * a + bg.2 * na + 127) / 255)
                    dst[i + 3] = 255
                    i += 4
                }
            }
        }
    }
}
