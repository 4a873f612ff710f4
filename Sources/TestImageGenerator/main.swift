// Writes every picture of `TestImages/` from the deterministic patterns in LimnTestSupport.
// Run on demand, then commit its output:  swift run TestImageGenerator [output-folder]
import Foundation
import LimnTestSupport

let root = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : RepositoryPaths.testImages
var lines: [String] = []
do {
    for picture in TestPictures.all {
        try write(picture.make(), to: picture.file)
        lines.append("| `\(picture.file)` | \(picture.format) | \(picture.fidelity == .exact ? "exact" : "lossy") | \(picture.orientation.rawValue) |")
    }
    for broken in BrokenFiles.all {
        try write(broken.make(), to: broken.file)
        lines.append("| `\(broken.file)` | broken | must fail: \(broken.failure.rawValue) | |")
    }
    let readme = """
        # TestImages

        Made by the project itself: `swift run TestImageGenerator` rewrites every file here from the
        deterministic patterns in `Sources/LimnTestSupport` (the tests derive the expected pixels from the
        same patterns). PNG files are written by a small pure-Swift writer (every colour type, bit depth,
        filter and Adam7), not by libpng, so the tests check libpng's reader against an independent writer.
        Nothing here is a photograph.

        | file | format | decodes | orientation |
        |---|---|---|---|
        \(lines.joined(separator: "\n"))

        """
    try Data(readme.utf8).write(to: URL(fileURLWithPath: root + "/README.md"))
    print("wrote \(lines.count) files to \(root)")
} catch {
    FileHandle.standardError.write(Data("TestImageGenerator: \(error)\n".utf8))
    exit(1)
}

func write(_ bytes: [UInt8], to file: String) throws {
    let url = URL(fileURLWithPath: root + "/" + file)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url, options: .atomic)
}
