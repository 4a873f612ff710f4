import ArgumentParser
import Limn

/// `limn info FILE…`: one line per file from its header alone.
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print format, size, orientation and alpha of each file, from its header alone.",
        discussion: """
            Example:
              limn info photo.jpg cutout.png
              photo.jpg: JPEG 4000x3000, orientation 6 (rotate 90° clockwise), opaque
            """
    )

    @Argument(help: "Image files (PNG, JPEG, WebP, BMP).")
    var files: [String]

    func run() throws {
        var failed = 0
        for file in files {
            do {
                let info = try ImageDecoder.info(file: file)
                print("\(file): \(Info.describe(info))")
            } catch {
                failed += 1
                printError(error.description)
            }
        }
        if failed > 0 { throw ExitCode.failure }
    }

    static func describe(_ info: ImageInfo) -> String {
        var parts = ["\(info.format) \(info.width)x\(info.height)", "orientation \(info.orientation)"]
        parts.append(info.hasAlpha ? "alpha" : "opaque")
        if info.isAnimated { parts.append("animated (first frame is decoded)") }
        return parts.joined(separator: ", ")
    }
}
