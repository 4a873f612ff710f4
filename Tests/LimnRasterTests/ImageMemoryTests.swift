import LimnRaster
import Testing

/// Freed large blocks are reused; what a new image promises (zeroed or filled) still holds.
@Suite(.serialized) struct ImageMemoryTests {
    @Test func aReusedBlockIsClearedWhenAFreshImageMustBeClear() {
        do {
            let dirty = Image(width: 1024, height: 512, fill: Pixel(r: 9, g: 8, b: 7, a: 255))
            #expect(dirty[5, 5].r == 9)
        }
        let clear = Image(width: 1024, height: 512)
        #expect(clear[5, 5] == .clear && clear[1023, 511] == .clear)
        #expect(!clear.isOpaque)
        let white = Image(width: 1000, height: 500, fill: .white)
        #expect(white[999, 499] == .white)
        var mask = Mask(width: 2048, height: 1024)
        #expect(mask[100, 100] == 0)
        mask[100, 100] = 7
        #expect(mask[100, 100] == 7)
    }

    @Test func theCacheStaysWithinItsLimits() {
        let saved = ImageMemory.cacheLimit
        defer { ImageMemory.cacheLimit = saved }
        ImageMemory.cacheLimit = 8 << 20
        for _ in 0..<10 { _ = Image(width: 1200, height: 600, fill: .black).width }  // 2.9 MB each
        #expect(ImageMemory.cachedBytes <= 8 << 20)
        ImageMemory.cacheLimit = 0
        #expect(ImageMemory.cachedBytes == 0)
        let image = Image(width: 1200, height: 600, fill: .black)
        #expect(image[1199, 599] == .black)
    }

    @Test func theRasterizersScratchCountsAgainstTheSameLimit() throws {
        let saved = ImageMemory.cacheLimit
        defer { ImageMemory.cacheLimit = saved }
        var mask = Mask(width: 3000, height: 2000)
        let everything = Path.rectangle(Rect(x: 0, y: 0, width: 3000, height: 2000))
        ImageMemory.cacheLimit = 0
        try mask.fill(everything)
        #expect(ImageMemory.cachedBytes == 0)  // nothing kept: not the 24 MB scratch either
        ImageMemory.cacheLimit = 1 << 30
        try mask.fill(everything)
        // The scratch, kept for the next fill: one strip of rows (the rasterizer works a strip
        // at a time), so about 1 MB, not the 24 MB a whole 3000 x 2000 region would take.
        #expect(ImageMemory.cachedBytes >= 3001 * 64 * 4 && ImageMemory.cachedBytes < 3001 * 2000 * 4)
        ImageMemory.cacheLimit = 4 << 20
        #expect(ImageMemory.cachedBytes <= 4 << 20)
        #expect(mask[2999, 1999] == 255)
    }
}
