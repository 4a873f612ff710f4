import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

/// `ImageDecoder.decodeGray`: one-channel PNGs straight into a mask, as stored, at every gray
/// bit depth; everything else is left to the RGBA decoder (nil).
@Suite struct DecodeGrayTests {
    static func grayFile(bitDepth: Int, width: Int = 29, height: Int = 11) -> (bytes: [UInt8], samples: [UInt16]) {
        let top = (1 << bitDepth) - 1
        let samples = (0..<(width * height)).map { UInt16(($0 * 7 + $0 / width * 3) % (top + 1)) }
        return (PNGWriter(width: width, height: height, colorType: .gray, bitDepth: bitDepth, samples: samples).encode(), samples)
    }

    @Test(arguments: [1, 2, 4, 8])
    func grayFilesComeBackAsStoredAndAsTheRGBADecoderSeesThem(bitDepth: Int) throws {
        let (bytes, samples) = Self.grayFile(bitDepth: bitDepth)
        let mask = try #require(try bytes.withUnsafeBytes { try ImageDecoder.decodeGray($0) })
        #expect(mask.size == Size(width: 29, height: 11))
        let scale = 255 / ((1 << bitDepth) - 1)
        let rgba = try ImageDecoder.decode(bytes).image
        var same = true
        for y in 0..<11 {
            for x in 0..<29 {
                let v = mask[x, y]
                if Int(v) != Int(samples[y * 29 + x]) * scale || rgba[x, y] != Pixel(r: v, g: v, b: v) { same = false }
            }
        }
        #expect(same)
    }

    @Test func aLoneGammaIsIgnoredAsTheRGBADecoderIgnoresIt() throws {
        let (plain, samples) = Self.grayFile(bitDepth: 8)
        // gAMA 1.0: libpng's simplified reader would re-encode the samples to sRGB.
        let linear = insertingChunks(plain, chunk("gAMA", [0x00, 0x01, 0x86, 0xA0]))
        let mask = try #require(try linear.withUnsafeBytes { try ImageDecoder.decodeGray($0) })
        #expect((0..<(29 * 11)).allSatisfy { Int(mask[$0 % 29, $0 / 29]) == Int(samples[$0]) })
    }

    @Test func otherPicturesAreLeftToTheRGBADecoder() throws {
        var transparent = PNGWriter(width: 4, height: 4, colorType: .gray, bitDepth: 8, samples: [UInt16](repeating: 9, count: 16))
        transparent.transparency = [9]
        let sixteen = PNGWriter(width: 4, height: 4, colorType: .gray, bitDepth: 16, samples: [UInt16](repeating: 900, count: 16))
        let rgb = try Image(width: 5, height: 5, fill: .white).encoded(as: .png())
        let jpeg = try Image(width: 16, height: 16, fill: .white).encoded(as: .jpeg(JPEGOptions()))
        for bytes in [transparent.encode(), sixteen.encode(), rgb, jpeg] {
            #expect(try bytes.withUnsafeBytes { try ImageDecoder.decodeGray($0) } == nil)
        }
        // A broken file is an error, not nil.
        let (gray, _) = Self.grayFile(bitDepth: 8)
        #expect(throws: CodecError.self) { try Array(gray.prefix(gray.count - 30)).withUnsafeBytes { try ImageDecoder.decodeGray($0) } }
    }
}
