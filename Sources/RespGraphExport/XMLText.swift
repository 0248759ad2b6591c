/// Escaping for XML 1.0 text and attribute values.
enum XMLText {
    /// Escapes `& < > " '` and replaces characters XML 1.0 forbids (most control characters) with U+FFFD.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                if v < 0x20 || (0xD800...0xDFFF).contains(v) || v == 0xFFFE || v == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func value(_ v: GraphElements.Value) -> String {
        switch v {
        case .string(let s): escape(s)
        case .int(let n): String(n)
        case .double(let x): x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) + ".0" : "\(x)"
        case .bool(let b): b ? "true" : "false"
        }
    }
}
