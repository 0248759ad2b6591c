/// Reads a Word document (.docx, WordprocessingML) into blocks: paragraphs with their automatic
/// numbering rendered as Word shows it (一、 （一） 1. from `numbering.xml`), and tables with
/// horizontally merged cells (`gridSpan`) spread and vertically merged ones (`vMerge`) copied down.
///
/// A paragraph's place is its position among the document's paragraphs; a table row's is
/// `table T, row R`. A table nested in a cell is kept as text in that cell.
public enum DOCXReader {
    /// How one level of an automatic list is numbered.
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
    }

    /// Reads the document of an opened archive.
    ///
    /// - Throws: ``ImportError`` when `word/document.xml` is missing or its XML is refused.
    public static func read(_ archive: inout ZipArchive, file: String) throws(ImportError) -> BlockDocument {
        guard let document = try archive.xmlEvents("word/document.xml", file: file) else {
            throw ImportError(file: file, "a ZIP archive without word/document.xml: not a Word document")
        }
        let lists = try archive.xmlEvents("word/numbering.xml", file: file).map(numbering) ?? [:]
        let styles = try archive.xmlEvents("word/styles.xml", file: file).map(styleNumbering) ?? [:]
        var revisions = Revisions()
        var read = BlockDocument(file: file, blocks: blocks(document, lists: lists, styles: styles, revisions: &revisions), format: "docx")
        if revisions.count > 0 {
            read.findings.append(ImportDiagnostic(.note, file: file, line: 0, code: .trackedChanges,
                "the document holds tracked changes (\(revisions.inserted) insertions, \(revisions.deleted) deletions, \(revisions.moved) "
                    + "moves): read as Word shows it with all of them accepted"))
        }
        read.findings += archive.invalidTextFindings(file: file)
        return read
    }

    /// numId → its levels, from numbering.xml.
    static func numbering(_ events: [XMLScanner.Event]) -> [String: [Int: Level]] {
        var abstract: [String: [Int: Level]] = [:]
        var numToAbstract: [String: String] = [:]
        var currentAbstract: String?
        var currentLevel: Int?
        var currentNum: String?
        for e in events {
            switch e {
            case .start(let name, let a, _):
                switch name {
                case "w:abstractNum": currentAbstract = a["w:abstractNumId"]; if let c = currentAbstract { abstract[c] = [:] }
                case "w:lvl": currentLevel = a["w:ilvl"].flatMap { Int($0) }
                    if let c = currentAbstract, let l = currentLevel { abstract[c]![l] = Level() }
                case "w:start": if let c = currentAbstract, let l = currentLevel,
                let v = a["w:val"].flatMap({ Int($0) }) { abstract[c]![l]!.start = v }
                case "w:numFmt": if let c = currentAbstract, let l = currentLevel, let v = a["w:val"] { abstract[c]![l]!.format = v }
                case "w:lvlText": if let c = currentAbstract, let l = currentLevel, let v = a["w:val"] { abstract[c]![l]!.text = v }
                case "w:num": currentNum = a["w:numId"]
                case "w:abstractNumId": if let n = currentNum, let v = a["w:val"] { numToAbstract[n] = v }
                default: break
                }
            case .end(let name):
                if name == "w:abstractNum" { currentAbstract = nil }
                if name == "w:lvl" { currentLevel = nil }
                if name == "w:num" { currentNum = nil }
            case .text: break
            }
        }
        var out: [String: [Int: Level]] = [:]
        for (num, abs) in numToAbstract { out[num] = abstract[abs] ?? [:] }
        return out
    }

    /// styleId → (numId, ilvl) for paragraph styles that number their paragraphs (List Number).
    static func styleNumbering(_ events: [XMLScanner.Event]) -> [String: (String, Int)] {
        var out: [String: (String, Int)] = [:]
        var style: String?
        var numId: String?, ilvl = 0
        for e in events {
            switch e {
            case .start(let name, let a, _):
                if name == "w:style" { style = a["w:styleId"]; numId = nil; ilvl = 0 }
                if name == "w:numId" { numId = a["w:val"] }
                if name == "w:ilvl" { ilvl = a["w:val"].flatMap { Int($0) } ?? 0 }
            case .end(let name):
                if name == "w:style", let s = style, let n = numId { out[s] = (n, ilvl) }
                if name == "w:style" { style = nil }
            case .text: break
            }
        }
        return out
    }

    /// A number in a list format: 3 → "3", "三", "③", "c", "iii".
    static func format(_ n: Int, _ style: String) -> String {
        switch style {
        case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting", "taiwaneseCounting",
             "ideographLegalTraditional", "chineseLegalSimplified":
            return chineseNumeral(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(n) ? String(Unicode.Scalar(0x245F + UInt32(n))!) : String(n)
        case "lowerLetter": return n >= 1 && n <= 26 ? String(Unicode.Scalar(UInt8(96 + n))) : String(n)
        case "upperLetter": return n >= 1 && n <= 26 ? String(Unicode.Scalar(UInt8(64 + n))) : String(n)
        case "bullet", "none": return ""
        default: return String(n)
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
    static func chineseNumeral(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard n > 0, n < 1000 else { return String(n) }
        if n < 10 { return String(digits[n]) }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : String(digits[n % 10])) }
        if n < 100 { return String(digits[n / 10]) + "十" + (n % 10 == 0 ? "" : String(digits[n % 10])) }
        let rest = n % 100
        let tens = rest == 0 ? "" : rest < 10 ? "零" + String(digits[rest]) : (rest < 20 ? "一" : "") + chineseNumeral(rest)
        return String(digits[n / 100]) + "百" + tens
    }

    /// A table being read.
    private struct PendingTable {
        /// Rows of (text, span, vMerge: nil none, true restart, false continue).
        var rows: [[(text: String, span: Int, merge: Bool?)]] = []
        var cellText: [String] = []
        var cellSpan = 1
        var cellMerge: Bool?
        var inCell = false
    }

    /// A paragraph being read.
    private struct PendingParagraph {
        var text = ""
        var inText = false
        var numId: String?
        var ilvl = 0
        var heading = false
        var styleId: String?
    }

    /// The tracked changes of a document, by kind.
    struct Revisions {
        var inserted = 0, deleted = 0, moved = 0
        var count: Int { inserted + deleted + moved }
    }

    /// Elements whose text is not the document's text as Word shows it: the fallback copy of a text
    /// box (`mc:Fallback`, beside the `mc:Choice` that is read), and tracked deletions and the old
    /// place of moved text (`w:del`, `w:moveFrom`).
    static let skippedElements: Set<String> = ["mc:Fallback", "w:del", "w:moveFrom"]

    /// The blocks of `word/document.xml`. A paragraph inside another (in a text box) is a block of its
    /// own, placed before the paragraph that holds it, which goes on after it.
    static func blocks(_ events: [XMLScanner.Event], lists: [String: [Int: Level]], styles: [String: (String, Int)] = [:],
                       revisions: inout Revisions) -> [DocumentBlock] {
        var body = BodyReading(lists: lists, styles: styles)
        var skipped = 0
        for e in events {
            if skipped > 0 {
                switch e {
                case .start(let name, _, let selfClosing) where !selfClosing && skippedElements.contains(name): skipped += 1
                case .end(let name) where skippedElements.contains(name): skipped -= 1
                default: break
                }
                continue
            }
            switch e {
            case .start(let name, _, let selfClosing) where !selfClosing && skippedElements.contains(name):
                skipped = 1
                if name == "w:del" { revisions.deleted += 1 }
                if name == "w:moveFrom" { revisions.moved += 1 }
            case .start(let name, let attributes, let selfClosing):
                if name == "w:ins" && !selfClosing { revisions.inserted += 1 }
                body.start(name, attributes, selfClosing: selfClosing)
            case .text(let t):
                if body.current.inText { body.current.text += t }
            case .end(let name):
                body.end(name)
            }
        }
        return body.blocks
    }

    /// The state of reading the body: the paragraph being read (and those holding it), the tables
    /// open around it, the list counters, and the blocks so far.
    private struct BodyReading {
        let lists: [String: [Int: Level]]
        let styles: [String: (String, Int)]
        var blocks: [DocumentBlock] = []
        var tables: [PendingTable] = []
        var current = PendingParagraph()
        var enclosing: [PendingParagraph] = []
        var paragraphDepth = 0
        var counters: [String: [Int]] = [:]
        var paragraphCount = 0, tableCount = 0

        init(lists: [String: [Int: Level]], styles: [String: (String, Int)]) {
            self.lists = lists
            self.styles = styles
        }

        /// An element opens.
        mutating func start(_ name: String, _ a: [String: String], selfClosing: Bool) {
            switch name {
            case "w:p":
                guard !selfClosing else { break }
                if paragraphDepth > 0 { enclosing.append(current) }
                paragraphDepth += 1
                current = PendingParagraph()
            case "w:t": current.inText = !selfClosing
            case "w:tab": current.text += " "
            case "w:br", "w:cr": current.text += "\n"
            case "w:numId": current.numId = a["w:val"]
            case "w:ilvl": current.ilvl = a["w:val"].flatMap { Int($0) } ?? 0
            case "w:pStyle":
                current.styleId = a["w:val"]
                let v = (a["w:val"] ?? "").lowercased()
                current.heading = v.hasPrefix("heading") || v.hasPrefix("title") || v.hasPrefix("标题")
            case "w:tbl": tables.append(PendingTable())
            case "w:tr": if !tables.isEmpty { tables[tables.count - 1].rows.append([]) }
            case "w:tc":
                guard !tables.isEmpty else { break }
                let n = tables.count - 1
                tables[n].inCell = true
                tables[n].cellText = []
                tables[n].cellSpan = 1
                tables[n].cellMerge = nil
            case "w:gridSpan":
                if !tables.isEmpty { tables[tables.count - 1].cellSpan = max(1, min(64, a["w:val"].flatMap { Int($0) } ?? 1)) }
            case "w:vMerge": if !tables.isEmpty { tables[tables.count - 1].cellMerge = a["w:val"] == "restart" }
            default: break
            }
        }

        /// An element closes.
        mutating func end(_ name: String) {
            switch name {
            case "w:t": current.inText = false
            case "w:p": endParagraph()
            case "w:tc":
                guard !tables.isEmpty else { break }
                let n = tables.count - 1
                let text = tables[n].cellText.map { TextCleaning.joinWrapped($0) }.filter { !$0.isEmpty }.joined(separator: "\n")
                if tables[n].rows.isEmpty { tables[n].rows.append([]) }
                tables[n].rows[tables[n].rows.count - 1].append((text, tables[n].cellSpan, tables[n].cellMerge))
                tables[n].inCell = false
            case "w:tbl":
                guard let t = tables.popLast() else { break }
                let (rows, inherited) = grid(t.rows)
                if !tables.isEmpty, tables[tables.count - 1].inCell {
                    tables[tables.count - 1].cellText.append(rows.map { $0.joined(separator: " ") }.joined(separator: "\n"))
                } else if !rows.isEmpty {
                    tableCount += 1
                    let places = rows.indices.map { BlockPlace(line: 0, table: tableCount, row: $0 + 1) }
                    blocks.append(.table(TableBlock(rows: rows, rowPlaces: places, inheritedCells: inherited)))
                }
            default: break
            }
        }

        /// `</w:p>`: the paragraph, its list label rendered, into the open cell or the blocks.
        mutating func endParagraph() {
            guard paragraphDepth > 0 else { return }
            paragraphDepth -= 1
            var numId = current.numId, ilvl = current.ilvl
            let heading = current.heading
            if numId == nil, let s = current.styleId, let (n, l) = styles[s] { numId = n; ilvl = l }
            let text = (numId.flatMap { listLabel($0, level: ilvl) } ?? "") + current.text
            if let outer = enclosing.popLast() { current = outer } else { current = PendingParagraph() }
            if !tables.isEmpty, tables[tables.count - 1].inCell {
                tables[tables.count - 1].cellText.append(text)
                return
            }
            let pieces = DOCXReader.pieces(of: text)
            if !pieces.isEmpty { paragraphCount += 1 }
            for (k, t) in pieces.enumerated() {
                blocks.append(.paragraph(TextBlock(text: t, place: BlockPlace(line: 0, paragraph: paragraphCount),
                                                   isHeading: heading && k == 0)))
            }
        }

        /// Automatic numbering, rendered as Word shows it (nil for bullets and unnumbered levels);
        /// counts the item.
        mutating func listLabel(_ id: String, level ilvl: Int) -> String? {
            guard id != "0", let levels = lists[id], let level = levels[ilvl] else { return nil }
            var c = counters[id] ?? Array(repeating: 0, count: 9)
            if ilvl < 9 {
                c[ilvl] = c[ilvl] == 0 ? level.start : c[ilvl] + 1
                for deeper in (ilvl + 1)..<9 { c[deeper] = 0 }
            }
            counters[id] = c
            guard level.format != "bullet" && level.format != "none" else { return nil }
            var label = level.text
            for k in (1...9).reversed() where label.contains("%\(k)") {
                let lv = levels[k - 1] ?? Level()
                let value = c[k - 1] == 0 ? lv.start : c[k - 1]
                label = label.replacingOccurrences(of: "%\(k)", with: format(value, lv.format))
            }
            return label
        }
    }

    /// A paragraph's text split at its manual line breaks (`w:br`) where the next line starts a
    /// numbered item and no bracket is left open: text pasted into Word often keeps a heading
    /// (二、…) or an item on a line of its own inside one paragraph. Other breaks are joined as
    /// wrapped text.
    static func pieces(of text: String) -> [String] {
        var out: [String] = []
        var current = "", open = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmed
            if trimmed.isEmpty { continue }
            if !current.isEmpty, open <= 0, ItemNumbering.parse(trimmed) != nil {
                out.append(current)
                current = ""
                open = 0
            }
            current += current.isEmpty ? trimmed : " " + trimmed
            open = PlainTextReader.bracketBalance(trimmed, from: open)
        }
        if !current.isEmpty { out.append(current) }
        return out.map(TextCleaning.joinWrapped).filter { !$0.isEmpty }
    }

    /// A row is read to this many columns: Word's own tables hold at most 63.
    public static let maximumColumns = 64

    /// Spreads gridSpan cells over their columns and copies vMerge continuations from above; a row is
    /// cut at ``maximumColumns`` (a file spanning cells past Word's own width multiplied its cells).
    static func grid(_ rows: [[(text: String, span: Int, merge: Bool?)]]) -> ([[String]], [Set<Int>]) {
        var out: [[String]] = []
        var inherited: [Set<Int>] = []
        for row in rows {
            var cells: [String] = []
            var copied = Set<Int>()
            for cell in row where cells.count < maximumColumns {
                for k in 0..<min(cell.span, maximumColumns - cells.count) {
                    let col = cells.count
                    if cell.merge == false, let above = out.last, col < above.count {
                        cells.append(above[col])
                        copied.insert(col)
                    } else {
                        cells.append(cell.text)
                        if k > 0 { copied.insert(col) }
                    }
                }
            }
            out.append(cells)
            inherited.append(copied)
        }
        return (out, inherited)
    }
}
