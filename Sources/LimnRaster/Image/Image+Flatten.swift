/// Compositing an image over a solid color.
extension Image {
    /// The image composited over an opaque `background` (the background's own alpha is ignored):
    /// `out = a·c + (1 − a)·bg`, rounded. The result is opaque. Returns the image itself when it
    /// is already opaque; otherwise allocates one image (a copy, flattened in place).
    public func flattened(onto background: Pixel) -> Image {
        var copy = self
        copy.flatten(onto: background)
        return copy
    }

    /// Composites the image over an opaque `background` in place (see ``flattened(onto:)``).
    /// Allocates nothing when the image owns its storage; does nothing when opaque.
    public mutating func flatten(onto background: Pixel) {
        if isOpaque { return }
        let width = self.width, height = self.height, count = width * height
        let bg = (UInt32(background.r), UInt32(background.g), UInt32(background.b))
        let opaqueBits = UInt32(littleEndian: 0xFF00_0000)
        let fill = UInt32(littleEndian: bg.0 | bg.1 << 8 | bg.2 << 16) | opaqueBits
        withUnsafeMutableBytes { raw in
            let p = raw.bindMemory(to: UInt32.self)
            Parallelism.run(bands: Parallelism.bands(height, work: count / 2), over: height) { rows, _ in
                for i in (rows.lowerBound * width)..<(rows.upperBound * width) {
                    let word = UInt32(littleEndian: p[i]), a = word >> 24
                    // Most pixels of a cutout are wholly in or out.
                    if a == 255 { continue }
                    if a == 0 { p[i] = fill; continue }
                    let na = 255 - a
                    let r = ((word & 0xFF) * a + bg.0 * na + 127) / 255
                    let g = ((word >> 8 & 0xFF) * a + bg.1 * na + 127) / 255
                    let b = ((word >> 16 & 0xFF) * a + bg.2 * na + 127) / 255
                    p[i] = UInt32(littleEndian: r | g << 8 | b << 16) | opaqueBits
                }
            }
        }
        isOpaque = true
    }
}
