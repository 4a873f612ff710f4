import Foundation
import Limn

/// A subject cut out along a matte and placed on a background (see `limn cutout`).
struct CutoutJob {
    enum MatteSource {
        case matte(String)
        case mask(String)
        case result(String)
    }

    /// What goes behind the subject, as parsed from its word (a picture file is read when the job runs).
    enum Background: Equatable {
        case none, blur, checkerboard
        case gradient(from: Pixel, to: Pixel)
        case color(Pixel)
        case picture(String)
    }

    var image: String
    var matte: MatteSource
    var background = Background.none
    var shadow = false
    var outline = false
    var trim = false
    var output: String
    var encoding: EncodeFormat
    var resultFormat: ResultFormat?
    /// The instances of a result with masks that make the matte.
    var instances: InstanceChoice = .all
    /// The picture of a COCO file; nil: the one named like ``image``, else the file's only one.
    var resultPicture: PictureSelector? = nil
    /// EXIF and XMP go to the output (the default: the subject is still the camera's picture).
    var keepMetadata = true
    var keepProfile = false

    var outputs: [String] { [output] }

    func run() throws(JobError) {
        // The picture and the matte are decoded at once, on two cores; the picture is held once,
        // so the cutout is made in it.
        let picked = resultPicture ?? (image == "-" ? nil : .matching(image))
        let ((picture, metadata, geometry), coverage) = try JobIO.alongside(
            { [matte, resultFormat] () throws(JobError) in try Self.readMatte(matte, resultFormat: resultFormat, picture: picked) },
            { () throws(JobError) in
                let decoded = try JobIO.picture(image, keepProfile: keepProfile)
                return (decoded.image, OutputMetadata(from: decoded, keep: keepMetadata), decoded.geometry)
            })
        let mask: Mask
        switch coverage {
        case .matte(let m): mask = m
        case .instances(let analysis, let source):
            do { mask = try Matte.mask(from: analysis, picture: geometry, instances: instances, source: source) } catch {
                throw JobError(error)
            }
        }
        var options = CutoutOptions(background: try background.options(for: picture))
        if shadow { options.shadow = .init() }
        if outline { options.outline = .init() }
        options.trim = trim
        let cut: Image
        do { cut = try Cutout.make(picture: consume picture, matte: consume mask, options: options) } catch { throw JobError(error) }
        try JobIO.write(cut, to: output, as: encoding, metadata: metadata)
    }

    /// A matte as read: coverage already, or a result's instance masks, rasterized once the
    /// picture's geometry is known.
    enum Coverage {
        case matte(Mask)
        case instances(Analysis, source: String)
    }

    static func readMatte(_ matte: MatteSource, resultFormat: ResultFormat?, picture: PictureSelector? = nil) throws(JobError) -> Coverage {
        do {
            switch matte {
            case .matte(let path), .mask(let path):
                return .matte(try Matte.read(bytes: try JobIO.pictureBytes(path, what: "matte"), source: JobIO.source(path)))
            case .result(let path):
                let analysis = try JobIO.result(path, format: resultFormat, picture: picture)
                if analysis.encodedMattes.isEmpty, analysis.regions.contains(where: { $0.mask != nil }) {
                    return .instances(analysis, source: path)
                }
                return .matte(try Matte.read(from: analysis, source: path))
            }
        } catch let error as JobError {
            throw error
        } catch let error as LimnError {
            throw JobError(error)
        } catch {
            throw JobError("\(error)")
        }
    }

    /// The words that name a kind of background rather than a picture file.
    static let backgroundKeywords: Set<String> = ["none", "transparent", "blur", "blurred", "checkerboard", "checker", "gradient"]

    /// True when `word` names a background that is not a file: a keyword, a gradient, a color.
    static func namesBackgroundKind(_ word: String) -> Bool {
        backgroundKeywords.contains(word.lowercased()) || word.lowercased().hasPrefix("gradient:") || Choices.color(word) != nil
    }

    /// `none`, `blur`, `checkerboard`, `gradient` (or `gradient:#from,#to`), a color, or a
    /// picture file (which must exist).
    static func background(_ word: String) throws(JobError) -> Background {
        switch word.lowercased() {
        case "none", "transparent": return .none
        case "blur", "blurred": return .blur
        case "checkerboard", "checker": return .checkerboard
        case "gradient": return .gradient(from: Pixel(r: 238, g: 242, b: 250), to: Pixel(r: 150, g: 170, b: 205))
        default: break
        }
        if word.lowercased().hasPrefix("gradient:") {
            let colors = word.dropFirst("gradient:".count).split(separator: ",").compactMap { Choices.color(String($0)) }
            guard colors.count == 2 else {
                throw JobError("background \"\(word)\": a gradient is gradient:#from,#to (e.g. gradient:#ffffff,#336699).")
            }
            return .gradient(from: colors[0], to: colors[1])
        }
        if let color = Choices.color(word) { return .color(color) }
        guard FileManager.default.fileExists(atPath: word) else {
            throw JobError(
                "background \"\(word)\" is not none, blur, checkerboard, gradient, a color (#rrggbb, white, …) or a picture file.")
        }
        return .picture(word)
    }
}

extension CutoutJob.Background {
    /// The recipe's background for `picture` (a blur's strength follows its size; a picture file is read now).
    func options(for picture: Image) throws(JobError) -> CutoutOptions.Background {
        switch self {
        case .none: return .none
        case .blur: return .blurredOriginal(sigma: max(8, Double(max(picture.width, picture.height)) / 60))
        case .checkerboard: return .checkerboard
        case let .gradient(from, to): return .gradient(from: from, to: to, angle: 90)
        case .color(let color): return .color(color)
        case .picture(let path): return .image(try JobIO.picture(path).image, mode: .fill())
        }
    }
}
