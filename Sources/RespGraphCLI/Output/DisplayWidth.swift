/// Terminal display width: East Asian Wide and Fullwidth characters take two columns, combining
/// marks and zero-width characters none, everything else one (Unicode UAX #11, ambiguous as narrow).
public enum DisplayWidth {
    /// The number of terminal columns a string takes.
    public static func of(_ s: String) -> Int {
        var width = 0
        for scalar in s.unicodeScalars { width += of(scalar) }
        return width
    }

    /// The columns one scalar takes.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
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
    public static func truncate(_ s: String, to limit: Int) -> String {
        if of(s) <= limit { return s }
        var out = ""
        var width = 0
        for c in s {
            var w = 0
            for scalar in c.unicodeScalars { w += of(scalar) }
            if width + w > limit - 1 { break }
            out.append(c)
            width += w
        }
        return out + "…"
    }

    /// The string padded with spaces to `width` columns, on the right (or the left).
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        let gap = max(0, width - of(s))
        return alignRight ? String(repeating: " ", count: gap) + s : s + String(repeating: " ", count: gap)
    }
}
