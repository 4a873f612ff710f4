#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes read from a file or a stream (standard input, a pipe), never more than a limit: a
/// regular file larger than the limit is refused from its size before anything is read, and a
/// stream that goes on past the limit is refused once the limit is passed. The memory comes
/// from `malloc` and is freed with the value, so an allocation the system refuses (under
/// `ulimit -v`) is an error, not a crash. Reading mutates it, so it is not `Sendable`: one
/// reader, on one thread at a time.
public final class InputBytes {
    /// Names the input in errors: its path, or `standard input`.
    public let source: String
    private var base: UnsafeMutableRawPointer?
    private var capacity = 0
    /// How many bytes were read.
    public private(set) var count = 0
    /// True once the end of the input was reached.
    public private(set) var reachedEnd = false
    /// The size a regular file reported, or nil for a stream.
    let fileSize: Int?

    private init(source: String, fileSize: Int?) {
        self.source = source
        self.fileSize = fileSize
    }

    /// An input about to be read from `fd`, nothing read yet (see ``fill(from:upTo:)``); folders
    /// are refused.
    public convenience init(fileDescriptor fd: Int32, source: String) throws {
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw Self.failure(source, errno) }
        let kind = status.st_mode & S_IFMT
        guard kind != S_IFDIR else { throw CodecError.file(path: source, operation: "read it", reason: "it is a directory") }
        self.init(source: source, fileSize: kind == S_IFREG ? Int(status.st_size) : nil)
    }

    deinit { free(base) }

    /// The bytes, valid during `body`.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// A copy as an array.
    public var array: [UInt8] { withUnsafeBytes { [UInt8]($0) } }

    /// Reads the whole file at `path`, at most `limit` bytes (see ``read(fileDescriptor:source:limit:)``).
    public static func read(path: String, limit: Int) throws -> InputBytes {
        try withOpenFile(path) { fd in try read(fileDescriptor: fd, source: path, limit: limit) }
    }

    /// Reads an open descriptor to its end (it is not closed here). A regular file larger than
    /// `limit` is refused from its size, before any read, with
    /// ``CodecError/overLimit(source:what:limit:)``; so is a stream once it passes `limit`.
    /// Folders are refused.
    public static func read(fileDescriptor fd: Int32, source: String, limit: Int) throws -> InputBytes {
        let input = try InputBytes(fileDescriptor: fd, source: source)
        try input.readToEnd(from: fd, limit: limit)
        return input
    }

    /// Opens `path` for `body`, closing it afterwards; errors name the path.
    static func withOpenFile<R>(_ path: String, _ body: (Int32) throws -> R) throws -> R {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        return try body(fd)
    }

    /// Reads on from `fd` until `total` bytes are held or the input ends. Regular files are read into a
    /// buffer of their size (one byte more, to see the end), streams into one that doubles.
    public func fill(from fd: Int32, upTo total: Int) throws {
        while count < total && !reachedEnd {
            if count == capacity {
                // (A file that grew, or one that reports no size, like those in /proc, doubles too.)
                let next = fileSize.map { $0 + 1 > count ? $0 + 1 : max(capacity * 2, 1 << 16) } ?? max(capacity * 2, 1 << 16)
                try reserve(min(next, total))
            }
            let n = systemRead(fd, base! + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.failure(source, errno)
            }
            if n == 0 { reachedEnd = true } else { count += n }
        }
    }

    /// Reads the rest; an input that goes on past `limit` bytes is refused (a regular file from
    /// its size, before reading on).
    public func readToEnd(from fd: Int32, limit: Int) throws {
        if let fileSize, fileSize > limit {
            throw CodecError.overLimit(source: source, what: "the file holds \(fileSize) bytes", limit: "at most \(limit) are read")
        }
        try fill(from: fd, upTo: limit == .max ? .max : limit + 1)
        if count > limit {
            throw CodecError.overLimit(source: source, what: "the input goes on past \(limit) bytes", limit: "at most \(limit) are read")
        }
    }

    /// Grows the buffer to `newCapacity` bytes with `realloc`.
    private func reserve(_ newCapacity: Int) throws(CodecError) {
        guard newCapacity > capacity else { return }
        guard let grown = realloc(base, newCapacity) else {
            throw CodecError.file(path: source, operation: "read it", reason: "out of memory for \(newCapacity) bytes")
        }
        base = grown
        capacity = newCapacity
    }

    private static func failure(_ path: String, _ code: Int32) -> CodecError {
        .file(path: path, operation: "read it", reason: String(cString: strerror(code)))
    }
}

/// POSIX `read`, named apart from the static methods above.
@inline(__always)
private func systemRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buf, count)
    #else
    return Darwin.read(fd, buf, count)
    #endif
}
