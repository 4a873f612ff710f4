import Foundation
import LimnTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hostile inputs to the `limn` process, each checked for a clean error and for the process's
/// own peak memory (GNU `time`'s `%M`; without `/usr/bin/time` the memory checks are skipped,
/// and `Scripts/install-system-packages --reference-tools` installs it). A debug `limn` peaks at
/// about 25 MB doing nothing (its libraries and Foundation); the costs these inputs had were
/// gigabytes.
@Suite struct HostileInputTests {
    let images = RepositoryPaths.testImages

    init() {
        if !FileManager.default.isExecutableFile(atPath: Spawned.timeTool) {
            print("HostileInputTests: \(Spawned.timeTool) is absent, so peak memory is not checked (errors still are)")
        }
    }

    func file(_ bytes: [UInt8], in folder: String, named name: String) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A sparse file: `head` and then zeros up to `size`, taking no disk space.
    func sparse(_ head: [UInt8], size: Int, in folder: String, named name: String) throws -> String {
        let path = try file(head, in: folder, named: name)
        #expect(truncate(path, off_t(size)) == 0)
        return path
    }

    @Test(arguments: HostileFiles.ancillaryTypes)
    func aFiftySevenBytePNGCostsNoGigabytes(type: String) throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try file(HostileFiles.pngDeclaring(type), in: folder, named: "h.png")
        for arguments in [["info", path], ["convert", path, "-o", folder + "/out.png"]] {
            let r = try Spawned.run(CLITests.executable, arguments)
            #expect(r.status == 1 && r.signal == 0)
            #expect(r.stderr.contains("its \(type) chunk at byte 33 declares 2147479552 bytes"), "\(r.stderr)")
            #expect(r.peakMemory.map { $0 <= 40 << 20 } ?? true, "\(arguments[0]): \((r.peakMemory ?? 0) >> 20) MB")
        }
    }

    @Test func endlessZerosOnStandardInputAreRefusedFromTheirHead() throws {
        for arguments in [["info", "-"], ["convert", "-", "-o", "/dev/null", "--format", "png"]] {
            let r = try Spawned.run(CLITests.executable, arguments, stdin: "/dev/zero")
            #expect(r.status == 1 && r.signal == 0, "\(r.stderr)")
            #expect(r.stderr.contains("standard input: not a PNG, JPEG, WebP, BMP, GIF, ICO, TIFF, HEIC or AVIF image"), "\(r.stderr)")
            #expect(r.peakMemory.map { $0 <= 40 << 20 } ?? true, "\((r.peakMemory ?? 0) >> 20) MB")
        }
    }

    /// Under an address-space cap the read fails cleanly instead of trapping in Foundation.
    @Test(.disabled(if: Spawned.sanitized, "a sanitizer's shadow memory cannot live under ulimit -v"))
    func aMemoryCapGivesAnErrorNotATrap() throws {
        let r = try Spawned.limn(["info", "-"], setup: "ulimit -v 2000000", stdin: "/dev/zero")
        #expect(r.signal == 0 && r.status == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("limn: standard input: "), "\(r.stderr)")
    }

    @Test func aGigabyteOfZerosIsRefusedWithoutReadingIt() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let zeros = try sparse([], size: 1 << 30, in: folder, named: "zeros.jpg")
        // A PNG header followed by a gigabyte of zeros: the header read stops at the first non-chunk.
        let header = try sparse(Array(HostileFiles.pngDeclaring("tEXt").prefix(33)), size: 1 << 30, in: folder, named: "header.png")
        let cases: [([String], String)] = [
            (["info", zeros], "not a PNG, JPEG, WebP, BMP, GIF, ICO, TIFF, HEIC or AVIF image"),
            (["convert", zeros, "-o", folder + "/a.png"], "not a PNG, JPEG, WebP, BMP, GIF, ICO, TIFF, HEIC or AVIF image"),
            (
                ["annotate", zeros, "\(images)/results/azure40-scene.json", "-o", folder + "/b.png"],
                "not a PNG, JPEG, WebP, BMP, GIF, ICO, TIFF, HEIC or AVIF image"
            ),
            (
                ["cutout", "\(images)/scene/street.png", "--matte", zeros, "-o", folder + "/c.png"],
                "not a PNG, JPEG, WebP, BMP, GIF, ICO, TIFF, HEIC or AVIF image"
            ),
            (["info", header], "has no valid type"),
        ]
        for (arguments, words) in cases {
            let r = try Spawned.run(CLITests.executable, arguments)
            #expect(r.status == 1 && r.signal == 0)
            #expect(r.stderr.contains(words), "\(arguments[0]): \(r.stderr)")
            #expect(r.peakMemory.map { $0 <= 40 << 20 } ?? true, "\(arguments[0]): \((r.peakMemory ?? 0) >> 20) MB")
        }
    }

    @Test func aResultOverTheJSONLimitIsRefusedFromItsSize() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let huge = try sparse(Array(#"{"captionResult": {"text": ""#.utf8), size: (64 << 20) + 1, in: folder, named: "huge.json")
        for arguments in [["info", huge], ["annotate", "\(images)/scene/street.png", huge, "-o", folder + "/a.png"]] {
            let r = try Spawned.run(CLITests.executable, arguments)
            #expect(r.status == 1 && r.signal == 0)
            #expect(r.stderr.contains("67108865 bytes, over the limit for a result JSON"), "\(r.stderr)")
            #expect(r.peakMemory.map { $0 <= 40 << 20 } ?? true, "\((r.peakMemory ?? 0) >> 20) MB")
        }
    }

    /// Reading standard input is bounded too: a result that goes on past the JSON limit stops there.
    @Test func aResultStreamPastTheLimitStopsThere() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let huge = try sparse(Array(#"{"captionResult": {"text": ""#.utf8), size: (64 << 20) + 4096, in: folder, named: "huge.json")
        let r = try Spawned.run("/bin/sh", ["-c", "cat '\(huge)' | '\(CLITests.executable)' info -"])
        #expect(r.status == 1 && r.signal == 0)
        #expect(r.stderr.contains("goes on past 67108864 bytes, over the limit for a result JSON"), "\(r.stderr)")
        #expect(r.peakMemory.map { $0 <= 200 << 20 } ?? true, "\((r.peakMemory ?? 0) >> 20) MB")
    }
}
