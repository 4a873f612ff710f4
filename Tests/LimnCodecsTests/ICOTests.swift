import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// ICO and CUR: files the test writes byte by byte (DIB entries at every depth, with AND masks,
/// and a PNG entry), decoded against the pixels they were made from.
@Suite struct ICOTests {
    /// A DIB entry of `image` at `bits` per pixel: colors quantised to `palette` for 1-8 bits;
    /// the AND mask set where the source alpha is 0 (and, at 32 bits, alpha written when `alpha`).
    static func dib(_ image: Image, bits: Int, palette: [Pixel] = [], alpha: Bool = true) -> [UInt8] {
        let w = image.width, h = image.height
        var out: [UInt8] = []
        func u16(_ v: Int) { out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) { for s in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> s)) } }
        u32(40); u32(w); u32(2 * h); u16(1); u16(bits); u32(0); u32(0); u32(0); u32(0)
        u32(bits <= 8 ? palette.count : 0); u32(0)
        if bits <= 8 { for p in palette { out += [p.b, p.g, p.r, 0] } }
        let rowBytes = (w * bits + 31) / 32 * 4
        for y in (0..<h).reversed() {
            var row = [UInt8](repeating: 0, count: rowBytes)
            for x in 0..<w {
                let p = image[x, y]
                switch bits {
                case 32: row.replaceSubrange(4 * x..<4 * x + 4, with: [p.b, p.g, p.r, alpha ? p.a : 0])
                case 24: row.replaceSubrange(3 * x..<3 * x + 3, with: [p.b, p.g, p.r])
                default:
                    let index = palette.firstIndex { $0.r == p.r && $0.g == p.g && $0.b == p.b } ?? 0
                    let perByte = 8 / bits
                    row[x / perByte] |= UInt8(index << (8 - bits * (x % perByte + 1)))
                }
            }
            out += row
        }
        let maskBytes = (w + 31) / 32 * 4
        for y in (0..<h).reversed() {
            var row = [UInt8](repeating: 0, count: maskBytes)
            for x in 0..<w where image[x, y].a == 0 { row[x / 8] |= 0x80 >> UInt8(x % 8) }
            out += row
        }
        return out
    }

    /// An ICO (or CUR) directory over `entries` (width, height, bits, data).
    static func ico(_ entries: [(Int, Int, Int, [UInt8])], cursor: Bool = false) -> [UInt8] {
        var out: [UInt8] = [0, 0, cursor ? 2 : 1, 0, UInt8(entries.count), 0]
        var offset = 6 + 16 * entries.count
        for (w, h, bits, data) in entries {
            out += [UInt8(w & 0xFF), UInt8(h & 0xFF), 0, 0, 1, 0, UInt8(bits), 0]
            out += withUnsafeBytes(of: UInt32(data.count).littleEndian, Array.init)
            out += withUnsafeBytes(of: UInt32(offset).littleEndian, Array.init)
            offset += data.count
        }
        for (_, _, _, data) in entries { out += data }
        return out
    }

    /// Opaque colors from `palette` with a clear diagonal band: what every depth can hold exactly.
    static func picture(width: Int, height: Int, palette: [Pixel]) -> Image {
        var image = Image(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                image[x, y] = abs(x - y) < 2 ? .clear : palette[(x / 3 + y / 2) % palette.count]
            }
        }
        return image
    }

    static let palette: [Pixel] = [.black, .white, Pixel(r: 200, g: 20, b: 20), Pixel(r: 20, g: 20, b: 200)]

    @Test(arguments: [1, 4, 8, 24, 32])
    func dibEntriesDecodeToTheirPixelsWithTheMask(bits: Int) throws {
        let colors = bits == 1 ? Array(Self.palette.prefix(2)) : Self.palette
        let image = Self.picture(width: 21, height: 13, palette: colors)
        let file = Self.ico([(21, 13, bits, Self.dib(image, bits: bits, palette: colors))])
        let decoded = try ImageDecoder.decode(file, source: "a.ico")
        #expect(decoded.info.format == .ico)
        #expect(decoded.image == image)
    }

    @Test func the32BitAlphaIsUsedAndAnOldIconWithNoAlphaFallsBackToTheMask() throws {
        var image = Self.picture(width: 16, height: 16, palette: Self.palette)
        image[5, 9] = Pixel(r: 10, g: 200, b: 10, a: 128)  // half transparent: only alpha can say so
        let withAlpha = try ImageDecoder.decode(Self.ico([(16, 16, 32, Self.dib(image, bits: 32))])).image
        #expect(withAlpha == image)
        let old = try ImageDecoder.decode(Self.ico([(16, 16, 32, Self.dib(image, bits: 32, alpha: false))])).image
        #expect(old[5, 9] == Pixel(r: 10, g: 200, b: 10, a: 255) && old[0, 0] == .clear)
    }

    @Test func theLargestEntryIsChosenAndPNGEntriesWork() throws {
        let small = Self.picture(width: 16, height: 16, palette: Self.palette)
        let big = Patterns.checkerAlpha(width: 48, height: 48)
        let png = try big.encoded(as: .png(PNGOptions()))
        let file = Self.ico([(16, 16, 32, Self.dib(small, bits: 32)), (48, 48, 32, png)], cursor: true)
        let info = try ImageDecoder.info(file)
        #expect(info.format == .ico && info.size == Size(width: 48, height: 48))
        #expect(try ImageDecoder.decode(file).image == (try ImageDecoder.decode(png).image))
    }

    @Test func brokenDirectoriesFailCleanly() throws {
        let image = Self.picture(width: 8, height: 8, palette: Self.palette)
        let good = Self.ico([(8, 8, 32, Self.dib(image, bits: 32))])
        // An entry pointing past the end of the file.
        var outside = good
        outside[18] = 0xFF; outside[19] = 0xFF; outside[20] = 0xFF; outside[21] = 0x00
        #expect(throws: CodecError.self) { try ImageDecoder.decode(outside) }
        for length in stride(from: 0, to: good.count, by: 5) {
            #expect(throws: CodecError.self) { try ImageDecoder.decode(Array(good.prefix(length))) }
        }
        var rng = SplitMix(seed: 5)
        for _ in 0..<300 {
            var flipped = good
            let at = Int(rng.next() % UInt64(flipped.count))
            flipped[at] ^= UInt8(1 << (rng.next() % 8))
            if let decoded = try? ImageDecoder.decode(flipped).image { #expect(!decoded.isEmpty) }
        }
        // A DIB declaring 60000 pixels wide: refused by the limits (and never allocated).
        var huge = Self.dib(Image(width: 1, height: 1, fill: .white), bits: 32)
        huge.replaceSubrange(4..<8, with: withUnsafeBytes(of: UInt32(60000).littleEndian, Array.init))
        #expect(throws: CodecError.self) { try ImageDecoder.decode(Self.ico([(0, 1, 32, huge)])) }
    }
}
