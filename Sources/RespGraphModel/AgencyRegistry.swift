import Foundation

/// A problem in an agency registry file: what is wrong and on which line.
public struct RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or source name.
    public var source: String
    /// The 1-based line.
    public var line: Int
    /// What is wrong.
    public var message: String
    /// `source:line: message`.
    public var description: String { "\(source):\(line): \(message)" }
}

/// The curated list of known agencies: canonical names, kinds, aliases, English names and
/// lineage (a renamed or reorganised agency names its successor; the two stay separate agencies).
///
/// It is read from a CSV with the columns `name,kind,english_name,aliases,successor,note`,
/// aliases separated by `|`.
public struct AgencyRegistry: Sendable {
    /// The known agencies, in file order.
    public let agencies: [Agency]
    /// A note per agency (why an alias or a successor is recorded), parallel to ``agencies``.
    public let notes: [String]
    private let indexByName: NameIndex

    /// The CSV header the registry file starts with.
    public static let header = ["name", "kind", "english_name", "aliases", "successor", "note"]

    /// Creates a registry from records, checking that names are unique and successors known.
    public init(agencies: [Agency], notes: [String]? = nil) throws(RegistryError) {
        try self.init(agencies: agencies, notes: notes ?? Array(repeating: "", count: agencies.count),
                      lines: Array(2..<(agencies.count + 2)), source: "registry")
    }

    private init(agencies: [Agency], notes: [String], lines: [Int], source: String) throws(RegistryError) {
        var index = NameIndex(capacity: agencies.count)
        for (i, agency) in agencies.enumerated() {
            for name in [agency.name] + agency.aliases {
                let added = index.insert(name, value: Int32(i))
                if !added.inserted {
                    throw RegistryError(source: source, line: lines[i],
                                        message: "'\(name)' is already listed on line \(lines[Int(added.value)])")
                }
            }
        }
        for (i, agency) in agencies.enumerated() {
            if let s = agency.successor, index[s] == nil {
                throw RegistryError(source: source, line: lines[i], message: "successor '\(s)' of '\(agency.name)' is not in the registry")
            }
        }
        self.agencies = agencies
        self.notes = notes
        self.indexByName = index
    }

    /// Reads a registry CSV.
    ///
    /// - Throws: ``RegistryError`` for malformed CSV, a missing column, an unknown kind, a name listed
    ///   twice or a successor that is not listed.
    public init(csv text: String, source: String) throws(RegistryError) {
        let records: [CSVRecord]
        do { records = try CSV.parse(text) } catch { throw RegistryError(source: source, line: error.line, message: error.message) }
        guard let head = records.first else { throw RegistryError(source: source, line: 1, message: "the registry is empty") }
        var column: [String: Int] = [:]
        for (i, name) in head.fields.enumerated() { column[name.trimmingCharacters(in: .whitespaces)] = i }
        for required in ["name", "kind"] where column[required] == nil {
            throw RegistryError(source: source, line: head.line,
                                message: "missing column '\(required)'; expected \(Self.header.joined(separator: ","))")
        }
        func field(_ r: CSVRecord, _ name: String) -> String {
            guard let i = column[name], i < r.fields.count else { return "" }
            return r.fields[i].trimmingCharacters(in: .whitespaces)
        }
        var agencies: [Agency] = [], notes: [String] = [], lines: [Int] = []
        for r in records.dropFirst() {
            let name = field(r, "name")
            if name.isEmpty { throw RegistryError(source: source, line: r.line, message: "empty agency name") }
            guard let kind = AgencyKind(rawValue: field(r, "kind")) else {
                throw RegistryError(source: source, line: r.line,
                                    message: "unknown kind '\(field(r, "kind"))'; use one "
                                        + "of \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let aliases = field(r, "aliases").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let english = field(r, "english_name")
            let successor = field(r, "successor")
            agencies.append(Agency(name: name, kind: kind, aliases: aliases,
                                   englishName: english.isEmpty ? nil : english,
                                   successor: successor.isEmpty ? nil : successor))
            notes.append(field(r, "note"))
            lines.append(r.line)
        }
        try self.init(agencies: agencies, notes: notes, lines: lines, source: source)
    }

    /// The registry record for a canonical name or alias.
    public func agency(named name: String) -> Agency? {
        indexByName[name].map { agencies[Int($0)] }
    }

    /// The canonical name for a canonical name or alias.
    public func canonicalName(of name: String) -> String? {
        indexByName[name].map { agencies[Int($0)].name }
    }

    /// Whether the registry knows a name (canonical or alias).
    public func knows(_ name: String) -> Bool { indexByName[name] != nil }

    /// The registry index of a canonical name or alias (one lookup, for bulk imports).
    public func index(of name: String) -> Int? { indexByName[name].map { Int($0) } }

    /// The chain of successors of an agency, nearest first (empty when it was never renamed).
    public func successors(of name: String) -> [String] {
        var chain: [String] = []
        var current = canonicalName(of: name) ?? name
        var seen: Set<String> = [current]
        while let next = agency(named: current)?.successor, seen.insert(next).inserted {
            chain.append(next)
            current = next
        }
        return chain
    }

    /// The name an agency goes by at the end of its lineage: itself if it was never renamed.
    public func latestName(of name: String) -> String { successors(of: name).last ?? (canonicalName(of: name) ?? name) }

    /// Every recorded renaming as (predecessor, successor), in file order.
    public var lineage: [(predecessor: String, successor: String)] {
        agencies.compactMap { a in a.successor.map { (a.name, $0) } }
    }

    /// The names the agency `name` replaced directly (自治区大数据发展局 for 自治区数据局), in file order.
    public func predecessors(of name: String) -> [String] { lineage.filter { $0.successor == name }.map(\.predecessor) }

    /// The registry as CSV text, in the format ``init(csv:source:)`` reads.
    public var csvText: String {
        var rows = [Self.header]
        for (a, note) in zip(agencies, notes) {
            rows.append([a.name, a.kind.rawValue, a.englishName ?? "", a.aliases.joined(separator: "|"), a.successor ?? "", note])
        }
        return CSV.format(rows)
    }
}
