import Foundation
import LimnCodecs
import LimnRaster
import LimnTestSupport

/// Reads a file under `TestImages/`.
func testImage(_ file: String) throws -> [UInt8] {
    try Array(Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.testImages + "/" + file)))
}

/// The real photographs beside the repository, when `../shared` is present.
enum SharedPhotos {
    static let folder = RepositoryPaths.shared + "/photos"
    static var isPresent: Bool { FileManager.default.fileExists(atPath: folder) }
    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".jpg") || $0.hasSuffix(".png") }.sorted()
    }
}

/// A command-line tool's full path, or nil when it is not installed.
func tool(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

/// Runs a tool and returns its standard output.
func run(_ path: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
}

/// Parses a binary PGM (P5), PPM (P6) or PAM (P7: GRAYSCALE, RGB or RGB_ALPHA) as an image.
func parseNetpbm(_ data: Data) -> Image? {
    let bytes = [UInt8](data)
    var p = 0
    func token() -> String? {
        while p < bytes.count, bytes[p] == 0x23 || bytes[p] <= 0x20 {
            if bytes[p] == 0x23 { while p < bytes.count && bytes[p] != 0x0A { p += 1 } } else { p += 1 }
        }
        let start = p
        while p < bytes.count && bytes[p] > 0x20 { p += 1 }
        return p > start ? String(decoding: bytes[start..<p], as: UTF8.self) : nil
    }
    guard let magic = token() else { return nil }
    var width = 0, height = 0, depth = 3
    if magic == "P5" || magic == "P6" {
        depth = magic == "P5" ? 1 : 3
        guard let w = token().flatMap(Int.init), let h = token().flatMap(Int.init), token() == "255" else { return nil }
        (width, height) = (w, h)
    } else if magic == "P7" {
        while let t = token(), t != "ENDHDR" {
            switch t {
            case "WIDTH": width = token().flatMap(Int.init) ?? 0
            case "HEIGHT": height = token().flatMap(Int.init) ?? 0
            case "DEPTH": depth = token().flatMap(Int.init) ?? 0
            default: break
            }
        }
    } else {
        return nil
    }
    p += 1  // the single whitespace byte after the header
    guard width > 0, height > 0, bytes.count - p >= width * height * depth else { return nil }
    var image = Image(width: width, height: height, fill: .black)
    image.withUnsafeMutableBytes { out in
        for i in 0..<(width * height) {
            for c in 0..<3 { out[i * 4 + c] = bytes[p + i * depth + (depth == 1 ? 0 : c)] }
            out[i * 4 + 3] = depth == 4 ? bytes[p + i * depth + 3] : 255
        }
    }
    image.recomputeOpacity()
    return image
}
