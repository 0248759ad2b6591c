import RespGraphModel

/// One task a user must check: what respgraph read, what the source wrote, why it is doubtful, and
/// the lines of the corrections file that would settle it.
public struct ReviewItem: Sendable {
    /// The document's id and title, and the file it was read from.
    public var documentID: String, documentTitle: String, file: String
    /// The task as read.
    public var row: TaskRow
    /// The open findings that mark it.
    public var findings: [ImportDiagnostic]
    /// Lines for the corrections file (`document,line,task,action,field,expected,value,note`): one
    /// `accept` per finding, and for a finding about names a `set` of the cell as written, to be
    /// edited; each note left for the reviewer to say what the source shows.
    public var corrections: [String]
}

/// The review list of imported documents: every task whose `review` column is not empty (``ReviewMarks``),
/// in document order.
public enum ReviewList {
    /// Findings about the names of a cell, settled by setting the cell rather than by accepting them.
    static let nameCodes: Set<DiagnosticCode> = [.notAName, .unknownAgency, .emptyNames]

    /// The marked tasks of some documents.
    ///
    /// - Complexity: O(R + F) for R rows and F findings.
    public static func items(of documents: [ImportedDocument]) -> [ReviewItem] {
        var items: [ReviewItem] = []
        for d in documents {
            var findingsOfLine: [Int: [ImportDiagnostic]] = [:]
            for f in d.diagnostics where f.resolution == nil && (f.line > 0 || f.place != nil) { findingsOfLine[f.line,
                default: []].append(f) }
            for row in d.rows where !row.review.isEmpty {
                let findings = (findingsOfLine[row.sourceLine] ?? []).filter { $0.place == nil || $0.place == row.place }
                let marked = findings.filter { row.review.contains($0.code.rawValue) }
                items.append(ReviewItem(documentID: d.document.id, documentTitle: d.document.title, file: d.file, row: row,
                                        findings: marked, corrections: corrections(for: row, title: d.document.title, findings: marked)))
            }
        }
        return items
    }

    /// The corrections that would settle a marked row, for the reviewer to complete.
    static func corrections(for row: TaskRow, title: String, findings: [ImportDiagnostic]) -> [String] {
        var lines: [String] = []
        let codes = row.review.compactMap(DiagnosticCode.init(rawValue:))
        for code in codes {
            lines.append(CSV.format([[title, String(row.sourceLine), row.label, "accept", code.rawValue, "", "",
                                      "TODO: what the source shows"]])
                .trimmingTrailingNewline)
        }
        if codes.contains(where: nameCodes.contains) {
            for (field, cell) in [("lead", row.leadCell), ("support", row.supportCell)] where !cell.isEmpty {
                lines.append(CSV.format([[title, String(row.sourceLine), row.label, "set", field, cell, cell,
                                          "TODO: the names the source gives"]])
                    .trimmingTrailingNewline)
            }
        }
        return lines
    }
}

extension String {
    /// The text without one final line break.
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
