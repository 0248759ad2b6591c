import RespGraphModel

/// Reads task tables: any table block whose header row names a lead (or 责任单位) column and a
/// task column, in any order and with any of the header words of ``TaskField``.
///
/// A header repeated after a page break is skipped; a section row (一、全链条优化审批, one text
/// spread over the row or alone in it) becomes the indicator of the rows below; an agency cell that
/// is itself a clause (A牵头，B配合 / 牵头单位：A；配合单位：B) is read with the clause parser; a row
/// that names no agency is reported, never dropped silently.
public struct TableRecogniser: Sendable {
    /// The file, for diagnostics.
    public let file: String

    /// Creates a recogniser.
    public init(file: String) { self.file = file }

    /// Whether a table has a task-table header within its first rows.
    public static func headerRow(of table: TableBlock) -> Int? {
        table.rows.prefix(6).firstIndex { ColumnMap(header: $0) != nil }
    }

    /// A header of two rows (责任单位 spread over 牵头 | 配合 below it): the row below names fields
    /// where the header repeats a merged cell, so its words are taken there. Returns the header cells
    /// and the index of its last row.
    static func combinedHeader(_ table: TableBlock, at h: Int) -> ([String], Int) {
        let top = table.rows[h]
        guard h + 1 < table.rows.count else { return (top, h) }
        let below = table.rows[h + 1]
        var combined = top
        var taken = false
        for i in top.indices where i < below.count {
            let repeated = (i > 0 && top[i] == top[i - 1]) || (i + 1 < top.count && top[i] == top[i + 1])
            if repeated, below[i] != top[i], TaskField.named(below[i]) != nil {
                combined[i] = below[i]
                taken = true
            }
        }
        return taken ? (combined, h + 1) : (top, h)
    }

    /// The tasks of a table, numbered from `firstNumber`; nil when the table is not a task table.
    public func tasks(_ table: TableBlock, tableIndex: Int, firstNumber: Int, convention: AssignmentConvention?,
                      diagnostics: inout [ImportDiagnostic]) -> [TaskRow]? {
        guard let h0 = Self.headerRow(of: table) else { return nil }
        let (headerCells, h) = Self.combinedHeader(table, at: h0)
        guard let columns = ColumnMap(header: headerCells) else { return nil }
        let body = BodyRecogniser(file: file)
        let headerPlace = h < table.rowPlaces.count ? table.rowPlaces[h] : BlockPlace(line: 0, table: tableIndex)
        for c in columns.conflicts {
            diagnostics.append(body.diagnostic(.warning, headerPlace, .duplicateColumn,
                "the header names the \(c.field.rawValue) column twice: '\(headerCells[c.first])' (column \(c.first + 1)) and "
                + "'\(headerCells[c.second])' (column \(c.second + 1)); only the first is read"))
        }
        var rows: [TaskRow] = []
        var indicator = ""
        var previous = (indicator: "", direction: "")
        var number = firstNumber
        for r in (h + 1)..<table.rows.count {
            // Line breaks inside a cell (paragraphs of a Word cell, <br> of a web page): joined in texts;
            // in agency cells they separate names, read below as spaces are.
            let raw = table.rows[r]
            let cells = raw.map { $0.replacingOccurrences(of: "\n", with: "") }
            let place = r < table.rowPlaces.count ? table.rowPlaces[r] : BlockPlace(line: 1, table: tableIndex, row: r + 1)
            let nonEmpty = Set(cells.filter { !$0.trimmed.isEmpty })
            if nonEmpty.isEmpty { continue }
            if ColumnMap(header: cells) != nil { continue }
            if nonEmpty.count == 1 {
                // A section row: one text across the row (merged) or alone in it.
                indicator = Self.sectionIndicator(nonEmpty.first!.trimmed) ?? indicator
                continue
            }
            let numberCell = columns.cell(.number, in: cells)
            var tableIndicator = TextCleaning.joinWrapped(columns.cell(.indicator, in: cells))
            var direction = TextCleaning.joinWrapped(columns.cell(.direction, in: cells))
            // A cell merged down the column is printed once (PDF, flattened tables): carry it down.
            if columns[.indicator] != nil, tableIndicator.isEmpty {
                tableIndicator = previous.indicator
                if columns[.direction] != nil, direction.isEmpty { direction = previous.direction }
            }
            previous = (tableIndicator, direction)
            var deadline = TextCleaning.removingWhitespace(columns.cell(.deadline, in: cells))
            let text = TextCleaning.joinWrapped(columns.cell(.text, in: cells))
            // One cell merged across the direction and text columns is the text, said once.
            if direction == text, columns[.direction] != nil { direction = "" }
            let label = numberCell.isEmpty ? "第\(r + 1)行" : numberCell
            let clause = Self.agencyClause(lead: columns.cell(.lead, in: raw), support: columns.supportCell(in: raw),
                                           leadsAreResponsible: columns.leadsAreResponsible, deadline: &deadline)
            let (leadCell, supportCell) = (clause.leads, clause.supporters)
            var row = TaskRow(level: .table, number: number, label: label,
                              indicator: tableIndicator.isEmpty ? indicator : tableIndicator, direction: direction, text: text,
                              deadline: deadline.isEmpty ? nil : deadline, leadCell: leadCell, supportCell: supportCell,
                              sourceLine: place.line)
            row.place = place.description
            Self.report(&row, clause: clause, label: label, place: place, body: body, convention: convention,
                        rowWarning: table.rowWarnings[r], diagnostics: &diagnostics)
            rows.append(row)
            number += 1
        }
        return rows
    }

    /// The clause of a row's agency cells: a whole clause written in the lead cell (A牵头，B配合), or
    /// two lists cleaned, with role words that only repeat the column's dropped and roles marked
    /// after names (区市场监管局（牵头）) deciding over the column's. A deadline in the clause fills
    /// an empty `deadline`.
    static func agencyClause(lead: String, support: String, leadsAreResponsible: Bool, deadline: inout String) -> AssignmentClause {
        var leadCell = lead
        var supportCell = support
        // One cell merged across the lead and support columns: it is one clause, not two lists.
        if supportCell == leadCell { supportCell = "" }
        var clause = AssignmentClause()
        clause.leadsAreResponsible = leadsAreResponsible
        // An agency cell written as a clause.
        if let parsed = clauseInCell(leadCell), supportCell.isEmpty || parsed.labelled {
            clause = parsed
            leadCell = parsed.leads
            supportCell = [parsed.supporters, supportCell].filter { !$0.isEmpty }.joined(separator: "，")
            if let d = parsed.deadline, deadline.isEmpty { deadline = d }
        } else {
            var notes: [String] = []
            // A role word that only repeats the column's role (市卫健委牵头 under 牵头单位, 市医保局配合
            // under 配合单位) is dropped.
            if let parsed = clauseInCell(leadCell), parsed.supporters.isEmpty, !parsed.leads.isEmpty { leadCell = parsed.leads }
            if let parsed = clauseInCell(supportCell) {
                let names = [parsed.leads, parsed.supporters].filter { !$0.isEmpty }.joined(separator: "，")
                if !names.isEmpty { supportCell = names }
            }
            leadCell = AssignmentClauseParser.cleanList(AssignmentClauseParser.separatingSpacedNames(leadCell), notes: &notes)
            supportCell = AssignmentClauseParser.cleanList(AssignmentClauseParser.separatingSpacedNames(supportCell), notes: &notes)
            clause.notes = notes
            // Roles marked after the names (区市场监管局（牵头）、区司法局) decide over the column's.
            clause.leads = TextCleaning.fullWidthParentheses(leadCell)
            clause.supporters = TextCleaning.fullWidthParentheses(supportCell)
            AssignmentClauseParser.markedLeads(&clause)
            leadCell = clause.leads
            supportCell = clause.supporters
        }
        clause.leads = leadCell
        clause.supporters = supportCell
        return clause
    }

    /// What is doubtful in a table row: no agency, no task text, a row rebuilt from a damaged table,
    /// and what its clause says (``BodyRecogniser/report(_:label:place:convention:row:diagnostics:)``).
    static func report(_ row: inout TaskRow, clause: AssignmentClause, label: String, place: BlockPlace, body: BodyRecogniser,
                       convention: AssignmentConvention?, rowWarning: String?, diagnostics: inout [ImportDiagnostic]) {
        if clause.leads.isEmpty && clause.supporters.isEmpty {
            diagnostics.append(body.diagnostic(.warning, place, .noAgency,
                                               "row \(label) names no agency; imported without lead or support: check the table"))
        } else {
            body.report(clause, label: label, place: place, convention: convention, row: &row, diagnostics: &diagnostics)
        }
        if row.text.isEmpty && row.direction.isEmpty {
            diagnostics.append(body.diagnostic(.warning, place, .missingText, "row \(label) has no task text"))
        }
        if let rowWarning { diagnostics.append(body.diagnostic(.warning, place, .rebuiltRow, rowWarning)) }
    }

    /// The indicator a section row names (its text without the item number); nil for a bare number.
    static func sectionIndicator(_ t: String) -> String? {
        if let n = ItemNumbering.parse(t) { return TextCleaning.joinWrapped(String(n.rest)) }
        return TextCleaning.isInteger(t) ? nil : TextCleaning.joinWrapped(t)
    }

    /// A cell that holds a whole clause (A牵头，B配合), read as one; nil for a plain list of names.
    static func clauseInCell(_ cell: String) -> AssignmentClause? {
        guard Lexicon.clauseInCellWords.contains(where: { cell.holds($0) }) else { return nil }
        return AssignmentClauseParser.parse(cell)
    }
}
