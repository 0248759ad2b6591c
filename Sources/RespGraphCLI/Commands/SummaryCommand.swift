import RespGraphImport
import RespGraphModel

/// `respgraph summary`: documents, tasks, agencies by kind, edges and import findings.
enum SummaryCommand: CLICommand {
    static let spec = CommandSpec(
        name: "summary", summary: "Documents, tasks, agencies by kind, lead and support edges, import findings.",
        discussion: "--format csv gives one row per document.\nExample: respgraph summary --doc 2024",
        options: SharedOptions.data + SharedOptions.queryOutput)

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        try result.write(output(graph, data, documentsChosen: !args.all(SharedOptions.doc).isEmpty), args)
    }

    /// The summary as tables: per document, per kind, and the findings counted by severity (of the
    /// chosen documents only when `documentsChosen`).
    static func output(_ graph: ResponsibilityGraph, _ data: LoadedData, documentsChosen: Bool) -> QueryOutput {
        var documents = RecordSet("documents", title: Bilingual("文件", "Documents"), [
            Field("id", zh: "文件"), Field("title", zh: "标题", maxWidth: 36), Field("table tasks", zh: "表格任务", .whole), Field("work points",
                zh: "工作要点", .whole),
            Field("with lead", zh: "有牵头", key: "tasks_with_lead", .whole), Field("agencies", zh: "机构数", .whole), Field("lead edges",
                zh: "牵头关系", .whole),
            Field("support edges", zh: "配合关系", .whole), Field("findings", zh: "待处理", key: "open_findings", .whole),
            Field("errors", zh: "错误", key: "open_errors", .whole), Field("warnings", zh: "警告", key: "open_warnings", .whole)])
        for (doc, c) in zip(graph.documents, graph.documentCounts()) {
            // Findings a person should look at: errors and warnings no correction resolved.
            let open = data.openFindingsByDocument[doc.id] ?? OpenFindings()
            documents.append([.text(doc.id), .text(doc.title), .whole(c.tableTasks), .whole(c.workPoints), .whole(c.tasksWithLead),
                              .whole(c.agencies), .whole(c.leadEdges), .whole(c.supportEdges),
                              .whole(open.errors + open.warnings), .whole(open.errors), .whole(open.warnings)])
        }
        var kinds = RecordSet("agencies_by_kind", title: Bilingual("各类别机构数", "Agencies by kind"),
                              [Field("kind", zh: "类别（英文）"), Field("类别", zh: "类别", key: "kind_zh"), Field("agencies", zh: "机构数", .whole)])
        for (kind, n) in graph.agencyCountsByKind() { kinds.append([.text(kind.rawValue), .text(kind.chineseName), .whole(n)]) }

        let selectedFiles = Set(graph.documents.map(\.id))
        let findings = !documentsChosen ? data.diagnostics : data.diagnostics.filter { d in
            selectedFiles.contains { d.file.contains($0) }
        }
        // Counted in place: a national corpus has hundreds of thousands of findings.
        var bySeverity: [ImportDiagnostic.Severity: Int] = [:]
        var corrected = 0
        for i in findings.indices {
            bySeverity[findings[i].severity, default: 0] += 1
            if findings[i].resolution != nil { corrected += 1 }
        }
        func count(_ s: ImportDiagnostic.Severity) -> Int { bySeverity[s] ?? 0 }
        let lead = graph.edgeCount(role: .lead), support = graph.edgeCount(role: .support)
        var output = QueryOutput()
        output.heading = ["respgraph summary of \(data.sourceDescription)"]
        output.facts = [
            ("source", .text(data.sourceDescription)),
            ("tasks", .whole(graph.tasks.count)), ("agencies", .whole(graph.agencies.count)),
            ("lead_edges", .whole(lead)), ("support_edges", .whole(support)),
            ("diagnostics", .group([("errors", .whole(count(.error))), ("warnings", .whole(count(.warning))),
                                    ("notes", .whole(count(.note))), ("corrected", .whole(corrected))])),
        ]
        output.sets = [documents, kinds]
        output.footer = [
            "Total: \(graph.tasks.count) tasks, \(graph.agencies.count) agencies, \(lead) lead edges, \(support) support edges.",
            "Import findings: \(count(.error)) errors, \(count(.warning)) warnings, \(count(.note)) notes; \(corrected) resolved by "
                + "corrections (respgraph diagnostics lists them).",
        ]
        return output
    }
}
