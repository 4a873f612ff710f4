import CPNG

/// Puts `iCCP` (the profile deflated by zlib), `eXIf` and an uncompressed XMP `iTXt` chunk
/// into a PNG libpng wrote, right after `IHDR` (before `PLTE` and `IDAT`, as `iCCP` must be);
/// with a profile, libpng's `sRGB`, `gAMA` and `cHRM` chunks go, since they would contradict it.
enum PNGMetadataWriter {
    static func insert(_ metadata: OutputMetadata, into png: [UInt8]) throws(CodecError) -> [UInt8] {
        guard !metadata.isEmpty, png.count >= 33 else { return png }
        var chunks: [UInt8] = []
        if let profile = metadata.iccProfile, !profile.isEmpty {
            guard let deflated = deflate(profile) else {
                throw CodecError.cannotEncode(format: .png, reason: "zlib could not compress the ICC profile")
            }
            chunks += chunk("iCCP", Array("ICC profile".utf8) + [0, 0] + deflated)
        }
        if let exif = metadata.exifToWrite { chunks += chunk("eXIf", exif) }
        if let xmp = metadata.xmp {
            // Keyword, NUL, not compressed (0), method 0, empty language tag and translated keyword.
            chunks += chunk("iTXt", Array("XML:com.adobe.xmp".utf8) + [0, 0, 0, 0, 0] + xmp)
        }
        var rest = Array(png[33...])
        if metadata.iccProfile?.isEmpty == false {
            // libpng's writer declares sRGB (sRGB, gAMA, cHRM), which an iCCP chunk may not share a file with.
            rest = dropping(["sRGB", "gAMA", "cHRM"], from: rest)
        }
        return Array(png[0..<33]) + chunks + rest
    }

    /// The chunks of `chunks` (whole chunks, back to back) whose type is not in `types`.
    private static func dropping(_ types: Set<String>, from chunks: [UInt8]) -> [UInt8] {
        var kept: [UInt8] = []
        var p = 0
        while p + 12 <= chunks.count {
            let length = Int(chunks[p]) << 24 | Int(chunks[p + 1]) << 16 | Int(chunks[p + 2]) << 8 | Int(chunks[p + 3])
            let end = min(p + 12 + length, chunks.count)
            if !types.contains(String(decoding: chunks[(p + 4)..<(p + 8)], as: UTF8.self)) { kept += chunks[p..<end] }
            p = end
        }
        return kept
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        let crc = body.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        let n = data.count
        return [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + body
            + [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
    }

    private static func deflate(_ data: [UInt8]) -> [UInt8]? {
        var size = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            data.withUnsafeBufferPointer { i in compress2(o.baseAddress, &size, i.baseAddress, uLong(i.count), 9) }
        }
        guard status == Z_OK else { return nil }
        out.removeLast(out.count - Int(size))
        return out
    }
}
