import LimnRaster

/// How several lines sit against each other.
public enum TextAlignment: Sendable, Equatable {
    /// Left for a left-to-right paragraph, right for a right-to-left one.
    case natural
    case left, center, right
}

/// How to lay out a paragraph: wrapping, truncation, alignment, spacing.
public struct TextLayoutOptions: Sendable, Equatable {
    /// Wrap lines to this many pixels (nil: only explicit newlines break).
    public var maxWidth: Double?
    /// At most this many lines; the last one kept ends in an ellipsis when text was cut.
    public var maxLines: Int?
    public var alignment: TextAlignment
    /// Baseline-to-baseline distance as a multiple of the line height (ascent + descent).
    public var lineSpacing: Double
    public var direction: TextDirection

    public init(
        maxWidth: Double? = nil, maxLines: Int? = nil, alignment: TextAlignment = .natural,
        lineSpacing: Double = 1.15, direction: TextDirection = .auto
    ) {
        self.maxWidth = maxWidth
        self.maxLines = maxLines
        self.alignment = alignment
        self.lineSpacing = lineSpacing
        self.direction = direction
    }
}

/// A laid-out paragraph: lines placed in a box whose top-left is (0, 0), y down.
public struct TextBlock: Sendable {
    public struct Line: Sendable {
        public var line: TextLine
        /// The left end of this line's baseline in the block.
        public var origin: Point
        /// The characters on this line (trailing spaces removed).
        public var text: String
    }

    public var lines: [Line]
    /// The box: the widest line by the lines' pitch; ascent above the first baseline and
    /// descent below the last are inside it.
    public var width: Double
    public var height: Double
    /// True when `maxLines` cut text off (the last line ends in "…").
    public var isTruncated: Bool
}
