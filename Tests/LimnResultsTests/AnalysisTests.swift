import Foundation
import LimnResults
import LimnTestSupport
import Testing

/// The vendor results the tests read: ../shared/fixtures when present.
enum Fixtures {
    static let folder = RepositoryPaths.shared + "/fixtures"
    static var isPresent: Bool { FileManager.default.fileExists(atPath: folder) }
    static func path(_ name: String) -> String { folder + "/" + name }
}

@Suite struct AnalysisTests {
    @Test(.enabled(if: Fixtures.isPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func azure40SmartCropsFromTheSpecExample() throws {
        let analysis = try Analysis(contentsOfFile: Fixtures.path("azure-rest-api-specs/ia40_AnalyzeFromImageData_MaximumSet.json"))
        #expect(analysis.vendor == .azureImageAnalysis40)
        #expect(analysis.imageSize == Size(width: 864, height: 576))
        #expect(
            analysis.cropSuggestions == [
                CropSuggestion(aspectRatio: 0.9, box: Rect(x: 238, y: 0, width: 511, height: 568)),
                CropSuggestion(aspectRatio: 1.33, box: Rect(x: 54, y: 0, width: 760, height: 571)),
            ])
    }

    @Test(.enabled(if: Fixtures.isPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func azure40FromARecordedExchangeAndAnExcerpt() throws {
        let recorded = try Analysis(
            contentsOfFile: Fixtures.path(
                "azure-sdk-for-python/test_image_analysis_client.pyTestImageAnalysisClienttest_analyze_sync_all_features_from_url.json"))
        #expect(recorded.imageSize == Size(width: 864, height: 576))
        #expect(recorded.cropSuggestions.count == 2)
        let excerpt = try Analysis(
            contentsOfFile: Fixtures.path("azure-sdk-for-python/EXCERPT_ResponseBody_of_test_analyze_async_all_features_from_file.json"))
        #expect(excerpt.cropSuggestions == [CropSuggestion(aspectRatio: 1.23, box: Rect(x: 108, y: 24, width: 648, height: 528))])
    }

    @Test(.enabled(if: Fixtures.isPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func azure32AreaOfInterest() throws {
        let analysis = try Analysis(contentsOfFile: Fixtures.path("azure-rest-api-specs/cv32_SuccessfulGetAreaOfInterestWithUrl.json"))
        #expect(analysis.vendor == .azureComputerVision32)
        #expect(analysis.imageSize == Size(width: 1378, height: 951))
        #expect(analysis.cropSuggestions == [CropSuggestion(aspectRatio: nil, box: Rect(x: 160, y: 0, width: 950, height: 951))])
    }

    @Test func unusualRatiosAndMissingPartsAreRead() throws {
        let banner = """
            {"modelVersion": "2023-10-01", "metadata": {"width": 1920, "height": 363},
             "smartCropsResult": {"values": [{"aspectRatio": 5.27, "boundingBox": {"x": 0, "y": 0, "w": 1913, "h": 363}}]}}
            """
        let analysis = try Analysis(json: Data(banner.utf8))
        #expect(analysis.cropSuggestions.first?.aspectRatio == 5.27)
        let noCrops = try Analysis(
            json: Data(#"{"modelVersion": "2023-10-01", "metadata": {"width": 10, "height": 10}, "readResult": {"blocks": []}}"#.utf8))
        #expect(noCrops.cropSuggestions.isEmpty)
    }

    @Test(arguments: [
        ("not json", "malformedJSON"),
        ("[1, 2]", "unrecognised"),
        (#"{"hello": 1}"#, "unrecognised"),
        (
            #"{"metadata": {"width": 10, "height": 10}, "smartCropsResult": {"values": [{"boundingBox": {"x": "1", "y": 0, "w": 1, "h": 1}}]}}"#,
            "invalidField"
        ),
        (
            #"{"metadata": {"width": 10, "height": 10}, "smartCropsResult": {"values": [{"boundingBox": {"x": 1, "y": 0, "w": -4, "h": 1}}]}}"#,
            "invalidField"
        ),
        (
            #"{"metadata": {"width": 10, "height": 10}, "smartCropsResult": {"values": [{"boundingBox": {"x": true, "y": 0, "w": 4, "h": 1}}]}}"#,
            "invalidField"
        ),
        (#"{"metadata": {"width": 0, "height": 10}, "smartCropsResult": {"values": []}}"#, "invalidField"),
        (#"{"metadata": {"width": 10, "height": 10}, "smartCropsResult": {"values": 3}}"#, "invalidField"),
    ])
    func brokenResultsAreTypedErrors(json: String, kind: String) {
        do {
            _ = try Analysis(json: Data(json.utf8), source: "case.json")
            Issue.record("no error for \(json)")
        } catch let error as ResultsError {
            let found: String
            switch error {
            case .malformedJSON: found = "malformedJSON"
            case .unrecognised: found = "unrecognised"
            case .invalidField: found = "invalidField"
            case .serviceError: found = "serviceError"
            case .overLimit: found = "overLimit"
            case .noSuchPage: found = "noSuchPage"
            case .noSuchPicture: found = "noSuchPicture"
            case .otherPicture: found = "otherPicture"
            case .wrongFormat: found = "wrongFormat"
            }
            #expect(found == kind, "\(error)")
            #expect(error.description.hasPrefix("case.json: "))
        } catch {
            Issue.record("not a ResultsError: \(error)")
        }
    }

    @Test func fieldErrorsNameThePath() {
        let json =
            #"{"metadata": {"width": 10, "height": 10}, "smartCropsResult": {"values": [{"boundingBox": {"x": 1, "y": 0, "w": 1, "h": 1}}, {"boundingBox": {"x": 1, "y": 0, "w": 1}}]}}"#
        #expect(throws: ResultsError.invalidField(source: "buffer", path: "smartCropsResult.values[1].boundingBox.h", reason: "is missing"))
        {
            try Analysis(json: Data(json.utf8))
        }
    }
}
