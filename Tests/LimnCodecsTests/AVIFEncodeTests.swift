import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// AVIF written through libheif's AV1 encoder: lossless exact, lossy close (PSNR), alpha kept,
/// metadata carried; read back by Limn and, where installed, by libavif's `avifdec`.
@Suite struct AVIFEncodeTests {
    static let picture = Patterns.noise(width: 37, height: 23, seed: 7, opaque: true)

    static func psnr(_ a: Image, _ b: Image) -> Double {
        var sum = 0.0
        for y in 0..<a.height {
            for x in 0..<a.width {
                let p = a[x, y], q = b[x, y]
                for (u, v) in [(p.r, q.r), (p.g, q.g), (p.b, q.b)] { sum += pow(Double(u) - Double(v), 2) }
            }
        }
        let mse = sum / Double(a.width * a.height * 3)
        return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
    }

    @Test func losslessIsExact() throws {
        for picture in [
            Self.picture, Patterns.checkerAlpha(width: 20, height: 12), Image(width: 1, height: 1, fill: Pixel(r: 9, g: 200, b: 3, a: 255)),
        ] {
            let bytes = try picture.encoded(as: .avif(AVIFOptions(lossless: true)))
            let decoded = try ImageDecoder.decode(bytes)
            #expect(decoded.info.format == .avif)
            #expect(decoded.image == picture, "\(picture.size), alpha \(!picture.isOpaque)")
        }
    }

    @Test func lossyQualityTradesSizeForFidelity() throws {
        let photo = Patterns.gradient(width: 96, height: 64)
        var previous: (size: Int, psnr: Double)?
        for quality in [30, 60, 90] {
            let bytes = try photo.encoded(as: .avif(AVIFOptions(quality: quality)))
            let decoded = try ImageDecoder.decode(bytes).image
            #expect(decoded.size == photo.size && decoded.isOpaque)
            let psnr = Self.psnr(decoded, photo)
            #expect(psnr > 30, "quality \(quality): \(psnr) dB")
            if let previous { #expect(bytes.count > previous.size && psnr >= previous.psnr - 0.1, "quality \(quality)") }
            previous = (bytes.count, psnr)
        }
    }

    @Test func alphaIsKept() throws {
        let picture = Patterns.checkerAlpha(width: 32, height: 32, cell: 8)
        let decoded = try ImageDecoder.decode(try picture.encoded(as: .avif(AVIFOptions(quality: 80)))).image
        #expect(!decoded.isOpaque)
        var worst = 0
        for y in 0..<32 { for x in 0..<32 { worst = max(worst, abs(Int(decoded[x, y].a) - Int(picture[x, y].a))) } }
        #expect(worst <= 24, "alpha differs by up to \(worst)")
    }

    @Test func metadataIsCarried() throws {
        let metadata = OutputMetadata(
            iccProfile: ICCProfiles.adobeRGB(), exif: EXIFBlocks.tiff(orientation: 6, bigEndian: false),
            xmp: Array(#"<x:xmpmeta xmlns:x="adobe:ns:meta/"/>"#.utf8))
        let bytes = try Self.picture.encoded(as: .avif(AVIFOptions(lossless: true)), metadata: metadata)
        let info = try ImageDecoder.info(bytes)
        #expect(info.iccProfile == metadata.iccProfile)
        #expect(info.xmp == metadata.xmp)
        let exif = try #require(info.exif)
        #expect(exif.count == metadata.exif!.count && exif[0..<4] == metadata.exif![0..<4])
        #expect(try ImageDecoder.decode(bytes, options: DecodeOptions(convertsToSRGB: false)).image == Self.picture)
    }

    @Test func badSettingsAreRefused() throws {
        #expect(throws: CodecError.self) { try Self.picture.encoded(as: .avif(AVIFOptions(quality: 101))) }
        #expect(throws: CodecError.self) { try Self.picture.encoded(as: .avif(AVIFOptions(speed: 10))) }
    }

    @Test(.enabled(if: tool("avifdec") != nil, "libavif's avifdec is not installed (apt: libavif-bin)"))
    func libavifReadsWhatIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limn-avif-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for options in [AVIFOptions(lossless: true), AVIFOptions(quality: 70)] {
            // Noise for the exact case; a smooth picture for the lossy one, where the two
            // decoders' chroma upsampling may differ on sharp edges.
            let picture = options.lossless ? Self.picture : Patterns.gradient(width: 96, height: 64)
            let bytes = try picture.encoded(as: .avif(options))
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/a.avif"))
            _ = try run(tool("avifdec")!, ["--depth", "8", folder + "/a.avif", folder + "/a.png"])
            let theirs = try ImageDecoder.decode(file: folder + "/a.png").image
            let ours = try ImageDecoder.decode(bytes).image
            if options.lossless {
                #expect(theirs == picture, "avifdec reads the lossless file exactly")
            } else {
                #expect(Self.psnr(theirs, ours) > 40, "avifdec and Limn agree: \(Self.psnr(theirs, ours)) dB")
            }
        }
    }
}
