import CDeflate
import LimnRaster

/// The common PNGs — 8-bit gray, RGB or RGBA, not interlaced, without `tRNS` — read without
/// libpng: every chunk's CRC checked and the `IDAT` data inflated in one call by libdeflate
/// (which checks zlib's Adler-32; it inflates about twice as fast as zlib, which was most of a PNG
/// decode), then the rows unfiltered in Swift, Paeth a pixel at a time in vector lanes.
/// Anything else, and any file this path finds wrong in any way, is left to libpng (nil), which
/// then gives the same pixels or the error it always gives. Allocates the inflated rows
/// (`height × (1 + width × channels)` bytes) besides the image, so files whose rows would take
/// more than ``maximumInflated`` go to libpng, which streams them a row at a time.
enum PNGFastDecode {
    /// 32 MiB: a 10 MP RGB photo, an 8 MP RGBA cutout, a 33 MP gray matte.
    static let maximumInflated = 32 << 20

    static func decode(_ png: UnsafeRawBufferPointer, into image: inout Image, limits: DecodeLimits) -> StoredDecode? {
        guard let layout = Layout(png), (try? limits.check(width: layout.width, height: layout.height, format: .png, source: "")) != nil
        else { return nil }
        let channels = layout.channels, width = layout.width, height = layout.height
        let rowBytes = width * channels
        let (expected, overflow) = height.multipliedReportingOverflow(by: rowBytes + 1)
        guard !overflow, expected <= min(limits.maxBytes, maximumInflated) else { return nil }
        // Sixteen spare bytes: the unfiltering loads four bytes at a time.
        let filtered = UnsafeMutablePointer<UInt8>.allocate(capacity: expected + 16)
        defer { filtered.deallocate() }
        guard inflate(layout.data(png), into: filtered, count: expected) else { return nil }
        var ok = true
        image.overwrite(width: width, height: height, isOpaque: channels != 4) { buffer in
            ok = unfilter(filtered, width: width, height: height, channels: channels, into: buffer.bindMemory(to: UInt8.self).baseAddress!)
        }
        guard ok else { return nil }
        if channels == 4 { image.recomputeOpacity() }
        return StoredDecode(info: ImageInfo(format: .png, width: width, height: height, hasAlpha: channels == 4), scale: .one)
    }

    /// A gray file's samples straight into a mask (see ``PNGCodec/decodeGray(_:source:limits:)``);
    /// nil for any other file, or one this path finds wrong.
    static func decodeGray(_ png: UnsafeRawBufferPointer, limits: DecodeLimits) -> Mask? {
        guard let layout = Layout(png), layout.channels == 1,
            (try? limits.check(width: layout.width, height: layout.height, format: .png, source: "", bytesPerPixel: 1)) != nil
        else { return nil }
        let width = layout.width, height = layout.height
        let expected = height * (width + 1)
        guard expected <= maximumInflated else { return nil }
        let filtered = UnsafeMutablePointer<UInt8>.allocate(capacity: expected + 16)
        defer { filtered.deallocate() }
        guard inflate(layout.data(png), into: filtered, count: expected) else { return nil }
        var ok = true
        let mask = Mask(width: width, height: height) { (buffer: UnsafeMutableRawBufferPointer) in
            let out = buffer.bindMemory(to: UInt8.self).baseAddress!
            let zero = UnsafeMutablePointer<UInt8>.allocate(capacity: width + 16)
            defer { zero.deallocate() }
            zero.initialize(repeating: 0, count: width + 16)
            for y in 0..<height where ok {
                let line = filtered + y * (width + 1)
                guard line[0] <= 4 else { ok = false; break }
                // Rows are written in place: the row above is the mask's own previous row.
                unfilterRow(
                    type: line[0], line + 1, previous: y == 0 ? zero : out + (y - 1) * width, into: out + y * width, count: width, bpp: 1)
            }
        }
        return ok ? mask : nil
    }

    /// Where a file's `IDAT` data are, once every chunk up to `IEND` has been read and its CRC
    /// checked; nil for a file this path does not take.
    struct Layout {
        var width = 0, height = 0, channels = 0
        var idat: [Range<Int>] = []

        init?(_ png: UnsafeRawBufferPointer) {
            let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            guard png.count >= 8 + 25, png.prefix(8).elementsEqual(signature) else { return nil }
            var p = 8
            var sawEnd = false
            while p + 12 <= png.count {
                let length = Int(png[p]) << 24 | Int(png[p + 1]) << 16 | Int(png[p + 2]) << 8 | Int(png[p + 3])
                guard length <= png.count - p - 12 else { return nil }
                let type = (png[p + 4], png[p + 5], png[p + 6], png[p + 7])
                let data = (p + 8)..<(p + 8 + length)
                let stored =
                    UInt32(png[data.upperBound]) << 24 | UInt32(png[data.upperBound + 1]) << 16
                    | UInt32(png[data.upperBound + 2]) << 8 | UInt32(png[data.upperBound + 3])
                guard UInt32(libdeflate_crc32(0, png.baseAddress! + p + 4, length + 4)) == stored else { return nil }
                switch type {
                case (0x49, 0x48, 0x44, 0x52):  // IHDR
                    guard p == 8, length == 13 else { return nil }
                    let b = png.baseAddress!.assumingMemoryBound(to: UInt8.self) + data.lowerBound
                    width = Int(b[0]) << 24 | Int(b[1]) << 16 | Int(b[2]) << 8 | Int(b[3])
                    height = Int(b[4]) << 24 | Int(b[5]) << 16 | Int(b[6]) << 8 | Int(b[7])
                    // 8 bits; gray, RGB or RGBA; deflate, adaptive filtering, not interlaced.
                    guard b[8] == 8, b[10] == 0, b[11] == 0, b[12] == 0, width > 0, height > 0 else { return nil }
                    switch b[9] {
                    case 0: channels = 1
                    case 2: channels = 3
                    case 6: channels = 4
                    default: return nil
                    }
                case (0x49, 0x44, 0x41, 0x54):  // IDAT, in one run of chunks as the specification says
                    guard channels > 0, idat.isEmpty || idat.last!.upperBound + 4 == p else { return nil }
                    idat.append(data)
                case (0x74, 0x52, 0x4E, 0x53):  // tRNS gives gray and RGB files an alpha: libpng's job
                    return nil
                case (0x49, 0x45, 0x4E, 0x44):  // IEND
                    sawEnd = true
                case (0x50, 0x4C, 0x54, 0x45):  // PLTE: a suggested palette beside RGB; not allowed for gray
                    guard channels >= 3 else { return nil }
                default:
                    // An unknown critical chunk (upper-case first letter): libpng's to refuse.
                    guard type.0 & 0x20 != 0 else { return nil }
                }
                p = data.upperBound + 4
                if sawEnd { break }
            }
            guard sawEnd, channels > 0, !idat.isEmpty else { return nil }
        }

        /// The `IDAT` data as one buffer (a copy only when there are several chunks).
        func data(_ png: UnsafeRawBufferPointer) -> [UInt8] {
            var joined = [UInt8]()
            joined.reserveCapacity(idat.reduce(0) { $0 + $1.count })
            for range in idat { joined += UnsafeRawBufferPointer(rebasing: png[range]) }
            return joined
        }
    }

    /// The zlib stream into exactly `count` bytes; false for anything else.
    static func inflate(_ stream: [UInt8], into out: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        guard let decompressor = libdeflate_alloc_decompressor() else { return false }
        defer { libdeflate_free_decompressor(decompressor) }
        var actual = 0
        let status = stream.withUnsafeBytes {
            libdeflate_zlib_decompress(decompressor, $0.baseAddress, $0.count, out, count, &actual)
        }
        return status == LIBDEFLATE_SUCCESS && actual == count
    }

    /// Undoes each row's filter and writes RGBA; false on a filter type PNG does not have.
    static func unfilter(
        _ filtered: UnsafeMutablePointer<UInt8>, width: Int, height: Int, channels: Int, into rgba: UnsafeMutablePointer<UInt8>
    ) -> Bool {
        let rowBytes = width * channels
        // Two packed rows, with room for four-byte loads past their ends.
        let rows = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * (rowBytes + 16))
        defer { rows.deallocate() }
        rows.initialize(repeating: 0, count: 2 * (rowBytes + 16))
        var previous = rows, current = rows + rowBytes + 16
        for y in 0..<height {
            let line = filtered + y * (rowBytes + 1)
            guard line[0] <= 4 else { return false }
            let out = rgba + y * width * 4
            if channels == 4 {
                // Packed RGBA is the picture's own layout: unfiltered in place, the row above being the picture's.
                unfilterRow(type: line[0], line + 1, previous: y == 0 ? previous : out - rowBytes, into: out, count: rowBytes, bpp: 4)
                continue
            }
            unfilterRow(type: line[0], line + 1, previous: previous, into: current, count: rowBytes, bpp: channels)
            switch channels {
            case 3:
                for x in 0..<width {
                    out[x * 4] = current[x * 3]; out[x * 4 + 1] = current[x * 3 + 1]; out[x * 4 + 2] = current[x * 3 + 2]
                    out[x * 4 + 3] = 255
                }
            default:
                for x in 0..<width { let v = current[x]; out[x * 4] = v; out[x * 4 + 1] = v; out[x * 4 + 2] = v; out[x * 4 + 3] = 255 }
            }
            swap(&previous, &current)
        }
        return true
    }

    @inline(__always)
    static func unfilterRow(
        type: UInt8, _ source: UnsafePointer<UInt8>, previous above: UnsafePointer<UInt8>, into row: UnsafeMutablePointer<UInt8>,
        count: Int, bpp: Int
    ) {
        let head = min(bpp, count)
        switch type {
        case 0:
            row.update(from: source, count: count)
        case 1:
            for k in 0..<head { row[k] = source[k] }
            for k in head..<count { row[k] = source[k] &+ row[k - bpp] }
        case 2:
            for k in 0..<count { row[k] = source[k] &+ above[k] }
        case 3:
            for k in 0..<head { row[k] = source[k] &+ above[k] >> 1 }
            for k in head..<count { row[k] = source[k] &+ UInt8((UInt16(row[k - bpp]) + UInt16(above[k])) >> 1) }
        default:
            for k in 0..<head { row[k] = source[k] &+ above[k] }
            if bpp >= 3 {
                // A pixel at a time, its channels in vector lanes (the fourth lane of RGB is spare).
                var k = head
                while k + bpp <= count {
                    let a = lanes(row + k - bpp), b = lanes(above + k), c = lanes(above + k - bpp)
                    let x = lanes(source + k) &+ Paeth.predict(a, b, c)
                    for j in 0..<bpp { row[k + j] = UInt8(truncatingIfNeeded: x[j]) }
                    k += bpp
                }
            } else {
                for k in head..<count {
                    row[k] = source[k] &+ UInt8(Paeth.predict(Int(row[k - bpp]), Int(above[k]), Int(above[k - bpp])))
                }
            }
        }
    }

    /// Four bytes as 16-bit lanes.
    @inline(__always)
    static func lanes(_ p: UnsafePointer<UInt8>) -> SIMD4<Int16> {
        SIMD4<Int16>(truncatingIfNeeded: UnsafeRawPointer(p).loadUnaligned(as: SIMD4<UInt8>.self))
    }

}
