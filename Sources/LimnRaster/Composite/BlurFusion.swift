#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Foreground colors at a matte's soft edge by blur fusion (Forte & Pitié, "Approximate Fast
/// Foreground Color Estimation", ICIP 2021), computed only where they are used.
///
/// At each semi-transparent pixel (α = matte / 255, pixel color I), two rounds estimate the local
/// foreground mean F̂ (neighbours weighted by α) and background mean B̂ (weighted by 1 − α), then
/// correct both so that α·F + (1 − α)·B gives back the pixel: e = I − α·F̂ − (1 − α)·B̂,
/// F = F̂ + α·e, B = B̂ + (1 − α)·e, each clamped to 0…255. A side with no weight nearby uses I.
///
/// - The coarse round (σ 24) averages I: sums over 6×6 cells aligned with the picture's origin,
///   blurred by a Gaussian of σ 4 cells truncated at 12 cells, read at the pixel by bilinear
///   interpolation between cell centers (`(c + ½)·6 − ½`), numerators and weights alike.
/// - The fine round (σ 3, truncated at 9 pixels, separable) averages the coarse F and B at the
///   semi-transparent pixels and I everywhere else.
///
/// Work and memory follow the soft edge, not the picture: cell sums cover the edge's bounding box
/// plus the coarse reach; the fine round runs on the 64×64 tiles holding edge pixels, each with a
/// 9-pixel margin, in parallel. Each tile is computed alone, so results do not depend on the
/// thread count. Allocates about 32 bytes per cell of the box and 3 bytes per pixel of the tiles.
enum BlurFusion {
    /// The estimated foreground colors of one tile: `rgb` holds 3 bytes per pixel of `tile`,
    /// meaningful at its semi-transparent pixels only.
    struct Patch {
        var tile: PixelRect
        var rgb: [UInt8]
    }

    static let cell = 6
    static let tileSide = 64
    static let coarseWeights = gaussian(sigma: 24.0 / Double(cell), radius: 12)
    static let fineWeights = gaussian(sigma: 3, radius: 9)

    /// The Gaussian `exp(−d² / 2σ²)` for `d` in `−radius … radius` (not normalized: every use is a ratio).
    static func gaussian(sigma: Double, radius: Int) -> [Float] {
        (-radius...radius).map { Float(exp(-Double($0 * $0) / (2 * sigma * sigma))) }
    }

    /// The patches for `pixels` (RGBA, straight alpha ignored) under `alpha` (`width × height`
    /// bytes each); none when no pixel is semi-transparent.
    static func estimate(pixels: UnsafePointer<UInt8>, alpha: UnsafePointer<UInt8>, width: Int, height: Int) -> [Patch] {
        guard let edge = edgeBounds(alpha, width: width, height: height) else { return [] }
        let coarse = CoarseMeans(pixels: pixels, alpha: alpha, width: width, height: height, edge: edge)
        let tiles = coarse.tiles
        var patches = [Patch?](repeating: nil, count: tiles.count)
        patches.withUnsafeMutableBufferPointer { out in
            let work = tiles.count * (tileSide + 18) * (tileSide + 18) * 40
            Parallelism.run(bands: Parallelism.bands(tiles.count, work: work), over: tiles.count) { range, _ in
                var scratch = FineScratch()
                for i in range {
                    out[i] = fine(
                        tile: tiles[i], pixels: pixels, alpha: alpha, width: width, height: height, coarse: coarse, scratch: &scratch)
                }
            }
        }
        return patches.map { $0! }
    }

    /// The bounding box of the pixels with 0 < alpha < 255.
    static func edgeBounds(_ alpha: UnsafePointer<UInt8>, width: Int, height: Int) -> PixelRect? {
        var x0 = width, y0 = height, x1 = -1, y1 = -1
        for y in 0..<height {
            let row = alpha + y * width
            var first = -1, last = -1
            for x in 0..<width where row[x] &- 1 < 254 {
                if first < 0 { first = x }
                last = x
            }
            guard first >= 0 else { continue }
            if y0 == height { y0 = y }
            y1 = y
            x0 = min(x0, first); x1 = max(x1, last)
        }
        guard y1 >= 0 else { return nil }
        return PixelRect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
    }

    @inline(__always)
    static func color(_ pixels: UnsafePointer<UInt8>, _ i: Int) -> SIMD4<Float> {
        SIMD4(Float(pixels[i * 4]), Float(pixels[i * 4 + 1]), Float(pixels[i * 4 + 2]), 0)
    }

    /// Means (foreground in lanes 0–3, background in 4–7; lane 3/7 the weight) into F and B.
    @inline(__always)
    static func corrected(_ sums: SIMD8<Float>, pixel: SIMD4<Float>, alpha: Float) -> (f: SIMD4<Float>, b: SIMD4<Float>) {
        let fh = sums[3] > 0 ? SIMD4(sums[0], sums[1], sums[2], 0) / sums[3] : pixel
        let bh = sums[7] > 0 ? SIMD4(sums[4], sums[5], sums[6], 0) / sums[7] : pixel
        let error = pixel - alpha * fh - (1 - alpha) * bh
        let zero = SIMD4<Float>(repeating: 0), top = SIMD4<Float>(repeating: 255)
        return (
            (fh + alpha * error).clamped(lowerBound: zero, upperBound: top),
            (bh + (1 - alpha) * error).clamped(lowerBound: zero, upperBound: top)
        )
    }

    /// The coarse round's blurred cell sums, at the cells the edge pixels interpolate between,
    /// and the tiles that hold edge pixels. Cell sums, the pass across and the pass down are each
    /// computed only where a later step reads them (the needed cells, dilated by the reach).
    final class CoarseMeans: @unchecked Sendable {
        let columns: Int, rows: Int
        /// The cells kept: the edge's cells plus the reach, `keptWidth × keptHeight` from (`cx0`, `cy0`).
        let cx0: Int, cy0: Int, keptWidth: Int, keptHeight: Int
        /// Blurred sums at the needed cells: α·r, α·g, α·b, α, (255−α)·r, …, 255−α (α 0…255).
        let blurred: [SIMD8<Float>]
        /// The 64×64 tiles (aligned with the picture's origin) holding an edge pixel, row by row.
        let tiles: [PixelRect]

        init(pixels: UnsafePointer<UInt8>, alpha: UnsafePointer<UInt8>, width: Int, height: Int, edge: PixelRect) {
            let k = BlurFusion.cell, r = BlurFusion.coarseWeights.count / 2, side = BlurFusion.tileSide
            columns = (width + k - 1) / k
            rows = (height + k - 1) / k
            let ex0 = Int(Self.position(edge.x, k: k, count: columns)),
                ex1 = min(columns - 1, Int(Self.position(edge.x + edge.width - 1, k: k, count: columns)) + 1)
            let ey0 = Int(Self.position(edge.y, k: k, count: rows)),
                ey1 = min(rows - 1, Int(Self.position(edge.y + edge.height - 1, k: k, count: rows)) + 1)
            let cx0 = max(0, ex0 - r), cy0 = max(0, ey0 - r), columns = columns, rows = rows
            let w = min(columns - 1, ex1 + r) - cx0 + 1, h = min(rows - 1, ey1 + r) - cy0 + 1
            self.cx0 = cx0; self.cy0 = cy0; keptWidth = w; keptHeight = h
            // The cells edge pixels read, and the tiles holding them: one scan of the edge's box.
            var needed = [Bool](repeating: false, count: w * h)
            let tx0 = edge.x / side, ty0 = edge.y / side
            let tilesAcross = (edge.x + edge.width - 1) / side - tx0 + 1, tilesDown = (edge.y + edge.height - 1) / side - ty0 + 1
            var holdsEdge = [Bool](repeating: false, count: tilesAcross * tilesDown)
            for y in edge.y..<(edge.y + edge.height) {
                let row = alpha + y * width
                let v = Self.position(y, k: k, count: rows)
                let r0 = Int(v) - cy0, r1 = min(Int(v) + 1, rows - 1) - cy0
                for x in edge.x..<(edge.x + edge.width) where row[x] &- 1 < 254 {
                    let u = Self.position(x, k: k, count: columns)
                    let c0 = Int(u) - cx0, c1 = min(Int(u) + 1, columns - 1) - cx0
                    needed[r0 * w + c0] = true; needed[r0 * w + c1] = true
                    needed[r1 * w + c0] = true; needed[r1 * w + c1] = true
                    holdsEdge[(y / side - ty0) * tilesAcross + x / side - tx0] = true
                }
            }
            var tiles: [PixelRect] = []
            for ty in 0..<tilesDown {
                for tx in 0..<tilesAcross where holdsEdge[ty * tilesAcross + tx] {
                    let x = (tx0 + tx) * side, y = (ty0 + ty) * side
                    tiles.append(PixelRect(x: x, y: y, width: min(side, width - x), height: min(side, height - y)))
                }
            }
            // The pass down reads `across` within r rows of a needed cell; that reads sums within r columns.
            let acrossNeeded = Self.dilated(needed, width: w, height: h, radius: r, vertically: true)
            let sumNeeded = Self.dilated(acrossNeeded, width: w, height: h, radius: r, vertically: false)
            var sums = [SIMD8<Float>](repeating: .zero, count: w * h)
            sums.withUnsafeMutableBufferPointer { s in
                Parallelism.run(bands: Parallelism.bands(h, work: w * h * k * k * 8), over: h) { band, _ in
                    for row in band {
                        let cy = cy0 + row
                        for col in 0..<w where sumNeeded[row * w + col] {
                            let cx = cx0 + col
                            var acc = SIMD8<Float>.zero
                            for y in (cy * k)..<min(height, cy * k + k) {
                                let p = pixels + y * width * 4, a = alpha + y * width
                                for x in (cx * k)..<min(width, cx * k + k) {
                                    let weight = Float(a[x]), c = SIMD4(Float(p[x * 4]), Float(p[x * 4 + 1]), Float(p[x * 4 + 2]), 1)
                                    acc += SIMD8(lowHalf: weight * c, highHalf: (255 - weight) * c)
                                }
                            }
                            s[row * w + col] = acc
                        }
                    }
                }
            }
            let g = BlurFusion.coarseWeights
            var across = [SIMD8<Float>](repeating: .zero, count: w * h)
            for row in 0..<h {
                for col in 0..<w where acrossNeeded[row * w + col] {
                    var acc = SIMD8<Float>.zero
                    for d in max(-r, -col)...min(r, w - 1 - col) { acc += g[d + r] * sums[row * w + col + d] }
                    across[row * w + col] = acc
                }
            }
            var blurred = [SIMD8<Float>](repeating: .zero, count: w * h)
            for row in 0..<h {
                for col in 0..<w where needed[row * w + col] {
                    var acc = SIMD8<Float>.zero
                    for d in max(-r, -row)...min(r, h - 1 - row) { acc += g[d + r] * across[(row + d) * w + col] }
                    blurred[row * w + col] = acc
                }
            }
            self.blurred = blurred
            self.tiles = tiles
        }

        /// `flags` grown by `radius` cells up and down (`vertically`) or left and right.
        static func dilated(_ flags: [Bool], width: Int, height: Int, radius: Int, vertically: Bool) -> [Bool] {
            var out = [Bool](repeating: false, count: flags.count)
            let lines = vertically ? width : height, length = vertically ? height : width
            let step = vertically ? width : 1, lineStep = vertically ? 1 : width
            for line in 0..<lines {
                // The distance back to the last set flag, then forward from the next.
                var last = -radius - 1
                for i in 0..<length {
                    if flags[line * lineStep + i * step] { last = i }
                    if i - last <= radius { out[line * lineStep + i * step] = true }
                }
                last = length + radius + 1
                for i in stride(from: length - 1, through: 0, by: -1) {
                    if flags[line * lineStep + i * step] { last = i }
                    if last - i <= radius { out[line * lineStep + i * step] = true }
                }
            }
            return out
        }

        /// A pixel's position on the cell grid, clamped to its ends.
        @inline(__always)
        static func position(_ x: Int, k: Int, count: Int) -> Float {
            min(max((Float(x) + 0.5) / Float(k) - 0.5, 0), Float(count - 1))
        }

        /// The interpolated sums at pixel (x, y) (an edge pixel).
        @inline(__always)
        func sums(x: Int, y: Int) -> SIMD8<Float> {
            let k = BlurFusion.cell
            let u = Self.position(x, k: k, count: columns), v = Self.position(y, k: k, count: rows)
            let c0 = Int(u), r0 = Int(v)
            let c1 = min(c0 + 1, columns - 1), r1 = min(r0 + 1, rows - 1)
            let t = u - Float(c0), s = v - Float(r0)
            let w = keptWidth
            return blurred.withUnsafeBufferPointer { b in
                let top = b[(r0 - cy0) * w + c0 - cx0] * (1 - t) + b[(r0 - cy0) * w + c1 - cx0] * t
                let bottom = b[(r1 - cy0) * w + c0 - cx0] * (1 - t) + b[(r1 - cy0) * w + c1 - cx0] * t
                return top * (1 - s) + bottom * s
            }
        }
    }

    /// Buffers one thread reuses from tile to tile.
    struct FineScratch {
        var weighted: [SIMD8<Float>] = []
        var across: [SIMD8<Float>] = []
    }

    /// The fine round on one tile.
    static func fine(
        tile: PixelRect, pixels: UnsafePointer<UInt8>, alpha: UnsafePointer<UInt8>, width: Int, height: Int,
        coarse: CoarseMeans, scratch: inout FineScratch
    ) -> Patch {
        let g = fineWeights, r = g.count / 2
        let wx0 = max(0, tile.x - r), wy0 = max(0, tile.y - r)
        let wx1 = min(width, tile.x + tile.width + r), wy1 = min(height, tile.y + tile.height + r)
        let ww = wx1 - wx0, wh = wy1 - wy0
        if scratch.weighted.count < ww * wh { scratch.weighted = .init(repeating: .zero, count: ww * wh) }
        if scratch.across.count < tile.width * wh { scratch.across = .init(repeating: .zero, count: tile.width * wh) }
        var rgb = [UInt8](repeating: 0, count: tile.width * tile.height * 3)
        scratch.weighted.withUnsafeMutableBufferPointer { weighted in
            scratch.across.withUnsafeMutableBufferPointer { across in
                // The window's weighted colors: the coarse F and B at edge pixels, I elsewhere.
                for y in wy0..<wy1 {
                    for x in wx0..<wx1 {
                        let i = y * width + x, a = alpha[i]
                        let al = Float(a) / 255
                        let pixel = color(pixels, i)
                        var f = pixel, b = pixel
                        if a &- 1 < 254 { (f, b) = corrected(coarse.sums(x: x, y: y), pixel: pixel, alpha: al) }
                        f[3] = 1; b[3] = 1
                        weighted[(y - wy0) * ww + x - wx0] = SIMD8(lowHalf: al * f, highHalf: (1 - al) * b)
                    }
                }
                // Across, at the tile's columns, in the rows that reach one of the column's edge pixels.
                for col in 0..<tile.width {
                    let x = tile.x + col
                    var first = tile.height, last = -1
                    for ty in 0..<tile.height where alpha[(tile.y + ty) * width + x] &- 1 < 254 {
                        first = min(first, ty); last = ty
                    }
                    guard last >= 0 else { continue }
                    for row in max(0, tile.y + first - r - wy0)...min(wh - 1, tile.y + last + r - wy0) {
                        var acc = SIMD8<Float>.zero
                        for d in max(-r, wx0 - x)...min(r, wx1 - 1 - x) { acc += g[d + r] * weighted[row * ww + x + d - wx0] }
                        across[row * tile.width + col] = acc
                    }
                }
                // Down, at the tile's edge pixels only.
                rgb.withUnsafeMutableBufferPointer { out in
                    for ty in 0..<tile.height {
                        let y = tile.y + ty
                        for tx in 0..<tile.width {
                            let i = y * width + tile.x + tx, a = alpha[i]
                            guard a &- 1 < 254 else { continue }
                            var acc = SIMD8<Float>.zero
                            for d in max(-r, wy0 - y)...min(r, wy1 - 1 - y) { acc += g[d + r] * across[(y + d - wy0) * tile.width + tx] }
                            let f = corrected(acc, pixel: color(pixels, i), alpha: Float(a) / 255).f
                            let o = (ty * tile.width + tx) * 3
                            out[o] = UInt8(f[0].rounded()); out[o + 1] = UInt8(f[1].rounded()); out[o + 2] = UInt8(f[2].rounded())
                        }
                    }
                }
            }
        }
        return Patch(tile: tile, rgb: rgb)
    }
}
