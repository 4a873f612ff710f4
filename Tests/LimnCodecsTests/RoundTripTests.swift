import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

@Suite struct RoundTripTests {
    static let rgba = Patterns.noise(width: 61, height: 45, seed: 11)
    static let photoLike = Patterns.gradient(width: 61, height: 45)

    @Test(arguments: [PNGOptions(compression: .fast), PNGOptions(compression: .compact)])
    func pngIsExact(options: PNGOptions) throws {
        for image in [Self.rgba, Self.photoLike, Patterns.checkerAlpha(width: 61, height: 45)] {
            let bytes = try ImageEncoder.encode(image, as: .png(options))
            let back = try ImageDecoder.decode(bytes)
            #expect(back.image == image)
            #expect(back.image.isOpaque == image.isOpaque)
            #expect(back.info.hasAlpha == !image.isOpaque)  // opaque images are written as RGB
        }
    }

    @Test func compactPNGIsSmallerThanFast() throws {
        let image = Patterns.gradient(width: 300, height: 200)
        let fast = try ImageEncoder.encode(image, as: .png(PNGOptions(compression: .fast)))
        let compact = try ImageEncoder.encode(image, as: .png(PNGOptions(compression: .compact)))
        #expect(compact.count < fast.count)
    }

    @Test func maskPNGIsOneChannelAndExact() throws {
        var mask = Mask(width: 33, height: 17)
        for y in 0..<17 { for x in 0..<33 { mask[x, y] = UInt8((x * 7 + y * 13) & 0xFF) } }
        let bytes = try ImageEncoder.encode(mask, as: .png())
        #expect(bytes[25] == 0)  // IHDR color type: gray
        let back = try ImageDecoder.decode(bytes).image
        #expect(back.alphaMask() == Mask(width: 33, height: 17, fill: 255))
        #expect(back == Image(gray: mask))
    }

    @Test func webpLosslessIsExact() throws {
        for image in [Self.rgba, Self.photoLike] {
            let back = try ImageDecoder.decode(ImageEncoder.encode(image, as: .webp(.lossless))).image
            #expect(back == image)
        }
    }

    @Test func opaqueWebPHasNoAlphaAndTransparentWebPKeepsIt() throws {
        #expect(try ImageDecoder.info(ImageEncoder.encode(Self.photoLike, as: .webp())).hasAlpha == false)
        #expect(try ImageDecoder.info(ImageEncoder.encode(Self.rgba, as: .webp())).hasAlpha == true)
        #expect(try ImageDecoder.info(ImageEncoder.encode(Self.photoLike, as: .webp(.lossless))).hasAlpha == false)
    }

    @Test(arguments: [(50, 28.0), (80, 32.0), (95, 38.0)])
    func webpLossyStaysAbovePSNR(quality: Int, db: Double) throws {
        let back = try ImageDecoder.decode(ImageEncoder.encode(Self.photoLike, as: .webp(WebPOptions(quality: quality)))).image
        #expect(ImageDifference(back, Self.photoLike).psnr >= db)
    }

    @Test(arguments: [(JPEGOptions.Subsampling.s444, 90, 40.0), (.s420, 90, 36.0), (.s422, 75, 34.0), (.s420, 50, 32.0)])
    func jpegStaysAbovePSNR(subsampling: JPEGOptions.Subsampling, quality: Int, db: Double) throws {
        let options = JPEGOptions(quality: quality, subsampling: subsampling)
        let back = try ImageDecoder.decode(ImageEncoder.encode(Self.photoLike, as: .jpeg(options))).image
        #expect(ImageDifference(back, Self.photoLike).psnr >= db)
    }

    @Test func jpegFlattensTransparencyOntoTheBackground() throws {
        let clear = Image(width: 16, height: 16)
        let red = Pixel(r: 255, g: 0, b: 0)
        let back = try ImageDecoder.decode(
            ImageEncoder.encode(clear, as: .jpeg(JPEGOptions(quality: 95, subsampling: .s444, background: red)))
        ).image
        #expect(ImageDifference(back, Image(width: 16, height: 16, fill: red)).maxChannel <= 2)
    }

    @Test func jpegProgressiveAndGrayAreWhatWasAsked() throws {
        let progressive = try ImageEncoder.encode(Self.photoLike, as: .jpeg(JPEGOptions(progressive: true)))
        #expect(progressive.indices.dropLast().contains { progressive[$0] == 0xFF && progressive[$0 + 1] == 0xC2 })
        let gray = try ImageDecoder.decode(ImageEncoder.encode(Self.photoLike, as: .jpeg(JPEGOptions(subsampling: .gray)))).image
        for y in 0..<gray.height { for x in 0..<gray.width { #expect(gray[x, y].r == gray[x, y].g && gray[x, y].g == gray[x, y].b) } }
    }

    @Test(arguments: [false, true])
    func bmpIsExact(topDown: Bool) throws {
        for image in [Self.rgba, Self.photoLike] {
            let bytes = try ImageEncoder.encode(image, as: .bmp(BMPOptions(topDown: topDown)))
            #expect(try ImageDecoder.decode(bytes).image == image)
        }
    }

    @Test func invalidSettingsAreTypedErrors() {
        #expect(throws: CodecError.self) { try ImageEncoder.encode(Self.photoLike, as: .jpeg(JPEGOptions(quality: 0))) }
        #expect(throws: CodecError.self) { try ImageEncoder.encode(Self.photoLike, as: .webp(WebPOptions(quality: 101))) }
        #expect(throws: CodecError.self) { try ImageEncoder.encode(Image(width: 0, height: 0), as: .png()) }
        #expect(throws: CodecError.self) { try ImageEncoder.encode(Image(width: 20000, height: 1), as: .webp()) }
    }
}
