/// Indicators (指标) renamed or merged between plans, from a reviewed table (`Graphs/indicators.csv`:
/// `former,current,note`), so that comparing two years matches 开办企业 with 企业开办 the way the
/// agency registry matches renamed agencies.
public struct IndicatorLineage: Sendable {
    /// The current name of each former name.
    public let current: [String: String]
    /// The file it was read from.
    public let source: String

    /// No renamings.
    public init() {
        current = [:]
        source = ""
    }

    /// Reads the table; every row needs a former name, a current name and a note saying why.
    ///
    /// - Throws: ``RegistryError`` naming the file and line of a bad row or a cycle.
    public init(csv text: String, source: String) throws(RegistryError) {
        self.source = source
        let records: [CSVRecord]
        do { records = try CSV.parse(text) } catch { throw RegistryError(source: source, line: error.line, message: error.message) }
        guard let head = records.first else { current = [:]; return }
        let header = head.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard header.starts(with: ["former", "current", "note"]) else {
            throw RegistryError(source: source, line: head.line, message: "expected the columns former,current,note")
        }
        var map: [String: String] = [:]
        for r in records.dropFirst() {
            let f = r.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count >= 3, !f[0].isEmpty, !f[1].isEmpty, !f[2].isEmpty else {
                throw RegistryError(source: source, line: r.line, message: "a row needs a former name, a current name and a note")
            }
            if let other = map[f[0]], other != f[1] {
                throw RegistryError(source: source, line: r.line, message: "\(f[0]) is renamed twice: \(other) and \(f[1])")
            }
            map[f[0]] = f[1]
        }
        // Follow chains (A → B → C) to their end; a cycle is an error.
        var resolved: [String: String] = [:]
        for name in map.keys {
            var seen: Set<String> = [name], end = map[name]!
            while let next = map[end] {
                guard seen.insert(end).inserted else { throw RegistryError(source: source, line: 0,
                                                                           message: "indicator renamings run in a circle through \(name)") }
                end = next
            }
            resolved[name] = end
        }
        current = resolved
    }

    /// The name an indicator goes by now (itself when it was never renamed).
    public func latestName(of indicator: String) -> String { current[indicator] ?? indicator }
}
