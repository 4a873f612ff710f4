/// Entry points for making test pictures in formats the public encoders do not write (for
/// `LimnTestSupport` and the generator of `TestImages/`; not part of the library's API).
package enum TestPictureEncoding {
    /// A YCCK JPEG (Adobe marker) from inverted CMYK pixels, as Photoshop writes them.
    package static func cmykJPEG(_ cmyk: [UInt8], width: Int, height: Int, quality: Int) throws -> [UInt8] {
        try JPEGCodec.encodeCMYK(cmyk, width: width, height: height, quality: quality)
    }

    /// An animated WebP of lossless RGBA frames.
    package static func animatedWebP(_ frames: [Image]) throws -> [UInt8] {
        guard let first = frames.first else { throw CodecError.cannotEncode(format: .webp, reason: "no frames") }
        let raw = frames.map { frame in frame.withUnsafeBytes { Array($0) } }
        do {
            return try LibWebP.encodeAnimation(raw, width: first.width, height: first.height)
        } catch {
            throw CodecError.cannotEncode(format: .webp, reason: error.message)
        }
    }
}
