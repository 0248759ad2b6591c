/// Small text repairs for text extracted from PDF.
enum TextCleaning {
    /// Whether a scalar is Han, CJK punctuation, a fullwidth form or a CJK quote mark: the
    /// characters between which a stray space is a wrapping artefact, not a word break.
    static func isCJK(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        switch s.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFD: return true
        case 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x00B7: return true
        default: return false
        }
    }

    /// Removes runs of whitespace that sit between two CJK characters ("办理建筑 许可" → "办理建筑许可"),
    /// trims the ends, and collapses other runs to one space ("15 万人次" stays as it is).
    static func joinWrapped(_ text: String) -> String {
        var out: [Character] = []
        var pendingSpace = false
        for c in text {
            if c.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                if !(isCJK(out[out.count - 1]) && isCJK(c)) { out.append(" ") }
                pendingSpace = false
            }
            out.append(c)
        }
        return String(out)
    }

    /// Removes every whitespace character (agency names never contain spaces).
    static func removingWhitespace(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: \.isBlank) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where !s.isBlank { out.append(s) }
        return String(out)
    }

    /// Replaces half-width parentheses with full-width ones, as the documents mostly write them.
    static func fullWidthParentheses(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: { $0 == "(" || $0 == ")" }) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(s == "(" ? "（" : s == ")" ? "）" : s) }
        return String(out)
    }

    /// Whether a string is a plain decimal integer.
    static func isInteger(_ s: String) -> Bool { !s.isEmpty && s.count <= 6 && s.allSatisfy(\.isASCII) && s.allSatisfy(\.isNumber) }

    /// Whether a line is a page marker such as "— 20 —" or "- 3 -".
    static func isPageMarker(_ s: String) -> Bool {
        let t = s.filter { !$0.isWhitespace }
        guard let first = t.first, let last = t.last, "—-－–".contains(first), "—-－–".contains(last) else { return false }
        let inner = t.drop { "—-－–".contains($0) }.reversed().drop { "—-－–".contains($0) }
        return !inner.isEmpty && inner.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
