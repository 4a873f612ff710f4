/// The RIFF container of a WebP file, walked in pure Swift: the chunks libwebp's simple
/// decoder does not expose (EXIF, ICCP, XMP) and whether the file is cut short.
struct WebPContainer {
    /// The payload of the `EXIF` chunk, if any.
    var exif: Range<Int>?
    /// The payload of the `ICCP` chunk (the ICC profile), if any.
    var iccp: Range<Int>?
    /// The payload of the `XMP ` chunk, if any.
    var xmp: Range<Int>?
    /// True for lossless (`VP8L`) image data.
    var isLossless = false
    /// True when the RIFF header declares more bytes than there are.
    var isTruncated = false

    init(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 12 else { isTruncated = true; return }
        let declared = WebPContainer.u32(bytes, 4) + 8
        if declared > bytes.count { isTruncated = true }
        var p = 12
        let end = min(declared, bytes.count)
        while p + 8 <= end {
            let tag = String(decoding: bytes[p..<(p + 4)], as: UTF8.self)
            let size = WebPContainer.u32(bytes, p + 4)
            let payload = (p + 8)..<(p + 8 + size)
            guard payload.upperBound <= end else { isTruncated = true; return }
            switch tag {
            case "EXIF" where exif == nil: exif = payload
            case "ICCP" where iccp == nil: iccp = payload
            case "XMP " where xmp == nil: xmp = payload
            case "VP8L": isLossless = true
            default: break
            }
            p = payload.upperBound + (size & 1)  // chunks are padded to an even size
        }
    }

    private static func u32(_ b: UnsafeRawBufferPointer, _ at: Int) -> Int {
        Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 | Int(b[at + 3]) << 24
    }
}
