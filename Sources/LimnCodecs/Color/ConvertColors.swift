import CLCMS2
import LimnRaster

extension ImageDecoder {
    /// Brings a codec's pixels into sRGB, or leaves them as stored: CMYK pixels go through the
    /// file's CMYK profile, or without one through the formula libjpeg-turbo's tools use
    /// (`R = (255 − C)(255 − K) / 255` in plain terms), whatever `convertsToSRGB` says (an RGBA
    /// image cannot hold ink). RGB and gray pixels go through the file's profile, or the one
    /// made for its declared color space (a PNG's `cICP` first), when `convertsToSRGB` is true.
    /// Returns the profile the pixels are left in, nil for sRGB.
    static func convertColors(
        _ image: inout Image, stored: StoredDecode, options: DecodeOptions, source: String
    ) throws(CodecError) -> [UInt8]? {
        let info = stored.info
        if stored.colorsConverted { return nil }
        let fail = { (failure: LittleCMS.Failure) throws(CodecError) in
            // A profile that is not one: damage, unless the caller tolerates it (then the pixels
            // are taken as sRGB, as browsers take them).
            if !options.tolerateDamage { throw CodecError.corrupt(source: source, format: info.format, message: failure.message) }
        }
        if let inverted = stored.cmykInverted {
            var converted = false
            if let profile = info.iccProfile {
                do throws(LittleCMS.Failure) {
                    converted = try LittleCMS.convertToSRGB(&image, profile: profile, layout: .cmyk(inverted: inverted))
                } catch {
                    try fail(error)
                }
            }
            if !converted { CMYK.convertToRGBA(&image, inverted: inverted) }
            return nil
        }
        let profile: [UInt8]?
        switch info.declaredColorSpace {
        case .codePoints?: profile = info.declaredColorSpace.flatMap(LittleCMS.profile(for:))
        case .chromaticities?: profile = info.iccProfile ?? info.declaredColorSpace.flatMap(LittleCMS.profile(for:))
        case nil: profile = info.iccProfile
        }
        guard let profile else { return nil }
        guard options.convertsToSRGB else {
            // Kept only when it describes the pixels as they are (an RGB or gray profile).
            let space = LittleCMS.colorSpace(of: profile)
            return space == cmsSigRgbData || space == cmsSigGrayData ? profile : nil
        }
        do throws(LittleCMS.Failure) {
            _ = try LittleCMS.convertToSRGB(&image, profile: profile)
        } catch {
            try fail(error)
        }
        return nil
    }
}
