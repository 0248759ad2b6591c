import Foundation

/// A document or agency a user named that the graph does not hold, or holds more than once, said
/// with what the user can type instead.
public struct LookupError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, with the names to choose from.
    public let message: String
    /// An error with this message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

extension ResponsibilityGraph {
    /// The document a user names: its id (2024), its 文号 (国发〔2018〕39号) or a unique part of its title (就业).
    public func document(matching query: String) throws(LookupError) -> DocumentID {
        if let d = document(id: query) { return d }
        let matches = documents.indices.filter { documents[$0].title.contains(query) }
        if matches.count == 1, let d = document(id: documents[matches[0]].id) { return d }
        if matches.count > 1 {
            throw LookupError("'\(query)' is in the titles of \(matches.count) documents; say "
                + "which: \(matches.map { documents[$0].id }.joined(separator: ", "))")
        }
        throw LookupError("no document '\(query)'; documents: \(documents.map(\.id).joined(separator: ", "))")
    }

    /// The graph of the documents a user names (``document(matching:)``), or the whole graph when none is named.
    public func filtered(matching queries: [String]) throws(LookupError) -> ResponsibilityGraph {
        if queries.isEmpty { return self }
        var selected = Set<DocumentID>()
        for q in queries { selected.insert(try document(matching: q)) }
        return filtered(documents: selected)
    }

    /// The agency a user names: its canonical name, an alias, or a unique part of a name (数据局).
    /// A part that matches several lists them; one that matches none suggests names sharing its characters.
    public func agency(matching query: String) throws(LookupError) -> AgencyID {
        if let id = agency(named: query) { return id }
        let q = String(query.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        if q.isEmpty { throw LookupError("give an agency name, e.g. 数据局") }
        let matches = agencyIDs.filter { id in self[id].name.contains(q) || self[id].aliases.contains { $0.contains(q) } }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            let wanted = Set(q)
            let scored = agencyIDs.map { id in (id, Set(self[id].name).intersection(wanted).count) }.filter { $0.1 > 0 }
                .sorted { $0.1 > $1.1 || ($0.1 == $1.1 && self[$0.0].name < self[$1.0].name) }
            let hint = scored.prefix(5).map { self[$0.0].name }
            throw LookupError("no agency matches '\(query)'" + (hint.isEmpty ? "" : "; similar names: \(hint.joined(separator: "、"))"))
        }
        let names = matches.map { self[$0].name }.sorted()
        throw LookupError("'\(query)' matches \(matches.count) agencies; say which:\n" + names.map { "  " + $0 }.joined(separator: "\n"))
    }

    /// The tasks, among `tasks` (all when nil), under an indicator whose name holds `part`.
    public func tasks(underIndicator part: String, among tasks: [TaskID]? = nil) -> [TaskID] {
        (tasks ?? taskIDs).filter { self[$0].indicator.contains(part) }
    }
}

/// Which tasks a user selects: by indicator, by words of the text, by an agency they name, by key.
/// Selectors combine: a task must match every one given.
public struct TaskSelection: Sendable {
    /// A part of the indicator's name.
    public var indicator: String?
    /// Words the text or direction holds.
    public var keyword: String?
    /// An agency the task names (lead or support), as a user types it.
    public var agency: String?
    /// Task keys (2024:41, 2024:W3).
    public var keys: [String]?
    /// A selection; nothing given selects every task.
    public init(indicator: String? = nil, keyword: String? = nil, agency: String? = nil, keys: [String]? = nil) {
        (self.indicator, self.keyword, self.agency, self.keys) = (indicator, keyword, agency, keys)
    }
}

extension ResponsibilityGraph {
    /// The indicators the tasks name (of one level, or all), in order of first appearance.
    public func indicators(level: TaskLevel? = nil) -> [String] {
        var seen = Set<String>()
        return tasks.compactMap { ($0.level == level || level == nil) && seen.insert($0.indicator).inserted ? $0.indicator : nil }
    }

    /// The task a user names: its key (2024:46, 2024:W3), or a number alone when one document has it.
    public func task(matching query: String) throws(LookupError) -> TaskID {
        let query = query.trimmingCharacters(in: .whitespaces)
        if let t = task(key: query) { return t }
        if !query.contains(":") {
            let candidates = documents.compactMap { task(key: "\($0.id):\(query)") }
            if candidates.count == 1 { return candidates[0] }
            if candidates.count > 1 {
                let keys = candidates.map { key(of: $0) }.joined(separator: ", ")
                throw LookupError("task \(query) is in several documents; say which: \(keys)")
            }
        }
        throw LookupError("no task '\(query)'; keys look like 2024:46 (table row) or 2024:W3 (work point); "
                          + "documents: \(documents.map(\.id).joined(separator: ", "))")
    }

    /// The tasks a selection picks, in task order; an error names the indicators, the agencies or the
    /// key form when a selector matches nothing.
    public func tasks(matching selection: TaskSelection) throws(LookupError) -> [TaskID] {
        var selected = taskIDs
        if let x = selection.indicator {
            selected = tasks(underIndicator: x, among: selected)
            if selected.isEmpty {
                throw LookupError("no task under an indicator containing '\(x)'; indicators: \(indicators().joined(separator: "、"))")
            }
        }
        if let k = selection.keyword { selected = selected.filter { self[$0].text.contains(k) || self[$0].direction.contains(k) } }
        if let a = selection.agency {
            let id = try agency(matching: a)
            selected = selected.filter { agencies(of: $0).contains(id) }
        }
        if let keys = selection.keys {
            var wanted = Set<TaskID>()
            for key in keys {
                guard let t = task(key: key) else { throw LookupError("no task '\(key)'; keys look like 2024:46 or 2024:W3") }
                wanted.insert(t)
            }
            selected = selected.filter { wanted.contains($0) }
        }
        if selected.isEmpty { throw LookupError("no task matches the selectors") }
        return selected
    }
}
