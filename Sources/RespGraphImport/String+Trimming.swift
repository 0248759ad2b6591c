#if canImport(Glibc)
import Glibc
#endif
extension Unicode.Scalar {
    /// Whitespace as the documents have it: ASCII blanks and line breaks, no-break and ideographic spaces.
    /// A plain switch: cheaper than the Unicode property lookup on every scalar of every cell.
    @inline(__always) var isBlank: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0xFEFF: true
        default: false
        }
    }
}

extension StringProtocol {
    /// The text without whitespace and line breaks at either end.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isBlank }),
              let last = scalars.lastIndex(where: { !$0.isBlank }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return String(self) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}

extension String {
    /// A file name without folders and extension: the default id of the document it holds.
    var fileStem: String {
        let name = split(separator: "/").last.map(String.init) ?? self
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }
}

extension StringProtocol {
    /// Whether the text holds `needle`, compared byte for byte in UTF-8 (no Unicode folding): the
    /// cheap test the recognisers run on every paragraph.
    ///
    /// - Complexity: O(n · m) at worst, O(n) in practice.
    func holds(_ needle: String) -> Bool {
        var needle = needle
        var copy = String(self)
        return needle.withUTF8 { n in
            guard let first = n.first else { return true }
            return copy.withUTF8 { h in
                guard h.count >= n.count else { return false }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count, h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether the text begins with `prefix`, compared byte for byte in UTF-8 (no Unicode folding).
    func startsInUTF8(with prefix: String) -> Bool {
        var prefix = prefix
        var copy = String(self)
        return prefix.withUTF8 { p in copy.withUTF8 { h in h.count >= p.count && (p.isEmpty || memcmp(h.baseAddress!,
            p.baseAddress!, p.count) == 0) } }
    }

    /// Whether the text ends with `suffix`, compared byte for byte in UTF-8 (no Unicode folding).
    func endsInUTF8(with suffix: String) -> Bool {
        var suffix = suffix
        var copy = String(self)
        return suffix.withUTF8 { p in
            copy.withUTF8 { h in h.count >= p.count && (p.isEmpty || memcmp(h.baseAddress! + (h.count - p.count),
                                                                            p.baseAddress!, p.count) == 0) }
        }
    }
}
