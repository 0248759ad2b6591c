import RespGraphModel

/// One explicit correction of a damaged source row, kept in `Graphs/corrections.csv`.
public struct Correction: Sendable, Equatable {
    /// A field of a task row that a correction may set.
    public enum Field: String, CaseIterable, Sendable {
        /// The indicator (指标).
        case indicator
        /// The direction or target (方向/目标).
        case direction
        /// The task text (任务).
        case text
        /// The deadline (完成时限).
        case deadline
        /// The lead cell (牵头单位).
        case lead
        /// The support cell (配合单位).
        case support
    }

    /// What a correction does.
    public enum Change: Sendable, Equatable {
        /// Sets a field of the row read from the line(s).
        case set(Field)
        /// Accepts a finding (by its code) as it stands, saying why.
        case accept(DiagnosticCode)
    }

    /// The title of the document it applies to, e.g. 2024年广西优化营商环境工作要点.
    public var document: String
    /// The first and last source line it applies to.
    public var lines: ClosedRange<Int>
    /// The tasks it applies to, by label (`23`, `一（四）`, or a range of table rows `28-34`): the
    /// content anchor that keeps it in place when the source gains or loses lines. Empty: lines only.
    public var tasks: [String] = []
    /// What it does: set a field, or accept a finding.
    public var change: Change
    /// The value read now, which `set` checks before replacing it (empty: not checked).
    public var expected: String
    /// The new value, for `set`.
    public var value: String
    /// Why: what the source shows and where the value comes from. Required.
    public var note: String
    /// The line of the corrections file it was read from.
    public var fileLine: Int
}

/// The corrections file: explicit, reviewed repairs of rows the importer cannot trust.
///
/// A CSV with the columns `document,line,task,action,field,expected,value,note`; `line` is a line
/// number or a range such as `145-151`; `task` (optional) names the task(s) by label — a label such
/// as `一（四）` or a table row `23`, or a range of rows `28-34` — and anchors the correction to them:
/// when the source has moved, it applies where those tasks now are, and when they are gone (or
/// `expected` no longer matches) the error says which correction and why. A `set` replaces a field of the row read from that line and
/// resolves the findings about that field there; an `accept` resolves one finding (by code) as it
/// stands. A correction that matches no row or whose `expected` no longer matches is an error, so
/// corrections cannot silently drift from the source.
public struct Corrections: Sendable {
    /// The corrections, in file order.
    public var entries: [Correction]
    /// The file they were read from.
    public var source: String

    /// The codes a `set` of each field resolves on its line.
    static let resolvedBySet: [Correction.Field: Set<DiagnosticCode>] = [
        .indicator: [.indicatorLost], .direction: [.directionLost], .lead: [.mergedRow, .missingLead], .text: [.missingText],
    ]

    /// No corrections.
    public init() {
        entries = []
        source = ""
    }

    /// Reads a corrections CSV.
    ///
    /// - Throws: ``ImportError`` naming the file and line of a malformed entry.
    public init(csv text: String, source: String) throws(ImportError) {
        self.source = source
        let records: [CSVRecord]
        do { records = try CSV.parse(text) } catch { throw ImportError(file: source, line: error.line, error.message) }
        guard let head = records.first else { entries = []; return }
        var column: [String: Int] = [:]
        for (i, f) in head.fields.enumerated() { column[f.trimmed] = i }
        for required in ["document", "line", "action", "field", "note"] where column[required] == nil {
            throw ImportError(file: source, line: head.line,
                              "missing column '\(required)'; expected document,line,action,field,expected,value,note")
        }
        func field(_ r: CSVRecord, _ name: String) -> String {
            guard let i = column[name], i < r.fields.count else { return "" }
            return r.fields[i]
        }
        var entries: [Correction] = []
        for r in records.dropFirst() {
            let lineText = field(r, "line").trimmed
            let bounds = lineText.split(separator: "-").map { Int($0.trimmed) }
            guard (1...2).contains(bounds.count), let lo = bounds.first ?? nil, let hi = bounds.last ?? nil, lo >= 1, lo <= hi else {
                throw ImportError(file: source, line: r.line, "'\(lineText)' is not a line number or a range such as 145-151")
            }
            let name = field(r, "field").trimmed
            let change: Correction.Change
            switch field(r, "action").trimmed {
            case "set":
                guard let f = Correction.Field(rawValue: name) else {
                    throw ImportError(file: source, line: r.line,
                                      "'\(name)' cannot be set; settable "
                                          + "fields: \(Correction.Field.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                change = .set(f)
            case "accept":
                guard let code = DiagnosticCode(rawValue: name) else {
                    throw ImportError(file: source, line: r.line,
                                      "'\(name)' is not a finding code; "
                                          + "codes: \(DiagnosticCode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                change = .accept(code)
            default:
                throw ImportError(file: source, line: r.line, "unknown action '\(field(r, "action"))'; use set or accept")
            }
            let note = field(r, "note").trimmed
            if note.isEmpty { throw ImportError(file: source, line: r.line, "a correction needs a note saying why") }
            var correction = Correction(document: field(r, "document").trimmed, lines: lo...hi, change: change,
                                        expected: field(r, "expected"), value: field(r, "value"), note: note, fileLine: r.line)
            let task = field(r, "task").trimmed
            if !task.isEmpty {
                let ends = task.split(separator: "-").map { Int($0.trimmed) }
                if ends.count == 2, let a = ends[0], let b = ends[1], a <= b, b - a < 10_000 {
                    correction.tasks = (a...b).map(String.init)
                } else {
                    correction.tasks = [task]
                }
            }
            entries.append(correction)
        }
        self.entries = entries
    }

    /// Applies the corrections for one document to its rows and findings: every `set` first, then
    /// the check that each row has a lead and a text (a row still without one is an error), then
    /// every `accept`.
    ///
    /// - Throws: ``ImportError`` when a correction matches no row or finding, or its `expected` value
    ///   differs from what the source now gives.
    ///
    /// A curated task table (`fromTaskTable`) already carries every `set`; only its acceptances of rows
    /// without a lead or text apply, matched by the rows' source lines, and an acceptance that concerns
    /// the document text alone is skipped.
    /// A document read through the block model (`requiresLeadAndText` false) has its recognisers'
    /// warnings for a task without a lead or text instead: it is imported with them, not refused.
    public func apply(to document: inout ImportedDocument, fromTaskTable: Bool = false,
                      requiresLeadAndText: Bool = true) throws(ImportError) {
        try applySets(to: &document, fromTaskTable: fromTaskTable, requiresLeadAndText: requiresLeadAndText)
        try applyAcceptances(to: &document, fromTaskTable: fromTaskTable)
    }

    /// The first half of ``apply(to:fromTaskTable:requiresLeadAndText:)``: every `set`, then the check
    /// of leads and texts. The importer resolves names between the halves, so an `accept` can resolve
    /// a finding about a name (unknown-agency, not-a-name) too.
    public func applySets(to document: inout ImportedDocument, fromTaskTable: Bool = false,
                          requiresLeadAndText: Bool = true) throws(ImportError) {
        let mine = entries.filter { $0.document == document.document.title }
        for c in mine where !fromTaskTable {
            guard case .set(let field) = c.change else { continue }
            let targets = try targetRows(of: c, in: document)
            for t in targets {
                let current = Self.value(of: field, in: document.rows[t])
                if !c.expected.isEmpty, current != c.expected {
                    throw ImportError(file: source, line: c.fileLine,
                        "the correction for \(document.file) line \(document.rows[t].sourceLine) expects \(field.rawValue) "
                            + "'\(c.expected)' but the source now gives '\(current)'")
                }
                Self.set(field, to: c.value, in: &document.rows[t])
                let codes = Self.resolvedBySet[field] ?? []
                for d in document.diagnostics.indices where document.diagnostics[d].line == document.rows[t].sourceLine
                    && codes.contains(document.diagnostics[d].code) && document.diagnostics[d].resolution == nil {
                    document.diagnostics[d].resolution = c.note
                }
            }
        }
        if requiresLeadAndText { Self.checkRequiredFields(&document) }
    }

    /// The second half of ``apply(to:fromTaskTable:requiresLeadAndText:)``: every `accept`. A task
    /// read from a place finer than a line (a Word or PDF table's row) has only the findings at its
    /// place accepted, not those of every row on its line.
    public func applyAcceptances(to document: inout ImportedDocument, fromTaskTable: Bool = false) throws(ImportError) {
        let mine = entries.filter { $0.document == document.document.title }
        for c in mine {
            guard case .accept(let code) = c.change else { continue }
            var spans: [(lines: ClosedRange<Int>, place: String?)]
            if c.tasks.isEmpty || fromTaskTable {
                spans = [(c.lines, nil)]
            } else {
                spans = try targetRows(of: c, in: document).map { (Self.span(of: $0, in: document), document.rows[$0].place) }
            }
            let matching = document.diagnostics.indices.filter { d in
                let finding = document.diagnostics[d]
                let onSpan = spans.contains { $0.lines.contains(finding.line) && ($0.place == nil || finding.place == $0.place) }
                return finding.code == code && onSpan
            }
            if matching.isEmpty && !fromTaskTable {
                throw ImportError(file: source, line: c.fileLine,
                                  "the correction accepts '\(code.rawValue)' at \(document.file) line \(c.lines), but there is no such "
                                      + "finding")
            }
            for d in matching where document.diagnostics[d].resolution == nil { document.diagnostics[d].resolution = c.note }
        }
    }

    /// The rows a correction applies to: by its task labels when it has them (wherever those rows now
    /// are), else by its lines.
    func targetRows(of c: Correction, in document: ImportedDocument) throws(ImportError) -> [Int] {
        if c.tasks.isEmpty {
            let targets = document.rows.indices.filter { c.lines.contains(document.rows[$0].sourceLine) }
            if targets.isEmpty {
                throw ImportError(file: source, line: c.fileLine, "the correction for \(document.file) line \(c.lines) matches no task row")
            }
            return targets
        }
        var targets: [Int] = []
        for label in c.tasks {
            let found = document.rows.indices.filter { document.rows[$0].label == label }
            guard !found.isEmpty else {
                throw ImportError(file: source, line: c.fileLine,
                    "the correction for \(document.file) task \(label) (line \(c.lines)) no longer matches: the document has no "
                        + "task \(label)")
            }
            // Several tasks with one label (table row and work point): prefer those on the stated lines.
            let onLines = found.filter { c.lines.contains(document.rows[$0].sourceLine) }
            let distance = { (row: Int) in abs(document.rows[row].sourceLine - c.lines.lowerBound) }
            targets += onLines.isEmpty ? [found.min { distance($0) < distance($1) }!] : onLines
        }
        return targets
    }

    /// The source lines a row spans: from its own line to the line before the next row.
    static func span(of row: Int, in document: ImportedDocument) -> ClosedRange<Int> {
        let line = document.rows[row].sourceLine
        let next = document.rows.map(\.sourceLine).filter { $0 > line }.min() ?? Int.max
        return line...max(line, next - 1)
    }

    /// Reports every row without a lead agency or without task text (任务): imported and marked with a
    /// warning until a correction sets the field or accepts the finding (as every reader does; only
    /// --strict refuses it).
    static func checkRequiredFields(_ document: inout ImportedDocument) {
        for row in document.rows {
            if row.leadCell.trimmed.isEmpty {
                document.diagnostics.append(ImportDiagnostic(.warning, file: document.file, line: row.sourceLine, code: .missingLead,
                    "task \(row.label) has no lead agency (牵头单位)"))
            }
            if row.text.trimmed.isEmpty {
                document.diagnostics.append(ImportDiagnostic(.warning, file: document.file, line: row.sourceLine, code: .missingText,
                    "task \(row.label) has no task text (任务)"))
            }
        }
    }

    static func value(of field: Correction.Field, in row: TaskRow) -> String {
        switch field {
        case .indicator: row.indicator
        case .direction: row.direction
        case .text: row.text
        case .deadline: row.deadline ?? ""
        case .lead: row.leadCell
        case .support: row.supportCell
        }
    }

    static func set(_ field: Correction.Field, to value: String, in row: inout TaskRow) {
        switch field {
        case .indicator: row.indicator = value
        case .direction: row.direction = value
        case .text: row.text = value
        case .deadline: row.deadline = value.isEmpty ? nil : value
        case .lead: row.leadCell = value
        case .support: row.supportCell = value
        }
    }
}
