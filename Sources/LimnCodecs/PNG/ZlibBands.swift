import CDeflate
import CPNG
import Dispatch
import LimnRaster

/// One zlib stream made on every core, pigz's way: the input is cut into fixed bands of 1 MiB
/// (so the bytes never depend on the thread count), each band deflated by zlib on its own as a
/// raw stream that ends in a sync flush (byte-aligned, not final; the last band finishes),
/// primed with the 32 KiB before it so that matches reach across (not needed with `Z_RLE`,
/// whose matches are one byte back). The bands are joined behind a zlib header and followed by
/// the Adler-32 of the whole input. Allocates each band's output and, per thread, one band of input.
enum ZlibBands {
    static let bandBytes = 1 << 20

    struct Failure: Error { var message: String }

    /// `count` bytes as one zlib stream, in pieces to be read in order (the header, each band's
    /// deflate output, the Adler-32), each band pulling its bytes (and its primer) from
    /// `produce(range, destination)`, which writes bytes `range` of the input: the input is
    /// never needed whole. Each band's Adler-32 is combined into the stream's (zlib's
    /// `adler32_combine`).
    static func compress(
        count: Int, level: Int32, strategy: Int32, produce: @escaping @Sendable (Range<Int>, UnsafeMutablePointer<UInt8>) -> Void
    ) throws(Failure) -> [[UInt8]] {
        let bands = max(1, (count + bandBytes - 1) / bandBytes)
        let outputs = Locked([(bytes: [UInt8], adler: UInt32)?](repeating: nil, count: bands))
        let failed = Locked(false)
        let workers = max(1, min(Parallelism.maximumThreads, bands))
        let work: @Sendable (Int) -> Void = { worker in
            let primerLimit = strategy == Z_RLE ? 0 : 32 << 10
            // Input and output space for one band, reused band after band: fresh pages cost more than the copy.
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: primerLimit + bandBytes)
            let room = bandBytes + bandBytes / 8 + 1024
            let output = UnsafeMutablePointer<UInt8>.allocate(capacity: room)
            defer { buffer.deallocate(); output.deallocate() }
            var band = worker
            while band < bands {
                let start = band * bandBytes, end = min(count, start + bandBytes)
                let primer = min(start, primerLimit)
                produce((start - primer)..<end, buffer)
                let adler = UInt32(libdeflate_adler32(1, buffer + primer, end - start))
                if let bytes = deflateBand(
                    buffer, primer: primer, length: end - start, into: output, room: room, last: band == bands - 1, level: level,
                    strategy: strategy)
                {
                    outputs.withLock { $0[band] = (bytes, adler) }
                } else {
                    failed.withLock { $0 = true }
                }
                band += workers
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        guard !failed.withLock({ $0 }) else { throw Failure(message: "zlib could not compress the rows") }
        // CMF 0x78 (deflate, 32 KiB window), FLG 0x01 (fastest; checks as 0x7801 % 31 == 0).
        var pieces: [[UInt8]] = [[0x78, 0x01]]
        var adler: UInt = 1
        for (band, part) in outputs.withLock({ $0 }).enumerated() {
            guard let part else { continue }
            pieces.append(part.bytes)
            let length = min(count, (band + 1) * bandBytes) - band * bandBytes
            adler = band == 0 ? UInt(part.adler) : adler32_combine(adler, UInt(part.adler), off_t(length))
        }
        if count == 0 { adler = 1 }
        pieces.append([UInt8(adler >> 24 & 0xFF), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)])
        return pieces
    }

    /// `length` bytes after `primer` bytes at `bytes` as a raw deflate stream, primed with those,
    /// made in `output` (`room` bytes, more than zlib's bound for a band) and returned as a copy.
    private static func deflateBand(
        _ bytes: UnsafeMutablePointer<UInt8>, primer: Int, length: Int, into output: UnsafeMutablePointer<UInt8>, room: Int,
        last: Bool, level: Int32, strategy: Int32
    ) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, strategy, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        if primer > 0 {
            guard deflateSetDictionary(&stream, bytes, uInt(primer)) == Z_OK else { return nil }
        }
        guard Int(deflateBound(&stream, uLong(length))) + 16 <= room else { return nil }
        stream.next_in = bytes + primer
        stream.avail_in = uInt(length)
        stream.next_out = output
        stream.avail_out = uInt(room)
        let status = deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
        // All input taken and room left over: nothing is pending inside zlib.
        guard last ? status == Z_STREAM_END : status == Z_OK, stream.avail_in == 0, stream.avail_out > 0 else { return nil }
        return Array(UnsafeBufferPointer(start: output, count: room - Int(stream.avail_out)))
    }
}
