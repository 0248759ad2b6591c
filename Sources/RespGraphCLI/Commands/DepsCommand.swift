import RespGraphAnalysis
import RespGraphModel

/// `respgraph deps`: who relies on whom — one agency's links, the strongest pairs, the matrix.
enum DepsCommand: CLICommand {
    /// The agency whose dependencies are shown.
    static let agency = PositionalSpec("AGENCY", optional: true)
    static let pairs = Flag("pairs", "The strongest links, reciprocal pairs marked.")
    static let matrix = Flag("matrix", "The lead × supporter matrix (CSV or JSON; a terminal gets CSV too).")
    static let top = WholeOption("top", default: 20, "How many pairs.")

    static let spec = CommandSpec(
        name: "deps", summary: "Cross-department dependencies: who relies on whom as a lead, with the tasks behind every link.",
        discussion: """
        A lead relies on each supporting agency of its task. With AGENCY: whom it relies on (as a lead) and
        who relies on it, with the tasks. --pairs: the strongest links, reciprocal pairs marked.
        --matrix: the agency × agency matrix (rows lead, columns supporter).
        Without either, an overview: strongest pairs, agencies that only ever support, tasks whose lead has no supporter.
        Example: respgraph deps 数据局 --doc 2024
        """,
        options: SharedOptions.data + [pairs.spec, matrix.spec, top.spec, NetworkOptions.includeCollectives.spec,
                                       NetworkOptions.kind.spec] + SharedOptions.queryOutput,
        positionals: [agency],
        rules: [.exclusive([agency, pairs, matrix]), .exclusive([top, agency]), .exclusive([top, matrix])])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = args[SharedOptions.format]
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let selection = NetworkOptions.selection(args)
        let deps = Dependencies(graph, selection: selection)
        var output = QueryOutput()

        if args[matrix] {
            let network = AgencyNetwork.dependency(graph, selection: selection)
            let names = network.agencies.map { graph[$0].name }
            var set = RecordSet("matrix", [Field("lead \\ supporter", key: "lead")] + names.map { Field($0, key: $0, .whole) })
            for u in 0..<network.nodeCount {
                set.append([.text(names[u])] + (0..<network.nodeCount).map { v in .whole(Int(network.weight(u, v))) })
            }
            output.facts = [("agencies", .list(names))]
            output.sets = [set]
            // A matrix hundreds of columns wide does not fit a terminal: it prints as CSV there.
            if args[SharedOptions.bom] && format == .json { throw args.usageError("--bom applies to CSV") }
            if args[SharedOptions.bom] { result.stdout += "\u{FEFF}" }
            result.write(output, format == .json ? .json : .csv)
            return
        }
        func keys(_ l: Dependencies.Link) -> FieldValue { .list(l.tasks.map { graph.key(of: $0) }) }
        if let query = args.positionals.first {
            let id = try graph.agency(matching: query)
            let out = deps.reliesOn(id), inn = deps.reliedOnBy(id)
            var links = RecordSet("links", [Field("direction"), Field("agency", maxWidth: 34), Field("tasks", .whole),
                                            Field("task keys", .list(separator: " "), maxWidth: 60)])
            for l in out { links.append([.text("relies on"), .text(graph[l.supporter].name), .whole(l.tasks.count), keys(l)]) }
            for l in inn { links.append([.text("relied on by"), .text(graph[l.lead].name), .whole(l.tasks.count), keys(l)]) }
            output.heading = ["\(graph[id].name): relies on \(out.count) agencies as a lead (it leads, they support); \(inn.count) agencies rely on it (they lead, it supports)."]
            output.facts = [("agency", .text(graph[id].name)), ("relies_on", .whole(out.count)), ("relied_on_by", .whole(inn.count))]
            output.sets = [links]
            try result.write(output, args)
            return
        }
        let strongest = deps.strongestPairs(limit: args[top] ?? 20)
        var pairSet = RecordSet("pairs", title: "Strongest dependencies (lead → supporter)", [
            Field("lead", maxWidth: 30), Field("supporter", maxWidth: 30), Field("tasks", .whole),
            Field("reverse", key: "reverse_tasks", .whole), Field("reciprocal", .flag), Field("task keys", .list(separator: " "), inTerminal: false)])
        for (l, reverse) in strongest {
            pairSet.append([.text(graph[l.lead].name), .text(graph[l.supporter].name), .whole(l.tasks.count), .whole(reverse), .flag(reverse > 0), keys(l)])
        }
        output.sets = [pairSet]
        if !args[pairs] {
            let supportOnly = graph.agencyIDs.filter { selection.admits(graph[$0]) && graph.count(of: $0, role: .lead) == 0 && graph.count(of: $0, role: .support) > 0 }
                .sorted { (graph.count(of: $0, role: .support), graph[$1].name) > (graph.count(of: $1, role: .support), graph[$0].name) }
            var supportSet = RecordSet("support_only", title: "Agencies that only ever support", [Field("agency", maxWidth: 34), Field("kind"), Field("supports", .whole)])
            for a in supportOnly { supportSet.append([.text(graph[a].name), .kind(graph[a].kind), .whole(graph.count(of: a, role: .support))]) }
            let checks = AccountabilityChecks(graph)
            output.sets.append(supportSet)
            output.facts = [("tasks_without_supporter", .list(checks.withoutSupporter.map { graph.key(of: $0) }))]
            output.footer = ["\(checks.withoutSupporter.count) of \(graph.tasks.count) tasks have a lead but no supporter (respgraph workload checks lists them)."]
        }
        try result.write(output, args)
    }
}
