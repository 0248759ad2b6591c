/// Where a task comes from in its document: a row of the task table or a work point in the body.
public enum TaskLevel: String, Sendable, CaseIterable {
    /// A numbered row of the task table (任务清单).
    case table = "table"
    /// A work point in the body that names its own lead and supporting units.
    case workPoint = "work-point"
}

/// A task: one row of a task table or one work point, with its provenance.
public struct PlanTask: Hashable, Sendable {
    /// The document it belongs to.
    public var document: DocumentID
    /// Table row or work point.
    public var level: TaskLevel
    /// The row's 序号, or the work point's position (1-based) in the body.
    public var number: Int
    /// The label as printed: "46" for a row, "一（三）" for a work point.
    public var label: String
    /// 指标: the indicator the task serves (for a work point, its section heading).
    public var indicator: String
    /// 改革方向 or 目标: the direction or goal under the indicator.
    public var direction: String
    /// 具体任务 or 任务举措: what is to be done.
    public var text: String
    /// 完成时限, when the document gives one.
    public var deadline: String?
    /// The 1-based line of the source file the task was read from (0 when the format has no lines).
    public var sourceLine: Int
    /// A finer or other place in the source, when the format gives one: `table 2, row 14`,
    /// `sheet 任务清单, row 9`, `paragraph 37`.
    public var sourcePlace: String?
    /// The codes of the import findings that make the reading of this task doubtful (`rebuilt-row`,
    /// `not-a-name`…): empty when it is certain, so a user checks only the tasks that carry some.
    public var review: [String] = []

    /// Creates a task record.
    public init(document: DocumentID, level: TaskLevel, number: Int, label: String, indicator: String,
                direction: String, text: String, deadline: String? = nil, sourceLine: Int, sourcePlace: String? = nil,
                review: [String] = []) {
        self.document = document
        self.level = level
        self.number = number
        self.label = label
        self.indicator = indicator
        self.direction = direction
        self.text = text
        self.deadline = deadline
        self.sourceLine = sourceLine
        self.sourcePlace = sourcePlace
        self.review = review
    }

    /// The number part of a task key: `46` for a table row, `W3` for the third work point.
    public var localKey: String { level == .table ? String(number) : "W\(number)" }
}
