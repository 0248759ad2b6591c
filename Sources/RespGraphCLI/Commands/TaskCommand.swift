import RespGraphModel

/// `respgraph task 2024:46`: one task with its lead and supporting agencies and its source line.
enum TaskCommand: CLICommand {
    /// The task: DOC:NUMBER (2024:W3) or a unique part of its text.
    static let task = Positional("TASK", at: 0)

    static let spec = CommandSpec(
        name: "task", summary: "One task: indicator, direction, text, deadline, leads, supporters, source line.",
        discussion: "Examples: respgraph task 2024:46 · respgraph task 2024:W3 (the third work point of the 2024 body) · respgraph task "
            + "46 --doc 2024",
        options: SharedOptions.data + SharedOptions.queryOutput, positionals: [task.spec])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let t = try graph.task(matching: args[task])
        try result.write(output(t, graph), args)
    }

    /// The task as one record, shown field by field in a terminal.
    static func output(_ t: TaskID, _ graph: ResponsibilityGraph) -> QueryOutput {
        let task = graph[t]
        let fields: [(Field, FieldValue)] = [
            (Field("task", zh: "任务"), .text(graph.key(of: t))),
            (Field("document", zh: "文件"), .text(graph.documents[task.document.index].id)),
            (Field("document title", zh: "文件名称", maxWidth: 200), .text(graph.documents[task.document.index].title)),
            (Field("level", zh: "层级"), .text(task.level.rawValue)),
            (Field("number", zh: "序号", .whole), .whole(task.number)),
            (Field("label", zh: "标号"), .optional(task.label)),
            (Field("indicator 指标", zh: "指标", key: "indicator"), .optional(task.indicator)),
            (Field("direction 方向/目标", zh: "方向", key: "direction"), .optional(task.direction)),
            (Field("text 任务", zh: "任务内容", key: "text"), .optional(task.text)),
            (Field("deadline 完成时限", zh: "完成时限", key: "deadline"), .optional(task.deadline)),
            (Field("leads 牵头单位", zh: "牵头单位", key: "leads", .list(separator: "、")),
             .list(graph.agencies(of: t, role: .lead).map { graph[$0].name })),
            (Field("supporters 配合单位", zh: "配合单位", key: "supporters", .list(separator: "、")),
             .list(graph.agencies(of: t, role: .support).map { graph[$0].name })),
            (Field("source line", zh: "原文行", .whole), task.sourceLine > 0 ? .whole(task.sourceLine) : .missing),
            (Field("source place", zh: "原文位置"), .optional(task.sourcePlace)),
        ]
        return QueryOutput.single(fields)
    }
}
