/// The encoded formats Limn reads; ``isWritable`` says which it writes.
public enum ImageFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    /// PNG (libpng; 8-bit through libdeflate).
    case png
    /// JPEG, MPO's first picture included (libjpeg-turbo).
    case jpeg
    /// WebP (libwebp).
    case webp
    /// Windows bitmap.
    case bmp
    /// GIF, the first frame or every frame (giflib).
    case gif
    /// Windows icon or cursor: its largest, then deepest, picture.
    case ico
    /// TIFF (libtiff).
    case tiff
    /// HEIC: HEVC in HEIF (libheif with libde265).
    case heic
    /// AVIF: AV1 in HEIF (libheif with dav1d or aom).
    case avif

    /// True for formats whose header may lie after the pixel data (a TIFF's directory, a
    /// HEIF's `meta` box): reading the start of the file is not enough to describe it.
    var headerMayFollowPixels: Bool { self == .tiff || self == .heic || self == .avif }

    /// True for the formats Limn encodes (GIF, ICO, TIFF, HEIC and AVIF are read only).
    public var isWritable: Bool { ![.gif, .ico, .tiff, .heic].contains(self) }

    /// The formats Limn reads, for messages: "PNG, JPEG, WebP, BMP, GIF, ICO, TIFF, HEIC or AVIF".
    static var readableList: String {
        let names = allCases.map(\.description)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    public var description: String {
        switch self {
        case .png: return "PNG"
        case .jpeg: return "JPEG"
        case .webp: return "WebP"
        case .bmp: return "BMP"
        case .gif: return "GIF"
        case .ico: return "ICO"
        case .tiff: return "TIFF"
        case .heic: return "HEIC"
        case .avif: return "AVIF"
        }
    }

    /// The format the content starts like, from its first bytes alone; nil when none matches.
    /// The file name is never consulted.
    public static func sniff(_ bytes: UnsafeRawBufferPointer) -> ImageFormat? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && zip(bytes[offset...], magic).allSatisfy { $0 == $1 }
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("BM".utf8)) && bytes.count >= 18 { return .bmp }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        // HEIF: an ISO media file whose `ftyp` names an image brand (AVIF's own, or HEIF's).
        if bytes.count >= 12, starts(Array("ftyp".utf8), at: 4) {
            let brand = String(decoding: bytes[8..<12], as: UTF8.self)
            if ["avif", "avis"].contains(brand) { return .avif }
            if ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].contains(brand) { return .heic }
        }
        // TIFF and BigTIFF, either byte order.
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) || starts([0x49, 0x49, 0x2B, 0x00])
            || starts([0x4D, 0x4D, 0x00, 0x2B])
        {
            return .tiff
        }
        // ICO and CUR: reserved 0, type 1 or 2, at least one entry whose reserved byte is 0.
        if (starts([0, 0, 1, 0]) || starts([0, 0, 2, 0])) && bytes.count >= 22 && (bytes[4] != 0 || bytes[5] != 0) && bytes[9] == 0 {
            return .ico
        }
        return nil
    }

    /// The format a file name's extension names (`.jpg`, `.jpeg`, `.png`, `.gif`, …).
    public init?(fileExtension ext: String) {
        switch ext.lowercased() {
        case "png": self = .png
        case "jpg", "jpeg", "jpe", "jfif": self = .jpeg
        case "webp": self = .webp
        case "bmp", "dib": self = .bmp
        case "gif": self = .gif
        case "ico", "cur": self = .ico
        case "tif", "tiff": self = .tiff
        case "heic", "heif", "hif": self = .heic
        case "avif": self = .avif
        default: return nil
        }
    }

    /// A short human description of content that is not one of our formats, for error messages:
    /// a known other format by its magic, or the first bytes in hex.
    static func describeUnknown(_ bytes: UnsafeRawBufferPointer) -> String {
        let known: [(String, [UInt8])] = [

            ("PDF", Array("%PDF".utf8)), ("ZIP", [0x50, 0x4B, 0x03, 0x04]), ("gzip", [0x1F, 0x8B]),
            ("JSON or text", Array("{".utf8)), ("HTML or XML", Array("<".utf8)),
        ]
        for (name, magic) in known where bytes.count >= magic.count && zip(bytes, magic).allSatisfy({ $0 == $1 }) {
            return "it looks like \(name)"
        }
        if bytes.count >= 12, Array(bytes[4..<8]) == Array("ftyp".utf8) {
            let brand = String(decoding: bytes[8..<12], as: UTF8.self)
            return "it looks like an ISO media file (HEIF/AVIF/MP4, brand '\(brand)')"
        }
        let head = bytes.prefix(8).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
        return "it starts with bytes \(head)"
    }
}
