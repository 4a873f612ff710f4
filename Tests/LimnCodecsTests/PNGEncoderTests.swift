import Foundation
import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

/// The PNG writer on libdeflate: exact round trips through libpng at every level and shape,
/// the same bytes whatever the thread count, files pngcheck accepts, sizes that follow the levels.
@Suite struct PNGEncoderTests {
    static let levels = PNGOptions.Compression.allCases

    static func pictures() -> [Image] {
        [
            Patterns.noise(width: 97, height: 131, seed: 5, opaque: false), Patterns.gradient(width: 300, height: 200),
            Patterns.checkerAlpha(width: 1, height: 57), Patterns.checkerAlpha(width: 61, height: 1),
            Image(width: 1, height: 1, fill: Pixel(r: 1, g: 2, b: 3, a: 4)),
            // Over 1 MiB of filtered rows: bands whose Adler-32s are combined (libpng checks it).
            Patterns.noise(width: 700, height: 520, seed: 3, opaque: false),
        ]
    }

    @Test(arguments: levels)
    func everyLevelRoundTripsExactly(level: PNGOptions.Compression) throws {
        for picture in Self.pictures() {
            let bytes = try picture.encoded(as: .png(PNGOptions(compression: level)))
            let back = try ImageDecoder.decode(bytes).image
            #expect(back == picture, "\(level), \(picture.size)")
            #expect(back.isOpaque == picture.isOpaque)
        }
        var mask = Mask(width: 33, height: 17)
        for y in 0..<17 { for x in 0..<33 { mask[x, y] = UInt8((x * 7 + y * 13) % 256) } }
        let gray = try mask.encoded(as: .png(PNGOptions(compression: level)))
        #expect(try ImageDecoder.info(gray).colorModel == .gray)
        let back = try ImageDecoder.decode(gray).image
        var same = true
        for y in 0..<17 { for x in 0..<33 where back[x, y] != Pixel(r: mask[x, y], g: mask[x, y], b: mask[x, y], a: 255) { same = false } }
        #expect(same, "\(level): the gray mask comes back")
    }

    @Test func theBytesDoNotDependOnTheThreads() throws {
        let big = Patterns.noise(width: 640, height: 900, seed: 9, opaque: true)
        for level in [PNGOptions.Compression.fast, .balanced] {
            let one = try Parallelism.withMaximumThreads(1) { try big.encoded(as: .png(PNGOptions(compression: level))) }
            let two = try Parallelism.withMaximumThreads(2) { try big.encoded(as: .png(PNGOptions(compression: level))) }
            let eight = try Parallelism.withMaximumThreads(8) { try big.encoded(as: .png(PNGOptions(compression: level))) }
            #expect(one == two && two == eight, "\(level)")
        }
    }

    /// Smaller with each level on a drawn street scene and a gradient; the per-row filter choice
    /// is a heuristic, so `compact` (best of five) may lose to `balanced` (Paeth) by a hair.
    @Test func sizesFollowTheLevels() throws {
        let scene = try ImageDecoder.decode(file: RepositoryPaths.testImages + "/scene/street.png").image
        for picture in [scene, Patterns.gradient(width: 400, height: 300)] {
            let sizes = try Self.levels.map { try picture.encoded(as: .png(PNGOptions(compression: $0))).count }
            #expect(sizes[3] <= sizes[2] && sizes[2] <= sizes[0] && sizes[1] <= sizes[0], "\(sizes)")
            #expect(Double(sizes[2]) <= Double(sizes[1]) * 1.01, "\(sizes)")
        }
    }

    @Test(.enabled(if: tool("pngcheck") != nil, "pngcheck is not installed"))
    func pngcheckAcceptsEveryLevel() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limn-png-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Over 1 MiB compressed: several IDAT chunks.
        let big = Patterns.noise(width: 800, height: 700, seed: 2, opaque: false)
        for level in Self.levels {
            let path = folder + "/\(level).png"
            try Data(try big.encoded(as: .png(PNGOptions(compression: level)))).write(to: URL(fileURLWithPath: path))
            let out = String(decoding: try run(tool("pngcheck")!, ["-v", path]), as: UTF8.self)
            #expect(out.contains("No errors"), "\(level): \(out.suffix(300))")
        }
    }
}

/// Indexed output: at most 256 colors give a palette at the smallest bit depth, exact, with
/// `tRNS` for transparency; more colors fall back to RGB/RGBA.
@Suite struct PNGPaletteTests {
    static func flat(colors: Int, alpha: Bool, width: Int = 37, height: Int = 23) -> Image {
        var image = Image(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let k = (x / 3 + y * 5) % colors
                image[x, y] = Pixel(
                    r: UInt8(k * 37 % 256), g: UInt8(k * 91 % 256), b: UInt8(k * 13 % 256), a: alpha && k % 3 == 0 ? 90 : 255)
            }
        }
        image.recomputeOpacity()
        return image
    }

    @Test(arguments: [(2, 1), (4, 2), (16, 4), (200, 8), (256, 8)])
    func fewColorsGiveAPaletteAtTheSmallestDepth(colors: Int, bits: Int) throws {
        for alpha in [false, true] {
            let picture = Self.flat(colors: colors, alpha: alpha)
            for level in PNGOptions.Compression.allCases {
                let bytes = try picture.encoded(as: .png(PNGOptions(compression: level, palette: true)))
                let info = try ImageDecoder.info(bytes)
                #expect(info.colorModel == .palette && info.bitDepth == bits, "\(colors) colors: \(info.sampleDescription)")
                #expect(try ImageDecoder.decode(bytes).image == picture, "\(colors) colors, alpha \(alpha), \(level)")
            }
            // Smaller, unless the palette itself outweighs the saving (a tiny picture with 200+ colors).
            if colors <= 16 {
                #expect(try picture.encoded(as: .png(PNGOptions(palette: true))).count < (try picture.encoded(as: .png())).count)
            }
        }
    }

    @Test func moreColorsFallBackToRGB() throws {
        let picture = Patterns.noise(width: 40, height: 40, seed: 1, opaque: true)
        let bytes = try picture.encoded(as: .png(PNGOptions(palette: true)))
        #expect(try ImageDecoder.info(bytes).colorModel == .rgb)
        #expect(try ImageDecoder.decode(bytes).image == picture)
    }

    @Test(.enabled(if: tool("pngcheck") != nil, "pngcheck is not installed"))
    func pngcheckAcceptsPalettes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limn-plte-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for colors in [2, 16, 256] {
            let path = folder + "/p\(colors).png"
            try Data(try Self.flat(colors: colors, alpha: true).encoded(as: .png(PNGOptions(palette: true)))).write(
                to: URL(fileURLWithPath: path))
            let out = String(decoding: try run(tool("pngcheck")!, ["-v", path]), as: UTF8.self)
            #expect(out.contains("No errors") && out.contains("PLTE") && out.contains("tRNS"), "\(out.suffix(300))")
        }
    }
}
