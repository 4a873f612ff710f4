import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// GIFs through the command: described, converted, annotated; never written.
@Suite struct GIFCommandTests {
    typealias CLI = CLITests

    @Test func aGIFIsDescribedConvertedAndAnnotatedButNotWritten() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let palette = [Pixel.black, .white, Pixel(r: 200, g: 30, b: 30), Pixel(r: 30, g: 30, b: 200)]
        let frames = (0..<2).map { k in
            GIFWriter.Frame(width: 80, height: 52, indices: (0..<80 * 52).map { UInt8(($0 / 7 + k) % 4) }, delay: 8)
        }
        let gif = try #require(GIFWriter(width: 80, height: 52, palette: palette, frames: frames).encode())
        try Data(gif).write(to: URL(fileURLWithPath: folder + "/a.gif"))
        let info = try CLI.limn("info", folder + "/a.gif")
        let described = "GIF 80x52, 2-bit palette, orientation 1 (upright), opaque, animated, 2 frames (the first is decoded)"
        #expect(info.stdout == "\(folder)/a.gif: \(described)\n", "\(info.stdout)\(info.stderr)")
        #expect(try CLI.limn("convert", folder + "/a.gif", "-o", folder + "/a.png").status == 0)
        let png = try ImageDecoder.decode(file: folder + "/a.png").image
        #expect(png == (try ImageDecoder.decode(file: folder + "/a.gif").image))
        let refused = try CLI.limn("convert", folder + "/a.png", "-o", folder + "/b.gif")
        #expect(refused.status != 0 && refused.stderr.contains("Limn reads GIF but does not write it"), "\(refused.stderr)")
        let results = RepositoryPaths.testImages + "/results/"
        let annotated = try CLI.limn("annotate", folder + "/a.gif", results + "aws-labels-scene.json", "-o", folder + "/x.png")
        #expect(annotated.status == 0, "\(annotated.stderr)")
    }
}
