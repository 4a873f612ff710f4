import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// Every frame of an animation, composited as it is shown.
@Suite struct AnimationTests {
    static let red = Pixel(r: 255, g: 0, b: 0), green = Pixel(r: 0, g: 255, b: 0), blue = Pixel(r: 0, g: 0, b: 255)

    /// Four frames exercising each disposal: keep, clear the rectangle, restore what was before.
    @Test func gifFramesFollowTheirDisposal() throws {
        let palette: [Pixel] = [.black, Self.red, Self.green, Self.blue]
        let halves = (0..<100).map { i in UInt8(i % 10 < 5 ? 0 : 2) }  // left half transparent, right half green
        let frames = [
            GIFWriter.Frame(width: 20, height: 20, indices: Array(repeating: 1, count: 400), delay: 10, disposal: 1),
            GIFWriter.Frame(left: 5, top: 5, width: 10, height: 10, indices: halves, transparentIndex: 0, delay: 20, disposal: 2),
            GIFWriter.Frame(width: 4, height: 4, indices: Array(repeating: 3, count: 16), delay: 30, disposal: 3),
            GIFWriter.Frame(left: 18, top: 18, width: 2, height: 2, indices: [2, 2, 2, 2]),
        ]
        let gif = try #require(GIFWriter(width: 20, height: 20, palette: palette, frames: frames).encode())
        let decoded = try ImageDecoder.frames(gif, source: "a.gif")
        #expect(decoded.map(\.duration) == [0.1, 0.2, 0.3, 0])

        func fill(_ image: inout Image, _ x: Range<Int>, _ y: Range<Int>, _ p: Pixel) {
            for yy in y { for xx in x { image[xx, yy] = p } }
        }
        var first = Image(width: 20, height: 20, fill: Self.red)
        var second = first
        fill(&second, 10..<15, 5..<15, Self.green)  // the transparent half leaves red
        var afterClear = first
        fill(&afterClear, 5..<15, 5..<15, .clear)
        var third = afterClear
        fill(&third, 0..<4, 0..<4, Self.blue)
        var fourth = afterClear  // the blue square was restored away
        fill(&fourth, 18..<20, 18..<20, Self.green)
        first.recomputeOpacity(); second.recomputeOpacity(); third.recomputeOpacity(); fourth.recomputeOpacity()
        #expect(decoded.map(\.image) == [first, second, third, fourth])
        #expect(decoded[0].image.isOpaque && !decoded[2].image.isOpaque)
        // The first frame is what `decode` gives.
        #expect(try ImageDecoder.decode(gif, source: "a.gif").image == first)
    }

    @Test func webpFramesAreTheCanvasesTheEncoderWasGiven() throws {
        let sources = [
            Patterns.gradient(width: 24, height: 16), Patterns.noise(width: 24, height: 16, opaque: true),
            Patterns.checkerAlpha(width: 24, height: 16),
        ]
        let webp = try TestPictureEncoding.animatedWebP(sources)
        let frames = try ImageDecoder.frames(webp, source: "a.webp")
        #expect(frames.count == 3)
        #expect(frames.map(\.duration) == [0.1, 0.1, 0.1])
        for (frame, source) in zip(frames, sources) {
            #expect(frame.image.size == source.size)
            // Lossless frames; fully transparent pixels may carry any color.
            var differing = 0
            for y in 0..<16 {
                for x in 0..<24 where source[x, y].a != 0 && frame.image[x, y] != source[x, y] { differing += 1 }
            }
            #expect(differing == 0)
        }
    }

    @Test func aStillPictureIsOneFrame() throws {
        let png = try Patterns.gradient(width: 9, height: 7).encoded(as: .png(PNGOptions()))
        let frames = try ImageDecoder.frames(png)
        let still = try ImageDecoder.decode(png).image
        #expect(frames.count == 1 && frames[0].duration == 0 && frames[0].image == still)
    }

    @Test func framesCountAgainstTheLimitsBeforeAnyIsDecoded() throws {
        let frames = (0..<50).map { _ in GIFWriter.Frame(width: 100, height: 100, indices: Array(repeating: 1, count: 10_000)) }
        let gif = try #require(GIFWriter(width: 100, height: 100, palette: [.black, .white], frames: frames).encode())
        // 50 frames of 100x100 RGBA are 2 MB: over a 1 MB limit, though one frame is not.
        let limits = DecodeLimits(maxBytes: 1 << 20)
        #expect(try ImageDecoder.decode(gif, options: DecodeOptions(limits: limits)).image.width == 100)
        #expect(throws: CodecError.self) { try ImageDecoder.frames(gif, options: DecodeOptions(limits: limits)) }
        #expect(try ImageDecoder.frames(gif).count == 50)
    }
}
