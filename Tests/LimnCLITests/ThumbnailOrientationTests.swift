import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// A phone photo stored sideways (EXIF 6) whose result was computed on the stored pixels: the
/// crop suggestion is mapped onto the upright picture by the same transform the annotator uses.
@Suite struct ThumbnailOrientationTests {
    typealias CLI = CLITests

    @Test func suggestionsOnStoredPixelsCutTheUprightPicture() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Stored 120x80: red in the stored top-left 40x40, blue elsewhere; upright it is 80x120
        // with the red square at the top right.
        var stored = Image(width: 120, height: 80, fill: Pixel(r: 20, g: 40, b: 220))
        for y in 0..<40 { for x in 0..<40 { stored[x, y] = Pixel(r: 230, g: 20, b: 20) } }
        let jpeg = EXIFBlocks.jpeg(try stored.encoded(as: .jpeg(JPEGOptions(quality: 95, subsampling: .s444))), orientation: 6)
        try Data(jpeg).write(to: URL(fileURLWithPath: folder + "/phone.jpg"))
        let result =
            #"{"modelVersion": "2023-10-01", "metadata": {"width": 120, "height": 80}, "smartCropsResult": {"values": [{"aspectRatio": 1.0, "boundingBox": {"x": 0, "y": 0, "w": 40, "h": 40}}]}}"#
        try Data(result.utf8).write(to: URL(fileURLWithPath: folder + "/result.json"))
        let r = try CLI.limn([
            "thumbnail", folder + "/phone.jpg", "--result", folder + "/result.json", "--size", "20x20", "-o", folder + "/t.png",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let thumbnail = try ImageDecoder.decode(file: folder + "/t.png").image
        #expect(thumbnail.size == Size(width: 20, height: 20))
        for (x, y) in [(3, 3), (10, 10), (16, 16), (3, 16), (16, 3)] {
            let p = thumbnail[x, y]
            #expect(p.r > 180 && p.b < 80, "(\(x), \(y)) is \(p): the thumbnail shows the red square")
        }
    }
}
