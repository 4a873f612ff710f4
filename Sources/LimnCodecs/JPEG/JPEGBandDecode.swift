import CJPEGRows
import Dispatch
import LimnRaster

/// A baseline JPEG decoded in bands of rows through libjpeg (`limn_jpeg_decode_rows`) while
/// the bands already decoded are converted to sRGB on another thread: the conversion overlaps
/// the decode instead of following it. The pixels are those of the TurboJPEG path, converted
/// the same way (the tests compare them exactly). Used only when a file's profile needs a
/// conversion and more than one thread is allowed; anything this path does not take
/// (progressive, damage, a scale libjpeg sizes differently) gives false, and the caller decodes
/// the usual way.
enum JPEGBandDecode {
    /// Rows handed to the converter at a time: 16 measured best (limn-tasks T2: +5 to +12 % over
    /// the plain decode, against +20 % at 64 rows and +25 % at 128).
    static let band = 16

    /// Decodes into `buffer` (`width × height` RGBA) and converts every row with `convert`
    /// (`count` pixels at a pointer, in place). True when the image is complete and converted.
    static func decode(
        _ bytes: UnsafeRawBufferPointer, into buffer: UnsafeMutableRawBufferPointer, width: Int, height: Int,
        scale: TurboJPEG.Scale, convert: @escaping @Sendable (UnsafeMutablePointer<UInt8>, Int) -> Void
    ) -> Bool {
        let pipeline = Pipeline(base: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), width: width, convert: convert)
        // The worker is not waited for, only the bands it took: should the pool be busy (a batch
        // on every thread), this thread converts everything, and a late worker finds nothing.
        DispatchQueue.global(qos: .userInitiated).async { pipeline.work() }
        var message = [CChar](repeating: 0, count: 256)
        let context = Unmanaged.passUnretained(pipeline).toOpaque()
        let status = limn_jpeg_decode_rows(
            bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, Int32(scale.num), Int32(scale.denom),
            buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(width), Int32(height), Int32(band),
            { context, rows in Unmanaged<Pipeline>.fromOpaque(context!).takeUnretainedValue().decoded(upTo: Int(rows)) },
            context, &message, message.count)
        pipeline.finish(succeeded: status == 0)
        pipeline.work()  // this thread converts what is left
        pipeline.waitForBandsInProgress()
        return status == 0
    }

    /// Rows decoded so far, rows claimed for conversion, and whether the decode has ended.
    private final class Pipeline: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>
        let width: Int
        let convert: @Sendable (UnsafeMutablePointer<UInt8>, Int) -> Void
        private struct State {
            var ready = 0
            var claimed = 0
            var converting = 0
            var finished = false
            var succeeded = false
        }
        private let state = Locked(State())
        private let signal = DispatchSemaphore(value: 0)
        private let bandDone = DispatchSemaphore(value: 0)

        init(base: UnsafeMutablePointer<UInt8>, width: Int, convert: @escaping @Sendable (UnsafeMutablePointer<UInt8>, Int) -> Void) {
            self.base = base
            self.width = width
            self.convert = convert
        }

        /// From the decoding thread: rows below `rows` are complete.
        func decoded(upTo rows: Int) {
            state.withLock { $0.ready = rows }
            signal.signal()
        }

        func finish(succeeded: Bool) {
            state.withLock {
                $0.finished = true
                $0.succeeded = succeeded
            }
            signal.signal()
        }

        /// Converts bands as they become ready until the decode has ended and nothing is left
        /// (after a failed decode nothing more is converted: the caller decodes again).
        func work() {
            while true {
                let next: Range<Int>? = state.withLock { s in
                    if s.finished && !s.succeeded { return nil }
                    let available = s.ready - s.claimed
                    guard available >= JPEGBandDecode.band || (s.finished && available > 0) else { return nil }
                    let rows = s.claimed..<min(s.ready, s.claimed + JPEGBandDecode.band)
                    s.claimed = rows.upperBound
                    s.converting += 1
                    return rows
                }
                if let next {
                    convert(base + next.lowerBound * width * 4, next.count * width)
                    state.withLock { $0.converting -= 1 }
                    bandDone.signal()
                    continue
                }
                if state.withLock({ $0.finished }) {
                    signal.signal()  // wake the other worker, if it waits
                    return
                }
                signal.wait()
            }
        }

        /// Returns once no band is being converted (after ``finish(succeeded:)`` and ``work()``,
        /// none will be claimed again).
        func waitForBandsInProgress() {
            while state.withLock({ $0.converting > 0 }) { bandDone.wait() }
        }
    }
}
