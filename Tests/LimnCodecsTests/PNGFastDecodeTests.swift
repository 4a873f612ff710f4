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

    /// What libpng refuses, this path must not accept: IDAT chunks that are not one run, an
    /// unknown critical chunk. (Both files decode here only if libpng decodes them.)
    @Test func filesLibpngRefusesAreNotAcceptedHere() throws {
        var rows: [UInt8] = []
        for y in 0..<6 {
            rows.append(0)  // filter type None
            for k in 0..<15 { rows.append(UInt8((k * 17 + y * 5) % 256)) }
        }
        let stream = zlibStored(rows)
        let ihdr = chunk("IHDR", [0, 0, 0, 5, 0, 0, 0, 6, 8, 2, 0, 0, 0])
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let half = stream.count / 2
        let good = signature + ihdr + chunk("IDAT", Array(stream)) + chunk("IEND", [])
        let split =
            signature + ihdr + chunk("IDAT", Array(stream[..<half])) + chunk("tEXt", Array("a\u{0}b".utf8))
            + chunk("IDAT", Array(stream[half...])) + chunk("IEND", [])
        let critical = signature + ihdr + chunk("ABCD", [1]) + chunk("IDAT", Array(stream)) + chunk("IEND", [])
        #expect(try ImageDecoder.decode(good).image.size == Size(width: 5, height: 6))
        for (name, bytes) in [("split IDAT", split), ("unknown critical chunk", critical)] {
            let libpng = Result { try ImageDecoder.decode(bytes, options: DecodeOptions(tolerateDamage: true)).image }
            let here = Result { try ImageDecoder.decode(bytes).image }
            switch (libpng, here) {
            case (.success(let a), .success(let b)): #expect(a == b, "\(name)")
            case (.failure, .failure): break
            default: Issue.record("\(name): libpng \(libpng), this path \(here)")
            }
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
