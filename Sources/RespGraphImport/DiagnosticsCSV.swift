import RespGraphModel

/// Import findings as CSV, kept beside the curated tables so every source row can be traced:
/// `file,line,severity,code,message,resolution`.
public enum DiagnosticsCSV {
    /// The header.
    public static let header = ["file", "line", "severity", "code", "message", "resolution"]

    /// Writes findings, in the order given.
    public static func format(_ diagnostics: [ImportDiagnostic]) -> String {
        CSV.format([header] + diagnostics.map {
            [$0.file, String($0.line), $0.severity.rawValue, $0.code.rawValue, $0.message, $0.resolution ?? ""]
        })
    }

    /// Reads findings written by ``format(_:)``.
    public static func read(csv text: String, file: String) throws(ImportError) -> [ImportDiagnostic] {
        let records: [CSVRecord]
        do { records = try CSV.parse(text) } catch { throw ImportError(file: file, line: error.line, error.message) }
        var out: [ImportDiagnostic] = []
        for r in records.dropFirst() {
            guard r.fields.count == header.count, let line = Int(r.fields[1]),
                  let severity = ImportDiagnostic.Severity(rawValue: r.fields[2]) else {
                throw ImportError(file: file, line: r.line, "not a diagnostics row: expected \(header.joined(separator: ","))")
            }
            guard let code = DiagnosticCode(rawValue: r.fields[3]) else {
                throw ImportError(file: file, line: r.line,
                                  "unknown finding code '\(r.fields[3])'; "
                                      + "codes: \(DiagnosticCode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            out.append(ImportDiagnostic(severity, file: r.fields[0], line: line, code: code, r.fields[4],
                                        resolution: r.fields[5].isEmpty ? nil : r.fields[5]))
        }
        return out
    }
}
