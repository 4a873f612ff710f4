import Testing

@testable import LimnRaster

@Suite struct ImageTests {
    @Test func fillWritesEveryPixelInRGBAOrder() {
        let image = Image(width: 3, height: 2, fill: Pixel(r: 1, g: 2, b: 3, a: 4))
        #expect(image.size == Size(width: 3, height: 2))
        #expect(image.bytesPerRow == 12)
        image.withUnsafeBytes { bytes in
            #expect(bytes.count == 24)
            #expect(Array(bytes) == Array(repeating: [1, 2, 3, 4] as [UInt8], count: 6).flatMap { $0 })
        }
        #expect(!image.isOpaque)
        #expect(Image(width: 2, height: 2, fill: .white).isOpaque)
    }

    @Test func defaultFillIsTransparentBlack() {
        let image = Image(width: 4, height: 4)
        #expect(image[3, 3] == .clear)
        #expect(!image.isOpaque)
    }

    @Test func negativeSizesBecomeEmpty() {
        let image = Image(width: -5, height: 3)
        #expect(image.width == 0 && image.isEmpty)
        #expect(Mask(width: 2, height: -1).isEmpty)
    }

    @Test func subscriptReadsAndWritesOnePixel() {
        var image = Image(width: 4, height: 3, fill: .white)
        image[2, 1] = Pixel(r: 9, g: 8, b: 7)
        #expect(image[2, 1] == Pixel(r: 9, g: 8, b: 7))
        #expect(image[1, 2] == .white)
        image.withUnsafeBytes { #expect(Array($0[(1 * 4 + 2) * 4..<(1 * 4 + 2) * 4 + 4]) == [9, 8, 7, 255]) }
        #expect(image.isOpaque)
        image[0, 0] = Pixel(r: 0, g: 0, b: 0, a: 10)
        #expect(!image.isOpaque)
    }

    @Test func outsideReadsAreClearAndOutsideWritesAreIgnored() {
        var image = Image(width: 2, height: 2, fill: .white)
        let before = image
        image[-1, 0] = .black
        image[2, 0] = .black
        image[0, 5] = .black
        #expect(image == before)
        #expect(image[-1, -1] == .clear && image[2, 1] == .clear)
    }

    @Test func copiesAreIndependent() {
        let a = Image(width: 2, height: 2, fill: .white)
        var b = a
        b[0, 0] = .black
        #expect(a[0, 0] == .white)
        #expect(b[0, 0] == .black)
        var c = a
        c.withUnsafeMutableBytes { $0[0] = 7 }
        #expect(a[0, 0].r == 255 && c[0, 0].r == 7)
    }

    @Test func equalityComparesSizeAndBytesNotTheOpacityFlag() {
        var a = Image(width: 2, height: 2, fill: .white)
        var b = a
        b.withUnsafeMutableBytes { _ in }  // clears the opaque promise, bytes unchanged
        #expect(!b.isOpaque && a.isOpaque)
        #expect(a == b)
        a[1, 1] = .black
        #expect(a != b)
        #expect(Image(width: 2, height: 1) != Image(width: 1, height: 2))
    }

    @Test func mutableAccessKeepsOpacityOnlyWhenAsked() {
        var image = Image(width: 2, height: 2, fill: .white)
        image.withUnsafeMutableBytes(preservingOpacity: true) { $0[0] = 1 }
        #expect(image.isOpaque)
        image.withUnsafeMutableBytes { $0[0] = 2 }
        #expect(!image.isOpaque)
        image.recomputeOpacity()
        #expect(image.isOpaque)
    }

    @Test(arguments: [1, 4095, 4096, 4097, 10_000])
    func recomputeOpacityFindsOneTransparentPixelAnywhere(count: Int) {
        var image = Image(width: count, height: 1, fill: .white)
        image.recomputeOpacity()
        #expect(image.isOpaque)
        image[count - 1, 0] = Pixel(r: 255, g: 255, b: 255, a: 254)
        image.withUnsafeMutableBytes(preservingOpacity: true) { _ in }
        image.recomputeOpacity()
        #expect(!image.isOpaque)
    }
}

@Suite struct PixelTests {
    @Test(arguments: [
        ("#fff", Pixel(r: 255, g: 255, b: 255)),
        ("#1a2B3c", Pixel(r: 0x1A, g: 0x2B, b: 0x3C)),
        ("11223344", Pixel(r: 0x11, g: 0x22, b: 0x33, a: 0x44)),
    ])
    func parsesHex(text: String, pixel: Pixel) {
        #expect(Pixel(hex: text) == pixel)
    }

    @Test(arguments: ["", "#12", "#12345", "#gggggg", "red", "#1234567890"])
    func rejectsMalformedHex(text: String) {
        #expect(Pixel(hex: text) == nil)
    }

    @Test func describesItselfAsHex() {
        #expect(Pixel(r: 1, g: 0xAB, b: 255, a: 16).description == "#01ABFF10")
    }
}
