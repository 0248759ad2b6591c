import RespGraphModel

/// Which rows a user must check: every row that a finding still open makes doubtful carries the
/// finding's code in its `review` column, and a row without one reads as the source says.
///
/// A warning or an error marks the row it names (by line, and by place where the format has places);
/// a note marks a row only when its repair is a guess (``doubtfulNotes``). A finding resolved by a
/// correction marks nothing, so writing the correction clears the mark. A finding about the whole
/// document (no line, no place) marks no row.
public enum ReviewMarks {
    /// Notes whose repair is a guess the user should confirm: an assignment carried over from
    /// another item.
    public static let doubtfulNotes: Set<DiagnosticCode> = [.inheritedAssignment]

    /// Adds to each row of a document the codes of the open findings about it.
    ///
    /// - Complexity: O(R + F) for R rows and F findings, plus the rows each finding names.
    public static func mark(_ document: inout ImportedDocument) {
        func marks(_ d: ImportDiagnostic) -> Bool { d.resolution == nil && (d.severity != .note || doubtfulNotes.contains(d.code)) }
        // Most documents of a national corpus have nothing to mark: no index for them.
        guard document.diagnostics.contains(where: marks) else { return }
        var rowsOfLine: [Int: [Int]] = [:]
        for (i, r) in document.rows.enumerated() { rowsOfLine[r.sourceLine, default: []].append(i) }
        for d in document.diagnostics where marks(d) {
            guard d.line > 0 || d.place != nil, let candidates = rowsOfLine[d.line] else { continue }
            for i in candidates where d.place == nil || document.rows[i].place == d.place {
                add(d.code, to: &document.rows[i])
            }
        }
    }

    /// Marks a row with a code, once.
    static func add(_ code: DiagnosticCode, to row: inout TaskRow) {
        if !row.review.contains(code.rawValue) { row.review.append(code.rawValue) }
    }
}
