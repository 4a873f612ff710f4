/// A font request: a family looked up through fontconfig ("sans-serif", "Noto Sans CJK SC"), or a
/// font file, at a size in pixels (the em height). Characters the font lacks come from the
/// fontconfig fallback chain of the family (or of "sans-serif" for a file).
public struct Font: Sendable, Hashable {
    public var family: String
    public var path: String?
    public var size: Double

    public init(family: String = "sans-serif", size: Double) {
        self.family = family
        self.path = nil
        self.size = size
    }

    public init(path: String, size: Double) {
        self.family = "sans-serif"
        self.path = path
        self.size = size
    }
}

/// Which way a paragraph runs; `.auto` follows its first strong character (Unicode rule P2).
public enum TextDirection: Sendable, Equatable { case auto, leftToRight, rightToLeft }
