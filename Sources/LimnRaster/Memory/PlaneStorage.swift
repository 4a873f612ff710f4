#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The heap block behind an `Image` or a `Mask`: one contiguous, 64-byte aligned buffer.
///
/// Reference-counted so that `Image` and `Mask` can be value types with copy-on-write.
/// Large blocks ask the kernel for transparent huge pages (fewer page faults on first touch).
@usableFromInline
final class PlaneStorage: @unchecked Sendable {
    @usableFromInline let bytes: UnsafeMutableRawPointer
    /// Bytes allocated; the raster using the block may use fewer.
    @usableFromInline let capacity: Int

    /// Allocates `capacity` bytes, zero-filled when `zeroed` is true, otherwise uninitialised.
    @usableFromInline
    init(capacity: Int, zeroed: Bool) {
        let n = max(capacity, 1)
        if let reused = MemoryPool.shared.takeBlock(capacity: n) {
            // A recently freed block (see `ImageMemory`): its pages are already mapped.
            self.capacity = reused.capacity
            self.bytes = reused.bytes
            if zeroed { bytes.initializeMemory(as: UInt8.self, repeating: 0, count: n) }
            return
        }
        self.capacity = n
        self.bytes = UnsafeMutableRawPointer.allocate(byteCount: n, alignment: 64)
        #if os(Linux)
        if n >= PlaneStorage.hugePageThreshold {
            // Advisory only: THP in `madvise` mode backs this range with 2 MiB pages when it can.
            let page = 2 << 20
            let start = (Int(bitPattern: bytes) + page - 1) & ~(page - 1)
            let end = (Int(bitPattern: bytes) + n) & ~(page - 1)
            if end > start, let p = UnsafeMutableRawPointer(bitPattern: start) {
                _ = madvise(p, end - start, MADV_HUGEPAGE)
            }
        }
        #endif
        if zeroed { bytes.initializeMemory(as: UInt8.self, repeating: 0, count: n) }
    }

    /// A new block of `count` bytes holding a copy of this one's first `count` bytes.
    @usableFromInline
    func copy(count: Int) -> PlaneStorage {
        let other = PlaneStorage(capacity: count, zeroed: false)
        // A big copy (a canvas copied before drawing on it) is split over the cores: one core
        // does not saturate the memory bandwidth.
        let parts = count >= 4 << 20 ? min(Parallelism.maximumThreads, count >> 21) : 1
        let source = UncheckedSendable(bytes), target = UncheckedSendable(other.bytes)
        Parallelism.run(bands: max(parts, 1), over: count >> 6) { chunks, _ in
            let start = chunks.lowerBound << 6
            let end = chunks.upperBound == count >> 6 ? count : chunks.upperBound << 6
            (target.value + start).copyMemory(from: source.value + start, byteCount: end - start)
        }
        if count >> 6 == 0 { other.bytes.copyMemory(from: bytes, byteCount: count) }
        return other
    }

    deinit { MemoryPool.shared.giveBlock(bytes, capacity: capacity) }

    /// Blocks at least this large are advised for huge pages.
    static let hugePageThreshold = 4 << 20
}
