/// Reads plain text into blocks: paragraphs, and tables where lines carry tab- or pipe-separated cells.
///
/// Lines end in LF, CRLF or CR. Blank lines end a paragraph. Page markers (— 20 —, -3-, 第 3 页)
/// are dropped. Text extracted from PDF wraps every paragraph at a fixed width: when most long
/// lines have about the same length, a line that reaches that width and does not end a sentence
/// is joined with the next one (an unnumbered line only), and so is a line that leaves a bracket
/// open (a clause wrapped onto the next line). Lines that hold tabs, or start and end
/// with `|`, form table blocks, one row per line.
public enum PlainTextReader {
    /// The lines of a text, split on LF, CRLF or a lone CR.
    public static func lines(of text: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        var lastWasCR = false
        for s in text.unicodeScalars {
            if s == "\n" {
                if !lastWasCR { out.append(String(current)); current = String.UnicodeScalarView() }
                lastWasCR = false
            } else if s == "\r" {
                out.append(String(current)); current = String.UnicodeScalarView()
                lastWasCR = true
            } else {
                current.append(s)
                lastWasCR = false
            }
        }
        out.append(String(current))
        return out
    }

    /// Reads a text into blocks.
    ///
    /// - Complexity: O(n) in the length of the text.
    /// - Parameter lineByLine: keep every line a block of its own (no joining, no rebuilt tables),
    ///   for recognisers that repair damage line by line (``FlattenedTableRecogniser``).
    public static func read(text: String, file: String, lineByLine: Bool = false) -> BlockDocument {
        let lines = lines(of: text)
        let cellTables = lineByLine ? [:] : rebuiltTables(lines)
        let wrapWidth = lineByLine ? nil : Self.wrapWidth(lines)
        var blocks: [DocumentBlock] = []
        var paragraph: TextBlock?
        var (tableRows, tablePlaces): ([[String]], [BlockPlace]) = ([], [])
        func flushParagraph() {
            if let p = paragraph { blocks.append(.paragraph(p)) }
            paragraph = nil
        }
        func flushTable() {
            if !tableRows.isEmpty { blocks.append(.table(TableBlock(rows: tableRows, rowPlaces: tablePlaces))) }
            tableRows = []
            tablePlaces = []
        }
        var previousLength = 0
        // Brackets the current paragraph leaves open (a clause wrapped onto the next line).
        var openBrackets = 0
        var skipUntil = -1
        for (index, raw) in lines.enumerated() {
            let line = index + 1
            if index < skipUntil { continue }
            if let (table, end) = cellTables[index] {
                flushParagraph()
                flushTable()
                blocks.append(.table(table))
                skipUntil = end
                previousLength = 0
                continue
            }
            let text = raw.trimmed
            if text.isEmpty {
                flushParagraph()
                previousLength = 0
                continue
            }
            if isPageMarker(text) { continue }
            if let cells = tableCells(raw) {
                flushParagraph()
                tableRows.append(cells)
                tablePlaces.append(BlockPlace(line: line))
                continue
            }
            flushTable()
            let wrapped = wrapWidth.map { previousLength >= $0 - 2 && !endsSentence(paragraph?.text ?? "") } ?? false
            if !lineByLine && paragraph != nil && ItemNumbering.parse(text) == nil && (wrapped || openBrackets > 0) {
                paragraph!.text += text
                openBrackets = bracketBalance(text, from: openBrackets)
            } else {
                flushParagraph()
                paragraph = TextBlock(text: text, place: BlockPlace(line: line))
                openBrackets = bracketBalance(text, from: 0)
            }
            previousLength = text.count
        }
        flushParagraph()
        flushTable()
        return BlockDocument(file: file, blocks: blocks, format: "text")
    }

    /// The tables a text writes one cell per line or with its cells run together, by the index of
    /// their first line, with the index past their last.
    static func rebuiltTables(_ lines: [String]) -> [Int: (table: TableBlock, end: Int)] {
        var tables: [Int: (table: TableBlock, end: Int)] = [:]
        for (start, t) in cellPerLineTables(lines) + RunTogetherTable.tables(lines) where tables[start] == nil { tables[start] = t }
        return tables
    }

    /// Tables flattened to one cell per line (a header of one word per line — 序号, 任务, 牵头单位… —
    /// then each row's cells on lines of their own): rebuilt from the header's column count, a row
    /// starting at each line that holds the next 序号. A row with more or fewer lines than columns
    /// keeps its cells in order and is flagged for checking. Keyed by the header's first line index,
    /// with the index after the table's last line.
    static func cellPerLineTables(_ rawLines: [String]) -> [(Int, (TableBlock, Int))] {
        // A cell may end in the separator a copied table left behind (序号 |, 牵头责任单位 |).
        let lines = rawLines.map { line -> String in
            var t = line.trimmed
            if t.hasSuffix("|"), !t.hasPrefix("|") { t.removeLast(); t = t.trimmed }
            return t
        }
        var out: [(Int, (TableBlock, Int))] = []
        var i = 0
        while i < lines.count {
            // A header: consecutive lines that each name a field, ending in a ColumnMap, then a "1".
            var j = i
            var header: [String] = []
            while j < lines.count, lines[j].utf8.count <= 40, let _ = TaskField.named(lines[j].trimmed), header.count < 12 {
                header.append(lines[j].trimmed)
                j += 1
            }
            guard header.count >= 3, ColumnMap(header: header)?[.number] == 0, j < lines.count, lines[j].trimmed == "1" else {
                i = max(i + 1, j)
                continue
            }
            var rows: [[String]] = [header]
            var places = [BlockPlace(line: i + 1)]
            var warnings: [Int: String] = [:]
            var k = j
            var expected = 1
            while k < lines.count, lines[k].trimmed == String(expected) {
                let start = k
                k += 1
                var cells = [String(expected)]
                while k < lines.count {
                    let t = lines[k].trimmed
                    if t == String(expected + 1) || (t.isEmpty && (k + 1 >= lines.count || lines[k + 1].trimmed.isEmpty)) { break }
                    if !t.isEmpty, !isPageMarker(t) { cells.append(t) }
                    k += 1
                }
                if cells.count != header.count {
                    warnings[rows.count] = "row \(expected) has \(cells.count) cells on its lines for \(header.count) columns; read in "
                        + "order: check"
                }
                rows.append(cells)
                places.append(BlockPlace(line: start + 1))
                expected += 1
                while k < lines.count, lines[k].trimmed.isEmpty || isPageMarker(lines[k].trimmed) { k += 1 }
            }
            var table = TableBlock(rows: rows, rowPlaces: places)
            table.rowWarnings = warnings
            out.append((i, (table, k)))
            i = k
        }
        return out
    }

    /// The width at which the text is hard-wrapped, when it is: the most common length of the
    /// longer lines, if at least a third of the non-blank lines have it (±2) and it is under 80.
    static func wrapWidth(_ lines: [String]) -> Int? {
        var counts: [Int: Int] = [:]
        var total = 0
        for l in lines {
            let n = l.trimmed.count
            guard n > 0 else { continue }
            total += 1
            counts[n, default: 0] += 1
        }
        guard total >= 6 else { return nil }
        var best: (width: Int, lines: Int)?
        for (w, _) in counts where w >= 20 && w < 80 {
            let near = (w - 2...w + 2).reduce(0) { $0 + (counts[$1] ?? 0) }
            if best == nil || near > best!.lines || (near == best!.lines && w > best!.width) { best = (w, near) }
        }
        guard let b = best, b.lines * 3 >= total else { return nil }
        return b.width
    }

    /// The brackets left open after a text, starting from `depth` open ones.
    static func bracketBalance(_ text: String, from depth: Int) -> Int {
        var depth = depth
        for c in text.unicodeScalars {
            if c == "（" || c == "(" { depth += 1 } else if c == "）" || c == ")" { depth = max(0, depth - 1) }
        }
        return depth
    }

    /// Whether a paragraph ends a sentence (so the next line starts a new one).
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return "。！？；：!?;:".contains(last)
    }

    /// The cells of a line written as a table row: tab-separated, or `| a | b |`.
    static func tableCells(_ raw: String) -> [String]? {
        if raw.unicodeScalars.contains("\t") {
            return raw.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed }
        }
        let t = raw.trimmed
        // `| a | b |` or `a | b | c`: at least two bars, or one between outer bars.
        let bars = t.filter { $0 == "|" || $0 == "｜" }.count
        guard bars >= 2 else { return nil }
        var inner = Substring(t)
        if inner.hasPrefix("|") || inner.hasPrefix("｜") { inner = inner.dropFirst() }
        if inner.hasSuffix("|") || inner.hasSuffix("｜") { inner = inner.dropLast() }
        let cells = inner.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "|" || $0 == "｜" }).map { String($0).trimmed }
        // A Markdown separator row (|---|---|) carries no cells.
        if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-: ".contains($0) } }) { return nil }
        return cells.count > 1 ? cells : nil
    }

    /// Whether a line is only a page marker: — 20 —, - 3 -, -3-, 第 3 页, 第3页 共10页, 3/10.
    static func isPageMarker(_ s: String) -> Bool {
        guard s.utf8.count <= 48 else { return false }
        let t = s.filter { !$0.isWhitespace }
        if TextCleaning.isPageMarker(t) { return true }
        if t.hasPrefix("第"), let ye = t.firstIndex(of: "页") {
            let inner = t[t.index(after: t.startIndex)..<ye]
            let tail = t[t.index(after: ye)...]
            let tailOK = tail.isEmpty || (tail.hasPrefix("共") && tail.hasSuffix("页") && tail.dropFirst().dropLast().allSatisfy(\.isNumber))
            return !inner.isEmpty && inner.allSatisfy(\.isNumber) && tailOK
        }
        return false
    }
}

