import LimnRaster

/// How several lines sit against each other.
public enum TextAlignment: Sendable, Equatable {
    /// Left for a left-to-right paragraph, right for a right-to-left one.
    case natural
    /// Flush left.
    case left
    /// Centred.
    case center
    /// Flush right.
    case right
}

/// How to lay out a paragraph: wrapping, truncation, alignment, spacing.
public struct TextLayoutOptions: Sendable, Equatable {
    /// Wrap lines to this many pixels (nil: only explicit newlines break).
    public var maxWidth: Double?
    /// At most this many lines; the last one kept ends in an ellipsis when text was cut.
    public var maxLines: Int?
    /// How lines sit against each other (``TextAlignment/natural`` by default).
    public var alignment: TextAlignment
    /// Baseline-to-baseline distance as a multiple of the line height (ascent + descent).
    public var lineSpacing: Double
    /// The paragraph's direction (``TextDirection/auto`` by default).
    public var direction: TextDirection

    /// Options for a paragraph: no wrapping or truncation, natural alignment, spacing 1.15, direction from the text,
    /// unless given.
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
    /// One line of a block and where it sits.
    public struct Line: Sendable {
        /// The shaped line.
        public var line: TextLine
        /// The left end of this line's baseline in the block.
        public var origin: Point
        /// The characters on this line (trailing spaces removed).
        public var text: String
    }

    /// The lines, top to bottom.
    public var lines: [Line]
    /// The box: the widest line by the lines' pitch; ascent above the first baseline and
    /// descent below the last are inside it.
    public var width: Double
    /// The box's height: from the first line's ascent to the last line's descent.
    public var height: Double
    /// True when `maxLines` cut text off (the last line ends in "…").
    public var isTruncated: Bool
}
