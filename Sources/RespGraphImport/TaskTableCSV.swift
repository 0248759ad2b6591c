import RespGraphModel

/// The curated task-table format: one CSV row per task, plain UTF-8, that opens in a spreadsheet.
///
/// Columns: `document,title,level,number,label,indicator,direction,text,deadline,lead,support,source_line`,
/// `source_place` when a task was read from a table row, a sheet or a paragraph of a file whose
/// lines say little (Word, Excel, a web page), and `review`: the codes of the findings that make the
/// row doubtful (``ReviewMarks``), separated by spaces, empty when its reading is certain.
/// Lead and support hold canonical agency names separated by `，`. When reading, any header the
/// documents use works too (序号, 指标, 任务举措, 牵头单位, 配合单位…), and lead and support cells are read
/// with the same name rules as the documents ("自治区公安厅、民政厅" is two agencies), so an office can
/// keep its own list in a spreadsheet.
public enum TaskTableCSV {
    /// The header the curated tables are written with.
    public static let header = ["document", "title", "level", "number", "label", "indicator", "direction", "text",
                                "deadline", "lead", "support", "source_line"]

    /// Writes documents as one curated table, rows in document then row order.
    public static func format(_ documents: [ImportedDocument]) -> String {
        let places = documents.contains { $0.rows.contains { $0.place != nil } }
        var rows = [(places ? header + ["source_place"] : header) + ["review"]]
        for d in documents {
            for r in d.rows {
                var row = [d.document.id, d.document.title, r.level.rawValue, String(r.number), r.label, r.indicator,
                           r.direction, r.text, r.deadline ?? "", r.leads.joined(separator: "，"),
                           r.supporters.joined(separator: "，"), String(r.sourceLine)]
                if places { row.append(r.place ?? "") }
                row.append(r.review.joined(separator: " "))
                rows.append(row)
            }
        }
        return CSV.format(rows)
    }

    /// Writes a graph back as a curated table: the tasks in graph order with their canonical names.
    /// Reading it back gives the same graph (documents, agencies, tasks and edges).
    public static func format(graph: ResponsibilityGraph) -> String { CSV.format(records(graph: graph)) }

    /// The rows of ``format(graph:)``, header first: for writers of other table formats (.xlsx).
    public static func records(graph: ResponsibilityGraph) -> [[String]] {
        let places = graph.taskIDs.contains { graph[$0].sourcePlace != nil }
        var rows = [(places ? header + ["source_place"] : header) + ["review"]]
        for t in graph.taskIDs {
            let x = graph[t]
            let doc = graph.documents[x.document.index]
            var row = [doc.id, doc.title, x.level.rawValue, String(x.number), x.label, x.indicator, x.direction, x.text,
                       x.deadline ?? "", graph.agencies(of: t, role: .lead).map { graph[$0].name }.joined(separator: "，"),
                       graph.agencies(of: t, role: .support).map { graph[$0].name }.joined(separator: "，"), String(x.sourceLine)]
            if places { row.append(x.sourcePlace ?? "") }
            row.append(x.review.joined(separator: " "))
            rows.append(row)
        }
        return rows
    }

    /// Reads a task table; rows are grouped into documents by the `document` column.
    ///
    /// - Parameters:
    ///   - defaultDocumentID: the document of rows that have no `document` column (default: the file's name).
    /// - Throws: ``ImportError`` for malformed CSV (an unbalanced quote), a missing header, or a
    ///   number that is not an integer, naming the line.
    public static func read(csv text: String, file: String, defaultDocumentID: String? = nil) throws(ImportError) -> [ImportedDocument] {
        // Rows are built as the CSV is read, so a national table's records are never all held at once.
        var reading = Reading(file: file, fallbackID: defaultDocumentID ?? file.fileStem)
        var header: (columns: ColumnMap, line: Int)?
        var failure: ImportError?
        do {
            try CSV.parse(text) { r in
                do throws(ImportError) {
                    if let (columns, _) = header { try reading.add(r, columns) } else { header = (try columns(of: r, file: file), r.line) }
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
        } catch { throw ImportError(file: file, line: error.line, error.message) }
        if let failure { throw failure }
        guard let head = header else { throw ImportError(file: file, line: 1, "the file is empty") }
        if reading.documents.isEmpty { throw ImportError(file: file, line: head.line, "the table has a header but no rows") }
        return reading.documents
    }

    /// The columns a header names; an error when it names no lead or task column, or one twice.
    static func columns(of head: CSVRecord, file: String) throws(ImportError) -> ColumnMap {
        guard let columns = ColumnMap(header: head.fields) else {
            throw ImportError(file: file, line: head.line,
                              "no task table header: the first row must name a lead column (lead or 牵头单位) and a task column "
                              + "(text, 任务 or 任务举措); found \(head.fields.joined(separator: ","))")
        }
        if let c = columns.conflicts.first {
            throw ImportError(file: file, line: head.line,
                              "the header names the \(c.field.rawValue) column twice: '\(head.fields[c.first])' (column \(c.first + 1)) "
                                  + "and "
                              + "'\(head.fields[c.second])' (column \(c.second + 1)); rename or remove one")
        }
        return columns
    }

    /// The documents read so far, and what the next row is checked against.
    private struct Reading {
        let file: String
        /// The document of rows without a `document` column.
        let fallbackID: String
        var documents: [ImportedDocument] = []
        var indexByID: [String: Int] = [:]
        var lastID = "", lastIndex = -1
        /// The line of each (document, level, number) seen.
        var seen: [Int64: Int] = [:]
        var previousIndicator = ""

        init(file: String, fallbackID: String) {
            self.file = file
            self.fallbackID = fallbackID
        }

        /// The index of document `id`, added at its first row.
        mutating func document(_ id: String, title: String) -> Int {
            if id.utf8.elementsEqual(lastID.utf8) { return lastIndex }
            if indexByID[id] == nil {
                indexByID[id] = documents.count
                documents.append(ImportedDocument(document: PlanDocument(id: id, title: title), file: file, rows: [], diagnostics: []))
            }
            lastID = id
            lastIndex = indexByID[id]!
            return lastIndex
        }

        /// Adds a row; a task listed twice is an error finding, not a row.
        mutating func add(_ r: CSVRecord, _ columns: ColumnMap) throws(ImportError) {
            let c = r.fields
            if c.count > columns.width {
                throw ImportError(file: file, line: r.line, "the row has \(c.count) fields but the header has \(columns.width)")
            }
            let id = columns.cell(.document, in: c).isEmpty ? fallbackID : columns.cell(.document, in: c)
            let d = document(id, title: columns.cell(.title, in: c).isEmpty ? id : columns.cell(.title, in: c))
            let levelText = columns.cell(.level, in: c)
            guard let level = levelText.isEmpty ? .table : TaskLevel(rawValue: levelText) else {
                throw ImportError(file: file, line: r.line, "unknown level '\(levelText)'; use table or work-point")
            }
            let numberText = columns.cell(.number, in: c)
            let number: Int
            if numberText.isEmpty {
                number = documents[d].rows.filter { $0.level == level }.count + 1
            } else if let n = Int(numberText), n >= 0 {
                number = n
            } else {
                throw ImportError(file: file, line: r.line, "the number '\(numberText)' is not a whole number")
            }
            let key = Int64(d) << 40 | Int64(level == .table ? 0 : 1) << 39 | Int64(number & 0x7F_FFFF_FFFF)
            if let first = seen[key] {
                documents[d].diagnostics.append(ImportDiagnostic(.error, file: file, line: r.line, code: .duplicateNumber,
                    "task \(id):\(level == .table ? "" : "W")\(number) is listed twice (first on line \(first))"))
                return
            }
            seen[key] = r.line
            var indicator = columns.cell(.indicator, in: c)
            if indicator.isEmpty { indicator = previousIndicator }
            previousIndicator = indicator
            documents[d].rows.append(Self.row(c, r.line, columns, level: level, number: number, indicator: indicator))
        }

        /// The task row of a record's fields.
        static func row(_ c: [String], _ line: Int, _ columns: ColumnMap, level: TaskLevel, number: Int, indicator: String) -> TaskRow {
            let label = columns.cell(.label, in: c)
            let deadline = columns.cell(.deadline, in: c)
            var row = TaskRow(level: level, number: number, label: label.isEmpty ? String(number) : label,
                indicator: indicator, direction: columns.cell(.direction, in: c), text: columns.cell(.text, in: c),
                deadline: deadline.isEmpty ? nil : deadline, leadCell: columns.cell(.lead, in: c),
                supportCell: columns.supportCell(in: c), sourceLine: Int(columns.cell(.sourceLine, in: c)) ?? line)
            if columns[.sourcePlace] != nil {
                let place = columns.cell(.sourcePlace, in: c)
                if !place.isEmpty { row.place = place }
            }
            if columns[.review] != nil {
                row.review = columns.cell(.review, in: c).split(separator: " ").map(String.init)
            }
            return row
        }
    }
}
