/// How overlapping parts of a path count as inside.
public enum FillRule: Sendable, Equatable {
    /// Inside where the winding number is not zero.
    case nonZero
    /// Inside where the winding number is odd.
    case evenOdd
}
