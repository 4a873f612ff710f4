import LimnCodecs
import LimnRaster

extension Image {
    /// Encodes the image and writes it atomically (see ``AtomicFile``). Without a `format`, the
    /// path's extension chooses one with its default settings.
    public func write(to path: String, as format: EncodeFormat? = nil) throws(LimnError) {
        let encoding: EncodeFormat
        if let format { encoding = format } else { encoding = try EncodeFormat(forPath: path) }
        let bytes: [UInt8]
        do throws(CodecError) { bytes = try encoded(as: encoding) } catch { throw .codec(error) }
        try AtomicFile.write(bytes, to: path)
    }
}

extension EncodeFormat {
    /// The default encoding for a path's extension (`.png`, `.jpg`/`.jpeg`, `.webp`, `.bmp`).
    public init(forPath path: String) throws(LimnError) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."),
              let format = ImageFormat(fileExtension: String(name[name.index(after: dot)...])) else {
            throw .unknownOutputFormat(path: path)
        }
        self.init(format)
    }
}

extension Mask {
    /// Encodes the mask (gray) and writes it atomically.
    public func write(to path: String, as format: EncodeFormat? = nil) throws(LimnError) {
        let encoding: EncodeFormat
        if let format { encoding = format } else { encoding = try EncodeFormat(forPath: path) }
        let bytes: [UInt8]
        do throws(CodecError) { bytes = try encoded(as: encoding) } catch { throw .codec(error) }
        try AtomicFile.write(bytes, to: path)
    }
}
