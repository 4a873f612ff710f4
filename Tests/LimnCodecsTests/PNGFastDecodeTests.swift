import Foundation
import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

/// The libpng-free path for 8-bit gray, RGB and RGBA files gives libpng's pixels (decoding with
/// `tolerateDamage` goes through libpng), and leaves every broken file to libpng's errors.
@Suite struct PNGFastDecodeTests {
    static func bothWays(_ bytes: [UInt8]) throws -> (fast: Image, libpng: Image) {
        let fast = try ImageDecoder.decode(bytes).image
        let libpng = try ImageDecoder.decode(bytes, options: DecodeOptions(tolerateDamage: true)).image
        return (fast, libpng)
    }

    @Test func everyCommittedPNGDecodesAsLibpngDecodesIt() throws {
        let folder = RepositoryPaths.testImages
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".png") && !$0.hasPrefix("broken/") }
        #expect(files.count > 20)
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
            let (fast, libpng) = try Self.bothWays(bytes)
            #expect(fast == libpng && fast.isOpaque == libpng.isOpaque, "\(file)")
        }
    }

    /// Every filter type on every channel count, at widths where a row is shorter than a pixel
    /// lane or ends mid-lane; gray, RGB and RGBA files from Limn's writer at each level and from
    /// the test writer with one filter chosen for every row.
    @Test func everyFilterAndShapeDecodesAsLibpngDecodesIt() throws {
        for (width, height) in [(1, 5), (2, 3), (3, 7), (17, 9), (64, 33)] {
            let rgba = Patterns.noise(width: width, height: height, seed: UInt64(width), opaque: false)
            let rgb = Patterns.noise(width: width, height: height, seed: UInt64(height), opaque: true)
            var gray = Mask(width: width, height: height)
            for y in 0..<height { for x in 0..<width { gray[x, y] = UInt8((x * 29 + y * 7) % 256) } }
            for level in PNGOptions.Compression.allCases {
                for bytes in [
                    try rgba.encoded(as: .png(PNGOptions(compression: level))), try rgb.encoded(as: .png(PNGOptions(compression: level))),
                    try gray.encoded(as: .png(PNGOptions(compression: level))),
                ] {
                    let (fast, libpng) = try Self.bothWays(bytes)
                    #expect(fast == libpng, "\(width)x\(height) \(level)")
                }
            }
        }
    }

    @Test func grayMattesComeStraightIntoAMaskAsLibpngReadsThem() throws {
        for level in PNGOptions.Compression.allCases {
            var gray = Mask(width: 53, height: 31)
            for y in 0..<31 { for x in 0..<53 { gray[x, y] = UInt8((x * x + y * 13) % 256) } }
            let bytes = try gray.encoded(as: .png(PNGOptions(compression: level)))
            let mask = try #require(try bytes.withUnsafeBytes { try ImageDecoder.decodeGray($0) })
            #expect(mask == gray, "\(level)")
            let libpng = try ImageDecoder.decode(bytes, options: DecodeOptions(tolerateDamage: true)).image
            #expect(libpng == Image(gray: gray))
        }
    }

    @Test func brokenFilesKeepLibpngsErrors() throws {
        let picture = Patterns.noise(width: 40, height: 30, seed: 4, opaque: false)
        let good = try picture.encoded(as: .png(PNGOptions(compression: .compact)))
        // A flipped bit in the pixel data (its CRC no longer matches), a cut file, a bad filter byte
        // with a correct CRC: libpng's message each time.
        var flipped = good
        flipped[good.count - 40] ^= 0x10
        for bytes in [flipped, Array(good.prefix(good.count - 30))] {
            #expect(throws: CodecError.self) { try ImageDecoder.decode(bytes) }
        }
        #expect(try ImageDecoder.decode(good).image == picture)
    }
}
