#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes outputs so that nothing is ever half-written or replaced by mistake. What happens
/// depends on what the path names (the output policy):
///
/// - **A new path or a regular file**: the bytes go to a new temporary file in the same folder
///   (`.<name>.limn-XXXXXX`), are flushed to disk, and the temporary file is renamed over the
///   destination. A failure or a kill never leaves a half-written file there, and an existing
///   file stays intact until the rename replaces it whole. A new file gets the permissions a
///   plain create gives (mode 0666 less the caller's umask, applied by the kernel: the umask is
///   never read or changed); a replaced file keeps its permission bits (its owner becomes the
///   writer, as with any replacement by rename). A file the caller may not
///   write is refused, as a plain write would be, even where the folder would allow the rename.
/// - **A symbolic link**: followed (up to 32 links); the file it finally names is replaced in its
///   own folder, and the link stays a link. A dangling link creates the file it names.
/// - **Standard output and other open descriptors** (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`,
///   `/proc/self/fd/N`): written to the descriptor directly, wherever it leads.
/// - **A character device or a FIFO** (`/dev/null`, a terminal, a named pipe): opened and written
///   to directly, never replaced. Not atomic: such a thing has no whole file to swap. Opening a
///   FIFO waits for a reader, as any writer does.
/// - **A folder, a block device or a socket**: refused.
///
/// No process-wide state is touched (umask, signals, working folder): safe from many threads at
/// once. Errors are ``LimnError/cannotWrite(path:reason:)`` with the system's reason
/// (`Read-only file system`) or the policy's (`it is a block device`).
public enum AtomicFile {
    /// Writes `bytes` to `path` under the policy above. With `makingFolders`, missing folders
    /// on the way to a new file are made first (see ``makeFolders(_:)``).
    public static func write(_ bytes: [UInt8], to path: String, makingFolders: Bool = false) throws {
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw LimnError.cannotWrite(path: path, reason: "the path names a folder, not a file")
        }
        if let descriptor = OutputTarget.descriptor(named: path) {
            return try OutputTarget.writeAll(bytes, to: descriptor, path: path)
        }
        let target = try OutputTarget.resolve(path)
        if let descriptor = OutputTarget.descriptor(named: target) {
            return try OutputTarget.writeAll(bytes, to: descriptor, path: path)
        }
        var status = stat()
        if lstat(target, &status) != 0 {
            let error = errno
            guard error == ENOENT else { throw LimnError.cannotWrite(path: path, reason: OutputTarget.reason(error)) }
            let folder = OutputTarget.folder(of: target)
            if makingFolders { try makeFolders(folder) }
            return try replace(target, with: bytes, mode: nil, reportingAs: path)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            // A plain write needs write permission on the file itself; the rename only on the folder.
            guard faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) == 0 else {
                throw LimnError.cannotWrite(path: path, reason: OutputTarget.reason(errno))
            }
            try replace(target, with: bytes, mode: status.st_mode & 0o777, reportingAs: path)
        case S_IFCHR, S_IFIFO:
            let fd = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { throw LimnError.cannotWrite(path: path, reason: OutputTarget.reason(errno)) }
            defer { close(fd) }
            try OutputTarget.writeAll(bytes, to: fd, path: path)
        case S_IFDIR:
            throw LimnError.cannotWrite(path: path, reason: "it is a folder, not a file")
        case S_IFBLK:
            throw LimnError.cannotWrite(path: path, reason: "it is a block device, not a file; Limn does not write to disks")
        case S_IFSOCK:
            throw LimnError.cannotWrite(path: path, reason: "it is a socket, not a file")
        default:
            throw LimnError.cannotWrite(path: path, reason: "it is not a regular file")
        }
    }

    /// Makes `folder` and any missing folders above it (mode 0777 less the umask, applied by the
    /// kernel). Succeeds when the folder exists already; errors carry the system's reason for
    /// the folder that could not be made (`Read-only file system`, `Permission denied`).
    public static func makeFolders(_ folder: String) throws {
        guard !folder.isEmpty, folder != "/", folder != "." else { return }
        var status = stat()
        if stat(folder, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw LimnError.cannotWrite(path: folder, reason: "it is not a folder, so nothing can be made inside it")
            }
            return
        }
        try makeFolders(OutputTarget.folder(of: folder))
        if mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw LimnError.cannotWrite(path: folder, reason: "cannot make the folder: " + OutputTarget.reason(errno))
        }
    }

    /// The temporary file, written, flushed and renamed over `target`. `mode` is given the
    /// temporary file when it replaces an existing one.
    private static func replace(_ target: String, with bytes: [UInt8], mode: mode_t?, reportingAs path: String) throws(LimnError) {
        let folder = OutputTarget.folder(of: target)
        let (fd, temporary) = try OutputTarget.createTemporary(beside: target, in: folder, reportingAs: path)
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            var closed = false
            defer { if !closed { close(fd) } }
            try OutputTarget.writeAll(bytes, to: fd, path: path)
            if let mode, fchmod(fd, mode) != 0 { throw LimnError.cannotWrite(path: path, reason: OutputTarget.reason(errno)) }
            guard fsync(fd) == 0 else { throw LimnError.cannotWrite(path: path, reason: OutputTarget.reason(errno)) }
            closed = true
            guard close(fd) == 0 else { throw LimnError.cannotWrite(path: path, reason: OutputTarget.reason(errno)) }
        }
        guard rename(temporary, target) == 0 else { throw LimnError.cannotWrite(path: path, reason: OutputTarget.reason(errno)) }
        renamed = true
    }
}
