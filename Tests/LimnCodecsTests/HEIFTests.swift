import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// HEIC and AVIF through libheif, on files libheif's own heif-enc makes from pictures the test
/// writes, against the pictures (lossless) and heif-convert (lossy).
@Suite(.enabled(if: tool("heif-enc") != nil && tool("heif-convert") != nil, "libheif's tools are not installed (apt: libheif-examples)"))
struct HEIFTests {
    final class Folder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("limn-heif-\(UUID().uuidString)").path
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        subscript(_ name: String) -> String { path + "/" + name }
    }

    /// `image` written as PNG and encoded by heif-enc with `arguments`; the encoded file's path.
    static func encode(_ image: Image, _ name: String, _ arguments: [String], in folder: Folder) throws -> String {
        try Data(try image.encoded(as: .png(PNGOptions()))).write(to: URL(fileURLWithPath: folder["source.png"]))
        _ = try run(tool("heif-enc")!, arguments + ["-o", folder[name], folder["source.png"]])
        return folder[name]
    }

    @Test(arguments: ["a.heic", "a.avif"])
    func losslessFilesGiveThePictureBack(name: String) throws {
        let folder = try Folder()
        let picture = Patterns.gradient(width: 64, height: 48)
        // Lossless as heif-enc makes it: 4:4:4 in the identity matrix (RGB as it is).
        let file = try Self.encode(picture, name, ["-L", "-p", "chroma=444", "--matrix_coefficients=0"], in: folder)
        _ = try run(tool("heif-convert")!, [file, folder["reference.png"]])
        let decoded = try ImageDecoder.decode(file: file)
        #expect(decoded.info.format == (name.hasSuffix("avif") ? .avif : .heic))
        #expect(decoded.image.size == picture.size && decoded.image.isOpaque)
        var worst = 0
        for y in 0..<48 {
            for x in 0..<64 {
                let a = decoded.image[x, y], b = picture[x, y]
                worst = max(worst, abs(Int(a.r) - Int(b.r)), abs(Int(a.g) - Int(b.g)), abs(Int(a.b) - Int(b.b)))
            }
        }
        // libheif's own RGB conversion rounds by up to one level; ours is its decode, exactly.
        #expect(worst <= 1, "\(name): lossless differs by up to \(worst)")
        #expect(decoded.image == (try ImageDecoder.decode(file: folder["reference.png"]).image))
    }

    @Test(arguments: [("a.heic", false), ("a.avif", false), ("alpha.heic", true), ("alpha.avif", true)])
    func lossyFilesMatchHeifConvert(name: String, alpha: Bool) throws {
        let folder = try Folder()
        let picture = alpha ? Patterns.checkerAlpha(width: 61, height: 45) : Patterns.noise(width: 61, height: 45, opaque: true)
        let file = try Self.encode(picture, name, ["-q", "70"], in: folder)
        _ = try run(tool("heif-convert")!, [file, folder["reference.png"]])
        let ours = try ImageDecoder.decode(file: file).image
        let reference = try ImageDecoder.decode(file: folder["reference.png"]).image
        #expect(ours.size == reference.size)
        #expect(ours == reference, "\(name) differs from heif-convert")
        #expect(try ImageDecoder.info(file: file).hasAlpha == alpha)
        #expect(ours.isOpaque == !alpha)
    }

    @Test func brokenFilesAndLimitsFailCleanly() throws {
        let folder = try Folder()
        let file = try Self.encode(Patterns.gradient(width: 40, height: 30), "a.heic", ["-q", "60"], in: folder)
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        for length in stride(from: 0, to: good.count, by: 41) {
            #expect(throws: CodecError.self) { try ImageDecoder.decode(Array(good.prefix(length))) }
        }
        var rng = SplitMix(seed: 9)
        for _ in 0..<200 {
            var flipped = good
            let at = Int(rng.next() % UInt64(flipped.count))
            flipped[at] ^= UInt8(1 << (rng.next() % 8))
            if let image = try? ImageDecoder.decode(flipped).image { #expect(!image.isEmpty) }
        }
        do {
            _ = try ImageDecoder.decode(good, options: DecodeOptions(limits: DecodeLimits(maxPixels: 1000)))
            Issue.record("the limit was not checked")
        } catch let error as CodecError {
            guard case .tooLarge(_, .heic, 40, 30, _) = error else { Issue.record("\(error)"); return }
        }
    }
}

/// `irot` and `imir` applied as libheif applies them, on lossless AVIFs libavif's avifenc
/// writes with those boxes (heif-enc cannot write them).
@Suite(
    .enabled(
        if: tool("avifenc") != nil && tool("heif-convert") != nil,
        "avifenc or heif-convert is not installed (apt: libavif-bin, libheif-examples)"))
struct HEIFTransformTests {
    static let picture = Patterns.orientationBlocks()

    /// (avifenc arguments, the picture as it should come out).
    static let cases: [([String], String)] = [
        (["--irot", "1"], "irot 1: 90° anticlockwise"), (["--irot", "2"], "irot 2: 180°"), (["--irot", "3"], "irot 3: 270° anticlockwise"),
        (["--imir", "0"], "imir 0"), (["--imir", "1"], "imir 1"), (["--irot", "1", "--imir", "0"], "irot 1 then imir 0"),
    ]

    static func expected(_ arguments: [String]) -> Image {
        var image = picture
        var k = 0
        while k < arguments.count {
            let value = Int(arguments[k + 1])!
            if arguments[k] == "--irot" {
                image = [image, image.rotated(.threeQuarters), image.rotated(.half), image.rotated(.quarter)][value]
            } else {
                // imir 0 mirrors top and bottom, 1 left and right (libheif's and libavif's reading
                // of the box; avifenc: "0=top-to-bottom, 1=left-to-right").
                image = image.flipped(value == 0 ? .vertical : .horizontal)
            }
            k += 2
        }
        return image
    }

    @Test(arguments: cases)
    func transformsAreApplied(arguments: [String], what: String) throws {
        let folder = try HEIFTests.Folder()
        try Data(try Self.picture.encoded(as: .png())).write(to: URL(fileURLWithPath: folder["source.png"]))
        _ = try run(tool("avifenc")!, ["-l"] + arguments + [folder["source.png"], folder["t.avif"]])
        _ = try run(tool("heif-convert")!, [folder["t.avif"], folder["reference.png"]])
        let decoded = try ImageDecoder.decode(file: folder["t.avif"])
        let reference = try ImageDecoder.decode(file: folder["reference.png"]).image
        #expect(decoded.image == reference, "\(what): as heif-convert shows it")
        #expect(decoded.image == Self.expected(arguments), "\(what): as the specification turns it")
        #expect(try ImageDecoder.info(file: folder["t.avif"]).size == decoded.image.size, "info gives the turned size")
    }
}
