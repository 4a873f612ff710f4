import LimnRaster

/// CMYK without a profile.
enum CMYK {
    /// C, M, Y, K bytes to RGBA in place by the formula libjpeg-turbo's tools use: with Adobe's
    /// inverted bytes (0 is full ink) `R = round(C × K / 255)`, else `R = round((255 − C)(255 − K) / 255)`.
    static func convertToRGBA(_ image: inout Image, inverted: Bool) {
        image.withUnsafeMutableBytes(preservingOpacity: true) { raw in
            let p = raw.bindMemory(to: UInt8.self)
            let flip: UInt32 = inverted ? 0 : 255
            var i = 0
            while i + 3 < p.count {
                let k = UInt32(p[i + 3]) ^ flip
                p[i] = UInt8(((UInt32(p[i]) ^ flip) * k + 127) / 255)
                p[i + 1] = UInt8(((UInt32(p[i + 1]) ^ flip) * k + 127) / 255)
                p[i + 2] = UInt8(((UInt32(p[i + 2]) ^ flip) * k + 127) / 255)
                p[i + 3] = 255
                i += 4
            }
        }
    }
}
