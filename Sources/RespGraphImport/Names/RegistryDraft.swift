import RespGraphModel

/// A draft agency registry of every name found in some documents, for an office to review and
/// pass back with `--registry`: known names with their registry record, unknown ones with the kind
/// their shape gives, their jurisdiction, and suggested aliases where several names look like
/// abbreviations of one body (市发改委 / 市发展改革委 / 市发展和改革委员会).
public struct RegistryDraft: Sendable {
    /// One row of the draft.
    public struct Entry: Sendable, Equatable {
        /// The name proposed as canonical (the longest spelling of the body).
        public var name: String
        /// The kind (from the registry, or inferred).
        public var kind: AgencyKind
        /// English name, from the registry.
        public var englishName: String?
        /// Aliases: the registry's and the suggested abbreviations.
        public var aliases: [String]
        /// Successor, from the registry.
        public var successor: String?
        /// Where the row comes from and what to check.
        public var note: String
        /// The jurisdiction prefix (省, 市, 县, 包头市…), empty for national or unknown.
        public var jurisdiction: String
        /// The number of tasks that name it (any spelling).
        public var tasks: Int
    }

    /// The rows, most-named first, then by name.
    public let entries: [Entry]

    /// Words shortened in agency names, longest first (``Lexicon/abbreviations``).
    static let abbreviations = Lexicon.abbreviations

    /// The key two spellings of one body share: jurisdiction kept, words abbreviated.
    static func key(_ name: String) -> String {
        var k = name
        for (full, short) in abbreviations where k.contains(full) { k = k.replacingOccurrences(of: full, with: short) }
        return k
    }

    /// Builds the draft from imported documents (names already resolved).
    ///
    /// - Complexity: O(E) over the documents' assignments, plus sorting the names.
    public init(documents: [ImportedDocument], registry: AgencyRegistry) {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for d in documents {
            for r in d.rows {
                for name in Set(r.leads + r.supporters) {
                    if counts[name] == nil { order.append(name) }
                    counts[name, default: 0] += 1
                }
            }
        }
        // Group spellings of one body: a known body absorbs the unknown spellings that abbreviate alike.
        var knownByKey: [String: String] = [:]
        for name in order where registry.knows(name) {
            let canonical = registry.canonicalName(of: name) ?? name
            knownByKey[Self.key(canonical)] = canonical
            knownByKey[Self.key(name)] = canonical
        }
        var groups: [String: [String]] = [:]
        var groupOrder: [String] = []
        for name in order {
            let k: String
            if registry.knows(name) { k = "K:" + (registry.canonicalName(of: name) ?? name) }
            else if let canonical = knownByKey[Self.key(name)] { k = "K:" + canonical }
            else { k = "U:" + Self.key(name) }
            if groups[k] == nil { groupOrder.append(k) }
            groups[k, default: []].append(name)
        }
        var entries: [Entry] = []
        for k in groupOrder {
            let names = groups[k]!
            let tasks = names.reduce(0) { $0 + (counts[$1] ?? 0) }
            if let known = names.first(where: registry.knows), let agency = registry.agency(named: known) {
                let suggested = names.filter { !registry.knows($0) }.sorted()
                entries.append(Entry(name: agency.name, kind: agency.kind, englishName: agency.englishName,
                                     aliases: agency.aliases + suggested, successor: agency.successor,
                                     note: suggested.isEmpty ? "in the registry" : "in the registry; suggested "
                                         + "aliases \(suggested.joined(separator: "、")): check they are this body",
                                     jurisdiction: Self.jurisdiction(agency.name), tasks: tasks))
                continue
            }
            let canonical = names.max { ($0.count, $1) < ($1.count, $0) }!
            let aliases = names.filter { $0 != canonical }.sorted()
            let inferred = AgencyKindInference.infer(canonical)
            var note = inferred.map { "kind inferred: \($0.rule)" } ?? "no kind rule fits: set the kind"
            if !aliases.isEmpty { note += "; \(aliases.joined(separator: "、")) read as abbreviations of this body: check" }
            entries.append(Entry(name: canonical, kind: inferred?.kind ?? .unknown, englishName: nil, aliases: aliases, successor: nil,
                                 note: note, jurisdiction: Self.jurisdiction(canonical), tasks: tasks))
        }
        self.entries = entries.sorted { ($1.tasks, $0.name) < ($0.tasks, $1.name) }
    }

    /// The jurisdiction a name begins with: 自治区, 省, 市, 县… or a named place.
    static func jurisdiction(_ name: String) -> String {
        if AgencyKindInference.infer(name)?.kind == .collective { return "" }
        let prefixes = AgencyNameNormaliser.jurisdictionPrefixes(of: name)
        guard let last = prefixes.last else { return "" }
        return last.hasSuffix("委") && last.count > 1 ? String(last.dropLast()) : last
    }

    /// The draft as a registry CSV (`--registry` reads it; the extra columns are for review).
    public func csv() -> String {
        var rows = [AgencyRegistry.header + ["jurisdiction", "tasks"]]
        for e in entries {
            rows.append([e.name, e.kind.rawValue, e.englishName ?? "", e.aliases.joined(separator: "|"), e.successor ?? "", e.note,
                         e.jurisdiction, String(e.tasks)])
        }
        return CSV.format(rows)
    }
}
