/// Finds the assignment clauses in a passage of text: every bracketed group （）()【】〔〕[] whose
/// content reads as an assignment, and, when none is bracketed, a labelled clause written bare at
/// the end (…。牵头单位：A；配合单位：B).
public enum ClauseFinder {
    /// A clause found in a passage: where it stands (in characters) and what it says.
    public struct Found: Sendable, Equatable {
        /// The clause's range in the passage's characters, brackets included.
        public var range: Range<Int>
        /// What it says.
        public var clause: AssignmentClause
    }

    static let openers: [Character: Character] = ["（": "）", "(": ")", "【": "】", "〔": "〕", "[": "]", "［": "］"]

    /// The clauses of a passage, in order.
    ///
    /// - Complexity: O(n · L) in the passage length n and the number of labels L: each bracket's
    ///   match is found in one pass with a stack (a page of 200,000 open brackets took minutes when
    ///   each was matched by a scan of its own).
    public static func clauses(in chars: [Character]) -> [Found] {
        var found: [Found] = []
        let match = matchingBrackets(chars)
        var i = 0
        while i < chars.count {
            guard openers[chars[i]] != nil else { i += 1; continue }
            guard let e = match[i] else { i += 1; continue }
            // Only a bracket of up to 400 characters can hold a clause.
            if e - i - 1 <= 400, let clause = AssignmentClauseParser.parse(String(chars[(i + 1)..<e])) {
                found.append(Found(range: i..<(e + 1), clause: clause))
                i = e + 1
            } else {
                i += 1
            }
        }
        if found.isEmpty, let bare = bareClause(in: chars) ?? bareProseClause(in: chars) ?? bareListClause(in: chars) { found.append(bare) }
        return found
    }

    /// The closing bracket of each opening one, nesting any bracket pair (a closer with no opener
    /// open is passed over; an opener never closed has none).
    static func matchingBrackets(_ chars: [Character]) -> [Int: Int] {
        let closers = Set(openers.values)
        var match: [Int: Int] = [:]
        var open: [Int] = []
        for (j, c) in chars.enumerated() {
            if openers[c] != nil { open.append(j) } else if closers.contains(c), let i = open.popLast() { match[i] = j }
        }
        return match
    }

    /// Brackets ending the passage that hold only agency names (…负面清单制度。（省发展改革委、省商务厅）):
    /// the form of task-division documents whose convention says which listed agency leads. Read
    /// only at the end of a passage with text before it, so a name in brackets inside a sentence
    /// (国家发展改革委（国家能源局）) is never taken for an assignment.
    static func bareListClause(in chars: [Character]) -> Found? {
        var end = chars.count
        while end > 0, "。；;，, ".contains(chars[end - 1]) || chars[end - 1].isWhitespace { end -= 1 }
        guard end > 0, let opener = openers.first(where: { $0.value == chars[end - 1] })?.key else { return nil }
        var depth = 0, start = end - 1
        while start >= 0 {
            if chars[start] == chars[end - 1] { depth += 1 } else if chars[start] == opener {
                depth -= 1
                if depth == 0 { break }
            }
            start -= 1
        }
        guard start > 0, !chars[..<start].allSatisfy({ $0.isWhitespace || "。；;，,".contains($0) }),
              let clause = AssignmentClauseParser.parseBareList(String(chars[(start + 1)..<(end - 1)])) else { return nil }
        return Found(range: start..<chars.count, clause: clause)
    }

    /// A prose clause written without brackets as the passage's last sentence (…。市数据局牵头，市公安局
    /// 配合。): read only when every party of it looks like an agency, so an ordinary sentence that ends
    /// in 负责 or 落实 is never taken for one.
    static func bareProseClause(in chars: [Character]) -> Found? {
        var end = chars.count
        while end > 0, "。；; ".contains(chars[end - 1]) { end -= 1 }
        guard end > 0 else { return nil }
        var start = end
        while start > 0, !"。！？；;".contains(chars[start - 1]) { start -= 1 }
        // The sentence must not be the whole passage's only sentence: an item needs a text before it.
        guard start > 0, end - start <= 200 else { return nil }
        guard let clause = AssignmentClauseParser.parse(String(chars[start..<end])), clause.doubts.isEmpty,
        !clause.leads.isEmpty else { return nil }
        return Found(range: start..<chars.count, clause: clause)
    }

    /// A labelled clause written without brackets: from its first label to the end of the passage.
    static func bareClause(in chars: [Character]) -> Found? {
        guard let first = AssignmentClauseParser.firstLabel(in: chars, from: 0),
              [.lead, .support, .responsible].contains(first.field) else { return nil }
        // The label must start the passage or follow a sentence end or separator.
        if first.index > 0, !"。；;，,：:！？）)".contains(chars[first.index - 1]) { return nil }
        var end = chars.count
        while end > first.index, "）)。；; ".contains(chars[end - 1]) { end -= 1 }
        guard let clause = AssignmentClauseParser.parse(String(chars[first.index..<end])) else { return nil }
        return Found(range: first.index..<chars.count, clause: clause)
    }
}
