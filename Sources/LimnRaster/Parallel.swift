import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many threads the raster core may use: by default one per core. Set
/// `Parallelism.maximumThreads = 1` for strictly sequential work (for example when a batch
/// already runs one job per core). Operations split work into row bands only when it is large
/// enough to pay for the threads; results are identical whatever the thread count.
public enum Parallelism {
    public static var maximumThreads: Int {
        get { setting.get() }
        set { setting.set(max(1, newValue)) }
    }

    private static let setting = LockedInt(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// How many bands to split `count` rows into for `work` units (roughly pixel-taps): one per
    /// thread allowed, but none smaller than about two million units of work.
    static func bands(_ count: Int, work: Int) -> Int {
        max(1, min(maximumThreads, count, work / 2_000_000))
    }

    /// `run` for drawing code outside the module: `bands` contiguous bands of `0 ..< count` rows.
    @_spi(Drawing) public static func drawBands(_ bands: Int, over count: Int, _ body: (Range<Int>) -> Void) {
        run(bands: bands, over: count) { rows, _ in body(rows) }
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

/// An `Int` behind a mutex, for the library-wide settings.
final class LockedInt: @unchecked Sendable {
    private var value: Int
    private var mutex = pthread_mutex_t()

    init(_ value: Int) {
        self.value = value
        pthread_mutex_init(&mutex, nil)
    }

    func get() -> Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return value
    }

    func set(_ newValue: Int) {
        pthread_mutex_lock(&mutex)
        value = newValue
        pthread_mutex_unlock(&mutex)
    }
}

/// Carries a non-Sendable value (a closure over disjoint row bands) into `concurrentPerform`.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
