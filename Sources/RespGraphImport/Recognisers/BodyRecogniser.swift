import RespGraphModel

/// Turns a document's items into tasks: every assignment clause closes a task made of the text
/// before it, so an item with three clauses is three tasks; a numbered item without a clause of its
/// own takes the clause of the nearest enclosing item that has one (flagged); the titles of the
/// enclosing items become the task's indicator and direction.
///
/// Findings: each task records which reading it relied on (ordering convention, responsible units
/// read as leads, a dropped 等有关部门), and every numbered item that carries no assignment at all is
/// named in a note, so nothing is left out without a word.
public struct BodyRecogniser: Sendable {
    /// The file, for diagnostics.
    public let file: String

    /// Creates a recogniser.
    public init(file: String) { self.file = file }

    /// The conventions a document states anywhere in its text, with the place of the first statement.
    public static func convention(in paragraphs: [TextBlock]) -> (AssignmentConvention, BlockPlace)? {
        for p in paragraphs {
            if let c = AssignmentConvention.stated(in: p.text) { return (c, p.place) }
        }
        return nil
    }

    /// The tasks of a document's paragraphs, numbered from `firstNumber`.
    public func tasks(_ paragraphs: [TextBlock], firstNumber: Int = 1, diagnostics: inout [ImportDiagnostic]) -> [TaskRow] {
        let items = ItemRecogniser().items(paragraphs)
        let convention = Self.convention(in: paragraphs)
        if let (c, place) = convention {
            diagnostics.append(diagnostic(.note, place, .convention, c == .firstListedLeads
                ? "the document states that the first listed agency leads (列第一位者为牵头单位); applied to every list that names no 牵头"
                : "the document states that where no lead is named the responsible units lead (责任单位即为牵头单位)"))
        }
        // A document in traditional characters reaches here in simplified form (BlockDocumentParser).
        let clauses = items.map { ClauseFinder.clauses(in: Array($0.text)) }
        let (enclosing, inherits) = Self.inheritedClauses(items, clauses)
        // Each numbered item's title as a heading, computed once for every item below it.
        let headingTitles = items.indices.map { items[$0].numbering != nil ? Self.title(of: items[$0].text, heading: true,
            clauses: clauses[$0]) : "" }
        var rows: [TaskRow] = []
        var number = firstNumber
        for (i, item) in items.enumerated() {
            let (indicator, ancestry) = context(of: i, items, headingTitles: headingTitles)
            let label = labelPath(of: i, items)
            if let q = inherits[i] {
                let clause = clauses[q].last!.clause
                let ownTitle = Self.title(of: item.text, clauses: clauses[i])
                var row = makeRow(number: number, label: label, indicator: indicator, ancestry: ancestry, ownTitle: ownTitle,
                                  segment: item.text, clause: clause, place: item.place, convention: convention?.0,
                                  source: item.text, diagnostics: &diagnostics)
                row.text = ownTitle.isEmpty || !ancestry.isEmpty ? TextCleaning.joinWrapped(Self.stripScores(item.text)) : row.text
                diagnostics.append(diagnostic(.warning, item.place, .inheritedAssignment,
                    "item \(label) names no agency; it takes the assignment of item \(labelPath(of: q, items)) above it "
                        + "(line \(items[q].place.line)): confirm"))
                rows.append(row)
                number += 1
                continue
            }
            if clauses[i].isEmpty {
                if item.numbering != nil && !item.hasNumberedChildren {
                    diagnostics.append(diagnostic(.note, item.place, .noAssignment,
                        "item \(label) ('\(String(Self.stripScores(item.text).prefix(24)))') names no agency and no item above it does; "
                            + "not a task"))
                }
                continue
            }
            if enclosing.contains(i) {
                diagnostics.append(diagnostic(.note, item.place, .enclosingAssignment,
                    "the assignment of item \(label) applies to its items below, which name none of their own; it is not a task itself"))
                continue
            }
            rows += clauseRows(item, found: clauses[i], label: label, context: (indicator, ancestry), firstNumber: number,
                               convention: convention?.0, diagnostics: &diagnostics)
            number = firstNumber + rows.count
        }
        return rows
    }

    /// Items whose clause their numbered items below inherit (`enclosing`), and for each inheriting
    /// item the item whose clause it takes: the nearest above it with one.
    static func inheritedClauses(_ items: [ItemRecogniser.Item], _ clauses: [[ClauseFinder.Found]]) -> (enclosing: Set<Int>,
        inherits: [Int: Int]) {
        var enclosing = Set<Int>()
        var inherits: [Int: Int] = [:]
        for (i, item) in items.enumerated() where item.numbering != nil && clauses[i].isEmpty && !item.hasNumberedChildren {
            var p = item.parent
            while let q = p {
                if !clauses[q].isEmpty { enclosing.insert(q); inherits[i] = q; break }
                p = items[q].parent
            }
        }
        return (enclosing, inherits)
    }

    /// The rows of an item's clauses, one each, numbered from `firstNumber`: the text before each
    /// clause is its task (or after it, for one clause written before its task （A牵头）推进…); text
    /// after the last clause is noted.
    private func clauseRows(_ item: ItemRecogniser.Item, found: [ClauseFinder.Found], label: String,
                            context: (indicator: String, ancestry: [String]),
                            firstNumber: Int, convention: AssignmentConvention?, diagnostics: inout [ImportDiagnostic]) -> [TaskRow] {
        let chars = Array(item.text)
        let ownTitle = Self.title(of: item.text, clauses: found)
        var rows: [TaskRow] = []
        var start = 0
        let leading = found.count == 1 && AssignmentClauseParser.trimSeparators(String(chars[..<found[0].range.lowerBound])).isEmpty
        for (k, f) in found.enumerated() {
            var segment = leading ? String(chars[f.range.upperBound...]) : String(chars[min(start,
                f.range.lowerBound)..<f.range.lowerBound])
            if k == 0, !ownTitle.isEmpty, context.ancestry.isEmpty, segment.hasPrefix(ownTitle) {
                segment = String(segment.dropFirst(ownTitle.count))
            }
            let rowLabel = found.count > 1 ? "\(label)-\(k + 1)" : label
            rows.append(makeRow(number: firstNumber + k, label: rowLabel, indicator: context.indicator, ancestry: context.ancestry,
                                ownTitle: ownTitle, segment: segment, clause: f.clause, place: item.place, convention: convention,
                                source: item.text, diagnostics: &diagnostics))
            start = leading ? chars.count : f.range.upperBound
        }
        let tail = AssignmentClauseParser.trimSeparators(String(chars[min(start, chars.count)...]))
        if tail.count > 8 {
            diagnostics.append(diagnostic(.note, item.place, .textAfterClause,
                "item \(label): text after its last assignment clause is not part of a task: '\(String(tail.prefix(30)))…'"))
        }
        return rows
    }

    private func makeRow(number: Int, label: String, indicator: String, ancestry: [String], ownTitle: String, segment: String,
                         clause: AssignmentClause, place: BlockPlace, convention: AssignmentConvention?, source: String,
                         diagnostics: inout [ImportDiagnostic]) -> TaskRow {
        var direction = ancestry.isEmpty ? ownTitle : ancestry.joined(separator: " / ")
        var text = TextCleaning.joinWrapped(Self.stripScores(AssignmentClauseParser.trimSeparators(segment)))
        if text.isEmpty, ancestry.isEmpty, !ownTitle.isEmpty {
            // A one-sentence item: the sentence is the task, not a title above it.
            text = ownTitle
            direction = ""
        }
        var row = TaskRow(level: .workPoint, number: number, label: label, indicator: indicator, direction: direction,
                          text: text, deadline: clause.deadline, leadCell: clause.leads, supportCell: clause.supporters,
                          sourceLine: place.line)
        if text.isEmpty && direction.isEmpty {
            diagnostics.append(diagnostic(.warning, place, .missingText, "task \(label) has no task text: the clause stands alone"))
        }
        row.place = place.description.isEmpty ? nil : place.description
        report(clause, label: label, place: place, convention: convention, row: &row, diagnostics: &diagnostics)
        return row
    }

    /// The findings a clause carries, and the convention applied to its row.
    func report(_ clause: AssignmentClause, label: String, place: BlockPlace, convention: AssignmentConvention?,
                row: inout TaskRow, diagnostics: inout [ImportDiagnostic]) {
        if clause.bareList {
            diagnostics.append(diagnostic(.note, place, .bareList,
                "task \(label): the brackets at its end hold only agency names, no 牵头/配合/负责; read as its responsible units"))
        }
        if clause.leadsAreResponsible {
            if convention == .firstListedLeads || clause.convention == .firstListedLeads {
                row.firstListedLeads = true
                diagnostics.append(diagnostic(.note, place, .firstListedLead,
                    "task \(label): no 牵头 named; by the document's convention the first listed leads and the others support"))
            } else {
                diagnostics.append(diagnostic(.note, place, .responsibilityUnits,
                    "task \(label): no 牵头 named; the responsible units (责任单位/负责) are read as leads"))
            }
        }
        if clause.leads.isEmpty {
            diagnostics.append(diagnostic(.warning, place, .missingLead, "task \(label) names supporting agencies but no lead"))
        }
        for n in clause.notes { diagnostics.append(diagnostic(.note, place, .nameRepair, "task \(label): \(n)")) }
        for d in clause.doubts { diagnostics.append(diagnostic(.warning, place, .doubtfulClause, "task \(label): \(d)")) }
        if !clause.persons.isEmpty {
            diagnostics.append(diagnostic(.note, place, .persons,
                                          "task \(label): persons named (\(clause.persons.joined(separator: "、"))) are not agencies; left "
                                              + "out of the graph"))
        }
    }

    func diagnostic(_ severity: ImportDiagnostic.Severity, _ place: BlockPlace, _ code: DiagnosticCode,
                    _ message: String) -> ImportDiagnostic {
        var d = ImportDiagnostic(severity, file: file, line: place.line, code: code, message)
        if !place.description.isEmpty { d.place = place.description }
        return d
    }

    /// The indicator (the outermost enclosing title) and the titles between it and the item.
    func context(of i: Int, _ items: [ItemRecogniser.Item], headingTitles: [String]) -> (String, [String]) {
        var titles: [String] = []
        var p = items[i].parent
        while let q = p {
            titles.append(headingTitles[q])
            p = items[q].parent
        }
        titles.reverse()
        guard let first = titles.first else { return ("", []) }
        return (first, Array(titles.dropFirst()).filter { !$0.isEmpty })
    }

    /// The printed numbering of an item and its parents: 二（一）3, or 二（一）¶2 for a paragraph.
    func labelPath(of i: Int, _ items: [ItemRecogniser.Item]) -> String {
        var parts: [String] = []
        var p: Int? = i
        while let q = p {
            if let n = items[q].numbering { parts.append(Self.compactLabel(n)) } else { parts.append("¶\(items[q].paragraphIndex)") }
            p = items[q].parent
        }
        return parts.reversed().joined()
    }

    static func compactLabel(_ n: ItemNumbering) -> String {
        switch n.style {
        case .chineseComma, .arabicDot: n.numeral
        case .chineseParenthesised, .arabicParenthesised: "（\(n.numeral)）"
        case .circled: n.numeral
        case .article, .chapter: n.printed
        }
    }

    /// An item's title: its first sentence when short (up to 。 or ：), without scores and clauses;
    /// for a heading, its whole text when it has no sentence end.
    static func title(of text: String, heading: Bool = false, clauses known: [ClauseFinder.Found]? = nil) -> String {
        let chars = Array(text)
        let clauses = known ?? ClauseFinder.clauses(in: chars)
        var end = chars.count
        if let first = clauses.first { end = first.range.lowerBound }
        if let stop = chars[..<end].firstIndex(where: { $0 == "。" || $0 == "：" || $0 == "；" }) { end = stop }
        else if !heading { return "" }
        let t = stripScores(String(chars[..<end])).trimmed
        return t.count <= 50 ? TextCleaning.joinWrapped(t) : ""
    }

    /// Removes scores written in brackets: （3分）, (0.5分).
    static func stripScores(_ text: String) -> String {
        var chars = Array(text)
        var i = 0
        while i < chars.count {
            // A score is short: its closing bracket is looked for within 8 characters only (a search to
            // the end from every open bracket made a page of brackets quadratic).
            if chars[i] == "（" || chars[i] == "(",
               let close = chars[i..<min(chars.count, i + 9)].firstIndex(where: { $0 == "）" || $0 == ")" }) {
                let inner = String(chars[(i + 1)..<close])
                if AssignmentClauseParser.isScore(inner) {
                    chars.removeSubrange(i...close)
                    continue
                }
            }
            i += 1
        }
        return String(chars)
    }
}
