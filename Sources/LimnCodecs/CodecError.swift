/// What went wrong while reading or writing an encoded image.
///
/// Every case names its source: a file path, or "buffer" for bytes in memory.
/// `description` is one sentence a user can act on.
public enum CodecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The source holds no bytes at all.
    case empty(source: String)
    /// The content is none of the formats Limn reads; `detail` says what it looks like.
    case unsupportedFormat(source: String, detail: String)
    /// A known format in a variant Limn does not read (a 16-bit BMP, a 12-bit JPEG, …).
    case unsupportedVariant(source: String, format: ImageFormat, detail: String)
    /// The content ends before the image does.
    case truncated(source: String, format: ImageFormat, detail: String)
    /// The content is damaged; `message` is the codec library's own words where it gave any.
    case corrupt(source: String, format: ImageFormat, message: String)
    /// The header declares more pixels than the decode limits allow; nothing was allocated.
    case tooLarge(source: String, format: ImageFormat, width: Int, height: Int, limit: String)
    /// The input, or a part of it (a header, a metadata chunk), is larger than a limit allows;
    /// nothing that size was allocated. `what` says what was found, `limit` which limit it passed.
    case overLimit(source: String, what: String, limit: String)
    /// A file could not be read or written; `reason` is the system's.
    case file(path: String, operation: String, reason: String)
    /// The image cannot be written in this format (too large for it, an invalid option, …).
    case cannotEncode(format: ImageFormat, reason: String)

    public var description: String {
        switch self {
        case let .empty(source):
            return "\(source): the input is empty (0 bytes); check that the file was fully written or downloaded."
        case let .unsupportedFormat(source, detail):
            return "\(source): not a \(ImageFormat.readableList) image (\(detail)); convert it to one of those first."
        case let .unsupportedVariant(source, format, detail):
            return "\(source): this kind of \(format) is not supported (\(detail)); re-save it as a common variant."
        case let .truncated(source, format, detail):
            return "\(source): the \(format) data ends too early (\(detail)); the file is incomplete, fetch or copy it again."
        case let .corrupt(source, format, message):
            return "\(source): the \(format) data is damaged (\(message)); the file cannot be decoded as it is."
        case let .tooLarge(source, format, width, height, limit):
            return "\(source): the \(format) header declares \(width)x\(height) pixels, over the limit (\(limit)); "
                + "raise DecodeOptions.limits if the image is genuine."
        case let .overLimit(source, what, limit):
            return "\(source): \(what), over the limit (\(limit)); raise DecodeOptions.limits if the input is genuine."
        case let .file(path, operation, reason):
            return "\(path): cannot \(operation) (\(reason))."
        case let .cannotEncode(format, reason):
            return "cannot write \(format): \(reason)."
        }
    }
}
