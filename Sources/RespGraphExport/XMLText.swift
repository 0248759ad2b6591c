import RespGraphModel

/// Escaping for XML 1.0 text and attribute values.
public enum XMLText {
    /// Escapes `& < > " '` and replaces characters XML 1.0 forbids (most control characters) with U+FFFD.
    public static func escape(_ s: String) -> String {
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
                if isForbidden(scalar) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Whether XML 1.0 forbids a character (control characters other than tab and line breaks,
    /// surrogates, U+FFFE and U+FFFF); writers replace it with U+FFFD.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0xD800...0xDFFF).contains(v) || v == 0xFFFE || v == 0xFFFF
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

/// Characters of a graph that XML 1.0 forbids, so that a writer of XML (GraphML, GEXF, SVG through
/// DOT, HTML) can say it replaced them rather than do so silently.
public enum ForbiddenCharacters {
    /// How many characters XML forbids occur in the graph's titles, names, aliases and task fields.
    public static func count(in graph: ResponsibilityGraph) -> Int {
        var strings: [String] = graph.documents.flatMap { [$0.id, $0.title] }
        strings += graph.agencies.flatMap { [$0.name] + $0.aliases + [$0.englishName ?? ""] }
        strings += graph.tasks.flatMap { [$0.indicator, $0.direction, $0.text, $0.label, $0.deadline ?? ""] }
        return strings.reduce(0) { n, s in n + s.unicodeScalars.filter(XMLText.isForbidden).count }
    }

    /// The note a command prints when some were replaced, or nil.
    public static func note(for graph: ResponsibilityGraph) -> String? {
        let n = count(in: graph)
        return n == 0 ? nil : "respgraph: \(n) character\(n == 1 ? "" : "s") that XML forbids (control characters, U+FFFE, U+FFFF) "
            + "replaced in the output (U+FFFD; a space in DOT); the source shows where"
    }
}
