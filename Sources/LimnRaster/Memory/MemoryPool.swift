/// The one pool behind ``ImageMemory``: freed pixel blocks and rasterizer scratch, oldest
/// first, held within one byte limit. Thread-safe; memory leaving the pool belongs to the taker.
final class MemoryPool: Sendable {
    static let shared = MemoryPool()
    /// Smaller pixel blocks are freed, not kept.
    static let minimumBlock = 1 << 20
    static let maximumBlocks = 4
    static let maximumScratches = 8

    private enum Entry {
        case block(UnsafeMutableRawPointer, capacity: Int)
        case scratch(CoverageScratch)

        var bytes: Int {
            switch self {
            case .block(_, let capacity): return capacity
            case .scratch(let scratch): return scratch.byteCount
            }
        }

        var isBlock: Bool {
            if case .block = self { return true }
            return false
        }

        func free() {
            if case .block(let bytes, _) = self { bytes.deallocate() }
        }
    }

    private struct State {
        var entries: [Entry] = []  // oldest first
        var limit = 64 << 20
        var held = 0
        var blocks = 0
        var scratches = 0

        mutating func remove(at k: Int) -> Entry {
            let entry = entries.remove(at: k)
            held -= entry.bytes
            if case .block = entry { blocks -= 1 } else { scratches -= 1 }
            return entry
        }

        /// Drops the oldest entries until within the limits; the caller frees them after unlocking.
        mutating func trim() -> [Entry] {
            var evicted: [Entry] = []
            while let k = entries.indices.first(where: { k in
                held > limit || (blocks > MemoryPool.maximumBlocks && entries[k].isBlock)
                    || (scratches > MemoryPool.maximumScratches && !entries[k].isBlock)
            }) {
                evicted.append(remove(at: k))
            }
            return evicted
        }
    }

    private let state = Locked(State())

    var limit: Int { state.withLock { $0.limit } }
    var held: Int { state.withLock { $0.held } }

    func setLimit(_ bytes: Int) {
        let evicted = state.withLock { s in
            s.limit = bytes
            return s.trim()
        }
        evicted.forEach { $0.free() }
    }

    /// A kept pixel block of `capacity`…`2·capacity` bytes (the smallest such), taken out of the
    /// pool; nil when there is none.
    func takeBlock(capacity: Int) -> (bytes: UnsafeMutableRawPointer, capacity: Int)? {
        guard capacity >= Self.minimumBlock else { return nil }
        return state.withLock { s in
            var best: (index: Int, capacity: Int)? = nil
            for (k, entry) in s.entries.enumerated() {
                guard case .block(_, let c) = entry, c >= capacity, c <= 2 * capacity else { continue }
                if best == nil || c < best!.capacity { best = (k, c) }
            }
            guard let best, case .block(let bytes, let c) = s.remove(at: best.index) else { return nil }
            return (bytes, c)
        }
    }

    /// Keeps a freed pixel block when it fits the limit (evicting the oldest entries); frees it otherwise.
    func giveBlock(_ bytes: UnsafeMutableRawPointer, capacity: Int) {
        keep(.block(bytes, capacity: capacity), worthKeeping: capacity >= Self.minimumBlock)
    }

    /// The most recently kept scratch, taken out of the pool; nil when there is none.
    func takeScratch() -> CoverageScratch? {
        state.withLock { s in
            guard let k = s.entries.lastIndex(where: { !$0.isBlock }), case .scratch(let scratch) = s.remove(at: k) else {
                return nil
            }
            return scratch
        }
    }

    /// Keeps a scratch (all zero again) when it fits the limit; drops it otherwise.
    func giveScratch(_ scratch: CoverageScratch) {
        keep(.scratch(scratch), worthKeeping: true)
    }

    private func keep(_ entry: Entry, worthKeeping: Bool) {
        let evicted: [Entry] = state.withLock { s in
            guard worthKeeping, entry.bytes <= s.limit else { return [entry] }
            s.entries.append(entry)
            s.held += entry.bytes
            if entry.isBlock { s.blocks += 1 } else { s.scratches += 1 }
            return s.trim()
        }
        evicted.forEach { $0.free() }
    }
}
