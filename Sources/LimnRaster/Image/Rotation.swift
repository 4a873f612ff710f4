/// A turn by a multiple of 90 degrees, clockwise.
public enum Rotation: Sendable, CaseIterable {
    /// A quarter turn (90 degrees clockwise): width and height swap.
    case quarter
    /// A half turn (180 degrees).
    case half
    /// Three quarters of a turn (90 degrees anticlockwise): width and height swap.
    case threeQuarters

    var orientation: Orientation {
        switch self {
        case .quarter: return .right
        case .half: return .down
        case .threeQuarters: return .left
        }
    }
}

/// The axis a flip mirrors across.
public enum FlipDirection: Sendable, CaseIterable {
    /// Left becomes right.
    case horizontal
    /// Top becomes bottom.
    case vertical
}
