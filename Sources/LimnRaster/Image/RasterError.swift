/// What went wrong in a raster operation. `description` is a sentence a user can act on.
public enum RasterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two rasters that must have the same size do not.
    case sizeMismatch(operation: String, expected: Size, actual: Size)
    /// A shape that cannot be drawn: a NaN or infinite coordinate, a non-finite width.
    case invalidGeometry(operation: String, reason: String)

    public var description: String {
        switch self {
        case let .sizeMismatch(operation, expected, actual):
            return "\(operation): expected a \(expected) raster but got \(actual); resize one of them first."
        case let .invalidGeometry(operation, reason):
            return "\(operation): \(reason); check the coordinates passed in (a vision result with NaN values?)."
        }
    }
}
