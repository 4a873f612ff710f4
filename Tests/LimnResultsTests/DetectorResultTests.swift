import Foundation
import LimnResults
import Testing

/// Florence-2, COCO, Ultralytics and YOLO results: the shared fixtures (skipped when absent)
/// and hand-made documents that pin each rule and each refusal.
@Suite struct DetectorResultTests {
    func read(_ json: String, format: ResultFormat? = nil, picture: PictureSelector? = nil) throws -> Analysis {
        try Analysis(json: Data(json.utf8), format: format, source: "test.json", picture: picture)
    }

    func expectInvalid(_ json: String, path: String, picture: PictureSelector? = nil, _ comment: Comment? = nil) {
        do {
            _ = try read(json, picture: picture)
            Issue.record("read: \(json.prefix(80))")
        } catch let ResultsError.invalidField(_, p, _) {
            #expect(p == path, comment)
        } catch {
            Issue.record("\(error)")
        }
    }

    // MARK: Run-length masks

    /// Column-major runs of a row-major mask, background first.
    static func runs(_ pixels: [Bool], width: Int, height: Int) -> [Int] {
        var counts: [Int] = [], current = false, run = 0
        for x in 0..<width {
            for y in 0..<height {
                if pixels[y * width + x] != current { counts.append(run); run = 0; current.toggle() }
                run += 1
            }
        }
        counts.append(run)
        return counts
    }

    @Test func compressedRunsRoundTripAndDecodeRowMajor() throws {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<40 {
            let width = Int.random(in: 1...37, using: &rng), height = Int.random(in: 1...29, using: &rng)
            let density = Double(trial % 5) / 4
            let pixels = (0..<(width * height)).map { _ in Double.random(in: 0..<1, using: &rng) < density }
            let counts = Self.runs(pixels, width: width, height: height)
            let size = Size(width: width, height: height)
            let plain = try #require(RunLengthMask(size: size, counts: counts))
            let rle = try #require(RunLengthMask(size: size, compressed: plain.compressed))
            #expect(rle.counts == counts)
            #expect(rle.area == pixels.filter { $0 }.count)
            var decoded = [UInt8](repeating: 7, count: width * height)
            decoded.withUnsafeMutableBytes { rle.decode(into: $0, x: 0, y: 0, width: width, height: height) }
            #expect(decoded == pixels.map { $0 ? 255 : 0 })
            // A window of the mask decodes to the same pixels.
            let (x0, y0) = (width / 3, height / 4), (w, h) = (width - width / 3, height - height / 4)
            var window = [UInt8](repeating: 7, count: w * h)
            window.withUnsafeMutableBytes { rle.decode(into: $0, x: x0, y: y0, width: w, height: h) }
            #expect(window == (0..<(w * h)).map { decoded[(y0 + $0 / w) * width + x0 + $0 % w] })
            if let b = rle.bounds {
                let xs = pixels.indices.filter { pixels[$0] }.map { $0 % width },
                    ys = pixels.indices.filter { pixels[$0] }.map { $0 / width }
                #expect(b.x == xs.min()! && b.y == ys.min()! && b.width == xs.max()! - b.x + 1 && b.height == ys.max()! - b.y + 1)
            } else {
                #expect(!pixels.contains(true))
            }
        }
    }

    @Test func runsThatDoNotCoverThePictureAreRefused() {
        #expect(RunLengthMask(size: Size(width: 2, height: 2), counts: [1, 2]) == nil, "short")
        #expect(RunLengthMask(size: Size(width: 2, height: 2), counts: [1, 2, 5]) == nil, "overflowing")
        #expect(RunLengthMask(size: Size(width: 2, height: 2), counts: [5, -1]) == nil, "negative")
        #expect(RunLengthMask(size: Size(width: 2, height: 2), counts: [Int.max, Int.max]) == nil, "overflowing Int")
        #expect(RunLengthMask(size: Size(width: 2, height: 2), compressed: "\u{7f}") == nil, "outside the alphabet")
        #expect(RunLengthMask(size: Size(width: 2, height: 2), compressed: "o") == nil, "a last group that says more")
        #expect(RunLengthMask(size: Size(width: 2, height: 2), compressed: String(repeating: "o", count: 20) + "0") == nil)
        #expect(RunLengthMask(size: Size(width: 2, height: 2), counts: [1, 2, 1]) != nil)
    }

    @Test func contoursOfMasks() {
        func trace(_ rows: [String]) -> [[Point]] {
            let width = rows[0].count
            let bytes = rows.flatMap { $0.map { $0 == "#" ? UInt8(255) : 0 } }
            return bytes.withUnsafeBytes { Contours.trace($0, width: width, height: rows.count, origin: Point(x: 10, y: 20)) }
        }
        func area(_ p: [Point]) -> Double {
            var s = 0.0
            for i in p.indices { let a = p[i], b = p[(i + 1) % p.count]; s += a.x * b.y - b.x * a.y }
            return s / 2
        }
        // A 2×2 square: its outline is the pixels' boundary, clockwise on screen (positive
        // area in y-down coordinates).
        let square = trace(["....", ".##.", ".##.", "...."])
        #expect(square.count == 1)
        let octagon: Set<Point> = [
            Point(x: 11.5, y: 21), Point(x: 12.5, y: 21), Point(x: 13, y: 21.5), Point(x: 13, y: 22.5), Point(x: 12.5, y: 23),
            Point(x: 11.5, y: 23), Point(x: 11, y: 22.5), Point(x: 11, y: 21.5),
        ]
        #expect(square[0].count == 8 && Set(square[0]) == octagon)
        #expect(area(square[0]) > 0, "clockwise on screen")
        // Marching squares cuts each corner at half a pixel: the square loses four half-pixel triangles.
        #expect(area(square[0]) == 4 - 4 * 0.125)
        // A ring: an outline and a hole, wound the opposite ways.
        let ring = trace(["#####", "#...#", "#...#", "#####"])
        #expect(ring.count == 2)
        #expect(area(ring[0]) * area(ring[1]) < 0)
        // Pixels that meet only at a corner are two shapes; a mask touching the edges closes.
        #expect(trace(["#.", ".#"]).count == 2)
        #expect(trace(["##", "##"]).count == 1)
        #expect(trace(["..", ".."]).isEmpty)
    }

    /// The traced outlines of random masks hold exactly the mask's pixel centers (even-odd),
    /// at widths that take the scan's eight-cell shortcut and the cell-by-cell path both.
    @Test func tracedOutlinesHoldExactlyTheMasksPixels() {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<60 {
            let width = Int.random(in: 1...70, using: &rng), height = Int.random(in: 1...40, using: &rng)
            // Blocks of pixels, so there are long uniform runs as well as single pixels.
            let block = 1 + trial % 7
            let seeds = (0..<((width / block + 1) * (height / block + 1))).map { _ in Bool.random(using: &rng) }
            let pixels = (0..<(width * height)).map { i in seeds[(i / width / block) * (width / block + 1) + (i % width) / block] }
            let bytes = pixels.map { $0 ? UInt8(200) : 40 }
            let polygons = bytes.withUnsafeBytes { Contours.trace($0, width: width, height: height) }
            for y in 0..<height {
                for x in 0..<width {
                    let p = Point(x: Double(x) + 0.5, y: Double(y) + 0.5)
                    var inside = false
                    for polygon in polygons {
                        for k in polygon.indices {
                            let a = polygon[k], b = polygon[(k + 1) % polygon.count]
                            if (a.y > p.y) != (b.y > p.y), p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) { inside.toggle() }
                        }
                    }
                    #expect(inside == pixels[y * width + x], "trial \(trial), \(width)x\(height), pixel (\(x), \(y))")
                    if inside != pixels[y * width + x] { return }
                }
            }
        }
    }

    // MARK: COCO

    @Test(.enabled(if: Fixtures.isPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func cocoSegmentationResultsDecodeAsPycocotoolsDoes() throws {
        let path = Fixtures.path("coco/cocoapi_instances_val2014_fakesegm100_results_FIRST-25.json")
        // Areas and boxes from pycocotools 2.0.11 (`mask.area`, `mask.toBbox`) on the same records.
        let expected: [(picture: String, record: Int, size: Size, area: Int, box: [Int])] = [
            ("42", 0, Size(width: 640, height: 478), 53487, [259, 41, 347, 244]),
            ("73", 0, Size(width: 565, height: 640), 167619, [61, 23, 504, 609]),
            ("139", -1, Size(width: 640, height: 426), 2922, [414, 158, 53, 138]),
        ]
        for e in expected {
            let a = try Analysis(contentsOfFile: path, picture: .id(e.picture))
            #expect(a.format == .cocoResults && a.vendor == .coco && a.imageSize == e.size)
            let region = e.record >= 0 ? a.regions[e.record] : try #require(a.regions.last)
            guard case .runLength(let rle)? = region.mask else { Issue.record("no run-length mask"); continue }
            #expect(rle.area == e.area)
            let b = try #require(rle.bounds)
            #expect([b.x, b.y, b.width, b.height] == e.box)
            #expect(region.shape == .box(Rect(x: Double(b.x), y: Double(b.y), width: Double(b.width), height: Double(b.height))))
            #expect(!rle.polygons.isEmpty)
        }
        let first = try Analysis(contentsOfFile: path, picture: .matching("/photos/COCO_val2014_000000000042.jpg"))
        #expect(first.regions.map(\.label) == ["dog"])
        #expect(first.regions[0].classID == 18 && first.regions[0].confidence == 0.236)
    }

    @Test(.enabled(if: Fixtures.isPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func cocoResultsChooseOnePicture() throws {
        let path = Fixtures.path("coco/cocoapi_instances_val2014_fakebbox100_results.json")
        let a = try Analysis(contentsOfFile: path, picture: .id("73"))
        #expect(a.regions.count == 2 && a.imageSize == nil)
        #expect(a.regions.map(\.label) == ["fire hydrant", "motorcycle"])
        #expect(a.regions[0].shape == .box(Rect(x: 61, y: 22.75, width: 504, height: 609.67)))
        for choice in [nil, PictureSelector.matching("holiday.jpg"), .id("1"), .fileName("COCO_val2014_000000000001.jpg")] {
            #expect {
                _ = try Analysis(contentsOfFile: path, picture: choice)
            } throws: { error in
                guard case ResultsError.noSuchPicture(_, _, let available)? = error as? ResultsError else { return false }
                return available.hasPrefix("99 pictures: id 42, id 73")
            }
        }
    }

    @Test(.enabled(if: Fixtures.isPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func cocoKeypointResultsKeepPlaceholdersOutOfSight() throws {
        let a = try Analysis(
            contentsOfFile: Fixtures.path("coco/cocoapi_person_keypoints_val2014_fakekeypoints100_results.json"), picture: .id("136"))
        #expect(a.regions.count == 2)
        let first = a.regions[0]
        #expect(first.kind == .person && first.label == "person" && first.keypoints.count == 17)
        #expect(first.skeleton == KeypointLink.cocoPerson && first.skeleton.count == 19)
        #expect(first.keypoints[0] == Keypoint(point: Point(x: 36, y: 181), visibility: .visible, name: "nose"))
        // v = 0: the placeholder (20.25, 191) is kept but marked absent.
        #expect(first.keypoints[1].visibility == .absent && first.keypoints[1].point == Point(x: 20.25, y: 191))
        #expect(first.keypoints.filter { $0.visibility != .absent }.count == 4)
        // Without a bbox, the region is placed at its keypoints' picture origin, never at NaN.
        #expect(first.shape.bounds.isFinite)
        let b = try Analysis(
            contentsOfFile: Fixtures.path("coco/cocoapi_person_keypoints_val2014_fakekeypoints100_results.json"), picture: .id("139"))
        #expect(b.regions[0].keypoints[2].point == Point(x: 442.4, y: 216.266666667))
        #expect(b.regions[0].keypoints.map(\.visibility.rawValue) == [1, 2, 0, 2, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2])
    }

    @Test(.enabled(if: Fixtures.isPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func cocoAnnotationFile() throws {
        let path = Fixtures.path("coco/mmpose_test_coco_person_keypoints_val2017_subset.json")
        let a = try Analysis(contentsOfFile: path, picture: .matching("pictures/000000196141.jpg"))
        #expect(a.format == .cocoDataset && a.imageSize == Size(width: 640, height: 429))
        #expect(a.regions.count == 5 && a.regions.allSatisfy { $0.kind == .person })
        // The category's 1-based skeleton [16, 14] is keypoints 15 and 13 from 0.
        #expect(a.regions[0].skeleton.first == KeypointLink(15, 13) && a.regions[0].skeleton.count == 19)
        #expect(a.regions[0].keypoints[9].name == "left_wrist")
        // num_keypoints 0: every point absent.
        #expect(a.regions[2].keypoints.allSatisfy { $0.visibility == .absent })
        guard case .polygons(let p)? = a.regions[0].mask else { Issue.record("no polygons"); return }
        #expect(p.count == 1 && p[0].count > 10)
        let four = try Analysis(contentsOfFile: path, picture: .id("197388"))
        guard case .polygons(let parts)? = four.regions[1].mask else { Issue.record("no polygons"); return }
        #expect(parts.count == 4)
        #expect(try Analysis(contentsOfFile: path, picture: .fileName("000000000785.jpg")).regions.count == 1)
        #expect(throws: ResultsError.self) { try Analysis(contentsOfFile: path, picture: .matching("other.jpg")) }
    }

    @Test func cocoRefusals() {
        let image =
            #"{"images":[{"id":1,"file_name":"a.jpg","width":4,"height":2}],"categories":[{"id":1,"name":"person","keypoints":["a","b"],"skeleton":[[1,3]]}],"annotations":["#
        expectInvalid(
            image + #"{"image_id":1,"category_id":1,"bbox":[0,0,1,1],"keypoints":[1,1,2,2,2,2]}]}"#,
            path: "categories[id 1].skeleton[0]", "a skeleton index past the keypoints")
        expectInvalid(
            image + #"{"image_id":1,"category_id":1,"segmentation":{"size":[2,4],"counts":[1,2,9]}}]}"#,
            path: "annotations[0].segmentation.counts", "runs past the picture")
        expectInvalid(
            image
                + #"{"image_id":1,"category_id":1,"segmentation":{"size":[2,4],"counts":[1,7]}}, {"image_id":1,"segmentation":{"size":[3,4],"counts":[1,11]}}]}"#,
            path: "annotations[1].segmentation.size", "a mask of another picture's size")
        expectInvalid(image + #"{"image_id":1,"bbox":[0,0,"x",1]}]}"#, path: "annotations[0].bbox[2]")
        expectInvalid(image + #"{"image_id":1,"bbox":[0,0,1]}]}"#, path: "annotations[0].bbox")
        expectInvalid(image + #"{"image_id":1,"keypoints":[1,1,7]}]}"#, path: "annotations[0].keypoints[2]", "a visibility of 7")
        expectInvalid(image + #"{"image_id":1,"keypoints":[1,1]}]}"#, path: "annotations[0].keypoints")
        expectInvalid(image + #"{"image_id":1}]}"#, path: "annotations[0]", "nothing to place it by")
        expectInvalid(#"[{"image_id":1,"category_id":1,"bbox":[0,0,1,1],"score":7}]"#, path: "[0].score")
        expectInvalid(#"[{"image_id":1,"segmentation":{"size":[100000000,100000000],"counts":""}}]"#, path: "[0].segmentation.size")
        // A NaN cannot be JSON; a huge number is refused by name.
        expectInvalid(#"[{"image_id":1,"bbox":[1e300,0,1,1]}]"#, path: "[0].bbox")
    }

    @Test func cocoStringIDsAndCrowdRuns() throws {
        let json =
            #"{"images":[{"id":"x-1","file_name":"dir/a.png","width":3,"height":2}],"annotations":[{"image_id":"x-1","category_id":5,"iscrowd":1,"segmentation":{"size":[2,3],"counts":[1,3,2]}}],"categories":[{"id":5,"name":"kite"}]}"#
        let a = try read(json, picture: .matching("a.png"))
        #expect(a.regions.count == 1 && a.regions[0].label == "kite")
        guard case .runLength(let rle)? = a.regions[0].mask else { Issue.record("no mask"); return }
        #expect(rle.area == 3 && a.regions[0].shape == .box(Rect(x: 0, y: 0, width: 2, height: 2)))
    }

    // MARK: Florence-2

    @Test(.enabled(if: Fixtures.isPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func florence2Fixtures() throws {
        func answers(_ file: String) throws -> [Data] {
            let top = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.path(file)))) as! [String: Any]
            return try (top["results"] as! [[String: Any]]).map { try JSONSerialization.data(withJSONObject: $0["parsed_answer"] ?? $0) }
        }
        let ailia = try answers("florence2/ailia-models_florence2_README_outputs_CONVERTED.json").map {
            try Analysis(json: $0, source: "ailia")
        }
        #expect(ailia.count == 9 && ailia.allSatisfy { $0.format == .florence2 && $0.vendor == .florence2 })
        #expect(ailia[0].captions.map(\.text) == ["A green car parked in front of a yellow building."])
        #expect(ailia[3].regions.map(\.label) == ["A green car", "a yellow building"])
        #expect(ailia[4].regions.map(\.label) == ["car", "door handle", "wheel", "wheel"])
        #expect(
            ailia[4].regions[0].shape
                == .box(Rect(x: 34.24, y: 160.07999999999998, width: 597.44 - 34.24, height: 371.76 - 160.07999999999998)))
        #expect(ailia[5].regions.allSatisfy { $0.kind == .denseCaption } && ailia[5].regions.count == 4)
        #expect(ailia[6].regions.count == 8 && ailia[6].regions.allSatisfy { $0.label.isEmpty })
        #expect(ailia[7].unplacedText.first?.hasPrefix("CUDAFOR ENGINEERS") == true)
        let ocr = ailia[8].regions
        #expect(ocr.first?.label == "CUDA", "the </s> token is not text")
        #expect(ocr.allSatisfy { $0.kind == .textLine && $0.shape.points.count == 4 })
        let hf = try answers("florence2/transformers_test_modeling_florence2_EXPECTED_CONVERTED.json").map {
            try Analysis(json: $0, source: "transformers")
        }
        #expect(hf.count == 6)
        let segmentation = hf[0].regions
        #expect(segmentation.count == 1)
        guard case .polygons(let p)? = segmentation[0].mask else { Issue.record("no polygon mask"); return }
        #expect(p.count == 1 && p[0].first == Point(x: 178, y: 182))
        #expect(segmentation[0].shape == .box(try #require(Rect(bounding: p[0]))))
        #expect(hf[1].regions[0].shape == .box(Rect(x: 34, y: 160, width: 563, height: 211)), "integer pixels")
        let open = try #require(hf.first { $0.regions.count == 1 && $0.regions[0].label == "car" })
        #expect(open.regions[0].mask == nil)
        #expect(hf[5].regions.map(\.label).first == "中新中")
    }

    @Test func florence2ManyTasksAndRefusals() throws {
        let a = try read(
            #"{"<OD>":{"bboxes":[[1,2,3,4]],"labels":["cat"]},"<CAPTION>":"a cat","<REGION_TO_SEGMENTATION>":{"polygons":[[[0,0,4,0,4,4],[1,1]]],"labels":[""]}}"#
        )
        #expect(a.captions.map(\.text) == ["a cat"])
        #expect(a.regions.count == 2 && a.regions[0].label == "cat")
        #expect(a.regions[1].mask == .polygons([[Point(x: 0, y: 0), Point(x: 4, y: 0), Point(x: 4, y: 4)]]))
        expectInvalid(#"{"<OD>":{"bboxes":[[1,2,3,4]],"labels":[]}}"#, path: "<OD>.labels")
        expectInvalid(#"{"<OD>":{"bboxes":[[1,2,3]],"labels":["a"]}}"#, path: "<OD>.bboxes[0]")
        expectInvalid(#"{"<OD>":{"bboxes":[[3,2,1,4]],"labels":["a"]}}"#, path: "<OD>.bboxes[0]", "x2 before x1")
        expectInvalid(#"{"<OCR_WITH_REGION>":{"quad_boxes":[[1,2,3,4]],"labels":["a"]}}"#, path: "<OCR_WITH_REGION>.quad_boxes[0]")
    }

    // MARK: Ultralytics and YOLO

    @Test(.enabled(if: Fixtures.isPresent, "../shared/fixtures is absent: the real-response cases are skipped"))
    func ultralyticsFixtures() throws {
        let detect = try Analysis(contentsOfFile: Fixtures.path("ultralytics/ultralyticsAPI_README_detect_zidane_1280x720_CONVERTED.json"))
        #expect(detect.format == .ultralytics && detect.regions.map(\.label) == ["person", "person", "tie"])
        #expect(detect.regions[2].classID == 27 && detect.regions[2].kind == .object && detect.regions[0].kind == .person)
        #expect(detect.regions[0].units == .pixels)
        let pose = try Analysis(contentsOfFile: Fixtures.path("ultralytics/ultralyticsAPI_README_pose_image-unstated_CONVERTED.json"))
        let person = try #require(pose.regions.first)
        #expect(person.keypoints.count == 17 && person.skeleton == KeypointLink.cocoPerson)
        #expect(
            person.keypoints[11].point == Point(x: 687.2332153320312, y: 1066) && person.keypoints[11].confidence == 0.10934382677078247)
        #expect(person.keypoints[16].name == "right_ankle")
    }

    @Test func ultralyticsLayouts() throws {
        let bare = try read(
            #"[{"name":"dog","class":16,"confidence":0.9,"box":{"x1":0.1,"y1":0.2,"x2":0.5,"y2":0.6},"segments":{"x":[0.1,0.5,0.3],"y":[0.2,0.2,0.6]},"keypoints":[[0.2,0.3,0.9],[0,0,0.1]],"track_id":4}]"#
        )
        let dog = try #require(bare.regions.first)
        #expect(dog.units == .fractions && dog.label == "dog #4" && dog.classID == 16)
        #expect(dog.mask == .polygons([[Point(x: 0.1, y: 0.2), Point(x: 0.5, y: 0.2), Point(x: 0.3, y: 0.6)]]))
        #expect(dog.keypoints.map(\.visibility) == [.visible, .absent] && dog.keypoints[0].confidence == 0.9)
        let oriented = try read(
            #"[{"name":"ship","class":1,"confidence":0.5,"box":{"x1":10,"y1":0,"x2":20,"y2":10,"x3":10,"y3":20,"x4":0,"y4":10}}]"#)
        #expect(oriented.regions[0].shape.points.count == 4)
        expectInvalid(#"[{"name":"a","class":0,"segments":{"x":[1,2,3],"y":[1,2]}}]"#, path: "[0].segments")
        expectInvalid(#"[{"name":"a","class":0,"confidence":0.5}]"#, path: "[0]")
    }

    @Test func yoloLabelRows() throws {
        let text = """
            0 0.5 0.5 0.2 0.4
            2 0.1 0.1 0.3 0.1 0.2 0.3
            7 0.5 0.5 0.2 0.4 0.91
            \((["0 0.5 0.5 0.4 0.8"] + (0..<17).map { j in "0.\(10 + j) 0.\(20 + j) \(j % 3)" }).joined(separator: " "))

            """
        let a = try read(text)
        #expect(a.format == .yoloLabels && a.regions.count == 4 && a.regions.allSatisfy { $0.units == .fractions })
        #expect(a.regions[0].shape == .box(Rect(x: 0.4, y: 0.3, width: 0.2, height: 0.4)) && a.regions[0].label == "class 0")
        #expect(a.regions[1].mask == .polygons([[Point(x: 0.1, y: 0.1), Point(x: 0.3, y: 0.1), Point(x: 0.2, y: 0.3)]]))
        #expect(a.regions[2].confidence == 0.91)
        #expect(a.regions[3].keypoints.count == 17 && a.regions[3].keypoints[1].visibility == .occluded)
        #expect(a.regions[3].skeleton == KeypointLink.cocoPerson)
        let mapped = a.mapped(to: PictureGeometry(storedSize: Size(width: 200, height: 100)))
        let box = mapped.regions[0].shape.bounds
        #expect(abs(box.x - 80) < 1e-9 && abs(box.y - 30) < 1e-9 && abs(box.width - 40) < 1e-9 && abs(box.height - 40) < 1e-9)
        #expect(mapped.regions[3].keypoints[0].point == Point(x: 20, y: 20))
        #expect(throws: ResultsError.self) { try read("0 0.5 0.5 0.2 0.4\n1 0.5 0.5 x 0.4\n", format: .yoloLabels) }
        #expect(throws: ResultsError.self) { try read("0 0.5 0.5 0.2 0.4\n1 0.5 0.5\n", format: .yoloLabels) }
    }
}

/// Face landmarks of Google Cloud Vision (pixels) and AWS Rekognition (fractions) as keypoints.
@Suite struct FaceLandmarkTests {
    @Test func googleAndAWSLandmarks() throws {
        let google = try Analysis(
            json: Data(
                #"{"faceAnnotations":[{"boundingPoly":{"vertices":[{"x":10,"y":20},{"x":110,"y":20},{"x":110,"y":140},{"y":140,"x":10}]},"detectionConfidence":0.97,"landmarks":[{"type":"LEFT_EYE","position":{"x":40.5,"y":60.25,"z":0.1}},{"type":"NOSE_TIP","position":{"x":60,"z":3}}]}]}"#
                    .utf8))
        let face = try #require(google.regions.first)
        #expect(face.kind == .face && face.keypoints.count == 2 && face.skeleton.isEmpty)
        #expect(face.keypoints[0] == Keypoint(point: Point(x: 40.5, y: 60.25), name: "left_eye"))
        #expect(face.keypoints[1].point == Point(x: 60, y: 0), "Google omits a zero coordinate")
        let aws = try Analysis(
            json: Data(
                #"{"FaceDetails":[{"BoundingBox":{"Width":0.2,"Height":0.3,"Left":0.1,"Top":0.1},"Confidence":99.5,"Landmarks":[{"Type":"eyeLeft","X":0.15,"Y":0.2},{"Type":"nose","X":0.2,"Y":0.25}]}]}"#
                    .utf8))
        let mapped = aws.mapped(to: PictureGeometry(storedSize: Size(width: 200, height: 100)))
        #expect(mapped.regions[0].keypoints.map(\.point) == [Point(x: 30, y: 20), Point(x: 40, y: 25)])
        #expect(mapped.regions[0].keypoints.map(\.name) == ["eyeLeft", "nose"])
        #expect(throws: ResultsError.self) {
            try Analysis(
                json: Data(
                    #"{"FaceDetails":[{"BoundingBox":{"Width":0.2,"Height":0.3,"Left":0.1,"Top":0.1},"Landmarks":[{"Type":"nose","X":1e300,"Y":0}]}]}"#
                        .utf8))
        }
    }
}

/// A hundred thousand instances: read within the region limit, refused one past it, and drawn
/// without hanging (chips stop at the annotator's maximum; masks are each a few pixels).
@Suite struct ManyInstancesTests {
    static func results(_ n: Int) -> Data {
        var parts: [String] = []
        parts.reserveCapacity(n)
        for i in 0..<n {
            let x = Double(i % 300), y = Double((i / 300) % 200)
            parts.append(
                #"{"image_id":1,"category_id":\#(1 + i % 80),"bbox":[\#(x),\#(y),3,3],"score":0.9,"segmentation":[[\#(x),\#(y),\#(x + 3),\#(y),\#(x),\#(y + 3)]]}"#
            )
        }
        return Data(("[" + parts.joined(separator: ",") + "]").utf8)
    }

    @Test func aHundredThousandInstances() throws {
        let a = try Analysis(json: Self.results(100_000), source: "many")
        #expect(a.regions.count == 100_000 && a.regions.allSatisfy { $0.mask != nil })
        #expect(throws: ResultsError.self) { try Analysis(json: Self.results(100_001), source: "many") }
    }
}
