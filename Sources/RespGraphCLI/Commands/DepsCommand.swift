import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// `respgraph deps`: who relies on whom — one agency's links, the strongest pairs, the matrix.
enum DepsCommand: CLICommand {
    static let spec = CommandSpec(
        name: "deps", summary: "Cross-department dependencies: who relies on whom as a lead, with the tasks behind every link.",
        usage: "deps [AGENCY] [--pairs] [--matrix] [--top N] [--include-collectives] [--doc ID] [--format table|json|csv]",
        discussion: """
        A lead relies on each supporting agency of its task. With AGENCY: whom it relies on (as a lead) and
        who relies on it, with the tasks. --pairs: the strongest links, reciprocal pairs marked.
        --matrix: the agency × agency matrix (rows lead, columns supporter) as CSV.
        Without either, an overview: strongest pairs, agencies that only ever support, tasks whose lead has no supporter.
        Example: respgraph deps 数据局 --doc 2024
        """,
        options: SharedOptions.data + [
            OptionSpec("pairs", "The strongest links, reciprocal pairs marked."),
            OptionSpec("matrix", "The lead × supporter matrix as CSV."),
            OptionSpec("top", value: "N", "How many pairs or links (default 20)."),
            NetworkOptions.includeCollectives, NetworkOptions.kind, SharedOptions.format,
        ], positionals: 0...1, positionalName: "AGENCY")

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try OutputFormat.from(args)
        let top = try args.int("top", default: 20, minimum: 1)
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let selection = try NetworkOptions.selection(args)
        let deps = Dependencies(graph, selection: selection)
        var answer = QueryAnswer()
        func taskKeys(_ l: Dependencies.Link) -> String { l.tasks.map { graph.key(of: $0) }.joined(separator: " ") }
        func linkJSON(_ l: Dependencies.Link) -> JSONValue {
            .object([("lead", .string(graph[l.lead].name)), ("supporter", .string(graph[l.supporter].name)),
                     ("tasks", .array(l.tasks.map { .string(graph.key(of: $0)) }))])
        }

        if args.flag("matrix") {
            let network = AgencyNetwork.dependency(graph, selection: selection)
            let names = network.agencies.map { graph[$0].name }
            var table = TextTable(columns: [.init("lead \\ supporter")] + names.map { .init($0, alignRight: true) })
            for u in 0..<network.nodeCount {
                table.append([names[u]] + (0..<network.nodeCount).map { v in String(Int(network.weight(u, v))) })
            }
            let format = try OutputFormat.from(args)
            switch format {
            case .json:
                // {"agencies": [...], "matrix": [[...]]}: rows lead, columns supporter, as in the CSV.
                let rows = (0..<network.nodeCount).map { u in JSONValue.array((0..<network.nodeCount).map { v in .int(Int(network.weight(u, v))) }) }
                result.stdout += JSONValue.object([("agencies", .array(names.map(JSONValue.string))), ("matrix", .array(rows))]).formatted()
            default:
                result.stdout += table.csv()
            }
            return
        }
        if let query = args.positionals.first {
            let id = try AgencyLookup.find(query, in: graph)
            func table(_ title: String, _ links: [Dependencies.Link], other: (Dependencies.Link) -> AgencyID) -> TextTable {
                var t = TextTable(title: title, columns: [.init("agency", maxWidth: 34), .init("tasks", alignRight: true), .init("task keys", maxWidth: 60)])
                for l in links { t.append([graph[other(l)].name, String(l.tasks.count), taskKeys(l)]) }
                return t
            }
            let out = deps.reliesOn(id), inn = deps.reliedOnBy(id)
            answer.heading = ["\(graph[id].name): relies on \(out.count) agencies as a lead; \(inn.count) agencies rely on it."]
            answer.tables = [table("Relies on (it leads, they support)", out) { $0.supporter },
                             table("Relied on by (they lead, it supports)", inn) { $0.lead }]
            answer.json = .object([("agency", .string(graph[id].name)), ("relies_on", .array(out.map(linkJSON))), ("relied_on_by", .array(inn.map(linkJSON)))])
            var csv = TextTable(columns: [.init("direction"), .init("agency"), .init("tasks"), .init("task keys")])
            for l in out { csv.append(["relies on", graph[l.supporter].name, String(l.tasks.count), taskKeys(l)]) }
            for l in inn { csv.append(["relied on by", graph[l.lead].name, String(l.tasks.count), taskKeys(l)]) }
            answer.csvTable = csv
            answer.write(format, to: &result)
            return
        }
        let pairs = deps.strongestPairs(limit: top)
        var pairTable = TextTable(title: "Strongest dependencies (lead → supporter)", columns: [
            .init("lead", maxWidth: 30), .init("supporter", maxWidth: 30), .init("tasks", alignRight: true),
            .init("reverse", alignRight: true), .init("reciprocal")])
        for (l, reverse) in pairs {
            pairTable.append([graph[l.lead].name, graph[l.supporter].name, String(l.tasks.count), String(reverse), reverse > 0 ? "yes" : ""])
        }
        let pairJSON: [JSONValue] = pairs.map { (l, reverse) in
            .object([("lead", .string(graph[l.lead].name)), ("supporter", .string(graph[l.supporter].name)),
                     ("tasks", .int(l.tasks.count)), ("reverse_tasks", .int(reverse)), ("reciprocal", .bool(reverse > 0)),
                     ("task_keys", .array(l.tasks.map { .string(graph.key(of: $0)) }))])
        }
        if args.flag("pairs") {
            answer.tables = [pairTable]
            answer.json = .object([("pairs", .array(pairJSON))])
            answer.write(format, to: &result)
            return
        }
        let supportOnly = graph.agencyIDs.filter { selection.admits(graph[$0]) && graph.count(of: $0, role: .lead) == 0 && graph.count(of: $0, role: .support) > 0 }
            .sorted { (graph.count(of: $0, role: .support), graph[$1].name) > (graph.count(of: $1, role: .support), graph[$0].name) }
        var supportTable = TextTable(title: "Agencies that only ever support", columns: [.init("agency", maxWidth: 34), .init("kind"), .init("supports", alignRight: true)])
        for a in supportOnly { supportTable.append([graph[a].name, graph[a].kind.rawValue, String(graph.count(of: a, role: .support))]) }
        let checks = AccountabilityChecks(graph)
        answer.tables = [pairTable, supportTable]
        answer.footer = ["\(checks.withoutSupporter.count) of \(graph.tasks.count) tasks have a lead but no supporter (respgraph workload checks lists them)."]
        answer.json = .object([("pairs", .array(pairJSON)),
                               ("support_only", .array(supportOnly.map { .string(graph[$0].name) })),
                               ("tasks_without_supporter", .array(checks.withoutSupporter.map { .string(graph.key(of: $0)) }))])
        answer.write(format, to: &result)
    }
}
