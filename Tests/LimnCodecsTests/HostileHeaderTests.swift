import Foundation
import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

/// Lengths in headers are never trusted: every chunk, segment and offset is checked against the
/// bytes there are (and chunks other than image data against a cap) before a library allocates.
@Suite struct HostileHeaderTests {
    /// The six ancillary chunks libpng allocates for as declared: refused from the walk, before
    /// libpng sees them (it allocated and cleared ~2 GB for each, for `info` alone).
    @Test(arguments: HostileFiles.ancillaryTypes)
    func aChunkDeclaringTwoGigabytesIsRefusedByInfoAndDecode(type: String) {
        let png = HostileFiles.pngDeclaring(type)
        #expect(png.count == 57)
        for attempt in ["info", "decode"] {
            do {
                if attempt == "info" {
                    _ = try ImageDecoder.info(png, source: "h.png")
                } else {
                    _ = try ImageDecoder.decode(png, source: "h.png")
                }
                Issue.record("\(attempt) accepted a \(type) chunk declaring 2 GB")
            } catch {
                guard case .overLimit(let source, let what, _)? = error as? CodecError else { Issue.record("\(error)"); continue }
                #expect(source == "h.png")
                #expect(what == "its \(type) chunk at byte 33 declares 2147479552 bytes (and only 12 follow)", "\(error)")
            }
        }
    }

    @Test func aChunkWithinTheCapButPastTheEndIsTruncated() {
        let png = HostileFiles.pngDeclaring("tEXt", length: 1000)
        #expect(
            throws: CodecError.truncated(
                source: "h.png", format: .png, detail: "the tEXt chunk at byte 33 declares 1000 bytes, but only 12 follow")
        ) {
            try ImageDecoder.info(png, source: "h.png")
        }
    }

    @Test func theChunkCapIsTheHeaderLimit() throws {
        let png = HostileFiles.png(inserting: "tEXt", payload: Array("Comment\0".utf8) + [UInt8](repeating: 0x61, count: 4000))
        // Within the default cap the picture reads as usual...
        #expect(try ImageDecoder.decode(png).image == Image(width: 8, height: 8, fill: .white))
        // ...and a smaller cap refuses the chunk, for a header read and a decode alike.
        let small = DecodeLimits(maxHeaderBytes: 1024)
        #expect(throws: CodecError.self) { try ImageDecoder.info(png, limits: small) }
        do {
            _ = try ImageDecoder.decode(png, options: DecodeOptions(limits: small))
            Issue.record("a 4 KB chunk passed a 1 KiB cap")
        } catch {
            guard case .overLimit(_, let what, let limit)? = error as? CodecError else { Issue.record("\(error)"); return }
            #expect(what == "its tEXt chunk at byte 33 declares 4008 bytes" && limit.contains("1024"), "\(error)")
        }
    }

    @Test func malformedChunksAreCorrupt() {
        var badType = HostileFiles.png(inserting: "tEXt", payload: Array("a\0b".utf8))
        badType[37] = 0x00  // the type's first letter
        var overlong = HostileFiles.pngDeclaring("IDAT", length: 0)
        overlong.replaceSubrange(33..<37, with: [0x80, 0, 0, 0])  // 2^31: more than any chunk may hold
        for (png, words) in [(badType, "has no valid type"), (overlong, "more than a PNG chunk may hold")] {
            do {
                _ = try ImageDecoder.decode(png, source: "m.png")
                Issue.record("decoded")
            } catch {
                guard case .corrupt(_, _, let message)? = error as? CodecError else { Issue.record("\(error)"); continue }
                #expect(message.contains(words), "\(message)")
            }
        }
    }

    /// A PNG header followed by zeros: the walk finds no chunk type there and stops, whatever
    /// follows (it once read a whole 1 GiB file to learn that).
    @Test func zerosAfterTheHeaderAreCorruptAtOnce() {
        let png = Array(HostileFiles.pngDeclaring("tEXt").prefix(33)) + [UInt8](repeating: 0, count: 1 << 20)
        #expect(throws: CodecError.self) { try ImageDecoder.info(png) }
        do { _ = try ImageDecoder.info(png) } catch {
            guard case .corrupt(_, _, let message)? = error as? CodecError else { Issue.record("\(error)"); return }
            #expect(message == "chunk 1 at byte 33 has no valid type (bytes 00000000)")
        }
    }

    /// JPEG segments, WebP chunks and EXIF offsets are walked in Swift: lengths past the end and
    /// offsets anywhere give an error or no tag, never a crash or an allocation.
    @Test func jpegWebPAndEXIFLengthsPastTheEnd() throws {
        let jpeg = try ImageEncoder.encode(Patterns.gradient(width: 16, height: 16), as: .jpeg())
        // An APP1 segment declaring 65535 bytes right after SOI, then the file ends.
        let cut = [0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF] + Array("Exif\0\0".utf8) + [0x4D, 0x4D, 0, 0x2A, 0xFF, 0xFF, 0xFF, 0xF0]
        #expect(throws: CodecError.self) { try ImageDecoder.info(cut) }
        // An EXIF block whose first IFD offset points 4 GB away: orientation is simply absent.
        var withEXIF = Array(jpeg.prefix(2))
        let tiff: [UInt8] = [0x4D, 0x4D, 0, 0x2A, 0xFF, 0xFF, 0xFF, 0xF0]
        let app1 = Array("Exif\0\0".utf8) + tiff
        withEXIF += [0xFF, 0xE1, UInt8((app1.count + 2) >> 8), UInt8((app1.count + 2) & 0xFF)] + app1 + jpeg[2...]
        #expect(try ImageDecoder.info(withEXIF).orientation == .up)
        // A WebP whose RIFF size and first chunk declare 4 GB.
        var webp = try ImageEncoder.encode(Patterns.gradient(width: 16, height: 16), as: .webp())
        webp.replaceSubrange(4..<8, with: [0xF0, 0xFF, 0xFF, 0xFF])
        webp.replaceSubrange(16..<20, with: [0xF0, 0xFF, 0xFF, 0xFF])
        #expect(throws: CodecError.self) { try ImageDecoder.decode(webp) }
    }

    /// A 16-bit interlaced PNG is decoded through a plane of 8 bytes a pixel besides the image's
    /// 4: the pixel-memory limit counts both.
    @Test func sixteenBitPlanesCountAgainstThePixelMemoryLimit() throws {
        let png = try testImage("png/interlaced-rgba16.png")
        let info = try ImageDecoder.info(png)
        let pixels = info.width * info.height
        let eightBit = try testImage("png/interlaced-rgba8.png")
        let limits = DecodeLimits(maxBytes: pixels * 4 + 16)  // room for the image, not the plane
        #expect(try ImageDecoder.decode(eightBit, options: DecodeOptions(limits: limits)).image.width == info.width)
        do {
            _ = try ImageDecoder.decode(png, options: DecodeOptions(limits: limits))
            Issue.record("the 16-bit plane was not counted")
        } catch {
            guard case .tooLarge(_, _, _, _, let limit)? = error as? CodecError else { Issue.record("\(error)"); return }
            #expect(limit.contains("needs 12 a pixel"), "\(limit)")
        }
        #expect(try ImageDecoder.decode(png, options: DecodeOptions(limits: DecodeLimits(maxBytes: pixels * 12))).image.width == info.width)
    }
}

/// Reads bounded by a limit, from files and from streams.
@Suite struct InputBytesTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("limn-input-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aFileOfTheLimitIsReadAndOneByteMoreIsRefusedFromItsSize() throws {
        let path = try temporaryFile([UInt8](repeating: 7, count: 1000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try InputBytes.read(path: path, limit: 1000).array == [UInt8](repeating: 7, count: 1000))
        #expect(throws: CodecError.overLimit(source: path, what: "the file holds 1000 bytes", limit: "at most 999 are read")) {
            try InputBytes.read(path: path, limit: 999)
        }
    }

    @Test func aStreamIsReadUpToTheLimitAndRefusedPastIt() throws {
        for (count, limit) in [(200_000, 200_000), (200_001, 200_000), (0, 10)] {
            let pipe = Pipe()
            let payload = [UInt8](repeating: 1, count: count)
            let writer = Thread {
                try? pipe.fileHandleForWriting.write(contentsOf: Data(payload))
                try? pipe.fileHandleForWriting.close()
            }
            writer.start()
            let fd = pipe.fileHandleForReading.fileDescriptor
            if count <= limit {
                let read = try InputBytes.read(fileDescriptor: fd, source: "pipe", limit: limit)
                #expect(read.count == count && read.reachedEnd)
            } else {
                #expect(
                    throws: CodecError.overLimit(
                        source: "pipe", what: "the input goes on past \(limit) bytes", limit: "at most \(limit) are read")
                ) {
                    try InputBytes.read(fileDescriptor: fd, source: "pipe", limit: limit)
                }
            }
            try? pipe.fileHandleForReading.close()
        }
    }

    /// A header longer than the first read (a 1 MiB text chunk before the image data) is still
    /// found: the read grows while the header runs on.
    @Test func infoReadsOnWhileTheHeaderRunsOn() throws {
        let png = HostileFiles.png(inserting: "tEXt", payload: Array("Comment\0".utf8) + [UInt8](repeating: 0x61, count: 1 << 20))
        let path = try temporaryFile(png)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ImageDecoder.info(file: path).width == 8)
        #expect(throws: CodecError.self) { try ImageDecoder.info(file: path, limits: DecodeLimits(maxHeaderBytes: 512 << 10)) }
    }

    @Test func contentThatIsNoPictureIsRefusedFromItsHead() throws {
        let path = try temporaryFile(Array("%PDF-1.7".utf8) + [UInt8](repeating: 0x20, count: 300_000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CodecError.unsupportedFormat(source: path, detail: "it looks like PDF")) { try ImageDecoder.decode(file: path) }
        #expect(throws: CodecError.self) { try ImageDecoder.read(file: path, limits: DecodeLimits(maxInputBytes: 100)) }
    }
}
