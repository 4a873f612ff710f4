import CLCMS2
import Foundation
import LimnRaster

/// ICC profiles for the tests, made by Little CMS, and the double-precision conversion the
/// decoder's 8-bit sRGB transform is checked against.
public enum ICCProfiles {
    /// An Adobe RGB (1998) profile: D65 white, Adobe's primaries, gamma 563/256.
    public static func adobeRGB() -> [UInt8] { adobeRGBProfile }

    private static let adobeRGBProfile: [UInt8] = {
        rgb(
            primaries: (0.64, 0.33, 0.21, 0.71, 0.15, 0.06), curve: cmsBuildGamma(nil, 563.0 / 256),
            description: "Adobe RGB (1998) compatible")
    }()

    /// A ProPhoto RGB profile: D50 white, ROMM primaries, gamma 1.8.
    public static func proPhotoRGB() -> [UInt8] { proPhotoRGBProfile }

    private static let proPhotoRGBProfile: [UInt8] = {
        rgb(
            primaries: (0.7347, 0.2653, 0.1596, 0.8404, 0.0366, 0.0001), curve: cmsBuildGamma(nil, 1.8),
            description: "ProPhoto RGB compatible",
            white: (0.3457, 0.3585))
    }()

    /// Little CMS's own sRGB profile.
    public static func sRGB() -> [UInt8] { sRGBProfile }

    private static let sRGBProfile: [UInt8] = {
        save(cmsCreate_sRGBProfile())
    }()

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

    /// A Display P3 profile: D65 white, DCI-P3 primaries, the sRGB tone curve.
    public static func displayP3() -> [UInt8] { displayP3Profile }

    private static let displayP3Profile: [UInt8] = {
        rgb(primaries: (0.680, 0.320, 0.265, 0.690, 0.150, 0.060), curve: srgbCurve(), description: "Display P3 compatible")
    }()

    /// A profile made from chromaticities and a decoding gamma (what a PNG's cHRM and gAMA say).
    public static func chromaticities(
        white: (Double, Double), primaries: (Double, Double, Double, Double, Double, Double), gamma: Double
    ) -> [UInt8] {
        rgb(primaries: primaries, curve: cmsBuildGamma(nil, gamma), description: "chromaticities", white: white)
    }

    private static func srgbCurve() -> OpaquePointer? {
        var parameters: [Double] = [2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045]
        return cmsBuildParametricToneCurve(nil, 4, &parameters)
    }

    private static func rgb(
        primaries p: (Double, Double, Double, Double, Double, Double), curve: OpaquePointer?, description: String,
        white w: (Double, Double) = (0.3127, 0.3290)
    ) -> [UInt8] {
        var white = cmsCIExyY(x: w.0, y: w.1, Y: 1)
        var triple = cmsCIExyYTRIPLE(
            Red: cmsCIExyY(x: p.0, y: p.1, Y: 1), Green: cmsCIExyY(x: p.2, y: p.3, Y: 1),
            Blue: cmsCIExyY(x: p.4, y: p.5, Y: 1))
        defer { cmsFreeToneCurve(curve) }
        var curves: [OpaquePointer?] = [curve, curve, curve]
        let profile = cmsCreateRGBProfile(&white, &triple, &curves)
        let mlu = cmsMLUalloc(nil, 1)
        cmsMLUsetASCII(mlu, "en", "US", description)
        cmsWriteTag(profile, cmsSigProfileDescriptionTag, UnsafeRawPointer(mlu))
        cmsMLUfree(mlu)
        return save(profile)
    }

    /// (Each profile is made once per process: Little CMS stamps the creation time into it.)
    /// A CMYK input profile (an `A2B0` table of 9 points a side, to Lab) of a made-up press:
    /// `R = (1 − 0.9 C)(1 − 0.95 K)`, `G = (1 − M)(1 − 0.1 C)(1 − 0.95 K)`, `B = (1 − 0.92 Y)(1 − 0.95 K)` in
    /// sRGB values. Not the formula used without a profile, so a test can tell which was used.
    public static func cmyk() -> [UInt8] { cmykProfile }

    private static let cmykProfile: [UInt8] = {
        let profile = cmsCreateProfilePlaceholder(nil)
        cmsSetProfileVersion(profile, 4.3)
        cmsSetDeviceClass(profile, cmsSigInputClass)
        cmsSetColorSpace(profile, cmsSigCmykData)
        cmsSetPCS(profile, cmsSigLabData)
        let pipeline = cmsPipelineAlloc(nil, 4, 3)
        let clut = cmsStageAllocCLut16bit(nil, 9, 4, 3, nil)
        cmsStageSampleCLut16bit(
            clut,
            { input, output, _ in
                guard let input, let output else { return 0 }
                let c = Double(input[0]) / 65535, m = Double(input[1]) / 65535, y = Double(input[2]) / 65535
                let k = Double(input[3]) / 65535
                let rgb = [(1 - 0.9 * c) * (1 - 0.95 * k), (1 - m) * (1 - 0.1 * c) * (1 - 0.95 * k), (1 - 0.92 * y) * (1 - 0.95 * k)]
                let linear = rgb.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
                // sRGB's D50-adapted colorants.
                var xyz = cmsCIEXYZ(
                    X: 0.4360747 * linear[0] + 0.3850649 * linear[1] + 0.1430804 * linear[2],
                    Y: 0.2225045 * linear[0] + 0.7168786 * linear[1] + 0.0606169 * linear[2],
                    Z: 0.0139322 * linear[0] + 0.0971045 * linear[1] + 0.7141733 * linear[2])
                var lab = cmsCIELab()
                cmsXYZ2Lab(nil, &lab, &xyz)
                var encoded: [cmsUInt16Number] = [0, 0, 0]
                cmsFloat2LabEncoded(&encoded, &lab)
                output[0] = encoded[0]; output[1] = encoded[1]; output[2] = encoded[2]
                return 1
            }, nil, 0)
        // lutAtoBType needs curves around the table ("A", CLUT, "B"): identities here.
        cmsPipelineInsertStage(pipeline, cmsAT_BEGIN, cmsStageAllocToneCurves(nil, 4, nil))
        cmsPipelineInsertStage(pipeline, cmsAT_END, clut)
        cmsPipelineInsertStage(pipeline, cmsAT_END, cmsStageAllocToneCurves(nil, 3, nil))
        cmsWriteTag(profile, cmsSigAToB0Tag, UnsafeRawPointer(pipeline))
        cmsPipelineFree(pipeline)
        var white = cmsD50_XYZ().pointee
        cmsWriteTag(profile, cmsSigMediaWhitePointTag, &white)
        let mlu = cmsMLUalloc(nil, 1)
        cmsMLUsetASCII(mlu, "en", "US", "Limn test press CMYK")
        cmsWriteTag(profile, cmsSigProfileDescriptionTag, UnsafeRawPointer(mlu))
        cmsMLUfree(mlu)
        return save(profile)
    }()

    /// `cmyk` (four bytes a pixel; `inverted` for Adobe's 0-is-full-ink) converted from
    /// `profile` to sRGB in double precision (relative colorimetric, black-point compensation).
    public static func referenceCMYKToSRGB(_ cmyk: [UInt8], width: Int, height: Int, profile: [UInt8], inverted: Bool) -> Image {
        let input = profile.withUnsafeBytes { cmsOpenProfileFromMem($0.baseAddress, cmsUInt32Number($0.count)) }
        precondition(input != nil, "not a profile")
        let output = cmsCreate_sRGBProfile()
        defer { cmsCloseProfile(input); cmsCloseProfile(output) }
        // TYPE_CMYK_DBL (values 0...100) and TYPE_RGB_DBL.
        let cmykDouble: UInt32 = 1 << 22 | 6 << 16 | 4 << 3 | 0
        let rgbDouble: UInt32 = 1 << 22 | 4 << 16 | 3 << 3 | 0
        let flags = cmsUInt32Number(cmsFLAGS_BLACKPOINTCOMPENSATION | cmsFLAGS_NOOPTIMIZE)
        let transform = cmsCreateTransform(input, cmykDouble, output, rgbDouble, cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), flags)
        defer { cmsDeleteTransform(transform) }
        var out = Image(width: width, height: height, fill: Pixel(r: 0, g: 0, b: 0, a: 255))
        for y in 0..<height {
            for x in 0..<width {
                let q = 4 * (y * width + x)
                var ink = (0..<4).map { Double(inverted ? 255 - cmyk[q + $0] : cmyk[q + $0]) / 255 * 100 }
                var converted = [Double](repeating: 0, count: 3)
                cmsDoTransform(transform, &ink, &converted, 1)
                func level(_ v: Double) -> UInt8 { UInt8(min(max((v * 255).rounded(), 0), 255)) }
                out[x, y] = Pixel(r: level(converted[0]), g: level(converted[1]), b: level(converted[2]), a: 255)
            }
        }
        return out
    }
}
