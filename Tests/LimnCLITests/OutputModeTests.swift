import Foundation
import LimnTestSupport
import Testing

/// Outputs get the permissions the caller's umask gives a plain create, under every worker count:
/// nothing in the process changes the umask (it is process-wide, so a worker that read it by
/// setting it could leave it at 0 for all the others).
@Suite struct OutputModeTests {
    let images = RepositoryPaths.testImages

    /// Modes of every file and folder below `root` (the root itself excluded).
    func modes(below root: String) throws -> (files: [String: Int], folders: [String: Int]) {
        var files: [String: Int] = [:], folders: [String: Int] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: root) {
            let attributes = try FileManager.default.attributesOfItem(atPath: root + "/" + name)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            if attributes[.type] as? FileAttributeType == .typeDirectory { folders[name] = mode } else { files[name] = mode }
        }
        return (files, folders)
    }

    @Test(arguments: [2, 8])
    func aBatchOfThousandsOfJobsMakesNothingWorldWritable(workers: Int) throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let jobs = 3000, subfolders = 100
        let lines = (0..<jobs).map { i in
            #"{"op": "convert", "image": "\#(images)/png/rgb8.png", "output": "out/f\#(i % subfolders)/n\#(i).\#(["png", "bmp"][i % 2])"}"#
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder + "/jobs.jsonl"))
        let r = try Spawned.limn(
            ["batch", folder + "/jobs.jsonl", "--jobs", "\(workers)", "--no-progress", "--report", folder + "/out/report.json"],
            setup: "umask 022")
        #expect(r.status == 0, "\(r.stderr)")
        let (files, folders) = try modes(below: folder + "/out")
        #expect(files.count == jobs + 1)
        #expect(folders.count == subfolders)
        let wrongFiles = files.filter { $0.value != 0o644 }
        let wrongFolders = folders.filter { $0.value != 0o755 }
        #expect(
            wrongFiles.isEmpty,
            "\(wrongFiles.count) of \(files.count) files not 0644, e.g. \(wrongFiles.first.map { "\($0.key) \(String($0.value, radix: 8))" } ?? "")"
        )
        #expect(wrongFolders.isEmpty, "\(wrongFolders.count) of \(folders.count) folders not 0755")
    }

    @Test func aStricterUmaskIsHonoured() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try Spawned.limn(["convert", "\(images)/png/rgb8.png", "-o", folder + "/new/a.png"], setup: "umask 077")
        #expect(r.status == 0, "\(r.stderr)")
        let (files, folders) = try modes(below: folder)
        #expect(files == ["new/a.png": 0o600])
        #expect(folders == ["new": 0o700])
    }
}
