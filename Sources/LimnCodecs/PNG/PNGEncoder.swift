import CDeflate
import CPNG
import Dispatch
import LimnRaster

/// PNG written in Swift: rows filtered (the filter chosen per row, on every core in bands), the
/// filtered image compressed in one zlib stream — by zlib's run-length matcher in 1 MiB bands on
/// every core (``ZlibBands``), or for the smallest files by libdeflate's level 12 — then
/// `IHDR`, `sRGB`, `IDAT` chunks of at most 1 MiB, `IEND`, each with libdeflate's CRC-32.
/// 8-bit gray, RGB or RGBA, or indexed (1 to 8 bits) when asked and the colors fit. Deterministic: the same pixels and level give the same bytes
/// whatever the thread count (each row's filter depends on that row and the one above only).
/// Allocates the output, and a band's rows at a time (the whole filtered image for `smallest`).
enum PNGEncoder {
    /// PNG's row filters (the byte before each filtered row).
    enum Filter: UInt8, CaseIterable { case none = 0, sub, up, average, paeth }

    /// How hard to work: libdeflate's level, and the filters tried on each row (the one whose
    /// output has the smallest sum of absolute signed bytes wins, libpng's heuristic).
    struct Effort {
        enum Compressor {
            /// libdeflate at this level, on one thread (its whole-buffer API cannot be cut in bands).
            case libdeflate(Int32)
            /// zlib at this level and strategy, in 1 MiB bands on every core (``ZlibBands``).
            case zlibBands(level: Int32, strategy: Int32)
        }
        var compressor: Compressor
        var filters: [Filter]
    }

    static func effort(_ compression: PNGOptions.Compression) -> Effort {
        switch compression {
        // zlib's run-length matcher (OpenCV's default) in bands on every core; measured on the
        // 2000x1500 benchmark pictures (RGBA cutout, RGB photo), against OpenCV's default
        // 2,304,780 and 5,228,706 bytes and Pillow's level 6 2,280,927 and 5,178,320.
        case .fast: return Effort(compressor: .zlibBands(level: 1, strategy: Z_RLE), filters: [.up])  // 2,325,658 / 5,265,892
        case .balanced: return Effort(compressor: .zlibBands(level: 1, strategy: Z_RLE), filters: [.paeth])  // 2,302,399 / 5,199,530
        case .compact: return Effort(compressor: .zlibBands(level: 1, strategy: Z_RLE), filters: Filter.allCases)  // 2,241,371 / 5,063,592
        case .smallest: return Effort(compressor: .libdeflate(12), filters: Filter.allCases)  // 2,172,795 / 5,041,651
        }
    }

    /// `pixels`: `height` rows of `width` pixels of `stride` bytes each (4 for RGBA images, 1 for
    /// masks); the first `channels` bytes of each pixel are written (1 gray, 3 RGB, 4 RGBA).
    static func encode(
        _ pixels: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int, channels: Int, effort: Effort
    ) throws(CodecError) -> [UInt8] {
        let rows = RowFilter(pixels, width: width, height: height, stride: stride, channels: channels, filters: effort.filters)
        var stream = try compress(rows, with: effort.compressor)
        let colorType: UInt8 = channels == 1 ? 0 : channels == 3 ? 2 : 6
        return assemble(&stream, width: width, height: height, bitDepth: 8, colorType: colorType, before: [])
    }

    /// An indexed PNG of `image` when it has at most 256 distinct colors (alpha counted): `PLTE`,
    /// `tRNS` when any entry is not opaque, indices packed at 1, 2, 4 or 8 bits as the count
    /// allows, rows unfiltered (the specification's advice for palettes) and compressed as
    /// `effort` says. Nil when there are more colors. Exact.
    static func encodeIndexed(_ image: Image, effort: Effort) throws(CodecError) -> [UInt8]? {
        var index: [UInt32: UInt8] = [:]
        var colors: [UInt32] = []
        let width = image.width, height = image.height
        var indices = [UInt8](repeating: 0, count: width * height)
        let fits: Bool = image.withUnsafeBytes { raw in
            let words = raw.bindMemory(to: UInt32.self)
            var last: UInt32 = 0, lastIndex: UInt8 = 0, haveLast = false
            for k in 0..<(width * height) {
                let word = words[k]
                if haveLast && word == last { indices[k] = lastIndex; continue }
                let i: UInt8
                if let found = index[word] {
                    i = found
                } else {
                    guard colors.count < 256 else { return false }
                    i = UInt8(colors.count)
                    index[word] = i
                    colors.append(word)
                }
                indices[k] = i
                last = word; lastIndex = i; haveLast = true
            }
            return true
        }
        guard fits else { return nil }
        let bits = colors.count <= 2 ? 1 : colors.count <= 4 ? 2 : colors.count <= 16 ? 4 : 8
        let rowBytes = (width * bits + 7) / 8
        var packed = [UInt8](repeating: 0, count: rowBytes * height)
        for y in 0..<height {
            for x in 0..<width {
                let v = indices[y * width + x]
                let bit = x * bits
                packed[y * rowBytes + bit / 8] |= v << UInt8(8 - bits - bit % 8)
            }
        }
        // Little-endian words: red in the low byte.
        var plte: [UInt8] = []
        var trns: [UInt8] = []
        for c in colors {
            plte += [UInt8(c & 0xFF), UInt8(c >> 8 & 0xFF), UInt8(c >> 16 & 0xFF)]
            trns.append(UInt8(c >> 24))
        }
        while trns.last == 255 { trns.removeLast() }
        var before: [(String, [UInt8])] = [("PLTE", plte)]
        if !trns.isEmpty { before.append(("tRNS", trns)) }
        var stream = try packed.withBytes { (raw) throws(CodecError) in
            try compress(RowFilter(raw, width: rowBytes, height: height, stride: 1, channels: 1, filters: [.none]), with: effort.compressor)
        }
        return assemble(&stream, width: width, height: height, bitDepth: UInt8(bits), colorType: 3, before: before)
    }

    /// The filtered rows as one zlib stream, in pieces to be read in order. In bands, each band
    /// filters the rows it covers itself, so the filtered image is never held whole; libdeflate
    /// needs it whole.
    private static func compress(_ rows: RowFilter, with compressor: Effort.Compressor) throws(CodecError) -> [[UInt8]] {
        switch compressor {
        case .zlibBands(let level, let strategy):
            do throws(ZlibBands.Failure) {
                return try ZlibBands.compress(count: rows.filteredCount, level: level, strategy: strategy) { range, destination in
                    rows.write(bytes: range, into: destination)
                }
            } catch {
                throw CodecError.cannotEncode(format: .png, reason: error.message)
            }
        case .libdeflate(let level):
            let filtered = UnsafeMutableRawBufferPointer.allocate(byteCount: rows.filteredCount, alignment: 64)
            defer { filtered.deallocate() }
            rows.writeAll(into: filtered.baseAddress!.assumingMemoryBound(to: UInt8.self))
            guard let compressor = libdeflate_alloc_compressor(level) else {
                throw CodecError.cannotEncode(format: .png, reason: "libdeflate could not allocate a compressor")
            }
            defer { libdeflate_free_compressor(compressor) }
            let bound = libdeflate_zlib_compress_bound(compressor, filtered.count)
            var out = [UInt8](repeating: 0, count: bound)
            let size = out.withUnsafeMutableBytes {
                libdeflate_zlib_compress(compressor, filtered.baseAddress, filtered.count, $0.baseAddress, bound)
            }
            guard size > 0 else { throw CodecError.cannotEncode(format: .png, reason: "libdeflate could not compress the rows") }
            out.removeLast(out.count - size)
            return [out]
        }
    }

    /// Signature, IHDR, sRGB, the zlib stream in IDATs of at most 1 MiB, IEND. The stream's
    /// pieces are copied into the chunks one after another and each is freed once copied, so the
    /// stream is never held twice.
    private static func assemble(
        _ stream: inout [[UInt8]], width: Int, height: Int, bitDepth: UInt8, colorType: UInt8, before: [(String, [UInt8])]
    ) -> [UInt8] {
        let size = stream.reduce(0) { $0 + $1.count }
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        out.reserveCapacity(size + (size >> 20 + 1) * 12 + before.reduce(128) { $0 + $1.1.count + 12 })
        appendChunk("IHDR", be32(width) + be32(height) + [bitDepth, colorType, 0, 0, 0], to: &out)
        appendChunk("sRGB", [0], to: &out)  // perceptual; the pixels are sRGB (a profile replaces it)
        for (type, data) in before { appendChunk(type, data, to: &out) }
        let idat = Array("IDAT".utf8)
        var piece = 0, offset = 0, written = 0
        repeat {
            let n = min(1 << 20, size - written)
            out += be32(n) + idat
            var crc = idat.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
            var left = n
            while left > 0 {
                let take = min(left, stream[piece].count - offset)
                stream[piece].withUnsafeBytes { bytes in
                    let part = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)])
                    out.append(contentsOf: part)
                    crc = libdeflate_crc32(crc, part.baseAddress, part.count)
                }
                left -= take; offset += take
                if offset == stream[piece].count {
                    stream[piece] = []
                    piece += 1; offset = 0
                }
            }
            out += be32(Int(crc))
            written += n
        } while written < size
        appendChunk("IEND", [], to: &out)
        return out
    }

    /// The filtered image, produced on demand: any run of its bytes (a filter-type byte, then the
    /// row's filtered bytes, row after row). A row's filter depends on that row and the one
    /// above only, so every run is the same whoever produces it.
    struct RowFilter: @unchecked Sendable {
        let pixels: UnsafeRawPointer
        let width: Int, height: Int, stride: Int, channels: Int
        let filters: [Filter]
        var rowBytes: Int { width * channels }
        var filteredCount: Int { height * (rowBytes + 1) }

        init(_ pixels: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int, channels: Int, filters: [Filter]) {
            self.pixels = pixels.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
            self.width = width; self.height = height; self.stride = stride; self.channels = channels; self.filters = filters
        }

        /// Bytes `range` of the filtered image into `destination`. Allocates four rows.
        func write(bytes range: Range<Int>, into destination: UnsafeMutablePointer<UInt8>) {
            guard !range.isEmpty else { return }
            let line = rowBytes + 1
            let row = UnsafeMutablePointer<UInt8>.allocate(capacity: line)
            defer { row.deallocate() }
            var written = 0, skip = range.lowerBound % line
            filter(rows: (range.lowerBound / line)..<((range.upperBound - 1) / line + 1)) { _ in
                // Each row is filtered into `row`, then the part of it the range holds is copied out.
                let take = min(line - skip, range.count - written)
                (destination + written).update(from: row + skip, count: take)
                written += take; skip = 0
            } into: { _ in
                row
            }
        }

        /// The whole filtered image into `destination`, in bands of rows on every core.
        func writeAll(into destination: UnsafeMutablePointer<UInt8>) {
            let bands = max(1, min(Parallelism.maximumThreads, height / 32, height * rowBytes / 262_144))
            let target = UncheckedPointer(destination)
            let line = rowBytes + 1
            let work: @Sendable (Int) -> Void = { band in
                let first = height * band / bands, end = height * (band + 1) / bands
                filter(rows: first..<end, then: { _ in }, into: { target.value + $0 * line })
            }
            if bands == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: bands, execute: work) }
        }

        /// Filters `rows`, each into `place(y)` (`rowBytes + 1` bytes), calling `done(y)` after each.
        private func filter(
            rows: Range<Int>, then done: (Int) -> Void, into place: (Int) -> UnsafeMutablePointer<UInt8>
        ) {
            let rowBytes = self.rowBytes
            let previous = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes)
            let current = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes)
            let trial = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes)
            defer { previous.deallocate(); current.deallocate(); trial.deallocate() }
            func pack(_ y: Int, into row: UnsafeMutablePointer<UInt8>) {
                let from = pixels.assumingMemoryBound(to: UInt8.self) + y * width * stride
                if stride == channels {
                    row.update(from: from, count: rowBytes)
                } else {
                    for x in 0..<width { for c in 0..<channels { row[x * channels + c] = from[x * stride + c] } }
                }
            }
            if rows.lowerBound > 0 { pack(rows.lowerBound - 1, into: previous) } else { previous.initialize(repeating: 0, count: rowBytes) }
            for y in rows {
                pack(y, into: current)
                let out = place(y)
                if filters.count == 1 {
                    out[0] = filters[0].rawValue
                    apply(filters[0], current, previous, into: out + 1, count: rowBytes, bpp: channels)
                } else {
                    var best = UInt64.max
                    for filter in filters {
                        apply(filter, current, previous, into: trial, count: rowBytes, bpp: channels)
                        let sum = signedMagnitudeSum(trial, count: rowBytes)
                        if sum < best {
                            best = sum
                            out[0] = filter.rawValue
                            (out + 1).update(from: trial, count: rowBytes)
                        }
                    }
                }
                done(y)
                previous.update(from: current, count: rowBytes)
            }
        }
    }

    private struct UncheckedPointer: @unchecked Sendable {
        let value: UnsafeMutablePointer<UInt8>
        init(_ value: UnsafeMutablePointer<UInt8>) { self.value = value }
    }

    /// One row through `filter` (PNG specification, section 9), `bpp` bytes a pixel.
    @inline(__always)
    private static func apply(
        _ filter: Filter, _ row: UnsafeMutablePointer<UInt8>, _ above: UnsafeMutablePointer<UInt8>, into out: UnsafeMutablePointer<UInt8>,
        count: Int, bpp: Int
    ) {
        switch filter {
        case .none:
            out.update(from: row, count: count)
        case .sub:
            let head = min(bpp, count)
            for k in 0..<head { out[k] = row[k] }
            for k in head..<count { out[k] = row[k] &- row[k - bpp] }
        case .up:
            for k in 0..<count { out[k] = row[k] &- above[k] }
        case .average:
            let head = min(bpp, count)
            for k in 0..<head { out[k] = row[k] &- above[k] >> 1 }
            for k in head..<count { out[k] = row[k] &- UInt8((UInt16(row[k - bpp]) + UInt16(above[k])) >> 1) }
        case .paeth:
            // The first pixel has no left neighbours (a = c = 0), so its predictor is b.
            let head = min(bpp, count)
            for k in 0..<head { out[k] = row[k] &- above[k] }
            var k = head
            // Sixteen bytes at a time: the encoder knows every neighbour, nothing is sequential.
            while k + 16 <= count {
                let a = SIMD16<Int16>(truncatingIfNeeded: load16(row + k - bpp))
                let b = SIMD16<Int16>(truncatingIfNeeded: load16(above + k))
                let c = SIMD16<Int16>(truncatingIfNeeded: load16(above + k - bpp))
                let predicted = Paeth.predict(a, b, c)
                let filtered = load16(row + k) &- SIMD16<UInt8>(truncatingIfNeeded: predicted)
                UnsafeMutableRawPointer(out + k).storeBytes(of: filtered, as: SIMD16<UInt8>.self)
                k += 16
            }
            while k < count {
                out[k] = row[k] &- UInt8(Paeth.predict(Int(row[k - bpp]), Int(above[k]), Int(above[k - bpp])))
                k += 1
            }
        }
    }

    @inline(__always)
    private static func load16(_ p: UnsafePointer<UInt8>) -> SIMD16<UInt8> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// libpng's heuristic: the sum of the filtered bytes read as signed, made positive.
    @inline(__always)
    static func signedMagnitudeSum(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var total: UInt64 = 0
        var k = 0
        while k + 16 <= count {
            // |v as Int8| is min(v, 256 − v) for a byte v (at most 128): 255 rounds fit 16-bit lanes.
            var lanes = SIMD16<UInt16>.zero
            let end = min(count, k + 16 * 255)
            while k + 16 <= end {
                let v = load16(p + k)
                lanes &+= SIMD16<UInt16>(truncatingIfNeeded: pointwiseMin(v, 0 &- v))
                k += 16
            }
            total &+= UInt64(SIMD16<UInt32>(truncatingIfNeeded: lanes).wrappedSum())
        }
        while k < count {
            let v = Int8(bitPattern: p[k])
            total &+= UInt64(v < 0 ? -Int(v) : Int(v))
            k += 1
        }
        return total
    }

    private static func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    private static func appendChunk(_ type: String, _ data: [UInt8], to out: inout [UInt8]) {
        data.withUnsafeBytes { appendChunk(type, $0, to: &out) }
    }

    private static func appendChunk(_ type: String, _ data: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let name = Array(type.utf8)
        out += be32(data.count) + name
        out.append(contentsOf: data)
        var crc = name.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
        crc = libdeflate_crc32(crc, data.baseAddress, data.count)
        out += be32(Int(crc))
    }
}
