/// Task tables copied as text with their cells run together: a header line of nothing but header
/// words (`序号指标改革方向具体任务牵头单位配合单位`, or the same words spaced), then a line per row
/// starting with its 序号, as a web page or a PDF gives when its table is copied or saved as text.
///
/// A row whose parts, split at whitespace, are as many as the header's columns is read cell by
/// cell. Any other row is rebuilt from the header: the 序号 from its start; from its end, a
/// deadline (完成时限) where the header ends with one, then the agency columns, whose names are
/// read back from the end (a list's names are joined by 、，；, two lists abut with nothing between,
/// and a name begins with a level or a place: 自治区…, 省…, 南宁市…); what is left is the task.
/// Every rebuilt row carries a doubt and is marked for review, saying what was guessed.
///
/// - Complexity: O(n·w) in the characters of the text, w the longest name tried (40).
enum RunTogetherTable {
    /// A header line: its header words in order, and whether they were spaced apart.
    struct Header: Equatable {
        /// The header words, one per column.
        var cells: [String]
        /// Whether the words stood apart, separated by whitespace.
        var spaced: Bool
    }

    /// The longest header word tried when splitting a run-together header.
    static let longestHeaderWord = 8

    /// The header a line is, if it holds nothing but three or more header words, the first naming the 序号
    /// column, and names a lead and a task column (``ColumnMap``).
    ///
    /// - Complexity: O(n·8) in the line's characters (n ≤ 80): the fewest header words covering the line.
    static func header(_ line: String) -> Header? {
        let t = line.trimmed
        // The first word names the 序号 column: a cheap test that leaves almost every line at once.
        guard Lexicon.numberHeaders.contains(where: { t.hasPrefix($0) }), t.count >= 6, t.count <= 80,
              !t.unicodeScalars.contains("\t") else { return nil }
        let spacedParts = t.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if spacedParts.count >= 3, spacedParts.allSatisfy({ TaskField.named($0) != nil }) {
            return valid(Header(cells: spacedParts, spaced: true))
        }
        let chars = Array(t.filter { !$0.isWhitespace })
        let n = chars.count
        var fewest = [Int](repeating: Int.max, count: n + 1)
        var from = [Int](repeating: -1, count: n + 1)
        fewest[0] = 0
        for i in 0..<n where fewest[i] != Int.max {
            for j in (i + 1)...min(n, i + longestHeaderWord) where fewest[i] + 1 < fewest[j] {
                let word = String(chars[i..<j])
                guard word.unicodeScalars.contains(where: { $0.value >= 0x3400 }), TaskField.named(word) != nil else { continue }
                fewest[j] = fewest[i] + 1
                from[j] = i
            }
        }
        guard fewest[n] != Int.max else { return nil }
        var cells: [String] = []
        var end = n
        while end > 0 {
            cells.append(String(chars[from[end]..<end]))
            end = from[end]
        }
        return valid(Header(cells: cells.reversed(), spaced: false))
    }

    private static func valid(_ header: Header) -> Header? {
        guard header.cells.count >= 3, let map = ColumnMap(header: header.cells), map[.number] == 0,
        map.conflicts.isEmpty else { return nil }
        return header
    }

    /// A row's start: the 序号 a line begins with, the text after it, and a doubt when the number is
    /// not the one expected or may run into the text. Where cells are spaced, the number stands
    /// apart (`12 推进…`, `12.推进…`); where they ran together (`glued`), the expected number is read
    /// first even when digits follow (`5810千伏…` is row 58, with a doubt), else the leading digits
    /// if they are a 序号 near the expected one. Nil for a line that does not begin with one.
    static func rowStart(_ line: String, expected: Int, glued: Bool) -> (number: Int, rest: Substring, doubt: String?)? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        let read = Int(digits.prefix(4)) ?? 0
        func after(_ count: Int) -> Substring? {
            var rest = line.dropFirst(count)
            if let f = rest.first, ".．、".contains(f) { rest = rest.dropFirst() }
            return rest.trimmed.isEmpty ? nil : rest
        }
        let unexpected = "序号 \(read) where \(expected) was expected"
        if !glued {
            guard digits.count <= 4, let f = line.dropFirst(digits.count).first, f.isWhitespace || ".．、".contains(f),
                  let rest = after(digits.count) else { return nil }
            return (read, rest, read == expected ? nil : unexpected)
        }
        let wanted = String(expected)
        if digits.hasPrefix(wanted), let rest = after(wanted.count) {
            let runsOn = digits.count > wanted.count
            return (expected, rest, runsOn ? "digits follow its 序号 (\(line.prefix(8))…); read as 序号 \(expected): check" : nil)
        }
        guard digits.count <= 4, read == 1 || abs(read - expected) <= 3, let rest = after(digits.count) else { return nil }
        return (read, rest, unexpected)
    }

    /// The run-together tables of a text's lines: keyed by the header's line index, with the index
    /// after the table's last line. A row runs on over the lines after it up to a blank line or the
    /// next line that begins with a 序号; a header repeated on a later page and page markers are left out.
    static func tables(_ rawLines: [String]) -> [(Int, (TableBlock, Int))] {
        let lines = rawLines.map(\.trimmed)
        var out: [(Int, (TableBlock, Int))] = []
        var i = 0
        func skipBetweenRows(_ k: inout Int) {
            while k < lines.count, lines[k].isEmpty || PlainTextReader.isPageMarker(lines[k]) || Self.header(lines[k]) != nil { k += 1 }
        }
        while i < lines.count {
            guard lines[i].utf8.count <= 240, let header = header(lines[i]), let map = ColumnMap(header: header.cells) else {
                i += 1
                continue
            }
            let glued = !header.spaced
            var k = i + 1
            skipBetweenRows(&k)
            guard k < lines.count, let firstRow = rowStart(lines[k], expected: 1, glued: glued), firstRow.number == 1 else {
                i += 1
                continue
            }
            var table = TableBlock(rows: [header.cells], rowPlaces: [BlockPlace(line: i + 1)])
            var expected = 1
            while k < lines.count, let first = rowStart(lines[k], expected: expected, glued: glued) {
                let start = k
                var parts = [String(first.rest)]
                k += 1
                while k < lines.count, !lines[k].isEmpty, rowStart(lines[k], expected: first.number + 1, glued: glued) == nil {
                    if !PlainTextReader.isPageMarker(lines[k]), Self.header(lines[k]) == nil { parts.append(lines[k]) }
                    k += 1
                }
                var row = cells(of: parts.joined(separator: header.spaced ? " " : ""), number: String(first.number),
                                header: header, map: map)
                if let note = first.doubt { row.doubt = row.doubt.map { $0 + "; " + note } ?? "row \(first.number): " + note }
                if let doubt = row.doubt { table.rowWarnings[table.rows.count] = doubt }
                table.rows.append(row.cells)
                table.rowPlaces.append(BlockPlace(line: start + 1))
                expected = first.number + 1
                skipBetweenRows(&k)
            }
            out.append((i, (table, k)))
            i = k
        }
        return out
    }

    /// A document whose paragraphs hold a run-together table (a web page or Word file that set each
    /// row as a paragraph): each such run of paragraphs becomes one table block, its rows placed
    /// where their paragraphs were. Other blocks are kept as they are.
    static func rebuildingParagraphs(_ doc: BlockDocument) -> BlockDocument {
        var out = doc
        out.blocks = []
        var run: [TextBlock] = []
        func flush() {
            var k = 0
            for (start, (table, end)) in tables(run.map(\.text)) {
                out.blocks += run[k..<start].map { .paragraph($0) }
                var placed = table
                placed.rowPlaces = table.rowPlaces.map { run[$0.line - 1].place }
                out.blocks.append(.table(placed))
                k = end
            }
            out.blocks += run[k...].map { .paragraph($0) }
            run = []
        }
        for block in doc.blocks {
            if case .paragraph(let p) = block { run.append(p); continue }
            flush()
            out.blocks.append(block)
        }
        flush()
        return out
    }

    /// A row's cells: split at whitespace when that gives one part per column, else rebuilt from the
    /// header (``rebuilt(_:number:header:map:)``), with what was guessed.
    static func cells(of rest: String, number: String, header: Header, map: ColumnMap) -> (cells: [String], doubt: String?) {
        let parts = rest.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let agencyColumns = [map[.lead], map[.support], map[.responsible]].compactMap { $0 }
        if header.spaced, parts.count == header.cells.count - 1,
           agencyColumns.allSatisfy({ AgencyNameShape.looksLikeAgencyList(parts[$0 - 1]) }) {
            return ([number] + parts, nil)
        }
        return rebuilt(rest, number: number, header: header, map: map)
    }

    /// A run-together row rebuilt from its header's columns, always with a doubt naming what was guessed.
    static func rebuilt(_ rest: String, number: String, header: Header, map: ColumnMap) -> (cells: [String], doubt: String?) {
        var cells = [String](repeating: "", count: header.cells.count)
        cells[0] = number
        let fields = header.cells.map { TaskField.named($0) }
        guard let textColumn = map[.text] ?? map[.direction] else { return (cells, "row \(number): no task column to read into") }
        var chars = Array(rest)
        var guessed: [String] = []
        // The columns after the task, from the end: a deadline, then the agency columns.
        var after = Array((textColumn + 1)..<header.cells.count)
        if let last = after.last, fields[last] == .deadline {
            let cut = deadlineStart(chars)
            cells[last] = String(chars[cut...]).trimmed
            chars = Array(chars[..<cut])
            while let l = chars.last, l.isWhitespace { chars.removeLast() }
            after.removeLast()
            if cells[last].isEmpty { guessed.append("no \(header.cells[last]) found at the row's end") }
        }
        let agencyFields: Set<TaskField?> = [.lead, .support, .responsible]
        if !after.isEmpty, after.allSatisfy({ agencyFields.contains(fields[$0]) }) {
            let lists = agencyLists(chars, count: after.count, spaced: header.spaced)
            for (column, list) in zip(after, lists.lists) { cells[column] = list }
            chars = Array(chars[..<lists.start])
            guessed += lists.doubts.map { "\($0)" }
        } else if !after.isEmpty {
            guessed.append("the columns after the task (\(after.map { header.cells[$0] }.joined(separator: "、"))) could not be told apart")
        }
        // The columns before the task: at whitespace when the parts fit, else all read as the task.
        let before = Array(1..<textColumn)
        let parts = String(chars).split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if header.spaced, parts.count >= before.count + 1, !before.isEmpty {
            for (column, part) in zip(before, parts) { cells[column] = part }
            cells[textColumn] = parts[before.count...].joined(separator: " ")
            if parts.count > before.count + 1 { guessed.append("the parts before the agencies are more than their columns; the last read "
                + "as one task") }
        } else {
            cells[textColumn] = parts.joined(separator: " ")
            if !before.isEmpty {
                guessed.append("the \(before.map { header.cells[$0] }.joined(separator: "、")) cells run into the task and are read as "
                    + "part of it")
            }
        }
        if guessed.isEmpty { return (cells, nil) }
        let doubt = "row \(number): its cells ran together (a table copied as text) and were rebuilt from the header; "
            + (guessed.isEmpty ? "check the row against the source" : guessed.joined(separator: "; ") + ": check the row against the "
                + "source")
        return (cells, doubt)
    }

    /// Where a deadline at the end of a row begins (2024年12月底前, 长期坚持); the row's length when none is found.
    static func deadlineStart(_ chars: [Character]) -> Int {
        var best = chars.count
        for start in stride(from: chars.count - 1, through: max(0, chars.count - 24), by: -1) {
            let tail = String(chars[start...]).trimmed
            // A deadline begins with its number (2024年…, 6月底前) or a word that states a time (长期坚持, 年底前).
            let begins = chars[start].isNumber && (start == 0 || !chars[start - 1].isNumber)
                || (Lexicon.standingDeadlines + Lexicon.undatedDeadlineBeginnings + Lexicon.undatedDeadlineWords)
                    .contains { tail.hasPrefix($0) }
            guard begins, AssignmentClauseParser.isDeadline(tail), !AgencyNameShape.looksLikeAgencyList(tail) else { continue }
            best = start
        }
        return best
    }

    /// How strongly a text begins as an agency's name does: a level, province or collective
    /// (自治区…, 省…, 广西…, 各…, 中国…) scores 10 and the length of its word, so 自治区 outranks 区;
    /// a place (南宁市…, 青秀区…) or a word that only holds a level's character (市场监管总局) 5; else 0.
    static func nameBeginning(_ text: ArraySlice<Character>) -> Int {
        guard let first = text.first, first.isLetter else { return 0 }
        let head = String(text.prefix(6))
        if Lexicon.markerWords.contains(where: { head.hasPrefix($0) }) { return 5 }
        if let word = Lexicon.nameBeginnings.filter({ head.hasPrefix($0) }).max(by: { $0.count < $1.count }) { return 10 + word.count }
        if Lexicon.ownNameWords.contains(where: { String(text.prefix(2 + $0.count)).hasSuffix($0) }) { return 5 }
        for (i, c) in text.prefix(6).enumerated() where i >= 1 && Lexicon.placeMarkers.contains(c) {
            let word = String(text.dropFirst(i).prefix(2))
            return Lexicon.markerWords.contains(word) ? 0 : 5
        }
        return 0
    }

    /// Whether a part of a row is an agency's name: shaped as one (``AgencyNameShape``) and beginning as one.
    static func isName(_ text: ArraySlice<Character>) -> Bool {
        guard let last = text.last, !"、，,；;".contains(last) else { return false }
        return nameBeginning(text) > 0 && AgencyNameShape.looksLikeAgency(String(text))
    }

    /// Whether a name is a branch of the body before it: a place and a branch's ending (广西壮族自治区分行,
    /// 广西监管局, 南宁中心支行), which never stands alone after a body's name; no abutment begins with one.
    static func isBranch(_ text: ArraySlice<Character>) -> Bool {
        let name = String(text)
        guard let ending = Lexicon.branchEndings.first(where: { name.hasSuffix($0) }) else { return false }
        var place = String(name.dropLast(ending.count))
        if let province = Lexicon.provinces.first(where: { place.hasPrefix($0) }) {
            place.removeFirst(province.count)
            return place.isEmpty || Lexicon.provinceSuffixes.contains(place)
        }
        return place.count <= 3 || (place.count <= 5 && place.last.map(Lexicon.placeMarkers.contains) == true)
    }

    /// Whether a part of a row is shaped as a name by its ending alone (百色电力有限责任公司, 数字广西集团):
    /// taken into a list with a doubt, never as the list's beginning after the task.
    static func isNameByEnding(_ text: ArraySlice<Character>) -> Bool {
        text.count <= 20 && !text.contains(where: { "。！？；".contains($0) }) && AgencyNameShape.looksLikeAgency(String(text))
    }

    /// Characters that end a sentence: a name after one begins more surely.
    static let sentenceEnds: Set<Character> = ["。", "；", "！", "？", "）", ")", "”"]

    /// The agency lists at the end of a row, `count` of them in the header's order, and where the
    /// first begins. Lists are read back from the end: each part between 、，；and whitespace is a name,
    /// or two names that abut (where one list ends and the next begins); the first part that is no
    /// name holds the end of the task and the first list's first name. The `count - 1` strongest
    /// abutments are where the lists part.
    static func agencyLists(_ chars: [Character], count: Int, spaced: Bool) -> (lists: [String], start: Int, doubts: [String]) {
        let parts = listParts(chars)
        var start = chars.count
        var abutments: [(at: Int, strength: Int)] = []
        var doubts: [String] = []
        for part in parts {
            let slice = chars[part]
            let byEnding = !isName(slice) && start < chars.count && isNameByEnding(slice)
            if isName(slice) || byEnding {
                if byEnding { doubts.append("'\(String(slice))' read as an agency by its ending alone") }
                start = part.lowerBound
                abutments += cuts(in: chars, part, leftMustBeName: true)
                if part.lowerBound > 0, chars[part.lowerBound - 1].isWhitespace { abutments.append((part.lowerBound, 100)) }
                continue
            }
            // The end of the task and the first name: cut where a name begins, best after a sentence's end.
            let candidates = cuts(in: chars, part, leftMustBeName: false)
            if let cut = candidates.max(by: { ($0.strength, -$0.at) < ($1.strength, -$1.at) }) {
                start = cut.at
                abutments += cuts(in: chars, cut.at..<part.upperBound, leftMustBeName: true)
                let before = chars[chars.index(before: cut.at)]
                if !sentenceEnds.contains(before) { doubts.append("the task's end and the first agency were told apart by the name's "
                    + "shape alone") }
            }
            break
        }
        if start >= chars.count {
            return (Array(repeating: "", count: count), chars.count, ["no agency name found at the row's end"])
        }
        // The lists part at the strongest abutments inside the agency block.
        let inside = abutments.filter { $0.at > start }.sorted { ($0.strength, -$0.at) > ($1.strength, -$1.at) }
        // Cells spaced apart with one list after the space: the lists after it are empty, as the spacing says.
        let spacedAlone = spaced && start > 0 && chars[start - 1].isWhitespace && !chars[start...].contains(where: \.isWhitespace)
        // No name so long that two could hide in it (two abutting names run past 14 characters): the
        // later lists are empty.
        let shortNames = parts.filter { $0.lowerBound >= start }.allSatisfy { $0.count <= 14 }
        if inside.count < count - 1, spacedAlone || shortNames {
            // Nothing to doubt.
        } else if inside.count < count - 1 {
            doubts.append(count == 2 ? "no place where the 牵头 list ends and the 配合 list begins; all read as 牵头"
                                     : "fewer places where one list ends and the next begins than lists; the last read as empty")
        } else if count >= 2, inside.count > count - 1, inside[count - 1].strength == inside[count - 2].strength {
            doubts.append("more than one place where the lists could part; the first of the strongest taken")
        }
        var lists: [String] = []
        var from = start
        for to in inside.prefix(count - 1).map(\.at).sorted() + [chars.count] {
            lists.append(AssignmentClauseParser.trimSeparators(String(chars[from..<to])))
            from = to
        }
        while lists.count < count { lists.append("") }
        return (lists, start, doubts)
    }

    /// The parts of a row between 、，；and whitespace, as ranges, last first; 、 between two levels
    /// (各市、县人民政府) does not part.
    static func listParts(_ chars: [Character]) -> [Range<Int>] {
        let separators: Set<Character> = ["、", "，", ",", "；", ";"]
        func partsAt(_ i: Int) -> Bool {
            guard i >= 0 else { return true }
            if chars[i] == "、", i > 0, i + 1 < chars.count, Lexicon.placeMarkers.contains(chars[i - 1]),
               Lexicon.placeMarkers.contains(chars[i + 1]) { return false }
            return separators.contains(chars[i]) || chars[i].isWhitespace
        }
        var parts: [Range<Int>] = []
        var end = chars.count
        for i in stride(from: chars.count - 1, through: -1, by: -1) where partsAt(i) {
            if i + 1 < end { parts.append((i + 1)..<end) }
            end = i
        }
        return parts
    }

    /// Places inside a part where an agency's name begins, with the strength of its beginning
    /// (``nameBeginning(_:)``). With `leftMustBeName`, the name runs to the part's end and what stands
    /// before it is a name too (two names abutting); without, what runs to the part's end is one name
    /// or two abutting, and a place after a sentence's end counts 20 more (the task's end).
    static func cuts(in chars: [Character], _ part: Range<Int>, leftMustBeName: Bool) -> [(at: Int, strength: Int)] {
        var out: [(at: Int, strength: Int)] = []
        let reach = leftMustBeName ? 40 : 80
        for at in stride(from: part.upperBound - 2, to: max(part.lowerBound, part.upperBound - reach), by: -1) {
            let right = chars[at..<part.upperBound]
            let strength = nameBeginning(right)
            guard strength > 0 else { continue }
            if leftMustBeName {
                let branch = right.count >= 3 && (3...min(12, right.count)).contains { isBranch(right.prefix($0)) }
                guard AgencyNameShape.looksLikeAgency(String(right)), !branch, isName(chars[part.lowerBound..<at]) else { continue }
                out.append((at, strength))
            } else {
                guard isName(right) || !cuts(in: chars, at..<part.upperBound, leftMustBeName: true).isEmpty else { continue }
                out.append((at, strength + (sentenceEnds.contains(chars[at - 1]) ? 20 : 0)))
            }
        }
        return out
    }
}
