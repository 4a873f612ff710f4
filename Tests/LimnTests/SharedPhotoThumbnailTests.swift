import Foundation
import Limn
import LimnTestSupport
import Testing

/// Thumbnails of the Azure 4.0 example's smart crops on the photograph it describes, at the size
/// analysed (864 × 576) and on the copy at 648 × 432.
@Suite(
    .enabled(
        if: FileManager.default.fileExists(atPath: RepositoryPaths.shared + "/photos")
            && FileManager.default.fileExists(atPath: RepositoryPaths.shared + "/fixtures"),
        "../shared/photos or ../shared/fixtures is absent: the real-photo thumbnails are skipped"))
struct SharedPhotoThumbnailTests {
    static let result = RepositoryPaths.shared + "/fixtures/azure-rest-api-specs/ia40_AnalyzeFromImageData_MaximumSet.json"

    @Test(arguments: ["azvsdk_image-analysis-orig.png", "azvsdk_sample.jpg"])
    func smartCropThumbnailsOfTheAnalysedPhoto(photo: String) throws {
        let analysis = try Analysis(contentsOfFile: Self.result)
        let path = RepositoryPaths.shared + "/photos/" + photo
        let picture = try ImageDecoder.info(file: path).uprightSize
        let crop = ThumbnailCrop.suggestions(analysis.cropSuggestions, analysedSize: analysis.imageSize)
        let sizes = [Size(width: 400, height: 300), Size(width: 256, height: 256), Size(width: 120, height: 240)]
        let thumbs = try Thumbnail.make(fromFile: path, sizes: sizes, crop: crop)
        #expect(thumbs.map(\.size) == sizes)
        // The regions, in the picture's own pixels: the 864 × 576 boxes scaled to it.
        let scale = Double(picture.width) / 864
        let square = try #require(
            Thumbnail.region(
                for: Size(width: 256, height: 256), in: picture,
                suggestions: analysis.cropSuggestions, analysedSize: analysis.imageSize))
        #expect(abs(square.minX - 209.5 * scale) <= 1 && abs(square.width - 568 * scale) <= 1, "\(square)")
        if ProcessInfo.processInfo.environment["LIMN_KEEP_THUMBNAILS"] != nil {
            for (thumb, size) in zip(thumbs, sizes) { try thumb.write(to: NSTemporaryDirectory() + "thumb-\(photo)-\(size).png") }
        }
    }
}

/// The 864 × 576 analysis drawn on the 648 × 432 copy of its photograph lands on the right pixels.
@Suite(
    .enabled(
        if: FileManager.default.fileExists(atPath: RepositoryPaths.shared + "/photos/azvsdk_sample.jpg")
            && FileManager.default.fileExists(atPath: RepositoryPaths.shared + "/fixtures"),
        "../shared/photos or ../shared/fixtures is absent: the real-photo annotation is skipped"))
struct SharedPhotoAnnotationTests {
    @Test func theAnalysisLandsOnTheSmallerCopy() throws {
        let photo = try Image(contentsOfFile: RepositoryPaths.shared + "/photos/azvsdk_sample.jpg")
        #expect(photo.size == Size(width: 648, height: 432))
        let analysis = try Analysis(contentsOfFile: SharedPhotoThumbnailTests.result)
        let options = AnnotationOptions(features: [.people], boxStyle: .plain, showConfidence: false)
        let drawn = try annotate(image: photo, analysis: analysis, options: options)
        #expect(drawn.size == photo.size)
        // The first person, {395, 241, 261, 333} at 864 × 576, is {296.25, 180.75, 195.75, 249.75}
        // here; its outline is about 1.7 px wide, centered on those edges.
        let y = 330  // halfway down, clear of the label chips
        let changed = (280...500).filter { drawn[$0, y] != photo[$0, y] }
        #expect(changed.contains(296) && changed.contains(492), "\(changed)")
        #expect(changed.allSatisfy { abs(Double($0) + 0.5 - 296.25) < 2 || abs(Double($0) + 0.5 - 492) < 2 }, "\(changed)")
        let x = 394  // the box's middle column: its top and bottom edges
        let rows = (160...440).filter { drawn[x, $0] != photo[x, $0] }
        #expect(rows.contains(180) && rows.contains(430), "\(rows)")
    }
}
