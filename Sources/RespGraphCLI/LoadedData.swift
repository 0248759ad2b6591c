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
        let registry = try registry(args)
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
        try graph.filtered(matching: args.all(SharedOptions.doc))
    }

    /// The registry the options name, or the embedded one (Graphs/agencies.csv).
    static func registry(_ args: ParsedArguments) throws -> AgencyRegistry {
        guard let path = args[SharedOptions.registry] else { return try AgencyRegistry(csv: EmbeddedGraphs.registry,
            source: "Graphs/agencies.csv") }
        return try AgencyRegistry(csv: try Importer.readText(atPath: path), source: path)
    }
}


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
