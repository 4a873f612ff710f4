/// A minimal baseline TIFF writer in pure Swift (little-endian, one uncompressed strip, 8-bit
/// interleaved samples), for tags libtiff's tools cannot set: an ICC profile (34675) on RGB or
/// CMYK pixels.
public enum TIFFWriter {
    /// `samples` holds `width × height × (cmyk ? 4 : 3)` bytes.
    public static func encode(width: Int, height: Int, samples: [UInt8], cmyk: Bool, iccProfile: [UInt8]?) -> [UInt8] {
        let channels = cmyk ? 4 : 3
        precondition(samples.count == width * height * channels)
        // Layout: header (8), pixels, bits-per-sample values, profile, IFD.
        var out: [UInt8] = [0x49, 0x49, 42, 0] + le32(0)
        let pixelsAt = out.count
        out += samples
        if out.count % 2 == 1 { out.append(0) }
        let bitsAt = out.count
        for _ in 0..<channels { out += le16(8) }
        var profileAt = 0
        if let iccProfile {
            profileAt = out.count
            out += iccProfile
            if out.count % 2 == 1 { out.append(0) }
        }
        // (tag, type, count, value or offset); types: 3 SHORT, 4 LONG, 7 UNDEFINED.
        var entries: [(Int, Int, Int, Int)] = [
            (256, 4, 1, width), (257, 4, 1, height), (258, 3, channels, bitsAt), (259, 3, 1, 1),
            (262, 3, 1, cmyk ? 5 : 2), (273, 4, 1, pixelsAt), (277, 3, 1, channels), (278, 4, 1, height),
            (279, 4, 1, samples.count), (284, 3, 1, 1),
        ]
        if cmyk { entries.append((332, 3, 1, 1)) }
        if let iccProfile { entries.append((34675, 7, iccProfile.count, profileAt)) }
        entries.sort { $0.0 < $1.0 }
        let ifdAt = out.count
        out.replaceSubrange(4..<8, with: le32(ifdAt))
        out += le16(entries.count)
        for (tag, type, count, value) in entries {
            out += le16(tag) + le16(type) + le32(count)
            // A single SHORT sits in the first two bytes of the value field.
            out += type == 3 && count == 1 ? le16(value) + [0, 0] : le32(value)
        }
        out += le32(0)
        return out
    }

    private static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    private static func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(v >> (8 * $0) & 0xFF) } }
}
