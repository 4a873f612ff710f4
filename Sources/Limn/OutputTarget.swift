#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an output path leads to, and the system calls ``AtomicFile`` writes with. Nothing here
/// touches process-wide state.
enum OutputTarget {
    /// The open descriptor a path names: `/dev/stdout` (1), `/dev/stderr` (2), `/dev/fd/N`,
    /// `/proc/self/fd/N`. Such paths are links into the process's own descriptors, so they are
    /// written through the descriptor rather than resolved (a pipe has no path to resolve to).
    static func descriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                let rest = path.dropFirst(prefix.count)
                if !rest.isEmpty, rest.count < 10, rest.allSatisfy(\.isASCII), let n = Int32(rest), n >= 0 { return n }
            }
            return nil
        }
    }

    /// `path` with every symbolic link along its last component followed (relative links are
    /// taken from the link's folder), stopping at a descriptor name. Folders above are left to
    /// the kernel. More than 32 links is refused, as a loop.
    static func resolve(_ path: String) throws(LimnError) -> String {
        var current = path
        for _ in 0..<32 {
            if descriptor(named: current) != nil { return current }
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { throw LimnError.cannotWrite(path: path, reason: reason(errno)) }
            let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : folder(of: current) + "/" + target
        }
        throw LimnError.cannotWrite(path: path, reason: "more than 32 symbolic links lead on from it (a loop?)")
    }

    /// The folder part of a path: `.` for a bare name, `/` for a name at the root.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The system's sentence for an `errno` value (`Read-only file system`).
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Every byte written to `fd`, retrying short writes and interruptions.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(LimnError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in systemWrite(fd, raw.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LimnError.cannotWrite(path: path, reason: reason(errno))
            }
            written += n
        }
    }

    /// A new file `.<name>.limn-XXXXXX` in `folder`, created exclusively with mode 0666 so the
    /// kernel applies the umask; six random letters or digits, tried afresh when taken.
    static func createTemporary(beside target: String, in folder: String, reportingAs path: String) throws(LimnError) -> (Int32, String) {
        let name = target.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? target
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let suffix = String(decoding: (0..<6).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
            let temporary = (folder == "/" ? "" : folder) + "/." + name + ".limn-" + suffix
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { return (fd, temporary) }
            let error = errno
            if error == EEXIST || error == EINTR { continue }
            if error == ENOENT {
                throw LimnError.cannotWrite(path: path, reason: "its folder \(folder) does not exist")
            }
            throw LimnError.cannotWrite(path: path, reason: reason(error))
        }
        throw LimnError.cannotWrite(path: path, reason: "no free temporary name in \(folder) after 100 tries")
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
