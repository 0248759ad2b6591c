/// Terminal display width: East Asian Wide and Fullwidth characters take two columns, combining
/// marks and zero-width characters none, everything else one (Unicode UAX #11). East Asian
/// Ambiguous characters (“ ” … · × ─ ① ★ and the like) take one column, or two with `ambiguousWide`
/// (CJK terminals draw them wide; `RESPGRAPH_AMBIGUOUS_WIDE=1` turns it on).
public enum DisplayWidth {
    /// The number of terminal columns a string takes.
    public static func of(_ s: String, ambiguousWide: Bool = false) -> Int {
        var width = 0
        for scalar in s.unicodeScalars { width += of(scalar, ambiguousWide: ambiguousWide) }
        return width
    }

    /// Whether a character is East Asian Ambiguous (UAX #11 class A), for the ranges tables and
    /// Chinese text use: Latin-1 signs, punctuation, letterlike symbols, Roman numerals, arrows,
    /// mathematical operators, enclosed numbers, box drawing, shapes and stars.
    public static func isAmbiguous(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA7, 0xA8, 0xB0, 0xB1, 0xB4, 0xB6, 0xB7, 0xD7, 0xF7, 0x2010...0x2027, 0x2030...0x203B, 0x2103, 0x2116,
             0x2160...0x217F, 0x2190...0x21FF, 0x2200...0x22FF, 0x2460...0x24E9, 0x2500...0x257F, 0x25A0...0x25FF,
             0x2605, 0x2606, 0x2609, 0x260E, 0x260F, 0x261C, 0x261E, 0x2640, 0x2642: return true
        default: return false
        }
    }

    /// The columns one scalar takes.
    public static func of(_ scalar: Unicode.Scalar, ambiguousWide: Bool = false) -> Int {
        let v = scalar.value
        if ambiguousWide && isAmbiguous(scalar) { return 2 }
        switch v {
        case 0x0300...0x036F, 0x200B...0x200F, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return v < 0x20 ? 0 : 1
        }
    }

    /// The string cut to at most `limit` columns, ending in … when cut.
    public static func truncate(_ s: String, to limit: Int, ambiguousWide: Bool = false) -> String {
        if of(s, ambiguousWide: ambiguousWide) <= limit { return s }
        let ellipsis = ambiguousWide ? 2 : 1
        var out = ""
        var width = 0
        for c in s {
            var w = 0
            for scalar in c.unicodeScalars { w += of(scalar, ambiguousWide: ambiguousWide) }
            if width + w > limit - ellipsis { break }
            out.append(c)
            width += w
        }
        return out + "…"
    }

    /// The string padded with spaces to `width` columns, on the right (or the left).
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false, ambiguousWide: Bool = false) -> String {
        let gap = max(0, width - of(s, ambiguousWide: ambiguousWide))
        return alignRight ? String(repeating: " ", count: gap) + s : s + String(repeating: " ", count: gap)
    }
}
