import RespGraphAnalysis
import RespGraphExport
import RespGraphReports
import RespGraphModel

/// `respgraph path A B`: the shortest coordination chain between two agencies through shared tasks.
enum PathCommand: CLICommand {
    /// The agencies the chain links.
    static let from = Positional("FROM", at: 0), to = Positional("TO", at: 1)

    static let spec = CommandSpec(
        name: "path", summary: "The shortest coordination chain between two agencies, naming the shared task of each step.",
        discussion: "Chains do not pass through collective placeholders unless --include-collectives.\nExample: respgraph path 数据局 南宁海关 "
            + "--doc 2024",
        options: SharedOptions.data + [NetworkOptions.includeCollectives.spec] + SharedOptions.queryOutput,
        positionals: [from.spec, to.spec])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let a = try graph.agency(matching: args[from])
        let b = try graph.agency(matching: args[to])
        let selection = NetworkOptions.selection(args)
        guard let steps = CoordinationPath.find(graph, from: a, to: b, selection: selection) else {
            let collectives = args[NetworkOptions.includeCollectives]
                ? "" : " without passing through collective placeholders (try --include-collectives)"
            throw DataError(message: "no coordination chain links \(graph[a].name) and \(graph[b].name)\(collectives)")
        }
        var set = RecordSet("steps",
                            [Field("step", zh: "步", .whole), Field("from", zh: "起点", maxWidth: 30), Field("task", zh: "任务"),
                             Field("to", zh: "终点", maxWidth: 30),
                             Field("task text", zh: "任务内容", maxWidth: 50)])
        for (i, step) in steps.enumerated() {
            let t = graph[step.task]
            set.append([.whole(i + 1), .text(graph[step.from].name), .text(graph.key(of: step.task)), .text(graph[step.to].name),
                        .optional(t.text.isEmpty ? t.direction : t.text)])
        }
        var output = QueryOutput()
        output.heading = ["\(graph[a].name) → \(graph[b].name): \(steps.count) step\(steps.count == 1 ? "" : "s")."]
        output.facts = [("from", .text(graph[a].name)), ("to", .text(graph[b].name)), ("length", .whole(steps.count))]
        output.sets = [set]
        try result.write(output, args)
    }
}
