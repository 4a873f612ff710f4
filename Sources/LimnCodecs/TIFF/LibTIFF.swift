import CTIFF

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every libtiff call Limn makes, in one place. Files are read from memory through client
/// callbacks; errors and warnings go to handlers set on each open (`TIFFOpenOptions`, libtiff
/// 4.5), never to the process-wide handlers, and are collected for the error message. One
/// allocation is bounded by `maxSingleAllocation` (libtiff refuses a larger strip or tile).
enum LibTIFF {
    struct Failure: Error { var message: String }

    /// What the callbacks see through the client handle.
    final class Source {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
        var errors: [String] = []
        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
    }

    /// An open TIFF in memory. The bytes must stay valid for the reader's lifetime.
    final class Reader {
        private let tiff: OpaquePointer
        private let source: Source

        init(_ bytes: UnsafeRawBufferPointer, maxSingleAllocation: Int) throws(Failure) {
            source = Source(bytes)
            guard let options = TIFFOpenOptionsAlloc() else { throw Failure(message: "libtiff could not allocate its options") }
            defer { TIFFOpenOptionsFree(options) }
            TIFFOpenOptionsSetMaxSingleMemAlloc(options, tmsize_t(maxSingleAllocation))
            let handle = Unmanaged.passUnretained(source).toOpaque()
            let report: TIFFErrorHandlerExtR = { _, user, module, format, arguments in
                guard let user, let format, let arguments else { return 1 }
                var text = [CChar](repeating: 0, count: 512)
                _ = vsnprintf(&text, text.count, format, arguments)
                let message = text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
                Unmanaged<Source>.fromOpaque(user).takeUnretainedValue().errors.append(message)
                _ = module
                return 1  // handled: libtiff's process-wide handler is not called
            }
            let ignore: TIFFErrorHandlerExtR = { _, _, _, _, _ in 1 }
            TIFFOpenOptionsSetErrorHandlerExtR(options, report, handle)
            TIFFOpenOptionsSetWarningHandlerExtR(options, ignore, nil)
            let read: TIFFReadWriteProc = { handle, buffer, count in
                guard let handle, let buffer, count > 0 else { return 0 }
                let source = Unmanaged<Source>.fromOpaque(handle).takeUnretainedValue()
                let n = min(Int(count), max(source.bytes.count - source.offset, 0))
                guard n > 0, let base = source.bytes.baseAddress else { return 0 }
                buffer.copyMemory(from: base + source.offset, byteCount: n)
                source.offset += n
                return tmsize_t(n)
            }
            let write: TIFFReadWriteProc = { _, _, _ in 0 }
            let seek: TIFFSeekProc = { handle, offset, whence in
                guard let handle else { return toff_t.max }
                let source = Unmanaged<Source>.fromOpaque(handle).takeUnretainedValue()
                let base: Int
                switch whence {
                case SEEK_SET: base = 0
                case SEEK_CUR: base = source.offset
                case SEEK_END: base = source.bytes.count
                default: return toff_t.max
                }
                let (target, overflow) = base.addingReportingOverflow(Int(truncatingIfNeeded: offset))
                guard !overflow, target >= 0 else { return toff_t.max }
                source.offset = target
                return toff_t(target)
            }
            let close: TIFFCloseProc = { _ in 0 }
            let size: TIFFSizeProc = { handle in
                guard let handle else { return 0 }
                return toff_t(Unmanaged<Source>.fromOpaque(handle).takeUnretainedValue().bytes.count)
            }
            let map: TIFFMapFileProc = { _, _, _ in 0 }  // no mapping: reads go through `read`
            let unmap: TIFFUnmapFileProc = { _, _, _ in }
            guard let opened = TIFFClientOpenExt("memory", "rm", handle, read, write, seek, close, size, map, unmap, options) else {
                throw Failure(message: source.errors.last ?? "libtiff could not read the header")
            }
            tiff = opened
        }

        deinit { TIFFClose(tiff) }

        /// The first error libtiff reported, if any.
        var lastError: String? { source.errors.last }

        /// A 16- or 32-bit tag of the current directory, through `TIFFVGetField`.
        func field32(_ tag: Int32) -> UInt32? {
            var value: UInt32 = 0
            let found = withUnsafeMutablePointer(to: &value) { p in withVaList([p]) { TIFFVGetField(tiff, UInt32(tag), $0) } }
            return found == 1 ? value : nil
        }

        func field16(_ tag: Int32) -> UInt16? {
            var value: UInt16 = 0
            let found = withUnsafeMutablePointer(to: &value) { p in withVaList([p]) { TIFFVGetField(tiff, UInt32(tag), $0) } }
            return found == 1 ? value : nil
        }

        /// A tag holding a count (32-bit) and a pointer to that many bytes (ICC profile 34675,
        /// XMP 700), copied.
        func bytesField(_ tag: Int32) -> [UInt8]? {
            var count: UInt32 = 0
            var data: UnsafeMutableRawPointer? = nil
            let found = withUnsafeMutablePointer(to: &count) { c in
                withUnsafeMutablePointer(to: &data) { d in withVaList([c, d]) { TIFFVGetField(tiff, UInt32(tag), $0) } }
            }
            guard found == 1, let data, count > 0 else { return nil }
            return Array(UnsafeRawBufferPointer(start: data, count: Int(count)))
        }

        var isTiled: Bool { TIFFIsTiled(tiff) != 0 }

        /// The page's samples as stored (8 bits, `samples` a pixel, interleaved), rows top to
        /// bottom, into `destination` (`width × height × samples` bytes): strips through
        /// `TIFFReadScanline`, tiles through `TIFFReadTile` (clipped at the right and bottom).
        func readContiguous8(width: Int, height: Int, samples: Int, into destination: UnsafeMutablePointer<UInt8>) throws(Failure) {
            let row = width * samples
            if isTiled {
                guard let tw = field32(TIFFTAG_TILEWIDTH), let th = field32(TIFFTAG_TILELENGTH), tw > 0, th > 0 else {
                    throw Failure(message: "the tiles have no size")
                }
                let tileWidth = Int(tw), tileHeight = Int(th)
                let size = Int(TIFFTileSize(tiff))
                guard size >= tileWidth * tileHeight * samples else { throw Failure(message: "the tiles are smaller than they say") }
                let tile = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
                defer { tile.deallocate() }
                for y0 in stride(from: 0, to: height, by: tileHeight) {
                    for x0 in stride(from: 0, to: width, by: tileWidth) {
                        guard TIFFReadTile(tiff, tile, UInt32(x0), UInt32(y0), 0, 0) >= 0 else {
                            throw Failure(message: lastError ?? "libtiff could not read the tile at \(x0), \(y0)")
                        }
                        let w = min(tileWidth, width - x0)
                        for y in 0..<min(tileHeight, height - y0) {
                            (destination + (y0 + y) * row + x0 * samples).update(from: tile + y * tileWidth * samples, count: w * samples)
                        }
                    }
                }
            } else {
                guard Int(TIFFScanlineSize(tiff)) == row else { throw Failure(message: "the rows are not \(row) bytes") }
                for y in 0..<height {
                    guard TIFFReadScanline(tiff, destination + y * row, UInt32(y), 0) == 1 else {
                        throw Failure(message: lastError ?? "libtiff could not read row \(y)")
                    }
                }
            }
        }

        /// The extra samples' kinds (`EXTRASAMPLE_*`).
        func extraSamples() -> [UInt16] {
            var count: UInt16 = 0
            var kinds: UnsafeMutablePointer<UInt16>? = nil
            let found = withUnsafeMutablePointer(to: &count) { c in
                withUnsafeMutablePointer(to: &kinds) { k in withVaList([c, k]) { TIFFVGetField(tiff, UInt32(TIFFTAG_EXTRASAMPLES), $0) } }
            }
            guard found == 1, let kinds else { return [] }
            return Array(UnsafeBufferPointer(start: kinds, count: Int(count)))
        }

        /// How many pages (directories) the file holds.
        var pageCount: Int { Int(TIFFNumberOfDirectories(tiff)) }

        func setPage(_ index: Int) throws(Failure) {
            guard TIFFSetDirectory(tiff, tdir_t(index)) == 1 else { throw Failure(message: lastError ?? "there is no page \(index + 1)") }
        }

        /// Nil when the RGBA interface can read this page; else libtiff's reason.
        func rgbaUnsupportedReason() -> String? {
            var message = [CChar](repeating: 0, count: 1024)
            return TIFFRGBAImageOK(tiff, &message) == 1 ? nil : message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }

        /// The page as 8-bit RGBA with premultiplied ("associated") alpha, rows top to bottom in
        /// the order libtiff gives for `ORIENTATION_TOPLEFT`, into `destination` (width × height words).
        func readRGBA(width: Int, height: Int, into destination: UnsafeMutablePointer<UInt32>) throws(Failure) {
            guard TIFFReadRGBAImageOriented(tiff, UInt32(width), UInt32(height), destination, Int32(ORIENTATION_TOPLEFT), 1) == 1 else {
                throw Failure(message: lastError ?? "libtiff could not read the pixels")
            }
        }
    }
}
