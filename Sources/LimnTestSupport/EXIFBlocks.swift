/// EXIF orientation blocks and the containers that carry them, for test pictures.
public enum EXIFBlocks {
    /// A minimal TIFF structure with one IFD holding the orientation tag (0x0112, SHORT).
    public static func tiff(orientation: Int, bigEndian: Bool) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: Int) -> [UInt8] { bigEndian ? be32(v) : be32(v).reversed() }
        var t: [UInt8] = bigEndian ? [0x4D, 0x4D] : [0x49, 0x49]
        t += u16(42) + u32(8)  // header, IFD0 at offset 8
        t += u16(2)  // two entries
        t += u16(0x010F) + u16(2) + u32(4) + Array("Limn".utf8)  // Make, ASCII, inline
        t += u16(0x0112) + u16(3) + u32(1) + u16(orientation) + u16(0)
        t += u32(0)  // no next IFD
        return t
    }

    /// Like ``tiff(orientation:bigEndian:)``, with an IFD1 holding `thumbnail` as its embedded
    /// JPEG thumbnail (tags 0x0201 offset and 0x0202 length), the bytes after the IFDs.
    public static func tiff(orientation: Int, bigEndian: Bool, thumbnail: [UInt8]) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: Int) -> [UInt8] { bigEndian ? be32(v) : be32(v).reversed() }
        var t = tiff(orientation: orientation, bigEndian: bigEndian)
        let ifd1 = t.count
        t.replaceSubrange((ifd1 - 4)..<ifd1, with: u32(ifd1))
        let data = ifd1 + 2 + 2 * 12 + 4
        t += u16(2) + u16(0x0201) + u16(4) + u32(1) + u32(data) + u16(0x0202) + u16(4) + u32(1) + u32(thumbnail.count) + u32(0)
        return t + thumbnail
    }

    /// The JPEG with an APP1 `Exif` segment inserted right after SOI.
    public static func jpeg(_ jpeg: [UInt8], orientation: Int, bigEndian: Bool = true) -> [UInt8] {
        let payload = Array("Exif".utf8) + [0, 0] + tiff(orientation: orientation, bigEndian: bigEndian)
        let length = payload.count + 2
        return Array(jpeg[0..<2]) + [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + Array(jpeg[2...])
    }

    /// A simple (`VP8 `/`VP8L`) WebP rewritten as an extended one (`VP8X`) with an `EXIF` chunk.
    public static func webp(_ webp: [UInt8], width: Int, height: Int, orientation: Int, hasAlpha: Bool) -> [UInt8] {
        func le32(_ v: Int) -> [UInt8] { be32(v).reversed() }
        func le24(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF)] }
        let exif = tiff(orientation: orientation, bigEndian: false)
        var exifChunk = Array("EXIF".utf8) + le32(exif.count) + exif
        if exif.count % 2 == 1 { exifChunk.append(0) }
        var chunks = Array(webp[12...])
        if Array(chunks[0..<4]) == Array("VP8X".utf8) {
            chunks[8] |= 0x08  // already extended: set the EXIF flag
        } else {
            var vp8x: [UInt8] = Array("VP8X".utf8) + le32(10)
            vp8x += [UInt8(0x08 | (hasAlpha ? 0x10 : 0)), 0, 0, 0] + le24(width - 1) + le24(height - 1)
            chunks = vp8x + chunks
        }
        let body = Array("WEBP".utf8) + chunks + exifChunk
        return Array("RIFF".utf8) + le32(body.count) + body
    }
}
