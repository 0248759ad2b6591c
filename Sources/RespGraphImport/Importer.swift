import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RespGraphModel

/// The import pipeline: read a file (document text or task-table CSV), apply the corrections,
/// resolve agency names against the registry, and assemble a graph.
public struct Importer: Sendable {
    /// The agency registry names resolve against.
    public var registry: AgencyRegistry
    /// The corrections applied to documents whose titles they name.
    public var corrections: Corrections
    /// Whether names that carry only a level (省财政厅, 市审批服务局) take the place of their document's
    /// title (山东省财政厅, 包头市审批服务局), so plans of several places keep their agencies apart.
    public var qualifiesLevelNames = false
    /// Whether a PDF whose table could not be rebuilt with confidence (most rows guessed) is imported
    /// anyway, every guessed row marked; otherwise the import is refused with an error.
    public var acceptsGuessedTables = false

    /// The largest file respgraph reads (256 MiB); larger ones are refused with a message.
    public static let maximumFileSize = 256 << 20

    /// Creates an importer.
    public init(registry: AgencyRegistry, corrections: Corrections = Corrections()) {
        self.registry = registry
        self.corrections = corrections
    }

    /// The share of a PDF table's rows that may be guesses before the rebuild counts as failed.
    public static let guessedRowLimit = 0.5

    /// A PDF document whose table rows are mostly guesses (``DiagnosticCode/rebuiltRow``: cells set
    /// in the middle of unruled rows, rules that do not hold) gets an error saying so, which refuses
    /// the import; with ``acceptsGuessedTables`` a warning, the rows imported and marked.
    func checkRebuiltTable(_ document: ImportedDocument) -> ImportedDocument {
        let rows = document.rows.filter { $0.level == .table }
        let guessed = Set(document.diagnostics.filter { $0.code == .rebuiltRow }.compactMap(\.place))
        let count = rows.filter { guessed.contains($0.place ?? "") }.count
        guard rows.count >= 3, Double(count) > Self.guessedRowLimit * Double(rows.count) else { return document }
        var out = document
        let message = "the PDF's task table could not be rebuilt with confidence: \(count) of \(rows.count) rows are guesses "
            + "(cells not placed by rules or by their rows' tops)"
            + (acceptsGuessedTables ? "; imported as asked, every guessed row marked for review"
                : "; nothing is imported. Import the document's Word, Excel or web-page copy if there is one, "
                    + "or give --partial to import what could be read, each guessed row marked for review")
        let severity: ImportDiagnostic.Severity = acceptsGuessedTables ? .warning : .error
        out.diagnostics.append(ImportDiagnostic(severity, file: document.file, line: 0, code: .tableNotRebuilt, message))
        return out
    }

    /// Imports the raw text of a plan document: parse (a flattened task table through
    /// ``FlattenedTableRecogniser``, anything else through the block model), correct, resolve names.
    public func importDocumentText(_ text: String, file: String, documentID: String? = nil) throws(ImportError) -> ImportedDocument {
        let restorer = TraditionalChinese.SpellingRestorer(texts: [text])
        let simplified = restorer == nil ? text : TraditionalChinese.simplified(text)
        guard Self.hasFlattenedTable(simplified) else {
            return try finish(try BlockDocumentParser().parse(PlainTextReader.read(text: text, file: file), documentID: documentID))
        }
        var document = try FlattenedTableRecogniser().parse(text: simplified, file: file, documentID: documentID)
        restorer?.restore(&document, noteAt: BlockPlace(line: 1))
        try corrections.applySets(to: &document)
        resolveNames(in: &document)
        try corrections.applyAcceptances(to: &document)
        document.diagnostics = Self.sortedByLine(document.diagnostics)
        ReviewMarks.mark(&document)
        return document
    }

    /// Applies the corrections (without the flattened tables' rule that refuses a task with no lead or
    /// text: the recognisers warn of those), resolves names and orders the findings.
    func finish(_ parsed: ImportedDocument) throws(ImportError) -> ImportedDocument {
        var document = parsed
        try corrections.applySets(to: &document, requiresLeadAndText: false)
        resolveNames(in: &document)
        try corrections.applyAcceptances(to: &document)
        document.diagnostics = Self.sortedByLine(document.diagnostics)
        ReviewMarks.mark(&document)
        return document
    }

    /// Findings in line order, keeping the order of findings on the same line.
    static func sortedByLine(_ diagnostics: [ImportDiagnostic]) -> [ImportDiagnostic] {
        diagnostics.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// Imports a task-table CSV: read, check, resolve names.
    public func importTaskTable(csv text: String, file: String, documentID: String? = nil) throws(ImportError) -> [ImportedDocument] {
        let slots = Slots(try TaskTableCSV.read(csv: text, file: file, defaultDocumentID: documentID))
        let errors = Slots<ImportError?>(repeating: nil, count: slots.count)
        // Documents are corrected and resolved independently, so they are shared out among the cores;
        // each keeps its place, and the first error in document order is the one reported.
        let count = slots.count, blocks = min(64, max(1, count))
        let memo = NameResolutionMemo()
        Parallel.forEachBlock(blocks) { block in
            for i in stride(from: block, to: count, by: blocks) {
                var d = slots.take(i, leaving: .placeholder)
                do throws(ImportError) { try corrections.applySets(to: &d, fromTaskTable: true) } catch {
                    errors.put(error, at: i)
                    continue
                }
                resolveNames(in: &d, memo: memo)
                do throws(ImportError) { try corrections.applyAcceptances(to: &d, fromTaskTable: true) } catch {
                    errors.put(error, at: i)
                    continue
                }
                d.diagnostics = Self.sortedByLine(d.diagnostics)
                ReviewMarks.mark(&d)
                slots.put(d, at: i)
            }
        }
        if let first = errors.all.lazy.compactMap({ $0 }).first { throw first }
        return slots.all
    }
}
