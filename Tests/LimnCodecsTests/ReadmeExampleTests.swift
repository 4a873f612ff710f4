import Foundation
import Limn
import LimnTestSupport
import Testing

/// The README's Swift example, run on a picture of the project's own.
@Suite struct ReadmeExampleTests {
    @Test func theExampleRunsAsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limn-readme-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = RepositoryPaths.testImages + "/jpeg/large-gradient.jpg"

        let photo = try Image(contentsOfFile: path)
        let decoded = try ImageDecoder.decode(file: path, options: DecodeOptions(targetSize: Size(width: 51, height: 38)))
        #expect("\(decoded.info) \(decoded.scale)" == "JPEG 512x384, orientation 1, opaque 1/8")
        #expect(decoded.image.size == Size(width: 64, height: 48))
        let info = try ImageDecoder.info(file: path)
        #expect(info.size == photo.size)

        let webp = try photo.encoded(as: .webp(WebPOptions(quality: 80)))
        #expect(try ImageDecoder.info(webp).format == .webp)
        try photo.write(to: folder + "/photo.png", as: .png(PNGOptions(compression: .fast)))
        try photo.write(to: folder + "/photo-q90.jpg", as: .jpeg(JPEGOptions(quality: 90, subsampling: .s444)))
        #expect(try Image(contentsOfFile: folder + "/photo.png") == photo)
        #expect(try ImageDecoder.info(file: folder + "/photo-q90.jpg").format == .jpeg)

        let small = try photo.resized(to: Size(width: 80, height: 60))
        let boxed = try photo.fitted(to: FitTarget(width: 40, height: 40), mode: .fit(letterbox: .black))
        let square = try photo.fitted(to: FitTarget(width: 25, height: 25), mode: .fill(anchor: .top))
        let detail = photo.cropped(to: Rect(x: 10.5, y: 20, width: 300, height: 200))
        let soft = photo.blurred(sigma: 8)
        #expect(small.size == Size(width: 80, height: 60) && boxed.size == Size(width: 40, height: 40))
        #expect(square.size == Size(width: 25, height: 25) && detail?.raster.size == Size(width: 300, height: 200))
        #expect(soft.size == photo.size)
        let result = folder + "/result.json"
        try Data(
            #"{"modelVersion": "2023-10-01", "metadata": {"width": 1024, "height": 768}, "smartCropsResult": {"values": [{"aspectRatio": 1.0, "boundingBox": {"x": 100, "y": 50, "w": 600, "h": 600}}]}}"#
                .utf8
        )
        .write(to: URL(fileURLWithPath: result))
        let analysis = try Analysis(contentsOfFile: result)
        let thumbnails = try Thumbnail.make(
            fromFile: path, sizes: [Size(width: 64, height: 64), Size(width: 40, height: 30)],
            crop: .suggestions(analysis.cropSuggestions, analysedSize: analysis.imageSize))
        #expect(thumbnails.map(\.size) == [Size(width: 64, height: 64), Size(width: 40, height: 30)])

        let matteFile = folder + "/matte.png"
        var gray = Mask(width: 256, height: 192)  // a matte at half the picture's size
        for y in 40..<150 { for x in 60..<200 { gray[x, y] = 255 } }
        try gray.write(to: matteFile)
        let matte = try Matte.read(file: matteFile)
        let portrait = try Cutout.make(
            picture: photo, matte: matte,
            options: CutoutOptions(
                background: .blurredOriginal(sigma: 24), shadow: .init(), outline: .init(width: 8, color: .white)))
        let sticker = try Cutout.make(picture: photo, matte: matte, options: CutoutOptions(trim: true, trimMargin: 16))
        #expect(portrait.size == photo.size && portrait.isOpaque)
        let bounds = try #require(try Matte.fitted(matte, to: photo.size).contentBounds())
        #expect(sticker.size == Size(width: bounds.width + 32, height: bounds.height + 32))
        #expect(abs(bounds.width - 280) <= 4 && abs(bounds.height - 220) <= 4)  // the half-size matte, doubled

        var copy = photo
        copy[0, 0] = Pixel(r: 255, g: 0, b: 0, a: 128)
        #expect(copy.alphaMask()[0, 0] == 128)
        #expect(photo[0, 0].a == 255)
    }

    @Test func writingIntoAMissingFolderIsATypedErrorAndLeavesNothing() throws {
        let image = Image(width: 2, height: 2, fill: .white)
        #expect(throws: LimnError.cannotWrite(path: "/nonexistent-limn/x.png", reason: "its folder /nonexistent-limn does not exist")) {
            try image.write(to: "/nonexistent-limn/x.png")
        }
        #expect(throws: LimnError.readOnlyFormat(path: "x.gif", format: .gif)) { try image.write(to: "x.gif") }
        #expect(throws: LimnError.unknownOutputFormat(path: "x.tga")) { try image.write(to: "x.tga") }
    }

    @Test func atomicWriteReplacesWholeFilesWithPlainPermissions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limn-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/a.bin"
        try AtomicFile.write([1, 2, 3], to: path)
        try AtomicFile.write([4, 5], to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data([4, 5]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["a.bin"])
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        // The umask is read from /proc (setting it to read it would race with the other tests).
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let mask = Int(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        else {
            print("skipped the mode check: no Umask line in /proc/self/status on this system")
            return
        }
        #expect(permissions == 0o666 & ~mask, "what a plain create gives under this umask, not mkstemp's 0600")
    }
}
