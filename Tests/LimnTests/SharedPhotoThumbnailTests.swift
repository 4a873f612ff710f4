import Foundation
import Testing
import Limn
import LimnTestSupport

/// Thumbnails of the Azure 4.0 example's smart crops on the photograph it describes, at the size
/// analysed (864 × 576) and on the copy at 648 × 432.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: RepositoryPaths.shared + "/photos")
                && FileManager.default.fileExists(atPath: RepositoryPaths.shared + "/fixtures"),
                "../shared/photos or ../shared/fixtures is absent: the real-photo thumbnails are skipped"))
struct SharedPhotoThumbnailTests {
    static let result = RepositoryPaths.shared + "/fixtures/azure-rest-api-specs/ia40_AnalyzeFromImageData_MaximumSet.json"

    @Test(arguments: ["azvsdk_image-analysis-orig.png", "azvsdk_sample.jpg"])
    func smartCropThumbnailsOfTheAnalysedPhoto(photo: String) throws {
        let analysis = try Analysis(contentsOfFile: Self.result)
        let path = RepositoryPaths.shared + "/photos/" + photo
        let picture = try ImageDecoder.info(file: path).uprightSize
        let crop = ThumbnailCrop.suggestions(SuggestedCrop.all(in: analysis), analysedSize: analysis.analysedSize)
        let sizes = [Size(width: 400, height: 300), Size(width: 256, height: 256), Size(width: 120, height: 240)]
        let thumbs = try Thumbnail.make(fromFile: path, sizes: sizes, crop: crop)
        #expect(thumbs.map(\.size) == sizes)
        // The regions, in the picture's own pixels: the 864 × 576 boxes scaled to it.
        let scale = Double(picture.width) / 864
        let square = try #require(Thumbnail.region(for: Size(width: 256, height: 256), in: picture,
                                                   suggestions: SuggestedCrop.all(in: analysis), analysedSize: analysis.analysedSize))
        #expect(abs(square.minX - 209.5 * scale) <= 1 && abs(square.width - 568 * scale) <= 1, "\(square)")
        if ProcessInfo.processInfo.environment["LIMN_KEEP_THUMBNAILS"] != nil {
            for (thumb, size) in zip(thumbs, sizes) { try thumb.write(to: NSTemporaryDirectory() + "thumb-\(photo)-\(size).png") }
        }
    }
}
