#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Limn

/// Reading inputs and writing outputs, with `-` for standard input and standard output.
enum JobIO {
    /// The bytes of a file, or of standard input for `-`.
    static func read(_ path: String, what: String) throws(JobError) -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard !data.isEmpty else { throw JobError("standard input: no \(what) arrived on it") }
            return [UInt8](data)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                throw JobError(isFolder.boolValue ? "\(path): is a folder, not a \(what) file." : "\(path): cannot be read; check its permissions.")
            }
            throw JobError("\(path): no such file; check the \(what)'s path.")
        }
        return [UInt8](data)
    }

    /// A picture decoded, EXIF orientation applied.
    static func picture(_ path: String) throws(JobError) -> DecodedImage {
        let bytes = try read(path, what: "picture")
        do { return try ImageDecoder.decode(bytes, source: path == "-" ? "standard input" : path) } catch { throw JobError(error) }
    }

    /// A vision result.
    static func result(_ path: String, format: ResultFormat?) throws(JobError) -> Analysis {
        let bytes = try read(path, what: "result JSON")
        do { return try Analysis(json: Data(bytes), format: format, source: path == "-" ? "standard input" : path) } catch { throw JobError(error) }
    }

    /// The encoding an output path asks for (`-` means PNG unless `format` says otherwise).
    static func encoding(for path: String, format: String?, quality: Int?) throws(JobError) -> EncodeFormat {
        var encoding: EncodeFormat
        if let format {
            do { encoding = try EncodeFormat(forPath: "output." + format) } catch {
                throw JobError("--format \(format): not a format Limn writes; use png, jpg, webp or bmp.")
            }
        } else if path == "-" {
            encoding = .png(PNGOptions(compression: .fast))
        } else {
            do { encoding = try EncodeFormat(forPath: path) } catch { throw JobError(error) }
        }
        if let quality {
            switch encoding {
            case .jpeg(var o): o.quality = quality; encoding = .jpeg(o)
            case .webp(var o): o.quality = quality; encoding = .webp(o)
            default: break
            }
        }
        return encoding
    }

    /// Encodes and writes atomically (nothing is left at `path` on failure), or to standard output.
    static func write(_ image: Image, to path: String, as encoding: EncodeFormat) throws(JobError) {
        let bytes: [UInt8]
        do { bytes = try image.encoded(as: encoding) } catch { throw JobError(error) }
        if path == "-" {
            var offset = 0
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { rawWrite(1, $0.baseAddress, $0.count) }
                guard n > 0 else { throw JobError("standard output: the picture could not be written (errno \(errno)).") }
                offset += n
            }
            return
        }
        // The output's folder is made when missing (a batch writes into fresh trees).
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        do { try AtomicFile.write(bytes, to: path) } catch { throw JobError(error) }
    }
}
