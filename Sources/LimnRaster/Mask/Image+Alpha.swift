/// Conversions between an image's alpha channel and a ``Mask``.
extension Image {
    /// The alpha channel as a mask. Allocates `width × height` bytes.
    public func alphaMask() -> Mask {
        if isOpaque { return Mask(width: width, height: height, fill: 255) }
        return withUnsafeBytes { src in
            Mask(width: width, height: height) { dst in
                let s = src.bindMemory(to: UInt8.self)
                for i in 0..<dst.count { dst[i] = s[i &* 4 &+ 3] }
            }
        }
    }

    /// Replaces the alpha channel with `mask`, leaving the color channels as they are.
    ///
    /// Throws ``RasterError/sizeMismatch(operation:expected:actual:)`` when the sizes differ.
    public mutating func setAlpha(_ mask: Mask) throws {
        guard mask.size == size else {
            throw RasterError.sizeMismatch(operation: "setting alpha from a mask", expected: size, actual: mask.size)
        }
        withUnsafeMutableBytes { dst in
            mask.withUnsafeBytes { src in
                let d = dst.bindMemory(to: UInt8.self)
                for i in 0..<src.count { d[i &* 4 &+ 3] = src[i] }
            }
        }
        recomputeOpacity()
    }

    /// A copy whose alpha channel is `mask`. See ``setAlpha(_:)``.
    public func settingAlpha(_ mask: Mask) throws -> Image {
        var copy = self
        try copy.setAlpha(mask)
        return copy
    }

    /// An opaque gray image showing a mask: 0 black, 255 white.
    public init(gray mask: Mask) {
        self = mask.withUnsafeBytes { src in
            Image(width: mask.width, height: mask.height, isOpaque: true) { dst in
                let d = dst.bindMemory(to: UInt32.self)
                for i in 0..<src.count {
                    let v = UInt32(src[i])
                    d[i] = UInt32(littleEndian: v | v << 8 | v << 16 | 0xFF00_0000)
                }
            }
        }
    }
}
