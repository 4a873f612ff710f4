import LimnCodecs

/// What went wrong in a whole job (read, process, write). `description` is a sentence a user can act on.
public enum LimnError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Reading or encoding failed.
    case codec(CodecError)
    /// The output file could not be written; nothing was left at `path`.
    case cannotWrite(path: String, reason: String)
    /// The output's extension names no format Limn writes.
    case unknownOutputFormat(path: String)

    public var description: String {
        switch self {
        case .codec(let error):
            return error.description
        case let .cannotWrite(path, reason):
            return "\(path): cannot write (\(reason)); check that the folder exists and is writable."
        case .unknownOutputFormat(let path):
            return "\(path): cannot tell the output format from the extension; use .png, .jpg, .webp or .bmp."
        }
    }
}
