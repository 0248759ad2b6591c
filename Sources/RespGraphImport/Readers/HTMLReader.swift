/// Reads a web page into blocks: paragraphs from `<p>`, `<div>`, `<li>`, headings and `<br>`
/// breaks; tables from `<table>` with `rowspan` and `colspan` spread over the grid.
///
/// A table of a single row or a single column is page layout (government pages wrap the whole
/// article in one), so its cells are read as running text. `<script>`, `<style>` and comments are
/// skipped; character references (named, decimal, hexadecimal) are decoded. This is a tolerant
/// reader of the HTML found on government sites, not a validating parser: unclosed `<p>` and `<td>`
/// are closed by the next block or cell, as browsers do.
public enum HTMLReader {
    /// The charset a page declares in a `<meta>` tag within its first 4 KB, if any.
    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let r = head.range(of: "charset=") else { return nil }
        let value = head[r.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    /// Whether bytes look like HTML: a tag near the start.
    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        return ["<!doctype html", "<html", "<body", "<table", "<p", "<div", "<tbody", "<meta", "<head"].contains { head.contains($0) }
    }

    static let blockTags: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section",
                                         "article", "blockquote", "pre", "center", "dd", "dt", "dl", "header", "footer", "title"]
    static let skippedTags: Set<String> = ["script", "style", "head", "noscript", "template"]

    /// A table being read: rows of (text, rowspan, colspan) cells.
    private struct PendingTable {
        var rows: [[(text: String, rowSpan: Int, colSpan: Int)]] = []
        var rowLines: [Int] = []
        var cell: String?
        var cellSpans = (1, 1)
        var inRow = false
        /// Characters of the current cell, and whether it was cut at ``maximumCellCharacters``.
        var cellCharacters = 0
        var cellCut = false
    }

    /// Tables nested deeper than this are read as the text of the cell they stand in.
    public static let maximumTableNesting = 32
    /// A table whose rowspan and colspan spread it over more cells than this is read as text.
    public static let maximumTableCells = 1_000_000
    /// A cell holds at most this many characters (as a spreadsheet cell does); the rest is left out.
    public static let maximumCellCharacters = 32_767

    /// Reads a page.
    ///
    /// - Complexity: O(n) in the length of the page; tables nested past ``maximumTableNesting`` and
    ///   spread past ``maximumTableCells`` are read as text, so neither costs more than linear work.
    public static func read(html: String, file: String) -> BlockDocument {
        var page = PageReading(chars: Array(html.unicodeScalars), file: file)
        page.readAll()
        var document = BlockDocument(file: file, blocks: page.blocks, format: "html")
        document.findings = page.findings
        return document
    }

    /// The state of one page's reading: the paragraph being gathered, the tables open around the
    /// current point (innermost last), and the blocks and findings so far.
    private struct PageReading {
        let chars: [Unicode.Scalar]
        let file: String
        var blocks: [DocumentBlock] = []
        // A String, appended in place: appending to a String.UnicodeScalarView copied the whole
        // paragraph at every character (a 1 MB paragraph took 12 s).
        var text = ""
        var textLine = 1
        var headingDepth = 0
        var paragraphIsHeading = false
        var tables: [PendingTable] = []
        var tableCount = 0
        var paragraphCount = 0
        var line = 1
        var i = 0
        var findings: [ImportDiagnostic] = []
        /// Tables opened past the nesting limit, read as text.
        var ignoredTables = 0

        init(chars: [Unicode.Scalar], file: String) {
            self.chars = chars
            self.file = file
        }

        /// Reads every character: markup, character references and text.
        mutating func readAll() {
            while i < chars.count {
                let c = chars[i]
                if c == "\n" { line += 1 }
                if c == "<" {
                    readMarkup()
                    continue
                }
                if c == "&", let (decoded, end) = decodeEntity(chars, at: i) {
                    appendText(decoded)
                    i = end
                    continue
                }
                appendText(c.properties.isWhitespace && c != "\u{3000}" ? " " : String(c))
                i += 1
            }
            while !tables.isEmpty { closeTable() }
            flushParagraph()
        }

        /// Reads what begins with `<` at `i`: a comment, a skipped element, a tag, or a plain `<`.
        mutating func readMarkup() {
            if i + 3 < chars.count, chars[i + 1] == "!", chars[i + 2] == "-", chars[i + 3] == "-" {
                var j = i + 4
                while j + 2 < chars.count, !(chars[j] == "-" && chars[j + 1] == "-" && chars[j + 2] == ">") {
                    if chars[j] == "\n" { line += 1 }
                    j += 1
                }
                i = min(chars.count, j + 3)
                return
            }
            guard let tag = parseTag(chars, at: i) else {
                appendText("<")
                i += 1
                return
            }
            for k in i..<tag.end where chars[k] == "\n" { line += 1 }
            i = tag.end
            if skippedTags.contains(tag.name), !tag.closing, !tag.selfClosing {
                skipElement(tag.name)
            } else if ignoredTables > 0 && (tag.name == "tr" || tag.name == "td" || tag.name == "th") {
                breakLine()
            } else {
                apply(tag)
            }
        }

        /// Skips to the end tag of a `<script>`, `<style>` and the like.
        mutating func skipElement(_ name: String) {
            let endTag = Array("</\(name)".unicodeScalars)
            var j = i
            while j < chars.count {
                if chars[j] == "<", j + endTag.count <= chars.count,
                   String(String.UnicodeScalarView(chars[j..<(j + endTag.count)])).lowercased() == "</\(name)" { break }
                if chars[j] == "\n" { line += 1 }
                j += 1
            }
            i = j
            if let close = parseTag(chars, at: j) { i = close.end }
        }

        /// What a tag does: breaks, tables, rows, cells and headings.
        mutating func apply(_ tag: Tag) {
            switch tag.name {
            case "br": breakLine()
            case "table": tag.closing ? endTable() : beginTable()
            case "tr":
                guard !tables.isEmpty else { break }
                closeCell()
                let n = tables.count - 1
                if tag.closing { tables[n].inRow = false } else {
                    tables[n].rows.append([]); tables[n].rowLines.append(line); tables[n].inRow = true
                }
            case "td", "th":
                guard !tables.isEmpty else { break }
                closeCell()
                if !tag.closing {
                    let n = tables.count - 1
                    tables[n].cell = ""
                    (tables[n].cellCharacters, tables[n].cellCut) = (0, false)
                    tables[n].cellSpans = (max(1, min(1000, Int(tag.attributes["rowspan"] ?? "") ?? 1)),
                                           max(1, min(1000, Int(tag.attributes["colspan"] ?? "") ?? 1)))
                }
            case "h1", "h2", "h3", "h4", "h5", "h6":
                breakLine()
                headingDepth = max(0, headingDepth + (tag.closing ? -1 : 1))
                paragraphIsHeading = headingDepth > 0
            default:
                if blockTags.contains(tag.name) { breakLine() }
            }
        }

        /// `<table>`: a new table, or text when tables nest past ``maximumTableNesting``.
        mutating func beginTable() {
            if tables.count >= maximumTableNesting || ignoredTables > 0 {
                if ignoredTables == 0 { pastLimit("tables nested more than \(maximumTableNesting) deep; the deeper ones read as text") }
                ignoredTables += 1
                breakLine()
            } else {
                flushParagraph()
                tables.append(PendingTable())
            }
        }

        /// `</table>`.
        mutating func endTable() {
            if ignoredTables > 0 {
                ignoredTables -= 1
                breakLine()
            } else {
                closeTable()
            }
        }

        mutating func pastLimit(_ message: String) {
            if findings.count < 20 { findings.append(ImportDiagnostic(.warning, file: file, line: line, code: .pastLimit, message)) }
        }

        /// Text into the open cell (up to ``maximumCellCharacters``) or the paragraph.
        mutating func appendText(_ s: String) {
            if tables.last?.cell != nil {
                let n = tables.count - 1
                tables[n].cellCharacters += s.count
                if tables[n].cellCharacters > maximumCellCharacters {
                    if !tables[n].cellCut { pastLimit("a cell holds more than \(maximumCellCharacters) characters; the rest is left out") }
                    tables[n].cellCut = true
                    return
                }
                tables[n].cell! += s
                return
            }
            if text.isEmpty { textLine = line }
            text += s
        }

        mutating func flushParagraph() {
            let t = TextCleaning.joinWrapped(text)
            if !t.isEmpty {
                paragraphCount += 1
                blocks.append(.paragraph(TextBlock(text: t, place: BlockPlace(line: textLine, paragraph: paragraphCount),
                                                   isHeading: paragraphIsHeading)))
            }
            text = ""
            paragraphIsHeading = headingDepth > 0
        }

        mutating func breakLine() {
            if tables.last?.cell != nil { tables[tables.count - 1].cell! += "\n" } else { flushParagraph() }
        }

        mutating func closeCell() {
            guard let t = tables.last, let c = t.cell else { return }
            let n = tables.count - 1
            if !tables[n].inRow { tables[n].rows.append([]); tables[n].rowLines.append(line); tables[n].inRow = true }
            tables[n].rows[tables[n].rows.count - 1].append((c, t.cellSpans.0, t.cellSpans.1))
            tables[n].cell = nil
        }

        /// Closes the innermost table: a table block, its text in the outer cell when nested, or
        /// running text when it is layout (one row or one column) or spreads past ``maximumTableCells``.
        mutating func closeTable() {
            closeCell()
            guard let t = tables.popLast() else { return }
            let spread = spread(t.rows)
            if spread == nil { pastLimit("a table spreads over more than \(maximumTableCells) cells (rowspan, colspan); read as text") }
            let grid = spread ?? (rows: [], inherited: [])
            let width = grid.rows.map(\.count).max() ?? 0
            guard grid.rows.count >= 2 && width >= 2 else {
                // Layout: the cells are running text.
                for row in t.rows { for cell in row { for piece in cell.text
                    .split(separator: "\n") { appendText(String(piece)); breakLine() } } }
                return
            }
            tableCount += 1
            let rows = grid.rows.map { $0.map { cellText($0) } }
            let places = t.rowLines.enumerated().map { BlockPlace(line: $0.element, table: tableCount, row: $0.offset + 1) }
            let block = TableBlock(rows: rows,
                                   rowPlaces: places + Array(repeating: BlockPlace(line: line, table: tableCount),
                                                             count: max(0, rows.count - places.count)), inheritedCells: grid.inherited)
            if tables.last?.cell != nil {
                // A table inside a cell of an outer table: keep its text in the cell.
                tables[tables.count - 1].cell! += "\n" + rows.map { $0.joined(separator: " ") }.joined(separator: "\n") + "\n"
            } else {
                flushParagraph()
                blocks.append(.table(block))
            }
        }
    }

    /// A cell's text: its lines joined, wrapping spaces between Chinese characters removed.
    static func cellText(_ raw: String) -> String {
        raw.split(separator: "\n").map { TextCleaning.joinWrapped(String($0)) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Spreads cells with rowspan and colspan over a grid; records which cells were copied from above.
    /// Nil when the grid would pass ``maximumTableCells``.
    static func spread(_ rows: [[(text: String, rowSpan: Int, colSpan: Int)]]) -> (rows: [[String]], inherited: [Set<Int>])? {
        var slots = 0
        var grid: [[String?]] = []
        var inherited: [Set<Int>] = []
        // Column → (text, rows still to fill).
        var carry: [Int: (String, Int)] = [:]
        for row in rows {
            var out: [String?] = []
            var inheritedHere = Set<Int>()
            var col = 0
            func fillCarried() {
                while let (t, left) = carry[col] {
                    out.append(t)
                    inheritedHere.insert(col)
                    carry[col] = left > 1 ? (t, left - 1) : nil
                    col += 1
                }
            }
            for cell in row {
                fillCarried()
                if out.count + cell.colSpan > maximumTableCells { return nil }
                for k in 0..<cell.colSpan {
                    out.append(cell.text)
                    if cell.rowSpan > 1 { carry[col] = (cell.text, cell.rowSpan - 1) }
                    if k > 0 { inheritedHere.insert(col) }
                    col += 1
                }
            }
            fillCarried()
            slots += max(out.count, carry.keys.max().map { $0 + 1 } ?? 0)
            if slots > maximumTableCells { return nil }
            // Carried cells beyond this row's last cell.
            for (c, (t, left)) in carry.sorted(by: { $0.key < $1.key }) where c >= out.count {
                while out.count < c { out.append(nil) }
                out.append(t)
                inheritedHere.insert(c)
                carry[c] = left > 1 ? (t, left - 1) : nil
            }
            grid.append(out)
            inherited.append(inheritedHere)
        }
        return (grid.map { $0.map { $0 ?? "" } }, inherited)
    }

    /// A parsed tag: its lower-case name, whether it closes, its attributes and where it ends.
    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [String: String]
        var end: Int
    }

    static func parseTag(_ c: [Unicode.Scalar], at start: Int) -> Tag? {
        var i = start + 1
        guard i < c.count else { return nil }
        var closing = false
        if c[i] == "/" { closing = true; i += 1 }
        if i < c.count, c[i] == "!" || c[i] == "?" {
            // <!DOCTYPE …> or <?xml …?>
            while i < c.count, c[i] != ">" { i += 1 }
            return Tag(name: "!", closing: false, selfClosing: true, attributes: [:], end: min(c.count, i + 1))
        }
        var name = ""
        while i < c.count, c[i].properties.isAlphabetic || ("0"..."9").contains(c[i]) {
            name.unicodeScalars.append(c[i]); i += 1
        }
        guard !name.isEmpty else { return nil }
        var attributes: [String: String] = [:]
        var selfClosing = false
        while i < c.count, c[i] != ">" {
            if c[i] == "/" { selfClosing = true; i += 1; continue }
            if c[i].properties.isWhitespace { i += 1; continue }
            var key = ""
            while i < c.count, !c[i].properties.isWhitespace, c[i] != "=", c[i] != ">",
            c[i] != "/" { key.unicodeScalars.append(c[i]); i += 1 }
            while i < c.count, c[i].properties.isWhitespace { i += 1 }
            var value = ""
            if i < c.count, c[i] == "=" {
                i += 1
                while i < c.count, c[i].properties.isWhitespace { i += 1 }
                if i < c.count, c[i] == "\"" || c[i] == "'" {
                    let q = c[i]; i += 1
                    while i < c.count, c[i] != q { value.unicodeScalars.append(c[i]); i += 1 }
                    i += 1
                } else {
                    while i < c.count, !c[i].properties.isWhitespace, c[i] != ">" { value.unicodeScalars.append(c[i]); i += 1 }
                }
            }
            if key.isEmpty { i += 1 } else { attributes[key.lowercased()] = value }
        }
        return Tag(name: name.lowercased(), closing: closing, selfClosing: selfClosing, attributes: attributes, end: min(c.count, i + 1))
    }

    static let namedEntities: [String: String] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "ldquo": "“", "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "times": "×",
        "emsp": " ", "ensp": " ", "thinsp": " ", "bull": "•", "deg": "°", "plusmn": "±", "divide": "÷",
        "lsaquo": "‹", "rsaquo": "›", "laquo": "«", "raquo": "»", "copy": "©", "reg": "®", "ordm": "º", "sup2": "²",
    ]

    /// Decodes `&name;`, `&#123;` or `&#x1F;` at a position; nil when it is a bare ampersand.
    static func decodeEntity(_ c: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var i = start + 1
        var body = ""
        while i < c.count, i - start <= 10, c[i] != ";" {
            guard c[i].properties.isAlphabetic || ("0"..."9").contains(c[i]) || c[i] == "#" else { return nil }
            body.unicodeScalars.append(c[i]); i += 1
        }
        guard i < c.count, c[i] == ";", !body.isEmpty else { return nil }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            // An invalid or non-character reference becomes U+FFFD, as browsers do.
            guard let v = value else { return nil }
            let allowed = { (s: Unicode.Scalar) in s.value != 0 && !(s.value >= 0xFFFE && s.value & 0xFFFE == 0xFFFE) }
            let scalar = Unicode.Scalar(v).flatMap { allowed($0) ? $0 : nil } ?? "\u{FFFD}"
            return (String(scalar), i + 1)
        }
        guard let s = namedEntities[body.lowercased()] else { return nil }
        return (s, i + 1)
    }
}
