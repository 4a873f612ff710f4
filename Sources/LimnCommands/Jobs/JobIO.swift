import Foundation
import Limn

/// Reading inputs and writing outputs, with `-` for standard input and standard output. Every
/// read is bounded: pictures and mattes by the decode limits (sniffed from their first bytes
/// before the rest is read), results by ``ResultLimits/maxJSONBytes``, manifests by
/// ``manifestLimit``.
enum JobIO {
    /// The largest manifest read: 2 GiB (ten million jobs of 200 bytes).
    static let manifestLimit = 2 << 30

    /// What errors call an input: its path, or `standard input` for `-`.
    static func source(_ path: String) -> String { path == "-" ? "standard input" : path }

    /// The bytes of a file, or of standard input for `-`, at most `limit`.
    static func read(_ path: String, what: String, limit: Int) throws(JobError) -> InputBytes {
        let bytes: InputBytes
        do {
            if path == "-" {
                bytes = try InputBytes.read(fileDescriptor: 0, source: source(path), limit: limit)
            } else {
                bytes = try InputBytes.read(path: path, limit: limit)
            }
        } catch {
            throw describe(error, what: what)
        }
        guard bytes.count > 0 else {
            throw JobError(path == "-" ? "standard input: no \(what) arrived on it." : "\(path): the \(what) file is empty (0 bytes).")
        }
        return bytes
    }

    /// A picture decoded, EXIF orientation applied; converted to sRGB unless `keepProfile`.
    static func picture(_ path: String, keepProfile: Bool = false) throws(JobError) -> DecodedImage {
        let options = DecodeOptions(convertsToSRGB: !keepProfile)
        let decoded: DecodedImage
        do {
            if path == "-" {
                decoded = try ImageDecoder.decode(fileDescriptor: 0, source: source(path), options: options)
            } else {
                decoded = try ImageDecoder.decode(file: path, options: options)
            }
        } catch {
            throw describe(error, what: "picture")
        }
        JobLog.current?.note("\(source(path)): decoded, \(decoded.info)")
        return decoded
    }

    /// A picture's encoded bytes (a matte), read as ``picture(_:)`` reads them.
    /// Runs `side` on another core while `main` runs here (a picture and its matte decoded at
    /// once), and returns both results once both are done; `main`'s error is thrown first.
    /// Never waits on the thread pool: if no pool thread has started `side` when `main` ends,
    /// this thread runs it, so a batch that keeps every pool thread busy cannot deadlock.
    static func alongside<A, B: Sendable>(
        _ side: @escaping @Sendable () throws(JobError) -> B, _ main: () throws(JobError) -> A
    ) throws(JobError) -> (A, B) {
        let task = SideTask(side)
        DispatchQueue.global(qos: .userInitiated).async { task.runUnlessTaken() }
        let first = Result { () throws(JobError) in try main() }
        task.runUnlessTaken()
        let second = task.waitForResult()
        return (try first.get(), try second.get())
    }

    /// Work that whichever thread claims it first runs, once.
    private final class SideTask<B: Sendable>: @unchecked Sendable {
        private let body: @Sendable () throws(JobError) -> B
        private let lock = NSLock()
        private var taken = false
        private var result: Result<B, JobError>?
        private let finished = DispatchSemaphore(value: 0)

        init(_ body: @escaping @Sendable () throws(JobError) -> B) { self.body = body }

        func runUnlessTaken() {
            guard
                lock.withLock({ () -> Bool in
                    defer { taken = true }; return !taken
                })
            else { return }
            let outcome = Result { () throws(JobError) in try body() }
            lock.withLock { result = outcome }
            finished.signal()
        }

        func waitForResult() -> Result<B, JobError> {
            finished.wait()
            return lock.withLock { result! }
        }
    }

    static func pictureBytes(_ path: String, what: String) throws(JobError) -> [UInt8] {
        do {
            if path == "-" { return try ImageDecoder.read(fileDescriptor: 0, source: source(path)).array }
            return try ImageDecoder.read(file: path).array
        } catch {
            throw describe(error, what: what)
        }
    }

    /// A vision result.
    /// A folder is read as per-instance mask pictures, a picture file as a label map.
    static func result(_ path: String, format: ResultFormat?, page: Int = 1, picture: PictureSelector? = nil) throws(JobError) -> Analysis {
        if path != "-", format == nil || format == .instanceMasks || format == .labelMap {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                return try instanceMasks(in: path)
            }
            if format == .labelMap || format == nil && startsLikePicture(path) {
                do { return try Analysis(labelMapFile: path) } catch { throw describe(error, what: "label map") }
            }
        }
        return try result(
            read(path, what: "result JSON", limit: ResultLimits.default.maxJSONBytes), format: format, page: page, picture: picture)
    }

    /// True when the file's first bytes are a picture format's signature.
    static func startsLikePicture(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 64)
        return head.withUnsafeBytes { ImageFormat.sniff($0) } != nil
    }

    /// Every picture in `folder` (by name, hidden files skipped) as one instance mask each.
    static func instanceMasks(in folder: String) throws(JobError) -> Analysis {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw JobError("\(folder): cannot list the folder of masks (\((error as NSError).localizedDescription)).")
        }
        let files = names.filter { !$0.hasPrefix(".") }.sorted().map { (folder as NSString).appendingPathComponent($0) }.filter(
            startsLikePicture)
        guard !files.isEmpty else { throw JobError("\(folder): the folder holds no mask pictures (PNG, WebP, …).") }
        do { return try Analysis(instanceMaskFiles: files) } catch { throw describe(error, what: "mask") }
    }

    /// A vision result from bytes already read.
    static func result(
        _ bytes: InputBytes, format: ResultFormat?, page: Int = 1, picture: PictureSelector? = nil
    ) throws(JobError)
        -> Analysis
    {
        let data = bytes.withUnsafeBytes { Data($0) }
        let analysis: Analysis
        do { analysis = try Analysis(json: data, format: format, source: bytes.source, page: page, picture: picture) } catch {
            throw JobError(error)
        }
        // A format forced on a document it does not describe reads as nothing at all: say so,
        // with what the document's keys say, rather than draw the bare picture.
        if let format, analysis.isEmpty {
            let detected = try? Analysis(json: data, source: bytes.source, page: page, picture: picture)
            if let detected, detected.format != format {
                throw JobError(ResultsError.wrongFormat(source: bytes.source, forced: format.rawValue, detected: detected.format.rawValue))
            }
        }
        JobLog.current?.note("\(bytes.source): read as \(analysis.format.rawValue), \(Info.describe(analysis))")
        return analysis
    }

    /// A read error in the words a command-line user needs (a missing file, a folder).
    static func describe(_ error: any Error, what: String) -> JobError {
        guard let error = error as? CodecError else { return JobError(error) }
        // The decode limits' advice is for pictures; results and manifests have their own caps.
        if case let .overLimit(source, found, limit) = error, what != "picture", what != "matte" {
            return JobError("\(source): \(found), over the limit for a \(what) (\(limit)).")
        }
        if case let .file(path, _, reason) = error {
            if reason == String(cString: strerror(ENOENT)) { return JobError("\(path): no such file; check the \(what)'s path.") }
            if reason == "it is a directory" { return JobError("\(path): is a folder, not a \(what) file.") }
            return JobError("\(path): the \(what) cannot be read (\(reason)).")
        }
        return JobError(error)
    }

    /// The encoding an output path asks for: `format` when given, else the path's extension
    /// (`-`: PNG), with `quality` applied where the format takes one.
    static func encoding(
        for path: String, format: ImageFormat? = nil, quality: Int? = nil, compression: PNGOptions.Compression? = nil,
        palette: Bool = false, progressive: Bool = false, optimize: Bool = false
    ) throws(JobError) -> EncodeFormat {
        var encoding: EncodeFormat
        if let format {
            guard let chosen = EncodeFormat(format) else {
                throw JobError("Limn reads \(format) but does not write it; use png, jpg, webp, avif or bmp.")
            }
            encoding = chosen
        } else if path == "-" {
            encoding = .png(PNGOptions(compression: .fast))
        } else {
            do { encoding = try EncodeFormat(forPath: path) } catch { throw JobError(error) }
        }
        if let quality {
            switch encoding {
            case .jpeg(var o): o.quality = quality; encoding = .jpeg(o)
            case .webp(var o): o.quality = quality; encoding = .webp(o)
            case .avif(var o): o.quality = quality; encoding = .avif(o)
            default:
                throw JobError("--quality applies to JPEG, WebP and AVIF outputs, and \(path) is \(encoding.format) (PNG: --compression).")
            }
        }
        if let compression {
            guard case .png(var o) = encoding else {
                throw JobError("--compression applies to PNG outputs, and \(path) is \(encoding.format).")
            }
            o.compression = compression
            encoding = .png(o)
        }
        if palette {
            guard case .png(var o) = encoding else {
                throw JobError("--palette applies to PNG outputs, and \(path) is \(encoding.format).")
            }
            o.palette = true
            encoding = .png(o)
        }
        for (asked, flag) in [(progressive, "--progressive"), (optimize, "--optimize")] where asked {
            guard case .jpeg(var o) = encoding else {
                throw JobError("\(flag) applies to JPEG outputs, and \(path) is \(encoding.format).")
            }
            if flag == "--progressive" { o.progressive = true } else { o.optimizeCoding = true }
            encoding = .jpeg(o)
        }
        return encoding
    }

    /// Encodes and writes under ``AtomicFile``'s policy: a file atomically (nothing is left at
    /// `path` on failure, missing folders are made), a device or FIFO in place, `-` to standard output.
    static func write(_ image: Image, to path: String, as encoding: EncodeFormat, metadata: OutputMetadata = .none) throws(JobError) {
        let bytes: [UInt8]
        do { bytes = try image.encoded(as: encoding, metadata: metadata) } catch { throw JobError(error) }
        do {
            try AtomicFile.write(bytes, to: path == "-" ? "/dev/stdout" : path, makingFolders: true)
        } catch {
            if path == "-", case let .cannotWrite(_, reason)? = error as? LimnError {
                throw JobError("standard output: the picture could not be written (\(reason)).")
            }
            throw JobError(error)
        }
        JobLog.current?.note(
            "\(path == "-" ? "standard output" : path): wrote \(image.width)x\(image.height) \(encoding.format), \(bytes.count) bytes")
    }
}
