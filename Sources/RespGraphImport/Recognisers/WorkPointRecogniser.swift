import RespGraphModel

/// Reads the work points of a document's body: paragraphs headed （一）, （二）… under sections
/// headed 一、二、…, each ending with （牵头单位：…；配合单位：…） or （责任单位：…）.
///
/// A paragraph's lines are joined (PDF line breaks fall inside sentences). Its first sentence is the
/// direction, the rest up to the clause its text, and its section heading its indicator.
/// 责任单位 names the responsible units without telling lead from support; they are read as leads
/// and a note says so. Paragraphs without such a clause (the 2022 plan's measures) are body text,
/// not tasks.
struct WorkPointRecogniser {
    let file: String

    static let numerals = Lexicon.chineseNumerals

    /// A paragraph being collected: the heading line and each line's text.
    struct Paragraph {
        var section: String
        var sectionNumeral: String
        var numeral: String
        var lines: [(line: Int, text: String)]
    }

    func parse(lines: [(line: Int, text: String)], diagnostics: inout [ImportDiagnostic]) -> [TaskRow] {
        var paragraphs: [Paragraph] = []
        var section = ""
        var sectionNumeral = ""
        var current: Paragraph?
        for (lineNumber, raw) in lines {
            let text = raw.trimmed
            if text.isEmpty { continue }
            if text.hasPrefix("附件") { break }
            if let (numeral, title) = Self.sectionHeading(text) {
                if let p = current { paragraphs.append(p) }
                current = nil
                section = title
                sectionNumeral = numeral
                continue
            }
            if let numeral = Self.pointHeading(text) {
                if let p = current { paragraphs.append(p) }
                current = Paragraph(section: section, sectionNumeral: sectionNumeral, numeral: numeral, lines: [(lineNumber, text)])
                continue
            }
            current?.lines.append((lineNumber, text))
        }
        if let p = current { paragraphs.append(p) }

        var rows: [TaskRow] = []
        for p in paragraphs {
            if let row = workPoint(p, number: rows.count + 1, diagnostics: &diagnostics) { rows.append(row) }
        }
        return rows
    }

    private func workPoint(_ p: Paragraph, number: Int, diagnostics: inout [ImportDiagnostic]) -> TaskRow? {
        // Join the lines, remembering where each starts.
        var chars: [Character] = []
        var starts: [(offset: Int, line: Int)] = []
        for (line, text) in p.lines {
            starts.append((chars.count, line))
            chars += Array(text)
        }
        func line(at offset: Int) -> Int { starts.last { $0.offset <= offset }?.line ?? p.lines[0].line }
        guard let clauseStart = Self.clauseStart(in: chars) else { return nil }
        guard let clauseEnd = chars[(clauseStart + 1)...].firstIndex(where: { $0 == "）" || $0 == ")" }) else {
            diagnostics.append(ImportDiagnostic(.warning, file: file, line: line(at: clauseStart), code: .unclosedClause,
                "the responsibility clause of work point \(p.sectionNumeral)（\(p.numeral)） is never closed"))
            return nil
        }
        let clause = String(chars[(clauseStart + 1)..<clauseEnd])
        let after = String(chars[(clauseEnd + 1)...]).trimmed
        if !after.isEmpty, let afterStart = chars[(clauseEnd + 1)...].firstIndex(where: { !$0.isWhitespace }) {
            diagnostics.append(ImportDiagnostic(.warning, file: file, line: line(at: afterStart), code: .textAfterClause,
                "text after the responsibility clause of work point \(p.sectionNumeral)（\(p.numeral)）: '\(after)'"))
        }
        var lead = "", support = ""
        for part in clause.split(whereSeparator: { $0 == "；" || $0 == ";" }) {
            let s = String(part).trimmed
            guard let (label, role) = Self.label(at: s) else { continue }
            let value = String(s.dropFirst(label.count).drop { $0 == "：" || $0 == ":" })
            switch role {
            case .lead: lead = value
            case .support: support = value
            case .responsible:
                lead = value
                diagnostics.append(ImportDiagnostic(.note, file: file, line: line(at: clauseStart), code: .responsibilityUnits,
                    "work point \(p.sectionNumeral)（\(p.numeral)） names \(label) (responsible units) without telling lead from support; "
                        + "read as leads"))
            case .person, .deadline, .scope: break
            }
        }
        // Body: after the heading numeral, up to the clause.
        let headingEnd = chars.firstIndex { $0 == "）" || $0 == ")" }.map { $0 + 1 } ?? 0
        let body = String(chars[headingEnd..<clauseStart]).trimmed
        let direction: String
        let text: String
        if let stop = body.firstIndex(of: "。") {
            direction = String(body[..<stop]).trimmed
            text = String(body[body.index(after: stop)...]).trimmed
        } else {
            direction = body
            text = ""
        }
        return TaskRow(level: .workPoint, number: number, label: "\(p.sectionNumeral)（\(p.numeral)）",
                       indicator: p.section, direction: TextCleaning.joinWrapped(direction), text: TextCleaning.joinWrapped(text),
                       deadline: nil, leadCell: lead, supportCell: support, sourceLine: p.lines[0].line)
    }

    /// The role label (``Lexicon/roleLabels``, the longest) a clause part begins with, followed by a colon.
    static func label(at s: String) -> (word: String, role: Lexicon.Role)? {
        Lexicon.roleLabels.filter { s.hasPrefix($0.word + "：") || s.hasPrefix($0.word + ":") }.max { $0.word.count < $1.word.count }
    }

    /// The index of the opening parenthesis of the last clause that begins with a lead or responsible
    /// label (（牵头单位：…, （责任单位：…).
    static func clauseStart(in chars: [Character]) -> Int? {
        var found: Int?
        for i in chars.indices where chars[i] == "（" || chars[i] == "(" {
            let next = String(chars[(i + 1)..<min(chars.count, i + 12)])
            if let role = label(at: next)?.role, role == .lead || role == .responsible { found = i }
        }
        return found
    }

    /// `一、标题` → ("一", "标题").
    static func sectionHeading(_ text: String) -> (String, String)? {
        let numeral = text.prefix { numerals.contains($0) }
        guard !numeral.isEmpty, text.dropFirst(numeral.count).first == "、" else { return nil }
        return (String(numeral), String(text.dropFirst(numeral.count + 1)).trimmed)
    }

    /// `（一）…` or `(一)…` → "一".
    static func pointHeading(_ text: String) -> String? {
        guard let open = text.first, open == "（" || open == "(" else { return nil }
        let rest = text.dropFirst().drop { $0.isWhitespace }
        let numeral = rest.prefix { numerals.contains($0) }
        guard !numeral.isEmpty else { return nil }
        let after = rest.dropFirst(numeral.count).drop { $0.isWhitespace }
        guard let close = after.first, close == "）" || close == ")" else { return nil }
        return String(numeral)
    }
}
