import LimnRaster

/// Reads the orientation tag (0x0112) from an EXIF block (a TIFF structure), in pure Swift.
///
/// Every offset is bounds-checked: a damaged block gives nil, never a crash.
enum EXIF {
    /// A TIFF structure's byte order and bounds-checked reads (nil past the end).
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        let little: Bool

        /// Nil unless `bytes` starts with a TIFF header (`II*\0` or `MM\0*`).
        init?(_ bytes: UnsafeRawBufferPointer) {
            guard bytes.count >= 8 else { return nil }
            switch (bytes[0], bytes[1]) {
            case (0x49, 0x49): little = true
            case (0x4D, 0x4D): little = false
            default: return nil
            }
            self.bytes = bytes
            guard u16(2) == 42 else { return nil }
        }

        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= bytes.count else { return nil }
            return little ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : Int(bytes[at]) << 8 | Int(bytes[at + 1])
        }

        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
    }

    /// `tiff` starts at the TIFF header (`II*\0` or `MM\0*`), after any `Exif\0\0` prefix.
    static func orientation(tiff: UnsafeRawBufferPointer) -> Orientation? {
        guard let reader = Reader(tiff) else { return nil }
        let u16 = reader.u16
        guard let ifd = reader.u32(4), let count = u16(ifd) else { return nil }
        for i in 0..<min(count, 1000) {
            let entry = ifd + 2 + i * 12
            guard let tag = u16(entry) else { return nil }
            guard tag == 0x0112 else { continue }
            // Type SHORT (3), count 1: the value sits in the first two bytes of the value field.
            guard u16(entry + 2) == 3, let value = u16(entry + 8) else { return nil }
            return Orientation(rawValue: value)
        }
        return nil
    }

    /// Strips an `Exif\0\0` prefix if present, then reads the orientation.
    static func orientation(block: UnsafeRawBufferPointer) -> Orientation? {
        let prefix: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0, 0]
        if block.count >= 6, zip(block, prefix).allSatisfy({ $0 == $1 }) {
            return orientation(tiff: UnsafeRawBufferPointer(rebasing: block[6...]))
        }
        return orientation(tiff: block)
    }

    /// `tiff` (an EXIF block from its TIFF header) as Limn writes it with new pixels: the
    /// orientation tag set to 1 (up), since the pixels are written upright; and the embedded
    /// thumbnail (IFD1) unlinked and its bytes zeroed, since it shows the picture as it was
    /// before (unblurred faces included). Nil when the block is not a readable TIFF structure
    /// (such a block is not written at all).
    static func preparedForWriting(_ tiff: [UInt8]) -> [UInt8]? {
        // Positions come from the original; the writes go to a copy.
        let edits: (orientation: [Int], zeroed: [Range<Int>])? = tiff.withUnsafeBytes { raw in
            guard let r = Reader(raw) else { return nil }
            /// The value of a SHORT or LONG entry with count 1.
            func value(_ entry: Int) -> Int? { r.u16(entry + 2) == 3 ? r.u16(entry + 8) : r.u32(entry + 8) }
            guard let ifd = r.u32(4), let count = r.u16(ifd), ifd + 2 + count * 12 + 4 <= raw.count else { return nil }
            var orientation: [Int] = []
            for i in 0..<min(count, 1000) {
                let entry = ifd + 2 + i * 12
                if r.u16(entry) == 0x0112, r.u16(entry + 2) == 3 { orientation.append(entry + 8) }
            }
            var zeroed: [Range<Int>] = []
            let next = ifd + 2 + count * 12
            if let thumbnail = r.u32(next), thumbnail != 0 {
                if let n = r.u16(thumbnail), thumbnail + 2 + n * 12 <= raw.count {
                    var start: Int?, length: Int?
                    for i in 0..<min(n, 1000) {
                        let entry = thumbnail + 2 + i * 12
                        switch r.u16(entry) {
                        case 0x0201?, 0x0111?: start = value(entry)
                        case 0x0202?, 0x0117?: length = value(entry)
                        default: break
                        }
                    }
                    if let start, let length, start >= 0, length > 0, start < raw.count {
                        zeroed.append(start..<min(start + length, raw.count))
                    }
                }
                zeroed.append(next..<(next + 4))  // unlink IFD1
            }
            return (orientation, zeroed)
        }
        guard let edits else { return nil }
        let little = tiff[0] == 0x49
        var out = tiff
        for at in edits.orientation {
            out[at] = little ? 1 : 0
            out[at + 1] = little ? 0 : 1
        }
        for range in edits.zeroed { for k in range { out[k] = 0 } }
        return out
    }
}
