import CJPEG
import Dispatch
import LimnRaster

/// A baseline JPEG encoded on every core: the picture is cut into strips of whole MCU rows, each
/// strip encoded by TurboJPEG on its own, and the strips' entropy-coded data joined behind the
/// first strip's headers (the frame's height made the whole picture's, a `DRI` segment added),
/// with a restart marker between strips. A restart resets the DC predictors and byte-aligns the
/// data, which is exactly how each strip begins and ends on its own, and every 8×8 block is the
/// block a one-piece encode makes (strips are whole MCU rows, so chroma is downsampled from the
/// same rows), so the file decodes to the same pixels as a one-piece encode at the same settings;
/// it is a few bytes larger (two per restart marker, a DC value coded afresh per strip).
/// Strips are cut by the picture's size alone: the bytes never depend on the thread count.
/// Allocates each strip's file and the joined output.
enum JPEGStrips {
    /// The MCU's size for a subsampling, in pixels.
    static func mcu(_ subsampling: TJSAMP) -> (width: Int, height: Int) {
        switch subsampling {
        case TJSAMP_420: return (16, 16)
        case TJSAMP_422: return (16, 8)
        default: return (8, 8)
        }
    }

    /// Rows per strip: up to 16 MCU rows, fewer when a restart interval (MCUs per strip) would
    /// not fit the `DRI` segment's 16 bits.
    static func stripRows(width: Int, subsampling: TJSAMP) -> Int {
        let (mw, mh) = mcu(subsampling)
        let perRow = (width + mw - 1) / mw
        return max(1, min(16, 65535 / perRow)) * mh
    }

    /// The joined file, or nil when the picture is a single strip (encode it in one piece).
    static func encode(
        _ pixels: UnsafeRawBufferPointer, width: Int, height: Int, pitch: Int, bytesPerPixel: Int, format: TJPF, subsampling: TJSAMP,
        quality: Int
    ) throws(CodecError) -> [UInt8]? {
        let rows = stripRows(width: width, subsampling: subsampling)
        let count = (height + rows - 1) / rows
        guard count > 1, let base = pixels.baseAddress else { return nil }
        let strips = Locked([[UInt8]?](repeating: nil, count: count))
        let failure = Locked<String?>(nil)
        let source = UncheckedRaw(base)
        let workers = max(1, min(Parallelism.maximumThreads, count))
        let work: @Sendable (Int) -> Void = { worker in
            var i = worker
            while i < count {
                let y = i * rows, h = min(rows, height - y)
                do throws(TurboJPEG.Failure) {
                    let strip = try TurboJPEG.compress(
                        UnsafeRawBufferPointer(start: source.pointer + y * pitch, count: (h - 1) * pitch + width * bytesPerPixel),
                        width: width, height: h, pitch: pitch, format: format, subsampling: subsampling, quality: quality,
                        progressive: false)
                    strips.withLock { $0[i] = strip }
                } catch {
                    failure.withLock { $0 = $0 ?? error.message }
                }
                i += workers
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        if let message = failure.withLock({ $0 }) { throw CodecError.cannotEncode(format: .jpeg, reason: message) }
        let files = strips.withLock { $0 }.map { $0 ?? [] }
        let mcuSize = mcu(subsampling)
        let interval = (width + mcuSize.width - 1) / mcuSize.width * (rows / mcuSize.height)
        return try join(files, height: height, restartInterval: interval)
    }

    /// Where a TurboJPEG file's frame header (`SOF0`) and scan header (`SOS`) are, and where its
    /// entropy-coded data starts and ends (before `EOI`).
    struct Layout {
        var frame: Int
        var scan: Int
        var dataStart: Int
        var dataEnd: Int
    }

    static func layout(_ file: [UInt8]) throws(CodecError) -> Layout {
        func broken(_ what: String) -> CodecError { .cannotEncode(format: .jpeg, reason: "a strip came back without \(what)") }
        guard file.count >= 4, file[0] == 0xFF, file[1] == 0xD8, file[file.count - 2] == 0xFF, file[file.count - 1] == 0xD9 else {
            throw broken("SOI and EOI")
        }
        var p = 2
        var frame: Int?
        while p + 4 <= file.count, file[p] == 0xFF {
            let marker = file[p + 1]
            let length = Int(file[p + 2]) << 8 | Int(file[p + 3])
            if marker == 0xC0 { frame = p }
            if marker == 0xDA {
                guard let frame, p + 2 + length <= file.count - 2 else { throw broken("a baseline frame header") }
                return Layout(frame: frame, scan: p, dataStart: p + 2 + length, dataEnd: file.count - 2)
            }
            p += 2 + length
        }
        throw broken("a scan header")
    }

    /// The strips' data behind the first strip's headers, as one file of `height` rows.
    static func join(_ files: [[UInt8]], height: Int, restartInterval: Int) throws(CodecError) -> [UInt8] {
        let first = try layout(files[0])
        var out = [UInt8]()
        out.reserveCapacity(files.reduce(64) { $0 + $1.count })
        out += files[0][0..<first.scan]
        // The frame's height (SOF0: marker, length, precision, then the height).
        out[first.frame + 5] = UInt8(height >> 8 & 0xFF)
        out[first.frame + 6] = UInt8(height & 0xFF)
        out += [0xFF, 0xDD, 0x00, 0x04, UInt8(restartInterval >> 8 & 0xFF), UInt8(restartInterval & 0xFF)]
        out += files[0][first.scan..<first.dataStart]
        for (i, file) in files.enumerated() {
            let layout = i == 0 ? first : try layout(file)
            out += file[layout.dataStart..<layout.dataEnd]
            if i < files.count - 1 { out += [0xFF, 0xD0 + UInt8(i % 8)] }
        }
        out += [0xFF, 0xD9]
        return out
    }

    private struct UncheckedRaw: @unchecked Sendable {
        let pointer: UnsafeRawPointer
        init(_ pointer: UnsafeRawPointer) { self.pointer = pointer }
    }
}
