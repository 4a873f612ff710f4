import LimnTestSupport
import Testing

@testable import LimnRaster

@Suite struct FitPlanTests {
    @Test(arguments: [
        // source, target, expected scaled size
        (Size(width: 4000, height: 3000), FitTarget(width: 400, height: 400), Size(width: 400, height: 300)),
        (Size(width: 3000, height: 4000), FitTarget(width: 400, height: 400), Size(width: 300, height: 400)),
        (Size(width: 4000, height: 3000), FitTarget(width: 256), Size(width: 256, height: 192)),
        (Size(width: 4000, height: 3000), FitTarget(height: 100), Size(width: 133, height: 100)),
        (Size(width: 1920, height: 363), FitTarget(width: 100, height: 100), Size(width: 100, height: 19)),
        (Size(width: 10000, height: 1), FitTarget(width: 100, height: 100), Size(width: 100, height: 1)),  // never zero
        (Size(width: 100, height: 50), FitTarget(width: 400, height: 400), Size(width: 400, height: 200)),
        (Size(width: 100, height: 50), FitTarget(), Size(width: 100, height: 50)),
    ])
    func fitKeepsTheAspectWithinAPixel(source: Size, target: FitTarget, expected: Size) {
        let plan = FitPlan(source: source, target: target, mode: .fit())
        #expect(plan.scaledSize == expected)
        #expect(plan.canvasSize == expected)
        #expect(plan.sourceRegion == Rect(source))
        let aspect = Double(source.width) / Double(source.height)
        #expect(abs(Double(expected.height) * aspect - Double(expected.width)) <= max(1, aspect))
    }

    @Test func withoutEnlargingSmallPicturesKeepTheirSize() throws {
        let plan = FitPlan(
            source: Size(width: 100, height: 50), target: FitTarget(width: 400, height: 400), mode: .fit(), allowEnlarging: false)
        #expect(plan.scaledSize == Size(width: 100, height: 50))
        let fill = FitPlan(
            source: Size(width: 100, height: 50), target: FitTarget(width: 400, height: 400), mode: .fill(), allowEnlarging: false)
        #expect(fill.scaledSize == Size(width: 50, height: 50))
        #expect(fill.sourceRegion == Rect(x: 25, y: 0, width: 50, height: 50))
    }

    @Test func letterboxCentersThePictureOnTheTarget() throws {
        let plan = FitPlan(
            source: Size(width: 4000, height: 3000), target: FitTarget(width: 400, height: 400), mode: .fit(letterbox: .black))
        #expect(plan.canvasSize == Size(width: 400, height: 400))
        #expect(plan.placement == PixelRect(x: 0, y: 50, width: 400, height: 300))
    }

    @Test func fillCropsAroundTheAnchorOrTheFocus() throws {
        let source = Size(width: 4000, height: 3000), target = FitTarget(width: 300, height: 300)
        #expect(FitPlan(source: source, target: target, mode: .fill()).sourceRegion == Rect(x: 500, y: 0, width: 3000, height: 3000))
        #expect(
            FitPlan(source: source, target: target, mode: .fill(anchor: .left)).sourceRegion == Rect(x: 0, y: 0, width: 3000, height: 3000))
        #expect(
            FitPlan(source: source, target: target, mode: .fill(anchor: .right)).sourceRegion
                == Rect(x: 1000, y: 0, width: 3000, height: 3000))
        // A focus near the right edge: centered on it as far as the picture allows.
        let focus = Rect(x: 3600, y: 100, width: 200, height: 200)
        #expect(
            FitPlan(source: source, target: target, mode: .fill(focus: focus)).sourceRegion
                == Rect(x: 1000, y: 0, width: 3000, height: 3000))
        let middle = Rect(x: 1900, y: 1400, width: 200, height: 200)
        #expect(
            FitPlan(source: source, target: FitTarget(width: 100, height: 50), mode: .fill(focus: middle)).sourceRegion
                == Rect(x: 0, y: 500, width: 4000, height: 2000))
        #expect(FitPlan(source: source, target: target, mode: .fill()).scaledSize == Size(width: 300, height: 300))
    }

    @Test func stretchIgnoresTheAspect() throws {
        #expect(
            FitPlan(source: Size(width: 4000, height: 3000), target: FitTarget(width: 100, height: 400), mode: .stretch).scaledSize
                == Size(width: 100, height: 400))
    }

    @Test func fittedImagesHaveThePlannedSizeAndLetterboxColor() throws {
        let image = Patterns.gradient(width: 80, height: 40)
        let boxed = try image.fitted(to: FitTarget(width: 50, height: 50), mode: .fit(letterbox: Pixel(r: 1, g: 2, b: 3)))
        #expect(boxed.size == Size(width: 50, height: 50))
        #expect(boxed[0, 0] == Pixel(r: 1, g: 2, b: 3) && boxed[25, 49] == Pixel(r: 1, g: 2, b: 3))
        #expect(boxed[25, 25] != Pixel(r: 1, g: 2, b: 3))
        #expect(try image.fitted(to: FitTarget(width: 20, height: 20), mode: .fill()).size == Size(width: 20, height: 20))
    }
}

@Suite struct CropTests {
    @Test func wholePixelCropsCopyExactly() throws {
        let image = Patterns.noise(width: 30, height: 20, seed: 4)
        let crop = try #require(image.cropped(to: Rect(x: 5, y: 3, width: 10, height: 7)))
        #expect(!crop.wasClamped)
        #expect(crop.raster.size == Size(width: 10, height: 7))
        for y in 0..<7 { for x in 0..<10 { #expect(crop.raster[x, y] == image[x + 5, y + 3]) } }
    }

    @Test func cropsOutsideTheImageAreClampedAndSaySo() throws {
        let image = Patterns.noise(width: 30, height: 20, seed: 4)
        let crop = try #require(image.cropped(to: Rect(x: -5, y: 15, width: 20, height: 20)))
        #expect(crop.wasClamped)
        #expect(crop.region == Rect(x: 0, y: 15, width: 15, height: 5))
        #expect(crop.raster[0, 0] == image[0, 15])
        #expect(image.cropped(to: Rect(x: 40, y: 0, width: 5, height: 5)) == nil)
        #expect(image.cropped(to: Rect(x: .nan, y: 0, width: 5, height: 5)) == nil)
    }

    @Test func fractionalCropsAreResampledNotRounded() throws {
        // A horizontal ramp: a crop starting half a pixel in reads half a level later.
        var image = Image(width: 20, height: 4, fill: .black)
        for y in 0..<4 { for x in 0..<20 { image[x, y] = Pixel(gray: UInt8(x * 10)) } }
        let crop = try #require(image.cropped(to: Rect(x: 4.5, y: 0, width: 10, height: 4)))
        #expect(crop.raster.size == Size(width: 10, height: 4))
        #expect(crop.raster[3, 1].r == 75)  // source x 7.5 … 8.5: between 70 and 80
    }

    @Test func masksCropLikeImages() throws {
        var mask = Mask(width: 10, height: 10)
        mask[4, 4] = 200
        let crop = try #require(mask.cropped(to: Rect(x: 3, y: 3, width: 3, height: 3)))
        #expect(crop.raster[1, 1] == 200 && crop.raster[0, 0] == 0)
    }
}

@Suite struct BlurTests {
    @Test func boxWidthsApproximateTheGaussian() throws {
        for sigma in [2.0, 2.5, 8, 40] {  // below 2 the exact kernel is used instead
            let boxes = BoxBlurProbe.boxes(sigma)
            // Three boxes' variances add: Σ (w² − 1) / 12 ≈ σ².
            let variance = boxes.reduce(0.0) { $0 + Double($1 * $1 - 1) / 12 }
            #expect(abs(variance.squareRoot() - sigma) / sigma < 0.1, "σ \(sigma): boxes \(boxes)")
        }
    }

    @Test(arguments: [0.8, 1.5, 6.0])
    func blurringALineGivesAGaussianProfile(sigma: Double) throws {
        var wide = Mask(width: 101, height: 101)
        for y in 0..<101 { wide[50, y] = 255 }
        let out = wide.blurred(sigma: sigma)
        let profile = (0..<101).map { Double(out[$0, 50]) }
        let total = profile.reduce(0, +)
        let mean = profile.enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element } / total
        let variance =
            profile.enumerated().reduce(0.0) { $0 + (Double($1.offset) - mean) * (Double($1.offset) - mean) * $1.element } / total
        #expect(abs(mean - 50) < 0.01)
        #expect(abs(variance.squareRoot() - sigma) < max(0.1, sigma * 0.08), "σ measured \(variance.squareRoot())")
        #expect(abs(total - 255) < 4)  // the mass is kept
    }

    @Test func flatAreasStayFlatAndTransparencyDoesNotDarken() throws {
        let flat = Image(width: 40, height: 30, fill: Pixel(r: 10, g: 200, b: 90))
        #expect(flat.blurred(sigma: 5) == flat)
        var shape = Image(width: 60, height: 60)
        for y in 20..<40 { for x in 20..<40 { shape[x, y] = .white } }
        let out = shape.blurred(sigma: 4)
        for y in 0..<60 {
            for x in 0..<60 where out[x, y].a > 0 {
                #expect(out[x, y].r == 255 && out[x, y].g == 255 && out[x, y].b == 255, "(\(x),\(y)) \(out[x, y])")
            }
        }
        #expect(out[30, 10].a > 0 && out[30, 10].a < 40)  // alpha spreads out
    }

    @Test(arguments: [8.0, 16, 30])
    func wideBlursOnAReducedCopyMatchTheFullBlur(sigma: Double) throws {
        let image = ResizeTests.picture(width: 400, height: 300, alpha: true)
        let fast = image.blurred(sigma: sigma), full = image.fullBlur(sigma: sigma)
        #expect(ImageDifference(fast, full).psnr >= 42, "σ \(sigma): \(ImageDifference(fast, full))")
        var mask = Mask(width: 400, height: 300)
        for y in 100..<200 { for x in 100..<300 { mask[x, y] = 255 } }
        #expect(ImageDifference(Image(gray: mask.blurred(sigma: sigma)), Image(gray: mask.fullBlur(sigma: sigma))).psnr >= 42)
    }

    @Test func degenerateSigmasReturnTheInput() throws {
        let image = Patterns.noise(width: 8, height: 8, seed: 1)
        #expect(image.blurred(sigma: 0) == image && image.blurred(sigma: .nan) == image && image.blurred(sigma: -3) == image)
        #expect(Patterns.noise(width: 8, height: 8, seed: 1).blurred(sigma: 1e9).size == image.size)
    }
}
