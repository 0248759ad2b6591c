import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// `respgraph workload`: lead, support and weighted load per agency, or per indicator.
enum WorkloadCommand: CLICommand {
    static let spec = CommandSpec(
        name: "workload", summary: "Lead, support and weighted load per agency; --by indicator for the agency × 指标 breakdown.",
        usage: "workload [--top N] [--by indicator] [--lead-weight W] [--support-weight W] [--split-leads] [--kind KIND] [--include-collectives] [--doc ID] [--format table|json|csv]",
        discussion: """
        weighted = lead weight × tasks led + support weight × tasks supported (defaults 1 and 0.5);
        with --split-leads a task's lead weight is shared among its co-leads.
        Collective placeholders (各市、县人民政府 and the like) are left out unless --include-collectives.
        Example: respgraph workload --doc 2024 --top 10
        """,
        options: SharedOptions.data + [
            OptionSpec("top", value: "N", "Only the N heaviest agencies."),
            OptionSpec("by", value: "indicator", "Break the load down by indicator (指标)."),
            OptionSpec("lead-weight", value: "W", "Weight of leading a task (default 1)."),
            OptionSpec("support-weight", value: "W", "Weight of supporting a task (default 0.5)."),
            OptionSpec("split-leads", "Share a task's lead weight among its co-leads."),
            OptionSpec("kind", value: "KIND", repeatable: true, "Only agencies of this kind; repeatable."),
            OptionSpec("include-collectives", "Keep collective placeholders such as 各市、县人民政府."),
            SharedOptions.format,
        ])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try OutputFormat.from(args)
        let top = try args.int("top", default: Int.max, minimum: 1)
        let by = try args.choice("by", from: ["agency", "indicator"], default: "agency")
        let weights = WorkloadWeights(lead: try args.double("lead-weight", default: 1), support: try args.double("support-weight", default: 0.5),
                                      splitAmongCoLeads: args.flag("split-leads"))
        var kinds = Set<AgencyKind>()
        for k in args.all("kind") {
            guard let kind = AgencyKind(rawValue: k) else {
                throw UsageError(message: "unknown kind '\(k)'; kinds: \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", "))", command: spec.name)
            }
            kinds.insert(kind)
        }
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let includeCollectives = args.flag("include-collectives") || kinds.contains(.collective)
        func keep(_ a: AgencyID) -> Bool {
            (includeCollectives || !graph[a].isCollective) && (kinds.isEmpty || kinds.contains(graph[a].kind))
        }
        let all = Workload.loads(in: graph, weights: weights)
        let ranked = Workload.ranked(all.filter { keep($0.agency) }, in: graph)
        let shown = Array(ranked.prefix(top))
        let collectivesLeftOut = includeCollectives ? 0 : all.filter { graph[$0.agency].isCollective }.count
        var answer = QueryAnswer()
        let weightNote = "weighted = \(formatNumber(weights.lead)) × lead\(weights.splitAmongCoLeads ? " (split among co-leads)" : "") + \(formatNumber(weights.support)) × support"
        if by == "indicator" {
            let (indicators, lead, support) = Workload.byIndicator(in: graph)
            var table = TextTable(columns: [.init("agency", maxWidth: 30), .init("indicator", maxWidth: 24),
                                            .init("lead", alignRight: true), .init("support", alignRight: true), .init("weighted", alignRight: true)])
            var items: [JSONValue] = []
            for l in shown {
                let a = l.agency.index
                var cells: [JSONValue] = []
                for (i, name) in indicators.enumerated() where lead[a][i] + support[a][i] > 0 {
                    let w = weights.lead * Double(lead[a][i]) + weights.support * Double(support[a][i])
                    table.append([graph[l.agency].name, name, String(lead[a][i]), String(support[a][i]), formatNumber(w)])
                    cells.append(.object([("indicator", .string(name)), ("lead", .int(lead[a][i])), ("support", .int(support[a][i]))]))
                }
                items.append(.object([("agency", .string(graph[l.agency].name)), ("indicators", .array(cells))]))
            }
            answer.tables = [table]
            answer.json = .object([("weights", weightsJSON(weights)), ("indicators", .array(indicators.map(JSONValue.string))), ("agencies", .array(items))])
            answer.footer = ["\(shown.count) agencies across \(indicators.count) indicators; weighted here counts whole leads."]
        } else {
            var table = TextTable(columns: [.init("#", alignRight: true), .init("agency", maxWidth: 34), .init("kind"),
                                            .init("lead", alignRight: true), .init("support", alignRight: true), .init("weighted", alignRight: true)])
            var items: [JSONValue] = []
            for (i, l) in shown.enumerated() {
                let a = graph[l.agency]
                table.append([String(i + 1), a.name, a.kind.rawValue, String(l.lead), String(l.support), formatNumber(l.weighted)])
                items.append(.object([("rank", .int(i + 1)), ("agency", .string(a.name)), ("kind", .string(a.kind.rawValue)),
                                      ("lead", .int(l.lead)), ("support", .int(l.support)), ("weighted", .double(l.weighted))]))
            }
            answer.tables = [table]
            answer.json = .object([("weights", weightsJSON(weights)), ("collectives_included", .bool(includeCollectives)), ("agencies", .array(items))])
            answer.footer = ["\(shown.count) of \(ranked.count) agencies; \(weightNote)."]
        }
        if collectivesLeftOut > 0 {
            answer.footer.append("\(collectivesLeftOut) collective placeholders (各市、县人民政府 and the like) left out; --include-collectives keeps them.")
        }
        answer.write(format, to: &result)
    }

    static func weightsJSON(_ w: WorkloadWeights) -> JSONValue {
        .object([("lead", .double(w.lead)), ("support", .double(w.support)), ("split_among_co_leads", .bool(w.splitAmongCoLeads))])
    }
}
