import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// Jobs at the edges: 1×N and N×1 pictures through every thumbnail mode, an output on a full
/// disk (`/dev/full`), and a batch that goes on past the job that failed.
@Suite struct EdgeCaseJobTests {
    typealias CLI = CLITests

    @Test(arguments: [(1, 900), (900, 1)])
    func thinPicturesMakeThumbnailsInEveryMode(width: Int, height: Int) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let picture = Patterns.gradient(width: width, height: height)
        try Data(try picture.encoded(as: .png())).write(to: URL(fileURLWithPath: folder + "/thin.png"))
        for mode in ["fit", "fill", "smart"] {
            let out = folder + "/\(mode).png"
            let r = try CLI.limn(["thumbnail", folder + "/thin.png", "--size", "64x48", "--mode", mode, "-o", out])
            #expect(r.status == 0, "\(mode): \(r.stderr)")
            let size = try ImageDecoder.info(file: out).size
            if mode == "fit" {
                #expect(size.width >= 1 && size.height >= 1 && size.width <= 64 && size.height <= 48, "\(size)")
            } else {
                #expect(size == Size(width: 64, height: 48), "\(mode): \(size)")
            }
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full on this system"))
    func aFullDiskIsAClearErrorAndTheBatchGoesOn() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scene = RepositoryPaths.testImages + "/scene/street.png"
        let single = try CLI.limn(["convert", scene, "-o", "/dev/full", "--format", "png"])
        #expect(single.status != 0 && single.stderr.contains("/dev/full: cannot write (No space left on device)"), "\(single.stderr)")
        let manifest = [
            #"{"op": "convert", "image": "\#(scene)", "output": "/dev/full", "format": "png"}"#,
            #"{"op": "convert", "image": "\#(scene)", "output": "ok.png"}"#,
        ].joined(separator: "\n")
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: folder + "/jobs.jsonl"))
        let batch = try CLI.limn(["batch", folder + "/jobs.jsonl"])
        #expect(batch.status != 0 && batch.stderr.contains("1 done, 1 failed"), "\(batch.stderr)")
        #expect(try ImageDecoder.info(file: folder + "/ok.png").size.width > 0)
    }
}
