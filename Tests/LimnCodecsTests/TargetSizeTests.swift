import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

/// `DecodeOptions.targetSize` lets JPEG and WebP decode smaller.
@Suite struct TargetSizeTests {
    // large-gradient.jpg is 512 × 384.
    @Test(arguments: [
        (Size(width: 64, height: 48), ScaleFactor(1, 8), Size(width: 64, height: 48)),
        (Size(width: 65, height: 48), ScaleFactor(1, 4), Size(width: 128, height: 96)),  // 3/16 is no TurboJPEG factor
        (Size(width: 100, height: 0), ScaleFactor(1, 4), Size(width: 128, height: 96)),
        (Size(width: 0, height: 150), ScaleFactor(1, 2), Size(width: 256, height: 192)),
        (Size(width: 200, height: 150), ScaleFactor(1, 2), Size(width: 256, height: 192)),
        (Size(width: 300, height: 200), ScaleFactor(5, 8), Size(width: 320, height: 240)),
        (Size(width: 500, height: 300), ScaleFactor(1, 1), Size(width: 512, height: 384)),
        (Size(width: 2000, height: 2000), ScaleFactor(1, 1), Size(width: 512, height: 384)),
    ])
    func jpegPicksTheSmallestCoveringScale(target: Size, scale: ScaleFactor, size: Size) throws {
        let decoded = try ImageDecoder.decode(testImage("jpeg/large-gradient.jpg"), options: DecodeOptions(targetSize: target))
        #expect(decoded.scale == scale)
        #expect(decoded.image.size == size)
        #expect(decoded.image.width >= target.width && decoded.image.height >= target.height || scale == .one)
    }

    @Test func scaledJPEGStillLooksLikeThePicture() throws {
        let decoded = try ImageDecoder.decode(
            testImage("jpeg/large-gradient.jpg"),
            options: DecodeOptions(targetSize: Size(width: 64, height: 48)))
        let reference = Patterns.gradient(width: 512, height: 384).areaAveraged(to: Size(width: 64, height: 48))
        #expect(ImageDifference(decoded.image, reference).psnr > 30)
    }

    @Test func targetIsUprightForRotatedJPEGs() throws {
        // jpeg-6 stores 32 × 48 and shows 48 × 32 upright; a 12 × 8 target must scale by 1/4.
        let decoded = try ImageDecoder.decode(
            testImage("orientation/jpeg-6.jpg"), options: DecodeOptions(targetSize: Size(width: 12, height: 8)))
        #expect(decoded.scale == ScaleFactor(1, 4))
        #expect(decoded.image.size == Size(width: 12, height: 8))
    }

    @Test func webpScalesInTheDecoder() throws {
        let decoded = try ImageDecoder.decode(
            testImage("webp/lossless.webp"), options: DecodeOptions(targetSize: Size(width: 20, height: 10)))
        // 61 × 45 covering 20 × 10 with the aspect kept: 20 / 61 wins, 45 × 20 / 61 = 14.75 → 15.
        #expect(decoded.image.size == Size(width: 20, height: 15))
        #expect(decoded.scale == ScaleFactor(20, 61))
        let reference = Patterns.gradient(width: 61, height: 45).areaAveraged(to: Size(width: 20, height: 15))
        #expect(ImageDifference(decoded.image, reference).psnr > 25)
    }

    @Test func pngIgnoresTheHint() throws {
        let decoded = try ImageDecoder.decode(testImage("png/rgb8.png"), options: DecodeOptions(targetSize: Size(width: 4, height: 4)))
        #expect(decoded.image.size == Size(width: 61, height: 45))
        #expect(decoded.scale == .one)
    }
}
