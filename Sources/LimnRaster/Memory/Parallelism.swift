import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many threads the raster core may use: by default one per core. Operations split work
/// into row bands only when it is large enough to pay for the threads; results are identical
/// whatever the thread count.
///
/// Two ways to limit it: ``maximumThreads`` for the whole process (set it once, at start-up),
/// or ``withMaximumThreads(_:_:)`` for the operations one piece of code calls — a batch worker
/// that already runs one job per core, a test that compares one thread with four — without
/// touching what other threads see.
public enum Parallelism {
    /// The process-wide limit (at least 1), unless a ``withMaximumThreads(_:_:)`` around the
    /// caller says otherwise; then that.
    public static var maximumThreads: Int {
        get { scoped ?? setting.withLock { $0 } }
        set { setting.withLock { $0 = max(1, newValue) } }
    }

    /// Runs `body` with at most `threads` threads (at least 1) for every raster operation it
    /// calls on this thread and in the tasks it starts; other threads keep their own limit.
    /// Nests: the innermost call wins. Errors pass through unchanged.
    public static func withMaximumThreads<R, E: Error>(_ threads: Int, _ body: () throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = $scoped.withValue(max(1, threads)) { Result { () throws(E) in try body() } }
        return try result.get()
    }

    @TaskLocal private static var scoped: Int?
    private static let setting = Locked(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// How many bands to split `count` rows into for `work` units (roughly pixel-taps): one per
    /// thread allowed, but none smaller than about two million units of work.
    static func bands(_ count: Int, work: Int) -> Int {
        max(1, min(maximumThreads, count, work / 2_000_000))
    }

    /// Runs `body(rows, band)` for `bands` contiguous bands of `0 ..< count`, concurrently when
    /// there is more than one band.
    static func run(bands: Int, over count: Int, _ body: (Range<Int>, Int) -> Void) {
        guard count > 0 else { return }
        guard bands > 1 else {
            body(0..<count, 0)
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: bands) { band in
                let lower = count * band / bands, upper = count * (band + 1) / bands
                if upper > lower { box.value(lower..<upper, band) }
            }
        }
    }
}

extension Parallelism {
    /// `body(i)` for every `i` in `0 ..< count`, in order, computed on up to ``maximumThreads``
    /// threads that take the next index as they finish one (so items of very different sizes
    /// still share the cores). For Limn's own modules: `body` must be safe to call from several
    /// threads at once. Allocates the result.
    package static func map<T>(_ count: Int, threads: Int? = nil, _ body: (Int) -> T) -> [T] {
        let threads = min(threads ?? maximumThreads, count)
        guard threads > 1 else { return (0..<max(count, 0)).map(body) }
        let next = Locked(0)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = UncheckedSendable(buffer.baseAddress!)
            withoutActuallyEscaping(body) { body in
                let box = UncheckedSendable(body)
                DispatchQueue.concurrentPerform(iterations: threads) { _ in
                    while true {
                        let i = next.withLock { value in
                            defer { value += 1 }
                            return value
                        }
                        guard i < count else { return }
                        (slots.value + i).initialize(to: box.value(i))
                    }
                }
            }
            initialized = count
        }
    }
}

extension Parallelism {
    /// Calls `body(i, thread)` for every `i` in `0 ..< count` on up to `threads` threads that
    /// take the next index as they finish one; `thread` (below `threads`) names the thread, for
    /// per-thread scratch. On the calling thread alone when `threads` is 1.
    package static func forEach(_ count: Int, threads: Int, _ body: (Int, Int) -> Void) {
        let threads = min(threads, count)
        guard threads > 1 else {
            for i in 0..<max(count, 0) { body(i, 0) }
            return
        }
        let next = Locked(0)
        withoutActuallyEscaping(body) { body in
            let box = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                while true {
                    let i = next.withLock { value in
                        defer { value += 1 }
                        return value
                    }
                    guard i < count else { return }
                    box.value(i, thread)
                }
            }
        }
    }
}

/// Carries a non-Sendable value (a closure over disjoint row bands) into `concurrentPerform`.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
