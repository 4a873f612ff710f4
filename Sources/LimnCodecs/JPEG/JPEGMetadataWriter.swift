/// Puts EXIF, XMP and ICC segments into a JPEG TurboJPEG wrote: right after SOI and the JFIF
/// APP0 segment, in the order EXIF (APP1), XMP (APP1), ICC profile (APP2, in chunks of at most
/// 65,519 bytes, numbered from 1, at most 255 of them).
enum JPEGMetadataWriter {
    static func insert(_ metadata: OutputMetadata, into jpeg: [UInt8]) throws(CodecError) -> [UInt8] {
        guard !metadata.isEmpty, jpeg.count >= 4 else { return jpeg }
        var segments: [UInt8] = []
        func segment(_ marker: UInt8, _ payload: [UInt8], what: String) throws(CodecError) {
            guard payload.count <= 65_533 else {
                throw CodecError.cannotEncode(
                    format: .jpeg, reason: "the \(what) is \(payload.count) bytes, more than a JPEG segment holds (65533)")
            }
            let length = payload.count + 2
            segments += [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        }
        if let exif = metadata.exifToWrite { try segment(0xE1, [0x45, 0x78, 0x69, 0x66, 0, 0] + exif, what: "EXIF block") }
        if let xmp = metadata.xmp { try segment(0xE1, JPEGMarkers.xmpPrefix + xmp, what: "XMP packet") }
        if let profile = metadata.iccProfile, !profile.isEmpty {
            let size = 65_519
            let count = (profile.count + size - 1) / size
            guard count <= 255 else {
                throw CodecError.cannotEncode(
                    format: .jpeg, reason: "the ICC profile is \(profile.count) bytes, more than 255 APP2 chunks hold")
            }
            for k in 0..<count {
                let piece = profile[(k * size)..<min((k + 1) * size, profile.count)]
                try segment(0xE2, Array("ICC_PROFILE".utf8) + [0, UInt8(k + 1), UInt8(count)] + piece, what: "ICC profile chunk")
            }
        }
        // After SOI, and after an APP0 (JFIF) segment when one comes first.
        var at = 2
        if jpeg[2] == 0xFF, jpeg[3] == 0xE0, jpeg.count >= 6 {
            at = 4 + (Int(jpeg[4]) << 8 | Int(jpeg[5]))
        }
        guard at <= jpeg.count else { return jpeg }
        return Array(jpeg[0..<at]) + segments + Array(jpeg[at...])
    }
}
