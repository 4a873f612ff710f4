/// The memory the raster core keeps for reuse, under one limit.
///
/// A fresh multi-megabyte block costs page faults and the kernel zeroing every page before the
/// first write — often more than the work done on the picture. Pipelines allocate the same sizes
/// over and over (a canvas per label sheet, a decode per picture of a batch), so recently freed
/// memory is kept: pixel blocks of 1 MiB and more (at most four; one is reused for a request at
/// least half its size) and the rasterizer's coverage scratch (at most eight). Both count
/// against ``cacheLimit``; the oldest go first when it is exceeded.
///
/// Not counted here: each `TextEngine` keeps at most 8,192 glyph bitmaps and 8,192 outlines (a
/// few megabytes for Latin text at label sizes), and a `ResampleWorkspace` holds what its caller
/// gives it.
public enum ImageMemory {
    /// The most memory held for reuse, in bytes (default 64 MiB; 0 turns reuse off). Lowering
    /// it frees what is above it at once.
    public static var cacheLimit: Int {
        get { MemoryPool.shared.limit }
        set { MemoryPool.shared.setLimit(max(0, newValue)) }
    }

    /// Bytes held for reuse right now (pixel blocks and coverage scratch).
    public static var cachedBytes: Int { MemoryPool.shared.held }
}
