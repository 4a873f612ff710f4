import LimnRaster

/// Encoding to every supported format. Returns the encoded bytes; allocates the output and,
/// for some paths, one temporary pixel buffer (RGB packing for opaque PNG, flattening for JPEG).
/// Deterministic for a given library version.
public enum ImageEncoder {
    /// Encodes an image. PNG writes RGBA, or RGB when the image is opaque; JPEG flattens
    /// transparency onto ``JPEGOptions/background``; BMP writes 24-bit, or 32-bit with alpha.
    public static func encode(_ image: Image, as format: EncodeFormat) throws -> [UInt8] {
        switch format {
        case .png(let options): return try PNGCodec.encode(image, options: options)
        case .jpeg(let options): return try JPEGCodec.encode(image, options: options)
        case .webp(let options): return try WebPCodec.encode(image, options: options)
        case .bmp(let options): return try BMPCodec.encode(image, options: options)
        case .avif(let options): return try HEIFCodec.encodeAVIF(image, options: options, metadata: .none)
        }
    }

    /// Encodes an image with `metadata` written as ``OutputMetadata`` describes for each
    /// format (EXIF with its orientation reset to 1). Throws when the format cannot hold the
    /// ICC profile (BMP), or a JPEG segment cannot hold the EXIF or XMP block.
    public static func encode(_ image: Image, as format: EncodeFormat, metadata: OutputMetadata) throws -> [UInt8] {
        if case .avif(let options) = format { return try HEIFCodec.encodeAVIF(image, options: options, metadata: metadata) }
        let bytes = try encode(image, as: format)
        guard !metadata.isEmpty else { return bytes }
        switch format {
        case .avif: return bytes
        case .png: return try PNGMetadataWriter.insert(metadata, into: bytes)
        case .jpeg: return try JPEGMetadataWriter.insert(metadata, into: bytes)
        case .webp: return try WebPMetadataWriter.wrap(bytes, metadata: metadata)
        case .bmp:
            if metadata.iccProfile != nil {
                throw CodecError.cannotEncode(
                    format: .bmp, reason: "Limn writes no ICC profile into BMP, and these pixels are not sRGB without theirs")
            }
            return bytes  // BMP holds no EXIF or XMP
        }
    }

    /// Encodes a mask: PNG and JPEG as one-channel gray; WebP and BMP as a gray image.
    public static func encode(_ mask: Mask, as format: EncodeFormat) throws -> [UInt8] {
        switch format {
        case .png(let options): return try PNGCodec.encode(mask, options: options)
        case .jpeg(let options): return try JPEGCodec.encode(mask, options: options)
        case .webp, .bmp, .avif: return try encode(Image(gray: mask), as: format)
        }
    }
}

extension Image {
    /// Decodes an image from bytes (see ``ImageDecoder/decode(_:options:source:)-(UnsafeRawBufferPointer,_,_)``).
    public init(decoding bytes: [UInt8], options: DecodeOptions = .default) throws {
        self = try ImageDecoder.decode(bytes, options: options).image
    }

    /// Reads and decodes a file.
    public init(contentsOfFile path: String, options: DecodeOptions = .default) throws {
        self = try ImageDecoder.decode(file: path, options: options).image
    }

    /// The image encoded in `format`.
    public func encoded(as format: EncodeFormat) throws -> [UInt8] {
        try ImageEncoder.encode(self, as: format)
    }

    /// The image encoded in `format` with `metadata` (see ``OutputMetadata``).
    public func encoded(as format: EncodeFormat, metadata: OutputMetadata) throws -> [UInt8] {
        try ImageEncoder.encode(self, as: format, metadata: metadata)
    }
}

extension Mask {
    /// The mask encoded in `format`.
    public func encoded(as format: EncodeFormat) throws -> [UInt8] {
        try ImageEncoder.encode(self, as: format)
    }
}
