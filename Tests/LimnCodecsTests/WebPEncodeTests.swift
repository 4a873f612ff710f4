import Foundation
import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

/// WebP encoding on a second thread gives the same bytes as on one; method and preset change
/// the file as libwebp says; out-of-range settings are refused.
@Suite struct WebPEncodeTests {
    static let picture = Patterns.noise(width: 320, height: 240, seed: 4, opaque: true)

    @Test(arguments: [
        WebPOptions(quality: 80), WebPOptions(quality: 50, method: 6), WebPOptions(lossless: true),
        WebPOptions(quality: 75, preset: .photo),
    ])
    func threadsDoNotChangeTheBytes(options: WebPOptions) throws {
        let one = try Parallelism.withMaximumThreads(1) { try Self.picture.encoded(as: .webp(options)) }
        let two = try Parallelism.withMaximumThreads(2) { try Self.picture.encoded(as: .webp(options)) }
        #expect(one == two)
        #expect(try ImageDecoder.decode(two).image.size == Self.picture.size)
    }

    @Test func methodAndPresetMatter() throws {
        let photo = Patterns.gradient(width: 256, height: 192)
        let fast = try photo.encoded(as: .webp(WebPOptions(quality: 80, method: 0)))
        let slow = try photo.encoded(as: .webp(WebPOptions(quality: 80, method: 6)))
        #expect(fast != slow)
        let text = try photo.encoded(as: .webp(WebPOptions(quality: 80, preset: .text)))
        #expect(text != (try photo.encoded(as: .webp(WebPOptions(quality: 80)))))
        #expect(throws: CodecError.self) { try photo.encoded(as: .webp(WebPOptions(method: 7))) }
    }
}
