/// A document-level rule about reading assignment lists, stated once in the text.
public enum AssignmentConvention: String, Sendable, Equatable {
    /// "列第一位者为牵头单位" / "排在首位的为牵头单位": the first listed leads, the rest support.
    case firstListedLeads = "first-listed-leads"
    /// "无牵头单位的，责任单位即为牵头单位": where no lead is named, the responsible units lead.
    case responsibleAreLeads = "responsible-are-leads"

    /// The convention a sentence states, if any.
    static func stated(in text: String) -> AssignmentConvention? {
        let t = TextCleaning.removingWhitespace(text)
        guard t.holds("牵头") else { return nil }
        for marker in Lexicon.firstListedLeadsMarkers where t.holds(marker) { return .firstListedLeads }
        let responsible = Lexicon.responsibleAreLeadsMarkers
        if responsible.absent.contains(where: t.holds), t.holds(responsible.then) { return .responsibleAreLeads }
        return nil
    }
}

/// One assignment clause read from a document: who leads, who supports, and the other fields a
/// clause carries (deadline, persons, scope), with what was doubtful about it.
public struct AssignmentClause: Sendable, Equatable {
    /// The lead agencies as written (groups joined by "，"), empty when none is named.
    public var leads: String = ""
    /// The supporting agencies as written.
    public var supporters: String = ""
    /// Whether the leads were read from 责任单位 / "A负责" with no 牵头 named (responsible, not named leads).
    public var leadsAreResponsible = false
    /// The deadline the clause states (完成时限：…, 6月底完成, 长期坚持).
    public var deadline: String?
    /// Persons named (责任领导：张三); never agencies.
    public var persons: [String] = []
    /// A scope the clause states (适用范围：…); not an agency.
    public var scope: String?
    /// A convention the clause states for itself and the clauses after it (…，下同).
    public var convention: AssignmentConvention?
    /// Routine readings worth a note (a trailing 等有关部门 dropped).
    public var notes: [String] = []
    /// Readings a person should check (a part that is neither an agency nor a known field).
    public var doubts: [String] = []
    /// Whether the clause was written with labels (牵头单位：…) rather than in prose.
    public var labelled = false
    /// Whether the clause is a bare list of agency names in brackets, with no label or role word.
    public var bareList = false
}

/// Reads the content of one clause (what stands inside its brackets, or a line of its own).
///
/// Labelled: `牵头单位：A；配合单位：B` and the other labels of ``labels``; a text before the first
/// label that reads as a deadline is the deadline. Prose: segments separated by `，；` each ending
/// in a role verb (`A、B牵头`, `C配合`, `D按职责分工负责`, `由A牵头`, `A会同B负责`); a segment
/// without a verb joins the next one. Roles: 牵头 leads; 配合/协助/参与/协办 support; 负责 and
/// 分工负责 support beside a 牵头, and lead (responsible) where nothing is 牵头.
///
/// A content is an assignment clause only if every party it names looks like an agency
/// (``AgencyNameShape``); a prose parenthetical such as （所需资金由地方负责） is not one.
public enum AssignmentClauseParser {
    /// What a label introduces.
    enum Field: Sendable {
        case lead, support, responsible, person, deadline, scope
        init(_ role: Lexicon.Role) {
            switch role {
            case .lead: self = .lead
            case .support: self = .support
            case .responsible: self = .responsible
            case .person: self = .person
            case .deadline: self = .deadline
            case .scope: self = .scope
            }
        }
    }

    /// The labels (``Lexicon/roleLabels``), longest first so 牵头责任单位 wins over 责任单位.
    static let labels: [(String, Field)] = Lexicon.roleLabels.map { ($0.word, Field($0.role)) }.sorted { $0.0.count > $1.0.count }

    /// Role verbs ending a prose segment (``Lexicon/roleVerbs``), longest first.
    static let verbs: [(String, Field)] = Lexicon.roleVerbs.map { ($0.word, Field($0.role)) }.sorted { $0.0.count > $1.0.count }

    /// Reads a clause's content; nil when it is not an assignment clause.
    public static func parse(_ content: String) -> AssignmentClause? {
        let c = TextCleaning.fullWidthParentheses(separatingSpacedNames(TraditionalChinese.simplified(content)))
        guard !c.isEmpty else { return nil }
        guard var clause = parseLabelled(c) ?? parseProse(c) else { return nil }
        markedLeads(&clause)
        return clause
    }

    /// Markers after a name that give its role inside a list: 县工信局（牵头）、县住建局.
    static let leadMarkers = Lexicon.leadMarkers
    static let supportMarkers = Lexicon.supportMarkers

    /// Moves names marked （牵头） to the leads and, when the leads were only responsible units, the
    /// others to the supporters; names marked （配合） go to the supporters. Markers are removed.
    static func markedLeads(_ clause: inout AssignmentClause) {
        let all = AgencyNameShape.items(of: clause.leads) + AgencyNameShape.items(of: clause.supporters)
        guard all.contains(where: { n in (leadMarkers + supportMarkers).contains { n.hasSuffix($0) } }) else { return }
        func strip(_ n: String) -> String {
            for m in leadMarkers + supportMarkers where n.hasSuffix(m) { return String(n.dropLast(m.count)) }
            return n
        }
        let marked = all.filter { n in leadMarkers.contains { n.hasSuffix($0) } }.map(strip)
        let markedSupport = all.filter { n in supportMarkers.contains { n.hasSuffix($0) } }.map(strip)
        let leadItems = AgencyNameShape.items(of: clause.leads).map(strip)
        let supportItems = AgencyNameShape.items(of: clause.supporters).map(strip)
        var leads = marked.isEmpty ? leadItems.filter { !markedSupport.contains($0) } : marked
        if leads.isEmpty { leads = leadItems }
        let supporters = (leadItems + supportItems).filter { !leads.contains($0) }
        clause.leads = leads.joined(separator: "、")
        clause.supporters = supporters.joined(separator: "、")
        if !marked.isEmpty { clause.leadsAreResponsible = false }
        clause.doubts.removeAll { d in (leadMarkers + supportMarkers).contains { d.contains($0) } }
        clause.notes.append("roles read from the markers after the "
            + "names: \(marked.isEmpty ? "" : "牵头 " + marked.joined(separator: "、"))"
            + (markedSupport.isEmpty ? "" : " 配合 " + markedSupport.joined(separator: "、")))
    }

    /// Whitespace removed, except where it separates two whole agency names (配合单位：市数据局 市住建局)
    /// or ends a field before the next label: there it becomes `、` or `；`. A space inside a name
    /// (自治区市场 监管局, a wrapping artefact) is simply removed.
    static func separatingSpacedNames(_ text: String) -> String {
        let tokens = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard tokens.count > 1 else { return tokens.first ?? "" }
        let stops: Set<Character> = ["，", ",", "；", ";", "、", "：", ":", "（", "(", "）", ")", "。"]
        var out = tokens[0]
        for next in tokens.dropFirst() {
            let nextChars = Array(next)
            if let label = firstLabel(in: nextChars, from: 0), label.index == 0 {
                out += "；" + next
                continue
            }
            let tail = String(out.split(whereSeparator: { stops.contains($0) }).last ?? "")
            let head = String(next.split(whereSeparator: { stops.contains($0) }).first ?? "")
            let bothNames = AgencyNameShape.looksLikeAgency(tail) && AgencyNameShape.looksLikeAgency(head)
                && !out.hasSuffix("：") && !out.hasSuffix(":")
            out += (bothNames ? "、" : "") + next
        }
        return out
    }

    /// The first label (followed by a colon) in a text, with its position.
    ///
    /// - Complexity: O(n) character comparisons for most positions (only a label's first character
    ///   starts a comparison), O(n · L) at worst.
    static func firstLabel(in s: [Character], from start: Int) -> (index: Int, label: String, field: Field)? {
        var i = start
        while i < s.count {
            if labelStarts.contains(s[i]) {
                for (chars, label, field) in labelCharacters where chars[0] == s[i] {
                    let n = chars.count
                    guard i + n < s.count else { continue }
                    var k = 1
                    while k < n, s[i + k] == chars[k] { k += 1 }
                    if k == n, s[i + n] == "：" || s[i + n] == ":" { return (i, label, field) }
                }
            }
            i += 1
        }
        return nil
    }

    /// The labels as characters, longest first, and the characters a label can start with.
    static let labelCharacters: [([Character], String, Field)] = labels.map { (Array($0.0), $0.0, $0.1) }
    static let labelStarts: Set<Character> = Set(labels.map { $0.0.first! })

    /// A clause of labels and their values (牵头单位：A；配合单位：B、C；完成时限：…); nil without a lead,
    /// support or responsible label.
    static func parseLabelled(_ c: String) -> AssignmentClause? {
        let s = Array(c)
        guard let first = firstLabel(in: s, from: 0) else { return nil }
        var clause = AssignmentClause()
        clause.labelled = true
        var fields: [(Field, String, String)] = []
        var cursor = first
        while true {
            let valueStart = cursor.index + cursor.label.count + 1
            let next = firstLabel(in: s, from: valueStart)
            let valueEnd = next?.index ?? s.count
            let value = String(s[valueStart..<max(valueStart, valueEnd)])
            fields.append((cursor.field, cursor.label, trimSeparators(value)))
            guard let n = next else { break }
            cursor = n
        }
        guard fields.contains(where: { [.lead, .support, .responsible].contains($0.0) }) else { return nil }
        // Text before the first label: a deadline, a score, or something to check.
        for part in splitSegments(trimSeparators(String(s[0..<first.index]))) where !part.isEmpty && !isScore(part) {
            if isDeadline(part) { clause.deadline = join(clause.deadline, part) } else {
                clause.doubts.append("'\(part)' before \(first.label) is neither a deadline nor a label; left out")
            }
        }
        var leads: [String] = [], supporters: [String] = [], responsible: [String] = []
        for (field, label, value) in fields {
            switch field {
            case .lead, .support, .responsible:
                guard let cleaned = agencyList(value, label: label, clause: &clause) else { continue }
                switch field {
                case .lead: leads.append(cleaned)
                case .support: supporters.append(cleaned)
                default: responsible.append(cleaned)
                }
            case .person:
                if !value.isEmpty { clause.persons.append(value) }
            case .deadline:
                if !value.isEmpty { clause.deadline = join(clause.deadline, value) }
            case .scope:
                if !value.isEmpty { clause.scope = value }
                clause.notes.append("\(label)：\(String(value.prefix(30))) is a scope, not an agency")
            }
        }
        if leads.isEmpty {
            leads = responsible
            clause.leadsAreResponsible = !responsible.isEmpty
        } else {
            supporters = responsible + supporters
        }
        clause.leads = leads.joined(separator: "，")
        clause.supporters = supporters.joined(separator: "，")
        return clause
    }

    /// The agencies a label's value lists, cleaned; a deadline among them goes to `clause`, and a
    /// value naming no agency, or parts that do not look like one, are doubts. Nil when none is named.
    static func agencyList(_ value: String, label: String, clause: inout AssignmentClause) -> String? {
        var kept: [String] = []
        for part in splitSegments(value) where !part.isEmpty {
            if isDeadline(part) && !AgencyNameShape.looksLikeAgencyList(part) {
                clause.deadline = join(clause.deadline, part)
            } else {
                kept.append(part)
            }
        }
        let cleaned = cleanList(kept.joined(separator: "，"), notes: &clause.notes)
        if cleaned.isEmpty {
            clause.doubts.append("\(label) names no agency")
            return nil
        }
        for item in AgencyNameShape.items(of: cleaned) where !AgencyNameShape.looksLikeAgency(item) {
            clause.doubts.append("'\(item)' under \(label) does not look like an agency name; kept as written")
        }
        return cleaned
    }

    /// A clause in prose (A牵头，B、C按职责分工负责; A会同B负责); nil when its parties do not
    /// mostly look like agencies (a sentence, not a clause).
    static func parseProse(_ c: String) -> AssignmentClause? {
        var clause = AssignmentClause()
        var body = c
        // A convention stated inside the clause (…负责。列第一位者为牵头单位，下同).
        if let convention = AssignmentConvention.stated(in: body) {
            clause.convention = convention
            body = beforeConvention(body)
        }
        body = trimSeparators(body)
        guard !body.isEmpty else { return nil }
        let (groups, pending) = roleGroups(body, clause: &clause)
        guard !groups.isEmpty else { return nil }
        return assigning(groups, unassigned: pending, to: clause)
    }

    /// A clause's text before the sentence that states its convention, which starts at the earliest
    /// of the lexicon's convention words.
    static func beforeConvention(_ body: String) -> String {
        let chars = Array(body)
        let markers = Lexicon.firstListedLeadsMarkers + Lexicon.responsibleAreLeadsMarkers.absent
        var cut = markers.compactMap { offset(of: $0, in: chars) }.min() ?? chars.count
        while cut > 0, !"，。；,;".contains(chars[cut - 1]) { cut -= 1 }
        return String(chars[0..<cut])
    }

    /// Names with the role their verb gives them, segment by segment; a deadline goes to `clause`, and
    /// the names no verb follows are returned as `pending`.
    static func roleGroups(_ body: String, clause: inout AssignmentClause) -> (groups: [RoleGroup], pending: [String]) {
        var groups: [RoleGroup] = []
        var pending: [String] = []
        for segment in splitSegments(body) where !segment.isEmpty {
            if segment == "下同" || isScore(segment) { continue }
            var seg = segment
            if seg.hasPrefix("由") { seg.removeFirst() }
            guard let (verb, field) = verbs.first(where: { seg.hasSuffix($0.0) && seg.count > $0.0.count }) else {
                let segChars = Array(seg)
                if let at = offset(of: "会同", in: segChars), at > 0, at + 2 < segChars.count {
                    // A会同B with no verb after it: A leads, B supports.
                    groups.append(((pending + [String(segChars[..<at])]).joined(separator: "，"), .lead, true))
                    groups.append((String(segChars[(at + 2)...]), .support, true))
                    pending = []
                } else if isDeadline(seg) && !AgencyNameShape.looksLikeAgencyList(seg) {
                    clause.deadline = join(clause.deadline, seg)
                } else {
                    pending.append(seg)
                }
                continue
            }
            var names = droppingQualifiers(String(seg.dropLast(verb.count)))
            if names.hasPrefix("由") { names.removeFirst() }
            let nameChars = Array(names)
            if let at = offset(of: "会同", in: nameChars) {
                // A会同B负责: A leads, B supports.
                let a = String(nameChars[..<at]), b = String(nameChars[(at + 2)...])
                groups.append(((pending + [a]).joined(separator: "，"), .lead, true))
                pending = []
                if !b.isEmpty { groups.append((b, .support, true)) }
                continue
            }
            groups.append(((pending + [names]).joined(separator: "，"), field, false))
            pending = []
        }
        return (groups, pending)
    }

    /// Names and the role a verb gives them; `coLead` when joined by 会同.
    typealias RoleGroup = (names: String, field: Field, coLead: Bool)

    /// The clause with its leads and supporters (responsible parties lead unless another leads), or
    /// nil when most parties do not look like agencies; the others are kept and flagged.
    static func assigning(_ groups: [RoleGroup], unassigned pending: [String], to start: AssignmentClause) -> AssignmentClause? {
        var clause = start
        var cleanedGroups: [(String, Field)] = []
        var shaped = 0, unshaped: [String] = []
        for g in groups {
            let cleaned = cleanList(g.names, notes: &clause.notes)
            let items = AgencyNameShape.items(of: cleaned)
            guard !items.isEmpty else { return nil }
            for item in items {
                if AgencyNameShape.looksLikeAgency(item) { shaped += 1 } else { unshaped.append(item) }
            }
            cleanedGroups.append((cleaned, g.field))
        }
        guard shaped > 0, shaped >= unshaped.count * 2 else { return nil }
        for item in unshaped { clause.doubts.append("'\(item)' does not look like an agency name; kept as written") }
        if !pending.isEmpty {
            clause.doubts.append("'\(pending.joined(separator: "，"))' carries no role (牵头/配合/负责); left out")
        }
        let hasLead = cleanedGroups.contains { $0.1 == .lead }
        var leads: [String] = [], supporters: [String] = []
        for (names, field) in cleanedGroups {
            switch field {
            case .lead: leads.append(names)
            case .support: supporters.append(names)
            default:
                if hasLead { supporters.append(names) } else { leads.append(names) }
            }
        }
        clause.leadsAreResponsible = !hasLead && !leads.isEmpty
        clause.leads = leads.joined(separator: "，")
        clause.supporters = supporters.joined(separator: "，")
        return clause
    }

    /// Words between the names and the role verb that only say how (A、B按职责分工落实, A按职责牵头负责,
    /// A、B分别负责), longest first.
    static let qualifiers = Lexicon.roleQualifiers

    /// The names before a role verb, without the qualifiers that end them.
    static func droppingQualifiers(_ names: String) -> String {
        var n = names
        while let q = qualifiers.first(where: { n.hasSuffix($0) && n.count > $0.count + 1 }) { n = String(n.dropLast(q.count)) }
        return n
    }

    /// Reads a bracket that holds only agency names (省发展改革委、省商务厅，各市人民政府) as the responsible
    /// units; nil unless every name looks like an agency (``AgencyNameShape``) and none is a role word.
    public static func parseBareList(_ content: String) -> AssignmentClause? {
        let c = TextCleaning.fullWidthParentheses(separatingSpacedNames(TraditionalChinese.simplified(content)))
        guard !c.isEmpty, c.count <= 200, !c.contains(where: { "：:。".contains($0) }) else { return nil }
        // An aside that names a body is not an assignment: （以下简称省大数据局）, （含市直单位）.
        guard !Lexicon.asideBeginnings.contains(where: { c.hasPrefix($0) }) else { return nil }
        var clause = AssignmentClause()
        let cleaned = cleanList(c, notes: &clause.notes)
        let items = AgencyNameShape.items(of: cleaned)
        guard !items.isEmpty, items.allSatisfy(AgencyNameShape.looksLikeAgency) else { return nil }
        clause.leads = cleaned
        clause.leadsAreResponsible = true
        clause.bareList = true
        markedLeads(&clause)
        return clause
    }

    /// The character offset of the first occurrence of `needle` in `chars`.
    static func offset(of needle: String, in chars: [Character]) -> Int? {
        let n = Array(needle)
        guard !n.isEmpty, chars.count >= n.count else { return nil }
        for i in 0...(chars.count - n.count) where chars[i] == n[0] {
            var k = 1
            while k < n.count, chars[i + k] == n[k] { k += 1 }
            if k == n.count { return i }
        }
        return nil
    }

    /// Drops trailing "等", "等有关部门", "等相关单位"… and splits "A等和各省级人民政府" into two groups.
    static func cleanList(_ text: String, notes: inout [String]) -> String {
        var t = text
        for joiner in Lexicon.listJoiners where t.holds(joiner) {
            let replacement = joiner.hasSuffix("各") ? "，各" : "，"
            t = t.replacingOccurrences(of: joiner, with: replacement)
        }
        var groups: [String] = []
        for group in AgencyNameNormaliser.split(t, separators: ["，", ",", "；", ";"]) where !group.isEmpty {
            var g = group
            for tail in Lexicon.etceteraTails where g.hasSuffix(tail) && g.count > tail.count + 1 {
                notes.append("'\(g)': '\(tail)' dropped after the named agencies")
                g = String(g.dropLast(tail.count))
                break
            }
            groups.append(g)
        }
        return groups.joined(separator: "，")
    }

    /// Splits a clause on `，；,;。` outside brackets and quotes.
    static func splitSegments(_ text: String) -> [String] {
        AgencyNameNormaliser.split(text, separators: ["，", ",", "；", ";", "。"]).map { trimSeparators($0) }
    }

    /// Trims whitespace and separators at both ends.
    static func trimSeparators(_ s: String) -> String {
        let stop: Set<Character> = ["，", ",", "；", ";", "。", "、", " ", "：", ":", "\u{3000}"]
        var t = Substring(s)
        while let f = t.first, stop.contains(f) { t = t.dropFirst() }
        while let l = t.last, stop.contains(l) { t = t.dropLast() }
        return String(t)
    }

    /// Whether a phrase states a time: 6月底完成, 2024年12月底前, 长期坚持, 持续推进, 每季度.
    static func isDeadline(_ s: String) -> Bool {
        if Lexicon.standingDeadlines.contains(where: { s.hasPrefix($0) }) { return true }
        let hasDigit = s.contains { $0.isNumber }
        return (hasDigit || Lexicon.undatedDeadlineBeginnings.contains(where: { s.hasPrefix($0) })
                    || Lexicon.undatedDeadlineWords.contains(where: { s.holds($0) }))
            && Lexicon.timeWords.contains(where: { s.holds($0) })
    }

    /// Whether a bracket holds a score such as "0.5分", "25分" or "25 分" (as PDFs set it).
    static func isScore(_ s: String) -> Bool {
        let t = s.filter { !$0.isWhitespace }
        guard t.hasSuffix("分"), t.count <= 8, t.count > 1 else { return false }
        return t.dropLast().allSatisfy { $0.isNumber || $0 == "." }
    }

    static func join(_ a: String?, _ b: String) -> String { a.map { $0 + "；" + b } ?? b }
}
