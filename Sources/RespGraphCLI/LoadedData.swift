import RespGraphData
import RespGraphImport
import RespGraphModel

/// The data a query runs on: the graph (embedded Guangxi data or the user's files), the registry,
/// and what the import found.
struct LoadedData {
    /// Every document loaded.
    let graph: ResponsibilityGraph
    /// The registry names were resolved against.
    let registry: AgencyRegistry
    /// The import findings behind the graph.
    let diagnostics: [ImportDiagnostic]
    /// Per document id, its findings a person should look at: errors and warnings no correction
    /// resolved (counted here rather than kept twice: a national corpus has hundreds of thousands).
    var openFindingsByDocument: [String: OpenFindings] = [:]
    /// Where the data came from, for captions.
    let sourceDescription: String
    /// Indicators renamed between plans.
    var indicators = IndicatorLineage()

    /// Loads what the shared options ask for.
    static func load(_ args: ParsedArguments) throws -> LoadedData {
        let registry: AgencyRegistry
        if let path = args[SharedOptions.registry] {
            let text = try Importer.readText(atPath: path)
            registry = try AgencyRegistry(csv: text, source: path)
        } else {
            registry = try AgencyRegistry(csv: EmbeddedGraphs.registry, source: "Graphs/agencies.csv")
        }
        let corrections: Corrections
        if let path = args[SharedOptions.corrections] {
            corrections = try Corrections(csv: try Importer.readText(atPath: path), source: path)
        } else {
            corrections = try Corrections(csv: EmbeddedGraphs.corrections, source: "Graphs/corrections.csv")
        }
        var importer = Importer(registry: registry, corrections: corrections)
        importer.qualifiesLevelNames = args[SharedOptions.qualifyNames]
        var documents: [ImportedDocument] = []
        var diagnostics: [ImportDiagnostic] = []
        var byDocument: [String: OpenFindings] = [:]
        let files = args.all(SharedOptions.graph)
        if files.isEmpty {
            // The curated tables and their findings come in pairs, document by document.
            for (table, findings) in zip(EmbeddedGraphs.taskTables, EmbeddedGraphs.diagnostics) {
                let imported = try importer.importTaskTable(csv: table.csv, file: table.name)
                let read = try DiagnosticsCSV.read(csv: findings.csv, file: findings.name)
                documents += imported
                diagnostics += read
                for d in imported { byDocument[d.document.id, default: OpenFindings()].count(read) }
            }
        } else {
            documents = try importer.importPaths(files)
            diagnostics = documents.flatMap(\.diagnostics)
            for d in documents { byDocument[d.document.id, default: OpenFindings()].count(d.diagnostics) }
            let blocking = diagnostics.filter(\.isBlocking)
            if !blocking.isEmpty {
                throw DataError(message: blocking.map(\.description).joined(separator: "\n")
                    + "\n\(blocking.count) row(s) cannot be trusted; fix the source or add a correction (see respgraph help import)")
            }
        }
        let graph = importer.graph(consuming: &documents)
        var loaded = LoadedData(graph: graph, registry: registry, diagnostics: diagnostics,
                                sourceDescription: files.isEmpty ? "embedded Guangxi data" : files.joined(separator: ", "))
        loaded.openFindingsByDocument = byDocument
        if let path = args[SharedOptions.indicators] {
            loaded.indicators = try IndicatorLineage(csv: try Importer.readText(atPath: path), source: path)
        } else {
            loaded.indicators = try IndicatorLineage(csv: EmbeddedGraphs.indicators, source: "Graphs/indicators.csv")
        }
        return loaded
    }

    /// The graph restricted to the documents named by `--doc`, or all of them.
    func selectedGraph(_ args: ParsedArguments) throws -> ResponsibilityGraph {
        let wanted = args.all(SharedOptions.doc)
        if wanted.isEmpty { return graph }
        var selected = Set<DocumentID>()
        for id in wanted {
            if let d = graph.document(id: id) {
                selected.insert(d)
                continue
            }
            // Not an id: a 文号 or a unique part of a title (国发〔2018〕39号, 就业).
            let matches = graph.documents.indices.filter { graph.documents[$0].title.contains(id) }
            if matches.count == 1, let d = graph.document(id: graph.documents[matches[0]].id) {
                selected.insert(d)
                continue
            }
            if matches.count > 1 {
                throw DataError(message: "'\(id)' is in the titles of \(matches.count) documents; say which: \(matches.map { graph.documents[$0].id }.joined(separator: ", "))")
            }
            throw DataError(message: "no document '\(id)'; documents: \(graph.documents.map(\.id).joined(separator: ", "))")
        }
        return graph.filtered(documents: selected)
    }
}

/// Finds an agency from what a user typed: a canonical name, an alias, or a unique part of a name.
enum AgencyLookup {
    static func find(_ query: String, in graph: ResponsibilityGraph) throws -> AgencyID {
        if let id = graph.agency(named: query) { return id }
        let q = query.trimmingCharacters(in: .whitespaces)
        if q.isEmpty { throw DataError(message: "give an agency name, e.g. 数据局") }
        let matches = graph.agencyIDs.filter { id in
            graph[id].name.contains(q) || graph[id].aliases.contains { $0.contains(q) }
        }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            let scored = graph.agencyIDs.map { id -> (AgencyID, Int) in
                (id, Set(graph[id].name).intersection(Set(q)).count)
            }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && graph[$0.0].name < graph[$1.0].name) }
            let hint = scored.prefix(5).map { graph[$0.0].name }
            throw DataError(message: "no agency matches '\(query)'" + (hint.isEmpty ? "" : "; similar names: \(hint.joined(separator: "、"))"))
        }
        let names = matches.map { graph[$0].name }.sorted()
        throw DataError(message: "'\(query)' matches \(matches.count) agencies; say which:\n" + names.map { "  " + $0 }.joined(separator: "\n"))
    }
}

import Foundation

/// A document's open findings: errors and warnings that no correction resolved.
struct OpenFindings {
    /// Open errors.
    var errors = 0
    /// Open warnings.
    var warnings = 0

    /// Adds the open ones among `findings`.
    mutating func count(_ findings: [ImportDiagnostic]) {
        for i in findings.indices where findings[i].resolution == nil {
            if findings[i].severity == .error { errors += 1 } else if findings[i].severity == .warning { warnings += 1 }
        }
    }
}
