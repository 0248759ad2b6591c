import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// `respgraph agencies`: the agencies, filtered by kind, sorted by load or name.
enum AgenciesCommand: CLICommand {
    static let spec = CommandSpec(
        name: "agencies", summary: "List agencies with their kind and load; filter by kind, sort by load or name.",
        usage: "agencies [--kind KIND] [--sort load|lead|support|name] [--top N] [--doc ID] [--format table|json|csv]",
        discussion: "Kinds: \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", ")).\nExample: respgraph agencies --kind central-body --sort lead",
        options: SharedOptions.data + [
            OptionSpec("kind", value: "KIND", repeatable: true, "Only agencies of this kind; repeatable."),
            OptionSpec("sort", value: "ORDER", "load (weighted, default), lead, support or name."),
            OptionSpec("top", value: "N", "Only the first N."),
            SharedOptions.format,
        ])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try OutputFormat.from(args)
        let sort = try args.choice("sort", from: ["load", "lead", "support", "name"], default: "load")
        let top = try args.int("top", default: Int.max, minimum: 1)
        var kinds = Set<AgencyKind>()
        for k in args.all("kind") {
            guard let kind = AgencyKind(rawValue: k) else {
                throw UsageError(message: "unknown kind '\(k)'; kinds: \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", "))", command: spec.name)
            }
            kinds.insert(kind)
        }
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        var loads = Workload.loads(in: graph).filter { kinds.isEmpty || kinds.contains(graph[$0.agency].kind) }
        switch sort {
        case "name": loads.sort { graph[$0.agency].name < graph[$1.agency].name }
        case "lead": loads.sort { ($0.lead, $0.support, graph[$1.agency].name) > ($1.lead, $1.support, graph[$0.agency].name) }
        case "support": loads.sort { ($0.support, $0.lead, graph[$1.agency].name) > ($1.support, $1.lead, graph[$0.agency].name) }
        default: loads = Workload.ranked(loads, in: graph)
        }
        let shown = Array(loads.prefix(top))
        var table = TextTable(columns: [.init("agency", maxWidth: 34), .init("kind"), .init("lead", alignRight: true),
                                        .init("support", alignRight: true), .init("weighted", alignRight: true), .init("english", maxWidth: 36)])
        var items: [JSONValue] = []
        for l in shown {
            let a = graph[l.agency]
            table.append([a.name, a.kind.rawValue, String(l.lead), String(l.support), formatNumber(l.weighted), a.englishName ?? ""])
            items.append(.object([("name", .string(a.name)), ("kind", .string(a.kind.rawValue)), ("lead", .int(l.lead)),
                                  ("support", .int(l.support)), ("weighted", .double(l.weighted)),
                                  ("english_name", .optional(a.englishName)), ("successor", .optional(a.successor))]))
        }
        var answer = QueryAnswer()
        answer.tables = [table]
        answer.footer = ["\(shown.count) of \(loads.count) agencies; weighted = 1 × lead + 0.5 × support."]
        answer.json = .object([("agencies", .array(items))])
        answer.write(format, to: &result)
    }
}
