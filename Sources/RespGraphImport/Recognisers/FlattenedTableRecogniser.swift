import RespGraphModel

/// Reads a document whose task table was flattened out of a PDF into tab-separated lines (the
/// Guangxi texts), from the blocks ``PlainTextReader`` gives line by line: the repairs concern damage
/// that flattening does to lines, so each line is its own block here.
///
/// The task table is found by its header, whatever the column names and order; the header
/// repeated on every page and page markers (— 20 —) are skipped; a page number sitting in the 序号
/// column is recognised from the sequence; rows that lost their 序号 are numbered from it; an
/// unnumbered continuation row inherits its indicator (a merged cell); a 序号 glued into the next
/// cell or shifted into the 指标 column is recovered; cells wrapped with stray spaces are joined.
/// Work points in the body that end with （牵头单位：…；配合单位：…） or （责任单位：…） become tasks
/// of their own level. Rows that cannot be trusted are reported with their line.
public struct FlattenedTableRecogniser: Sendable {
    /// One line of the document as a block gives it: its text, and its cells when it is a table row.
    struct Line {
        var number: Int
        var text: String
        var cells: [String]?
    }

    /// Creates a parser.
    public init() {}

    /// Parses a document's text: reads it line by line into blocks, then recognises them.
    ///
    /// - Parameters:
    ///   - text: the document text, lines separated by LF, CRLF or CR, table cells by tabs.
    ///   - file: the name used in diagnostics.
    ///   - documentID: the id to give the document; by default the year in its title.
    /// - Throws: ``ImportError`` when the text holds neither a task table nor work points.
    /// - Complexity: O(n) in the length of the text.
    public func parse(text: String, file: String, documentID: String? = nil) throws(ImportError) -> ImportedDocument {
        try recognise(PlainTextReader.read(text: text, file: file, lineByLine: true), documentID: documentID)
    }

    /// Recognises the flattened table and the body's work points in a document read line by line.
    public func recognise(_ doc: BlockDocument, documentID: String? = nil) throws(ImportError) -> ImportedDocument {
        let file = doc.file
        var lines: [Line] = []
        for block in doc.blocks {
            switch block {
            case .paragraph(let p): lines.append(Line(number: p.place.line, text: p.text, cells: nil))
            case .table(let t):
                for (row, place) in zip(t.rows, t.rowPlaces) {
                    lines.append(Line(number: place.line, text: row.joined(separator: "\t").trimmed, cells: row))
                }
            }
        }
        let (title, year) = Self.title(of: lines)
        let id = documentID ?? year ?? file.fileStem
        var diagnostics: [ImportDiagnostic] = []
        let headerIndex = lines.firstIndex { $0.cells.map { ColumnMap(header: $0) != nil } ?? false }
        let body = lines[..<(headerIndex ?? lines.count)].map { (line: $0.number, text: $0.text) }
        var rows = WorkPointRecogniser(file: file).parse(lines: body, diagnostics: &diagnostics)
        if let h = headerIndex, let columns = ColumnMap(header: lines[h].cells!) {
            let table = TableReader(file: file, lines: lines, headerIndex: h, columns: columns)
            rows += table.read(diagnostics: &diagnostics)
        } else if rows.isEmpty {
            throw ImportError(file: file,
                              "no task table found: no tab-separated header line names a 牵头单位 (lead) column and a 具体任务/任务举措 (task) "
                                  + "column, and no paragraph names its 牵头单位")
        }
        return ImportedDocument(document: PlanDocument(id: id, title: title ?? file.fileStem), file: file, rows: rows,
                                diagnostics: diagnostics)
    }

    /// The document's title line (e.g. "2024年广西优化营商环境工作要点") and the year it starts with.
    static func title(of lines: [Line]) -> (String?, String?) {
        for line in lines where line.number <= 200 && line.cells == nil {
            let t = TextCleaning.removingWhitespace(line.text)
            guard t.count <= 40, t.count >= 8, let yearEnd = t.firstIndex(of: "年") else { continue }
            let year = t[..<yearEnd]
            guard year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
            if Lexicon.titleEndings.contains(where: { t.hasSuffix($0) }) {
                return (t, String(year))
            }
        }
        return (nil, nil)
    }

}

/// Reads the rows of the task table, in two passes: fields first, then numbers from the sequence.
struct TableReader {
    let file: String
    let lines: [FlattenedTableRecogniser.Line]
    let headerIndex: Int
    let columns: ColumnMap

    /// A row after the first pass: fields assigned, number candidates collected.
    struct PendingRow {
        var line: Int
        var explicit: Int?
        var shifted: Int?
        var glued: Int?
        var gluedRest = ""
        var pageCell: String?
        var indicator = ""
        var direction = ""
        var text = ""
        var deadline = ""
        var lead = ""
        var support = ""
        var indicatorLost = false
        var directionLost = false
        var firm: Int? { shifted ?? glued ?? explicit }
    }

    init(file: String, lines: [FlattenedTableRecogniser.Line], headerIndex: Int, columns: ColumnMap) {
        self.file = file
        self.lines = lines
        self.headerIndex = headerIndex
        self.columns = columns
    }

    /// The table's rows, numbered, with what was repaired said in `diagnostics`.
    func read(diagnostics: inout [ImportDiagnostic]) -> [TaskRow] {
        let pending = pendingRows(knownIndicators: knownIndicators(), diagnostics: &diagnostics)
        return numbered(pending, diagnostics: &diagnostics)
    }

    /// The 序号 can shift into the 指标 column only when that column follows it.
    private var shiftable: Bool { columns[.number] != nil && columns[.indicator] == columns[.number].map { $0 + 1 } }

    /// A line's cells, padded to the header's width.
    private func cells(_ line: FlattenedTableRecogniser.Line) -> [String] {
        var c = line.cells ?? [line.text]
        if c.count < columns.width { c += Array(repeating: "", count: columns.width - c.count) }
        return c
    }

    private func cell(_ field: TaskField, _ c: [String]) -> String { columns.cell(field, in: c) }

    /// Pass 0: the indicators the document names in their own column, to recognise them when shifted.
    private func knownIndicators() -> Set<String> {
        var known = Set<String>()
        for line in lines[(headerIndex + 1)...] where line.cells != nil {
            let c = cells(line)
            let n = cell(.number, c)
            let ind = TextCleaning.joinWrapped(cell(.indicator, c))
            if (n.isEmpty || TextCleaning.isInteger(n)), !ind.isEmpty, !TextCleaning.isInteger(ind) { known.insert(ind) }
        }
        return known
    }

    /// Pass 1: each row's fields and number candidates, up to the table's closing line.
    private func pendingRows(knownIndicators: Set<String>, diagnostics: inout [ImportDiagnostic]) -> [PendingRow] {
        var pending: [PendingRow] = []
        // Whether the current page has 指标 and 序号 swapped (its rows without an indicator continue a merged cell).
        var swappedPage = false
        for raw in lines[(headerIndex + 1)...] {
            let trimmedLine = raw.text
            if trimmedLine.isEmpty || TextCleaning.isPageMarker(trimmedLine) { continue }
            let c = cells(raw)
            if c.allSatisfy(\.isEmpty) { continue }
            let first = c.first { !$0.isEmpty } ?? ""
            if Lexicon.closingLines.begins.contains(where: { first.hasPrefix($0) })
                || Lexicon.closingLines.ends.contains(where: { first.hasSuffix($0) }) { break }
            if ColumnMap(header: c) != nil {
                swappedPage = false
                continue
            }
            if raw.cells == nil {
                diagnostics.append(ImportDiagnostic(.warning, file: file, line: raw.number, code: .notARow,
                    "a line without columns inside the task table was skipped: '\(String(trimmedLine.prefix(40)))'"))
                continue
            }
            if c.count > columns.width {
                diagnostics.append(ImportDiagnostic(.warning, file: file, line: raw.number, code: .extraCells,
                    "the row has \(c.count) cells but the header has \(columns.width)"))
                continue
            }
            if TextCleaning.isPageMarker(c[0]) && c.dropFirst().allSatisfy(\.isEmpty) { continue }
            guard let row = pendingRow(c, line: raw.number, knownIndicators: knownIndicators, swappedPage: &swappedPage,
                                       diagnostics: &diagnostics) else { continue }
            pending.append(row)
        }
        return pending
    }

    /// One row's fields: where its 序号 sits (its own column, shifted into 指标, glued into 改革方向),
    /// which cell was lost, and notes on wrapped and merged cells; nil for a 序号 that is no number.
    private func pendingRow(_ c: [String], line lineNumber: Int, knownIndicators: Set<String>, swappedPage: inout Bool,
                            diagnostics: inout [ImportDiagnostic]) -> PendingRow? {
        var row = PendingRow(line: lineNumber)
        let numberCell = columns[.number].map { c[$0] } ?? ""
        var indicatorCell = cell(.indicator, c)
        var directionCell = cell(.direction, c)
        if shiftable, TextCleaning.isInteger(indicatorCell) {
            // The 序号 sits in the 指标 column.
            row.shifted = Int(indicatorCell)
            if TextCleaning.isInteger(numberCell) {
                row.pageCell = numberCell
                indicatorCell = ""
            } else if !numberCell.isEmpty {
                diagnostics.append(ImportDiagnostic(.note, file: file, line: lineNumber, code: .swappedColumns,
                    "序号 \(indicatorCell) and 指标 '\(numberCell)' are swapped; read as such"))
                indicatorCell = numberCell
                swappedPage = true
            } else {
                indicatorCell = ""
            }
            if (numberCell.isEmpty && !swappedPage) || row.pageCell != nil {
                // One of 指标 and 改革方向 was lost: decide which from what the next cell holds.
                let x = TextCleaning.joinWrapped(directionCell)
                if x.isEmpty || knownIndicators.contains(x) {
                    indicatorCell = x
                    directionCell = ""
                    row.directionLost = true
                } else {
                    row.indicatorLost = true
                }
            }
        } else {
            if TextCleaning.isInteger(numberCell) { row.explicit = Int(numberCell) }
            else if !numberCell.isEmpty {
                diagnostics.append(ImportDiagnostic(.warning, file: file, line: lineNumber, code: .unreadableNumber,
                    "the 序号 cell '\(numberCell)' is not a number and no number was found elsewhere in the row"))
                return nil
            }
            if let g = Self.leadingNumber(directionCell) {
                row.glued = g.number
                row.gluedRest = g.rest
            }
        }
        row.indicator = TextCleaning.joinWrapped(indicatorCell)
        row.direction = TextCleaning.joinWrapped(directionCell)
        row.text = TextCleaning.joinWrapped(cell(.text, c))
        row.deadline = TextCleaning.removingWhitespace(cell(.deadline, c))
        row.lead = cell(.lead, c)
        row.support = cell(.support, c)
        noteSuspectCells(row, indicatorCell: indicatorCell, directionCell: directionCell, diagnostics: &diagnostics)
        return row
    }

    /// Notes on cells wrapped with stray spaces, warnings on agency cells holding several rows' lists.
    private func noteSuspectCells(_ row: PendingRow, indicatorCell: String, directionCell: String,
                                  diagnostics: inout [ImportDiagnostic]) {
        for (name, value) in [("指标", indicatorCell), ("改革方向", directionCell)] where Self.hasWrapSpace(value) {
            diagnostics.append(ImportDiagnostic(.note, file: file, line: row.line, code: .wrappedCell,
                "\(name) cell wrapped with stray spaces joined: '\(value)' → '\(TextCleaning.joinWrapped(value))'"))
        }
        for (name, value) in [("牵头单位", row.lead), ("配合单位", row.support)] {
            let groups = Self.mergedGroups(value)
            if groups.count > 1 {
                let lists = groups.map { "'\($0)'" }.joined(separator: " | ")
                diagnostics.append(ImportDiagnostic(.warning, file: file, line: row.line, code: .mergedRow,
                    "several rows merged on one line: the \(name) cell holds \(groups.count) separate lists (\(lists))"))
            }
        }
    }

    /// Pass 2: numbers from the sequence, merged cells inherited from the row above.
    private func numbered(_ pending: [PendingRow], diagnostics: inout [ImportDiagnostic]) -> [TaskRow] {
        var out: [TaskRow] = []
        var expected = 1
        var previousIndicator = ""
        var previousDirection = ""
        var seen: [Int: Int] = [:]
        for i in pending.indices {
            var row = pending[i]
            let number = self.number(of: &row, at: i, in: pending, expected: expected, diagnostics: &diagnostics)
            if let first = seen[number] {
                diagnostics.append(ImportDiagnostic(.error, file: file, line: row.line, code: .duplicateNumber,
                    "序号 \(number) is used twice (first on line \(first))"))
            } else {
                seen[number] = row.line
            }
            expected = number + 1
            if row.indicatorLost {
                row.indicator = previousIndicator
                diagnostics.append(ImportDiagnostic(.warning, file: file, line: row.line, code: .indicatorLost,
                    "the 指标 cell is lost (the 序号 sits in the 指标 column); inherited '\(previousIndicator)' from the row above: "
                    + "confirm or correct"))
            } else if row.indicator.isEmpty {
                row.indicator = previousIndicator
            }
            if row.directionLost {
                diagnostics.append(ImportDiagnostic(.warning, file: file, line: row.line, code: .directionLost,
                    "the 改革方向 cell is lost (the 序号 sits in the 指标 column); left empty: confirm or correct"))
            } else if row.direction.isEmpty, row.indicator == previousIndicator {
                row.direction = previousDirection
            }
            previousIndicator = row.indicator
            previousDirection = row.direction
            out.append(TaskRow(level: .table, number: number, label: String(number), indicator: row.indicator,
                               direction: row.direction, text: row.text, deadline: row.deadline.isEmpty ? nil : row.deadline,
                               leadCell: row.lead, supportCell: row.support, sourceLine: row.line))
        }
        return out
    }

    /// The 序号 of row `i`: shifted, glued, written (unless a page number, told by the rows below) or
    /// the next in the sequence; each choice but the plain one is said.
    private func number(of row: inout PendingRow, at i: Int, in pending: [PendingRow], expected: Int,
                        diagnostics: inout [ImportDiagnostic]) -> Int {
        if let s = row.shifted {
            if let p = row.pageCell {
                diagnostics.append(ImportDiagnostic(.note, file: file, line: row.line, code: .pageNumber,
                    "page number \(p) in the 序号 column; 序号 \(s) read from the 指标 column"))
            }
            return s
        }
        if let g = row.glued, row.explicit != expected, g == expected {
            row.direction = TextCleaning.joinWrapped(row.gluedRest)
            diagnostics.append(ImportDiagnostic(.note, file: file, line: row.line, code: .gluedNumber,
                "序号 \(g) was glued into the 改革方向 cell; separated"))
            if let e = row.explicit {
                diagnostics.append(ImportDiagnostic(.note, file: file, line: row.line, code: .pageNumber,
                    "page number \(e) in the 序号 column; the row is 序号 \(g)"))
            }
            return g
        }
        guard let e = row.explicit else {
            diagnostics.append(ImportDiagnostic(.note, file: file, line: row.line, code: .unnumbered,
                "row without 序号; numbered \(expected) from the sequence"))
            return expected
        }
        guard e != expected else { return e }
        guard let (j, f) = nextFirm(after: i, in: pending) else {
            diagnostics.append(ImportDiagnostic(.warning, file: file, line: row.line, code: .numberJump, "序号 jumps from \(expected - 1) "
                + "to \(e)"))
            return e
        }
        let d = j - i
        if f == expected + d {
            diagnostics.append(ImportDiagnostic(.note, file: file, line: row.line, code: .pageNumber,
                "page number \(e) in the 序号 column; numbered \(expected) from the sequence (序号 \(f) follows \(d) rows below)"))
            return expected
        }
        if f == e + d {
            diagnostics.append(ImportDiagnostic(.warning, file: file, line: row.line, code: .numberJump, "序号 jumps from \(expected - 1) "
                + "to \(e)"))
        } else {
            diagnostics.append(ImportDiagnostic(.warning, file: file, line: row.line, code: .numberSequence,
                "序号 \(e) does not follow \(expected - 1), and the rows below do not tell whether it is a page number"))
        }
        return e
    }

    private func nextFirm(after i: Int, in rows: [PendingRow]) -> (Int, Int)? {
        for j in (i + 1)..<rows.count { if let f = rows[j].firm { return (j, f) } }
        return nil
    }

    /// A number at the start of a cell followed by a space ("126 “双随机、一公开”").
    static func leadingNumber(_ cell: String) -> (number: Int, rest: String)? {
        let digits = cell.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        let rest = cell.dropFirst(digits.count)
        guard let next = rest.first, next.isWhitespace, let n = Int(digits) else { return nil }
        let tail = rest.trimmed
        guard let t = tail.first, !(t.isASCII && t.isNumber) else { return nil }
        return (n, tail)
    }

    /// Whether a cell holds a space between two CJK characters.
    static func hasWrapSpace(_ s: String) -> Bool { TextCleaning.joinWrapped(s) != s.trimmed && s.contains { $0.isWhitespace } }

    /// The whitespace-separated pieces of an agency cell when more than one starts a list of its own
    /// (a merged row), else a single piece.
    static func mergedGroups(_ cell: String) -> [String] {
        let pieces = cell.split(whereSeparator: \.isWhitespace).map(String.init)
        guard pieces.count > 1 else { return [cell] }
        var groups: [String] = [pieces[0]]
        for piece in pieces.dropFirst() {
            if AgencyNameNormaliser.standalonePrefixes.contains(where: { piece.hasPrefix($0) }) { groups.append(piece) }
            else { groups[groups.count - 1] += piece }
        }
        return groups
    }
}
