import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// Every place a file states its colors — PNG `iCCP`, `cICP`, `cHRM`+`gAMA`, WebP `ICCP`,
/// TIFF tag 34675, CMYK profiles in JPEG and TIFF — converted to sRGB within a level of Little
/// CMS's double-precision conversion; and what is not converted (`gAMA` alone) left as stored.
@Suite struct ColorSourcesTests {
    static let picture = Patterns.gradient(width: 64, height: 48)

    /// The picture as a PNG with no color chunk at all (libpng's writer adds `sRGB` and `gAMA`).
    static func png() throws -> [UInt8] {
        var samples: [UInt16] = []
        for y in 0..<picture.height {
            for x in 0..<picture.width {
                let p = picture[x, y]
                samples += [UInt16(p.r), UInt16(p.g), UInt16(p.b)]
            }
        }
        return PNGWriter(width: picture.width, height: picture.height, colorType: .rgb, bitDepth: 8, samples: samples).encode()
    }

    static func check(_ tagged: [UInt8], profile: [UInt8], name: String) throws {
        let stored = try ImageDecoder.decode(tagged, options: DecodeOptions(convertsToSRGB: false))
        let converted = try ImageDecoder.decode(tagged).image
        let reference = ICCProfiles.referenceToSRGB(stored.image, from: profile)
        let error = ColorManagementTests.meanError(converted, reference)
        #expect(error <= 1, "\(name): mean error \(error) against Little CMS in double precision")
        #expect(ColorManagementTests.meanError(converted, stored.image) > 2, "\(name): the conversion changed the colors")
        #expect(stored.pixelProfile != nil, "\(name): kept pixels come with the profile they are in")
    }

    @Test func pngICCP() throws {
        let profile = ICCProfiles.adobeRGB()
        let tagged = insertingChunks(try Self.png(), iccpChunk(profile))
        let info = try ImageDecoder.info(tagged)
        #expect(info.iccProfile == profile, "the profile is inflated byte for byte")
        #expect(info.iccProfileDescription?.hasPrefix("Adobe RGB") == true)
        try Self.check(tagged, profile: profile, name: "PNG iCCP")
        #expect(try ImageDecoder.decode(tagged, options: DecodeOptions(convertsToSRGB: false)).pixelProfile == profile)
    }

    @Test func pngICCPThatDoesNotInflateIsDamage() throws {
        let broken = insertingChunks(try Self.png(), chunk("iCCP", Array("x".utf8) + [0, 0, 0x78, 0x01, 0xFF, 0xFF]))
        #expect(throws: CodecError.self) { try ImageDecoder.decode(broken) }
        #expect(
            try ImageDecoder.decode(broken, options: DecodeOptions(tolerateDamage: true)).image
                == (try ImageDecoder.decode(Self.png()).image))
    }

    @Test func pngCICPDisplayP3() throws {
        // Display P3 (12) with the sRGB transfer (13), full-range RGB.
        let tagged = insertingChunks(try Self.png(), chunk("cICP", [12, 13, 0, 1]))
        let info = try ImageDecoder.info(tagged)
        #expect(info.declaredColorSpace == .codePoints(primaries: 12, transfer: 13))
        try Self.check(tagged, profile: ICCProfiles.displayP3(), name: "PNG cICP")
        // cICP wins over an iCCP chunk in the same file (PNG third edition).
        let both = insertingChunks(try Self.png(), chunk("cICP", [12, 13, 0, 1]) + iccpChunk(ICCProfiles.proPhotoRGB()))
        #expect(try ImageDecoder.decode(both).image == (try ImageDecoder.decode(tagged).image))
        // sRGB by code points changes nothing.
        let srgb = insertingChunks(try Self.png(), chunk("cICP", [1, 13, 0, 1]))
        #expect(try ImageDecoder.decode(srgb).image == (try ImageDecoder.decode(Self.png()).image))
    }

    @Test func pngChromaticitiesAndGamma() throws {
        // Adobe RGB's chromaticities and a gamma of 1/1.8, stated in cHRM and gAMA.
        let values = [31270, 32900, 64000, 33000, 21000, 71000, 15000, 6000]
        let chrm = chunk("cHRM", values.flatMap { v in (0..<4).map { UInt8(v >> (24 - 8 * $0) & 0xFF) } })
        let gama = chunk("gAMA", [0, 0, 0xD9, 0x03])  // 55555 = 1/1.8
        let tagged = insertingChunks(try Self.png(), gama + chrm)
        guard case .chromaticities? = try ImageDecoder.info(tagged).declaredColorSpace else {
            Issue.record("cHRM and gAMA are reported"); return
        }
        let profile = ICCProfiles.chromaticities(white: (0.3127, 0.3290), primaries: (0.64, 0.33, 0.21, 0.71, 0.15, 0.06), gamma: 1.8)
        try Self.check(tagged, profile: profile, name: "PNG cHRM+gAMA")
    }

    /// The decision for `gAMA` alone: the stored values are taken as sRGB, as Pillow, libvips
    /// and OpenCV take them (libpng's simplified reader alone would re-encode them).
    @Test(arguments: [100_000, 45_455, 22_727])
    func pngGammaAloneLeavesTheStoredValues(gamma: Int) throws {
        let plain = try Self.png()
        let tagged = insertingChunks(plain, chunk("gAMA", (0..<4).map { UInt8(gamma >> (24 - 8 * $0) & 0xFF) }))
        #expect(try ImageDecoder.decode(tagged).image == Self.picture, "gAMA \(gamma)")
        // 16-bit samples too (libpng reduces them; the tone stays).
        var wide: [UInt16] = []
        for y in 0..<Self.picture.height {
            for x in 0..<Self.picture.width {
                let p = Self.picture[x, y]
                wide += [UInt16(p.r) * 257, UInt16(p.g) * 257, UInt16(p.b) * 257]
            }
        }
        let deep = PNGWriter(width: Self.picture.width, height: Self.picture.height, colorType: .rgb, bitDepth: 16, samples: wide).encode()
        let deepTagged = insertingChunks(deep, chunk("gAMA", (0..<4).map { UInt8(gamma >> (24 - 8 * $0) & 0xFF) }))
        #expect(try ImageDecoder.decode(deepTagged).image == Self.picture, "16-bit, gAMA \(gamma)")
        #expect(try ImageDecoder.info(tagged).declaredColorSpace == nil)
    }

    @Test func webpICCP() throws {
        let profile = ICCProfiles.proPhotoRGB()
        let lossless = try Self.picture.encoded(as: .webp(WebPOptions(lossless: true)))
        let tagged = try WebPMetadataWriter.wrap(lossless, metadata: OutputMetadata(iccProfile: profile))
        #expect(try ImageDecoder.info(tagged).iccProfile == profile)
        try Self.check(tagged, profile: profile, name: "WebP ICCP")
    }

    @Test func tiffICCProfile() throws {
        let profile = ICCProfiles.adobeRGB()
        var samples: [UInt8] = []
        for y in 0..<48 { for x in 0..<64 { let p = Self.picture[x, y]; samples += [p.r, p.g, p.b] } }
        let tagged = TIFFWriter.encode(width: 64, height: 48, samples: samples, cmyk: false, iccProfile: profile)
        #expect(try ImageDecoder.info(tagged).iccProfile == profile)
        #expect(try ImageDecoder.decode(tagged, options: DecodeOptions(convertsToSRGB: false)).image == Self.picture)
        try Self.check(tagged, profile: profile, name: "TIFF 34675")
    }

    static func cmykSamples(width: Int, height: Int) -> [UInt8] {
        var samples: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                samples += [UInt8(x * 255 / (width - 1)), UInt8(y * 255 / (height - 1)), UInt8((x + y) * 3 % 256), UInt8((x * y) % 200)]
            }
        }
        return samples
    }

    @Test func cmykTIFFGoesThroughItsProfile() throws {
        let profile = ICCProfiles.cmyk()
        let (w, h) = (40, 30)
        let samples = Self.cmykSamples(width: w, height: h)
        let tagged = TIFFWriter.encode(width: w, height: h, samples: samples, cmyk: true, iccProfile: profile)
        let decoded = try ImageDecoder.decode(tagged)
        #expect(decoded.info.colorModel == .cmyk && decoded.info.iccProfile == profile)
        let reference = ICCProfiles.referenceCMYKToSRGB(samples, width: w, height: h, profile: profile, inverted: false)
        let error = ColorManagementTests.meanError(decoded.image, reference)
        #expect(error <= 1, "mean error \(error) against Little CMS in double precision")
        // Without the profile, the formula: a different picture.
        let plain = try ImageDecoder.decode(TIFFWriter.encode(width: w, height: h, samples: samples, cmyk: true, iccProfile: nil)).image
        #expect(ColorManagementTests.meanError(plain, reference) > 3)
        #expect(decoded.image.isOpaque && decoded.pixelProfile == nil)
    }

    @Test func cmykJPEGGoesThroughItsProfile() throws {
        let profile = ICCProfiles.cmyk()
        let (w, h) = (48, 32)
        let samples = Self.cmykSamples(width: w, height: h)
        // libjpeg-turbo writes CMYK with an Adobe marker: the samples are Adobe's inverted ones.
        let plain = try TestPictureEncoding.cmykJPEG(samples, width: w, height: h, quality: 100)
        let tagged = ICCProfiles.embed(profile, inJPEG: plain)
        let decoded = try ImageDecoder.decode(tagged)
        #expect(decoded.info.colorModel == .cmyk)
        // The reference is computed from the decoded ink (JPEG is lossy): read through the formula's inverse.
        let reference = ICCProfiles.referenceCMYKToSRGB(samples, width: w, height: h, profile: profile, inverted: true)
        let error = ColorManagementTests.meanError(decoded.image, reference)
        #expect(error <= 1.5, "mean error \(error) against Little CMS in double precision (JPEG at quality 100)")
        let untagged = try ImageDecoder.decode(plain).image
        #expect(ColorManagementTests.meanError(untagged, reference) > 3, "the profile, not the formula, was used")
    }
}

/// Against Little CMS's own tool: `jpgicc` (relative colorimetric, black-point compensation,
/// its output at quality 100) converts the same JPEGs; Limn's decode agrees within a level on
/// average (the tool's re-encoding costs about half of that).
@Suite(.enabled(if: tool("jpgicc") != nil, "Little CMS's jpgicc is not installed (apt: liblcms2-utils)"))
struct JPGICCTests {
    @Test(arguments: ["Adobe RGB", "ProPhoto RGB", "Display P3", "CMYK"])
    func limnAgreesWithJPGICC(name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limn-jpgicc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tagged: [UInt8]
        switch name {
        case "CMYK":
            let plain = try TestPictureEncoding.cmykJPEG(
                ColorSourcesTests.cmykSamples(width: 48, height: 32), width: 48, height: 32, quality: 100)
            tagged = ICCProfiles.embed(ICCProfiles.cmyk(), inJPEG: plain)
        default:
            let profile = [
                "Adobe RGB": ICCProfiles.adobeRGB(), "ProPhoto RGB": ICCProfiles.proPhotoRGB(), "Display P3": ICCProfiles.displayP3(),
            ][name]!
            let plain = try Patterns.gradient(width: 96, height: 64).encoded(as: .jpeg(JPEGOptions(quality: 100, subsampling: .s444)))
            tagged = ICCProfiles.embed(profile, inJPEG: plain)
        }
        try Data(tagged).write(to: URL(fileURLWithPath: folder + "/in.jpg"))
        _ = try run(tool("jpgicc")!, ["-t1", "-b", "-q100", folder + "/in.jpg", folder + "/out.jpg"])
        let theirs = try ImageDecoder.decode(file: folder + "/out.jpg").image
        let ours = try ImageDecoder.decode(tagged).image
        let error = ColorManagementTests.meanError(ours, theirs)
        #expect(error <= 1, "\(name): mean error \(error) against jpgicc")
    }
}
