import LimnTestSupport
import Testing

@testable import LimnRaster

@Suite struct ResizeTests {
    /// Photo-like: smooth gradients with noise, with and without alpha.
    static func picture(width: Int, height: Int, alpha: Bool) -> Image {
        let gradient = Patterns.gradient(width: width, height: height)
        let noise = Patterns.noise(width: width, height: height, seed: 21)
        var out = gradient
        for y in 0..<height {
            for x in 0..<width {
                let g = gradient[x, y], n = noise[x, y]
                out[x, y] = Pixel(
                    r: UInt8((Int(g.r) * 3 + Int(n.r)) / 4), g: UInt8((Int(g.g) * 3 + Int(n.g)) / 4),
                    b: UInt8((Int(g.b) * 3 + Int(n.b)) / 4), a: alpha ? UInt8(max(40, Int(n.a))) : 255)
            }
        }
        out.recomputeOpacity()
        return out
    }

    static let cases: [(ResampleFilter, Size)] = ResampleFilter.allCases.flatMap { filter in
        [(filter, Size(width: 23, height: 17)), (filter, Size(width: 97, height: 71)), (filter, Size(width: 40, height: 60))]
    }

    @Test(arguments: cases)
    func matchesTheDoublePrecisionReference(filter: ResampleFilter, size: Size) throws {
        for alpha in [false, true] {
            let image = Self.picture(width: 61, height: 45, alpha: alpha)
            let fast = try image.resized(to: size, filter: filter, preShrink: false)
            let reference = ResampleReference.resample(image, region: Rect(image.size), to: size, filter: filter)
            let difference = ImageDifference(fast, reference)
            #expect(difference.psnr >= 45, "\(filter) → \(size), alpha \(alpha): \(difference)")
            #expect(fast.isOpaque == !alpha)
        }
    }

    @Test(arguments: [ResampleFilter.lanczos3, .triangle, .mitchell])
    func fractionalRegionsMatchTheReference(filter: ResampleFilter) throws {
        let image = Self.picture(width: 61, height: 45, alpha: true)
        let region = Rect(x: 7.25, y: 3.5, width: 40.4, height: 30.2)
        let fast = try image.resampled(from: region, to: Size(width: 29, height: 21), filter: filter)
        let reference = ResampleReference.resample(image, region: region, to: Size(width: 29, height: 21), filter: filter)
        #expect(ImageDifference(fast, reference).psnr >= 45)
    }

    @Test func sameSizeIsTheIdentityForInterpolatingKernels() throws {
        // Mitchell (B = 1/3) is not interpolating: it softens even at scale 1, by design.
        let image = Self.picture(width: 61, height: 45, alpha: false)
        for filter in ResampleFilter.allCases where filter != .mitchell {
            #expect(try image.resized(to: image.size, filter: filter) == image, "\(filter)")
        }
    }

    @Test(arguments: [ResampleFilter.lanczos3, .catmullRom, .mitchell, .triangle, .box])
    func aWhiteShapeOnTransparencyKeepsAWhiteEdge(filter: ResampleFilter) throws {
        var image = Image(width: 64, height: 64)
        for y in 0..<64 {
            for x in 0..<64 {
                let dx = Double(x) - 31.5, dy = Double(y) - 31.5
                if dx * dx + dy * dy < 20 * 20 { image[x, y] = .white }
            }
        }
        for size in [Size(width: 21, height: 21), Size(width: 150, height: 150)] {
            let out = try image.resized(to: size, filter: filter)
            for y in 0..<out.height {
                for x in 0..<out.width {
                    let p = out[x, y]
                    if p.a > 0 { #expect(p.r == 255 && p.g == 255 && p.b == 255, "\(filter) \(size) (\(x),\(y)) \(p)") }
                }
            }
        }
    }

    @Test func aOnePixelCheckerboardShrunkBy3_7IsFlatGray() throws {
        var image = Image(width: 370, height: 370, fill: .black)
        for y in 0..<370 { for x in 0..<370 where (x + y) % 2 == 0 { image[x, y] = .white } }
        for (filter, preShrink) in [(ResampleFilter.lanczos3, true), (.lanczos3, false), (.mitchell, true)] {
            let out = try image.resized(to: Size(width: 100, height: 100), filter: filter, preShrink: preShrink)
            for y in 0..<100 {
                for x in 0..<100 {
                    #expect(abs(Int(out[x, y].r) - 128) <= 3, "\(filter) (\(x),\(y)) \(out[x, y])")
                }
            }
        }
    }

    @Test func preShrinkStaysCloseToThePureKernel() throws {
        let image = Self.picture(width: 400, height: 300, alpha: false)
        let pure = try image.resized(to: Size(width: 50, height: 37), preShrink: false)
        let shrunk = try image.resized(to: Size(width: 50, height: 37), preShrink: true)
        #expect(ImageDifference(pure, shrunk).psnr >= 40)
    }

    @Test func theTwoByTwoBoxShrinkIsTheRoundedMeanOfEachBlock() throws {
        // The 16-byte vector path (pairs of output pixels) and the general path (the odd last
        // column and row) against a direct computation, on random bytes.
        let width = 13, height = 7, out = (width + 1) / 2
        var random = SplitMix(seed: 3)
        let source = (0..<(width * height * 4)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        var shrunk = [UInt8](repeating: 0, count: out * ((height + 1) / 2) * 4)
        source.withUnsafeBufferPointer { s in
            shrunk.withUnsafeMutableBufferPointer { d in
                ResamplePasses.boxShrink(
                    source: s.baseAddress!, sourceStride: width * 4, sourceWidth: width, sourceHeight: height,
                    channels: 4, factorX: 2, factorY: 2, destination: d.baseAddress!,
                    destinationWidth: out, rows: 0..<((height + 1) / 2))
            }
        }
        for oy in 0..<((height + 1) / 2) {
            for ox in 0..<out {
                for c in 0..<4 {
                    var sum = 0, n = 0
                    for y in (oy * 2)..<min(oy * 2 + 2, height) {
                        for x in (ox * 2)..<min(ox * 2 + 2, width) {
                            sum += Int(source[(y * width + x) * 4 + c]); n += 1
                        }
                    }
                    #expect(Int(shrunk[(oy * out + ox) * 4 + c]) == (sum + n / 2) / n, "(\(ox),\(oy)) channel \(c)")
                }
            }
        }
    }

    @Test(arguments: [false, true])
    func preShrinkByTwoStaysCloseToThePureKernel(alpha: Bool) throws {
        // 4× on both axes: box 2× then Lanczos3 at 2×, against Lanczos3 at 4×. The two are different
        // filters; with alpha that is itself per-pixel noise (the worst case) they differ more.
        let image = Self.picture(width: 403, height: 301, alpha: alpha)
        let size = Size(width: 100, height: 75)
        let pure = try image.resized(to: size, preShrink: false)
        let shrunk = try image.resized(to: size)
        #expect(ImageDifference(pure, shrunk).psnr >= (alpha ? 36 : 40), "\(ImageDifference(pure, shrunk))")
    }

    @Test func aFlatColorStaysFlat() throws {
        // Opaque: exactly. Under alpha 77, color is stored premultiplied in 8 bits on the way, so
        // it comes back within the precision that allows: 255 / 77 ≈ 3.3 levels per step, ±2.
        let opaque = Image(width: 403, height: 301, fill: Pixel(r: 9, g: 99, b: 199))
        #expect(try opaque.resized(to: Size(width: 100, height: 75)) == Image(width: 100, height: 75, fill: Pixel(r: 9, g: 99, b: 199)))
        let translucent = Image(width: 403, height: 301, fill: Pixel(r: 9, g: 99, b: 199, a: 77))
        let out = try translucent.resized(to: Size(width: 100, height: 75))
        for y in 0..<75 {
            for x in 0..<100 {
                let p = out[x, y]
                #expect(p.a == 77 && abs(Int(p.r) - 9) <= 2 && abs(Int(p.g) - 99) <= 2 && abs(Int(p.b) - 199) <= 2)
            }
        }
    }

    @Test func threadsDoNotChangeTheResult() throws {
        let image = Self.picture(width: 900, height: 700, alpha: true)
        let one = try Parallelism.withMaximumThreads(1) { try image.resized(to: Size(width: 301, height: 233)) }
        let four = try Parallelism.withMaximumThreads(4) { try image.resized(to: Size(width: 301, height: 233)) }
        #expect(one == four)
    }

    @Test func aWarmWorkspaceAndDestinationGiveTheSameResult() throws {
        let image = Self.picture(width: 200, height: 150, alpha: true)
        let workspace = ResampleWorkspace()
        var destination = Image()
        try image.resample(into: &destination, size: Size(width: 51, height: 39), workspace: workspace)
        let first = destination
        try image.resample(into: &destination, size: Size(width: 51, height: 39), workspace: workspace)
        #expect(destination == first)
        #expect(try first == image.resized(to: Size(width: 51, height: 39)))
    }

    @Test func enlargingATwoPixelRampWithTriangleInterpolates() throws {
        var image = Image(width: 2, height: 1, fill: .black)
        image[1, 0] = .white
        let out = try image.resized(to: Size(width: 4, height: 1), filter: .triangle)
        // Centers at 0.25, 0.75, 1.25, 1.75 source px: 0, 0.25, 0.75, 1 of the way.
        #expect([out[0, 0].r, out[1, 0].r, out[2, 0].r, out[3, 0].r] == [0, 64, 191, 255])
    }

    @Test func masksResizeLikeTheGrayOfAnImage() throws {
        var mask = Mask(width: 61, height: 45)
        for y in 0..<45 { for x in 0..<61 { mask[x, y] = UInt8((x * 4 + y * 3) & 0xFF) } }
        for filter in [ResampleFilter.lanczos3, .nearest, .box] {
            let a = Image(gray: try mask.resized(to: Size(width: 20, height: 33), filter: filter))
            let b = try Image(gray: mask).resized(to: Size(width: 20, height: 33), filter: filter)
            #expect(a == b, "\(filter)")
        }
    }

    @Test func degenerateSizesAreRaisedToOnePixel() throws {
        let image = Self.picture(width: 10, height: 10, alpha: false)
        #expect(try image.resized(to: Size(width: 0, height: -5)).size == Size(width: 1, height: 1))
        #expect(try Image().resized(to: Size(width: 3, height: 2)).size == Size(width: 3, height: 2))
        #expect(
            try image.resampled(from: Rect(x: .nan, y: 0, width: 1, height: 1), to: Size(width: 2, height: 2)).size
                == Size(width: 2, height: 2)
        )
    }
}
