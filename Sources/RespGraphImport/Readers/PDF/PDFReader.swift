import Foundation

/// Reads a PDF into blocks. A task table is rebuilt from the word boxes Poppler reports: the
/// header line (a line whose words name a lead and a task column) fixes the columns — each word
/// below belongs to the column whose header it starts under — and a row starts where the 序号
/// column holds a number (or a section heading such as 一、…); lines without one continue the row
/// above, also across a page break. Pages without a header of their own keep the columns of the
/// last one. The lines outside tables, and a PDF without any table, are read as running text.
///
/// Cells merged down a column are printed once in a PDF, so the table recogniser carries an empty
/// 指标 down from the row above.
public enum PDFReader {
    /// A word and its box, in points from the top left of its page.
    struct Word {
        var text: String
        var x0: Double, y0: Double, x1: Double, y1: Double
        var page: Int
        /// The word's place in the order its file wrote the words.
        var sequence = 0

        /// The word's type size: a Chinese character's width where it has any (a word box's height
        /// holds the font's whole ascent and descent, twice the size and more in some fonts), else
        /// its height.
        var em: Double {
            let chinese = text.reduce(0) { $0 + (TextCleaning.isCJK($1) ? 1 : 0) }
            guard chinese > 0 else { return y1 - y0 }
            let width = (x1 - x0) / (Double(chinese) + 0.55 * Double(text.count - chinese))
            return width > 0 ? min(width, y1 - y0) : y1 - y0
        }
    }

    /// Reads a PDF file through pdftotext (its words) and pdftocairo (its rules), the two run at once.
    ///
    /// - Throws: ``ImportError`` when pdftotext is missing or fails, or the PDF holds no text.
    public static func read(path: String) throws(ImportError) -> BlockDocument {
        let drawing = PendingRulings(path: path)
        let extracted: String
        do { extracted = try PDFTextExtraction.wordBoxes(ofPDFAt: path) } catch {
            _ = drawing.wait()
            throw error
        }
        let xhtml = extracted
        let words = try wordBoxes(xhtml, file: path)
        guard !words.isEmpty else {
            _ = drawing.wait()
            throw ImportError(file: path, "the PDF holds no text (a scanned image?); respgraph does not read images")
        }
        // A table drawn with rules is read cell by cell; one without, from the word positions.
        let bySpreadsheet = RuledTableReader.spreadsheetWriters.contains { creator(xhtml)?.hasPrefix($0) == true }
        if let rulings = drawing.wait(),
        let blocks = RuledTableReader.blocks(words, rulings: rulings, printedBySpreadsheet: bySpreadsheet) {
            return BlockDocument(file: path, blocks: blocks, format: "pdf")
        }
        if let blocks = tableBlocks(words) { return BlockDocument(file: path, blocks: blocks, format: "pdf") }
        return runningText(words, file: path, format: "pdf")
    }

    /// The program that wrote the PDF (its Creator, which pdftotext reports as a `<meta>`).
    static func creator(_ xhtml: String) -> String? {
        guard let meta = xhtml.range(of: "<meta name=\"Creator\" content=\"") else { return nil }
        let rest = xhtml[meta.upperBound...].prefix(200)
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// A document of running text from positioned words: its ``paragraphs(_:)``, read as text.
    static func runningText(_ words: [Word], file: String, format: String, inWrittenOrder: Bool = false) -> BlockDocument {
        var doc = PlainTextReader.read(text: paragraphs(lines(words, inWrittenOrder: inWrittenOrder)).joined(separator: "\n\n"), file: file)
        doc.format = format
        return doc
    }

    /// Running text from its lines, joined into paragraphs by their geometry as a reader sees them:
    /// a line starts a paragraph when it is indented from its page's left margin (where a tenth of
    /// its lines start; a numbered item's number may hang out to the left of its lines), when the
    /// line before ends short of the right margin (where a tenth of the lines end), when a gap wider
    /// than the page's line spacing comes before it, or when it starts a numbered item; while a
    /// bracket is open only a numbered item starts one. Page numbers and running heads and feet
    /// (``runningHeadsAndFeet(_:)``) are dropped, and a page break alone ends no paragraph, so a
    /// paragraph runs on across pages. Within a line a space is kept where the words stand apart
    /// (``isSpace(between:and:gap:em:)``); across a wrap only between two non-Chinese characters.
    ///
    /// - Complexity: O(L log L) for L lines.
    static func paragraphs(_ all: [Line]) -> [String] {
        let running = runningHeadsAndFeet(all)
        let lines = all.indices.filter { !running.contains($0) && !PlainTextReader.isPageMarker(all[$0].text) }.map { all[$0] }
        let pages = Dictionary(grouping: lines, by: \.page).mapValues(PageLayout.init)
        var paragraphs: [String] = []
        var current = "", open = 0
        var previous: Line?
        // Where the current paragraph's lines after the first begin: the left margin, or under the
        // text of a numbered first line whose number hangs out (1.   建设…).
        var hangingStart: Double?
        for line in lines {
            let page = pages[line.page]!
            let lineText = text(of: line, em: page.em)
            let x0 = line.words.first!.x0
            var starts = previous == nil
            if let p = previous, open <= 0 {
                let pageOfPrevious = pages[p.page]!
                let base = hangingStart.map { abs(x0 - $0) < 0.5 * page.em ? x0 : page.left } ?? page.left
                if x0 > base + 0.8 * page.em { starts = true }
                // Short only if the line's first unbreakable run (a Latin word, or a character with
                // the punctuation that may not start a line) would have fitted after it.
                if pageOfPrevious.right - p.words.last!.x1 > firstRunWidth(lineText, em: page.em) + 0.5 * page.em { starts = true }
                if p.page == line.page, page.pitch > 0, line.y - p.y > 1.6 * page.pitch { starts = true }
            }
            if open <= 0, ItemNumbering.parse(lineText) != nil { starts = true }
            if starts {
                if !current.isEmpty { paragraphs.append(current) }
                current = ""
                open = 0
                let words = line.words
                hangingStart = words.count > 1 && ItemNumbering.parse(words[0].text) != nil && words[1].x0 - words[0].x1 > 0.5 * page.em
                    ? words[1].x0 : nil
            }
            if let last = current.last, let first = lineText.first, !TextCleaning.isCJK(last), !TextCleaning.isCJK(first) {
                current += " "
            }
            current += lineText
            open = PlainTextReader.bracketBalance(lineText, from: open)
            previous = line
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// A page's text block: its left and right margins, its type size and its line spacing.
    struct PageLayout {
        var left = 0.0, right = 0.0, em = 10.0, pitch = 0.0

        /// The layout of a page's lines. Ragged lines of Chinese text mostly end at the margin; a page
        /// of few lines, at its widest.
        init(_ group: [Line]) {
            func median(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.sorted()[values.count / 2] }
            func percentile(_ values: [Double], _ p: Double) -> Double {
                let sorted = values.sorted()
                return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
            }
            let pitches = zip(group.dropFirst(), group).map { $0.y - $1.y }.filter { $0 > 0 }
            let ends = group.map { $0.words.last!.x1 }
            var counts: [Int: Int] = [:]
            // Bucketed by 2 points; a coordinate past any page (a hostile file's 1e300) is clamped, not a trap.
            for x in ends where x.isFinite { counts[Int((max(-1e9, min(1e9, x)) / 2).rounded()), default: 0] += 1 }
            let commonest = counts.max { ($0.value, $0.key) < ($1.value, $1.key) } ?? (key: 0, value: 0)
            right = commonest.value >= max(3, ends.count / 5) ? Double(commonest.key * 2) : percentile(ends, 0.9)
            left = percentile(group.map { $0.words.first!.x0 }, 0.1)
            em = max(median(group.flatMap { $0.words.map { $0.y1 - $0.y0 } }), 1)
            pitch = median(pitches)
        }
    }

    /// A line's text, a space kept where its words stand apart.
    static func text(of line: Line, em: Double) -> String {
        var out = "", lastEnd = -Double.infinity
        for w in line.words {
            if let last = out.last, let first = w.text.first, isSpace(between: last, and: first, gap: w.x0 - lastEnd, em: em) { out += " " }
            out += w.text
            lastEnd = w.x1
        }
        return out
    }

    /// The lines a document repeats at the top or bottom of its pages (running heads and feet: a
    /// title, a 内部资料 notice), by index: a page's first or last line, set apart from the next or
    /// previous line by more than one and a half times the page's line spacing, whose text (digits
    /// aside) stands in that place on at least two pages and half of them.
    static func runningHeadsAndFeet(_ lines: [Line]) -> Set<Int> {
        let byPage = Dictionary(grouping: lines.indices, by: { lines[$0].page })
        guard byPage.count >= 2 else { return [] }
        var candidates: [String: [Int]] = [:]
        for (_, indices) in byPage where indices.count >= 3 {
            let sorted = indices.sorted { lines[$0].y < lines[$1].y }
            let pitches = zip(sorted.dropFirst(), sorted).map { lines[$0].y - lines[$1].y }.sorted()
            let pitch = pitches[pitches.count / 2]
            let ends = [(sorted[0], sorted[1]), (sorted[sorted.count - 1], sorted[sorted.count - 2])]
            for (line, neighbour) in ends where abs(lines[line].y - lines[neighbour].y) > 1.5 * pitch {
                let key = String(lines[line].text.filter { !$0.isWhitespace }.map { $0.isNumber ? "#" : $0 })
                candidates[key, default: []].append(line)
            }
        }
        var out = Set<Int>()
        for (_, found) in candidates {
            let pages = Set(found.map { lines[$0].page })
            if pages.count >= 2 && 2 * pages.count >= byPage.count { out.formUnion(found) }
        }
        return out
    }

    /// Whether two words `gap` points apart were written with a space between them. Word and
    /// LibreOffice set Chinese apart from Latin letters and digits by themselves (about 0.15 of the
    /// line height in LibreOffice's PDFs: 推进第1项), so at such a boundary only a gap over a fifth of
    /// the line height is a space (培训 15 万人次: 0.25); elsewhere any visible gap is.
    static func isSpace(between last: Character, and first: Character, gap: Double, em: Double) -> Bool {
        TextCleaning.isCJK(last) || TextCleaning.isCJK(first) ? gap >= 0.2 * em : gap >= 1.5
    }

    /// The width a line's first unbreakable run takes: its leading Latin letters and digits at about
    /// half an em each, or its first Chinese character, with the opening punctuation before and the
    /// closing punctuation after (which may not end or begin a line) at an em each.
    static func firstRunWidth(_ text: String, em: Double) -> Double {
        var rest = Substring(text)
        // Opening punctuation may not end a line: it travels with what follows it.
        let opening = rest.prefix { "“‘（《「『【〔".contains($0) }
        rest = rest.dropFirst(opening.count)
        let latin = rest.prefix { $0.isASCII && !$0.isWhitespace }
        var width = Double(latin.count) * 0.55 * em
        if latin.isEmpty, rest.first.map({ !$0.isWhitespace }) == true {
            width = em
            rest = rest.dropFirst()
        } else {
            rest = rest.dropFirst(latin.count)
        }
        for c in rest {
            guard "，。、；：？！）》」』”’".contains(c) else { break }
            width += em
        }
        return max(width + Double(opening.count) * em, em)
    }

    /// The words of pdftotext's XHTML, page by page.
    static func wordBoxes(_ xhtml: String, file: String) throws(ImportError) -> [Word] {
        // pdftotext's own output: its document type names XHTML 1.0 and defines no entities.
        var bytes = Array(xhtml.utf8)
        if let start = xhtml.range(of: "<!DOCTYPE"), let end = xhtml[start.upperBound...].firstIndex(of: ">") {
            let a = xhtml.utf8.distance(from: xhtml.startIndex, to: start.lowerBound)
            let b = xhtml.utf8.distance(from: xhtml.startIndex, to: end) + 1
            bytes.removeSubrange(a..<b)
        }
        let events: [XMLScanner.Event]
        do { events = try XMLScanner.events(bytes) } catch { throw ImportError(file: file, "pdftotext's word boxes: \(error.message)") }
        var words: [Word] = []
        var page = 0
        var current: Word?
        for e in events {
            switch e {
            case .start(let name, let a, _):
                if name == "page" { page += 1 }
                if name == "word" {
                    func d(_ k: String) -> Double { Double(a[k] ?? "") ?? 0 }
                    current = Word(text: "", x0: d("xMin"), y0: d("yMin"), x1: d("xMax"), y1: d("yMax"), page: page)
                }
            case .text(let t):
                current?.text += t
            case .end(let name):
                if name == "word", let w = current {
                    if !w.text.trimmed.isEmpty { words.append(w) }
                    current = nil
                }
            }
        }
        return words
    }

    /// A visual line: words of one page whose vertical centres lie within a few points.
    struct Line {
        var words: [Word]
        var page: Int
        var y: Double
        var text: String { words.map(\.text).joined(separator: " ") }
    }

    /// `inWrittenOrder`: the words of a line keep the order the file wrote them in (for writers
    /// whose word boxes are too rough to sort by), rather than left to right.
    static func lines(_ words: [Word], inWrittenOrder: Bool = false) -> [Line] {
        var out: [Line] = []
        let sorted = words.sorted { ($0.page, ($0.y0 + $0.y1) / 2, $0.x0) < ($1.page, ($1.y0 + $1.y1) / 2, $1.x0) }
        for w in sorted {
            let c = (w.y0 + w.y1) / 2
            let height = max(4, (w.y1 - w.y0) * 0.5)
            if var last = out.last, last.page == w.page, abs(last.y - c) <= height {
                last.words.append(w)
                out[out.count - 1] = last
            } else {
                out.append(Line(words: [w], page: w.page, y: c))
            }
        }
        for i in out.indices {
            if inWrittenOrder { out[i].words.sort { $0.sequence < $1.sequence } } else { out[i].words.sort { $0.x0 < $1.x0 } }
        }
        return out
    }

    /// A header line and the line below it read as one header, when every word of the lower line names
    /// a field, one of them a lead or support column, and each stands under the upper word it refines
    /// (a 责任单位 above, else the nearest by centre): an upper word with two or more words under it
    /// gives way to them.
    static func twoRowHeader(_ upper: Line, _ lower: Line) -> Line? {
        guard lower.page == upper.page, lower.words.count >= 2 else { return nil }
        let fields = lower.words.map { TaskField.named($0.text) }
        guard fields.allSatisfy({ $0 != nil }), fields.contains(where: { $0 == .lead || $0 == .support }) else { return nil }
        func centre(_ w: Word) -> Double { (w.x0 + w.x1) / 2 }
        var under = Array(repeating: [Word](), count: upper.words.count)
        // Under a 责任单位 above them when there is one (a merged cell's word is centred over columns
        // whose own words can stand as near another header), else under the nearest word above.
        let group = upper.words.firstIndex { TaskField.named($0.text) == .responsible }
        for w in lower.words {
            let nearest = group ?? upper.words.indices
                .min { abs(centre(upper.words[$0]) - centre(w)) < abs(centre(upper.words[$1]) - centre(w)) }!
            under[nearest].append(w)
        }
        var words: [Word] = []
        for (i, w) in upper.words.enumerated() { words += under[i].count >= 2 ? under[i] : [w] }
        guard words.count > upper.words.count else { return nil }
        var merged = upper
        merged.words = words.sorted { $0.x0 < $1.x0 }
        return ColumnMap(header: merged.words.map(\.text)) == nil ? nil : merged
    }

    /// Column boundaries from a header line: midpoints between the centres of its cells.
    static func boundaries(_ header: Line) -> [Double] {
        let centres = header.words.map { ($0.x0 + $0.x1) / 2 }
        return (1..<centres.count).map { (centres[$0 - 1] + centres[$0]) / 2 }
    }

    static func column(of word: Word, _ bounds: [Double]) -> Int {
        let x = word.x0 + 1
        return bounds.firstIndex { x < $0 } ?? bounds.count
    }

    /// The blocks of a PDF with a task table, or nil when no line reads as a task-table header.
    static func tableBlocks(_ words: [Word], inWrittenOrder: Bool = false) -> [DocumentBlock]? {
        let printed = lines(words, inWrittenOrder: inWrittenOrder)
        let running = runningHeadsAndFeet(printed)
        let all = printed.indices.filter { !running.contains($0) }.map { printed[$0] }
        guard all.contains(where: { ColumnMap(header: $0.words.map(\.text)) != nil }) else { return nil }
        var blocks: [DocumentBlock] = []
        var before: [String] = []
        var table = UnruledTable()
        var bounds: [Double]?
        var columns: ColumnMap?
        var tableCount = 0
        var skipped = -1
        for (index, original) in all.enumerated() where index != skipped {
            var line = original
            var texts = line.words.map(\.text)
            // A two-row header (责任单位 over 牵头单位 | 配合单位): the lower row's words take the place of
            // the word above them.
            if ColumnMap(header: texts) != nil, index + 1 < all.count, let merged = twoRowHeader(line, all[index + 1]) {
                line = merged
                texts = merged.words.map(\.text)
                skipped = index + 1
            }
            if let header = ColumnMap(header: texts) {
                if bounds == nil || columns?.width != header.width {
                    if let block = table.block() { blocks.append(.table(block)) }
                    if !before.isEmpty {
                        blocks.append(contentsOf: PlainTextReader.read(text: before.joined(separator: "\n"), file: "").blocks)
                        before = []
                    }
                    tableCount += 1
                    table = UnruledTable(header: texts, place: BlockPlace(line: 0, table: tableCount, row: 1, page: line.page))
                }
                bounds = boundaries(line)
                columns = header
                continue
            }
            guard let b = bounds, let map = columns else {
                before.append(line.text)
                continue
            }
            if PlainTextReader.isPageMarker(line.text) { continue }
            table.add(cells(of: line, bounds: b, width: map.width), columns: map, page: line.page, table: tableCount)
        }
        if let block = table.block() { blocks.append(.table(block)) }
        if !before.isEmpty { blocks.append(contentsOf: PlainTextReader.read(text: before.joined(separator: "\n"), file: "").blocks) }
        return blocks
    }

    /// A line's words put in the columns `bounds` draw; words apart by a visible gap were written with
    /// a space between them (培训 15 万人次).
    static func cells(of line: Line, bounds: [Double], width: Int) -> [String] {
        var cells = Array(repeating: "", count: width)
        var lastEnd = Array(repeating: -Double.infinity, count: width)
        for w in line.words {
            let c = min(column(of: w, bounds), width - 1)
            if let last = cells[c].last, let first = w.text.first,
               isSpace(between: last, and: first, gap: w.x0 - lastEnd[c], em: w.y1 - w.y0) { cells[c] += " " }
            cells[c] += w.text
            lastEnd[c] = w.x1
        }
        return cells
    }

    /// A task table without rules, its rows told by the numbers that begin them.
    struct UnruledTable {
        var rows: [[String]] = []
        var places: [BlockPlace] = []
        /// For each row begun by a number, whether the lead or text column has words on the number's
        /// line: so in a table whose cells are set at the top of their rows, rarely in one whose cells
        /// are centred.
        var startsWithCells: [Bool] = []

        init() {}

        /// A table begun by its header.
        init(header: [String], place: BlockPlace) {
            rows = [header]
            places = [place]
        }

        /// A line's cells: a new row when it begins with a number (or is the first under the header),
        /// else the continuation of the row above, each cell's line a wrap joined as it stands.
        mutating func add(_ cells: [String], columns map: ColumnMap, page: Int, table: Int) {
            let numberColumn = map[.number] ?? 0
            let first = cells[numberColumn].trimmed
            let startsRow = TextCleaning.isInteger(first)
                || (ItemNumbering.parse(first) != nil && cells.enumerated().allSatisfy { $0.offset == numberColumn || $0.element.isEmpty })
            if startsRow || rows.count <= 1 && places.last?.row == 1 {
                if startsRow, TextCleaning.isInteger(first) {
                    startsWithCells.append([map[.lead], map[.text]].contains { $0.map { !cells[$0].trimmed.isEmpty } ?? false })
                }
                rows.append(cells)
                places.append(BlockPlace(line: 0, table: table, row: rows.count, page: page))
            } else {
                for (i, cell) in cells.enumerated() where !cell.isEmpty { rows[rows.count - 1][i] += cell }
            }
        }

        /// The table block, every row marked when its cells are not set at the top of their rows (so
        /// the rows were guessed); nil when empty.
        func block() -> TableBlock? {
            guard !rows.isEmpty else { return nil }
            var table = TableBlock(rows: rows, rowPlaces: places)
            if startsWithCells.count >= 3, Double(startsWithCells.filter { $0 }.count) < 0.7 * Double(startsWithCells.count) {
                for r in 1..<rows.count {
                    table.rowWarnings[r] = "the table has no rules and its cells are not set at the top of their rows, so its rows "
                        + "were guessed from word positions; check the row against the PDF"
                }
            }
            return table
        }
    }
}

/// The rules of a PDF read on a thread of its own (``PageRulings/ofPDF(at:)``), while its words are read.
final class PendingRulings: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var rulings: [[Ruling]]?

    /// Starts reading the rules of the PDF at `path`.
    init(path: String) {
        Thread { [self] in
            rulings = PageRulings.ofPDF(at: path)
            done.signal()
        }.start()
    }

    /// The rules, once read (nil when pdftocairo is missing or failed); waits for them. Call once.
    func wait() -> [[Ruling]]? {
        done.wait()
        return rulings
    }
}
