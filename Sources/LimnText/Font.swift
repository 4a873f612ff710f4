/// A font request: a family looked up through fontconfig ("sans-serif", "Noto Sans CJK SC"), or a
/// font file, at a size in pixels (the em height). Characters the font lacks come from the
/// fontconfig fallback chain of the family (or of "sans-serif" for a file).
public struct Font: Sendable, Hashable {
    /// The fontconfig family asked for ("sans-serif" for a font given by file).
    public var family: String
    /// The font file, when the font was given by file; nil when fontconfig chooses.
    public var path: String?
    /// The size in pixels: the em height.
    public var size: Double

    /// The family `family` at `size` pixels, through fontconfig; a family that is not installed is drawn in
    /// fontconfig's substitute (see ``TextEngine/drawingFamily(for:)``).
    public init(family: String = "sans-serif", size: Double) {
        self.family = family
        self.path = nil
        self.size = size
    }

    /// The font in the file at `path` at `size` pixels (a missing or unreadable file is a ``TextError`` when text is
    /// laid out).
    public init(path: String, size: Double) {
        self.family = "sans-serif"
        self.path = path
        self.size = size
    }
}

/// Which way a paragraph runs; `.auto` follows its first strong character (Unicode rule P2).
public enum TextDirection: Sendable, Equatable {
    /// Follow the paragraph's first strong character.
    case auto
    /// Left to right (Latin, Cyrillic, CJK, Indic scripts).
    case leftToRight
    /// Right to left (Arabic, Hebrew).
    case rightToLeft
}
