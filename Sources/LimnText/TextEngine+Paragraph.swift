import LimnRaster

extension TextEngine {
    /// Lays out a paragraph: newlines always break; with `maxWidth`, lines wrap at word
    /// boundaries and between CJK characters (see `LineBreaks`), a word wider than the width
    /// breaks between its characters, and spaces at a line's end hang (they take no width).
    /// With `maxLines`, the text that does not fit is cut and the last line ends in "…" within
    /// the width. Every line is shaped whole; the paragraph's direction is resolved once from
    /// its first strong character, so every line of an Arabic paragraph is right to left.
    /// An empty string gives no lines and a zero box.
    /// Throws ``TextError``.
    public func layout(_ text: String, font: Font, options: TextLayoutOptions) throws -> TextBlock {
        try paragraph(for: text, font: font, options: options)
    }

    /// ``layout(_:font:options:)`` with its error type, for the module's own callers.
    func paragraph(for text: String, font: Font, options: TextLayoutOptions) throws(TextError) -> TextBlock {
        let width = options.maxWidth.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        let limit = options.maxLines.map { max($0, 1) } ?? Int.max
        var lineTexts: [String] = []
        var truncated = false
        var direction = options.direction
        if direction == .auto { direction = Self.paragraphDirection(text) }
        paragraphs: for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let characters = Array(paragraph)
            var wrapped: [String] = []
            if let width {
                // No more lines than can still be shown (one more tells that text was cut), so a
                // huge paragraph under a line limit is not wrapped to its end.
                let budget = limit == Int.max ? Int.max : limit - lineTexts.count + 1
                wrapped = try wrap(characters, width: width, font: font, direction: direction, maxLines: budget)
            } else {
                wrapped = [String(paragraph)]
            }
            for line in wrapped {
                if lineTexts.count == limit { truncated = true; break paragraphs }
                lineTexts.append(line)
            }
        }
        if truncated, let last = lineTexts.last {
            lineTexts[lineTexts.count - 1] = try ellipsized(last, width: width, font: font, direction: direction)
        }
        var lines: [TextLine] = []
        for text in lineTexts { lines.append(try line(for: text, font: font, direction: direction)) }
        guard !lines.isEmpty else { return TextBlock(lines: [], width: 0, height: 0, isTruncated: false) }
        let ascent = lines.map(\.ascent).max() ?? 0, descent = lines.map(\.descent).max() ?? 0
        let spacing = options.lineSpacing.isFinite ? max(options.lineSpacing, 0) : 1
        let pitch = (ascent + descent) * spacing
        let blockWidth = lines.map(\.advance).max() ?? 0
        var placed: [TextBlock.Line] = []
        for (i, line) in lines.enumerated() {
            let spare = blockWidth - line.advance
            let x: Double
            switch options.alignment {
            case .left: x = 0
            case .right: x = spare
            case .center: x = spare / 2
            case .natural: x = direction == .rightToLeft ? spare : 0
            }
            placed.append(TextBlock.Line(line: line, origin: Point(x: x, y: ascent + Double(i) * pitch), text: lineTexts[i]))
        }
        let height = ascent + descent + Double(lines.count - 1) * pitch
        return TextBlock(lines: placed, width: blockWidth, height: height, isTruncated: truncated)
    }

    /// Greedy wrapping: each line takes as many break-separated pieces as fit when shaped together.
    private func wrap(
        _ characters: [Character], width: Double, font: Font, direction: TextDirection,
        maxLines: Int
    ) throws(TextError) -> [String] {
        guard !characters.isEmpty else { return [""] }
        let breaks = LineBreaks.opportunities(in: characters) + [characters.count]
        var lines: [String] = []
        var start = 0
        var b = 0
        while start < characters.count && lines.count < maxLines {
            // The furthest break whose line (trailing spaces hanging) still fits.
            var end = -1
            while b < breaks.count {
                let candidate = breaks[b]
                if candidate <= start { b += 1; continue }
                let advance = try measure(characters[start..<candidate], font: font, direction: direction)
                if advance > width { break }
                end = candidate
                b += 1
            }
            if end < 0 {
                // Not even one piece fits: break between characters (at least one per line).
                // No line holds more characters than the width over 0.15 em, so a word of a million
                // characters is never shaped whole.
                let nextBreak = breaks.first { $0 > start } ?? characters.count
                let most = start + max(1, Int(width / max(font.size * 0.15, 0.1)) + 1)
                var lo = start + 1, hi = min(nextBreak, most)
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    if try measure(characters[start..<mid], font: font, direction: direction) <= width { lo = mid } else { hi = mid - 1 }
                }
                end = lo
            }
            lines.append(Self.trimmingTrailingSpaces(characters[start..<end]))
            start = end
            while start < characters.count && LineBreaks.isSpace(characters[start]) { start += 1 }
        }
        return lines
    }

    /// `text` cut so that it plus "…" fits `width` (or with "…" appended when there is no width).
    private func ellipsized(_ text: String, width: Double?, font: Font, direction: TextDirection) throws(TextError) -> String {
        let characters = Array(text)
        guard let width else { return Self.trimmingTrailingSpaces(characters[...]) + "…" }
        var lo = 0, hi = characters.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            let candidate = Self.trimmingTrailingSpaces(characters[0..<mid]) + "…"
            if try line(for: candidate, font: font, direction: direction).advance <= width { lo = mid } else { hi = mid - 1 }
        }
        return Self.trimmingTrailingSpaces(characters[0..<lo]) + "…"
    }

    private func measure(_ characters: ArraySlice<Character>, font: Font, direction: TextDirection) throws(TextError) -> Double {
        try line(for: Self.trimmingTrailingSpaces(characters), font: font, direction: direction).advance
    }

    static func trimmingTrailingSpaces(_ characters: ArraySlice<Character>) -> String {
        var end = characters.endIndex
        while end > characters.startIndex && LineBreaks.isSpace(characters[end - 1]) { end -= 1 }
        return String(characters[characters.startIndex..<end])
    }

    /// Unicode rule P2/P3: the direction of the first strong character (left to right if none).
    static func paragraphDirection(_ text: String) -> TextDirection {
        let scalars = text.unicodeScalars.map(\.value)
        let levels = FribidiCalls.levels(scalars, direction: .auto)
        // FriBidi resolves the base level from the first strong character; the level of that
        // character is even or odd accordingly.
        for (i, s) in text.unicodeScalars.enumerated() where Self.isStrong(s) {
            return levels[i] % 2 == 1 ? .rightToLeft : .leftToRight
        }
        return .leftToRight
    }

    private static func isStrong(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic
    }
}
