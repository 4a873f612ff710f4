/// Cutting a subject out with a matte.
extension Image {
    /// The image with `matte` as its alpha channel: a straight-alpha RGBA cutout of the same size.
    ///
    /// With `decontaminate` (the default), colors at semi-transparent pixels are re-estimated so
    /// the old background does not bleed into a new composite (a subject shot against green keeps
    /// no green rim). Method: blur fusion (Forte & Pitié, "Approximate Fast Foreground Color
    /// Estimation", ICIP 2021): the foreground and background colors are estimated as alpha- and
    /// (1 − alpha)-weighted local means, then corrected so that `α·F + (1 − α)·B` reproduces the
    /// pixel; two rounds, coarse (σ 24) then fine (σ 3). Only the band of semi-transparent pixels
    /// (plus the blurs' reach) is processed. Fully transparent pixels become transparent black.
    /// Throws when the matte's size differs from the image's.
    public func cutout(with matte: Mask, decontaminate: Bool = true) throws -> Image {
        guard matte.size == size else {
            throw RasterError.sizeMismatch(operation: "cutting out with a matte", expected: size, actual: matte.size)
        }
        var out = try settingAlpha(matte)
        out.withUnsafeMutableBytes(preservingOpacity: true) { p in
            for i in stride(from: 0, to: p.count, by: 4) where p[i + 3] == 0 { p[i] = 0; p[i + 1] = 0; p[i + 2] = 0 }
        }
        guard decontaminate else { return out }
        // The band of partial coverage, widened by the coarse blur's reach.
        let partial = matte.map { $0 > 0 && $0 < 255 ? 255 : 0 }
        guard let band = partial.contentBounds() else { return out }
        let reach = 3 * 24
        let region = PixelRect(x: band.x - reach, y: band.y - reach, width: band.width + 2 * reach, height: band.height + 2 * reach)
            .clamped(to: size)!
        guard let picture = cropped(to: region.rect)?.raster, let alpha = matte.cropped(to: region.rect)?.raster else { return out }
        let fixed = BlurFusion.foreground(picture, alpha: alpha)
        // Only semi-transparent pixels take the estimate; opaque ones keep their own color.
        fixed.withUnsafeBytes { f in
            alpha.withUnsafeBytes { a in
                out.withUnsafeMutableBytes(preservingOpacity: true) { o in
                    for y in 0..<region.height {
                        for x in 0..<region.width {
                            let av = a[y * region.width + x]
                            guard av > 0 && av < 255 else { continue }
                            let si = (y * region.width + x) * 4, di = ((region.y + y) * width + region.x + x) * 4
                            o[di] = f[si]; o[di + 1] = f[si + 1]; o[di + 2] = f[si + 2]
                        }
                    }
                }
            }
        }
        return out
    }
}

/// Foreground color estimation by blur fusion (Forte & Pitié 2021).
enum BlurFusion {
    /// Estimated foreground colors of `picture` under `alpha` (same size), at the
    /// semi-transparent pixels; elsewhere the picture's own colors (the weights are zero there).
    static func foreground(_ picture: Image, alpha: Mask) -> Image {
        let partial: [Int] = alpha.withUnsafeBytes { a in (0..<a.count).filter { a[$0] > 0 && a[$0] < 255 } }
        var f = picture, b = picture
        let inverse = alpha.inverted()
        for sigma in [24.0, 3.0] {
            let meanF = weightedMean(f, weight: alpha, sigma: sigma)
            let meanB = weightedMean(b, weight: inverse, sigma: sigma)
            picture.withUnsafeBytes { img in
                alpha.withUnsafeBytes { a in
                    meanF.withUnsafeBytes { mf in
                        meanB.withUnsafeBytes { mb in
                            f.withUnsafeMutableBytes(preservingOpacity: true) { nf in
                                b.withUnsafeMutableBytes(preservingOpacity: true) { nb in
                                    for i in partial {
                                        let al = Float(a[i]) / 255
                                        // Where one side has no weight nearby, use the pixel itself.
                                        let hasF = mf[i * 4 + 3] > 0, hasB = mb[i * 4 + 3] > 0
                                        for c in 0..<3 {
                                            let j = i * 4 + c
                                            let pixel = Float(img[j])
                                            let fh = hasF ? Float(mf[j]) : pixel, bh = hasB ? Float(mb[j]) : pixel
                                            let error = pixel - al * fh - (1 - al) * bh
                                            nf[j] = UInt8(min(max(fh + al * error, 0), 255).rounded())
                                            nb[j] = UInt8(min(max(bh + (1 - al) * error, 0), 255).rounded())
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return f
    }

    /// The `weight`-weighted local mean color of `image` over a Gaussian of `sigma`: a
    /// premultiplied blur of the image with `weight` as its alpha. Wide blurs run at a reduced
    /// size (box-reduced, blurred, enlarged with a triangle, all premultiplied: the weighting holds).
    static func weightedMean(_ image: Image, weight: Mask, sigma: Double) -> Image {
        let weighted = (try? image.settingAlpha(weight)) ?? image
        let factor = Int(sigma / 4)
        guard factor >= 2 else { return weighted.blurred(sigma: sigma) }
        let small = Size(width: max(1, image.width / factor), height: max(1, image.height / factor))
        return weighted.resized(to: small, filter: .box).blurred(sigma: sigma / Double(factor)).resized(to: image.size, filter: .triangle)
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
