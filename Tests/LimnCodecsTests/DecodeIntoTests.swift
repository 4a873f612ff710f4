import Foundation
import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

/// Destination passing: decoding into an existing image reuses its memory.
@Suite struct DecodeIntoTests {
    @Test func aWarmImageIsReusedAndGivesTheSamePixels() throws {
        let bytes = try testImage("jpeg/large-gradient.jpg")
        var image = Image()
        _ = try ImageDecoder.decode(bytes, into: &image)
        #expect(image == (try ImageDecoder.decode(bytes).image))
        let reusable = canReuseStorage(&image, forBytes: image.byteCount)
        #expect(reusable)
        let before = image.withUnsafeBytes { $0.baseAddress }
        // A smaller decode fits in the same block.
        let report = try ImageDecoder.decode(bytes, into: &image, options: DecodeOptions(targetSize: Size(width: 64, height: 48)))
        #expect(report.scale == ScaleFactor(1, 8))
        #expect(image.size == Size(width: 64, height: 48))
        #expect(image.withUnsafeBytes { $0.baseAddress } == before)
    }

    /// Out of line: with the call inlined into the test, Swift 6.3 crashes (a SIL verification
    /// failure, "read-only scope invalidated by a local write") compiling it optimized under the
    /// address sanitizer.
    @inline(never) func canReuseStorage(_ image: inout Image, forBytes bytes: Int) -> Bool {
        image.canReuseStorage(forBytes: bytes)
    }

    @Test func aSharedImageIsNotOverwritten() throws {
        var image = Image(width: 512, height: 384, fill: .white)
        let kept = image
        _ = try ImageDecoder.decode(testImage("jpeg/large-gradient.jpg"), into: &image)
        #expect(kept == Image(width: 512, height: 384, fill: .white))
        #expect(image != kept)
    }

    @Test(arguments: ["png/rgba8.png", "webp/lossless-alpha.webp", "bmp/rgba32-top-down.bmp", "webp/animated.webp"])
    func everyFormatDecodesIntoAnImage(file: String) throws {
        var image = Image(width: 200, height: 200, fill: .black)
        let report = try ImageDecoder.decode(testImage(file), into: &image)
        #expect(image == (try ImageDecoder.decode(testImage(file)).image))
        #expect(image.isOpaque == false)
        #expect(report.info.format.rawValue == String(file.split(separator: "/")[0]))
    }

    @Test func aFailedDecodeLeavesTheImageEmpty() throws {
        var image = Image(width: 8, height: 8, fill: .white)
        #expect(throws: CodecError.self) { try ImageDecoder.decode(testImage("broken/truncated-half.png"), into: &image) }
        #expect(image.isEmpty)
    }

    @Test func overwriteReshapesAndReportsOpacity() {
        var image = Image(width: 4, height: 4)
        image.overwrite(width: 2, height: 3, isOpaque: true) { bytes in
            #expect(bytes.count == 24)
            for i in 0..<bytes.count { bytes[i] = 255 }
        }
        #expect(image.size == Size(width: 2, height: 3) && image.isOpaque)
        #expect(image == Image(width: 2, height: 3, fill: .white))
    }
}

/// Files are read whole whatever they are: regular files and pipes alike.
@Suite struct FileReadingTests {
    @Test func aPipeLongerThanOneBufferIsReadWhole() throws {
        // Stored (uncompressed) PNG of 200 × 200 noise: about 160 KB, well past one 64 KiB buffer.
        let noise = Patterns.noise(width: 200, height: 200, seed: 9)
        let bytes = PNGWriter(image: noise, colorType: .rgba, bitDepth: 8).encode()
        #expect(bytes.count > 150_000)
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("limn-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            guard fd >= 0 else { return }
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            }
            close(fd)
        }
        writer.start()
        #expect(try ImageDecoder.decode(file: fifo).image == noise)
    }
}
