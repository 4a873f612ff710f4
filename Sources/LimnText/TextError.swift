/// What went wrong with fonts or text. `description` is a sentence a user can act on.
public enum TextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// fontconfig found no font at all for a family (no fonts installed?).
    case noFonts(family: String)
    /// A font file could not be opened; `reason` is FreeType's error.
    case cannotLoadFont(path: String, reason: String)
    /// The size is not a finite number.
    case invalidSize(Double)

    public var description: String {
        switch self {
        case .noFonts(let family):
            return "no font found for \"\(family)\"; install fonts (Debian: fonts-dejavu-core fonts-noto-core fonts-noto-cjk)."
        case let .cannotLoadFont(path, reason):
            return "\(path): cannot load the font (\(reason)); check that the file is a TrueType/OpenType font."
        case .invalidSize(let size):
            return "font size \(size) is not a finite number of pixels."
        }
    }
}
