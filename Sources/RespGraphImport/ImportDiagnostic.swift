import RespGraphModel

/// A finding of the importer about one line of a source file.
///
/// Every source row ends up in the graph or in a diagnostic: errors stop an import until a
/// correction resolves them, warnings mark an assumption to verify, notes record routine repairs.
public struct ImportDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Comparable {
        /// The row cannot be trusted; the import fails unless a correction resolves it.
        case error
        /// The row was read with an assumption worth checking.
        case warning
        /// A routine repair (a page number skipped, a wrapped cell joined).
        case note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        /// Orders error before warning before note.
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// How serious it is.
    public var severity: Severity
    /// The file (or source name) it concerns.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// A stable machine-readable code, e.g. `merged-row`, `page-number`, `unknown-agency`.
    public var code: String
    /// What was found, for an analyst.
    public var message: String
    /// The note of the correction that resolved it, when one did.
    public var resolution: String?
    /// A finer place than the line (`table 2, row 14`), when the format has one.
    public var place: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, file: String, line: Int, code: String, _ message: String, resolution: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.code = code
        self.message = message
        self.resolution = resolution
    }

    /// Whether it still stops the import: an error no correction resolved.
    public var isBlocking: Bool { severity == .error && resolution == nil }

    /// `file:line: severity: message [code]`, plus the resolution when there is one.
    public var description: String {
        let at = line > 0 ? "\(file):\(line):" : "\(file):"
        var s = "\(at)\(place.map { " (\($0))" } ?? "") \(severity.rawValue): \(message) [\(code)]"
        if let r = resolution { s += " — corrected: \(r)" }
        return s
    }
}
