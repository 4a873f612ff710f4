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
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        let size = Int(status.st_size)
        // Regular files: one read of the size they report. Pipes and special files: grow as data comes.
        var bytes = [UInt8](repeating: 0, count: isRegular ? min(size, limit) : min(limit, 1 << 16))
        var filled = 0
        while filled < limit {
            if filled == bytes.count {
                if isRegular && filled >= size { break }
                bytes += [UInt8](repeating: 0, count: min(limit, max(bytes.count * 2, 1 << 16)) - bytes.count)
            }
            let n = bytes.withUnsafeMutableBytes { buf in
                systemRead(fd, buf.baseAddress! + filled, buf.count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw error(path)
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        // Complete when the end was reached before the limit, or the file holds no more than was read.
        return (bytes, filled < limit || (isRegular && size <= filled))
    }

    private static func error(_ path: String) -> CodecError {
        .file(path: path, operation: "read it", reason: String(cString: strerror(errno)))
    }
}

/// POSIX `read`, named apart from the static method above.
@inline(__always)
private func systemRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buf, count)
    #else
    return Darwin.read(fd, buf, count)
    #endif
}
