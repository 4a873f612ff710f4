import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// Pictures tagged with a wide-gamut ICC profile come out in sRGB, within a level of Little
/// CMS's own double-precision conversion; sRGB-tagged ones are left alone; the profile can be kept.
@Suite struct ColorManagementTests {
    static let picture = Patterns.gradient(width: 96, height: 64)

    static func jpeg() throws -> [UInt8] {
        try picture.encoded(as: .jpeg(JPEGOptions(quality: 95, subsampling: .s444)))
    }

    static func meanError(_ a: Image, _ b: Image) -> Double {
        var sum = 0
        for y in 0..<a.height {
            for x in 0..<a.width {
                let p = a[x, y], q = b[x, y]
                sum += abs(Int(p.r) - Int(q.r)) + abs(Int(p.g) - Int(q.g)) + abs(Int(p.b) - Int(q.b))
            }
        }
        return Double(sum) / Double(a.width * a.height * 3)
    }

    @Test(arguments: ["Adobe RGB", "ProPhoto RGB"])
    func wideGamutJPEGsAreConvertedToSRGB(name: String) throws {
        let profile = name == "Adobe RGB" ? ICCProfiles.adobeRGB() : ICCProfiles.proPhotoRGB()
        let plain = try Self.jpeg()
        let tagged = ICCProfiles.embed(profile, inJPEG: plain, chunk: 1000)  // several chunks, joined in order
        let stored = try ImageDecoder.decode(tagged, options: DecodeOptions(convertsToSRGB: false)).image
        #expect(stored == (try ImageDecoder.decode(plain).image), "kept as stored, the pixels are the file's")
        let converted = try ImageDecoder.decode(tagged).image
        let reference = ICCProfiles.referenceToSRGB(stored, from: profile)
        let error = Self.meanError(converted, reference)
        #expect(error <= 1, "\(name): mean error \(error) against Little CMS in double precision")
        #expect(Self.meanError(converted, stored) > 3, "\(name): the conversion changed the colors")
        let info = try ImageDecoder.info(tagged)
        #expect(info.iccProfile == profile, "the profile comes back byte for byte")
        #expect(info.iccProfileDescription?.hasPrefix(name) == true, "\(info.iccProfileDescription ?? "none")")
    }

    @Test func anSRGBProfileChangesNothing() throws {
        let plain = try Self.jpeg()
        let tagged = ICCProfiles.embed(ICCProfiles.sRGB(), inJPEG: plain)
        #expect(try ImageDecoder.decode(tagged).image == (try ImageDecoder.decode(plain).image))
    }

    @Test func aProfileThatIsNoProfileIsAnErrorUnlessDamageIsTolerated() throws {
        let plain = try Self.jpeg()
        let tagged = ICCProfiles.embed(Array(repeating: 0x41, count: 300), inJPEG: plain)
        #expect(throws: CodecError.self) { try ImageDecoder.decode(tagged, source: "bad.jpg") }
        let tolerated = try ImageDecoder.decode(tagged, options: DecodeOptions(tolerateDamage: true)).image
        #expect(tolerated == (try ImageDecoder.decode(plain).image))
        // A chunk missing from a split profile: no profile is assembled, nothing is converted.
        var broken = ICCProfiles.embed(ICCProfiles.adobeRGB(), inJPEG: plain, chunk: 100)
        let second = try #require((0..<broken.count - 16).first { broken[$0] == 0xE2 && broken[$0 + 15] == 2 })
        broken[second + 15] = 1  // two chunks numbered 1
        #expect(try ImageDecoder.info(broken).iccProfile == nil)
    }
}

/// A baseline JPEG whose profile needs converting is decoded in bands while the bands already
/// decoded are converted on another thread: the pixels are exactly those of decoding first
/// and converting after (one thread), at every scale, and damage gives the same errors.
@Suite struct BandDecodeTests {
    static let picture = Patterns.noise(width: 301, height: 517, seed: 3, opaque: true)

    static func tagged(_ options: JPEGOptions) throws -> [UInt8] {
        ICCProfiles.embed(ICCProfiles.adobeRGB(), inJPEG: try picture.encoded(as: .jpeg(options)))
    }

    @Test(arguments: [JPEGOptions.Subsampling.s420, .s422, .s444, .gray])
    func bandsGiveThePixelsOfTheWholeDecode(subsampling: JPEGOptions.Subsampling) throws {
        let jpeg = try Self.tagged(JPEGOptions(quality: 90, subsampling: subsampling))
        for target in [nil, Size(width: 151, height: 0), Size(width: 40, height: 70), Size(width: 264, height: 0)] {
            let options = DecodeOptions(targetSize: target)
            let banded = try Parallelism.withMaximumThreads(2) { try ImageDecoder.decode(jpeg, options: options) }
            let whole = try Parallelism.withMaximumThreads(1) { try ImageDecoder.decode(jpeg, options: options) }
            #expect(banded.image == whole.image, "\(subsampling), target \(String(describing: target))")
            #expect(banded.scale == whole.scale && banded.image.isOpaque)
        }
    }

    @Test func progressiveAndDamagedFilesTakeTheUsualPath() throws {
        let progressive = try Self.tagged(JPEGOptions(quality: 90, progressive: true))
        let a = try Parallelism.withMaximumThreads(2) { try ImageDecoder.decode(progressive).image }
        let b = try Parallelism.withMaximumThreads(1) { try ImageDecoder.decode(progressive).image }
        #expect(a == b)
        let baseline = try Self.tagged(JPEGOptions(quality: 90))
        let cut = Array(baseline.prefix(baseline.count * 2 / 3))
        func failure(_ threads: Int) -> String {
            do {
                _ = try Parallelism.withMaximumThreads(threads) { try ImageDecoder.decode(cut, source: "cut.jpg") }
                return "decoded"
            } catch {
                return "\(error)"
            }
        }
        #expect(failure(2) == failure(1) && failure(1) != "decoded", "\(failure(2))")
        let tolerant = DecodeOptions(tolerateDamage: true)
        let c = try Parallelism.withMaximumThreads(2) { try ImageDecoder.decode(cut, options: tolerant).image }
        let d = try Parallelism.withMaximumThreads(1) { try ImageDecoder.decode(cut, options: tolerant).image }
        #expect(c == d, "a cut file tolerated gives the same picture")
    }
}
