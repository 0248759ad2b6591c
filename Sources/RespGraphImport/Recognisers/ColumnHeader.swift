/// The fields of a task table, and the header words that name each of them in Chinese
/// documents and in spreadsheets.
enum TaskField: String, CaseIterable, Sendable {
    case document, title, level, number, label, indicator, direction, text, deadline, lead, support, responsible, person,
    sourceLine = "source_line", sourcePlace = "source_place",
         review

    /// Header words (compared without whitespace, case-insensitively).
    var headerWords: [String] {
        switch self {
        case .document: ["document", "文件", "文档"]
        case .title: ["title", "文件名称", "标题"]
        case .level: ["level", "层级"]
        case .number: ["number", "no", "no."] + Lexicon.numberHeaders
        case .label: ["label", "标号"]
        case .indicator: ["indicator"] + Lexicon.indicatorHeaders
        case .direction: ["direction", "goal"] + Lexicon.directionHeaders
        case .text: ["text", "task"] + Lexicon.taskHeaders
        case .deadline: ["deadline", "截止时间"] + Lexicon.labels(of: .deadline)
        case .lead: ["lead"] + Lexicon.labels(of: .lead)
        case .support: ["support"] + Lexicon.labels(of: .support)
        case .responsible: Lexicon.labels(of: .responsible)
        case .person: Lexicon.labels(of: .person)
        case .sourceLine: ["source_line", "line", "行号"]
        case .sourcePlace: ["source_place", "place", "出处"]
        case .review: ["review", "复核"]
        }
    }

    /// The field's place among ``allCases``: the slot of its column in a ``ColumnMap``.
    var ordinal: Int {
        switch self {
        case .document: 0
        case .title: 1
        case .level: 2
        case .number: 3
        case .label: 4
        case .indicator: 5
        case .direction: 6
        case .text: 7
        case .deadline: 8
        case .lead: 9
        case .support: 10
        case .responsible: 11
        case .person: 12
        case .sourceLine: 13
        case .sourcePlace: 14
        case .review: 15
        }
    }

    /// Each header word's field (the first field that lists it), built once.
    static let fieldOfWord: [String: TaskField] = {
        var map: [String: TaskField] = [:]
        for field in allCases { for word in field.headerWords where map[word] == nil { map[word] = field } }
        return map
    }()

    /// The field a header cell names, if any.
    static func named(_ cell: String) -> TaskField? {
        fieldOfWord[String(cell.filter { !$0.isWhitespace }).lowercased()]
    }
}

/// Which column holds which field, read from a header row.
struct ColumnMap: Sendable, Equatable {
    static func == (a: ColumnMap,
                    b: ColumnMap) -> Bool { a.slots == b.slots && a.width == b.width && a.leadsAreResponsible == b.leadsAreResponsible }

    /// Column index of each field by ``TaskField/ordinal``, -1 where the field is absent (read once
    /// per cell of a national table, so an array rather than a dictionary).
    private var slots: [Int]
    /// The number of columns of the header.
    var width: Int

    /// Fields the header names twice, with both columns (0-based): never read silently from one.
    var conflicts: [(field: TaskField, first: Int, second: Int)] = []

    /// Whether the lead column is a 责任单位 column (no 牵头 column): its agencies are responsible, not named leads.
    var leadsAreResponsible = false

    /// Reads a header row; nil unless it names a lead (or 责任单位) column and a task text or direction
    /// column. Two task-text columns with no direction column are read as direction, then text. A
    /// 责任单位 column is the lead column when there is no 牵头 column, the support column when there
    /// is one and no 配合 column, and is read into the support cell beside both.
    init?(header cells: [String]) {
        var columns: [TaskField: Int] = [:]
        for (i, cell) in cells.enumerated() {
            guard let f = TaskField.named(cell) else { continue }
            if let first = columns[f] { conflicts.append((f, first, i)) } else { columns[f] = i }
        }
        // Two task columns and no direction column (主要任务 | 具体措施): the broader, left one is the
        // direction and the right one the text, rather than one of them lost.
        if columns[.direction] == nil, let i = conflicts.firstIndex(where: { $0.field == .text }) {
            columns[.direction] = conflicts[i].first
            columns[.text] = conflicts[i].second
            conflicts.remove(at: i)
        }
        if let r = columns[.responsible] {
            if columns[.lead] == nil {
                columns[.lead] = r
                columns[.responsible] = nil
                leadsAreResponsible = true
            } else if columns[.support] == nil {
                columns[.support] = r
                columns[.responsible] = nil
            }
        }
        guard columns[.lead] != nil, columns[.text] != nil || columns[.direction] != nil else { return nil }
        assert(TaskField.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal }, "TaskField.ordinal must follow allCases")
        var slots = [Int](repeating: -1, count: TaskField.allCases.count)
        for (field, i) in columns { slots[field.ordinal] = i }
        self.slots = slots
        self.width = cells.count
    }

    /// The column of a field, if the header names it.
    subscript(field: TaskField) -> Int? {
        let i = slots[field.ordinal]
        return i < 0 ? nil : i
    }

    /// The support cell of a row, with a 责任单位 column beside 牵头 and 配合 columns appended.
    func supportCell(in cells: [String]) -> String {
        let support = cell(.support, in: cells)
        let responsible = cell(.responsible, in: cells)
        if responsible.isEmpty { return support }
        return support.isEmpty ? responsible : support + "，" + responsible
    }

    /// The cell of a field in a row, trimmed; empty when the field or cell is missing.
    func cell(_ field: TaskField, in cells: [String]) -> String {
        let i = slots[field.ordinal]
        guard i >= 0, i < cells.count else { return "" }
        return cells[i].trimmed
    }
}
