import LimnRaster

/// ICO and CUR in Swift: the directory is read, the largest entry chosen (then the deepest
/// color), and its picture decoded: a PNG through the PNG codec, or a DIB (the BMP format
/// without its file header, twice as tall, the color bitmap then a 1-bit AND mask) at 1, 4, 8,
/// 24 or 32 bits. The AND mask makes pixels clear, except in a 32-bit entry whose alpha channel
/// is used (old 32-bit icons with an all-zero alpha fall back to the mask, as Windows does).
enum ICOCodec {
    struct Entry {
        var width: Int
        var height: Int
        var bitCount: Int
        var offset: Int
        var size: Int
    }

    /// The directory's entries, each checked to start after the directory and to be one
    /// picture of a plausible size (not that all of it was read: see ``data(of:in:source:whole:)``).
    static func entries(_ b: UnsafeRawBufferPointer, source: String) throws(CodecError) -> [Entry] {
        func u16(_ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard b.count >= 6 else { throw CodecError.truncated(source: source, format: .ico, detail: "the directory header is cut") }
        let count = u16(4)
        guard count > 0 else { throw CodecError.corrupt(source: source, format: .ico, message: "the directory lists no picture") }
        guard b.count >= 6 + 16 * count else {
            throw CodecError.truncated(
                source: source, format: .ico, detail: "the directory lists \(count) pictures but ends after \(b.count) bytes")
        }
        return try (0..<count).map { (k) throws(CodecError) -> Entry in
            let at = 6 + 16 * k
            let entry = Entry(
                width: b[at] == 0 ? 256 : Int(b[at]), height: b[at + 1] == 0 ? 256 : Int(b[at + 1]),
                bitCount: u16(at + 6), offset: u32(at + 12), size: u32(at + 8))
            guard entry.size > 0, entry.offset >= 6 + 16 * count else {
                throw CodecError.corrupt(
                    source: source, format: .ico,
                    message: "picture \(k + 1) of the directory is \(entry.size) bytes at byte \(entry.offset), inside the directory")
            }
            return entry
        }
    }

    /// The entry's bytes: all of them (`whole`), or as many as were read, at least its header.
    static func data(
        of entry: Entry, in b: UnsafeRawBufferPointer, source: String, whole: Bool
    ) throws(CodecError) -> UnsafeRawBufferPointer {
        let end = entry.offset + entry.size
        let needed = whole ? end : min(end, entry.offset + 256)
        guard needed <= b.count else {
            throw CodecError.truncated(
                source: source, format: .ico,
                detail: "the picture it lists at bytes \(entry.offset) to \(end) lies past the end of the data (\(b.count) bytes)")
        }
        return UnsafeRawBufferPointer(rebasing: b[entry.offset..<min(end, b.count)])
    }

    /// The entry decoded: the largest, then the deepest.
    static func best(_ entries: [Entry]) -> Entry {
        entries.max { ($0.width * $0.height, $0.bitCount) < ($1.width * $1.height, $1.bitCount) }!
    }

    static func info(_ bytes: UnsafeRawBufferPointer, source: String) throws(CodecError) -> ImageInfo {
        let entry = best(try entries(bytes, source: source))
        let data = try data(of: entry, in: bytes, source: source, whole: false)
        if ImageFormat.sniff(data) == .png {
            let inner = try PNGCodec.info(data, source: source)
            var info = inner
            info.format = .ico
            return info
        }
        let dib = try header(data, source: source, checkingExtent: false)
        return ImageInfo(format: .ico, width: dib.width, height: dib.height, hasAlpha: true)
    }

    static func decode(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, source: String, options: DecodeOptions
    ) throws(CodecError) -> StoredDecode {
        let entry = best(try entries(bytes, source: source))
        let data = try data(of: entry, in: bytes, source: source, whole: true)
        if ImageFormat.sniff(data) == .png {
            let stored = try PNGCodec.decode(data, into: &image, source: source, options: options)
            var inner = stored
            inner.info.format = .ico
            return inner
        }
        let dib = try header(data, source: source)
        try options.limits.check(width: dib.width, height: dib.height, format: .ico, source: source)
        try decodeDIB(data, dib, into: &image, source: source)
        return StoredDecode(info: ImageInfo(format: .ico, width: dib.width, height: dib.height, hasAlpha: !image.isOpaque), scale: .one)
    }

    /// A DIB's BITMAPINFOHEADER, with where its palette, colors and mask are.
    struct DIB {
        var width: Int
        var height: Int
        var bitCount: Int
        /// BGRA quads (the fourth byte unused).
        var paletteOffset: Int
        var paletteCount: Int
        var pixelsOffset: Int
        var rowBytes: Int
        var maskOffset: Int
        var maskRowBytes: Int
    }

    /// The DIB header; with `checkingExtent`, also that the colors (and the mask, but for 32 bits) are all there.
    static func header(_ b: UnsafeRawBufferPointer, source: String, checkingExtent: Bool = true) throws(CodecError) -> DIB {
        func u16(_ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
        func i32(_ at: Int) -> Int { Int(Int32(bitPattern: UInt32(u16(at)) | UInt32(u16(at + 2)) << 16)) }
        guard b.count >= 40 else { throw CodecError.truncated(source: source, format: .ico, detail: "the picture's header is cut") }
        let headerSize = i32(0), width = i32(4), doubled = i32(8), bitCount = u16(14), compression = i32(16), used = i32(32)
        guard headerSize >= 40, headerSize <= b.count else {
            throw CodecError.corrupt(
                source: source, format: .ico, message: "the picture is neither PNG nor a DIB (header size \(headerSize))")
        }
        guard compression == 0 || (compression == 3 && bitCount == 32) else {
            throw CodecError.unsupportedVariant(source: source, format: .ico, detail: "a compressed DIB (compression \(compression))")
        }
        guard [1, 4, 8, 24, 32].contains(bitCount) else {
            throw CodecError.unsupportedVariant(source: source, format: .ico, detail: "\(bitCount) bits per pixel")
        }
        guard width > 0, width <= 1 << 16, doubled > 0, doubled <= 1 << 17, doubled % 2 == 0 else {
            throw CodecError.corrupt(source: source, format: .ico, message: "the picture declares \(width)x\(doubled / 2) pixels")
        }
        let height = doubled / 2
        let paletteCount = bitCount <= 8 ? (used > 0 && used <= 1 << bitCount ? used : 1 << bitCount) : 0
        let paletteOffset = headerSize + (compression == 3 ? 12 : 0)
        let pixelsOffset = paletteOffset + 4 * paletteCount
        let rowBytes = (width * bitCount + 31) / 32 * 4, maskRowBytes = (width + 31) / 32 * 4
        let maskOffset = pixelsOffset + rowBytes * height
        // The mask may be missing from a 32-bit entry (its alpha suffices); the colors may not.
        guard !checkingExtent || (maskOffset <= b.count && (bitCount == 32 || maskOffset + maskRowBytes * height <= b.count)) else {
            throw CodecError.truncated(
                source: source, format: .ico,
                detail: "the \(width)x\(height) picture needs \(maskOffset + maskRowBytes * height) bytes, the entry holds \(b.count)")
        }
        return DIB(
            width: width, height: height, bitCount: bitCount, paletteOffset: paletteOffset, paletteCount: paletteCount,
            pixelsOffset: pixelsOffset, rowBytes: rowBytes, maskOffset: maskOffset, maskRowBytes: maskRowBytes)
    }

    private static func decodeDIB(_ b: UnsafeRawBufferPointer, _ d: DIB, into image: inout Image, source: String) throws(CodecError) {
        let hasMask = d.maskOffset + d.maskRowBytes * d.height <= b.count
        // A 32-bit entry uses its alpha unless every alpha is zero (an icon from before alpha).
        var useAlpha = false
        if d.bitCount == 32 {
            for y in 0..<d.height where !useAlpha {
                let row = d.pixelsOffset + y * d.rowBytes
                for x in 0..<d.width where b[row + 4 * x + 3] != 0 {
                    useAlpha = true
                    break
                }
            }
        }
        image.overwrite(width: d.width, height: d.height, isOpaque: false) { out in
            let dst = out.bindMemory(to: UInt8.self)
            for y in 0..<d.height {
                let stored = d.height - 1 - y  // rows are bottom-up
                let row = d.pixelsOffset + stored * d.rowBytes, mask = d.maskOffset + stored * d.maskRowBytes
                for x in 0..<d.width {
                    var (r, g, bl, a): (UInt8, UInt8, UInt8, UInt8)
                    switch d.bitCount {
                    case 32:
                        (bl, g, r, a) = (b[row + 4 * x], b[row + 4 * x + 1], b[row + 4 * x + 2], b[row + 4 * x + 3])
                        if !useAlpha { a = 255 }
                    case 24:
                        (bl, g, r, a) = (b[row + 3 * x], b[row + 3 * x + 1], b[row + 3 * x + 2], 255)
                    default:
                        let bits = d.bitCount, perByte = 8 / bits
                        let byte = b[row + x / perByte]
                        let index = Int(byte >> UInt8(8 - bits * (x % perByte + 1))) & ((1 << bits) - 1)
                        if index < d.paletteCount {
                            let p = d.paletteOffset + 4 * index
                            (bl, g, r, a) = (b[p], b[p + 1], b[p + 2], 255)
                        } else {
                            (bl, g, r, a) = (0, 0, 0, 255)
                        }
                    }
                    if !useAlpha, hasMask, b[mask + x / 8] & (0x80 >> UInt8(x % 8)) != 0 { a = 0 }
                    let o = (y * d.width + x) * 4
                    dst[o] = r; dst[o + 1] = g; dst[o + 2] = bl; dst[o + 3] = a
                }
            }
        }
        image.recomputeOpacity()
    }
}
