import CDeflate
import CPNG
import Dispatch
import LimnRaster

/// One zlib stream made on every core, pigz's way: the input is cut into fixed bands of 1 MiB
/// (so the bytes never depend on the thread count), each band deflated by zlib on its own as a
/// raw stream that ends in a sync flush (byte-aligned, not final; the last band finishes),
/// primed with the 32 KiB before it so that matches reach across (not needed with `Z_RLE`,
/// whose matches are one byte back). The bands are joined behind a zlib header and followed by
/// the Adler-32 of the whole input (libdeflate's). Allocates each band's output.
enum ZlibBands {
    static let bandBytes = 1 << 20

    struct Failure: Error { var message: String }

    static func compress(_ data: UnsafeRawBufferPointer, level: Int32, strategy: Int32) throws(Failure) -> [UInt8] {
        let count = data.count
        let bands = max(1, (count + bandBytes - 1) / bandBytes)
        let outputs = Locked([[UInt8]?](repeating: nil, count: bands))
        let failed = Locked(false)
        let base = Pointer(UnsafeMutableRawPointer(mutating: data.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!))
        let workers = max(1, min(Parallelism.maximumThreads, bands))
        let work: @Sendable (Int) -> Void = { worker in
            var band = worker
            while band < bands {
                let start = band * bandBytes, end = min(count, start + bandBytes)
                if let bytes = deflateBand(base.raw, start: start, end: end, last: band == bands - 1, level: level, strategy: strategy) {
                    outputs.withLock { $0[band] = bytes }
                } else {
                    failed.withLock { $0 = true }
                }
                band += workers
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        guard !failed.withLock({ $0 }) else { throw Failure(message: "zlib could not compress the rows") }
        // CMF 0x78 (deflate, 32 KiB window), FLG 0x01 (fastest; checks as 0x7801 % 31 == 0).
        var out: [UInt8] = [0x78, 0x01]
        let parts = outputs.withLock { $0 }
        out.reserveCapacity(parts.reduce(6) { $0 + ($1?.count ?? 0) })
        for part in parts { out += part ?? [] }
        let adler = libdeflate_adler32(1, data.baseAddress, count)
        out += [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
        return out
    }

    /// Bytes `start..<end` of `base` as a raw deflate stream, primed with up to 32 KiB before them.
    private static func deflateBand(
        _ base: UnsafeMutableRawPointer, start: Int, end: Int, last: Bool, level: Int32, strategy: Int32
    ) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, strategy, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        let bytes = base.assumingMemoryBound(to: Bytef.self)
        if start > 0, strategy != Z_RLE {
            let primer = min(start, 32 << 10)
            guard deflateSetDictionary(&stream, bytes + start - primer, uInt(primer)) == Z_OK else { return nil }
        }
        let length = end - start
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(length))) + 16)
        let produced: Int? = output.withUnsafeMutableBufferPointer { out in
            stream.next_in = bytes + start
            stream.avail_in = uInt(length)
            stream.next_out = out.baseAddress
            stream.avail_out = uInt(out.count)
            let status = deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
            // All input taken and room left over: nothing is pending inside zlib.
            guard last ? status == Z_STREAM_END : status == Z_OK, stream.avail_in == 0, stream.avail_out > 0 else { return nil }
            return out.count - Int(stream.avail_out)
        }
        guard let produced else { return nil }
        output.removeLast(output.count - produced)
        return output
    }

    private struct Pointer: @unchecked Sendable {
        let raw: UnsafeMutableRawPointer
        init(_ raw: UnsafeMutableRawPointer) { self.raw = raw }
    }
}
