import RespGraphModel

/// A finding of the importer about one line of a source file.
///
/// Every source row ends up in the graph or in a diagnostic: errors stop an import until a
/// correction resolves them, warnings mark an assumption to verify, notes record routine repairs.
public struct ImportDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Comparable {
        /// The row cannot be trusted; the import fails unless a correction resolves it.
        case error
        /// The row was read with an assumption worth checking.
        case warning
        /// A routine repair (a page number skipped, a wrapped cell joined).
        case note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        /// Orders error before warning before note.
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// How serious it is.
    public var severity: Severity
    /// The file (or source name) it concerns.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// A stable machine-readable code, e.g. `merged-row`, `page-number`, `unknown-agency`.
    public var code: DiagnosticCode
    /// What was found, for an analyst.
    public var message: String
    /// The note of the correction that resolved it, when one did.
    public var resolution: String?
    /// A finer place than the line (`table 2, row 14`), when the format has one.
    public var place: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, file: String, line: Int, code: DiagnosticCode, _ message: String, resolution: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.code = code
        self.message = message
        self.resolution = resolution
    }

    /// Whether it still stops the import: an error no correction resolved.
    public var isBlocking: Bool { severity == .error && resolution == nil }

    /// `file:line: severity: message [code]`, plus the resolution when there is one.
    public var description: String {
        let at = line > 0 ? "\(file):\(line):" : "\(file):"
        var s = "\(at)\(place.map { " (\($0))" } ?? "") \(severity.rawValue): \(message) [\(code.rawValue)]"
        if let r = resolution { s += " — corrected: \(r)" }
        return s
    }
}

/// What a finding is about: a stable code, the same in every output (the `code` column of a
/// diagnostics CSV, `--code` of `respgraph diagnostics`).
public enum DiagnosticCode: String, CaseIterable, Sendable, Comparable {
    /// An item ends with brackets holding only agency names, no role word: read as its responsible units.
    case bareList = "bare-list"
    /// A name holds U+FFFD (bytes its file did not encode validly) or control characters.
    case badCharacters = "bad-characters"
    /// The document states which listed agency leads (排在首位的为牵头单位…); its tasks are read by it.
    case convention = "convention"
    /// An old binary office file or RTF read after LibreOffice converted it.
    case converted = "converted"
    /// A row's direction (方向/目标) cell was lost in extraction and inherited from the row above.
    case directionLost = "direction-lost"
    /// An assignment clause read with an assumption worth checking.
    case doubtfulClause = "doubtful-clause"
    /// A table header names the same field twice.
    case duplicateColumn = "duplicate-column"
    /// Two rows carry the same number.
    case duplicateNumber = "duplicate-number"
    /// A lead or support cell holds only punctuation or spaces.
    case emptyNames = "empty-names"
    /// An item's assignment comes from the clause of the item enclosing it.
    case enclosingAssignment = "enclosing-assignment"
    /// A flattened row has more cells than the header.
    case extraCells = "extra-cells"
    /// No 牵头 named; by the document's convention the first listed agency leads.
    case firstListedLead = "first-listed-lead"
    /// A row number was glued to the text before it.
    case gluedNumber = "glued-number"
    /// A hidden workbook sheet holds a task table; it is not read unless named.
    case hiddenSheet = "hidden-sheet"
    /// A row's indicator (指标) cell was lost in extraction.
    case indicatorLost = "indicator-lost"
    /// A task without its own clause inherits its parent item's assignment.
    case inheritedAssignment = "inherited-assignment"
    /// Two source rows were merged into one.
    case mergedRow = "merged-row"
    /// A task names no lead agency (牵头单位).
    case missingLead = "missing-lead"
    /// A task has no text.
    case missingText = "missing-text"
    /// An agency name was repaired (shared prefix or suffix restored, a wrap joined).
    case nameRepair = "name-repair"
    /// A table row names no agency at all.
    case noAgency = "no-agency"
    /// An item carries no assignment clause and none to inherit.
    case noAssignment = "no-assignment"
    /// A part of an agency list that is not a name (a sentence's words), left out of the graph.
    case notAName = "not-a-name"
    /// A line inside a table that is not a row.
    case notARow = "not-a-row"
    /// Row numbers skip.
    case numberJump = "number-jump"
    /// Row numbers run out of order.
    case numberSequence = "number-sequence"
    /// A page number in the 序号 column or between rows, skipped.
    case pageNumber = "page-number"
    /// Persons named in a clause are not agencies and are left out of the graph.
    case persons = "persons"
    /// A row rebuilt from cells spread over several lines.
    case rebuiltRow = "rebuilt-row"
    /// A PDF's task table whose rows are mostly guesses: refused, or imported when asked (--partial).
    case tableNotRebuilt = "table-not-rebuilt"
    /// A workbook sheet repeats the tasks of another: read once, or both read with a warning.
    case repeatedSheet = "repeated-sheet"
    /// No 牵头 named; the responsible units (责任单位/负责) are read as leads.
    case responsibilityUnits = "responsibility-units"
    /// Plans of different places share a level-only name (省财政厅).
    case sharedLevelName = "shared-level-name"
    /// Two cells read in the wrong order and swapped back.
    case swappedColumns = "swapped-columns"
    /// Text follows an item's assignment clause.
    case textAfterClause = "text-after-clause"
    /// A Word file holds tracked changes; it is read with all of them accepted.
    case trackedChanges = "tracked-changes"
    /// A structure past one of respgraph's stated limits (tables nested too deep, a table of too many
    /// cells, a cell too long): read in part, as the message says.
    case pastLimit = "past-limit"
    /// Names written in traditional characters, matched to their simplified form.
    case traditionalCharacters = "traditional-characters"
    /// An assignment clause opens a bracket it never closes.
    case unclosedClause = "unclosed-clause"
    /// A name the registry does not know.
    case unknownAgency = "unknown-agency"
    /// A row without a number, numbered from its neighbours.
    case unnumbered = "unnumbered"
    /// A 序号 cell that is not a number.
    case unreadableNumber = "unreadable-number"
    /// A cell wrapped onto the next line, joined.
    case wrappedCell = "wrapped-cell"

    /// Orders by the code's text.
    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}
