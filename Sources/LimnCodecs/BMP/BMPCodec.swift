import LimnRaster

/// BMP in pure Swift: uncompressed 24- and 32-bit, bottom-up and top-down, with
/// `BI_BITFIELDS` channel masks (alpha from a V3+ header's alpha mask). A 32-bit `BI_RGB`
/// file's fourth byte is padding, as in Pillow and most readers: such images are opaque.
enum BMPCodec {
    struct Header {
        var width: Int
        var height: Int
        var topDown: Bool
        var bitsPerPixel: Int
        var dataOffset: Int
        var rowBytes: Int
        /// Channel masks for 32-bit pixels (little-endian words): red, green, blue, alpha.
        var masks: (UInt32, UInt32, UInt32, UInt32)
        var hasAlpha: Bool { masks.3 != 0 }
        /// Palettes up to 8 bits a pixel; 16-bit pixels are 5 bits a channel.
        var info: ImageInfo {
            ImageInfo(
                format: .bmp, width: width, height: height, hasAlpha: hasAlpha,
                bitDepth: bitsPerPixel <= 8 ? bitsPerPixel : bitsPerPixel == 16 ? 5 : 8,
                colorModel: bitsPerPixel <= 8 ? .palette : .rgb)
        }
    }

    static func info(_ bytes: UnsafeRawBufferPointer, source: String) throws(CodecError) -> ImageInfo {
        let h = try header(bytes, source: source)
        return h.info
    }

    static func decode(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, source: String, options: DecodeOptions
    ) throws(CodecError) -> StoredDecode {
        let h = try header(bytes, source: source)
        try options.limits.check(width: h.width, height: h.height, format: .bmp, source: source)
        let needed = h.dataOffset + h.rowBytes * (h.height - 1) + (h.width * h.bitsPerPixel + 7) / 8
        guard needed <= bytes.count else {
            throw CodecError.truncated(
                source: source, format: .bmp,
                detail: "the pixels need \(needed) bytes, the data has \(bytes.count)")
        }
        image.overwrite(width: h.width, height: h.height, isOpaque: !h.hasAlpha) { out in
            let dst = out.bindMemory(to: UInt8.self)
            let channels = [h.masks.0, h.masks.1, h.masks.2, h.masks.3].map(ChannelMask.init)
            for y in 0..<h.height {
                let row = h.dataOffset + (h.topDown ? y : h.height - 1 - y) * h.rowBytes
                var o = y * h.width * 4
                if h.bitsPerPixel == 24 {
                    for x in 0..<h.width {
                        let p = row + x * 3
                        dst[o] = bytes[p + 2]; dst[o + 1] = bytes[p + 1]; dst[o + 2] = bytes[p]; dst[o + 3] = 255
                        o += 4
                    }
                } else {
                    for x in 0..<h.width {
                        let p = row + x * 4
                        let v = UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
                        dst[o] = channels[0].extract(v); dst[o + 1] = channels[1].extract(v)
                        dst[o + 2] = channels[2].extract(v)
                        dst[o + 3] = h.hasAlpha ? channels[3].extract(v) : 255
                        o += 4
                    }
                }
            }
        }
        if h.hasAlpha { image.recomputeOpacity() }
        return StoredDecode(
            info: h.info, scale: .one)
    }

    /// 24-bit `BI_RGB` for opaque images; 32-bit `BI_BITFIELDS` with a V4 header and an alpha
    /// mask otherwise. Rows are bottom-up unless `options.topDown`.
    static func encode(_ image: Image, options: BMPOptions) throws(CodecError) -> [UInt8] {
        guard !image.isEmpty, image.width < Int(Int32.max) / 4, image.height < Int(Int32.max) else {
            throw CodecError.cannotEncode(format: .bmp, reason: "this image is \(image.size)")
        }
        let alpha = !image.isOpaque
        let bpp = alpha ? 32 : 24
        let rowBytes = (image.width * bpp + 31) / 32 * 4
        let infoSize = alpha ? 108 : 40
        let dataOffset = 14 + infoSize
        let (imageBytes, o1) = rowBytes.multipliedReportingOverflow(by: image.height)
        guard !o1, imageBytes <= Int(UInt32.max) - dataOffset else {
            throw CodecError.cannotEncode(format: .bmp, reason: "a BMP holds at most 4 GiB of pixels, this image is \(image.size)")
        }
        var out = [UInt8]()
        out.reserveCapacity(dataOffset + imageBytes)
        func u16(_ v: Int) { out.append(UInt8(v & 0xFF)); out.append(UInt8(v >> 8 & 0xFF)) }
        func u32(_ v: Int) { for s in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> s)) } }
        out += Array("BM".utf8)
        u32(dataOffset + imageBytes); u32(0); u32(dataOffset)
        u32(infoSize); u32(image.width); u32(options.topDown ? -image.height : image.height)
        u16(1); u16(bpp); u32(alpha ? 3 : 0); u32(imageBytes)
        u32(2835); u32(2835); u32(0); u32(0)  // 72 dpi, no palette
        if alpha {
            u32(0x00FF_0000); u32(0x0000_FF00); u32(0x0000_00FF); u32(Int(0xFF00_0000))
            u32(0x7352_4742)  // LCS_sRGB
            out += [UInt8](repeating: 0, count: 36 + 12)  // endpoints and gamma, unused for sRGB
        }
        image.withUnsafeBytes { raw in
            let src = raw.bindMemory(to: UInt8.self)
            let padding = rowBytes - image.width * bpp / 8
            for y in 0..<image.height {
                let row = (options.topDown ? y : image.height - 1 - y) * image.width * 4
                for x in 0..<image.width {
                    let p = row + x * 4
                    out.append(src[p + 2]); out.append(src[p + 1]); out.append(src[p])
                    if alpha { out.append(src[p + 3]) }
                }
                out += repeatElement(0, count: padding)
            }
        }
        return out
    }

    static func header(_ b: UnsafeRawBufferPointer, source: String) throws(CodecError) -> Header {
        func u16(_ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        func i32(_ at: Int) -> Int { Int(Int32(bitPattern: u32(at))) }
        guard b.count >= 18 else { throw CodecError.truncated(source: source, format: .bmp, detail: "the file header is incomplete") }
        let dataOffset = Int(u32(10))
        let infoSize = Int(u32(14))
        guard [12, 40, 52, 56, 64, 108, 124].contains(infoSize) else {
            throw CodecError.corrupt(source: source, format: .bmp, message: "unknown info header size \(infoSize)")
        }
        guard b.count >= 14 + infoSize else {
            throw CodecError.truncated(source: source, format: .bmp, detail: "the info header is incomplete")
        }
        let width: Int, rawHeight: Int, bpp: Int, compression: UInt32
        if infoSize == 12 {
            (width, rawHeight, bpp, compression) = (u16(18), u16(20), u16(24), 0)
        } else {
            (width, rawHeight, bpp, compression) = (i32(18), i32(22), u16(28), u32(30))
        }
        guard width > 0, rawHeight != 0, rawHeight != Int(Int32.min) else {
            throw CodecError.corrupt(source: source, format: .bmp, message: "the header declares a \(width)x\(rawHeight) image")
        }
        guard bpp == 24 || bpp == 32 else {
            throw CodecError.unsupportedVariant(source: source, format: .bmp, detail: "\(bpp) bits per pixel; only 24 and 32 are read")
        }
        var masks: (UInt32, UInt32, UInt32, UInt32) = (0x00FF_0000, 0x0000_FF00, 0x0000_00FF, 0)
        switch compression {
        case 0:
            break
        case 3 where bpp == 32, 6 where bpp == 32:
            // Masks follow a 40-byte header, or sit inside a larger one.
            let hasAlphaMask = compression == 6 || infoSize >= 56
            guard b.count >= 14 + 40 + (hasAlphaMask ? 16 : 12) else {
                throw CodecError.truncated(source: source, format: .bmp, detail: "the channel masks are missing")
            }
            masks = (u32(54), u32(58), u32(62), hasAlphaMask ? u32(66) : 0)
        default:
            throw CodecError.unsupportedVariant(
                source: source, format: .bmp,
                detail: "compression \(compression); only uncompressed BMP is read")
        }
        let rowBytes = (width * bpp + 31) / 32 * 4
        guard dataOffset >= 14 + infoSize, dataOffset <= b.count else {
            throw dataOffset > b.count
                ? .truncated(source: source, format: .bmp, detail: "the pixel data is missing")
                : .corrupt(source: source, format: .bmp, message: "the pixel data offset \(dataOffset) is inside the header")
        }
        return Header(
            width: width, height: abs(rawHeight), topDown: rawHeight < 0, bitsPerPixel: bpp,
            dataOffset: dataOffset, rowBytes: rowBytes, masks: masks)
    }
}

/// A channel inside a 32-bit BMP pixel: shift and width of its mask, scaled to 8 bits.
private struct ChannelMask {
    let mask: UInt32
    let shift: UInt32
    let maximum: UInt32

    init(_ mask: UInt32) {
        self.mask = mask
        shift = mask == 0 ? 0 : UInt32(mask.trailingZeroBitCount)
        maximum = mask == 0 ? 0 : mask >> shift
    }

    func extract(_ pixel: UInt32) -> UInt8 {
        guard maximum != 0 else { return 0 }
        let v = (pixel & mask) >> shift
        return maximum == 255 ? UInt8(v) : UInt8((UInt64(v) * 255 + UInt64(maximum) / 2) / UInt64(maximum))
    }
}
