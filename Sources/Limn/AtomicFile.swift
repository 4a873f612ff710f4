#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files atomically: the bytes go to a temporary file in the same folder, are flushed
/// to disk, and the temporary file is renamed over the destination. A failure or a kill never
/// leaves a half-written file at the destination; an existing file there stays intact until
/// the rename replaces it whole.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(LimnError) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw .cannotWrite(path: path, reason: "the path names a folder, not a file") }
        var template = ((folder.isEmpty ? "/" : folder + "/") + "." + name + ".limn-XXXXXX").utf8CString
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(path) }
        let temporary = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { raw in
                    systemWrite(fd, raw.baseAddress! + written, bytes.count - written)
                }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure(path)
                }
                written += n
            }
            // mkstemp creates the file 0600; give it the permissions a plain create would.
            let mask = umask(0)
            umask(mask)
            guard fchmod(fd, 0o666 & ~mask) == 0, fsync(fd) == 0 else { throw failure(path) }
        }
        guard rename(temporary, path) == 0 else { throw failure(path) }
        renamed = true
    }

    private static func failure(_ path: String) -> LimnError {
        .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buf, count)
    #else
    return Darwin.write(fd, buf, count)
    #endif
}
