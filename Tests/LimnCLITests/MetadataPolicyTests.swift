import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// What each subcommand writes besides the pixels, by default and with `--strip`,
/// `--keep-metadata` and `--keep-profile`.
@Suite struct MetadataPolicyTests {
    typealias CLI = CLITests
    static let xmp = Array(#"<x:xmpmeta xmlns:x="adobe:ns:meta/"/>"#.utf8)

    /// A sideways (EXIF 6) Adobe RGB photo with XMP, and a result for it.
    static func inputs(_ folder: String) throws {
        let picture = Patterns.gradient(width: 60, height: 40)
        let tagged = try picture.encoded(
            as: .jpeg(JPEGOptions(quality: 92)), metadata: OutputMetadata(iccProfile: ICCProfiles.adobeRGB(), xmp: xmp))
        try Data(EXIFBlocks.jpeg(tagged, orientation: 6)).write(to: URL(fileURLWithPath: folder + "/photo.jpg"))
        let result =
            #"{"modelVersion": "2023-10-01", "metadata": {"width": 40, "height": 60}, "peopleResult": {"values": [{"confidence": 0.9, "boundingBox": {"x": 5, "y": 5, "w": 20, "h": 30}}]}}"#
        try Data(result.utf8).write(to: URL(fileURLWithPath: folder + "/result.json"))
    }

    static func written(_ arguments: [String], folder: String, output: String) throws -> ImageInfo {
        let r = try CLI.limn(arguments)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        return try ImageDecoder.info(file: folder + "/" + output)
    }

    @Test func convertKeepsEXIFAndXMPAndConvertsColors() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.inputs(folder)
        let kept = try Self.written(["convert", folder + "/photo.jpg", "-o", folder + "/a.png"], folder: folder, output: "a.png")
        #expect(kept.exif != nil && kept.orientation == .up, "EXIF kept, orientation reset (the pixels were turned)")
        #expect(kept.width == 40 && kept.height == 60)
        #expect(kept.xmp == Self.xmp)
        #expect(kept.iccProfile == nil, "converted to sRGB: no profile")
        let stripped = try Self.written(
            ["convert", folder + "/photo.jpg", "-o", folder + "/b.webp", "--strip"], folder: folder, output: "b.webp")
        #expect(stripped.exif == nil && stripped.xmp == nil && stripped.iccProfile == nil)
        let profiled = try Self.written(
            ["convert", folder + "/photo.jpg", "-o", folder + "/c.jpg", "--keep-profile", "--strip"], folder: folder, output: "c.jpg")
        #expect(profiled.iccProfile == ICCProfiles.adobeRGB(), "--keep-profile writes the profile byte for byte, even with --strip")
        #expect(profiled.exif == nil)
    }

    @Test func thumbnailsStripByDefault() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.inputs(folder)
        let plain = try Self.written(
            ["thumbnail", folder + "/photo.jpg", "--size", "20x20", "-o", folder + "/t.jpg"], folder: folder, output: "t.jpg")
        #expect(plain.exif == nil && plain.xmp == nil && plain.iccProfile == nil)
        let kept = try Self.written(
            ["thumbnail", folder + "/photo.jpg", "--size", "20x20", "-o", folder + "/k.jpg", "--keep-metadata"], folder: folder,
            output: "k.jpg")
        #expect(kept.exif != nil && kept.orientation == .up && kept.xmp == Self.xmp)
    }

    @Test func annotateKeepsUnlessAPrivacyFilterHidesPeople() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.inputs(folder)
        let base = ["annotate", folder + "/photo.jpg", folder + "/result.json"]
        let kept = try Self.written(base + ["-o", folder + "/a.png"], folder: folder, output: "a.png")
        #expect(kept.exif != nil && kept.orientation == .up)
        let hidden = try Self.written(base + ["-o", folder + "/p.png", "--privacy", "blur"], folder: folder, output: "p.png")
        #expect(hidden.exif == nil && hidden.xmp == nil, "blurred people: no GPS or camera data by default")
        let asked = try Self.written(
            base + ["-o", folder + "/q.png", "--privacy", "blur", "--keep-metadata"], folder: folder, output: "q.png")
        #expect(asked.exif != nil)
    }

    @Test func infoDescribesSamplesColorsAndMetadata() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.inputs(folder)
        let cmyk = TIFFWriter.encode(
            width: 4, height: 2, samples: [UInt8](repeating: 60, count: 32), cmyk: true, iccProfile: ICCProfiles.cmyk())
        try Data(cmyk).write(to: URL(fileURLWithPath: folder + "/press.tif"))
        let p3 = insertingChunks(try Patterns.gradient(width: 8, height: 8).encoded(as: .png()), chunk("cICP", [12, 16, 0, 1]))
        try Data(p3).write(to: URL(fileURLWithPath: folder + "/hdr.png"))
        let r = try CLI.limn(["info", folder + "/photo.jpg", folder + "/press.tif", folder + "/hdr.png"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].contains("JPEG 60x40, 8-bit YCbCr, orientation 6"), "\(lines[0])")
        #expect(lines[0].contains("ICC profile \"Adobe RGB (1998) compatible\"") && lines[0].contains("EXIF") && lines[0].contains("XMP"))
        #expect(lines[1].contains("TIFF 4x2, 8-bit CMYK") && lines[1].contains("ICC profile \"Limn test press CMYK\""), "\(lines[1])")
        #expect(lines[2].contains("colors Display P3, PQ transfer (H.273 12/16) (HDR: not tone-mapped"), "\(lines[2])")
    }

    @Test func stripAndKeepTogetherAreRefused() throws {
        let r = try CLI.limn(["convert", "x.jpg", "-o", "y.png", "--strip", "--keep-metadata"])
        #expect(r.status != 0 && r.stderr.contains("--strip"), "\(r.stderr)")
    }
}
