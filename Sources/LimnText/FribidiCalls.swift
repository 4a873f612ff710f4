import CFribidi

/// Every FriBidi call, in one place.
enum FribidiCalls {

    /// The embedding level of every code point (`fribidi_get_bidi_types`,
    /// `fribidi_get_bracket_types`, `fribidi_get_par_embedding_levels_ex`): even is left to right,
    /// odd right to left.
    static func levels(_ text: [UInt32], direction: TextDirection) -> [Int] {
        let n = text.count
        guard n > 0 else { return [] }
        // Below U+0590 there is no right-to-left character and no directional control: every
        // level is the paragraph's, 0 unless it is set right to left.
        if direction != .rightToLeft && !text.contains(where: { $0 >= 0x590 }) {
            return [Int](repeating: 0, count: n)
        }
        var types = [FriBidiCharType](repeating: FriBidiCharType(rawValue: 0), count: n)
        var brackets = [FriBidiBracketType](repeating: 0, count: n)
        var levels = [FriBidiLevel](repeating: 0, count: n)
        var base: FriBidiParType
        switch direction {
        case .auto: base = FRIBIDI_PAR_ON
        case .leftToRight: base = FRIBIDI_PAR_LTR
        case .rightToLeft: base = FRIBIDI_PAR_RTL
        }
        text.withUnsafeBufferPointer { t in
            fribidi_get_bidi_types(t.baseAddress, Int32(n), &types)
            fribidi_get_bracket_types(t.baseAddress, Int32(n), types, &brackets)
        }
        let max = fribidi_get_par_embedding_levels_ex(types, brackets, Int32(n), &base, &levels)
        guard max > 0 else { return [Int](repeating: direction == .rightToLeft ? 1 : 0, count: n) }
        return levels.map { Int($0) }
    }
}
