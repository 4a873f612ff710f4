/// Cutting a subject out with a matte.
extension Image {
    /// The image with `matte` as its alpha channel: a straight-alpha RGBA cutout of the same size.
    /// See ``formCutout(with:decontaminate:)``; allocates the result (and the estimate's buffers).
    public func cutout(with matte: Mask, decontaminate: Bool = true) throws -> Image {
        var copy = self
        try copy.formCutout(with: matte, decontaminate: decontaminate)
        return copy
    }

    /// Makes the image a straight-alpha cutout along `matte`, in place: the matte becomes the alpha
    /// channel and fully transparent pixels become transparent black.
    ///
    /// With `decontaminate` (the default), colors at semi-transparent pixels are re-estimated so
    /// the old background does not bleed into a new composite (a subject shot against green keeps
    /// no green rim): blur fusion (Forte & Pitié, ICIP 2021; see `BlurFusion`), computed only
    /// near the soft edge, so its cost and memory follow the edge's length, not the picture's
    /// size. Opaque pixels keep their colors. Deterministic whatever the thread count.
    /// Throws when the matte's size differs from the image's (the image is then unchanged).
    public mutating func formCutout(with matte: Mask, decontaminate: Bool = true) throws {
        guard matte.size == size else {
            throw RasterError.sizeMismatch(operation: "cutting out with a matte", expected: size, actual: matte.size)
        }
        let width = self.width, height = self.height
        // Estimated from the colors as they are, before the matte replaces anything.
        let patches =
            decontaminate
            ? withUnsafeBytes { p in
                matte.withUnsafeBytes { a in
                    BlurFusion.estimate(
                        pixels: p.bindMemory(to: UInt8.self).baseAddress!, alpha: a.bindMemory(to: UInt8.self).baseAddress!, width: width,
                        height: height)
                }
            } : []
        withUnsafeMutableBytes { raw in
            matte.withUnsafeBytes { a in
                let p = raw.bindMemory(to: UInt32.self)
                Parallelism.run(bands: Parallelism.bands(height, work: width * height / 2), over: height) { rows, _ in
                    for i in (rows.lowerBound * width)..<(rows.upperBound * width) {
                        let alpha = UInt32(a[i])
                        // Little-endian r, g, b, a words: keep the color unless the pixel vanishes.
                        p[i] = alpha == 0 ? 0 : (p[i] & UInt32(littleEndian: 0x00FF_FFFF)) | UInt32(littleEndian: alpha << 24)
                    }
                }
                for patch in patches {
                    let tile = patch.tile
                    for ty in 0..<tile.height {
                        for tx in 0..<tile.width {
                            let i = (tile.y + ty) * width + tile.x + tx
                            guard a[i] &- 1 < 254 else { continue }
                            let o = (ty * tile.width + tx) * 3
                            p[i] = UInt32(
                                littleEndian: UInt32(patch.rgb[o]) | UInt32(patch.rgb[o + 1]) << 8 | UInt32(patch.rgb[o + 2]) << 16
                                    | UInt32(a[i]) << 24)
                        }
                    }
                }
            }
        }
        recomputeOpacity()
    }
}

extension Image {
    /// The image cut down to the box of its visible pixels (alpha ≥ `level`), grown by `margin` on
    /// every side; the margin may reach past the image, where it is transparent. Nil when no pixel
    /// is visible. Allocates the result.
    public func trimmed(margin: Int = 0, level: UInt8 = 1) -> Image? {
        guard let bounds = alphaMask().contentBounds(level: level) else { return nil }
        let m = max(margin, 0)
        var out = Image(width: bounds.width + 2 * m, height: bounds.height + 2 * m)
        guard let inside = cropped(to: bounds.rect)?.raster else { return nil }
        out.paste(inside, x: m, y: m)
        return out
    }
}
