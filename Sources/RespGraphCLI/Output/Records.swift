import Foundation
import RespGraphExport
import RespGraphReports
import RespGraphModel

/// The kind of value a field holds: it decides alignment in a terminal and how numbers print.
enum FieldType: Sendable {
    /// Text, left-aligned.
    case text
    /// A whole number, right-aligned.
    case whole
    /// A number shown with up to `digits` decimals (trailing zeros dropped), right-aligned.
    case number(digits: Int)
    /// A number shown with exactly `digits` decimals (centralities), right-aligned.
    case fixed(digits: Int)
    /// A list of words, joined by the separator in a terminal and in CSV, an array in JSON.
    case list(separator: String)
    /// Yes or no.
    case flag
    /// A change, shown with its sign (+3, −2) in a terminal and as a plain number in CSV and JSON.
    case change
}

/// One column of a record set: its header in a terminal, its key in JSON and CSV, its type and unit.
struct Field: Sendable {
    /// The header in a terminal table.
    let title: String
    /// The key in JSON objects and the CSV header (snake_case, stable).
    let key: String
    /// What it holds.
    let type: FieldType
    /// What a number counts (tasks, agencies), shown in the terminal header.
    let unit: String?
    /// The most display columns a cell takes in a terminal (longer cells end in …).
    let maxWidth: Int
    /// Whether a terminal shows it; detail fields are left to JSON and CSV to keep tables narrow.
    let inTerminal: Bool
    /// Its Chinese header where the shared table's word for its key does not fit (from/to of a move).
    let chinese: String?

    init(_ title: String, key: String? = nil, _ type: FieldType = .text, unit: String? = nil, maxWidth: Int = 40, inTerminal: Bool = true,
         zh chinese: String? = nil) {
        self.chinese = chinese
        self.title = title
        self.key = key ?? Field.snakeCase(title)
        self.type = type
        self.unit = unit
        self.maxWidth = maxWidth
        self.inTerminal = inTerminal
    }

    /// Table headers in Chinese, by field key (`--lang zh`); a key without one keeps its English title.
    /// The header in Chinese: its own, else the shared table's for its key, else its English title.
    var chineseTitle: String { chinese ?? Field.chineseTitles[key] ?? title }

    static let chineseTitles: [String: String] = [
        "deadline": "完成时限", "document": "文件", "document_title": "文件名称", "label": "标号", "level": "层级", "number": "序号",
        "source_place": "原文位置",
        "betweenness_rank_after": "中间中心度排名（后）", "betweenness_rank_before": "中间中心度排名（前）", "former_names": "原名称",
        "rank": "排名", "agency": "机构", "kind": "类别", "kind_zh": "类别", "lead": "牵头", "support": "配合", "weighted": "加权负荷",
        "english_name": "英文名", "successor": "现名", "role": "角色", "role_zh": "角色", "task": "任务", "indicator": "指标",
        "direction": "方向", "text": "任务内容", "task_text": "任务内容", "leads": "牵头单位", "supporters": "配合单位",
        "source_line": "原文行", "shared_tasks": "共同任务", "partner_leads": "对方牵头", "agency_leads": "本机构牵头",
        "id": "文件", "title": "标题", "table_tasks": "表格任务", "work_points": "工作要点", "tasks_with_lead": "有牵头",
        "agencies": "机构数", "lead_edges": "牵头关系", "support_edges": "配合关系", "open_findings": "待处理", "open_errors": "错误",
        "open_warnings": "警告", "field": "项目", "value": "内容", "breadth": "广度", "depth": "深度", "check": "检查",
        "detail": "说明", "overloaded": "负荷过重机构", "could_lead": "可改由牵头", "already_co_lead": "已是共同牵头",
        "overloaded_load_before": "调整前负荷", "new_lead_load_before": "对方调整前", "overloaded_load_after": "调整后负荷",
        "new_lead_load_after": "对方调整后", "tasks": "任务数", "task_keys": "任务编号", "supporter": "配合单位",
        "reverse_tasks": "反向任务", "reciprocal": "互为依靠", "supports": "配合次数", "component": "连通分量", "members": "成员",
        "community": "凝聚子群", "core": "k-核", "step": "步", "from": "起点", "to": "终点", "meeting": "会议",
        "lead_tasks": "牵头任务", "support_tasks": "配合任务", "meetings": "会议", "status": "状态", "change": "变化",
        "rank_before": "原排名", "rank_after": "新排名", "shift": "名次变化", "lead_before": "原牵头", "lead_after": "新牵头",
        "support_before": "原配合", "support_after": "新配合", "file": "文件", "line": "行", "severity": "级别", "code": "代码",
        "message": "说明", "resolution": "修正", "degree": "度数", "strength": "强度", "betweenness": "中间中心度",
        "closeness": "接近中心度", "harmonic": "调和接近度", "eigenvector": "特征向量中心度", "pagerank": "PageRank",
        "effective_size": "有效规模", "efficiency": "效率", "constraint": "约束系数", "hierarchy": "等级度",
        "normalized": "标准化", "out_degree": "出度", "in_degree": "入度", "out_strength": "出强度", "in_strength": "入强度",
    ]

    /// `partner leads` → `partner_leads`, `out-degree` → `out_degree`.
    static func snakeCase(_ s: String) -> String {
        String(s.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

}

/// One value in a record.
indirect enum FieldValue: Sendable {
    case text(String)
    case whole(Int)
    case number(Double)
    case list([String])
    case wholes([Int])
    case flag(Bool)
    /// No value: null in JSON, empty in CSV, – or empty in a terminal.
    case missing
    /// Named values, for facts that belong together (JSON only).
    case group([(String, FieldValue)])
    /// A word with a Chinese form (an agency's kind): the English word in JSON, the Chinese one in
    /// tables and CSV asked for with `--lang zh`.
    case term(String, zh: String)

    /// An agency's kind (regional-department, or 自治区部门 in Chinese).
    static func kind(_ kind: AgencyKind) -> FieldValue { .term(kind.rawValue, zh: kind.chineseName) }

    /// Text, or missing when nil or empty.
    static func optional(_ s: String?) -> FieldValue { s.map { $0.isEmpty ? .missing : .text($0) } ?? .missing }
    /// A whole number, or missing when nil.
    static func optional(_ n: Int?) -> FieldValue { n.map(FieldValue.whole) ?? .missing }
    /// A number, or missing when NaN.
    static func measure(_ x: Double) -> FieldValue { x.isNaN ? .missing : .number(x) }

    /// The value in JSON.
    var json: JSONValue {
        switch self {
        case .text(let s): .string(s)
        case .whole(let n): .int(n)
        case .number(let x): .double(x)
        case .list(let l): .array(l.map(JSONValue.string))
        case .wholes(let l): .array(l.map(JSONValue.int))
        case .flag(let b): .bool(b)
        case .missing: .null
        case .group(let members): .object(members.map { ($0.0, $0.1.json) })
        case .term(let en, _): .string(en)
        }
    }

    /// The value in a CSV cell: numbers in full (as in JSON), lists joined, nothing for missing;
    /// `chinese` gives a term its Chinese form.
    func csv(_ type: FieldType, chinese: Bool = false) -> String {
        switch self {
        case .text(let s): s
        case .term(let en, let zh): chinese ? zh : en
        case .whole(let n): String(n)
        case .number(let x): x.isFinite ? JSONValue.number(x) : ""
        case .list(let l): l.joined(separator: type.separator)
        case .wholes(let l): l.map(String.init).joined(separator: type.separator)
        case .flag(let b): b ? "true" : "false"
        case .missing, .group: ""
        }
    }

    /// The value in a terminal cell; `chinese` gives a term its Chinese form.
    func display(_ type: FieldType, chinese: Bool = false) -> String {
        switch (self, type) {
        case (.number(let x), .fixed(let digits)): x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%.\(digits)f", x)
        case (.number(let x), .number(let digits)): formatNumber(x, digits: digits)
        case (.number(let x), _): formatNumber(x)
        case (.flag(let b), _): b ? "yes" : ""
        case (.whole(let n), .change): n > 0 ? "+\(n)" : String(n)
        case (.missing, _): type.isNumber ? "–" : ""
        default: csv(type, chinese: chinese)
        }
    }
}

extension FieldType {
    var separator: String { if case .list(let s) = self { s } else { "、" } }
    var isNumber: Bool { switch self { case .whole, .number, .fixed, .change: true; default: false } }
}

/// Records with the same fields: a table in a terminal, an array of objects in JSON, rows in CSV.
struct RecordSet: Sendable {
    /// The key of the array in JSON.
    let key: String
    /// The caption above the table in a terminal.
    let title: String?
    /// The columns.
    let fields: [Field]
    /// The records, one value per field.
    private(set) var rows: [[FieldValue]] = []
    /// The formats that show it (a wide matrix meant for spreadsheets is JSON and CSV only).
    var formats: Set<OutputFormat> = Set(OutputFormat.allCases)

    init(_ key: String, title: String? = nil, _ fields: [Field]) {
        self.key = key
        self.title = title
        self.fields = fields
    }

    /// Appends a record; its values line up with the fields.
    mutating func append(_ values: [FieldValue]) {
        precondition(values.count == fields.count, "record of \(values.count) values for \(fields.count) fields in \(key)")
        rows.append(values)
    }

    var isEmpty: Bool { rows.isEmpty }

    /// The terminal table, headers in English or (`chinese`) in Chinese where a translation is known.
    func textTable(chinese: Bool = false) -> TextTable {
        let shown = fields.indices.filter { fields[$0].inTerminal }
        var table = TextTable(title: title, columns: shown.map { i in
            let f = fields[i]
            let title = chinese ? f.chineseTitle : f.title
            return TextTable.Column(f.unit.map { "\(title) (\($0))" } ?? title, alignRight: f.type.isNumber, maxWidth: f.maxWidth)
        })
        for row in rows { table.append(shown.map { row[$0].display(fields[$0].type, chinese: chinese) }) }
        return table
    }

    var json: JSONValue {
        .array(rows.map { row in .object(zip(fields, row).map { ($0.key, $1.json) }) })
    }

    /// The rows as CSV, the header the fields' keys, or (`chinese`) their Chinese titles with terms in Chinese.
    func csv(chinese: Bool = false) -> String {
        let header = fields.map { chinese ? $0.chineseTitle : $0.key }
        return CSV.format([header] + rows.map { row in zip(row, fields).map { $0.csv($1.type, chinese: chinese) } })
    }
}

/// What a query answers: facts, record sets and notes. One renderer writes it as a terminal table,
/// JSON or CSV, so the three formats cannot drift apart.
struct QueryOutput: Sendable {
    /// Lines printed before the tables in a terminal.
    var heading: [String] = []
    /// Named values (counts, thresholds, parameters): JSON members before the record sets.
    var facts: [(String, FieldValue)] = []
    /// The record sets, in order.
    var sets: [RecordSet] = []
    /// Lines printed after the tables in a terminal; the `notes` array in JSON.
    var footer: [String] = []
    /// The key of the set written for `--format csv` (default: the first).
    var csvSet: String?

    /// The answer in a format; `width` is the terminal's width, when known, for tables; `chinese`
    /// puts the table headers in Chinese; `ambiguousWide` counts East Asian Ambiguous characters as
    /// two columns.
    func rendered(_ format: OutputFormat, width: Int? = nil, chinese: Bool = false, ambiguousWide: Bool = false) -> String {
        switch format {
        case .json:
            var members = facts.map { ($0.0, $0.1.json) }
            members += sets.filter { $0.formats.contains(.json) }.map { ($0.key, $0.json) }
            if !footer.isEmpty { members.append(("notes", .array(footer.map(JSONValue.string)))) }
            return JSONValue.object(members).formatted()
        case .csv:
            let set = csvSet.flatMap { key in sets.first { $0.key == key } } ?? sets.first { $0.formats.contains(.csv) }
            return set?.csv(chinese: chinese) ?? ""
        case .table:
            var parts: [String] = []
            if !heading.isEmpty { parts.append(heading.joined(separator: "\n") + "\n") }
            parts += sets.filter { $0.formats.contains(.table) }.map { $0.textTable(chinese: chinese).rendered(width: width,
                ambiguousWide: ambiguousWide) }
            if !footer.isEmpty { parts.append(footer.joined(separator: "\n") + "\n") }
            return parts.joined(separator: "\n")
        }
    }
}

extension QueryOutput {
    /// One record: its fields as JSON members, one CSV row with a column per field, and field by
    /// field in a terminal.
    static func single(_ values: [(Field, FieldValue)]) -> QueryOutput {
        var row = RecordSet("record", values.map(\.0))
        row.append(values.map(\.1))
        row.formats = [.csv]
        var vertical = RecordSet("fields", [Field("field"), Field("value", maxWidth: 200)])
        for (f, v) in values {
            if case .term = v { vertical.append([.text(f.title), v]) } else { vertical.append([.text(f.title), .text(v.display(f.type))]) }
        }
        vertical.formats = [.table]
        var output = QueryOutput()
        output.facts = values.map { ($0.0.key, $0.1) }
        output.sets = [vertical, row]
        return output
    }
}

/// Number formatting for tables (``NumberStyle/plain(_:digits:)``, one style for tables, reports and diagrams).
func formatNumber(_ x: Double, digits: Int = 2) -> String { NumberStyle.plain(x, digits: digits) }
