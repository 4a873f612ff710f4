import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// GIF through giflib: pictures written by giflib's own encoder, decoded against pixels the
/// test works out independently, and against giflib's `gif2rgb` where it applies.
@Suite struct GIFTests {
    static let palette: [Pixel] = (0..<16).map { (i: Int) -> Pixel in
        let r = UInt8(i * 17), g = UInt8(255 - i * 13), b = UInt8((i * 71) % 256)
        return Pixel(r: r, g: g, b: b)
    }

    /// `width × height` indices of a pattern using every entry of a 16-color table.
    static func indices(width: Int, height: Int, seed: Int = 0) -> [UInt8] {
        (0..<width * height).map { i in UInt8((i % width * 3 + i / width * 5 + seed) % 16) }
    }

    /// What the indices mean: the colors, clear where `transparent`, placed on a clear screen.
    static func expected(screen: Size, frame: GIFWriter.Frame, palette: [Pixel]) -> Image {
        var image = Image(width: screen.width, height: screen.height)
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let index = Int(frame.indices[y * frame.width + x])
                if index == frame.transparentIndex { continue }
                image[frame.left + x, frame.top + y] = index < palette.count ? palette[index] : .black
            }
        }
        return image
    }

    func decode(_ bytes: [UInt8], options: DecodeOptions = .default) throws -> DecodedImage {
        try ImageDecoder.decode(bytes, options: options, source: "t.gif")
    }

    @Test(arguments: [false, true])
    func anOpaqueFrameDecodesToItsColors(interlaced: Bool) throws {
        let frame = GIFWriter.Frame(width: 37, height: 23, indices: Self.indices(width: 37, height: 23), interlaced: interlaced)
        let gif = try #require(GIFWriter(width: 37, height: 23, palette: Self.palette, frames: [frame]).encode())
        let decoded = try decode(gif)
        #expect(decoded.image == Self.expected(screen: Size(width: 37, height: 23), frame: frame, palette: Self.palette))
        #expect(decoded.image.isOpaque)
        let info = try ImageDecoder.info(gif)
        #expect(info.format == .gif && info.size == Size(width: 37, height: 23) && !info.hasAlpha && info.frameCount == 1)
    }

    @Test func transparencyOffsetsAndLocalTablesAreHonoured() throws {
        let local = Self.palette.reversed().map { $0 }
        let frame = GIFWriter.Frame(
            left: 5, top: 3, width: 20, height: 11, indices: Self.indices(width: 20, height: 11, seed: 7),
            palette: local, transparentIndex: 4)
        let gif = try #require(GIFWriter(width: 40, height: 30, palette: Self.palette, frames: [frame]).encode())
        let decoded = try decode(gif)
        let expected = Self.expected(screen: Size(width: 40, height: 30), frame: frame, palette: local)
        #expect(decoded.image == expected)
        #expect(!decoded.image.isOpaque && decoded.image[0, 0] == .clear && decoded.image[39, 29] == .clear)
        #expect(try ImageDecoder.info(gif).hasAlpha)
    }

    @Test func aFrameReachingPastTheScreenIsClippedAndIndicesPastTheColorsAreBlack() throws {
        var indices = Self.indices(width: 10, height: 10)
        indices[0] = 12  // the table has 10 colors, padded with black to 16
        let frame = GIFWriter.Frame(left: 25, top: 25, width: 10, height: 10, indices: indices)
        let gif = try #require(GIFWriter(width: 30, height: 30, palette: Array(Self.palette.prefix(10)), frames: [frame]).encode())
        let image = try decode(gif).image
        #expect(image.size == Size(width: 30, height: 30))
        #expect(image[25, 25] == .black)
        let inside = Int(indices[4 * 10 + 4])
        #expect(image[29, 29] == (inside < 10 ? Self.palette[inside] : .black))
        #expect(image[24, 24] == .clear)
    }

    @Test func anAnimationGivesItsFirstFrameAndInfoCountsTheFrames() throws {
        let frames = (0..<3).map { k in
            GIFWriter.Frame(width: 16, height: 12, indices: Self.indices(width: 16, height: 12, seed: k * 5), delay: 10 * (k + 1))
        }
        let gif = try #require(GIFWriter(width: 16, height: 12, palette: Self.palette, frames: frames).encode())
        #expect(try decode(gif).image == Self.expected(screen: Size(width: 16, height: 12), frame: frames[0], palette: Self.palette))
        let info = try ImageDecoder.info(gif)
        #expect(info.isAnimated && info.frameCount == 3)
        #expect(info.description == "GIF 16x12, orientation 1, opaque, animated, 3 frames")
    }

    /// Found by the fuzzer (TestImages/broken/fuzz/image/gif-damaged-after-first-frame.gif): a
    /// file damaged after its first frame decoded (the decode reads only that frame) while `info`
    /// refused it. Both now answer; the frames are then not counted.
    @Test func damageAfterTheFirstFrameLeavesInfoAndDecodeAgreeing() throws {
        let frames = (0..<3).map { k in GIFWriter.Frame(width: 16, height: 12, indices: Self.indices(width: 16, height: 12, seed: k)) }
        var gif = try #require(GIFWriter(width: 16, height: 12, palette: Self.palette, frames: frames).encode())
        // The record after the first frame: its descriptor (10 bytes, no local palette), the LZW
        // code size, then data sub-blocks up to the empty one.
        var next = try #require(gif.firstIndex(of: 0x2C)) + 11
        while gif[next] != 0 { next += Int(gif[next]) + 1 }
        gif[next + 1] = 0x99  // not a record type
        let decoded = try decode(gif)
        #expect(decoded.image == Self.expected(screen: Size(width: 16, height: 12), frame: frames[0], palette: Self.palette))
        let info = try ImageDecoder.info(gif)
        #expect(info.size == decoded.image.size && info.frameCount == nil)
        #expect(throws: CodecError.self) { try ImageDecoder.frames(gif) }
        let committed = RepositoryPaths.testImages + "/broken/fuzz/image/gif-damaged-after-first-frame.gif"
        let file = try ImageDecoder.read(file: committed).withUnsafeBytes { Array($0) }
        #expect(try ImageDecoder.info(file).size == (try decode(file).image.size))
    }

    @Test(.enabled(if: tool("gif2rgb") != nil, "gif2rgb is not installed (apt: giflib-tools)"), arguments: [false, true])
    func giflibsOwnToolAgrees(interlaced: Bool) throws {
        let frame = GIFWriter.Frame(width: 61, height: 45, indices: Self.indices(width: 61, height: 45, seed: 3), interlaced: interlaced)
        let gif = try #require(GIFWriter(width: 61, height: 45, palette: Self.palette, frames: [frame]).encode())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limn-gif-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(gif).write(to: URL(fileURLWithPath: folder + "/a.gif"))
        _ = try run(tool("gif2rgb")!, ["-1", "-o", folder + "/a.rgb", folder + "/a.gif"])
        let rgb = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/a.rgb")))
        let image = try decode(gif).image
        #expect(rgb.count == 61 * 45 * 3)
        var differing = 0
        for y in 0..<45 {
            for x in 0..<61 {
                let p = image[x, y], i = (y * 61 + x) * 3
                if p.r != rgb[i] || p.g != rgb[i + 1] || p.b != rgb[i + 2] { differing += 1 }
            }
        }
        #expect(differing == 0, "\(differing) pixels differ from gif2rgb")
    }

    @Test func cutAndDamagedFilesFailCleanly() throws {
        let frame = GIFWriter.Frame(width: 33, height: 17, indices: Self.indices(width: 33, height: 17), interlaced: true)
        let gif = try #require(GIFWriter(width: 33, height: 17, palette: Self.palette, frames: [frame]).encode())
        for length in stride(from: 0, to: gif.count, by: 3) {
            let cut = Array(gif.prefix(length))
            do {
                _ = try decode(cut)
                Issue.record("a \(length)-byte cut decoded")
            } catch let error as CodecError {
                switch error {
                case .empty, .truncated, .corrupt, .unsupportedFormat: break
                default: Issue.record("\(length) bytes: \(error)")
                }
            }
        }
        // With damage tolerated, a cut inside the pixels gives the rows that arrived.
        let partial = try decode(Array(gif.prefix(gif.count - 20)), options: DecodeOptions(tolerateDamage: true)).image
        #expect(partial.size == Size(width: 33, height: 17))
        var rng = SplitMix(seed: 11)
        for _ in 0..<300 {
            var flipped = gif
            let at = Int(rng.next() % UInt64(flipped.count))
            flipped[at] ^= UInt8(1 << (rng.next() % 8))
            if let image = try? decode(flipped).image { #expect(!image.isEmpty) }
        }
    }

    @Test func aHugeScreenIsRefusedBeforeAnyAllocation() throws {
        let frame = GIFWriter.Frame(width: 2, height: 2, indices: [0, 1, 2, 3])
        let gif = try #require(GIFWriter(width: 60000, height: 60000, palette: Self.palette, frames: [frame]).encode())
        #expect(throws: CodecError.self) { try decode(gif) }
        do { _ = try decode(gif) } catch let error as CodecError {
            guard case .tooLarge(_, let format, let w, let h, _) = error else { Issue.record("\(error)"); return }
            #expect(format == .gif && w == 60000 && h == 60000)
        }
        // A frame declaring more pixels than the limits is refused before it is decoded.
        let wide = GIFWriter.Frame(width: 8, height: 8, indices: Array(repeating: 1, count: 64))
        let small = try #require(GIFWriter(width: 4, height: 4, palette: Self.palette, frames: [wide]).encode())
        let limits = DecodeLimits(maxPixels: 20)  // the 4x4 screen fits, the 8x8 frame does not
        #expect(throws: CodecError.self) { try decode(small, options: DecodeOptions(limits: limits)) }
        #expect(try decode(small).image.size == Size(width: 4, height: 4))
        // `info` only reads the header: a screen that size is described, not refused.
        #expect(try ImageDecoder.info(gif).size == Size(width: 60000, height: 60000))
    }

    @Test func aGIFWithNoPictureIsCorrupt() throws {
        let empty: [UInt8] = Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0, 0x3B]
        #expect(throws: CodecError.corrupt(source: "t.gif", format: .gif, message: "the file holds no picture")) { try decode(empty) }
    }
}
