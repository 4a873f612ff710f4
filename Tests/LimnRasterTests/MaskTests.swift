import Testing

@testable import LimnRaster

@Suite struct MaskTests {
    @Test func fillSubscriptAndCopyOnWrite() {
        let a = Mask(width: 3, height: 2, fill: 9)
        var b = a
        b[1, 1] = 200
        #expect(a[1, 1] == 9 && b[1, 1] == 200)
        #expect(b[5, 5] == 0)
        b.withUnsafeBytes { #expect($0.count == 6 && $0[4] == 200) }
        #expect(a != b)
        #expect(Mask(width: 2, height: 2) == Mask(width: 2, height: 2, fill: 0))
    }

    @Test func alphaChannelBecomesAMask() {
        var image = Image(width: 2, height: 1, fill: Pixel(r: 10, g: 20, b: 30, a: 40))
        image[1, 0] = Pixel(r: 1, g: 2, b: 3, a: 250)
        let mask = image.alphaMask()
        #expect(mask[0, 0] == 40 && mask[1, 0] == 250)
        #expect(Image(width: 3, height: 3, fill: .white).alphaMask() == Mask(width: 3, height: 3, fill: 255))
    }

    @Test func maskBecomesAlphaLeavingColorAlone() throws {
        let image = Image(width: 2, height: 1, fill: Pixel(r: 10, g: 20, b: 30))
        var mask = Mask(width: 2, height: 1, fill: 255)
        mask[1, 0] = 0
        let cut = try image.settingAlpha(mask)
        #expect(cut[0, 0] == Pixel(r: 10, g: 20, b: 30, a: 255))
        #expect(cut[1, 0] == Pixel(r: 10, g: 20, b: 30, a: 0))
        #expect(!cut.isOpaque)
        #expect(try image.settingAlpha(Mask(width: 2, height: 1, fill: 255)).isOpaque)
    }

    @Test func mismatchedMaskIsATypedError() {
        let image = Image(width: 2, height: 2)
        #expect(
            throws: RasterError.sizeMismatch(
                operation: "setting alpha from a mask",
                expected: Size(width: 2, height: 2), actual: Size(width: 3, height: 2))
        ) {
            try image.settingAlpha(Mask(width: 3, height: 2))
        }
    }

    @Test func grayImageShowsTheMask() {
        var mask = Mask(width: 2, height: 1)
        mask[1, 0] = 77
        let image = Image(gray: mask)
        #expect(image[0, 0] == Pixel(gray: 0) && image[1, 0] == Pixel(gray: 77))
        #expect(image.isOpaque)
    }
}
