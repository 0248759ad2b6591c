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
    public static func read(text: String, file: String) -> BlockDocument {
        let lines = lines(of: text)
        let wrapWidth = Self.wrapWidth(lines)
        var blocks: [DocumentBlock] = []
        var paragraph: TextBlock?
        var tableRows: [[String]] = []
        var tablePlaces: [BlockPlace] = []
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
        for (index, raw) in lines.enumerated() {
            let line = index + 1
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
            let wrapped = wrapWidth != nil && previousLength >= wrapWidth! - 2 && !endsSentence(paragraph?.text ?? "")
            let continues = paragraph != nil && ItemNumbering.parse(text) == nil && (wrapped || hasUnclosedBracket(paragraph!.text))
            if continues {
                paragraph!.text += text
            } else {
                flushParagraph()
                paragraph = TextBlock(text: text, place: BlockPlace(line: line))
            }
            previousLength = text.count
        }
        flushParagraph()
        flushTable()
        return BlockDocument(file: file, blocks: blocks, format: "text")
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

    /// Whether a text opens a bracket it does not close (a clause wrapped onto the next line).
    static func hasUnclosedBracket(_ text: String) -> Bool {
        var depth = 0
        for c in text {
            if c == "（" || c == "(" { depth += 1 } else if c == "）" || c == ")" { depth = max(0, depth - 1) }
        }
        return depth > 0
    }

    /// Whether a paragraph ends a sentence (so the next line starts a new one).
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return "。！？；：!?;:".contains(last)
    }

    /// The cells of a line written as a table row: tab-separated, or `| a | b |`.
    static func tableCells(_ raw: String) -> [String]? {
        if raw.contains("\t") {
            return raw.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed }
        }
        let t = raw.trimmed
        if t.count > 2, t.hasPrefix("|"), t.hasSuffix("|") {
            let inner = t.dropFirst().dropLast()
            let cells = inner.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
            // A Markdown separator row (|---|---|) carries no cells.
            if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-: ".contains($0) } }) { return nil }
            return cells.count > 1 ? cells : nil
        }
        return nil
    }

    /// Whether a line is only a page marker: — 20 —, - 3 -, -3-, 第 3 页, 第3页 共10页, 3/10.
    static func isPageMarker(_ s: String) -> Bool {
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

