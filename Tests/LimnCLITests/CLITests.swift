import Foundation
import LimnTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The `limn` executable, run as a user would.
@Suite struct CLITests {
    /// The built `limn`, beside this test bundle in the build folder.
    static var executable: String {
        var url = Bundle.main.bundleURL
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("limn").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("limn").path
    }

    struct Result {
        var status: Int32
        var stdoutData: Data
        var stderrData: Data
        var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    }

    /// The lines of `stderr` that report a problem (`limn: …`), without a batch's periodic
    /// progress lines (`limn: batch: 3/12 done …`, printed every few seconds to a pipe).
    static func problems(in stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { $0.hasPrefix("limn: ") && !$0.hasPrefix("limn: batch: ") }
    }

    static func limn(_ arguments: String...) throws -> Result { try limn(arguments) }

    static func limn(stdin: Data? = nil, _ arguments: String...) throws -> Result { try limn(arguments, stdin: stdin) }

    /// Runs `limn` with `arguments`, feeding `stdin` when given; stdout and stderr are read while
    /// it runs (a large picture on stdout must not fill the pipe and stall it).
    static func limn(_ arguments: [String], stdin: Data? = nil, in folder: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            // A child that fails before reading its input closes the pipe: the write must then
            // fail quietly (EPIPE), not kill the test process with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            DispatchQueue.global().async {
                try? input.fileHandleForWriting.write(contentsOf: stdin)
                try? input.fileHandleForWriting.close()
            }
        }
        final class Box: @unchecked Sendable { var data = Data() }
        let e = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            e.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdoutData: o, stderrData: e.data)
    }

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("limn-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    let images = RepositoryPaths.testImages

    @Test func infoPrintsOneLinePerFile() throws {
        let r = try Self.limn("info", "\(images)/orientation/jpeg-6.jpg", "\(images)/png/rgba8.png")
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines[0]
                == "\(images)/orientation/jpeg-6.jpg: JPEG 32x48, 8-bit YCbCr, orientation 6 (rotate 90° clockwise), opaque, EXIF 38 bytes")
        #expect(lines[1] == "\(images)/png/rgba8.png: PNG 61x45, 8-bit RGB, orientation 1 (upright), alpha")
    }

    @Test func infoReportsBrokenFilesOnStderrAndFails() throws {
        let r = try Self.limn("info", "\(images)/png/rgb8.png", "\(images)/broken/gif-named.png")
        #expect(r.status != 0)
        #expect(r.stdout.contains("PNG 61x45"))
        #expect(
            r.stderr
                == "limn: \(images)/broken/gif-named.png: the GIF data is damaged (the file holds no picture); the file cannot be decoded as it is.\n"
        )
    }

    @Test(arguments: ["png", "jpg", "webp", "bmp", "avif"])
    func convertWritesTheFormatOfTheExtension(ext: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = "\(folder)/out.\(ext)"
        let r = try Self.limn("convert", "\(images)/orientation/jpeg-6.jpg", "-o", out)
        #expect(r.status == 0, "\(r.stderr)")
        let info = try Self.limn("info", out)
        let format = ["png": "PNG", "jpg": "JPEG", "webp": "WebP", "bmp": "BMP", "avif": "AVIF"][ext]!
        // Orientation was applied: 48 × 32 upright, tag reset (the EXIF kept, except in BMP).
        #expect(info.stdout.contains("\(format) 48x32, ") && info.stdout.contains("orientation 1 (upright)"), "\(info.stdout)")
        #expect(info.stdout.contains("EXIF") == (ext != "bmp"), "\(info.stdout)")
        // Nothing but the output is left in the folder (no temporary files).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.\(ext)"])
    }

    @Test func convertShrinksToFitWithoutEnlarging() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Self.limn("convert", "\(images)/jpeg/large-gradient.jpg", "-o", "\(folder)/a.png", "--max-size", "100x100").status == 0)
        #expect(try Self.limn("info", "\(folder)/a.png").stdout.contains("PNG 100x75"))
        #expect(try Self.limn("convert", "\(images)/png/rgb8.png", "-o", "\(folder)/b.png", "--max-size", "1000x1000").status == 0)
        #expect(try Self.limn("info", "\(folder)/b.png").stdout.contains("PNG 61x45"))
        #expect(try Self.limn("convert", "\(images)/png/rgb8.png", "-o", "\(folder)/c.webp", "--lossless", "--quality", "50").status == 0)
    }

    @Test func convertErrorsAreOneLineWithAFailingStatus() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let unknown = try Self.limn("convert", "\(images)/png/rgb8.png", "-o", "\(folder)/out.tga")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("cannot tell the output format from the extension"))
        #expect(unknown.stderr.split(separator: "\n").count == 1)

        let broken = try Self.limn("convert", "\(images)/broken/truncated-half.png", "-o", "\(folder)/out.png")
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("ends too early"))

        let badSize = try Self.limn("convert", "\(images)/png/rgb8.png", "-o", "\(folder)/out.png", "--max-size", "0x10")
        #expect(badSize.status != 0)
        let badQuality = try Self.limn("convert", "\(images)/png/rgb8.png", "-o", "\(folder)/out.jpg", "--quality", "300")
        #expect(badQuality.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aFailedWriteLeavesTheOldFileIntact() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = "\(folder)/keep.png"
        try Data("previous".utf8).write(to: URL(fileURLWithPath: out))
        let r = try Self.limn("convert", "\(images)/broken/truncated-end.jpg", "-o", out)
        #expect(r.status != 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["keep.png"])
    }
}
