import Foundation
import LimnTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The output policy (see `AtomicFile`): files are replaced atomically, devices, FIFOs and
/// standard output are written in place, links are followed, and nothing else is touched. Each
/// case runs as root when the tests are root, and as the unprivileged user `nobody` (through
/// `setpriv`) on a copy of `limn` in a folder that user can reach.
@Suite(.serialized) struct OutputPolicyTests {
    let images = RepositoryPaths.testImages
    static let isRoot = geteuid() == 0

    /// A folder for one case, owned by `nobody` when running as them.
    func workspace(asNobody: Bool) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limn-policy-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(contentsOf: URL(fileURLWithPath: "\(images)/png/rgb8.png")).write(to: URL(fileURLWithPath: folder + "/in.png"))
        if asNobody {
            try FileManager.default.copyItem(atPath: CLITests.executable, toPath: folder + "/limn")
            chmod(folder, 0o755)
            for name in ["", "/in.png", "/limn"] { chown(folder + name, 65534, 65534) }
        }
        return folder
    }

    /// Runs `limn` in `folder`, as `nobody` or as whoever runs the tests.
    func limn(_ arguments: [String], in folder: String, asNobody: Bool) throws -> Spawned {
        if asNobody {
            return try Spawned.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", folder + "/limn"] + arguments)
        }
        return try Spawned.run(CLITests.executable, arguments)
    }

    /// As nobody too when the tests are root, `setpriv` is there and nobody can reach the
    /// temporary folder (a TMPDIR inside root's home would not do).
    static var users: [Bool] {
        let temporary = FileManager.default.temporaryDirectory.path
        let reachable =
            (try? FileManager.default.attributesOfItem(atPath: temporary)[.posixPermissions] as? Int).map { $0 & 0o001 != 0 } ?? false
        guard isRoot, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), reachable else {
            print(
                "OutputPolicyTests: run as the current user only (the nobody cases need root, setpriv and a temporary folder others can enter)"
            )
            return [false]
        }
        return [false, true]
    }

    func kind(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    @Test(arguments: users)
    func aCharacterDeviceIsWrittenNotReplaced(asNobody: Bool) throws {
        let folder = try workspace(asNobody: asNobody)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Root writes to a null device made for the test, never the machine's own /dev/null;
        // nobody may not replace /dev/null anyway, so it is the real one there.
        var device = "/dev/null"
        if !asNobody {
            guard Self.isRoot, mknod(folder + "/null", S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else {
                print("skipped as the current user: cannot make a character device here (\(String(cString: strerror(errno))))")
                return
            }
            device = folder + "/null"
        }
        let r = try limn(["convert", folder + "/in.png", "-o", device, "--format", "png"], in: folder, asNobody: asNobody)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(kind(device) == S_IFCHR, "\(device) is no longer a character device")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test(arguments: users)
    func standardOutputByNameWritesToStandardOutput(asNobody: Bool) throws {
        let folder = try workspace(asNobody: asNobody)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["/dev/stdout", "/proc/self/fd/1", "/dev/fd/1"] where FileManager.default.fileExists(atPath: name) {
            let r = try limn(["convert", folder + "/in.png", "-o", name, "--format", "png"], in: folder, asNobody: asNobody)
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(r.stdout.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name): \(r.stdout.count) bytes on standard output")
        }
        #expect(kind("/dev/stdout") == S_IFLNK)
    }

    @Test(arguments: users)
    func aFIFOIsWrittenToItsReader(asNobody: Bool) throws {
        let folder = try workspace(asNobody: asNobody)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o666) == 0)
        chown(fifo, 65534, 65534)
        final class Box: @unchecked Sendable { var data = Data() }
        let received = Box()
        let readerDone = DispatchSemaphore(value: 0)
        let reader = Thread {
            defer { readerDone.signal() }
            let fd = open(fifo, O_RDONLY)  // waits for the writer
            guard fd >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                received.data.append(contentsOf: buffer[0..<n])
            }
            close(fd)
        }
        reader.start()
        let r = try limn(["convert", folder + "/in.png", "-o", fifo, "--format", "png"], in: folder, asNobody: asNobody)
        #expect(r.status == 0, "\(r.stderr)")
        // Had limn never opened the FIFO, its reader would wait forever: a writer that comes and
        // goes releases it.
        let release = open(fifo, O_WRONLY | O_NONBLOCK)
        if release >= 0 { close(release) }
        // The semaphore, not `Thread.isFinished`, orders the reader's writes before the reads below.
        #expect(readerDone.wait(timeout: .now() + 600) == .success, "the FIFO's reader never finished")
        #expect(received.data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the reader got \(received.data.count) bytes")
        #expect(kind(fifo) == S_IFIFO)
    }

    @Test(arguments: users)
    func aSymbolicLinkIsFollowedAndStaysALink(asNobody: Bool) throws {
        let folder = try workspace(asNobody: asNobody)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/real.png", link = folder + "/link.png"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o640)
        chown(target, 65534, 65534)
        #expect(symlink("real.png", link) == 0)
        let r = try limn(["convert", folder + "/in.png", "-o", link], in: folder, asNobody: asNobody)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(kind(link) == S_IFLNK)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(
            (try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber)?.intValue == 0o640,
            "a replaced file keeps its permissions")
        // A dangling link makes the file it names; a loop is refused.
        #expect(symlink("made.png", folder + "/dangling.png") == 0)
        #expect(try limn(["convert", folder + "/in.png", "-o", folder + "/dangling.png"], in: folder, asNobody: asNobody).status == 0)
        #expect(kind(folder + "/made.png") == S_IFREG && kind(folder + "/dangling.png") == S_IFLNK)
        #expect(symlink("loop-b", folder + "/loop-a.png") == 0 && symlink("loop-a.png", folder + "/loop-b") == 0)
        let loop = try limn(["convert", folder + "/in.png", "-o", folder + "/loop-a.png"], in: folder, asNobody: asNobody)
        #expect(loop.status != 0 && loop.stderr.contains("symbolic links"), "\(loop.stderr)")
    }

    @Test(arguments: users)
    func foldersAndReadOnlyFilesAreRefusedWithTheReason(asNobody: Bool) throws {
        let folder = try workspace(asNobody: asNobody)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let folderOutput = try limn(["convert", folder + "/in.png", "-o", folder, "--format", "png"], in: folder, asNobody: asNobody)
        #expect(folderOutput.status != 0 && folderOutput.stderr.contains("it is a folder"), "\(folderOutput.stderr)")
        // Inside a regular file: "Not a directory", from the folder that cannot be made.
        let underFile = try limn(["convert", folder + "/in.png", "-o", folder + "/in.png/x/y.png"], in: folder, asNobody: asNobody)
        #expect(underFile.status != 0 && underFile.stderr.contains("Not a directory"), "\(underFile.stderr)")
        // A read-only file: a plain write would be refused, so the atomic one is too — except for root.
        let locked = folder + "/locked.png"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: locked))
        chown(locked, 65534, 65534)
        chmod(locked, 0o444)
        let r = try limn(["convert", folder + "/in.png", "-o", locked], in: folder, asNobody: asNobody)
        if asNobody || !Self.isRoot {
            #expect(r.status != 0 && r.stderr.contains("Permission denied"), "\(r.stderr)")
            #expect(try String(contentsOfFile: locked, encoding: .utf8) == "keep")
        } else {
            #expect(r.status == 0, "\(r.stderr)")
        }
        // A folder nobody may write in: the system's reason, for the file or the folder to make.
        if asNobody {
            let closed = folder + "/closed"
            try FileManager.default.createDirectory(atPath: closed, withIntermediateDirectories: false)
            chmod(closed, 0o755)
            for out in [closed + "/a.png", closed + "/sub/a.png"] {
                let denied = try limn(["convert", folder + "/in.png", "-o", out], in: folder, asNobody: true)
                #expect(denied.status != 0 && denied.stderr.contains("Permission denied"), "\(denied.stderr)")
            }
        }
    }
}
