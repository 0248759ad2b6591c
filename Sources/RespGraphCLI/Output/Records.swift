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
    /// The header in a terminal table, and in CSV asked for in Chinese; declared with the field.
    let title: Bilingual
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

    /// A field titled `title` in English and `chinese` in Chinese; its key is the English title in snake_case unless given.
    init(_ title: String, zh chinese: String, key: String? = nil, _ type: FieldType = .text, unit: String? = nil, maxWidth: Int = 40,
         inTerminal: Bool = true) {
        self.title = Bilingual(chinese, title)
        self.key = key ?? Field.snakeCase(title)
        self.type = type
        self.unit = unit
        self.maxWidth = maxWidth
        self.inTerminal = inTerminal
    }

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
    case term(Bilingual)

    /// An agency's kind (regional-department, or 自治区部门 in Chinese).
    static func kind(_ kind: AgencyKind) -> FieldValue { .term(Bilingual(kind.chineseName, kind.rawValue)) }
    /// A role (lead, or 牵头 in Chinese).
    static func role(_ role: Role) -> FieldValue { .term(Bilingual(role.chineseName, role.name)) }

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
        case .term(let word): .string(word.en)
        }
    }

    /// The value in a CSV cell: numbers in full (as in JSON), lists joined, nothing for missing;
    /// `language` gives a term its form.
    func csv(_ type: FieldType, language: Language = .en) -> String {
        switch self {
        case .text(let s): s
        case .term(let word): word[language]
        case .whole(let n): String(n)
        case .number(let x): x.isFinite ? JSONValue.number(x) : ""
        case .list(let l): l.joined(separator: type.separator)
        case .wholes(let l): l.map(String.init).joined(separator: type.separator)
        case .flag(let b): b ? "true" : "false"
        case .missing, .group: ""
        }
    }

    /// The value in a terminal cell; `language` gives a term its form.
    func display(_ type: FieldType, language: Language = .en) -> String {
        switch (self, type) {
        case (.number(let x), .fixed(let digits)): NumberStyle.fixed(x, digits: digits)
        case (.number(let x), .number(let digits)): formatNumber(x, digits: digits)
        case (.number(let x), _): formatNumber(x)
        case (.flag(let b), _): b ? "yes" : ""
        case (.whole(let n), .change): n > 0 ? "+\(n)" : String(n)
        case (.missing, _): type.isNumber ? "–" : ""
        default: csv(type, language: language)
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
    let title: Bilingual?
    /// The columns.
    let fields: [Field]
    /// The records, one value per field.
    private(set) var rows: [[FieldValue]] = []
    /// The formats that show it (a wide matrix meant for spreadsheets is JSON and CSV only).
    var formats: Set<OutputFormat> = Set(OutputFormat.allCases)

    init(_ key: String, title: Bilingual? = nil, _ fields: [Field]) {
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

    /// The terminal table, headers in `language`.
    func textTable(language: Language = .en) -> TextTable {
        let shown = fields.indices.filter { fields[$0].inTerminal }
        var table = TextTable(title: title?[language], columns: shown.map { i in
            let f = fields[i]
            let title = f.title[language]
            return TextTable.Column(f.unit.map { "\(title) (\($0))" } ?? title, alignRight: f.type.isNumber, maxWidth: f.maxWidth)
        })
        for row in rows { table.append(shown.map { row[$0].display(fields[$0].type, language: language) }) }
        return table
    }

    var json: JSONValue {
        .array(rows.map { row in .object(zip(fields, row).map { ($0.key, $1.json) }) })
    }

    /// The rows as CSV, the header the fields' keys, or (in Chinese) their Chinese titles with terms in Chinese.
    func csv(language: Language = .en) -> String {
        let header = fields.map { language == .zh ? $0.title.zh : $0.key }
        return CSV.format([header] + rows.map { row in zip(row, fields).map { $0.csv($1.type, language: language) } })
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

    /// The answer in a format; `width` is the terminal's width, when known, for tables; `language`
    /// is the tables' and CSV headers'; `ambiguousWide` counts East Asian Ambiguous characters as
    /// two columns.
    func rendered(_ format: OutputFormat, width: Int? = nil, language: Language = .en, ambiguousWide: Bool = false) -> String {
        switch format {
        case .json:
            var members = facts.map { ($0.0, $0.1.json) }
            members += sets.filter { $0.formats.contains(.json) }.map { ($0.key, $0.json) }
            if !footer.isEmpty { members.append(("notes", .array(footer.map(JSONValue.string)))) }
            return JSONValue.object(members).formatted()
        case .csv:
            let set = csvSet.flatMap { key in sets.first { $0.key == key } } ?? sets.first { $0.formats.contains(.csv) }
            return set?.csv(language: language) ?? ""
        case .table:
            var parts: [String] = []
            if !heading.isEmpty { parts.append(heading.joined(separator: "\n") + "\n") }
            parts += sets.filter { $0.formats.contains(.table) }.map { $0.textTable(language: language).rendered(width: width,
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
        var vertical = RecordSet("fields", [Field("field", zh: "项目"), Field("value", zh: "内容", maxWidth: 200)])
        for (f, v) in values {
            if case .term = v { vertical.append([.term(f.title), v]) } else { vertical.append([.term(f.title), .text(v.display(f.type))]) }
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
