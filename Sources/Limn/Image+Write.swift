import LimnCodecs
import LimnRaster

extension Image {
    /// Encodes the image and writes it atomically (see ``AtomicFile``). Without a `format`, the
    /// path's extension chooses one with its default settings. Throws ``LimnError`` (no format
    /// for the extension, the file cannot be written) or `CodecError` (the encoder refused).
    public func write(to path: String, as format: EncodeFormat? = nil) throws {
        try writeEncoded(to: path, as: format) { encoding in try encoded(as: encoding) }
    }
}

extension Mask {
    /// Encodes the mask (gray) and writes it atomically.
    public func write(to path: String, as format: EncodeFormat? = nil) throws {
        try writeEncoded(to: path, as: format) { encoding in try encoded(as: encoding) }
    }
}

extension EncodeFormat {
    /// The default encoding for a path's extension (`.png`, `.jpg`/`.jpeg`, `.webp`, `.bmp`).
    /// Throws ``LimnError/unknownOutputFormat(path:)``, or ``LimnError/readOnlyFormat(path:format:)``
    /// for a format Limn reads but does not write (`.gif`).
    public init(forPath path: String) throws {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."),
            let format = ImageFormat(fileExtension: String(name[name.index(after: dot)...]))
        else {
            throw LimnError.unknownOutputFormat(path: path)
        }
        guard let encoding = EncodeFormat(format) else { throw LimnError.readOnlyFormat(path: path, format: format) }
        self = encoding
    }
}

/// Chooses the encoding (given, or from the extension), encodes, and writes atomically.
private func writeEncoded(
    to path: String, as format: EncodeFormat?, _ encode: (EncodeFormat) throws -> [UInt8]
) throws {
    let encoding: EncodeFormat
    if let format { encoding = format } else { encoding = try EncodeFormat(forPath: path) }
    try AtomicFile.write(try encode(encoding), to: path)
}
