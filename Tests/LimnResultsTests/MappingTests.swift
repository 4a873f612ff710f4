import Foundation
import LimnResults
import LimnTestSupport
import Testing

@Suite struct MappingTests {
    let analysis = Analysis(
        vendor: .azureImageAnalysis40, format: .azure40, imageSize: Size(width: 864, height: 576),
        regions: [
            Region(kind: .object, label: "box", confidence: 0.9, shape: .box(Rect(x: 100, y: 50, width: 200, height: 100))),
            Region(
                kind: .textLine, label: "t", confidence: nil,
                shape: .polygon([Point(x: 10, y: 20), Point(x: 50, y: 20), Point(x: 50, y: 30), Point(x: 10, y: 30)]),
                children: [Region(kind: .textWord, label: "w", confidence: 0.5, shape: .box(Rect(x: 12, y: 20, width: 8, height: 10)))]),
        ], cropSuggestions: [CropSuggestion(aspectRatio: 1, box: Rect(x: 0, y: 0, width: 576, height: 576))])

    @Test func aSmallerCopyScalesEveryShape() {
        // The 648x432 sample of an 864x576 analysis: three quarters.
        let m = analysis.mapped(to: PictureGeometry(storedSize: Size(width: 648, height: 432)))
        #expect(m.regions[0].shape == .box(Rect(x: 75, y: 37.5, width: 150, height: 75)))
        #expect(m.regions[1].shape.points[1] == Point(x: 37.5, y: 15))
        #expect(m.regions[1].children[0].shape == .box(Rect(x: 9, y: 15, width: 6, height: 7.5)))
        #expect(m.cropSuggestions[0].box == Rect(x: 0, y: 0, width: 432, height: 432))
        #expect(m.imageSize == Size(width: 648, height: 432))
    }

    @Test func exifOrientationOfTheStoredPixels() {
        // The service saw the stored 864x576 pixels; the picture is drawn upright after EXIF 6
        // (a quarter turn clockwise): upright it is 576x864.
        let picture = PictureGeometry(storedSize: Size(width: 864, height: 576), orientation: .right)
        let m = analysis.mapped(to: picture)
        #expect(m.imageSize == Size(width: 576, height: 864))
        // (x, y) → (H − y, x): the box's corners (100,50)-(300,150) → x 426…526, y 100…300.
        #expect(m.regions[0].shape == .box(Rect(x: 426, y: 100, width: 100, height: 200)))
        // When the service saw the upright picture, nothing turns (576x864 analysed as such).
        var upright = analysis
        upright.imageSize = Size(width: 576, height: 864)
        #expect(upright.mapped(to: picture).regions[0].shape == analysis.regions[0].shape)
        // And the caller can say which.
        #expect(analysis.mapped(to: picture, analysedUpright: false).regions[0].shape == m.regions[0].shape)
    }

    @Test func everyOrientationMatchesTurningThePicture() {
        // A marked point in a 4x2 stored picture, and where each EXIF orientation puts it.
        let point = Analysis(
            vendor: .awsRekognition, format: .awsText, imageSize: Size(width: 4, height: 2),
            regions: [
                Region(
                    kind: .textWord, label: "", confidence: nil, shape: .polygon([Point(x: 1, y: 0), Point(x: 2, y: 0), Point(x: 2, y: 1)]))
            ])
        let expected: [Int: Point] = [
            1: .init(x: 1, y: 0), 2: .init(x: 3, y: 0), 3: .init(x: 3, y: 2), 4: .init(x: 1, y: 2),
            5: .init(x: 0, y: 1), 6: .init(x: 2, y: 1), 7: .init(x: 2, y: 3), 8: .init(x: 0, y: 3),
        ]
        for (orientation, first) in expected {
            let m = point.mapped(
                to: PictureGeometry(storedSize: Size(width: 4, height: 2), orientation: Orientation(rawValue: orientation)!),
                analysedUpright: false)
            #expect(m.regions[0].shape.points[0] == first, "orientation \(orientation)")
        }
    }

    @Test func fractionsBecomePixelsOfThePicture() {
        let aws = Analysis(
            vendor: .awsRekognition, format: .awsFaces, imageSize: nil,
            regions: [
                Region(
                    kind: .face, label: "face", confidence: 0.99, shape: .box(Rect(x: 0.25, y: 0.5, width: 0.5, height: 0.25)),
                    units: .fractions)
            ])
        let m = aws.mapped(to: PictureGeometry(storedSize: Size(width: 400, height: 200)))
        #expect(m.regions[0].shape == .box(Rect(x: 100, y: 100, width: 200, height: 50)) && m.regions[0].units == .pixels)
    }
}

@Suite struct MalformedResultTests {
    func kind(_ json: String) -> String {
        do {
            _ = try Analysis(json: Data(json.utf8), source: "bad.json")
            return "ok"
        } catch {
            guard let error = error as? ResultsError else { Issue.record("\(error)"); return "not a ResultsError" }
            #expect(error.description.hasPrefix("bad.json: "))
            switch error {
            case .malformedJSON: return "malformed"
            case .unrecognised: return "unrecognised"
            case .invalidField(_, let path, _): return "field " + path
            case .serviceError: return "service"
            case .overLimit: return "over limit"
            case .noSuchPage: return "no such page"
            case .noSuchPicture: return "no such picture"
            case .otherPicture: return "other picture"
            case .wrongFormat: return "wrong format"
            }
        }
    }

    @Test func truncatedAndWrongTypes() throws {
        let whole = try String(contentsOfFile: RepositoryPaths.testImages + "/results/azure40-scene.json", encoding: .utf8)
        for cut in stride(from: 1, to: whole.utf8.count - 2, by: 97) {
            let truncated = String(decoding: Array(whole.utf8.prefix(cut)), as: UTF8.self)
            #expect(kind(truncated) != "ok", "cut at \(cut)")
        }
        #expect(
            kind(
                #"{"modelVersion": "x", "metadata": {"width": 10, "height": 10}, "objectsResult": {"values": [{"boundingBox": {"x": "1", "y": 2, "w": 3, "h": 4}}]}}"#
            )
                == "field objectsResult.values[0].boundingBox.x")
        #expect(
            kind(
                #"{"metadata": {"width": 10, "height": 10}, "readResult": {"blocks": [{"lines": [{"text": "a", "boundingPolygon": [{"x": 1, "y": 1}]}]}]}}"#
            )
                == "field readResult.blocks[0].lines[0].boundingPolygon")
        #expect(
            kind(
                #"{"analyzeResult": {"readResults": [{"width": 10, "height": 10, "unit": "pixel", "lines": [{"text": "a", "boundingBox": [1, 2, 3]}]}]}}"#
            )
                == "field analyzeResult.readResults[0].lines[0].boundingBox")
        #expect(
            kind(
                #"{"TextDetections": [{"DetectedText": "a", "Type": "LINE", "Confidence": 140, "Geometry": {"BoundingBox": {"Width": 0.1, "Height": 0.1}}}]}"#
            )
                == "field TextDetections[0].Confidence")
        #expect(
            kind(#"{"regions": [{"lines": [{"boundingBox": "1,2,x,4", "words": []}]}], "textAngle": 0}"#)
                == "field regions[0].lines[0].boundingBox")
        #expect(kind(#"{"status": "running", "analyzeResult": null}"#) == "field status")
        #expect(
            kind(#"{"responses": [{"localizedObjectAnnotations": [{"name": "a", "boundingPoly": {}}]}]}"#)
                == "field responses[0].localizedObjectAnnotations[0].boundingPoly.vertices")
    }

    @Test func hugeAndNonNumbers() {
        // JSON has no NaN; a parser that accepts it, or a number beyond Double, must not reach the picture.
        #expect(
            kind(
                #"{"metadata": {"width": 10, "height": 10}, "peopleResult": {"values": [{"boundingBox": {"x": NaN, "y": 0, "w": 1, "h": 1}}]}}"#
            ) != "ok")
        #expect(
            kind(
                #"{"metadata": {"width": 10, "height": 10}, "peopleResult": {"values": [{"boundingBox": {"x": 1e400, "y": 0, "w": 1, "h": 1}}]}}"#
            ) != "ok")
        #expect(
            kind(
                #"{"metadata": {"width": 10, "height": 10}, "peopleResult": {"values": [{"boundingBox": {"x": 1e300, "y": 0, "w": 1, "h": 1}}]}}"#
            )
                == "field peopleResult.values[0].boundingBox")
        #expect(kind(#"{"metadata": {"width": 1e12, "height": 10}, "tagsResult": {"values": []}}"#) == "field metadata")
    }

    @Test func aHundredThousandRegionsAndDeepNesting() throws {
        var json = #"{"metadata": {"width": 1000, "height": 1000}, "peopleResult": {"values": ["#
        json += (0..<100_000).map { i in
            #"{"boundingBox": {"x": \#(i % 900), "y": \#(i % 800), "w": 20, "h": 40}, "confidence": 0.\#(i % 10)}"#
        }
        .joined(separator: ",")
        json += "]}}"
        let a = try Analysis(json: Data(json.utf8))
        #expect(a.regions.count == 100_000)
        // Parents nested far deeper than any real response: refused or read, never a crash.
        let depth = 5000
        let nested =
            #"{"objects": [{"rectangle": {"x": 0, "y": 0, "w": 1, "h": 1}, "object": "a", "parent": "#
            + String(repeating: #"{"object": "p", "parent": "#, count: depth) + "null" + String(repeating: "}", count: depth) + "}]}"
        _ = kind(nested)
        let arrays = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(kind(arrays) != "ok")
    }

    @Test func theQuickScanIsNotFooledByStrings() throws {
        // Braces, quotes and keys inside strings, an escaped key, and whitespace everywhere.
        let tricky =
            #"  { "note" : "}{ \" \"readResult\": [", "modelVersion":"x", "metadata" : { "width" : 4 , "height" : 3 } ,"#
            + #" "tagsResult": {"values": [{"name": "a\"b", "confidence": 0.5}]} }  "#
        let a = try Analysis(json: Data(tricky.utf8))
        #expect(a.format == .azure40 && a.tags == [Tag(name: "a\"b", confidence: 0.5)])
        #expect(kind(#"{"metadata": {"width": 4, "height": 3}, "tagsResult": {"values": []}} trailing"#) == "malformed")
        #expect(kind(#"{"metadata": {"width": 4, "height": 3}, "tagsResult": {"values": [}}"#) == "malformed")
    }

    @Test func vendorVariantsSeenInTheWild() throws {
        // Baidu request ids as strings, and as numbers beyond 2^53.
        let text = try Analysis(
            json: Data(
                #"{"log_id": "8123456789", "words_result_num": 1, "words_result": [{"words": "OK", "location": {"left": 1, "top": 2, "width": 30, "height": 10}}]}"#
                    .utf8))
        #expect(text.regions.count == 1)
        let big = try Analysis(
            json: Data(#"{"log_id": 18446744073709551615, "result": {"left": 1, "top": 2, "width": 3, "height": 4}}"#.utf8))
        #expect(big.format == .baiduObjectDetect)
        // Azure 4.0 objects with no tags, AWS labels with today's extra fields.
        let bare = try Analysis(
            json: Data(
                #"{"modelVersion": "2023-10-01", "metadata": {"width": 9, "height": 9}, "objectsResult": {"values": [{"boundingBox": {"x": 1, "y": 1, "w": 2, "h": 2}, "tags": []}]}}"#
                    .utf8))
        #expect(bare.regions.first?.label == "object" && bare.regions.first?.confidence == nil)
        let aws = try Analysis(
            json: Data(
                #"{"Labels": [{"Name": "Dog", "Confidence": 99.1, "Aliases": [{"Name": "Pup"}], "Categories": [{"Name": "Animals"}], "Instances": [{"BoundingBox": {"Width": 0.5, "Height": 0.5, "Left": 0.1, "Top": 0.2}, "Confidence": 98.0, "DominantColors": []}], "Parents": []}], "LabelModelVersion": "3.0"}"#
                    .utf8))
        #expect(aws.regions.first?.label == "Dog" && aws.regions.first?.confidence == 0.98)
        // AWS RecognizeCelebrities and Google landmarks.
        let celebrities = try Analysis(
            json: Data(
                #"{"CelebrityFaces": [{"Name": "A. Person", "Id": "x", "MatchConfidence": 97.5, "Face": {"BoundingBox": {"Width": 0.2, "Height": 0.3, "Left": 0.1, "Top": 0.1}, "Confidence": 99.9}, "Urls": []}], "UnrecognizedFaces": [{"BoundingBox": {"Width": 0.1, "Height": 0.1, "Left": 0.5, "Top": 0.5}, "Confidence": 90}]}"#
                    .utf8))
        #expect(
            celebrities.format == .awsCelebrities && celebrities.regions.map(\.kind) == [.celebrity, .face]
                && celebrities.regions[0].label == "A. Person")
        let landmark = try Analysis(
            json: Data(
                #"{"responses": [{"landmarkAnnotations": [{"description": "Colosseum", "score": 0.9, "boundingPoly": {"vertices": [{"x": 10, "y": 5}, {"x": 50, "y": 5}, {"x": 50, "y": 40}, {"y": 40}]}}]}]}"#
                    .utf8))
        #expect(
            landmark.regions == [
                Region(kind: .landmark, label: "Colosseum", confidence: 0.9, shape: .box(Rect(x: 0, y: 5, width: 50, height: 35)))
            ])
    }

    @Test func emptyResultsAreFine() throws {
        let empty = try Analysis(
            json: Data(
                #"{"modelVersion": "2023-10-01", "metadata": {"width": 5, "height": 5}, "readResult": {"blocks": []}, "objectsResult": {"values": []}}"#
                    .utf8))
        #expect(empty.regions.isEmpty && empty.captions.isEmpty)
        let aws = try Analysis(json: Data(#"{"TextDetections": []}"#.utf8))
        #expect(aws.regions.isEmpty)
        let google = try Analysis(json: Data(#"{"responses": [{}]}"#.utf8))
        #expect(google.regions.isEmpty)
    }
}
