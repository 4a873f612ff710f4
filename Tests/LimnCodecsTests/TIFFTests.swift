import Foundation
import Limn
import LimnCodecs
import LimnTestSupport
import Testing

/// TIFF through libtiff, on files libtiff's own tools make (raw2tiff, tiffcp, tiffset,
/// tiffmedian, tiff2bw, tiffdither) from pixels the test knows, and against tiff2rgba.
@Suite(.enabled(if: tool("raw2tiff") != nil && tool("tiffcp") != nil, "libtiff's tools are not installed (apt: libtiff-tools)"))
struct TIFFTests {
    static let width = 37, height = 23

    /// The known pixels: RGB, and an alpha for the 4-sample files.
    static func pixel(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8, UInt8) {
        (UInt8((x * 7) % 256), UInt8((y * 11) % 256), UInt8((x * y) % 256), UInt8((x * 9 + y * 5) % 256))
    }

    final class Folder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("limn-tiff-\(UUID().uuidString)").path
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        subscript(_ name: String) -> String { path + "/" + name }
    }

    /// An uncompressed RGB (or RGBA, `bands` 4) TIFF of the known pixels, by raw2tiff.
    static func base(_ folder: Folder, bands: Int) throws -> String {
        var raw: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                let (r, g, b, a) = pixel(x, y)
                raw += bands == 4 ? [r, g, b, a] : [r, g, b]
            }
        }
        try Data(raw).write(to: URL(fileURLWithPath: folder["raw"]))
        let out = folder["base\(bands).tif"]
        _ = try run(
            tool("raw2tiff")!,
            [
                "-w", "\(width)", "-l", "\(height)", "-b", "\(bands)", "-d", "byte", "-c", "none", "-p", "rgb",
                folder["raw"], out,
            ])
        return out
    }

    func decode(_ path: String, options: DecodeOptions = .default) throws -> DecodedImage {
        try ImageDecoder.decode(file: path, options: options)
    }

    @Test(arguments: [
        ["-c", "none"], ["-c", "lzw"], ["-c", "zip"], ["-c", "packbits"], ["-c", "lzw", "-t", "-w", "16", "-l", "16"],
        ["-c", "zip", "-r", "5"], ["-c", "none", "-p", "separate"],
    ])
    func losslessVariantsGiveTheKnownPixels(arguments: [String]) throws {
        let folder = try Folder()
        let file = folder["variant.tif"]
        _ = try run(tool("tiffcp")!, arguments + [try Self.base(folder, bands: 3), file])
        let decoded = try decode(file)
        #expect(decoded.info.format == .tiff && decoded.image.size == Size(width: Self.width, height: Self.height))
        var differing = 0
        for y in 0..<Self.height {
            for x in 0..<Self.width {
                let (r, g, b, _) = Self.pixel(x, y)
                if decoded.image[x, y] != Pixel(r: r, g: g, b: b) { differing += 1 }
            }
        }
        #expect(differing == 0, "\(arguments): \(differing) pixels differ")
        #expect(decoded.image.isOpaque)
    }

    /// Every other variant against tiff2rgba's raster of the same file (written uncompressed
    /// RGBA, which is then read back).
    @Test(arguments: ["jpeg", "palette", "gray", "bilevel", "unassociated-alpha", "16-bit"])
    func theReferenceToolAgrees(variant: String) throws {
        let folder = try Folder()
        let rgb = try Self.base(folder, bands: 3)
        let file = folder["\(variant).tif"]
        switch variant {
        case "jpeg": _ = try run(tool("tiffcp")!, ["-c", "jpeg", rgb, file])
        case "palette": _ = try run(tool("tiffmedian")!, [rgb, file])
        case "gray": _ = try run(tool("tiff2bw")!, [rgb, file])
        case "bilevel":
            _ = try run(tool("tiff2bw")!, [rgb, folder["g.tif"]])
            _ = try run(tool("tiffdither")!, [folder["g.tif"], file])
        case "unassociated-alpha":
            _ = try run(tool("tiffcp")!, ["-c", "lzw", try Self.base(folder, bands: 4), file])
            _ = try run(tool("tiffset")!, ["-s", "338", "1", "2", file])
        default:
            // Little-endian 16-bit gray.
            var raw: [UInt8] = []
            for y in 0..<Self.height { for x in 0..<Self.width { raw += [UInt8(x * 5 % 256), UInt8(y * 3 % 256)] } }
            try Data(raw).write(to: URL(fileURLWithPath: folder["raw16"]))
            _ = try run(
                tool("raw2tiff")!,
                [
                    "-w", "\(Self.width)", "-l", "\(Self.height)", "-b", "1", "-d", "short", "-c", "none",
                    "-p", "minisblack", folder["raw16"], file,
                ])
        }
        _ = try run(tool("tiff2rgba")!, ["-c", "none", file, folder["reference.tif"]])
        let ours = try decode(file).image, reference = try decode(folder["reference.tif"]).image
        #expect(ours.size == reference.size)
        #expect(ours == reference, "\(variant) differs from tiff2rgba")
        if variant == "unassociated-alpha" {
            let info = try ImageDecoder.info(file: file)
            #expect(!ours.isOpaque && info.hasAlpha)
            // Straight alpha comes back within premultiplied 8-bit precision of the known pixels.
            let (r, _, _, a) = Self.pixel(30, 20)
            let p = ours[30, 20]
            #expect(p.a == a && abs(Int(p.r) - Int(r)) <= 255 / max(Int(a), 1) + 1, "\(p)")
        }
    }

    @Test func theOrientationTagIsHonouredLikeEXIF() throws {
        let folder = try Folder()
        let base = try Self.base(folder, bands: 3)
        let upright = try decode(base).image
        for o in 2...8 {
            let file = folder["o\(o).tif"]
            _ = try run(tool("tiffcp")!, [base, file])
            _ = try run(tool("tiffset")!, ["-s", "274", "\(o)", file])
            let orientation = try #require(Orientation(rawValue: o))
            let stored = try decode(file, options: DecodeOptions(applyOrientation: false))
            #expect(stored.info.orientation == orientation)
            #expect(stored.image == upright, "orientation \(o): the stored pixels as the file holds them")
            let turned = try decode(file).image
            #expect(turned == upright.applyingOrientation(orientation), "orientation \(o)")
        }
    }

    @Test func aFileWhoseDirectoryFollowsThePixelsIsDescribed() throws {
        // libtiff's tools (and libvips) write the directory after the pixels: 720 KB of them
        // here, past the first part of the file that `info` reads for other formats.
        let folder = try Folder()
        let w = 600, h = 400
        try Data((0..<w * h * 3).map { UInt8($0 % 251) }).write(to: URL(fileURLWithPath: folder["raw"]))
        _ = try run(
            tool("raw2tiff")!,
            [
                "-w", "\(w)", "-l", "\(h)", "-b", "3", "-d", "byte", "-c", "none", "-p", "rgb", folder["raw"],
                folder["big.tif"],
            ])
        #expect(try ImageDecoder.info(file: folder["big.tif"]).size == Size(width: w, height: h))
        let thumbnails = try Thumbnail.make(fromFile: folder["big.tif"], sizes: [Size(width: 60, height: 40)], crop: .none)
        #expect(thumbnails.first?.size == Size(width: 60, height: 40))
    }

    @Test func pagesAreCountedAndChosen() throws {
        let folder = try Folder()
        let rgb = try Self.base(folder, bands: 3)
        _ = try run(tool("tiff2bw")!, [rgb, folder["gray.tif"]])
        _ = try run(tool("tiffcp")!, [rgb, folder["gray.tif"], folder["two.tif"]])
        #expect(try ImageDecoder.info(file: folder["two.tif"]).pageCount == 2)
        let first = try decode(folder["two.tif"]).image, second = try decode(folder["two.tif"], options: DecodeOptions(page: 1)).image
        #expect(first == (try decode(rgb).image))
        #expect(second == (try decode(folder["gray.tif"]).image))
        #expect(throws: CodecError.self) { try decode(folder["two.tif"], options: DecodeOptions(page: 2)) }
    }

    @Test func brokenAndHostileFilesFailCleanly() throws {
        let folder = try Folder()
        let file = folder["lzw.tif"]
        _ = try run(tool("tiffcp")!, ["-c", "lzw", try Self.base(folder, bands: 3), file])
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        for length in stride(from: 0, to: good.count, by: 97) {
            #expect(throws: CodecError.self) { try ImageDecoder.decode(Array(good.prefix(length))) }
        }
        var rng = SplitMix(seed: 3)
        for _ in 0..<300 {
            var flipped = good
            let at = Int(rng.next() % UInt64(flipped.count))
            flipped[at] ^= UInt8(1 << (rng.next() % 8))
            if let image = try? ImageDecoder.decode(flipped).image { #expect(!image.isEmpty) }
        }
        // A header claiming 60000x60000: refused before any pixel memory.
        let huge = folder["huge.tif"]
        try Data(good).write(to: URL(fileURLWithPath: huge))
        _ = try run(tool("tiffset")!, ["-s", "256", "60000", huge])
        _ = try run(tool("tiffset")!, ["-s", "257", "60000", huge])
        do {
            _ = try decode(huge)
            Issue.record("a 60000x60000 header decoded")
        } catch let error as CodecError {
            switch error {
            case .tooLarge, .corrupt, .truncated: break
            default: Issue.record("\(error)")
            }
        }
    }
}
