import RespGraphAnalysis
import RespGraphModel

/// `respgraph agencies`: the agencies, filtered by kind, sorted by load or name.
enum AgenciesCommand: CLICommand {
    /// How the list is ordered.
    enum Order: String, CaseIterable, Sendable { case load, lead, support, name }

    static let sort = Choice<Order>("sort", default: .load, "load (weighted), lead, support or name.")
    static let top = WholeOption("top", default: nil, defaultText: "all", "Only the first N.")

    static let spec = CommandSpec(
        name: "agencies", summary: "List agencies with their kind and load; filter by kind, sort by load or name.",
        discussion: "Kinds: \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", ")).\nExample: respgraph agencies --kind "
            + "central-body --sort lead",
        options: SharedOptions.data + [NetworkOptions.kind.spec, sort.spec, top.spec] + SharedOptions.queryOutput)

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let kinds = Set(args.all(NetworkOptions.kind))
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        var loads = Workload.loads(in: graph).filter { kinds.isEmpty || kinds.contains(graph[$0.agency].kind) }
        switch args[sort] {
        case .name: loads.sort { graph[$0.agency].name < graph[$1.agency].name }
        case .lead: loads.sort { ($0.lead, $0.support, graph[$1.agency].name) > ($1.lead, $1.support, graph[$0.agency].name) }
        case .support: loads.sort { ($0.support, $0.lead, graph[$1.agency].name) > ($1.support, $1.lead, graph[$0.agency].name) }
        case .load: loads = Workload.ranked(loads, in: graph)
        }
        let shown = loads.prefix(args[top] ?? Int.max)
        var agencies = RecordSet("agencies",
                                 [Field("agency", zh: "机构", maxWidth: 34), Field("kind", zh: "类别"),
                                  Field("lead", zh: "牵头", .whole, unit: nil),
                                              Field("support", zh: "配合", .whole), Field("weighted", zh: "加权负荷", .number(digits: 2)),
                                              Field("english name", zh: "英文名", maxWidth: 36), Field("successor", zh: "现名", maxWidth: 30)])
        for l in shown {
            let a = graph[l.agency]
            agencies.append([.text(a.name), .kind(a.kind), .whole(l.lead), .whole(l.support), .number(l.weighted),
                             .optional(a.englishName), .optional(a.successor)])
        }
        var output = QueryOutput()
        output.sets = [agencies]
        output.footer = ["\(shown.count) of \(loads.count) agencies; weighted = 1 × lead + 0.5 × support."]
        try result.write(output, args)
    }
}
