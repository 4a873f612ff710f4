/// A small PNG writer in pure Swift, independent of libpng, so that the tests check libpng's
/// reader against files libpng did not write. It writes every color type and bit depth,
/// palettes with `tRNS`, color-key `tRNS`, Adam7 interlacing, and all five row filters, with
/// zlib "stored" (uncompressed) blocks.
public struct PNGWriter {
    public enum ColorType: UInt8 { case gray = 0, rgb = 2, palette = 3, grayAlpha = 4, rgba = 6 }

    public var width: Int
    public var height: Int
    public var colorType: ColorType
    public var bitDepth: Int
    /// Samples row after row, `channels` per pixel (palette: the index), each below `1 << bitDepth`.
    public var samples: [UInt16]
    /// `PLTE` entries for palette images.
    public var palette: [(UInt8, UInt8, UInt8)] = []
    /// `tRNS`: alpha per palette entry, or the one color key (gray: 1 sample, RGB: 3) that is transparent.
    public var transparency: [UInt16] = []
    public var interlaced = false

    public init(width: Int, height: Int, colorType: ColorType, bitDepth: Int, samples: [UInt16]) {
        self.width = width
        self.height = height
        self.colorType = colorType
        self.bitDepth = bitDepth
        self.samples = samples
    }

    var channels: Int {
        switch colorType {
        case .gray, .palette: return 1
        case .grayAlpha: return 2
        case .rgb: return 3
        case .rgba: return 4
        }
    }

    public func encode() -> [UInt8] {
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var ihdr = be32(width) + be32(height)
        ihdr += [UInt8(bitDepth), colorType.rawValue, 0, 0, interlaced ? 1 : 0]
        out += chunk("IHDR", ihdr)
        if colorType == .palette { out += chunk("PLTE", palette.flatMap { [$0.0, $0.1, $0.2] }) }
        if !transparency.isEmpty {
            let body =
                colorType == .palette
                ? transparency.map { UInt8($0) }
                : transparency.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            out += chunk("tRNS", body)
        }
        out += chunk("IDAT", zlibStored(filteredData()))
        out += chunk("IEND", [])
        return out
    }

    /// The scanlines of every pass, each led by its filter byte; filters cycle 0…4 by row.
    func filteredData() -> [UInt8] {
        let passes: [(x0: Int, y0: Int, dx: Int, dy: Int)] =
            interlaced
            ? [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
            : [(0, 0, 1, 1)]
        let bitsPerPixel = channels * bitDepth
        let filterStep = max(1, bitsPerPixel / 8)
        var data = [UInt8]()
        var rowIndex = 0
        for pass in passes {
            let xs = Array(stride(from: pass.x0, to: width, by: pass.dx))
            let ys = Array(stride(from: pass.y0, to: height, by: pass.dy))
            guard !xs.isEmpty, !ys.isEmpty else { continue }
            var previous = [UInt8](repeating: 0, count: (xs.count * bitsPerPixel + 7) / 8)
            for y in ys {
                let raw = packRow(xs: xs, y: y)
                let filter = rowIndex % 5
                rowIndex += 1
                data.append(UInt8(filter))
                for i in 0..<raw.count {
                    let a = i >= filterStep ? Int(raw[i - filterStep]) : 0
                    let b = Int(previous[i])
                    let c = i >= filterStep ? Int(previous[i - filterStep]) : 0
                    let predictor: Int
                    switch filter {
                    case 1: predictor = a
                    case 2: predictor = b
                    case 3: predictor = (a + b) / 2
                    case 4: predictor = paeth(a, b, c)
                    default: predictor = 0
                    }
                    data.append(UInt8(truncatingIfNeeded: Int(raw[i]) - predictor))
                }
                previous = raw
            }
        }
        return data
    }

    func packRow(xs: [Int], y: Int) -> [UInt8] {
        var bytes = [UInt8]()
        var accumulator = 0, bits = 0
        for x in xs {
            for c in 0..<channels {
                let v = Int(samples[(y * width + x) * channels + c])
                if bitDepth == 16 {
                    bytes += [UInt8(v >> 8), UInt8(v & 0xFF)]
                } else if bitDepth == 8 {
                    bytes.append(UInt8(v))
                } else {
                    accumulator = accumulator << bitDepth | v
                    bits += bitDepth
                    if bits == 8 { bytes.append(UInt8(accumulator)); accumulator = 0; bits = 0 }
                }
            }
        }
        if bits > 0 { bytes.append(UInt8(accumulator << (8 - bits))) }
        return bytes
    }
}

func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
    let p = a + b - c
    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
    if pa <= pb && pa <= pc { return a }
    return pb <= pc ? b : c
}

func be32(_ v: Int) -> [UInt8] {
    [
        UInt8(truncatingIfNeeded: v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8),
        UInt8(truncatingIfNeeded: v),
    ]
}

/// A PNG chunk: length, type, data, CRC-32 of type and data.
public func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let body = Array(type.utf8) + data
    return be32(data.count) + body + be32(Int(crc32(body)))
}

/// zlib stream of "stored" deflate blocks (no compression), with its Adler-32.
public func zlibStored(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x78, 0x01]
    var offset = 0
    repeat {
        let n = min(65535, data.count - offset)
        let last: UInt8 = offset + n == data.count ? 1 : 0
        out += [last, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
        out += data[offset..<(offset + n)]
        offset += n
    } while offset < data.count
    var a: UInt32 = 1, b: UInt32 = 0
    for byte in data { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
    return out + be32(Int(b << 16 | a))
}

public func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}

/// `png` with `chunks` (whole chunks, see ``chunk(_:_:)``) inserted right after `IHDR`.
public func insertingChunks(_ png: [UInt8], _ chunks: [UInt8]) -> [UInt8] {
    Array(png[0..<33]) + chunks + Array(png[33...])
}

/// An `iCCP` chunk holding `profile` (zlib stored blocks) under `name`.
public func iccpChunk(_ profile: [UInt8], name: String = "ICC profile") -> [UInt8] {
    chunk("iCCP", Array(name.utf8) + [0, 0] + zlibStored(profile))
}
