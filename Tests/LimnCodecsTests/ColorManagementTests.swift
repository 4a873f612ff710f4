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
