import Foundation
import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

/// Optimized Huffman tables and progressive scans: the same pixels as the plain file in fewer
/// bytes, and the bytes cjpeg makes with the same settings.
@Suite struct JPEGEncodeOptionsTests {
    static let picture = Patterns.shapes(width: 301, height: 217)

    static func encoded(_ image: Image, _ options: JPEGOptions) throws -> [UInt8] { try image.encoded(as: .jpeg(options)) }

    @Test(arguments: JPEGOptions.Subsampling.allCases)
    func optimizedTablesKeepThePixelsInFewerBytes(subsampling: JPEGOptions.Subsampling) throws {
        let plain = try Self.encoded(Self.picture, JPEGOptions(quality: 85, subsampling: subsampling))
        let optimized = try Self.encoded(Self.picture, JPEGOptions(quality: 85, subsampling: subsampling, optimizeCoding: true))
        let progressive = try Self.encoded(Self.picture, JPEGOptions(quality: 85, subsampling: subsampling, progressive: true))
        let both = try Self.encoded(
            Self.picture, JPEGOptions(quality: 85, subsampling: subsampling, progressive: true, optimizeCoding: true))
        #expect(optimized.count < plain.count, "\(optimized.count) vs \(plain.count)")
        #expect(progressive != plain && both.count < plain.count)
        let pixels = try ImageDecoder.decode(plain).image
        for (name, bytes) in [("optimized", optimized), ("progressive", progressive), ("both", both)] {
            #expect(try ImageDecoder.decode(bytes).image == pixels, "\(name)")
        }
    }

    @Test func aMaskEncodesAsAnOptimizedGrayJPEG() throws {
        var mask = Mask(width: 90, height: 40)
        for y in 0..<40 { for x in 0..<90 { mask[x, y] = UInt8((x * 3 + y * 5) % 256) } }
        let plain = try mask.encoded(as: .jpeg(JPEGOptions()))
        let optimized = try mask.encoded(as: .jpeg(JPEGOptions(optimizeCoding: true)))
        #expect(optimized.count < plain.count)
        #expect(try ImageDecoder.info(optimized).colorModel == .gray)
        #expect(try ImageDecoder.decode(optimized).image == (try ImageDecoder.decode(plain).image))
    }

    /// cjpeg reads the same pixels from a PPM and encodes them with the same libjpeg settings.
    @Test(.enabled(if: tool("cjpeg") != nil, "cjpeg is not installed (libjpeg-turbo-progs)"))
    func theBytesAreCjpegs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limn-cjpeg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var ppm = Data("P6\n301 217\n255\n".utf8)
        for y in 0..<217 { for x in 0..<301 { let p = Self.picture[x, y]; ppm.append(contentsOf: [p.r, p.g, p.b]) } }
        let input = folder + "/in.ppm"
        try ppm.write(to: URL(fileURLWithPath: input))
        for (flags, options) in [
            (["-optimize"], JPEGOptions(quality: 85, optimizeCoding: true)),
            (["-optimize", "-progressive"], JPEGOptions(quality: 85, progressive: true, optimizeCoding: true)),
            (["-sample", "1x1", "-optimize"], JPEGOptions(quality: 85, subsampling: .s444, optimizeCoding: true)),
        ] {
            let theirs = [UInt8](try run(tool("cjpeg")!, ["-quality", "85", "-dct", "int"] + flags + [input]))
            let ours = try Self.encoded(Self.picture, options)
            #expect(ours == theirs, "\(flags): \(ours.count) vs cjpeg's \(theirs.count) bytes")
        }
    }
}

/// Baseline JPEGs taller than one strip are encoded in strips on every core and joined with
/// restart markers: the same pixels as a one-piece encode (the optimized-table path encodes in
/// one piece with the same DCT and tables), the same bytes whatever the thread count, and files
/// libjpeg's djpeg reads as Limn does.
@Suite struct JPEGStripTests {
    static func picture(width: Int, height: Int) -> Image {
        var image = Patterns.noise(width: width, height: height, seed: 11, opaque: true)
        // Smooth regions too, where DC prediction matters.
        for y in 0..<height { for x in 0..<min(width, 40) { image[x, y] = Pixel(r: UInt8(y % 256), g: 90, b: UInt8(x * 5)) } }
        return image
    }

    @Test(arguments: JPEGOptions.Subsampling.allCases)
    func stripsDecodeToTheOnePiecePixels(subsampling: JPEGOptions.Subsampling) throws {
        for (width, height) in [(333, 700), (64, 257), (1000, 1024), (17, 4099)] {
            let image = Self.picture(width: width, height: height)
            let striped = try image.encoded(as: .jpeg(JPEGOptions(quality: 80, subsampling: subsampling)))
            let onePiece = try image.encoded(as: .jpeg(JPEGOptions(quality: 80, subsampling: subsampling, optimizeCoding: true)))
            #expect(striped.contains(0xDD), "no DRI segment")
            #expect(
                try ImageDecoder.decode(striped).image == (try ImageDecoder.decode(onePiece).image), "\(subsampling) \(width)x\(height)")
        }
    }

    @Test func theBytesDoNotDependOnTheThreads() throws {
        let image = Self.picture(width: 800, height: 1200)
        let one = try Parallelism.withMaximumThreads(1) { try image.encoded(as: .jpeg(JPEGOptions())) }
        let two = try Parallelism.withMaximumThreads(2) { try image.encoded(as: .jpeg(JPEGOptions())) }
        let eight = try Parallelism.withMaximumThreads(8) { try image.encoded(as: .jpeg(JPEGOptions())) }
        #expect(one == two && two == eight)
        var mask = Mask(width: 300, height: 900)
        for y in 0..<900 { for x in 0..<300 { mask[x, y] = UInt8((x + y * 3) % 256) } }
        let gray = try mask.encoded(as: .jpeg(JPEGOptions()))
        let grayOnePiece = try mask.encoded(as: .jpeg(JPEGOptions(optimizeCoding: true)))
        #expect(try ImageDecoder.decode(gray).image == (try ImageDecoder.decode(grayOnePiece).image))
    }

    @Test(.enabled(if: tool("djpeg") != nil, "djpeg is not installed (libjpeg-turbo-progs)"))
    func djpegReadsTheJoinedFileAsLimnDoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limn-strips-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let image = Self.picture(width: 501, height: 1300)
        let path = folder + "/s.jpg"
        try Data(try image.encoded(as: .jpeg(JPEGOptions(quality: 90)))).write(to: URL(fileURLWithPath: path))
        let theirs = try #require(parseNetpbm(try run(tool("djpeg")!, ["-pnm", path])))
        #expect(theirs == (try ImageDecoder.decode(file: path).image))
    }
}
