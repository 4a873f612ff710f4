import LimnRaster

/// Small files whose headers lie about sizes, for the tests that check nothing is allocated
/// or read from a declared length alone.
public enum HostileFiles {
    /// The chunk types libpng reads before the image data and allocates for as declared.
    public static let ancillaryTypes = ["tEXt", "zTXt", "iTXt", "sCAL", "pCAL", "sPLT"]

    /// A 57-byte PNG: signature, a 1x1 header, then a `type` chunk declaring `length` bytes
    /// (about 2 GB by default) of which 16 follow.
    public static func pngDeclaring(_ type: String, length: Int = 0x7FFF_F000) -> [UInt8] {
        let header = PNGWriter(image: Image(width: 1, height: 1, fill: .white), colorType: .rgb, bitDepth: 8).encode().prefix(33)
        return Array(header) + be32(length) + Array(type.utf8) + [UInt8](repeating: 0x41, count: 16)
    }

    /// A valid 8x8 PNG with a `type` chunk holding `payload` before its image data.
    public static func png(inserting type: String, payload: [UInt8]) -> [UInt8] {
        var png = PNGWriter(image: Image(width: 8, height: 8, fill: .white), colorType: .rgb, bitDepth: 8).encode()
        png.insert(contentsOf: chunk(type, payload), at: 33)
        return png
    }
}
