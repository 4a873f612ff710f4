/// Where a line may break: a tailored subset of Unicode's line breaking algorithm (UAX #14) that
/// covers what labels and OCR text need. Works on grapheme clusters, so a base and its marks (or
/// a Devanagari conjunct) never split.
enum LineBreaks {
    /// Indices `i` (0 < i < count) such that a line may end after `characters[i - 1]`:
    /// after a space (the space hangs at the line's end), after a hyphen or a slash between
    /// letters, and before or after an ideographic character (Han, kana, Hangul, fullwidth forms)
    /// — except before closing punctuation and small kana, and after opening punctuation.
    static func opportunities(in characters: [Character]) -> [Int] {
        guard characters.count > 1 else { return [] }
        var breaks: [Int] = []
        for i in 1..<characters.count {
            let before = characters[i - 1], after = characters[i]
            if isSpace(after) || isClosing(after) || isOpening(before) { continue }
            if after == "\n" || before == "\n" { continue }
            if isSpace(before) || before == "-" || before == "\u{2010}" || before == "/" && !isSpace(after)
                || isIdeographic(before) || isIdeographic(after)
            {
                breaks.append(i)
            }
        }
        return breaks
    }

    static func isSpace(_ c: Character) -> Bool { c.isWhitespace && c != "\u{00A0}" && c != "\u{202F}" }

    static func isIdeographic(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        switch v {
        case 0x2E80...0x2FFF, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFF01...0xFF60, 0x20000...0x3FFFF:
            return true
        case 0x3000...0x303F: return true  // CJK punctuation; closing/opening handled above
        default: return false
        }
    }

    /// Characters a line must not start with (closing punctuation, Japanese small kana and marks).
    static func isClosing(_ c: Character) -> Bool { closing.contains(c) }

    /// Characters a line must not end with (opening punctuation).
    static func isOpening(_ c: Character) -> Bool { opening.contains(c) }

    private static let closing = Set("!),.:;?]}»、。，．：；！？）」』】〕〉》〙〗〛ーゝゞヽヾ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・")
    private static let opening = Set("([{«（「『【〔〈《〘〖〚")
}
