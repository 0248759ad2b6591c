import RespGraphExport
import RespGraphImport
import RespGraphModel

/// `respgraph summary`: documents, tasks, agencies by kind, edges and import findings.
enum SummaryCommand: CLICommand {
    static let spec = CommandSpec(
        name: "summary", summary: "Documents, tasks, agencies by kind, lead and support edges, import findings.",
        usage: "summary [--doc ID] [--format table|json|csv] [--graph FILE]",
        discussion: "Example: respgraph summary --doc 2024",
        options: SharedOptions.data + [SharedOptions.format])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try OutputFormat.from(args)
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        var answer = QueryAnswer()

        var documents = TextTable(title: "Documents", columns: [
            .init("id"), .init("title", maxWidth: 36), .init("table tasks", alignRight: true), .init("work points", alignRight: true),
            .init("with lead", alignRight: true), .init("agencies", alignRight: true), .init("lead edges", alignRight: true),
            .init("support edges", alignRight: true), .init("findings", alignRight: true)])
        var documentJSON: [JSONValue] = []
        // One pass over the tasks: per-document counts without building a subgraph per document.
        let docCount = graph.documents.count
        var tableTasks = [Int](repeating: 0, count: docCount), points = tableTasks, leads = tableTasks, supports = tableTasks
        var withLead = tableTasks
        var agenciesPerDocument = [Set<Int32>](repeating: [], count: docCount)
        for t in 0..<graph.tasks.count {
            let d = graph.tasks[t].document.index
            if graph.tasks[t].level == .table { tableTasks[d] += 1 } else { points[d] += 1 }
            var led = false
            for e in Int(graph.taskOffsets[t])..<Int(graph.taskOffsets[t + 1]) {
                if graph.taskRoles[e] == .lead { leads[d] += 1; led = true } else { supports[d] += 1 }
                agenciesPerDocument[d].insert(graph.taskAgencies[e])
            }
            if led { withLead[d] += 1 }
        }
        for (d, doc) in graph.documents.enumerated() {
            let agencies = agenciesPerDocument[d].count
            // Findings a person should look at: errors and warnings no correction resolved.
            let open = (data.diagnosticsByDocument[doc.id] ?? []).filter { $0.severity != .note && $0.resolution == nil }
            let errors = open.filter { $0.severity == .error }.count
            documents.append([doc.id, doc.title, String(tableTasks[d]), String(points[d]), String(withLead[d]), String(agencies),
                              String(leads[d]), String(supports[d]), String(open.count)])
            documentJSON.append(.object([("id", .string(doc.id)), ("title", .string(doc.title)), ("table_tasks", .int(tableTasks[d])),
                                         ("work_points", .int(points[d])), ("tasks_with_lead", .int(withLead[d])), ("agencies", .int(agencies)),
                                         ("lead_edges", .int(leads[d])), ("support_edges", .int(supports[d])),
                                         ("open_findings", .object([("errors", .int(errors)), ("warnings", .int(open.count - errors))]))]))
        }

        var kinds = TextTable(title: "Agencies by kind", columns: [.init("kind"), .init("类别"), .init("agencies", alignRight: true)])
        var kindJSON: [(String, JSONValue)] = []
        for kind in AgencyKind.allCases {
            let n = graph.agencies.filter { $0.kind == kind }.count
            if n == 0 { continue }
            kinds.append([kind.rawValue, kind.chineseName, String(n)])
            kindJSON.append((kind.rawValue, .int(n)))
        }

        let selectedFiles = Set(graph.documents.map(\.id))
        let findings = data.diagnostics.filter { d in
            args.all("doc").isEmpty || selectedFiles.contains { d.file.contains($0) }
        }
        func count(_ s: ImportDiagnostic.Severity) -> Int { findings.filter { $0.severity == s }.count }
        let corrected = findings.filter { $0.resolution != nil }.count
        let lead = graph.edgeCount(role: .lead), support = graph.edgeCount(role: .support)
        answer.heading = ["respgraph summary of \(data.sourceDescription)"]
        answer.tables = [documents, kinds]
        answer.footer = [
            "Total: \(graph.tasks.count) tasks, \(graph.agencies.count) agencies, \(lead) lead edges, \(support) support edges.",
            "Import findings: \(count(.error)) errors, \(count(.warning)) warnings, \(count(.note)) notes; \(corrected) resolved by corrections (respgraph diagnostics lists them).",
        ]
        answer.json = .object([
            ("source", .string(data.sourceDescription)),
            ("documents", .array(documentJSON)),
            ("tasks", .int(graph.tasks.count)), ("agencies", .int(graph.agencies.count)),
            ("agencies_by_kind", .object(kindJSON)),
            ("lead_edges", .int(lead)), ("support_edges", .int(support)),
            ("diagnostics", .object([("errors", .int(count(.error))), ("warnings", .int(count(.warning))),
                                     ("notes", .int(count(.note))), ("corrected", .int(corrected))])),
        ])
        var csv = TextTable(columns: [.init("section"), .init("key"), .init("value")])
        for row in documents.rows {
            for (i, c) in documents.columns.enumerated().dropFirst() { csv.append(["document \(row[0])", c.title, row[i]]) }
        }
        for row in kinds.rows { csv.append(["agencies by kind", row[0], row[2]]) }
        csv.append(["total", "tasks", String(graph.tasks.count)])
        csv.append(["total", "agencies", String(graph.agencies.count)])
        csv.append(["total", "lead edges", String(lead)])
        csv.append(["total", "support edges", String(support)])
        for s in [ImportDiagnostic.Severity.error, .warning, .note] { csv.append(["diagnostics", s.rawValue, String(count(s))]) }
        csv.append(["diagnostics", "corrected", String(corrected)])
        answer.csvTable = csv
        answer.write(format, to: &result)
    }
}
