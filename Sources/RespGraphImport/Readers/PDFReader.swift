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
    }

    /// Reads a PDF file through pdftotext.
    ///
    /// - Throws: ``ImportError`` when pdftotext is missing or fails, or the PDF holds no text.
    public static func read(path: String) throws(ImportError) -> BlockDocument {
        let xhtml = try PDFTextExtraction.wordBoxes(ofPDFAt: path)
        let words = try wordBoxes(xhtml, file: path)
        if let blocks = tableBlocks(words) { return BlockDocument(file: path, blocks: blocks, format: "pdf") }
        let text = try PDFTextExtraction.text(ofPDFAt: path)
        var doc = PlainTextReader.read(text: text, file: path)
        doc.format = "pdf"
        return doc
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
        let all = lines(words, inWrittenOrder: inWrittenOrder)
        guard all.contains(where: { ColumnMap(header: $0.words.map(\.text)) != nil }) else { return nil }
        var blocks: [DocumentBlock] = []
        var before: [String] = []
        var rows: [[String]] = []
        var places: [BlockPlace] = []
        var bounds: [Double]?
        var columns: ColumnMap?
        var tableCount = 0
        func flushTable() {
            if !rows.isEmpty {
                blocks.append(.table(TableBlock(rows: rows, rowPlaces: places)))
            }
            rows = []
            places = []
        }
        for line in all {
            let texts = line.words.map(\.text)
            if let header = ColumnMap(header: texts) {
                if bounds == nil || columns?.width != header.width {
                    flushTable()
                    if !before.isEmpty {
                        blocks.append(contentsOf: PlainTextReader.read(text: before.joined(separator: "\n"), file: "").blocks)
                        before = []
                    }
                    tableCount += 1
                    rows.append(texts)
                    places.append(BlockPlace(line: 0, table: tableCount, row: 1, page: line.page))
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
            var cells = Array(repeating: "", count: map.width)
            var lastEnd = Array(repeating: -Double.infinity, count: map.width)
            for w in line.words {
                let c = min(column(of: w, b), map.width - 1)
                // Words apart by a visible gap were written with a space between them (培训 15 万人次).
                if !cells[c].isEmpty, w.x0 - lastEnd[c] >= 1.5 { cells[c] += " " }
                cells[c] += w.text
                lastEnd[c] = w.x1
            }
            let numberColumn = map[.number] ?? 0
            let first = cells[numberColumn].trimmed
            let startsRow = TextCleaning.isInteger(first) || (ItemNumbering.parse(first) != nil && cells.enumerated().allSatisfy { $0.offset == numberColumn || $0.element.isEmpty })
            if startsRow || rows.count <= 1 && places.last?.row == 1 {
                rows.append(cells)
                places.append(BlockPlace(line: 0, table: tableCount, row: rows.count, page: line.page))
            } else {
                for (i, cell) in cells.enumerated() where !cell.isEmpty {
                    let previous = rows[rows.count - 1][i]
                    // A line of a cell continued below is a wrap, not a break: joined as it stands.
                    rows[rows.count - 1][i] = previous + cell
                }
            }
        }
        flushTable()
        if !before.isEmpty { blocks.append(contentsOf: PlainTextReader.read(text: before.joined(separator: "\n"), file: "").blocks) }
        return blocks
    }
}
