import LimnRaster

/// Reads the orientation tag (0x0112) from an EXIF block (a TIFF structure), in pure Swift.
///
/// Every offset is bounds-checked: a damaged block gives nil, never a crash.
enum EXIF {
    /// `tiff` starts at the TIFF header (`II*\0` or `MM\0*`), after any `Exif\0\0` prefix.
    static func orientation(tiff: UnsafeRawBufferPointer) -> Orientation? {
        guard tiff.count >= 8 else { return nil }
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= tiff.count else { return nil }
            return little ? Int(tiff[at]) | Int(tiff[at + 1]) << 8 : Int(tiff[at]) << 8 | Int(tiff[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        guard u16(2) == 42, let ifd = u32(4), let count = u16(ifd) else { return nil }
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
        guard tiff.count >= 8 else { return nil }
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        var out = tiff
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= out.count else { return nil }
            return little ? Int(out[at]) | Int(out[at + 1]) << 8 : Int(out[at]) << 8 | Int(out[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        /// The value of a SHORT or LONG entry with count 1.
        func value(_ entry: Int) -> Int? { u16(entry + 2) == 3 ? u16(entry + 8) : u32(entry + 8) }
        guard u16(2) == 42, let ifd = u32(4), let count = u16(ifd), ifd + 2 + count * 12 + 4 <= out.count else { return nil }
        for i in 0..<min(count, 1000) {
            let entry = ifd + 2 + i * 12
            guard u16(entry) == 0x0112, u16(entry + 2) == 3 else { continue }
            out[entry + 8] = little ? 1 : 0
            out[entry + 9] = little ? 0 : 1
        }
        let next = ifd + 2 + count * 12
        if let thumbnail = u32(next), thumbnail != 0 {
            if let n = u16(thumbnail), thumbnail + 2 + n * 12 <= out.count {
                var start: Int?, length: Int?
                for i in 0..<min(n, 1000) {
                    let entry = thumbnail + 2 + i * 12
                    switch u16(entry) {
                    case 0x0201?, 0x0111?: start = value(entry)
                    case 0x0202?, 0x0117?: length = value(entry)
                    default: break
                    }
                }
                if let start, let length, start >= 0, length > 0, start < out.count {
                    for k in start..<min(start + length, out.count) { out[k] = 0 }
                }
            }
            for k in next..<(next + 4) { out[k] = 0 }
        }
        return out
    }
}
