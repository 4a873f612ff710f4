import Foundation
import Limn

/// A subject cut out along a matte and placed on a background (see `limn cutout`).
struct CutoutJob {
    enum MatteSource {
        case matte(String)
        case mask(String)
        case result(String)
    }

    var image: String
    var matte: MatteSource
    var background = "none"
    var shadow = false
    var outline = false
    var trim = false
    var output: String
    var resultFormat: ResultFormat?
    var outputFormat: String?
    var quality: Int?

    var outputs: [String] { [output] }

    func run() throws(JobError) {
        let picture = try JobIO.picture(image).image
        let mask: Mask
        do {
            switch matte {
            case .matte(let path), .mask(let path):
                mask = try Matte.read(bytes: try JobIO.pictureBytes(path, what: "matte"), source: JobIO.source(path))
            case .result(let path):
                mask = try Matte.read(from: try JobIO.result(path, format: resultFormat), source: path)
            }
        } catch let error as JobError {
            throw error
        } catch let error as LimnError {
            throw JobError(error)
        } catch {
            throw JobError("\(error)")
        }
        var options = CutoutOptions(background: try Self.background(background, picture: picture))
        if shadow { options.shadow = .init() }
        if outline { options.outline = .init() }
        options.trim = trim
        let cut: Image
        do { cut = try Cutout.make(picture: picture, matte: mask, options: options) } catch { throw JobError(error) }
        try JobIO.write(cut, to: output, as: try JobIO.encoding(for: output, format: outputFormat, quality: quality))
    }

    /// The words that name a kind of background rather than a picture file.
    static let backgroundKeywords: Set<String> = ["none", "transparent", "blur", "blurred", "checkerboard", "checker", "gradient"]

    /// True when `word` names a background that is not a file: a keyword, a gradient, a color.
    static func namesBackgroundKind(_ word: String) -> Bool {
        backgroundKeywords.contains(word.lowercased()) || word.lowercased().hasPrefix("gradient:") || Choices.color(word) != nil
    }

    /// `none`, `blur`, `checkerboard`, `gradient` (or `gradient:#from,#to`), a color, or a picture file.
    static func background(_ word: String, picture: Image) throws(JobError) -> CutoutOptions.Background {
        switch word.lowercased() {
        case "none", "transparent": return .none
        case "blur", "blurred": return .blurredOriginal(sigma: max(8, Double(max(picture.width, picture.height)) / 60))
        case "checkerboard", "checker": return .checkerboard
        case "gradient": return .gradient(from: Pixel(r: 238, g: 242, b: 250), to: Pixel(r: 150, g: 170, b: 205), angle: 90)
        default: break
        }
        if word.lowercased().hasPrefix("gradient:") {
            let colors = word.dropFirst("gradient:".count).split(separator: ",").compactMap { Choices.color(String($0)) }
            guard colors.count == 2 else { throw JobError("background \"\(word)\": a gradient is gradient:#from,#to (e.g. gradient:#ffffff,#336699).") }
            return .gradient(from: colors[0], to: colors[1], angle: 90)
        }
        if let color = Choices.color(word) { return .color(color) }
        guard FileManager.default.fileExists(atPath: word) else {
            throw JobError("background \"\(word)\" is not none, blur, checkerboard, gradient, a color (#rrggbb, white, …) or a picture file.")
        }
        return .image(try JobIO.picture(word).image, mode: .fill())
    }
}
