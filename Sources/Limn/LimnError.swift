import LimnCodecs
import LimnRaster
import LimnResults
import LimnText

/// What went wrong in the `Limn` recipes themselves (writing, choosing an output format, mattes).
/// The errors of the libraries they call pass through as they are: `CodecError` (reading and
/// encoding pictures), `ResultsError` (vision results), `TextError` (fonts), `RasterError`
/// (geometry). `description` — and `localizedDescription` — is a sentence a user can act on.
public enum LimnError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output could not be written; nothing was left at `path` (see ``AtomicFile`` for what
    /// each kind of path gets). `reason` is the system's (`Read-only file system`) or the policy's.
    case cannotWrite(path: String, reason: String)
    /// The output's extension names no format Limn writes.
    case unknownOutputFormat(path: String)
    /// The output's extension names a format Limn reads but does not write (GIF).
    case readOnlyFormat(path: String, format: ImageFormat)
    /// A matte whose shape does not match the picture's (and stretching was not asked for).
    case matteMismatch(matte: Size, picture: Size)
    /// A vision result that holds no matte.
    case noMatte(source: String, vendor: String)
    /// A cutout asked for instances of a result (by label or index) that it does not have;
    /// `available` says what it has.
    case noSuchInstance(source: String, wanted: String, available: String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason):
            return "\(path): cannot write (\(reason))."
        case .unknownOutputFormat(let path):
            return "\(path): cannot tell the output format from the extension; use .png, .jpg, .webp, .avif or .bmp."
        case let .readOnlyFormat(path, format):
            return "\(path): Limn reads \(format) but does not write it; use .png, .jpg, .webp, .avif or .bmp."
        case let .matteMismatch(matte, picture):
            return
                "the matte is \(matte) but the picture is \(picture): their shapes differ; pass the matte made for this picture, or allow stretching."
        case let .noMatte(source, vendor):
            return "\(source): this \(vendor) result holds no matte or instance mask; request a segmentation or matting result."
        case let .noSuchInstance(source, wanted, available):
            return "\(source): no instance matches \(wanted) (the result has \(available))."
        }
    }
}
