import Foundation
import Limn
import LimnTestSupport
import Testing

/// Sizes a caller or a file asks for go through the limits decoding keeps, before anything is
/// allocated; results made for another picture's shape are refused before they are drawn.
@Suite struct OutputLimitsTests {
    let small = Image(width: 40, height: 30, fill: .white)

    @Test func sizesOverTheLimitsAreTypedErrors() throws {
        let huge = Size(width: 200_000, height: 200_000)
        #expect(throws: RasterError.self) { try small.resized(to: huge) }
        #expect(throws: RasterError.self) { try small.resampled(from: Rect(small.size), to: huge) }
        #expect(throws: RasterError.self) { try small.fitted(to: FitTarget(huge), mode: .fill()) }
        #expect(throws: RasterError.self) { try Mask(width: 4, height: 4).resized(to: Size(width: 20_000, height: 3)) }
        #expect(throws: RasterError.self) { try Thumbnail.make(from: small, size: huge, crop: .none) }
        var destination = Image()
        #expect(throws: RasterError.self) {
            try small.resample(into: &destination, size: Size(width: 16385, height: 1), workspace: ResampleWorkspace())
        }
        do {
            _ = try small.resized(to: huge)
        } catch let error as RasterError {
            guard case let .overLimit(_, size, limit) = error else { Issue.record("\(error)"); return }
            #expect(size == huge && limit.contains("16384"))
            #expect(error.description.contains("200000x200000") && error.description.contains("PixelLimits"))
        }
        // Limits of one's own, tighter or looser.
        #expect(throws: RasterError.self) { try small.resized(to: Size(width: 100, height: 100), limits: PixelLimits(maxPixels: 5000)) }
        #expect(
            try small.resized(to: Size(width: 100, height: 100), limits: PixelLimits(maxPixels: 10000)).size
                == Size(width: 100, height: 100))
        // A cutout's canvas and trim margin are sizes too.
        let matte = Mask(width: 40, height: 30, fill: 255)
        #expect(throws: RasterError.self) {
            try Cutout.make(picture: small, matte: matte, options: CutoutOptions(canvasSize: Size(width: 20_000, height: 20_000)))
        }
        #expect(throws: RasterError.self) {
            try Cutout.make(picture: small, matte: matte, options: CutoutOptions(trim: true, trimMargin: 100_000))
        }
    }

    /// The shape check: a copy resized with rounding passes; another shape does not; a result
    /// the service saw as stored (quarter-turned) pixels maps through the orientation.
    @Test func resultsFitPicturesOfTheirShape() throws {
        var analysis = Analysis(vendor: .azureImageAnalysis40, format: .azure40, imageSize: Size(width: 4000, height: 3000))
        try analysis.checkFits(PictureGeometry(storedSize: Size(width: 1000, height: 750)))
        try analysis.checkFits(PictureGeometry(storedSize: Size(width: 333, height: 250)))  // 249.75, rounded
        try analysis.checkFits(PictureGeometry(storedSize: Size(width: 40, height: 31)))  // within 1.5 px
        #expect(throws: ResultsError.self) { try analysis.checkFits(PictureGeometry(storedSize: Size(width: 1000, height: 1000))) }
        #expect(throws: ResultsError.self) { try analysis.checkFits(PictureGeometry(storedSize: Size(width: 1000, height: 780))) }
        // Stored 4000x3000 with orientation 6 is upright 3000x4000: the service saw either.
        let turned = PictureGeometry(storedSize: Size(width: 4000, height: 3000), orientation: .right)
        try analysis.checkFits(turned)
        analysis.imageSize = Size(width: 3000, height: 4000)
        try analysis.checkFits(turned)
        analysis.imageSize = nil
        try analysis.checkFits(PictureGeometry(storedSize: Size(width: 10, height: 999)))  // fractions fit anything
        #expect(Analysis.sameShape(Size(width: 800, height: 520), Size(width: 400, height: 260)))
        #expect(!Analysis.sameShape(Size(width: 800, height: 520), Size(width: 400, height: 400)))
        // The recipe refuses before drawing.
        analysis.imageSize = Size(width: 800, height: 520)
        #expect(throws: ResultsError.self) { try annotate(image: small, analysis: analysis) }
    }
}
