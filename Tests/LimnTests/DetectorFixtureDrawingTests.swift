import Foundation
import Limn
import LimnTestSupport
import Testing

/// Every shared fixture of the detector families drawn: on its own picture when the fixture
/// comes with one, else on a plain picture of the size it describes. Skipped without ../shared.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: RepositoryPaths.shared + "/fixtures"), "../shared/fixtures is absent: skipped"))
struct DetectorFixtureDrawingTests {
    let fixtures = RepositoryPaths.shared + "/fixtures"

    /// Draws `analysis` on `picture` and checks the picture changed where the detections are.
    func drawn(_ picture: Image, _ analysis: Analysis, _ name: String) throws {
        let out = try annotate(image: picture, analysis: analysis, options: AnnotationOptions(minimumConfidence: 0))
        #expect(out.width == picture.width && out.height >= picture.height, "\(name)")
        if analysis.regions.isEmpty {
            #expect(out.height > picture.height, "\(name): the caption's banner")
            return
        }
        let changed = (0..<picture.height).contains { y in (0..<picture.width).contains { x in out[x, y] != picture[x, y] } }
        #expect(changed, "\(name) drew nothing")
    }

    @Test func cocoPicturesWithTheirAnnotations() throws {
        let file = fixtures + "/coco/mmpose_test_coco_person_keypoints_val2017_subset.json"
        for id in ["000000000785", "000000040083", "000000196141", "000000197388"] {
            let path = fixtures + "/coco/mmpose_\(id).jpg"
            let picture = try ImageDecoder.decode(file: path).image
            let analysis = try Analysis(contentsOfFile: file, picture: .matching(path))
            #expect(analysis.imageSize == picture.size, "the annotation file's size is the picture's")
            try drawn(picture, analysis, id)
        }
    }

    @Test func cocoResultsOnPlainPictures() throws {
        let segm = try Analysis(
            contentsOfFile: fixtures + "/coco/cocoapi_instances_val2014_fakesegm100_results_FIRST-25.json", picture: .id("42"))
        let size = try #require(segm.imageSize)
        try drawn(Image(width: size.width, height: size.height, fill: Pixel(r: 128, g: 128, b: 128)), segm, "segm 42")
        let points = try Analysis(
            contentsOfFile: fixtures + "/coco/cocoapi_person_keypoints_val2014_fakekeypoints100_results.json", picture: .id("139"))
        try drawn(Image(width: 640, height: 480, fill: Pixel(r: 128, g: 128, b: 128)), points, "keypoints 139")
        let boxes = try Analysis(contentsOfFile: fixtures + "/coco/cocoapi_instances_val2014_fakebbox100_results.json", picture: .id("73"))
        try drawn(Image(width: 640, height: 640, fill: Pixel(r: 128, g: 128, b: 128)), boxes, "boxes 73")
    }

    @Test func ultralyticsOnZidane() throws {
        let picture = try ImageDecoder.decode(file: fixtures + "/ultralytics/ultralyticsAPI_zidane_1280x720.jpg").image
        try drawn(
            picture, try Analysis(contentsOfFile: fixtures + "/ultralytics/ultralyticsAPI_README_detect_zidane_1280x720_CONVERTED.json"),
            "zidane")
        let pose = try Analysis(contentsOfFile: fixtures + "/ultralytics/ultralyticsAPI_README_pose_image-unstated_CONVERTED.json")
        try drawn(Image(width: 1600, height: 1066, fill: Pixel(r: 128, g: 128, b: 128)), pose, "pose")
    }

    @Test func florence2Answers() throws {
        for (file, sizes) in [
            ("ailia-models_florence2_README_outputs_CONVERTED.json", [Size(width: 640, height: 480)]),
            (
                "transformers_test_modeling_florence2_EXPECTED_CONVERTED.json",
                [Size(width: 640, height: 480), Size(width: 1300, height: 876)]
            ),
        ] {
            let top =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixtures + "/florence2/" + file)))
                as! [String: Any]
            for (i, item) in (top["results"] as! [[String: Any]]).enumerated() {
                let answer = try JSONSerialization.data(withJSONObject: item["parsed_answer"] ?? item)
                let analysis = try Analysis(json: answer, source: "\(file)[\(i)]")
                let size = (item["test"] as? String)?.contains("car") == false ? sizes.last! : sizes[0]
                // The OCR picture is 403x500; drawing there or on a larger plain picture is the same test.
                let picture = Image(width: max(size.width, 500), height: max(size.height, 500), fill: Pixel(r: 128, g: 128, b: 128))
                if analysis.regions.isEmpty && analysis.captions.isEmpty { continue }
                try drawn(picture, analysis, "\(file)[\(i)]")
            }
        }
    }
}
