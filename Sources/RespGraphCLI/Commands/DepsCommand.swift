import RespGraphAnalysis
import RespGraphModel

/// `respgraph deps`: who relies on whom — one agency's links, or an overview; `deps pairs` and `deps matrix` below.
enum DepsCommand: CLICommand {
    /// The agency whose dependencies are shown.
    static let agency = Positional(optional: "AGENCY", at: 0)
    static let top = WholeOption("top", default: 20, "How many pairs in the overview.")

    static let spec = CommandSpec(
        name: "deps", summary: "Cross-department dependencies: who relies on whom as a lead, with the tasks behind every link.",
        discussion: """
        A lead relies on each supporting agency of its task. With AGENCY: whom it relies on (as a lead) and
        who relies on it, with the tasks. Without: an overview (strongest pairs, agencies that only ever
        support, tasks whose lead has no supporter). respgraph deps pairs lists the strongest links alone;
        respgraph deps matrix writes the agency × agency matrix.
        Example: respgraph deps 数据局 --doc 2024
        """,
        options: SharedOptions.data + [top.spec, NetworkOptions.includeCollectives.spec,
                                       NetworkOptions.kind.spec] + SharedOptions.queryOutput + [
            .renamed("pairs", to: "respgraph deps pairs"), .renamed("matrix", to: "respgraph deps matrix"),
        ],
        positionals: [agency.spec],
        rules: [.exclusive([top, agency])])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let selection = NetworkOptions.selection(args)
        let deps = Dependencies(graph, selection: selection)
        if let query = args[agency] {
            try result.write(output(of: try graph.agency(matching: query), deps, graph), args)
            return
        }
        var output = QueryOutput()
        output.sets = [pairsRecords(deps, graph, limit: args[top])]
        var supportSet = RecordSet("support_only", title: Bilingual("只承担配合的机构", "Agencies that only ever support"), [
            Field("agency", zh: "机构", maxWidth: 34), Field("kind", zh: "类别"), Field("supports", zh: "配合次数", .whole)])
        for a in Dependencies.supportOnly(graph, selection: selection) {
            supportSet.append([.text(graph[a].name), .kind(graph[a].kind), .whole(graph.count(of: a, role: .support))])
        }
        let checks = AccountabilityChecks(graph)
        output.sets.append(supportSet)
        output.facts = [("tasks_without_supporter", .list(checks.withoutSupporter.map { graph.key(of: $0) }))]
        output.footer = ["\(checks.withoutSupporter.count) of \(graph.tasks.count) tasks have a lead but no supporter (respgraph workload "
            + "checks lists them)."]
        try result.write(output, args)
    }

    /// One agency's dependencies: the agencies it relies on as a lead, and those that rely on it, with the tasks.
    static func output(of id: AgencyID, _ deps: Dependencies, _ graph: ResponsibilityGraph) -> QueryOutput {
        func keys(_ l: Dependencies.Link) -> FieldValue { .list(l.tasks.map { graph.key(of: $0) }) }
        let out = deps.reliesOn(id), inn = deps.reliedOnBy(id)
        var links = RecordSet("links", [
            Field("direction", zh: "方向"), Field("agency", zh: "机构", maxWidth: 34), Field("tasks", zh: "任务数", .whole),
            Field("task keys", zh: "任务编号", .list(separator: " "), maxWidth: 60)])
        for l in out { links.append([.text("relies on"), .text(graph[l.supporter].name), .whole(l.tasks.count), keys(l)]) }
        for l in inn { links.append([.text("relied on by"), .text(graph[l.lead].name), .whole(l.tasks.count), keys(l)]) }
        var output = QueryOutput()
        output.heading = ["\(graph[id].name): relies on \(out.count) agencies as a lead (it leads, they support); \(inn.count) "
            + "agencies rely on it (they lead, it supports)."]
        output.facts = [("agency", .text(graph[id].name)), ("relies_on", .whole(out.count)), ("relied_on_by", .whole(inn.count))]
        output.sets = [links]
        return output
    }

    /// The strongest dependencies (lead → supporter), reciprocal pairs marked, with the tasks behind each.
    static func pairsRecords(_ deps: Dependencies, _ graph: ResponsibilityGraph, limit: Int) -> RecordSet {
        var pairSet = RecordSet("pairs", title: Bilingual("最强依赖（牵头 → 配合）", "Strongest dependencies (lead → supporter)"), [
            Field("lead", zh: "牵头", maxWidth: 30), Field("supporter", zh: "配合单位", maxWidth: 30), Field("tasks", zh: "任务数", .whole),
            Field("reverse", zh: "反向任务", key: "reverse_tasks", .whole), Field("reciprocal", zh: "互为依靠", .flag),
            Field("task keys", zh: "任务编号", .list(separator: " "), inTerminal: false)])
        for (l, reverse) in deps.strongestPairs(limit: limit) {
            pairSet.append([.text(graph[l.lead].name), .text(graph[l.supporter].name), .whole(l.tasks.count), .whole(reverse),
                            .flag(reverse > 0),
                            .list(l.tasks.map { graph.key(of: $0) })])
        }
        return pairSet
    }
}

/// `respgraph deps pairs`: the strongest dependencies alone, reciprocal pairs marked.
enum DepsPairsCommand: CLICommand {
    static let top = WholeOption("top", default: 20, "How many pairs.")
    static let spec = CommandSpec(
        name: "deps pairs", summary: "The strongest dependencies (lead → supporter), reciprocal pairs marked, with the tasks behind each.",
        discussion: "Example: respgraph deps pairs --top 10 --doc 2024",
        options: SharedOptions.data + [top.spec, NetworkOptions.includeCollectives.spec,
                                       NetworkOptions.kind.spec] + SharedOptions.queryOutput)

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let graph = try LoadedData.load(args).selectedGraph(args)
        var output = QueryOutput()
        output.sets = [DepsCommand.pairsRecords(Dependencies(graph, selection: NetworkOptions.selection(args)), graph, limit: args[top])]
        try result.write(output, args)
    }
}

/// `respgraph deps matrix`: the lead × supporter matrix of task counts.
enum DepsMatrixCommand: CLICommand {
    static let spec = CommandSpec(
        name: "deps matrix", summary: "The agency × agency dependency matrix: rows lead, columns supporter, cells tasks (CSV or JSON).",
        discussion: "A matrix hundreds of columns wide does not fit a terminal: it prints as CSV there too.\nExample: respgraph deps "
            + "matrix --doc 2024 -o deps.csv",
        options: SharedOptions.data + [NetworkOptions.includeCollectives.spec, NetworkOptions.kind.spec] + SharedOptions.queryOutput)

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = args[SharedOptions.format]
        let graph = try LoadedData.load(args).selectedGraph(args)
        let network = AgencyNetwork.dependency(graph, selection: NetworkOptions.selection(args))
        let names = network.agencies.map { graph[$0].name }
        var set = RecordSet("matrix", [Field("lead \\ supporter", zh: "牵头", key: "lead")] + names.map { Field($0, zh: $0, key: $0,
            .whole) })
        for u in 0..<network.nodeCount {
            set.append([.text(names[u])] + (0..<network.nodeCount).map { v in .whole(Int(network.weight(u, v))) })
        }
        var output = QueryOutput()
        output.facts = [("agencies", .list(names))]
        output.sets = [set]
        if args[SharedOptions.bom] && format == .json { throw args.usageError("--bom applies to CSV") }
        if args[SharedOptions.bom] { result.stdout += "\u{FEFF}" }
        result.write(output, format == .json ? .json : .csv)
    }
}
