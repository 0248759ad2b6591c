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
    /// Parts of the cell that are not names (a sentence's words: 具体任务均涉及…, 不再做分工), left out.
    public var rejected: [String] = []
}

/// Splits a lead or support cell into agency names and resolves them against the registry.
///
/// The rules, in order:
/// 1. Whitespace is a wrapping artefact and is removed; half-width parentheses become full-width.
/// 2. The cell splits into groups on `，` `,` `；` `;`, and each group into items on `、`, never inside
///    parentheses or quotes, and never in `市、县` ("各市、县人民政府" is one collective).
/// 3. A group the registry knows whole stays whole.
/// 4. A shared suffix: "北海、钦州、防城港市人民政府" is three city governments.
/// 5. A shared prefix: in "自治区公安厅、民政厅", "省委宣传部、统战部" or "市住建局、审批服务局" each later
///    item that is not a name of its own (one that names a place or province, 山东银保监局, 济南海关, or a
///    national body, 中铁济南局) takes the first item's jurisdiction prefix (自治区党委/自治区,
///    省委/省, 市委/市, 县, 区, 州, 盟, 旗, or a named place such as 河南省), whichever the registry
///    knows; for unknown names a Party committee's prefix goes to …部/办/委 and the place's to the rest.
/// 6. A trailing 等 ("南宁海关等") is dropped when what remains is known; 等 with a collective after it
///    ("海关总署等国务院相关部门", "等有关单位") is dropped, with a note, when what comes before is a name.
/// 7. An item splits at 及/以及/和/与 where both sides are names (省科技局及相关行业主管部门), never
///    inside one (发展和改革委员会: 发展 is no name); `、` between two levels (各区、市政府, 省、市有关部门)
///    never splits.
/// 8. A part holding a sentence's words (负责, 落实, 涉及, 不再, 以下, 下同, 均需…) is no name: it is left
///    out and reported (``ResolvedCell/rejected``).
/// 9. Aliases resolve to the canonical name; an unknown name is kept as reconstructed and flagged.
public struct AgencyNameNormaliser: Sendable {
    /// The registry names resolve against.
    public let registry: AgencyRegistry

    /// Creates a normaliser over a registry.
    public init(registry: AgencyRegistry) { self.registry = registry }

    /// Prefixes an `、`-list can share, longest first.
    static let sharedPrefixes = Lexicon.sharedPrefixes
    /// Beginnings that mark an item as a name of its own, never taking a shared prefix.
    static let standalonePrefixes = Lexicon.standalonePrefixes

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
        var rejected: [String] = []
        for group in Self.split(compact, separators: ["，", ",", "；", ";"]) where !group.isEmpty {
            for item in resolveGroup(group, repairs: &repairs) where seen.insert(item.name).inserted {
                if !item.known, Self.isClausePart(item.name) { rejected.append(item.written); continue }
                names.append(item)
            }
        }
        var cell = ResolvedCell(names: names, repairs: repairs)
        cell.rejected = rejected
        return cell
    }

    private func resolveGroup(_ group: String, repairs: inout [String]) -> [ResolvedAgencyName] {
        if registry.knows(group) { return [lookup(group, written: group)] }
        var items = Self.split(group, separators: ["、"]).filter { !$0.isEmpty }
        items = items.flatMap { registry.knows($0) ? [$0] : Self.splittingAtConjunction(Self.droppingCollectiveTail($0,
            repairs: &repairs)) }
        if items.count <= 1 { return items.map { resolveItem($0, repairs: &repairs) } }
        items = Self.expandingSharedSuffix(items, knows: registry.knows)
        var out: [ResolvedAgencyName] = [resolveItem(items[0], repairs: &repairs)]
        let prefixes = Self.jurisdictionPrefixes(of: items[0])
        for item in items.dropFirst() {
            if registry.knows(item) || prefixes.isEmpty || Self.isStandalone(item) {
                out.append(resolveItem(item, repairs: &repairs))
                continue
            }
            if let p = prefixes.first(where: { registry.knows($0 + item) || registry.knows(Self.droppingTrailingEtc($0 + item)) }) {
                out.append(resolveItem(p + item, repairs: &repairs))
            } else {
                // Unknown to the registry: a Party organ's prefix (省委) for …部/办/委, else the place's.
                let party = prefixes.first { $0.hasSuffix("委") && !$0.hasSuffix("党委") || $0.hasSuffix("党委") }
                let useParty = party != nil && !Lexicon.departmentEndings.contains(where: { item.hasSuffix($0) })
                out.append(resolveItem((useParty ? party! : prefixes.last!) + item, repairs: &repairs))
            }
        }
        return out
    }

    /// The provincial-level divisions, as names begin with them.
    static let provinces = Lexicon.provinces

    /// Place markers that end a jurisdiction prefix.
    static let placeMarkers = Lexicon.placeMarkers
    /// Words that hold a place marker without naming a place (市场监管局, 城市管理局, 社区).
    static let markerWords = Lexicon.markerWords

    /// The prefixes a list's first item can share with the items after it, longest first:
    /// 自治区党委/自治区, 省委/省, 市委/市, 县委/县…, or a named place (河南省, 包头市, 万宁市).
    static func jurisdictionPrefixes(of first: String) -> [String] {
        for p in sharedPrefixes where first.hasPrefix(p) {
            return sharedPrefixes.filter { first.hasPrefix($0) }
        }
        if markerWords.contains(where: { first.hasPrefix($0) }) { return [] }
        let chars = Array(first)
        // 省委…, 市委…, 县委…, 区委…: the Party committee's prefix and the level's.
        if let f = chars.first, placeMarkers.contains(f) {
            if chars.count > 2, chars[1] == "委" { return [String(chars[0...1]), String(f)] }
            return [String(f)]
        }
        // A named place: up to the first marker within the first six characters (河南省, 包头市).
        guard chars.count >= 3 else { return [] }
        for i in 1..<min(chars.count - 1, 6) where placeMarkers.contains(chars[i]) {
            let word = String(chars[i..<min(chars.count, i + 2)])
            if markerWords.contains(word) { return [] }
            let place = String(chars[0...i])
            if chars[i + 1] == "委" { return [place + "委", place] }
            return [place]
        }
        return []
    }

    /// Words that mark a part of a list as a sentence rather than a name, wherever they stand.
    static let clauseWords = Lexicon.clauseWords
    /// Words of a sentence that names may also hold (贯彻落实…工作领导小组办公室): a part with one is a
    /// sentence only when it is not shaped like a name.
    static let clauseWordsInNames = Lexicon.clauseWordsInNames

    /// Whether a part of a list is a sentence's words rather than a name (rule 8).
    static func isClausePart(_ item: String) -> Bool {
        clauseWords.contains { item.holds($0) }
            || clauseWordsInNames.contains { item.holds($0) } && !AgencyNameShape.looksLikeAgency(item)
    }

    /// Conjunctions that join two names in a list.
    static let conjunctions = Lexicon.conjunctions

    /// An item split at 及/以及/和/与 where both sides are names or collectives, the right side split again
    /// (rule 7); the item whole otherwise.
    static func splittingAtConjunction(_ item: String) -> [String] {
        let chars = Array(item)
        var depth = 0
        for (i, c) in chars.enumerated() {
            if "（(".contains(c) { depth += 1 } else if "）)".contains(c) { depth = max(0, depth - 1) }
            guard depth == 0, i >= 2 else { continue }
            for word in conjunctions where String(chars[i..<min(chars.count, i + word.count)]) == word {
                let left = String(chars[..<i]), right = String(chars[(i + word.count)...])
                // Both sides a name of three characters or more: 中央和国家机关工委 and 有关部门和单位 stay whole.
                if left.count >= 3, right.count >= 3, AgencyNameShape.looksLikeAgency(left),
                AgencyNameShape.looksLikeAgency(right), !isClausePart(left) {
                    return [left] + splittingAtConjunction(right)
                }
            }
        }
        return [item]
    }

    /// Collectives 等 may close a list with (等国务院相关部门, 等有关单位, 等部门).
    static let collectiveTails = Lexicon.collectiveTails

    /// An item without a closing 等 and the collective after it, when what comes before is a name
    /// (rule 6): 海关总署等国务院相关部门 → 海关总署, with a note.
    static func droppingCollectiveTail(_ item: String, repairs: inout [String]) -> String {
        guard let r = item.range(of: "等", options: .backwards) else { return item }
        let head = String(item[..<r.lowerBound]), tail = String(item[r.upperBound...])
        guard head.count >= 2, AgencyNameShape.looksLikeAgency(head),
              tail.isEmpty ? false : collectiveTails.contains(where: { tail.hasSuffix($0) }) && tail.count <= 10 else { return item }
        repairs.append("read '\(item)' as '\(head)' ('等\(tail)' names no agency of its own)")
        return head
    }

    /// Zones whose names are generic (经济开发区): an item with one takes a list's prefix.
    static let genericZones = Lexicon.genericZones

    /// Whether an item is a name of its own that never takes a shared prefix: it begins with a
    /// standalone word (各, 相关, 国家…), names a province, or names a place of its own anywhere
    /// (青岛西海岸新区管委, 济南新旧动能转换起步区管委会, 金融监管总局山东监管局).
    static func isStandalone(_ item: String) -> Bool {
        if standalonePrefixes.contains(where: { item.hasPrefix($0) }) { return true }
        if provinces.contains(where: { item.dropFirst().holds($0) }) { return true }
        let all = Array(item)
        if all.count > 5, !placeMarkers.contains(all[0]) {
            for (i, c) in all.enumerated() where i >= 2 && i + 1 < all.count && placeMarkers.contains(c) {
                let around = String(all[max(0, i - 3)...min(all.count - 1, i + 1)])
                if markerWords.contains(where: { around.contains($0) }) { continue }
                if genericZones.contains(where: { around.contains($0) }) { continue }
                return true
            }
        }
        // A province named without 省 (山东银保监局), a national enterprise (中铁济南局), a customs
        // district (济南海关): names of their own, never under a list's prefix.
        if provinces.contains(where: { item.hasPrefix($0) }) || Lexicon.ownNamePrefixes.contains(where: { item.hasPrefix($0) })
            || Lexicon.ownNameWords.contains(where: { item.holds($0) }) { return true }
        if Lexicon.levelPrefixes.contains(where: { item.hasPrefix($0) }) {
            return !markerWords.contains(where: { item.hasPrefix($0) })
        }
        let chars = Array(item.prefix(5))
        for (i, c) in chars.enumerated() where i > 0 && placeMarkers.contains(c) {
            let word = String(chars[(i - 1)...min(chars.count - 1, i + 1)])
            let zone = String(all[max(0, i - 3)...min(all.count - 1, i + 1)])
            if !markerWords.contains(where: { word.contains($0) }) && !genericZones.contains(where: { zone.contains($0) }) { return true }
        }
        return false
    }

    /// A shared suffix: 北海、钦州、防城港市人民政府 → three city governments; 济南、青岛、烟台市政府 likewise.
    static func expandingSharedSuffix(_ items: [String], knows: (String) -> Bool) -> [String] {
        guard items.count > 1, let last = items.last else { return items }
        var suffix: String?
        for core in Lexicon.governmentCores where last.hasSuffix(core) {
            let before = last.dropLast(core.count)
            if let m = before.last, placeMarkers.contains(m), before.count > 1 { suffix = String(m) + core }
            break
        }
        guard let suffix else { return items }
        let bare = items.dropLast().allSatisfy { !$0.contains("政府") && $0.count <= 5 && !knows($0) && !AgencyNameShape.looksLikeAgency($0) }
        guard bare else { return items }
        let marker = suffix.first!
        let core = suffix.dropFirst()
        return items.enumerated().map { i, item in
            i == items.count - 1 ? item : (item.last == marker ? item + core : item + suffix)
        }
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

    /// Splits on any of the separators outside brackets （）()〔〕【】［］[] and quotes; `、` between two
    /// levels (市、县, 区、市) never splits.
    ///
    /// - Complexity: O(n) in the scalars of the text.
    static func split(_ text: String, separators: Set<Unicode.Scalar>) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        let scalars = Array(text.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            switch c {
            case "（", "(", "〔", "【", "［", "[", "“", "《", "‘": depth += 1
            case "）", ")", "〕", "】", "］", "]", "”", "》", "’": depth = max(0, depth - 1)
            default: break
            }
            if depth == 0, separators.contains(c) {
                // Two levels of one place (各市、县人民政府, 各区、市政府, 省、市有关部门): one name. 市、县 always
                // (各设区市、县人民政府); other levels when the left part is a level alone (各区, 有关区, 省).
                let levels = Lexicon.placeLevels
                let cityCounty = c == "、" && i > 0 && scalars[i - 1] == "市" && i + 1 < scalars.count && scalars[i + 1] == "县"
                let left = String(current)
                let bareLevel = left.unicodeScalars.last.map(levels.contains) == true
                    && Lexicon.levelQualifiers.contains(String(left.dropLast()))
                let twoLevels = cityCounty || c == "、" && bareLevel && i + 1 < scalars.count && levels.contains(scalars[i + 1])
                if !twoLevels {
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
