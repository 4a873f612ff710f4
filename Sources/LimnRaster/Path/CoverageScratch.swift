#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rasterizer's working memory: an accumulation buffer and its touched-cell bitset, kept
/// all zero between uses and recycled, so a fill neither allocates nor clears memory in
/// proportion to its bounding box (a thin outline of a big box touches few cells). After use
/// only the touched cells are cleared, found through the bitset.
final class CoverageScratch: @unchecked Sendable {
    private(set) var accumulation: UnsafeMutablePointer<Float>
    private(set) var bits: UnsafeMutablePointer<UInt64>
    private var accumulationCapacity: Int
    private var bitsCapacity: Int

    /// Nil when the memory cannot be had.
    init?(cells: Int, words: Int) {
        accumulationCapacity = max(cells, 1)
        bitsCapacity = max(words, 1)
        guard let a = Self.zeroed(Float.self, accumulationCapacity) else { return nil }
        guard let b = Self.zeroed(UInt64.self, bitsCapacity) else { free(a); return nil }
        accumulation = a
        bits = b
    }

    deinit {
        free(accumulation)
        free(bits)
    }

    var cellCapacity: Int { accumulationCapacity }

    /// Grows (zeroed) to hold `cells` and `words`; false when the memory cannot be had (the
    /// scratch is then unchanged).
    func reserve(cells: Int, words: Int) -> Bool {
        if cells > accumulationCapacity {
            guard let a = Self.zeroed(Float.self, cells) else { return false }
            free(accumulation)
            accumulationCapacity = cells
            accumulation = a
        }
        if words > bitsCapacity {
            guard let b = Self.zeroed(UInt64.self, words) else { return false }
            free(bits)
            bitsCapacity = words
            bits = b
        }
        return true
    }

    /// Clears the cells a `height`-row use with `stride` cells and `wordsPerRow` bit words per
    /// row touched, and the bits, restoring the all-zero state.
    func clear(height: Int, stride: Int, wordsPerRow: Int) {
        for y in 0..<height {
            let row = accumulation + y * stride
            let words = bits + y * wordsPerRow
            for k in 0..<wordsPerRow {
                var m = words[k]
                while m != 0 {
                    let c = k << 6 | m.trailingZeroBitCount
                    if c < stride { row[c] = 0 }
                    m &= m &- 1
                }
                words[k] = 0
            }
        }
    }

    /// Zeroed by writing, not by `calloc`: a large `calloc` maps the shared zero page, and the
    /// rasterizer's first `+=` on each page then faults twice (read, then copy on write), the
    /// second flushing the TLB of every core the process runs on. Written first, a page faults
    /// once. (Measured: a third of `limn annotate`'s time on a 2-core VM went to those flushes.)
    /// (`posix_memalign`, because the optimizer turns `malloc` then `memset` back into `calloc`.)
    private static func zeroed<T>(_: T.Type, _ count: Int) -> UnsafeMutablePointer<T>? {
        guard count <= Int.max / MemoryLayout<T>.stride else { return nil }
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, 64, count * MemoryLayout<T>.stride) == 0, let raw else { return nil }
        memset(raw, 0, count * MemoryLayout<T>.stride)
        return raw.assumingMemoryBound(to: T.self)
    }

    /// The memory held, in bytes (what the pool counts against ``ImageMemory/cacheLimit``).
    var byteCount: Int { accumulationCapacity * MemoryLayout<Float>.stride + bitsCapacity * MemoryLayout<UInt64>.stride }

    /// A zeroed scratch of at least this size, from ``MemoryPool`` when it holds one; nil when
    /// memory cannot be had.
    static func take(cells: Int, words: Int) -> CoverageScratch? {
        guard let scratch = MemoryPool.shared.takeScratch() else { return CoverageScratch(cells: cells, words: words) }
        guard scratch.reserve(cells: cells, words: words) else {
            MemoryPool.shared.giveScratch(scratch)
            return nil
        }
        return scratch
    }

    /// Returns a scratch, all zero again, to the pool.
    static func give(_ scratch: CoverageScratch) {
        MemoryPool.shared.giveScratch(scratch)
    }
}
