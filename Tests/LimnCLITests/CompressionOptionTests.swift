import Foundation
import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

/// `--compression` chooses the PNG writer's level, and is refused for another format.
@Suite struct CompressionOptionTests {
    typealias CLI = CLITests

    @Test func levelsWriteSmallerFilesAndOtherFormatsRefuseTheOption() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = RepositoryPaths.testImages + "/scene/street.png"
        var sizes: [Int] = []
        for level in ["fast", "smallest"] {
            let out = folder + "/\(level).png"
            let r = try CLI.limn(["convert", source, "-o", out, "--compression", level])
            #expect(r.status == 0, "\(r.stderr)")
            sizes.append(try Data(contentsOf: URL(fileURLWithPath: out)).count)
            #expect(try ImageDecoder.decode(file: out).image == (try ImageDecoder.decode(file: source).image))
        }
        #expect(sizes[1] < sizes[0], "\(sizes)")
        let refused = try CLI.limn(["convert", source, "-o", folder + "/x.jpg", "--compression", "fast"])
        #expect(refused.status != 0 && refused.stderr.contains("--compression applies to PNG outputs"), "\(refused.stderr)")
        let indexed = try CLI.limn(["convert", RepositoryPaths.testImages + "/png/palette4.png", "-o", folder + "/p.png", "--palette"])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        #expect(try ImageDecoder.info(file: folder + "/p.png").colorModel == .palette)
        let noPalette = try CLI.limn(["convert", source, "-o", folder + "/x.webp", "--palette"])
        #expect(noPalette.status != 0 && noPalette.stderr.contains("--palette applies to PNG outputs"), "\(noPalette.stderr)")
        let unknown = try CLI.limn(["convert", source, "-o", folder + "/x.png", "--compression", "zip"])
        #expect(unknown.status != 0 && unknown.stderr.contains("fast, balanced, compact or smallest"), "\(unknown.stderr)")
    }

    /// `--optimize` and `--progressive` shrink a JPEG and keep its pixels (convert and thumbnail),
    /// and are refused for another format.
    @Test func jpegOptionsShrinkTheFileAndOtherFormatsRefuseThem() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = RepositoryPaths.testImages + "/scene/street.png"
        var sizes: [Int] = []
        var pixels: [Image] = []
        for flags in [[], ["--optimize"], ["--progressive", "--optimize"]] {
            let out = folder + "/j\(flags.count).jpg"
            let r = try CLI.limn(["convert", source, "-o", out] + flags)
            #expect(r.status == 0, "\(r.stderr)")
            sizes.append(try Data(contentsOf: URL(fileURLWithPath: out)).count)
            pixels.append(try ImageDecoder.decode(file: out).image)
        }
        #expect(sizes[1] < sizes[0] && sizes[2] < sizes[0], "\(sizes)")
        #expect(pixels[1] == pixels[0] && pixels[2] == pixels[0])
        let thumb = try CLI.limn(["thumbnail", source, "--size", "200x200", "--mode", "fit", "-o", folder + "/t.jpg", "--progressive"])
        #expect(thumb.status == 0, "\(thumb.stderr)")
        let refused = try CLI.limn(["convert", source, "-o", folder + "/x.png", "--optimize"])
        #expect(refused.status != 0 && refused.stderr.contains("--optimize applies to JPEG outputs"), "\(refused.stderr)")
    }
}
