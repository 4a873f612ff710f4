import Foundation
import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

/// Broken and hostile input: a typed error naming the source, never a crash.
@Suite struct BrokenFileTests {
    static let broken = Dictionary(uniqueKeysWithValues: BrokenFiles.all.map { ($0.file, $0) })

    @Test(arguments: BrokenFiles.all.map(\.file))
    func throwsTheExpectedError(file: String) throws {
        let expected = try #require(Self.broken[file]).failure
        let path = RepositoryPaths.testImages + "/" + file
        do {
            let decoded = try ImageDecoder.decode(file: path)
            Issue.record("decoded \(decoded.image) instead of failing with \(expected)")
        } catch {
            #expect(BrokenFile.kind(of: error) == expected, "\(error)")
            #expect(String(describing: error).hasPrefix(path), "the message names the file: \(error)")
        }
    }

    @Test func hugeHeadersFailFastWithoutAllocating() throws {
        for file in ["broken/huge-100000x100000.png", "broken/huge-100000x100000.bmp", "broken/huge-60000x60000.jpg"] {
            let bytes = try testImage(file)
            let clock = ContinuousClock()
            let started = clock.now
            #expect(throws: CodecError.self) { try ImageDecoder.decode(bytes) }
            // Not a timing claim: a decode that allocated and filled gigabytes could not be this quick.
            #expect(clock.now - started < .seconds(1))
        }
        let error = try #require(throws: CodecError.self) { try ImageDecoder.decode(testImage("broken/huge-60000x60000.jpg")) }
        #expect(error == .tooLarge(source: "buffer", format: .jpeg, width: 60000, height: 60000, limit: "width at most 16384"))
    }

    @Test func limitsAreConfigurable() throws {
        let bytes = try testImage("png/rgb8.png")  // 61 × 45
        var options = DecodeOptions()
        options.limits = DecodeLimits(maxWidth: 60)
        #expect(throws: CodecError.tooLarge(source: "buffer", format: .png, width: 61, height: 45, limit: "width at most 60")) {
            try ImageDecoder.decode(bytes, options: options)
        }
        options.limits = DecodeLimits(maxPixels: 61 * 45 - 1)
        #expect(throws: CodecError.self) { try ImageDecoder.decode(bytes, options: options) }
        options.limits = DecodeLimits(maxPixels: 61 * 45)
        #expect(try ImageDecoder.decode(bytes, options: options).image.size == Size(width: 61, height: 45))
        // Every format checks the same limits.
        options.limits = DecodeLimits(maxHeight: 10)
        for file in ["jpeg/baseline-420.jpg", "webp/lossy.webp", "bmp/rgb24-top-down.bmp", "webp/animated.webp"] {
            #expect(throws: CodecError.self, "\(file)") { try ImageDecoder.decode(testImage(file), options: options) }
        }
    }

    @Test func tolerantModeDecodesACutJPEG() throws {
        let whole = try testImage("jpeg/large-gradient.jpg")
        let cut = Array(whole.prefix(whole.count * 3 / 4))
        #expect(throws: CodecError.self) { try ImageDecoder.decode(cut) }
        let decoded = try ImageDecoder.decode(cut, options: DecodeOptions(tolerateDamage: true))
        #expect(decoded.image.size == Size(width: 512, height: 384))
    }

    @Test func missingFilesAndFoldersNameThePath() {
        #expect(throws: CodecError.file(path: "/nonexistent/limn.png", operation: "read it", reason: "No such file or directory")) {
            try ImageDecoder.decode(file: "/nonexistent/limn.png")
        }
        let folder = RepositoryPaths.testImages
        #expect(throws: CodecError.file(path: folder, operation: "read it", reason: "it is a directory")) {
            try ImageDecoder.info(file: folder)
        }
    }

    @Test func messagesAreSentencesAUserCanActOn() {
        let error = CodecError.unsupportedFormat(source: "a.png", detail: "it looks like PDF")
        #expect(
            error.description
                == "a.png: not a PNG, JPEG, WebP, BMP, GIF, ICO, TIFF, HEIC or AVIF image (it looks like PDF); convert it to one of those first."
        )
    }
}

/// Many cut and bit-flipped copies of every format: each decode either throws a CodecError or
/// returns an image of the declared size. The test fails on a crash, by construction.
@Suite struct DamageTests {
    static let sources = [
        "png/rgba8.png", "png/interlaced-palette4.png", "jpeg/progressive.jpg", "jpeg/large-gradient.jpg",
        "jpeg/cmyk.jpg", "webp/lossy-alpha.webp", "webp/lossless.webp", "webp/animated.webp",
        "bmp/rgba32-bottom-up.bmp", "orientation/jpeg-6.jpg", "webp/exif-orientation-6.webp",
    ]

    @Test(arguments: sources)
    func everyTruncationFailsCleanly(file: String) throws {
        let whole = try testImage(file)
        let step = max(1, whole.count / 150)
        var failures = 0
        for length in stride(from: 0, to: whole.count, by: step) {
            let cut = Array(whole.prefix(length))
            do {
                _ = try ImageInfoOrDecode(cut)
            } catch {
                failures += 1
            }
        }
        // Cut files must fail; the rare exception is a cut in trailing bytes the format ignores.
        #expect(failures >= (whole.count / step) - 2, "\(failures) failures")
    }

    @Test(arguments: sources)
    func bitFlipsNeverCrash(file: String) throws {
        let whole = try testImage(file)
        var random = SplitMix(seed: UInt64(file.utf8.count))
        for _ in 0..<150 {
            var copy = whole
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let at = Int(random.next() % UInt64(copy.count))
                copy[at] ^= UInt8(1) << (random.next() % 8)
            }
            if let decoded = try? ImageDecoder.decode(copy) {
                let info = decoded.info
                #expect(decoded.image.size == (decoded.orientationApplied ? info.uprightSize : info.size))
            }
        }
    }
}

/// Decodes, throwing on any failure (info first, as a real caller would).
private func ImageInfoOrDecode(_ bytes: [UInt8]) throws -> DecodedImage {
    _ = try ImageDecoder.info(bytes)
    return try ImageDecoder.decode(bytes)
}
