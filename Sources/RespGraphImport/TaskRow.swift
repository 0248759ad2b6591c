import RespGraphModel

/// One task as read from a source, before it enters a graph: its fields as text, its lead and
/// support cells as written, and (once resolved) the canonical agency names.
public struct TaskRow: Sendable, Equatable {
    /// Table row or work point.
    public var level: TaskLevel
    /// The 序号 (or work point position).
    public var number: Int
    /// The label as printed.
    public var label: String
    /// 指标.
    public var indicator: String
    /// 改革方向 or 目标.
    public var direction: String
    /// 具体任务 or 任务举措.
    public var text: String
    /// 完成时限, when given.
    public var deadline: String?
    /// The lead cell as written.
    public var leadCell: String
    /// The support cell as written.
    public var supportCell: String
    /// The 1-based source line.
    public var sourceLine: Int
    /// Canonical lead names, filled by name resolution.
    public var leads: [String] = []
    /// Canonical supporter names, filled by name resolution.
    public var supporters: [String] = []
    /// Whether the document's ordering convention applies: the first agency of the lead cell
    /// leads and the others support (列第一位者为牵头单位).
    public var firstListedLeads = false
    /// Where the row was read, beyond its line, when the format says more than the line
    /// (`table 1, row 3`, `paragraph 7`; kept as text so a national corpus's rows stay small).
    public var place: String?
    /// For a document in traditional characters: each name as read (simplified, for matching) → as
    /// the document spells it, so a name the registry does not know keeps its spelling.
    public var spellings: [String: String] = [:]
    /// The codes of the findings that make this row doubtful (``ReviewMarks``); empty when its reading is certain.
    public var review: [String] = []

    /// Creates a row.
    public init(level: TaskLevel, number: Int, label: String, indicator: String, direction: String, text: String,
                deadline: String?, leadCell: String, supportCell: String, sourceLine: Int) {
        self.level = level
        self.number = number
        self.label = label
        self.indicator = indicator
        self.direction = direction
        self.text = text
        self.deadline = deadline
        self.leadCell = leadCell
        self.supportCell = supportCell
        self.sourceLine = sourceLine
    }

    /// `46` for a table row, `W3` for a work point.
    public var localKey: String { level == .table ? String(number) : "W\(number)" }
}

/// A document as read from one file: its identity, its rows and what the importer found.
public struct ImportedDocument: Sendable {
    /// Id and title.
    public var document: PlanDocument
    /// The file it came from.
    public var file: String
    /// Work points first (in body order), then table rows (in 序号 order).
    public var rows: [TaskRow]
    /// Everything the importer found, resolved or not.
    public var diagnostics: [ImportDiagnostic]

    /// The diagnostics that still stop the import.
    public var blockingDiagnostics: [ImportDiagnostic] { diagnostics.filter(\.isBlocking) }
}

extension ImportedDocument {
    /// An empty document standing in the slot of one a worker has taken out (see ``Slots``).
    static let placeholder = ImportedDocument(document: PlanDocument(id: "", title: ""), file: "", rows: [], diagnostics: [])
}
