import RespGraphModel

/// One agency name read from a lead or support cell.
public struct ResolvedAgencyName: Sendable, Equatable {
    /// The canonical name when the registry knows it, else the name as reconstructed.
    public var name: String
    /// The item as written in the cell (after whitespace removal).
    public var written: String
    /// Whether the registry knows the name.
    public var known: Bool

    /// Creates a resolved name.
    public init(name: String, written: String, known: Bool) {
        self.name = name
        self.written = written
        self.known = known
    }
}

/// The result of reading one lead or support cell.
public struct ResolvedCell: Sendable, Equatable {
    /// The agencies, in the order written, each once.
    public var names: [ResolvedAgencyName]
    /// Repairs made on the way (whitespace joined, a trailing 等 dropped), for notes.
    public var repairs: [String]
}

/// Splits a lead or support cell into agency names and resolves them against the registry.
///
/// The rules, in order:
/// 1. Whitespace is a wrapping artefact and is removed; half-width parentheses become full-width.
/// 2. The cell splits into groups on `，` `,` `；` `;`, and each group into items on `、`, never inside
///    parentheses or quotes, and never in `市、县` ("各市、县人民政府" is one collective).
/// 3. A group the registry knows whole stays whole.
/// 4. A shared suffix: "北海、钦州、防城港市人民政府" is three city governments.
/// 5. A shared prefix: in "自治区公安厅、民政厅" each later item that is not a name of its own takes
///    the first item's prefix (自治区党委 or 自治区), whichever the registry knows.
/// 6. A trailing 等 ("南宁海关等") is dropped when what remains is known.
/// 7. Aliases resolve to the canonical name; an unknown name is kept as reconstructed and flagged.
public struct AgencyNameNormaliser: Sendable {
    /// The registry names resolve against.
    public let registry: AgencyRegistry

    /// Creates a normaliser over a registry.
    public init(registry: AgencyRegistry) { self.registry = registry }

    /// Prefixes an `、`-list can share, longest first.
    static let sharedPrefixes = ["自治区党委", "自治区"]
    /// Suffixes an `、`-list of place names can share.
    static let sharedSuffixes = ["市人民政府", "县人民政府"]
    /// Beginnings that mark an item as a name of its own, never taking a shared prefix.
    static let standalonePrefixes = ["自治区", "广西", "中国", "国家", "各", "相关", "区直", "口岸", "人民银行", "南宁"]

    /// Reads a cell.
    ///
    /// - Complexity: O(n) in the cell length, plus a hash lookup per item.
    public func resolve(_ cell: String) -> ResolvedCell {
        // Fast path: a cell of known names separated by '，' (as the curated tables write them).
        if !cell.isEmpty, !cell.unicodeScalars.contains(where: { $0.isBlank || $0 == "," || $0 == "；" || $0 == ";" }) {
            var names: [ResolvedAgencyName] = []
            var seen: [Int] = []
            var allKnown = true
            for name in Self.splitOnFullWidthComma(cell) {
                guard let index = registry.index(of: name) else { allKnown = false; break }
                if !seen.contains(index) {
                    seen.append(index)
                    names.append(ResolvedAgencyName(name: registry.agencies[index].name, written: name, known: true))
                }
            }
            if allKnown { return ResolvedCell(names: names, repairs: []) }
        }
        var repairs: [String] = []
        let compact = TextCleaning.fullWidthParentheses(TextCleaning.removingWhitespace(cell))
        if cell.unicodeScalars.contains(where: \.isBlank), compact != cell.trimmed {
            repairs.append("joined '\(cell.trimmed)' → '\(compact)'")
        }
        var names: [ResolvedAgencyName] = []
        var seen = Set<String>()
        for group in Self.split(compact, separators: ["，", ",", "；", ";"]) where !group.isEmpty {
            for item in resolveGroup(group, repairs: &repairs) where seen.insert(item.name).inserted {
                names.append(item)
            }
        }
        return ResolvedCell(names: names, repairs: repairs)
    }

    private func resolveGroup(_ group: String, repairs: inout [String]) -> [ResolvedAgencyName] {
        if registry.knows(group) { return [lookup(group, written: group)] }
        var items = Self.split(group, separators: ["、"]).filter { !$0.isEmpty }
        if items.count <= 1 { return items.map { resolveItem($0, repairs: &repairs) } }
        // Shared suffix: 北海、钦州、防城港市人民政府.
        if let last = items.last, let suffix = Self.sharedSuffixes.first(where: { last.hasSuffix($0) && last.count > $0.count }) {
            let bare = items.dropLast().allSatisfy { !$0.contains("政府") && $0.count <= 5 && !registry.knows($0) }
            if bare {
                let core = suffix.dropFirst() // "人民政府" after 市 or 县
                let marker = suffix.first!
                for i in items.indices.dropLast() {
                    items[i] = items[i].hasSuffix(String(marker)) ? items[i] + core : items[i] + suffix
                }
            }
        }
        var out: [ResolvedAgencyName] = [resolveItem(items[0], repairs: &repairs)]
        let prefixes = Self.sharedPrefixes.filter { items[0].hasPrefix($0) }
        for item in items.dropFirst() {
            if registry.knows(item) || prefixes.isEmpty || Self.standalonePrefixes.contains(where: { item.hasPrefix($0) }) {
                out.append(resolveItem(item, repairs: &repairs))
                continue
            }
            if let p = prefixes.first(where: { registry.knows($0 + item) || registry.knows(Self.droppingTrailingEtc($0 + item)) }) {
                out.append(resolveItem(p + item, repairs: &repairs))
            } else {
                out.append(resolveItem((prefixes.last ?? "") + item, repairs: &repairs))
            }
        }
        return out
    }

    private func resolveItem(_ item: String, repairs: inout [String]) -> ResolvedAgencyName {
        if registry.knows(item) { return lookup(item, written: item) }
        let trimmed = Self.droppingTrailingEtc(item)
        if trimmed != item, registry.knows(trimmed) {
            repairs.append("read '\(item)' as '\(trimmed)' (trailing 等 dropped)")
            return lookup(trimmed, written: item)
        }
        return ResolvedAgencyName(name: item, written: item, known: false)
    }

    private func lookup(_ name: String, written: String) -> ResolvedAgencyName {
        ResolvedAgencyName(name: registry.canonicalName(of: name) ?? name, written: written, known: true)
    }

    /// Splits on '，' (U+FF0C, bytes EF BC 8C) by scanning UTF-8 bytes: much cheaper than splitting
    /// on a Character, which walks grapheme clusters.
    static func splitOnFullWidthComma(_ text: String) -> [String] {
        var copy = text
        return copy.withUTF8 { bytes -> [String] in
            var parts: [String] = []
            var start = 0, i = 0
            while i + 2 < bytes.count {
                if bytes[i] == 0xEF && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x8C {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    i += 3
                    start = i
                } else {
                    i += 1
                }
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
            return parts
        }
    }

    static func droppingTrailingEtc(_ s: String) -> String {
        s.hasSuffix("等") && s.count > 2 ? String(s.dropLast()) : s
    }

    /// Splits on any of the separators outside parentheses and quotes; `、` between 市 and 县 never splits.
    ///
    /// - Complexity: O(n) in the scalars of the text.
    static func split(_ text: String, separators: Set<Unicode.Scalar>) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        let scalars = Array(text.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            switch c {
            case "（", "“", "《", "‘": depth += 1
            case "）", "”", "》", "’": depth = max(0, depth - 1)
            default: break
            }
            if depth == 0, separators.contains(c) {
                let cityCounty = c == "、" && i > 0 && scalars[i - 1] == "市" && i + 1 < scalars.count && scalars[i + 1] == "县"
                if !cityCounty {
                    parts.append(String(current))
                    current = String.UnicodeScalarView()
                    continue
                }
            }
            current.append(c)
        }
        parts.append(String(current))
        return parts
    }
}
