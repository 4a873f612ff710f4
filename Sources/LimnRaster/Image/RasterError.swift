/// What went wrong in a raster operation. `description` is a sentence a user can act on.
public enum RasterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two rasters that must have the same size do not.
    case sizeMismatch(operation: String, expected: Size, actual: Size)
    /// A shape that cannot be drawn: a NaN or infinite coordinate, a non-finite width.
    case invalidGeometry(operation: String, reason: String)
    /// An operation was asked to make a picture over ``PixelLimits`` (a resize target, a canvas).
    case overLimit(operation: String, size: Size, limit: String)

    public var description: String {
        switch self {
        case let .sizeMismatch(operation, expected, actual):
            return "\(operation): expected a \(expected) raster but got \(actual); resize one of them first."
        case let .invalidGeometry(operation, reason):
            return "\(operation): \(reason); check the coordinates passed in (a vision result with NaN values?)."
        case let .overLimit(operation, size, limit):
            return
                "\(operation): a \(size.width)x\(size.height) picture is over the limit (\(limit)); ask for a smaller size, or raise PixelLimits if it is genuine."
        }
    }
}
