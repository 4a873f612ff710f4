/// Rewrites a WebP libwebp encoded as the extended format (`VP8X`) with `ICCP`, `EXIF` and
/// `XMP ` chunks, in the order the container specification requires: `VP8X`, `ICCP`, the image
/// data (`ALPH` and `VP8 `, or `VP8L`), `EXIF`, `XMP `. Pure Swift.
package enum WebPMetadataWriter {
    package static func wrap(_ webp: [UInt8], metadata: OutputMetadata) throws(CodecError) -> [UInt8] {
        guard !metadata.isEmpty else { return webp }
        func fail(_ why: String) -> CodecError { .cannotEncode(format: .webp, reason: why) }
        guard webp.count >= 20, Array(webp[0..<4]) == Array("RIFF".utf8), Array(webp[8..<12]) == Array("WEBP".utf8) else {
            throw fail("libwebp's output is not a RIFF WebP")
        }
        var image: [UInt8] = []
        var alpha = false
        var size: (width: Int, height: Int)?
        var p = 12
        while p + 8 <= webp.count {
            let tag = String(decoding: webp[p..<(p + 4)], as: UTF8.self)
            let length = Int(webp[p + 4]) | Int(webp[p + 5]) << 8 | Int(webp[p + 6]) << 16 | Int(webp[p + 7]) << 24
            let end = p + 8 + length + (length & 1)
            guard p + 8 + length <= webp.count else { throw fail("libwebp's output has a chunk cut short") }
            let payload = Array(webp[(p + 8)..<(p + 8 + length)])
            switch tag {
            case "VP8X" where length >= 10:
                alpha = payload[0] & 0x10 != 0
                size = (
                    1 + (Int(payload[4]) | Int(payload[5]) << 8 | Int(payload[6]) << 16),
                    1 + (Int(payload[7]) | Int(payload[8]) << 8 | Int(payload[9]) << 16)
                )
            case "ALPH", "VP8 ", "VP8L":
                image += webp[p..<min(end, webp.count)]
                if tag == "ALPH" { alpha = true }
                if tag == "VP8L", length >= 5 {
                    // Signature 0x2F, then 14 bits width − 1, 14 bits height − 1, 1 bit alpha.
                    let bits = Int(payload[1]) | Int(payload[2]) << 8 | Int(payload[3]) << 16 | Int(payload[4]) << 24
                    size = size ?? (1 + bits & 0x3FFF, 1 + (bits >> 14) & 0x3FFF)
                    alpha = alpha || bits >> 28 & 1 != 0
                }
                if tag == "VP8 ", length >= 10, size == nil {
                    // Frame tag (3 bytes), start code (3), then 14-bit width and height.
                    size = ((Int(payload[6]) | Int(payload[7]) << 8) & 0x3FFF, (Int(payload[8]) | Int(payload[9]) << 8) & 0x3FFF)
                }
            default:
                break
            }
            p = end
        }
        guard let size, !image.isEmpty else { throw fail("libwebp's output holds no image data") }
        let exif = metadata.exifToWrite
        let profile = metadata.iccProfile.flatMap { $0.isEmpty ? nil : $0 }
        var flags: UInt8 = alpha ? 0x10 : 0
        if profile != nil { flags |= 0x20 }
        if exif != nil { flags |= 0x08 }
        if metadata.xmp != nil { flags |= 0x04 }
        func le24(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF)] }
        func chunk(_ tag: String, _ data: [UInt8]) -> [UInt8] {
            let n = data.count
            return Array(tag.utf8) + [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24 & 0xFF)] + data
                + (n & 1 == 1 ? [0] : [])
        }
        var body = Array("WEBP".utf8) + chunk("VP8X", [flags, 0, 0, 0] + le24(size.width - 1) + le24(size.height - 1))
        if let profile { body += chunk("ICCP", profile) }
        body += image
        if let exif { body += chunk("EXIF", exif) }
        if let xmp = metadata.xmp { body += chunk("XMP ", xmp) }
        let n = body.count
        guard n < Int(UInt32.max) else { throw fail("the file would be larger than RIFF allows") }
        return Array("RIFF".utf8) + [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24 & 0xFF)] + body
    }
}
