import Testing

@testable import LimnRaster

@Suite struct AreaAverageTests {
    @Test func integerShrinkAveragesEachBlock() {
        var image = Image(width: 4, height: 2, fill: .white)
        // Left 2 × 2 block: 0, 100, 200, 100 (mean 100); right block all 255.
        image[0, 0] = Pixel(gray: 0); image[1, 0] = Pixel(gray: 100)
        image[0, 1] = Pixel(gray: 200); image[1, 1] = Pixel(gray: 100)
        let out = image.areaAveraged(to: Size(width: 2, height: 1))
        #expect(out[0, 0] == Pixel(gray: 100))
        #expect(out[1, 0] == .white)
        #expect(out.isOpaque)
    }

    @Test func fractionalShrinkWeighsByOverlap() {
        // 3 → 2: output 0 covers input 0 fully and half of input 1.
        var image = Image(width: 3, height: 1, fill: .white)
        image[0, 0] = Pixel(gray: 0); image[1, 0] = Pixel(gray: 90); image[2, 0] = Pixel(gray: 240)
        let out = image.areaAveraged(to: Size(width: 2, height: 1))
        // (0 × 1 + 90 × 0.5) / 1.5 = 30; (90 × 0.5 + 240) / 1.5 = 190
        #expect(out[0, 0] == Pixel(gray: 30))
        #expect(out[1, 0] == Pixel(gray: 190))
    }

    @Test func flatColorStaysFlat() {
        let image = Image(width: 97, height: 55, fill: Pixel(r: 12, g: 200, b: 99))
        let out = image.areaAveraged(to: Size(width: 13, height: 7))
        for y in 0..<7 { for x in 0..<13 { #expect(out[x, y] == Pixel(r: 12, g: 200, b: 99)) } }
    }

    @Test func transparentNeighboursDoNotDarkenAnEdge() {
        // White opaque next to transparent black: color must stay white, only alpha falls.
        var image = Image(width: 4, height: 1)
        image[0, 0] = .white; image[1, 0] = .white
        let out = image.areaAveraged(to: Size(width: 1, height: 1))
        #expect(out[0, 0] == Pixel(r: 255, g: 255, b: 255, a: 128))
    }

    @Test func checkerboardShrinksToFlatGray() {
        var image = Image(width: 64, height: 64, fill: .black)
        for y in 0..<64 { for x in 0..<64 where (x + y) % 2 == 0 { image[x, y] = .white } }
        let out = image.areaAveraged(to: Size(width: 8, height: 8))
        for y in 0..<8 { for x in 0..<8 { #expect(out[x, y] == Pixel(gray: 128)) } }
    }

    @Test func sameSizeIsIdentityAndZeroIsRaisedToOne() {
        let image = Image(width: 5, height: 4, fill: .white)
        #expect(image.areaAveraged(to: image.size) == image)
        #expect(image.areaAveraged(to: Size(width: 0, height: -3)).size == Size(width: 1, height: 1))
    }
}

@Suite struct FlattenTests {
    @Test func compositesOverTheBackground() {
        var image = Image(width: 3, height: 1)
        image[0, 0] = Pixel(r: 200, g: 0, b: 0, a: 255)
        image[1, 0] = Pixel(r: 0, g: 0, b: 0, a: 0)
        image[2, 0] = Pixel(r: 0, g: 0, b: 0, a: 128)
        let out = image.flattened(onto: .white)
        #expect(out[0, 0] == Pixel(r: 200, g: 0, b: 0))
        #expect(out[1, 0] == .white)
        // 255 × 127 / 255 = 127
        #expect(out[2, 0] == Pixel(gray: 127))
        #expect(out.isOpaque)
    }
}
