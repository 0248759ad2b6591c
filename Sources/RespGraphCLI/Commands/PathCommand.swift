import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// `respgraph path A B`: the shortest coordination chain between two agencies through shared tasks.
enum PathCommand: CLICommand {
    static let spec = CommandSpec(
        name: "path", summary: "The shortest coordination chain between two agencies, naming the shared task of each step.",
        usage: "path AGENCY AGENCY [--include-collectives] [--doc ID] [--format table|json|csv]",
        discussion: "Chains do not pass through collective placeholders unless --include-collectives.\nExample: respgraph path 数据局 南宁海关 --doc 2024",
        options: SharedOptions.data + [NetworkOptions.includeCollectives, SharedOptions.format],
        positionals: 2...2, positionalName: "two agencies")

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try OutputFormat.from(args)
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let a = try AgencyLookup.find(args.positionals[0], in: graph)
        let b = try AgencyLookup.find(args.positionals[1], in: graph)
        let selection = AgencyNetwork.Selection(includeCollectives: args.flag("include-collectives"), kinds: [])
        guard let steps = CoordinationPath.find(graph, from: a, to: b, selection: selection) else {
            throw DataError(message: "no coordination chain links \(graph[a].name) and \(graph[b].name)\(args.flag("include-collectives") ? "" : " without passing through collective placeholders (try --include-collectives)")")
        }
        var table = TextTable(columns: [.init("step", alignRight: true), .init("from", maxWidth: 30), .init("task"), .init("to", maxWidth: 30), .init("task text", maxWidth: 50)])
        for (i, s) in steps.enumerated() {
            let t = graph[s.task]
            table.append([String(i + 1), graph[s.from].name, graph.key(of: s.task), graph[s.to].name, t.text.isEmpty ? t.direction : t.text])
        }
        var answer = QueryAnswer()
        answer.heading = ["\(graph[a].name) → \(graph[b].name): \(steps.count) step\(steps.count == 1 ? "" : "s")."]
        answer.tables = [table]
        answer.json = .object([("from", .string(graph[a].name)), ("to", .string(graph[b].name)), ("length", .int(steps.count)),
                               ("steps", .array(steps.map { s in .object([("from", .string(graph[s.from].name)), ("task", .string(graph.key(of: s.task))), ("to", .string(graph[s.to].name))]) }))])
        answer.write(format, to: &result)
    }
}
