import CLCMS2
import LimnRaster

/// ICC profiles for the tests, made by Little CMS, and the double-precision conversion the
/// decoder's 8-bit sRGB transform is checked against.
public enum ICCProfiles {
    /// An Adobe RGB (1998) profile: D65 white, Adobe's primaries, gamma 563/256.
    public static func adobeRGB() -> [UInt8] {
        rgb(primaries: (0.64, 0.33, 0.21, 0.71, 0.15, 0.06), gamma: 563.0 / 256, description: "Adobe RGB (1998) compatible")
    }

    /// A ProPhoto RGB profile: D50 white, ROMM primaries, gamma 1.8.
    public static func proPhotoRGB() -> [UInt8] {
        rgb(primaries: (0.7347, 0.2653, 0.1596, 0.8404, 0.0366, 0.0001), gamma: 1.8, description: "ProPhoto RGB compatible", d50: true)
    }

    /// Little CMS's own sRGB profile.
    public static func sRGB() -> [UInt8] {
        save(cmsCreate_sRGBProfile())
    }

    private static func rgb(
        primaries p: (Double, Double, Double, Double, Double, Double), gamma: Double, description: String,
        d50: Bool = false
    ) -> [UInt8] {
        var white = d50 ? cmsCIExyY(x: 0.3457, y: 0.3585, Y: 1) : cmsCIExyY(x: 0.3127, y: 0.3290, Y: 1)
        var triple = cmsCIExyYTRIPLE(
            Red: cmsCIExyY(x: p.0, y: p.1, Y: 1), Green: cmsCIExyY(x: p.2, y: p.3, Y: 1),
            Blue: cmsCIExyY(x: p.4, y: p.5, Y: 1))
        let curve = cmsBuildGamma(nil, gamma)
        defer { cmsFreeToneCurve(curve) }
        var curves: [OpaquePointer?] = [curve, curve, curve]
        let profile = cmsCreateRGBProfile(&white, &triple, &curves)
        let mlu = cmsMLUalloc(nil, 1)
        cmsMLUsetASCII(mlu, "en", "US", description)
        cmsWriteTag(profile, cmsSigProfileDescriptionTag, UnsafeRawPointer(mlu))
        cmsMLUfree(mlu)
        return save(profile)
    }

    private static func save(_ profile: cmsHPROFILE?) -> [UInt8] {
        defer { cmsCloseProfile(profile) }
        var size: cmsUInt32Number = 0
        guard cmsSaveProfileToMem(profile, nil, &size) != 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        _ = cmsSaveProfileToMem(profile, &bytes, &size)
        return bytes
    }

    /// `jpeg` with `profile` embedded as APP2 `ICC_PROFILE` chunks of at most `chunk` bytes, right after SOI.
    public static func embed(_ profile: [UInt8], inJPEG jpeg: [UInt8], chunk: Int = 65_519) -> [UInt8] {
        let pieces = stride(from: 0, to: profile.count, by: chunk).map { Array(profile[$0..<min($0 + chunk, profile.count)]) }
        var segments: [UInt8] = []
        for (k, piece) in pieces.enumerated() {
            let payload = Array("ICC_PROFILE".utf8) + [0, UInt8(k + 1), UInt8(pieces.count)] + piece
            let length = payload.count + 2
            segments += [0xFF, 0xE2, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        }
        return Array(jpeg[0..<2]) + segments + Array(jpeg[2...])
    }

    /// `image` converted from `profile` to sRGB in double precision, unoptimized (relative
    /// colorimetric, black-point compensation), rounded to 8 bits: the reference.
    public static func referenceToSRGB(_ image: Image, from profile: [UInt8]) -> Image {
        let input = profile.withUnsafeBytes { cmsOpenProfileFromMem($0.baseAddress, cmsUInt32Number($0.count)) }
        let output = cmsCreate_sRGBProfile()
        defer { cmsCloseProfile(input); cmsCloseProfile(output) }
        // TYPE_RGB_DBL: floating point (1 << 22), RGB (4 << 16), three channels, 0 bytes (double).
        let rgbDouble: UInt32 = 1 << 22 | 4 << 16 | 3 << 3 | 0
        let flags = cmsUInt32Number(cmsFLAGS_BLACKPOINTCOMPENSATION | cmsFLAGS_NOOPTIMIZE)
        let transform = cmsCreateTransform(input, rgbDouble, output, rgbDouble, cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), flags)
        defer { cmsDeleteTransform(transform) }
        var out = image
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = image[x, y]
                var rgb = [Double(p.r) / 255, Double(p.g) / 255, Double(p.b) / 255]
                var converted = [Double](repeating: 0, count: 3)
                cmsDoTransform(transform, &rgb, &converted, 1)
                func level(_ v: Double) -> UInt8 { UInt8(min(max((v * 255).rounded(), 0), 255)) }
                out[x, y] = Pixel(r: level(converted[0]), g: level(converted[1]), b: level(converted[2]), a: p.a)
            }
        }
        return out
    }
}
