#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recently freed large pixel blocks, kept for the next image of a similar size.
///
/// A fresh multi-megabyte block costs page faults and the kernel zeroing every page before the
/// first write — often more than the work done on the picture. Pipelines allocate the same sizes
/// over and over (a canvas per label sheet, a decode per picture of a batch), so a few blocks are
/// kept: one is reused when it is at least as large as asked and at most twice as large.
/// Bounded by ``ImageMemory/cacheLimit`` (bytes) and four blocks; only blocks of 1 MiB and more.
public enum ImageMemory {
    /// The most memory held in freed blocks for reuse (default 64 MiB; 0 turns the cache off).
    public static var cacheLimit: Int {
        get { BlockCache.shared.limit }
        set { BlockCache.shared.setLimit(max(0, newValue)) }
    }

    /// Bytes held in the cache right now.
    public static var cachedBytes: Int { BlockCache.shared.held }
}

final class BlockCache: @unchecked Sendable {
    static let shared = BlockCache()
    static let minimumBlock = 1 << 20
    static let maximumBlocks = 4

    private var mutex = pthread_mutex_t()
    private var blocks: [(bytes: UnsafeMutableRawPointer, capacity: Int)] = []
    private(set) var limit = 64 << 20
    private(set) var held = 0

    init() { pthread_mutex_init(&mutex, nil) }

    func setLimit(_ bytes: Int) {
        pthread_mutex_lock(&mutex)
        limit = bytes
        let evicted = trim()
        pthread_mutex_unlock(&mutex)
        evicted.forEach { $0.deallocate() }
    }

    /// A cached block of `capacity`…`2·capacity` bytes, taken out of the cache; nil when none.
    func take(capacity: Int) -> (bytes: UnsafeMutableRawPointer, capacity: Int)? {
        guard capacity >= Self.minimumBlock else { return nil }
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard let k = blocks.indices.filter({ blocks[$0].capacity >= capacity && blocks[$0].capacity <= 2 * capacity })
            .min(by: { blocks[$0].capacity < blocks[$1].capacity }) else { return nil }
        let block = blocks.remove(at: k)
        held -= block.capacity
        return block
    }

    /// Keeps a freed block if it fits the limits (evicting the oldest); otherwise frees it.
    func give(_ bytes: UnsafeMutableRawPointer, capacity: Int) {
        guard capacity >= Self.minimumBlock else { bytes.deallocate(); return }
        pthread_mutex_lock(&mutex)
        guard capacity <= limit else {
            pthread_mutex_unlock(&mutex)
            bytes.deallocate()
            return
        }
        blocks.append((bytes, capacity))
        held += capacity
        let evicted = trim()
        pthread_mutex_unlock(&mutex)
        evicted.forEach { $0.deallocate() }
    }

    /// Drops the oldest blocks until within the limits; call with the lock held, free after.
    private func trim() -> [UnsafeMutableRawPointer] {
        var evicted: [UnsafeMutableRawPointer] = []
        while !blocks.isEmpty && (held > limit || blocks.count > Self.maximumBlocks) {
            let oldest = blocks.removeFirst()
            held -= oldest.capacity
            evicted.append(oldest.bytes)
        }
        return evicted
    }
}
