/// The fields of a task table, and the header words that name each of them in Chinese
/// documents and in spreadsheets.
enum TaskField: String, CaseIterable, Sendable {
    case document, title, level, number, label, indicator, direction, text, deadline, lead, support, sourceLine = "source_line"

    /// Header words (compared without whitespace, case-insensitively).
    var headerWords: [String] {
        switch self {
        case .document: ["document", "文件", "文档"]
        case .title: ["title", "文件名称", "标题"]
        case .level: ["level", "层级"]
        case .number: ["number", "no", "no.", "序号", "编号"]
        case .label: ["label", "标号"]
        case .indicator: ["indicator", "指标", "指标名称", "一级指标"]
        case .direction: ["direction", "goal", "改革方向", "目标", "工作目标"]
        case .text: ["text", "task", "具体任务", "任务举措", "任务", "工作任务", "主要任务", "任务内容", "工作措施"]
        case .deadline: ["deadline", "完成时限", "时限", "完成时间"]
        case .lead: ["lead", "牵头单位", "牵头部门", "责任单位"]
        case .support: ["support", "配合单位", "配合部门", "协办单位"]
        case .sourceLine: ["source_line", "line", "行号"]
        }
    }

    /// The field a header cell names, if any.
    static func named(_ cell: String) -> TaskField? {
        let key = String(cell.filter { !$0.isWhitespace }).lowercased()
        return allCases.first { $0.headerWords.contains(key) }
    }
}

/// Which column holds which field, read from a header row.
struct ColumnMap: Sendable, Equatable {
    /// Column index of each field present.
    var columns: [TaskField: Int]
    /// The number of columns of the header.
    var width: Int

    /// Reads a header row; nil unless it names a lead column and a task text or direction column.
    init?(header cells: [String]) {
        var columns: [TaskField: Int] = [:]
        for (i, cell) in cells.enumerated() {
            if let f = TaskField.named(cell), columns[f] == nil { columns[f] = i }
        }
        guard columns[.lead] != nil, columns[.text] != nil || columns[.direction] != nil else { return nil }
        self.columns = columns
        self.width = cells.count
    }

    subscript(field: TaskField) -> Int? { columns[field] }

    /// The cell of a field in a row, trimmed; empty when the field or cell is missing.
    func cell(_ field: TaskField, in cells: [String]) -> String {
        guard let i = columns[field], i < cells.count else { return "" }
        return cells[i].trimmed
    }
}
