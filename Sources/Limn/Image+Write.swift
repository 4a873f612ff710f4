import LimnCodecs
import LimnRaster

extension Image {
    /// Encodes the image and writes it atomically (see ``AtomicFile``). Without a `format`, the
    /// path's extension chooses one with its default settings.
    public func write(to path: String, as format: EncodeFormat? = nil) throws(LimnError) {
        try writeEncoded(to: path, as: format) { (encoding) throws(CodecError) in try encoded(as: encoding) }
    }
}

extension Mask {
    /// Encodes the mask (gray) and writes it atomically.
    public func write(to path: String, as format: EncodeFormat? = nil) throws(LimnError) {
        try writeEncoded(to: path, as: format) { (encoding) throws(CodecError) in try encoded(as: encoding) }
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

/// Chooses the encoding (given, or from the extension), encodes, and writes atomically.
private func writeEncoded(
    to path: String, as format: EncodeFormat?, _ encode: (EncodeFormat) throws(CodecError) -> [UInt8]
) throws(LimnError) {
    let encoding: EncodeFormat
    if let format { encoding = format } else { encoding = try EncodeFormat(forPath: path) }
    let bytes: [UInt8]
    do throws(CodecError) { bytes = try encode(encoding) } catch { throw .codec(error) }
    try AtomicFile.write(bytes, to: path)
}
