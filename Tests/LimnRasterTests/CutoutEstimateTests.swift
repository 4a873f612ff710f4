import Foundation
import LimnRaster
import LimnTestSupport
import Testing

/// The decontaminated cutout against blur fusion computed straight from its definition in
/// doubles (every cell and pixel, no tiles, no sparse passes): each estimated color within one
/// level.
@Suite struct CutoutEstimateTests {
    /// Blur fusion as `BlurFusion` defines it, naively: the foreground color of every pixel with
    /// 0 < alpha < 255.
    static func reference(_ picture: Image, _ matte: Mask) -> [Int: (Double, Double, Double)] {
        let w = picture.width, h = picture.height, k = 6
        let columns = (w + k - 1) / k, rows = (h + k - 1) / k
        func gauss(_ d: Int, _ sigma: Double) -> Double { exp(-Double(d * d) / (2 * sigma * sigma)) }
        func alpha(_ x: Int, _ y: Int) -> Double { Double(matte[x, y]) / 255 }
        func color(_ x: Int, _ y: Int) -> [Double] { let p = picture[x, y]; return [Double(p.r), Double(p.g), Double(p.b)] }
        func isEdge(_ x: Int, _ y: Int) -> Bool { matte[x, y] > 0 && matte[x, y] < 255 }
        // Foreground sums (r, g, b, weight) then background sums, per cell.
        var cells = [[Double]](repeating: [Double](repeating: 0, count: 8), count: columns * rows)
        for y in 0..<h {
            for x in 0..<w {
                let a = alpha(x, y), c = color(x, y), i = (y / k) * columns + x / k
                for j in 0..<3 { cells[i][j] += a * c[j]; cells[i][4 + j] += (1 - a) * c[j] }
                cells[i][3] += a; cells[i][7] += 1 - a
            }
        }
        var blurred = cells
        for cy in 0..<rows {
            for cx in 0..<columns {
                var acc = [Double](repeating: 0, count: 8)
                for dy in -12...12 where (0..<rows).contains(cy + dy) {
                    for dx in -12...12 where (0..<columns).contains(cx + dx) {
                        let g = gauss(dx, 4) * gauss(dy, 4)
                        for j in 0..<8 { acc[j] += g * cells[(cy + dy) * columns + cx + dx][j] }
                    }
                }
                blurred[cy * columns + cx] = acc
            }
        }
        func corrected(_ s: [Double], _ c: [Double], _ a: Double) -> (f: [Double], b: [Double]) {
            let fh = s[3] > 0 ? (0..<3).map { s[$0] / s[3] } : c
            let bh = s[7] > 0 ? (0..<3).map { s[4 + $0] / s[7] } : c
            let e = (0..<3).map { c[$0] - a * fh[$0] - (1 - a) * bh[$0] }
            return ((0..<3).map { min(max(fh[$0] + a * e[$0], 0), 255) }, (0..<3).map { min(max(bh[$0] + (1 - a) * e[$0], 0), 255) })
        }
        func position(_ x: Int, _ count: Int) -> Double { min(max((Double(x) + 0.5) / Double(k) - 0.5, 0), Double(count - 1)) }
        // The coarse round at every edge pixel; I elsewhere.
        var f1 = [[Double]](), b1 = [[Double]]()
        for y in 0..<h {
            for x in 0..<w {
                guard isEdge(x, y) else { f1.append(color(x, y)); b1.append(color(x, y)); continue }
                let u = position(x, columns), v = position(y, rows)
                let c0 = Int(u), r0 = Int(v), c1 = min(c0 + 1, columns - 1), r1 = min(r0 + 1, rows - 1)
                let t = u - Double(c0), s = v - Double(r0)
                let sums = (0..<8).map { j in
                    (blurred[r0 * columns + c0][j] * (1 - t) + blurred[r0 * columns + c1][j] * t) * (1 - s)
                        + (blurred[r1 * columns + c0][j] * (1 - t) + blurred[r1 * columns + c1][j] * t) * s
                }
                let (f, b) = corrected(sums, color(x, y), alpha(x, y))
                f1.append(f); b1.append(b)
            }
        }
        // The fine round.
        var out: [Int: (Double, Double, Double)] = [:]
        for y in 0..<h {
            for x in 0..<w where isEdge(x, y) {
                var s = [Double](repeating: 0, count: 8)
                for dy in -9...9 where (0..<h).contains(y + dy) {
                    for dx in -9...9 where (0..<w).contains(x + dx) {
                        let g = gauss(dx, 3) * gauss(dy, 3), q = (y + dy) * w + x + dx, a = alpha(x + dx, y + dy)
                        for j in 0..<3 { s[j] += g * a * f1[q][j]; s[4 + j] += g * (1 - a) * b1[q][j] }
                        s[3] += g * a; s[7] += g * (1 - a)
                    }
                }
                let f = corrected(s, color(x, y), alpha(x, y)).f
                out[y * w + x] = (f[0], f[1], f[2])
            }
        }
        return out
    }

    /// A busy picture under a matte with soft edges across tile borders, at the picture's edges
    /// and corners, and a wide semi-transparent patch.
    static func scene(width: Int = 200, height: Int = 150) -> (Image, Mask) {
        var random = SplitMix(seed: 7)
        var picture = Image(width: width, height: height)
        var matte = Mask(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let inside = 1 - min(max((hypot(Double(x) - 100, Double(y) - 70) - 48) / 7, 0), 1)
                let corner = 1 - min(max((hypot(Double(x), Double(y)) - 20) / 9, 0), 1)
                let stripe = x > 150 && y > 100 ? 0.4 + 0.3 * sin(Double(x + y) / 9) : 0
                matte[x, y] = UInt8((max(inside, corner, stripe) * 255).rounded())
                let a = Double(matte[x, y]) / 255
                let noise = Double(random.next() % 40)
                picture[x, y] = Pixel(
                    r: UInt8(min(255, 200 * a + 30 * (1 - a) + noise)), g: UInt8(min(255, 40 * a + 210 * (1 - a) + noise)),
                    b: UInt8(min(255, Double(x) + noise)))
            }
        }
        return (picture, matte)
    }

    static func check(_ picture: Image, _ matte: Mask) throws {
        let cut = try picture.cutout(with: matte)
        let expected = reference(picture, matte)
        #expect(!expected.isEmpty)
        var worst = 0.0
        for y in 0..<picture.height {
            for x in 0..<picture.width {
                let p = cut[x, y], a = matte[x, y]
                #expect(p.a == a)
                if a == 0 {
                    #expect(p == .clear, "(\(x),\(y)) \(p)")
                } else if a == 255 {
                    #expect(p == picture[x, y], "(\(x),\(y))")
                } else {
                    let e = try #require(expected[y * picture.width + x])
                    worst = max(worst, abs(Double(p.r) - e.0), abs(Double(p.g) - e.1), abs(Double(p.b) - e.2))
                }
            }
        }
        #expect(worst <= 1, "worst difference from the double-precision reference: \(worst)")
    }

    @Test func edgesAcrossTilesAndBordersMatchTheReference() throws {
        let (picture, matte) = Self.scene()
        try Self.check(picture, matte)
    }

    @Test func aMatteThatIsAllEdgeMatchesTheReference() throws {
        var (picture, _) = Self.scene(width: 90, height: 70)
        var matte = Mask(width: 90, height: 70)
        for y in 0..<70 { for x in 0..<90 { matte[x, y] = UInt8(1 + (x * 3 + y * 2) % 253) } }
        picture[0, 0] = Pixel(r: 255, g: 0, b: 0)
        try Self.check(picture, matte)
    }

    @Test(arguments: [(1, 300), (300, 1), (2, 2), (65, 7)])
    func thinPicturesMatchTheReference(width: Int, height: Int) throws {
        var (picture, _) = Self.scene(width: max(width, 3), height: max(height, 3))
        picture = try #require(picture.cropped(to: PixelRect(x: 0, y: 0, width: width, height: height).rect)?.raster)
        var matte = Mask(width: width, height: height)
        for y in 0..<height { for x in 0..<width { matte[x, y] = UInt8((x * 37 + y * 11) % 256) } }
        try Self.check(picture, matte)
    }

    @Test func theThreadCountDoesNotChangeThePixels() throws {
        let (picture, matte) = Self.scene(width: 700, height: 500)
        let one = try Parallelism.withMaximumThreads(1) { try picture.cutout(with: matte) }
        let four = try Parallelism.withMaximumThreads(4) { try picture.cutout(with: matte) }
        #expect(one == four)
    }

    @Test func inPlaceAndCopyAgreeAndAHardMatteNeedsNoEstimate() throws {
        let (picture, matte) = Self.scene()
        var inPlace = picture
        try inPlace.formCutout(with: matte)
        #expect(inPlace == (try picture.cutout(with: matte)))
        let hard = matte.map { $0 >= 128 ? 255 : 0 }
        #expect((try picture.cutout(with: hard)) == (try picture.cutout(with: hard, decontaminate: false)))
        var unchanged = picture
        #expect(throws: RasterError.self) { try unchanged.formCutout(with: Mask(width: 3, height: 3)) }
        #expect(unchanged == picture)
    }

    @Test func flatteningInPlaceEqualsTheCopy() throws {
        let (picture, matte) = Self.scene()
        let cut = try picture.cutout(with: matte)
        var flat = cut
        flat.flatten(onto: Pixel(r: 250, g: 240, b: 10))
        #expect(flat == cut.flattened(onto: Pixel(r: 250, g: 240, b: 10)))
        #expect(flat.isOpaque)
        #expect(flat == Image(width: 200, height: 150, fill: Pixel(r: 250, g: 240, b: 10)).compositing(cut))
    }
}
