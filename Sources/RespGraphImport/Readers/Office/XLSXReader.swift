/// Reads an Excel workbook (.xlsx, SpreadsheetML) into one table block per sheet: cells through
/// the shared-string table (rich-text runs joined, phonetic runs skipped), inline strings and
/// numbers, merged ranges copied into every cell they cover.
///
/// A row's place is `sheet NAME, row R` with Excel's own row number. Sheets are capped at 256
/// columns; a merged range never extends the sheet beyond the cells it already has.
public enum XLSXReader {
    /// The names of a workbook's sheets, in order.
    public static func sheetNames(_ archive: inout ZipArchive, file: String) throws(ImportError) -> [String] {
        try sheets(&archive, file: file).map(\.name)
    }

    /// (name, part path, hidden) of every sheet.
    static func sheets(_ archive: inout ZipArchive, file: String) throws(ImportError) -> [(name: String, path: String, hidden: Bool)] {
        guard let workbook = try archive.xmlEvents("xl/workbook.xml", file: file) else {
            throw ImportError(file: file, "a ZIP archive without xl/workbook.xml: not an Excel workbook")
        }
        var targets: [String: String] = [:]
        for case .start(let name, let a, _) in try archive.xmlEvents("xl/_rels/workbook.xml.rels",
                                                                     file: file) ?? [] where name == "Relationship" {
            if let id = a["Id"], let t = a["Target"] { targets[id] = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t }
        }
        var out: [(String, String, Bool)] = []
        for case .start(let name, let a, _) in workbook where name == "sheet" {
            let rid = a.first { $0.key.hasSuffix(":id") }?.value
            // state="hidden" or "veryHidden": a sheet Excel does not show.
            if let n = a["name"], let r = rid, let path = targets[r] { out.append((n, path, (a["state"] ?? "visible") != "visible")) }
        }
        return out
    }

    /// The workbook's shared strings (phonetic guides left out), each cut at ``maximumCellCharacters``
    /// once here, not at every cell that refers to it (one long string in 100,000 rows); `cut` counts them.
    static func sharedStrings(_ archive: inout ZipArchive, file: String) throws(ImportError) -> (strings: [String], cut: Int) {
        guard let events = try archive.xmlEvents("xl/sharedStrings.xml", file: file) else { return ([], 0) }
        var shared: [String] = []
        var cutStrings = 0
        var current: String?
        var inText = false, inPhonetic = false
        for e in events {
            switch e {
            case .start(let name, _, let selfClosing):
                if name == "si" { current = "" }
                if name == "t", !selfClosing { inText = true }
                if name == "rPh" { inPhonetic = true }
            case .end(let name):
                if name == "si" {
                    var text = current ?? ""
                    if text.utf8.count > maximumCellCharacters, text.count > maximumCellCharacters {
                        text = String(text.prefix(maximumCellCharacters))
                        cutStrings += 1
                    }
                    shared.append(text)
                    current = nil
                }
                if name == "t" { inText = false }
                if name == "rPh" { inPhonetic = false }
            case .text(let t):
                if inText, !inPhonetic { current? += t }
            }
        }
        return (shared, cutStrings)
    }

    /// Reads the workbook: every sheet Excel shows (a hidden one with a task table is noted), or only
    /// the one named.
    ///
    /// - Throws: ``ImportError`` for a missing workbook part, an unknown sheet name (listing the
    ///   sheets) or refused XML.
    public static func read(_ archive: inout ZipArchive, file: String, sheet: String? = nil) throws(ImportError) -> BlockDocument {
        let all = try sheets(&archive, file: file)
        var chosen = all
        if let s = sheet {
            chosen = all.filter { $0.name == s }
            if chosen.isEmpty { throw ImportError(file: file, "no sheet '\(s)'; sheets: \(all.map(\.name).joined(separator: ", "))") }
        }
        let (shared, cutStrings) = try sharedStrings(&archive, file: file)
        let dateStyles = try archive.xmlEvents("xl/styles.xml", file: file).map(dateStyleIndices) ?? []
        var blocks: [DocumentBlock] = []
        var findings: [ImportDiagnostic] = []
        if cutStrings > 0 {
            findings.append(ImportDiagnostic(.warning, file: file, line: 0, code: .pastLimit,
                "\(cutStrings) shared string(s) hold more than \(maximumCellCharacters) characters (more than Excel's own cells hold); "
                    + "the rest is left out"))
        }
        for (index, s) in chosen.enumerated() {
            guard let events = try archive.xmlEvents(s.path, file: file) else {
                throw ImportError(file: file, "sheet '\(s.name)' is listed but its part \(s.path) is missing")
            }
            var limits: [String] = []
            guard let table = sheetTable(events, shared: shared, dateStyles: dateStyles, name: s.name, index: index + 1,
                                         limits: &limits) else { continue }
            for message in limits { findings.append(ImportDiagnostic(.warning, file: file, line: 0, code: .pastLimit,
                                                                     "sheet \(s.name): \(message)")) }
            // A hidden sheet (an old version, a lookup list) is not what the user sees: read only when named.
            if s.hidden && sheet == nil {
                if TableRecogniser.headerRow(of: table) != nil {
                    findings.append(ImportDiagnostic(.note, file: file, line: 0, code: .hiddenSheet,
                        "sheet \(s.name) is hidden in the workbook and holds a task table (\(table.rows.count) rows); not read "
                            + "(--sheet \(s.name) reads it)"))
                }
                continue
            }
            blocks.append(.table(table))
        }
        var document = BlockDocument(file: file, blocks: blocks, format: "xlsx")
        document.findings = findings + archive.invalidTextFindings(file: file)
        return document
    }

    /// "B3" → (row 3, column 1), 0-based column.
    static func reference(_ ref: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, sawLetter = false
        for c in ref.unicodeScalars {
            if c.value >= 65 && c.value <= 90 { column = column * 26 + Int(c.value - 64); sawLetter = true;
                if column > 20_000 { return nil } }
            else if c.value >= 48 && c.value <= 57 { row = row * 10 + Int(c.value - 48); if row > 2_000_000 { return nil } }
            else { return nil }
        }
        guard sawLetter, row > 0 else { return nil }
        return (row, column - 1)
    }

    static let maximumColumns = 256
    /// A cell holds at most this many characters, as Excel's own cells do; the rest is left out.
    public static let maximumCellCharacters = 32_767
    /// A sheet holds at most this many characters of cell text, merged cells' copies counted (a task
    /// table of a whole country holds a few million); cells past it are left out.
    public static let maximumSheetCharacters = 32 << 20

    /// The cell styles (indices into `cellXfs`) whose number format shows a date.
    static func dateStyleIndices(_ events: [XMLScanner.Event]) -> Set<Int> {
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        var inCellXfs = false
        for e in events {
            switch e {
            case .start(let name, let a, _):
                if name == "numFmt", let id = a["numFmtId"].flatMap({ Int($0) }) { custom[id] = a["formatCode"] ?? "" }
                if name == "cellXfs" { inCellXfs = true }
                if name == "xf", inCellXfs { formats.append(a["numFmtId"].flatMap { Int($0) } ?? 0) }
            case .end(let name):
                if name == "cellXfs" { inCellXfs = false }
            case .text: break
            }
        }
        var out = Set<Int>()
        for (i, id) in formats.enumerated() where isDateFormat(id, custom[id]) { out.insert(i) }
        return out
    }

    /// Whether a number format shows a date: the built-in date formats (14–17, 22, 27–36, 50–58) or a
    /// custom code with y, m-with-d or d outside quotes and brackets.
    static func isDateFormat(_ id: Int, _ code: String?) -> Bool {
        if (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id) { return true }
        guard let code else { return false }
        var plain = ""
        var quoted = false, bracket = false
        for c in code.lowercased() {
            if c == "\"" { quoted.toggle(); continue }
            if c == "[" { bracket = true; continue }
            if c == "]" { bracket = false; continue }
            if !quoted && !bracket { plain.append(c) }
        }
        return plain.contains("y") || plain.contains("d") || plain.contains("年") || plain.contains("日")
    }

    /// An Excel date serial (1900 system) as 2024年12月31日.
    public static func dateText(_ serial: Double) -> String? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        // Serial 60 is the 1900-02-29 Excel assumes; after it, days count from 1899-12-30.
        var days = Int(serial.rounded(.down))
        if days < 60 { days += 1 }
        // Days since 1970-01-01 (1899-12-30 is 25569 days before), then the civil date.
        let z = days - 25569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)年\(month)月\(day)日"
    }

    static func sheetTable(_ events: [XMLScanner.Event], shared: [String], dateStyles: Set<Int> = [], name: String, index: Int,
                           limits: inout [String]) -> TableBlock? {
        var sheet = SheetCells()
        var merges: [(Int, Int, Int, Int)] = []
        var ref: (Int, Int)?
        var type = ""
        var style = 0
        var value = ""
        var inValue = false, inInline = false
        var nextColumn = 0, currentRow = 0
        for e in events {
            switch e {
            case .start(let n, let a, let selfClosing):
                switch n {
                case "row":
                    currentRow = a["r"].flatMap { Int($0) } ?? currentRow + 1
                    nextColumn = 0
                case "c":
                    ref = a["r"].flatMap(reference) ?? (currentRow, nextColumn)
                    type = a["t"] ?? "n"
                    style = a["s"].flatMap { Int($0) } ?? 0
                    value = ""
                case "v": inValue = !selfClosing
                case "is": inInline = true
                case "t": if inInline { inValue = !selfClosing }
                case "mergeCell":
                    let parts = (a["ref"] ?? "").split(separator: ":").map(String.init)
                    if parts.count == 2, let p = reference(parts[0]), let q = reference(parts[1]) {
                        merges.append((min(p.row, q.row), min(p.column, q.column), max(p.row, q.row), max(p.column, q.column)))
                    }
                default: break
                }
            case .text(let t):
                if inValue { value += t }
            case .end(let n):
                switch n {
                case "v", "t": inValue = false
                case "is": inInline = false
                case "c":
                    if let (r, c) = ref, c < maximumColumns {
                        sheet.put(cellText(value, type: type, style: style, shared: shared, dateStyles: dateStyles), row: r, column: c,
                                  cut: type != "s")
                        nextColumn = c + 1
                    }
                    ref = nil
                default: break
                }
            }
        }
        guard !sheet.cells.isEmpty else { return nil }
        sheet.spread(merges)
        limits += sheet.limitsPassed
        return sheet.table(name: name, index: index)
    }

    /// A cell's text as Excel shows it: shared strings looked up, booleans as TRUE/FALSE, dates in
    /// date styles as 年月日, whole numbers without ".0".
    static func cellText(_ value: String, type: String, style: Int, shared: [String], dateStyles: Set<Int>) -> String {
        var text = value
        if type == "s" { text = Int(value.trimmed).flatMap { $0 >= 0 && $0 < shared.count ? shared[$0] : nil } ?? "" }
        if type == "b" { text = value == "1" ? "TRUE" : "FALSE" }
        if type == "n", dateStyles.contains(style), let v = Double(value), let date = dateText(v) { text = date }
        if type == "n", text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// The cells of a sheet by row and column, within the cell and sheet limits.
    struct SheetCells {
        var cells: [Int: [Int: String]] = [:]
        /// Copies of merged cells, by row.
        var inherited: [Int: Set<Int>] = [:]
        /// UTF-8 bytes of cell text so far, merged copies counted.
        var characters = 0
        var cutCell = false, fullSheet = false

        /// Puts a cell's text, cut at ``maximumCellCharacters`` when `cut` (shared strings were cut
        /// where they were read) and left out past ``maximumSheetCharacters``.
        mutating func put(_ value: String, row r: Int, column c: Int, cut: Bool) {
            var text = value
            if cut, text.utf8.count > maximumCellCharacters, text.count > maximumCellCharacters {
                text = String(text.prefix(maximumCellCharacters))
                cutCell = true
            }
            guard !text.isEmpty && !fullSheet else { return }
            if characters + text.utf8.count > maximumSheetCharacters { fullSheet = true } else {
                characters += text.utf8.count
                cells[r, default: [:]][c] = text
            }
        }

        /// Copies each merged range's text into its cells. Bounded work: a merged range fills at most
        /// the rows the sheet has, plus the missing ones of a range under 10,000 rows, and a sheet never
        /// more than 20 million cells (no real sheet comes close).
        mutating func spread(_ merges: [(Int, Int, Int, Int)]) {
            var budget = 20_000_000
            for (r1, c1, r2, c2) in merges {
                let lastColumn = min(c2, maximumColumns - 1)
                guard c1 <= lastColumn, let v = cells[r1]?[c1] else { continue }
                let rows = r2 - r1 < 10_000 ? Array(r1...r2) : cells.keys.filter { (r1...r2).contains($0) }
                for r in rows where budget > 0 && !fullSheet {
                    var row = cells[r] ?? [:]
                    for c in c1...lastColumn where !(r == r1 && c == c1) {
                        if characters + v.utf8.count > maximumSheetCharacters { fullSheet = true; break }
                        characters += v.utf8.count
                        row[c] = v
                        inherited[r, default: []].insert(c)
                    }
                    cells[r] = row
                    budget -= lastColumn - c1 + 1
                }
            }
        }

        /// The limits passed, as the import names them.
        var limitsPassed: [String] {
            (cutCell ? ["a cell holds more than \(maximumCellCharacters) characters (more than Excel's own cells hold); the rest is "
                + "left out"] : [])
            + (fullSheet ? ["more than \(maximumSheetCharacters >> 20) MiB of cell text (merged cells' copies counted); the cells past it "
                + "are left out"]
                         : [])
        }

        /// The sheet as a table block, rows in order, every row as wide as the widest.
        func table(name: String, index: Int) -> TableBlock {
            let rowNumbers = cells.keys.sorted()
            let width = (cells.values.flatMap(\.keys).max() ?? 0) + 1
            let rows = rowNumbers.map { r in (0..<width).map { cells[r]?[$0] ?? "" } }
            let places = rowNumbers.map { BlockPlace(line: 0, table: index, row: $0, sheet: name) }
            return TableBlock(rows: rows, rowPlaces: places, inheritedCells: rowNumbers.map { inherited[$0] ?? [] })
        }
    }
}
