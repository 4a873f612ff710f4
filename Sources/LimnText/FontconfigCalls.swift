import CFontconfig

/// Every fontconfig call, in one place. fontconfig reports failure by return value.
enum FontconfigCalls {
    /// One font of a fallback chain: where it is, and which characters it has.
    final class Entry: @unchecked Sendable {
        let path: String
        let index: Int
        private let charset: OpaquePointer?

        init(path: String, index: Int, charset: OpaquePointer?) {
            self.path = path
            self.index = index
            self.charset = charset
        }

        /// Wraps `FcCharSetHasChar`.
        func covers(_ scalar: UInt32) -> Bool {
            guard let charset else { return false }
            return FcCharSetHasChar(charset, scalar) != 0
        }

        deinit { if let charset { FcCharSetDestroy(charset) } }
    }

    /// The fonts for `family`, best first, each adding characters the ones before lack
    /// (`FcFontSort` with trimming, after `FcConfigSubstitute` and `FcDefaultSubstitute`).
    static func chain(family: String) -> [Entry] {
        guard FcInit() != 0, let pattern = FcNameParse(family) else { return [] }
        defer { FcPatternDestroy(pattern) }
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultMatch
        guard let set = FcFontSort(nil, pattern, 1, nil, &result) else { return [] }
        defer { FcFontSetDestroy(set) }
        var entries: [Entry] = []
        for i in 0..<Int(set.pointee.nfont) {
            guard let font = set.pointee.fonts[i] else { continue }
            var file: UnsafeMutablePointer<FcChar8>? = nil
            guard FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch, let file else { continue }
            var index: Int32 = 0
            _ = FcPatternGetInteger(font, FC_INDEX, 0, &index)
            var charset: OpaquePointer? = nil
            let copy = FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) == FcResultMatch ? charset.flatMap { FcCharSetCopy($0) } : nil
            entries.append(Entry(path: String(cString: file), index: Int(index), charset: copy))
        }
        return entries
    }
}

extension FontconfigCalls {
    /// The family fontconfig draws `family` with: its own name when a font of that family is
    /// installed (`FcFontList`), otherwise the family of the best substitute (`FcFontMatch`);
    /// nil when fontconfig finds no font at all. Generic names (sans-serif, serif, monospace)
    /// are aliases, never installed: the caller treats them as such.
    static func drawingFamily(for family: String) -> (family: String, installed: Bool)? {
        guard FcInit() != 0, let pattern = FcNameParse(family) else { return nil }
        defer { FcPatternDestroy(pattern) }
        if let properties = FcObjectSetCreate() {
            defer { FcObjectSetDestroy(properties) }
            _ = FcObjectSetAdd(properties, FC_FAMILY)
            if let listed = FcFontList(nil, pattern, properties) {
                defer { FcFontSetDestroy(listed) }
                if listed.pointee.nfont > 0 { return (family, true) }
            }
        }
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultMatch
        guard let match = FcFontMatch(nil, pattern, &result) else { return nil }
        defer { FcPatternDestroy(match) }
        var name: UnsafeMutablePointer<FcChar8>? = nil
        guard FcPatternGetString(match, FC_FAMILY, 0, &name) == FcResultMatch, let name else { return nil }
        return (String(cString: name), false)
    }
}
