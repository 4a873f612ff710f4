/// Works around two faults of libpng's simplified API (1.6.x) with 16-bit PNGs.
///
/// 1. With no `gAMA` or `sRGB` chunk, `png_image_*` takes 16-bit samples for *linear* light and
///    re-encodes them to sRGB when it reduces them to 8 bits, brightening files that every other
///    decoder (browsers, Pillow, libvips, `pngtopnm`) shows as sRGB. Such files are read from a
///    copy with a `gAMA` chunk of 1/2.2 inserted after `IHDR`: libpng then reduces the samples
///    to 8 bits without a tone change.
/// 2. Reducing an *interlaced* 16-bit file to 8 bits garbles the rows that earlier passes fill.
///    Those files are read from a copy without their color chunks (`gAMA`, `sRGB`, `iCCP`,
///    `cHRM`), as 16-bit linear, which libpng passes through untouched, and reduced here. Linear
///    output with alpha is premultiplied, so colors under very low alpha keep less precision.
enum PNG16Bit {
    enum Plan {
        /// Read the bytes as they are.
        case asIs
        /// Read this copy (gamma declared) as 8-bit.
        case declaredGamma([UInt8])
        /// Read this copy as 16-bit linear and reduce it with ``reduce(_:into:hasAlpha:)``.
        case sixteenBit([UInt8])
    }

    static func plan(_ png: UnsafeRawBufferPointer) -> Plan {
        // Signature (8) + IHDR chunk (8 + 13 + 4): bit depth is byte 24, interlace byte 28.
        guard png.count >= 33, png[24] == 16 else { return .asIs }
        let interlaced = png[28] == 1
        var copy = [UInt8](png[0..<33])
        var declaresGamma = false
        var p = 33
        while let chunk = PNGChunks.header(at: p, in: png) {
            let type = chunk.name
            if type == "IDAT" || type == "IEND" || chunk.end > png.count { break }
            p = chunk.end
            if ["gAMA", "sRGB", "iCCP", "cHRM"].contains(type) {
                declaresGamma = declaresGamma || type == "gAMA" || type == "sRGB"
                if interlaced { continue }
            }
            copy += png[chunk.offset..<chunk.end]
        }
        copy += png[p...]
        if interlaced { return .sixteenBit(copy) }
        if declaresGamma { return .asIs }
        return .declaredGamma(Array(png[0..<33]) + gammaChunk + Array(png[33...]))
    }

    /// 16-bit linear RGBA (premultiplied when `hasAlpha`) to 8-bit straight RGBA, rounding.
    static func reduce(_ wide: UnsafeBufferPointer<UInt16>, into narrow: UnsafeMutableRawBufferPointer, hasAlpha: Bool) {
        let out = narrow.bindMemory(to: UInt8.self)
        var i = 0
        while i + 3 < wide.count {
            let a = UInt32(wide[i + 3])
            for c in 0..<3 {
                var v = UInt32(wide[i + c])
                if hasAlpha && a < 65535 { v = a == 0 ? 0 : min(65535, (v * 65535 + a / 2) / a) }
                out[i + c] = UInt8((v * 255 + 32767) / 65535)
            }
            out[i + 3] = UInt8((a * 255 + 32767) / 65535)
            i += 4
        }
    }

    /// `gAMA` = 45455 (1/2.2 × 100000), with its CRC.
    static let gammaChunk: [UInt8] = {
        let body: [UInt8] = Array("gAMA".utf8) + [0x00, 0x00, 0xB1, 0x8F]
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in body {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc = ~crc
        return [0, 0, 0, 4] + body + [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
    }()
}
