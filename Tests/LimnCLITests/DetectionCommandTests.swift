import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// `limn annotate`, `cutout` and `info` on detector results: a COCO file's picture chosen by
/// the picture's name or `--picture`, instances cut out by label or index, and the refusals.
@Suite struct DetectionCommandTests {
    let images = RepositoryPaths.testImages
    var street: String { images + "/scene/street.png" }
    var coco: String { images + "/detections/coco.json" }
    typealias CLI = CLITests

    @Test func infoNamesEveryDetectorFormat() throws {
        let r = try CLI.limn(
            "info", images + "/detections/ultralytics.json", images + "/detections/florence2.json", images + "/detections/yolo.txt", coco)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(
            lines[0].hasSuffix("Ultralytics YOLO (ultralytics): 1 object, 2 people, 3 instance masks, keypoints on 2 regions (34 points)"),
            "\(lines)")
        #expect(lines[1].hasSuffix("Florence-2 (florence-2): 5 objects, 1 instance mask"), "\(lines)")
        #expect(lines[2].hasSuffix("Ultralytics YOLO (yolo): 4 objects, 1 instance mask, keypoints on 2 regions (34 points)"), "\(lines)")
        #expect(lines[3].hasSuffix("COCO, 2 pictures: street.png (id 7), other.jpg (id 8); draw one with --picture"), "\(lines)")
    }

    @Test func aCOCOFileIsReadForThePictureNamedLikeIt() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let byName = folder + "/name.png", byID = folder + "/id.png"
        #expect(try CLI.limn("annotate", street, coco, "-o", byName).status == 0)
        #expect(try CLI.limn("annotate", street, coco, "--picture", "7", "-o", byID).status == 0)
        #expect(try ImageDecoder.decode(file: byName).image == ImageDecoder.decode(file: byID).image)
        // A copy under another name: the file has two pictures, so it must be told which.
        let renamed = folder + "/holiday.png"
        try FileManager.default.copyItem(atPath: street, toPath: renamed)
        let unsure = try CLI.limn("annotate", renamed, coco, "-o", folder + "/x.png")
        #expect(unsure.status != 0 && unsure.stderr.contains("none of its pictures is holiday.png"), "\(unsure.stderr)")
        #expect(unsure.stderr.contains("street.png (id 7), other.jpg (id 8)"), "\(unsure.stderr)")
        let wrong = try CLI.limn("annotate", street, coco, "--picture", "99", "-o", folder + "/x.png")
        #expect(wrong.status != 0 && wrong.stderr.contains("none of its pictures is id 99"), "\(wrong.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.png"))
        let options = try CLI.limn(
            "annotate", street, coco, "--features", "people,masks,keypoints", "--mask-style", "contour", "--mask-opacity", "0.2",
            "--dim-outside-masks", "--keypoint-labels", "--min-keypoint-confidence", "0.3", "-o", folder + "/options.png")
        #expect(options.status == 0, "\(options.stderr)")
        let opacity = try CLI.limn("annotate", street, coco, "--mask-opacity", "2", "-o", folder + "/x.png")
        #expect(opacity.status != 0 && opacity.stderr.contains("--mask-opacity must be between 0 and 1"), "\(opacity.stderr)")
    }

    @Test func compareTwoDetectors() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/compare.png"
        let r = try CLI.limn("annotate", street, coco, "--compare", images + "/detections/florence2.json", "-o", out)
        #expect(r.status == 0, "\(r.stderr)")
        let drawn = try ImageDecoder.decode(file: out).image
        #expect(drawn.width == 800 && drawn.height > 520, "the legend is below the picture")
        let plain = try CLI.limn("annotate", street, coco, "-o", folder + "/plain.png")
        #expect(plain.status == 0)
        #expect(try ImageDecoder.decode(file: folder + "/plain.png").image != drawn)
    }

    @Test func maskPicturesAsResults() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let map = try CLI.limn("annotate", street, images + "/detections/labelmap.png", "-o", folder + "/map.png")
        #expect(map.status == 0, "\(map.stderr)")
        let masks = try CLI.limn("annotate", street, images + "/detections/masks", "-o", folder + "/masks.png")
        #expect(masks.status == 0, "\(masks.stderr)")
        let cut = try CLI.limn(
            "cutout", street, "--result", images + "/detections/masks", "--instance", "building", "-o", folder + "/b.png")
        #expect(cut.status == 0, "\(cut.stderr)")
        let wall = try ImageDecoder.decode(file: folder + "/b.png").image
        #expect(wall[Int(Scene.door.center.x), Int(Scene.door.center.y)].a == 0 && wall[60, 100].a == 255)
        let empty = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let none = try CLI.limn("annotate", street, empty, "-o", folder + "/x.png")
        #expect(none.status != 0 && none.stderr.contains("holds no mask pictures"), "\(none.stderr)")
    }

    @Test func cutoutsFromInstanceMasks() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let car = folder + "/car.png", first = folder + "/first.png", building = folder + "/building.png"
        #expect(try CLI.limn("cutout", street, "--result", coco, "--instance", "car", "-o", car).status == 0)
        #expect(try CLI.limn("cutout", street, "--result", coco, "--instance", "0", "-o", first).status == 0)
        #expect(try ImageDecoder.decode(file: car).image == ImageDecoder.decode(file: first).image, "the car is instance 0")
        let cut = try ImageDecoder.decode(file: car).image
        let c = Scene.car
        #expect(cut[Int(c.center.x), Int(c.center.y)].a == 255)
        #expect(cut[10, 10].a == 0)
        // The building's run-length mask has the door cut out of it.
        #expect(try CLI.limn("cutout", street, "--result", coco, "--instance", "building", "-o", building).status == 0)
        let wall = try ImageDecoder.decode(file: building).image
        #expect(wall[Int(Scene.building.minX) + 10, Int(Scene.building.minY) + 10].a == 255)
        #expect(wall[Int(Scene.door.center.x), Int(Scene.door.center.y)].a == 0)
        let none = try CLI.limn("cutout", street, "--result", coco, "--instance", "giraffe", "-o", folder + "/x.png")
        #expect(none.status != 0 && none.stderr.contains("no instance matches label \"giraffe\""), "\(none.stderr)")
        #expect(none.stderr.contains("labelled building, car, person"), "\(none.stderr)")
        let orphan = try CLI.limn("cutout", street, "--matte", car, "--instance", "car", "-o", folder + "/x.png")
        #expect(orphan.status != 0 && orphan.stderr.contains("--instance and --picture apply with --result"), "\(orphan.stderr)")
        let florence = try CLI.limn("cutout", street, "--result", images + "/detections/florence2.json", "-o", folder + "/f.png")
        #expect(florence.status == 0, "\(florence.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.png"))
    }
}
