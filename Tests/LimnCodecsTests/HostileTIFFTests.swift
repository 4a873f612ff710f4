import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// TIFF headers that lie: a billion strips, directory chains that loop or run on for a hundred
/// thousand pages, a page 60000 × 60000, an ICC tag that is no profile. Each gives a typed error
/// or a bounded answer, allocating nothing beyond the limits.
@Suite struct HostileTIFFTests {
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(v >> (8 * $0) & 0xFF) } }

    /// One IFD at `at` with `entries` (tag, type, count, value), followed by `next`.
    static func ifd(_ entries: [(Int, Int, Int, Int)], next: Int) -> [UInt8] {
        var out = le16(entries.count)
        for (tag, type, count, value) in entries.sorted(by: { $0.0 < $1.0 }) {
            out += le16(tag) + le16(type) + le32(count) + (type == 3 && count == 1 ? le16(value) + [0, 0] : le32(value))
        }
        return out + le32(next)
    }

    /// A valid 8 × 8 gray page's entries, its pixels at `pixels`.
    static func page(pixels: Int, width: Int = 8, height: Int = 8) -> [(Int, Int, Int, Int)] {
        [
            (256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1), (273, 4, 1, pixels), (277, 3, 1, 1),
            (278, 4, 1, height), (279, 4, 1, width * height),
        ]
    }

    @Test func aBillionStripsAreRefused() throws {
        // StripOffsets and StripByteCounts each claim 10^9 LONGs at offset 8: 4 GB of arrays in a 200-byte file.
        var entries = Self.page(pixels: 8)
        entries = entries.map { $0.0 == 273 || $0.0 == 279 ? ($0.0, 4, 1_000_000_000, 8) : $0 }
        entries = entries.map { $0.0 == 278 ? (278, 4, 1, 1) : $0 }
        let tiff = [0x49, 0x49, 42, 0] + Self.le32(8 + 64) + [UInt8](repeating: 7, count: 64) + Self.ifd(entries, next: 0)
        #expect(throws: CodecError.self) { try ImageDecoder.decode(tiff, source: "strips.tif") }
    }

    @Test func aDirectoryChainThatLoopsEnds() throws {
        // IFD0 → IFD1 → IFD0 → …
        let first = 8 + 64
        let second = first + 2 + 9 * 12 + 4
        var tiff: [UInt8] = [0x49, 0x49, 42, 0] + Self.le32(first) + [UInt8](repeating: 100, count: 64)
        tiff += Self.ifd(Self.page(pixels: 8), next: second) + Self.ifd(Self.page(pixels: 8), next: first)
        let info = try ImageDecoder.info(tiff, source: "loop.tif")
        #expect(info.pageCount == 2, "the loop is cut where it comes back")
        #expect(try ImageDecoder.decode(tiff).image.size == Size(width: 8, height: 8))
        #expect(throws: CodecError.self) { try ImageDecoder.decode(tiff, options: DecodeOptions(page: 5)) }
    }

    @Test func aHundredThousandPagesAreCountedWithoutHanging() throws {
        let pages = 100_000
        let size = 2 + 9 * 12 + 4
        var tiff: [UInt8] = [0x49, 0x49, 42, 0] + Self.le32(8 + 64) + [UInt8](repeating: 50, count: 64)
        tiff.reserveCapacity(tiff.count + pages * size)
        for k in 0..<pages {
            let at = 8 + 64 + k * size
            tiff += Self.ifd(Self.page(pixels: 8), next: k == pages - 1 ? 0 : at + size)
        }
        let info = try? ImageDecoder.info(tiff, source: "pages.tif")
        // Either an answer or a typed error; and the first page decodes.
        if let info { #expect(info.pageCount ?? 0 >= 1) }
        #expect(try ImageDecoder.decode(tiff).image.size == Size(width: 8, height: 8))
    }

    @Test func aPage60000Squared() throws {
        let entries = Self.page(pixels: 8, width: 60000, height: 60000)
        let tiff = [0x49, 0x49, 42, 0] + Self.le32(8 + 64) + [UInt8](repeating: 7, count: 64) + Self.ifd(entries, next: 0)
        #expect(try ImageDecoder.info(tiff).size == Size(width: 60000, height: 60000))
        do {
            _ = try ImageDecoder.decode(tiff, source: "huge.tif")
            Issue.record("a 60000 × 60000 page was decoded")
        } catch {
            guard case .tooLarge? = error as? CodecError else { Issue.record("\(error)"); return }
        }
    }

    @Test func anICCTagThatIsNoProfile() throws {
        var samples: [UInt8] = []
        for k in 0..<(6 * 4) { samples += [UInt8(k * 9 % 256), 40, 200] }
        let tiff = TIFFWriter.encode(width: 6, height: 4, samples: samples, cmyk: false, iccProfile: Array(repeating: 0x41, count: 200))
        #expect(throws: CodecError.self) { try ImageDecoder.decode(tiff, source: "bad-icc.tif") }
        let tolerated = try ImageDecoder.decode(tiff, options: DecodeOptions(tolerateDamage: true)).image
        #expect(tolerated[1, 0] == Pixel(r: 9, g: 40, b: 200, a: 255), "taken as sRGB, as browsers take it")
    }
}
