#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutual-exclusion lock whose `pthread_mutex_t` lives on the heap: a mutex must not move
/// while it is in use, and Swift promises no fixed address for a stored property. Not
/// recursive. For Limn's own modules only.
package final class Lock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    package init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the lock held; its error, if any, passes through unchanged.
    package func withLock<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}

/// A value that several threads share, behind a ``Lock``. For Limn's own modules only.
package final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = Lock()

    package init(_ value: Value) { self.value = value }

    /// Runs `body` on the value with the lock held; its error, if any, passes through unchanged.
    package func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        try lock.withLock { () throws(E) -> R in try body(&value) }
    }
}
