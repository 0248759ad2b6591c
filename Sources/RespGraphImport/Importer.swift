import Foundation
import RespGraphModel

/// The import pipeline: read a file (document text or task-table CSV), apply the corrections,
/// resolve agency names against the registry, and assemble a graph.
public struct Importer: Sendable {
    /// The agency registry names resolve against.
    public var registry: AgencyRegistry
    /// The corrections applied to documents whose titles they name.
    public var corrections: Corrections

    /// The largest file respgraph reads (256 MiB); larger ones are refused with a message.
    public static let maximumFileSize = 256 << 20

    /// Creates an importer.
    public init(registry: AgencyRegistry, corrections: Corrections = Corrections()) {
        self.registry = registry
        self.corrections = corrections
    }

    /// Imports the raw text of a plan document: parse, correct, resolve names.
    public func importDocumentText(_ text: String, file: String, documentID: String? = nil) throws(ImportError) -> ImportedDocument {
        var document = try DocumentTextParser().parse(text: text, file: file, documentID: documentID)
        try corrections.apply(to: &document)
        resolveNames(in: &document)
        document.diagnostics = Self.sortedByLine(document.diagnostics)
        return document
    }

    /// Findings in line order, keeping the order of findings on the same line.
    static func sortedByLine(_ diagnostics: [ImportDiagnostic]) -> [ImportDiagnostic] {
        diagnostics.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// Imports a task-table CSV: read, check, resolve names.
    public func importTaskTable(csv text: String, file: String, documentID: String? = nil) throws(ImportError) -> [ImportedDocument] {
        var documents = try TaskTableCSV.read(csv: text, file: file, defaultDocumentID: documentID)
        for i in documents.indices {
            try corrections.apply(to: &documents[i], fromTaskTable: true)
            resolveNames(in: &documents[i])
            documents[i].diagnostics = Self.sortedByLine(documents[i].diagnostics)
        }
        return documents
    }

    /// Imports a file, telling a task-table CSV from document text by its extension or first line.
    ///
    /// - Throws: ``ImportError`` for a missing, unreadable, oversized or empty file, invalid UTF-8
    ///   (naming the line), or content that holds no task table.
    public func importFile(atPath path: String, documentID: String? = nil) throws(ImportError) -> [ImportedDocument] {
        let text = try Self.readText(atPath: path)
        if Self.looksLikeCSV(text, path: path) {
            return try importTaskTable(csv: text, file: path, documentID: documentID)
        }
        return [try importDocumentText(text, file: path, documentID: documentID)]
    }

    /// Reads a file as UTF-8 text, with clear errors for what can go wrong.
    public static func readText(atPath path: String) throws(ImportError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError(file: path, "no such file")
        }
        if isDirectory.boolValue { throw ImportError(file: path, "is a folder, not a file") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue > maximumFileSize {
            throw ImportError(file: path, "the file is \(size.intValue >> 20) MiB; respgraph reads files up to \(maximumFileSize >> 20) MiB")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(file: path, "cannot be read (check its permissions)")
        }
        if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ImportError(file: path, "the file is empty")
        }
        if let (line, offset) = firstInvalidUTF8(data) {
            throw ImportError(file: path, line: line, "invalid UTF-8 at byte \(offset); save the file as UTF-8 (GBK and other encodings are not read)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The line and byte offset of the first invalid UTF-8 sequence, if any.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data)
        var i = 0, line = 1
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, i)
            }
            if i + length > bytes.count { return (line, i) }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (line, i) }
            if length == 3 {
                let b1 = bytes[i + 1]
                if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0) { return (line, i) }
            } else if length == 4 {
                let b1 = bytes[i + 1]
                if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90) { return (line, i) }
            }
            i += length
        }
        return nil
    }

    /// Whether text is a task-table CSV: a `.csv` name, or a first line that reads as a CSV header.
    static func looksLikeCSV(_ text: String, path: String) -> Bool {
        if path.lowercased().hasSuffix(".csv") { return true }
        guard let first = text.split(separator: "\n").first(where: { !$0.trimmed.isEmpty }) else { return false }
        if first.contains("\t") { return false }
        guard let record = (try? CSV.parse(String(first)))?.first else { return false }
        return record.fields.count > 1 && ColumnMap(header: record.fields) != nil
    }

    /// Resolves every lead and support cell to canonical names, reporting unknown names and repairs.
    public func resolveNames(in document: inout ImportedDocument) {
        let normaliser = AgencyNameNormaliser(registry: registry)
        for i in document.rows.indices {
            let line = document.rows[i].sourceLine
            for role in Role.allCases {
                let cell = role == .lead ? document.rows[i].leadCell : document.rows[i].supportCell
                let resolved = normaliser.resolve(cell)
                let names = resolved.names.map(\.name)
                if role == .lead { document.rows[i].leads = names } else { document.rows[i].supporters = names }
                for repair in resolved.repairs {
                    document.diagnostics.append(ImportDiagnostic(.note, file: document.file, line: line, code: "name-repair",
                        "\(role == .lead ? "牵头单位" : "配合单位"): \(repair)"))
                }
                for name in resolved.names where !name.known {
                    document.diagnostics.append(ImportDiagnostic(.warning, file: document.file, line: line, code: "unknown-agency",
                        "'\(name.name)' is not in the agency registry; kept with kind unknown"))
                }
            }
        }
    }

    /// Assembles documents into one graph. Agencies are numbered in order of first appearance and
    /// take kind, aliases, English name and successor from the registry; unknown names get kind unknown.
    ///
    /// - Complexity: O(E) hash lookups for E assignments.
    public func graph(from documents: [ImportedDocument]) -> ResponsibilityGraph {
        var builder = ResponsibilityGraphBuilder()
        // One lookup per name occurrence: canonical name → id in the graph being built.
        var ids: [NameKey: AgencyID] = [:]
        func id(_ name: String) -> AgencyID {
            let key = NameKey(name)
            if let known = ids[key] { return known }
            let new = builder.addAgency(agency(named: name))
            ids[key] = new
            return new
        }
        for d in documents {
            let doc = builder.addDocument(d.document)
            for r in d.rows {
                let leads = r.leads.map(id)
                let supporters = r.supporters.map(id)
                builder.addTask(PlanTask(document: doc, level: r.level, number: r.number, label: r.label, indicator: r.indicator,
                                         direction: r.direction, text: r.text, deadline: r.deadline, sourceLine: r.sourceLine),
                                leads: leads, supporters: supporters)
            }
        }
        return builder.build()
    }

    private func agency(named name: String) -> Agency {
        registry.agency(named: name) ?? Agency(name: name, kind: .unknown)
    }
}
