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
