#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads files with POSIX calls; errors name the path and carry the system's reason.
enum FileBytes {
    /// The whole file, or its first `limit` bytes. `isComplete` is false when more remained.
    static func read(_ path: String, limit: Int = .max) throws(CodecError) -> (bytes: [UInt8], isComplete: Bool) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(path) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw error(path) }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw .file(path: path, operation: "read it", reason: "it is a directory")
        }
        let size = Int(status.st_size)
        // Regular files: read what was asked for; pipes and special files report size 0.
        var capacity = size > 0 ? min(size, limit) : min(limit, 1 << 16)
        var bytes = [UInt8](repeating: 0, count: capacity)
        var filled = 0
        while filled < min(limit, max(capacity, 1)) {
            if filled == capacity {
                capacity = min(limit, capacity * 2)
                bytes += [UInt8](repeating: 0, count: capacity - bytes.count)
            }
            let n = bytes.withUnsafeMutableBytes { buf in
                Glibc_read(fd, buf.baseAddress! + filled, capacity - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw error(path)
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        return (bytes, filled < limit || size <= filled)
    }

    private static func error(_ path: String) -> CodecError {
        .file(path: path, operation: "read it", reason: String(cString: strerror(errno)))
    }
}

/// POSIX `read`, named apart from the static method above.
@inline(__always)
private func Glibc_read(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buf, count)
    #else
    return Darwin.read(fd, buf, count)
    #endif
}
