import CPNG

/// What a PNG says about its colors and carries as metadata, read from its chunks in Swift
/// (after ``PNGChunks/check(_:source:limits:headerOnly:)`` has checked every length): `iCCP`
/// (inflated, at most `limit` bytes), `sRGB`, `gAMA`, `cHRM`, `cICP`, `eXIf` and the XMP `iTXt`.
/// Chunks after the image data count too (`eXIf` and `iTXt` may come last), except for a header
/// read, which stops at the first `IDAT`.
struct PNGMetadata {
    var iccProfile: [UInt8]?
    /// True when the `iCCP` chunk could not be inflated (damage).
    var brokenProfile = false
    var isSRGB = false
    /// The `gAMA` value × 100000, and where its four bytes are.
    var gamma: (value: Int, at: Int)?
    var chromaticities: Chromaticities?
    var codePoints: (primaries: Int, transfer: Int)?
    var exif: [UInt8]?
    var xmp: [UInt8]?
    var bitDepth = 8
    var colorType = 6

    init(_ png: UnsafeRawBufferPointer, limit: Int, headerOnly: Bool) {
        if png.count >= 29 { bitDepth = Int(png[24]); colorType = Int(png[25]) }
        var p = 8
        while let chunk = PNGChunks.header(at: p, in: png), chunk.end <= png.count {
            let data = UnsafeRawBufferPointer(rebasing: png[(p + 8)..<(p + 8 + chunk.length)])
            switch chunk.name {
            case "IDAT" where headerOnly, "IEND": return
            case "iCCP" where iccProfile == nil:
                // name (1-79 bytes), NUL, compression method 0, zlib stream.
                if let nul = data.firstIndex(of: 0), nul + 2 <= data.count, data[nul + 1] == 0 {
                    iccProfile = PNGMetadata.inflate(UnsafeRawBufferPointer(rebasing: data[(nul + 2)...]), limit: limit)
                    brokenProfile = iccProfile == nil
                } else {
                    brokenProfile = true
                }
            case "sRGB": isSRGB = true
            case "gAMA" where data.count == 4: gamma = (PNGMetadata.u32(data, 0), p + 8)
            case "cHRM" where data.count == 32:
                let v = (0..<8).map { Double(PNGMetadata.u32(data, 4 * $0)) / 100_000 }
                chromaticities = Chromaticities(white: (v[0], v[1]), red: (v[2], v[3]), green: (v[4], v[5]), blue: (v[6], v[7]))
            case "cICP" where data.count == 4:
                // Only RGB (matrix 0) is defined for PNG; full range assumed when the flag says so.
                if data[2] == 0 { codePoints = (Int(data[0]), Int(data[1])) }
            case "eXIf" where exif == nil: exif = Array(data)
            case "iTXt" where xmp == nil: xmp = PNGMetadata.xmpText(data, limit: limit)
            default: break
            }
            p = chunk.end
        }
    }

    /// The color space stated without a profile: `cICP` (which wins over everything), else
    /// `cHRM` with `gAMA` when there is neither `iCCP` nor `sRGB`. `gAMA` alone is not one.
    var declaredColorSpace: DeclaredColorSpace? {
        if let c = codePoints { return .codePoints(primaries: c.primaries, transfer: c.transfer) }
        if iccProfile == nil, !isSRGB, let chromaticities, let gamma, gamma.value > 0 {
            return .chromaticities(chromaticities, gamma: Double(gamma.value) / 100_000)
        }
        return nil
    }

    var colorModel: ColorModel {
        switch colorType {
        case 0, 4: return .gray
        case 3: return .palette
        default: return .rgb
        }
    }

    /// A copy of the file whose `gAMA` says 1/2.2, when it says anything else: libpng's
    /// simplified reader would otherwise re-encode the samples from that gamma to sRGB, which
    /// Limn does not do (see ``ImageInfo/declaredColorSpace``); with `cHRM` the whole color space
    /// is converted by Little CMS instead. Nil when the file can be read as it is.
    func neutralizedGamma(_ png: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let gamma, !(44_000...47_000).contains(gamma.value) else { return nil }
        var copy = Array(png)
        // The value and CRC of PNG16Bit's gAMA chunk (45455), over this one's.
        copy.replaceSubrange(gamma.at..<(gamma.at + 8), with: PNG16Bit.gammaChunk[8..<16])
        return copy
    }

    /// The XMP packet of an `iTXt` chunk keyed `XML:com.adobe.xmp`, inflated if need be.
    private static func xmpText(_ data: UnsafeRawBufferPointer, limit: Int) -> [UInt8]? {
        let key = Array("XML:com.adobe.xmp".utf8)
        guard data.count > key.count + 5, Array(data[0..<key.count]) == key, data[key.count] == 0 else { return nil }
        let compressed = data[key.count + 1] == 1
        var p = key.count + 3
        for _ in 0..<2 {  // language tag, translated keyword
            guard let nul = data[p...].firstIndex(of: 0) else { return nil }
            p = nul + 1
        }
        let text = UnsafeRawBufferPointer(rebasing: data[p...])
        return compressed ? inflate(text, limit: limit) : Array(text)
    }

    /// A zlib stream inflated, or nil when it is damaged or would exceed `limit` bytes.
    static func inflate(_ input: UnsafeRawBufferPointer, limit: Int) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        guard let base = input.baseAddress else { return nil }
        stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        while true {
            let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                return CPNG.inflate(&stream, Z_NO_FLUSH)
            }
            let produced = chunk.count - Int(stream.avail_out)
            guard output.count + produced <= limit else { return nil }
            output += chunk[0..<produced]
            if status == Z_STREAM_END { return output }
            guard status == Z_OK, produced > 0 || stream.avail_in > 0 else { return nil }
        }
    }

    private static func u32(_ b: UnsafeRawBufferPointer, _ at: Int) -> Int {
        Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3])
    }
}
