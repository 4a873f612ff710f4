/// Walks a JPEG's marker segments up to the first scan, in pure Swift, to find what TurboJPEG
/// does not report: the EXIF and XMP blocks, the ICC profile, the Adobe marker, and whether the headers end before the image data.
struct JPEGMarkers {
    /// The APP1 `Exif` payload (after `Exif\0\0`), if any.
    var exif: Range<Int>?
    /// True when a start-of-frame marker was seen.
    var hasFrame = false
    /// True when the bytes end before a start-of-scan marker: the file is cut short.
    var endsBeforeScan = false
    /// The APP1 XMP packet (after `http://ns.adobe.com/xap/1.0/\0`), if any.
    var xmp: Range<Int>?
    /// True when an APP14 `Adobe` segment was seen: CMYK samples are then stored inverted (0 is
    /// full ink), the convention Little CMS's `jpgicc` follows too.
    var hasAdobe = false
    /// The frame's sample precision (8 for ordinary JPEGs; 12 and 16 exist).
    var precision: Int?
    /// APP2 `ICC_PROFILE` chunks: sequence number (from 1), chunk count, payload.
    private var iccChunks: [(sequence: Int, count: Int, payload: Range<Int>)] = []

    /// The embedded ICC profile, its chunks joined in order; nil when there is none or a chunk
    /// is missing or repeated.
    func iccProfile(in bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let count = iccChunks.first?.count, count > 0, iccChunks.count == count,
            Set(iccChunks.map(\.sequence)) == Set(1...count), iccChunks.allSatisfy({ $0.count == count })
        else { return nil }
        return iccChunks.sorted { $0.sequence < $1.sequence }.flatMap { Array(bytes[$0.payload]) }
    }

    /// The namespace that opens an APP1 XMP segment, with its terminating zero.
    static let xmpPrefix: [UInt8] = Array("http://ns.adobe.com/xap/1.0/".utf8) + [0]

    init(_ bytes: UnsafeRawBufferPointer) {
        var p = 2  // after SOI
        let n = bytes.count
        while true {
            // Markers may be preceded by any number of 0xFF fill bytes.
            guard p < n else { endsBeforeScan = true; return }
            if bytes[p] != 0xFF {
                // Extraneous bytes between segments: skip them as libjpeg does. Running out of
                // data inside such garbage is damage, not a cut.
                while p < n && bytes[p] != 0xFF { p += 1 }
                guard p < n else { return }
            }
            while p < n && bytes[p] == 0xFF { p += 1 }
            guard p < n else { endsBeforeScan = true; return }
            let marker = bytes[p]
            p += 1
            switch marker {
            case 0xD8, 0x01, 0xD0...0xD7:
                continue  // no payload
            case 0xD9:
                endsBeforeScan = true  // end of image before any scan
                return
            default:
                break
            }
            guard p + 2 <= n else { endsBeforeScan = true; return }
            let length = Int(bytes[p]) << 8 | Int(bytes[p + 1])
            guard length >= 2 else { return }
            let payload = (p + 2)..<(p + length)
            guard payload.upperBound <= n else { endsBeforeScan = true; return }
            switch marker {
            case 0xDA:
                return  // start of scan: headers are complete
            case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                hasFrame = true
                if payload.count >= 1 { precision = Int(bytes[payload.lowerBound]) }
            case 0xE2 where payload.count > 14:
                let prefix = Array("ICC_PROFILE".utf8) + [0]
                if zip(bytes[payload], prefix).allSatisfy({ $0 == $1 }) {
                    let at = payload.lowerBound + 12
                    iccChunks.append((Int(bytes[at]), Int(bytes[at + 1]), (at + 2)..<payload.upperBound))
                }
            case 0xE1 where payload.count > 6:
                let exifPrefix: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0, 0]
                if exif == nil, zip(bytes[payload], exifPrefix).allSatisfy({ $0 == $1 }) {
                    exif = (payload.lowerBound + 6)..<payload.upperBound
                }
                if xmp == nil, payload.count > Self.xmpPrefix.count,
                    zip(bytes[payload], Self.xmpPrefix).allSatisfy({ $0 == $1 })
                {
                    xmp = (payload.lowerBound + Self.xmpPrefix.count)..<payload.upperBound
                }
            case 0xEE where payload.count >= 5:
                hasAdobe = hasAdobe || Array(bytes[payload.prefix(5)]) == Array("Adobe".utf8)
            default:
                break
            }
            p = payload.upperBound
        }
    }
}
