import RespGraphExport
import RespGraphModel

/// `respgraph task 2024:46`: one task with its lead and supporting agencies and its source line.
enum TaskCommand: CLICommand {
    static let spec = CommandSpec(
        name: "task", summary: "One task: indicator, direction, text, deadline, leads, supporters, source line.",
        usage: "task DOC:NUMBER [--format table|json|csv]",
        discussion: "Examples: respgraph task 2024:46 · respgraph task 2024:W3 (the third work point of the 2024 body) · respgraph task 46 --doc 2024",
        options: SharedOptions.data + [SharedOptions.format], positionals: 1...1, positionalName: "task key such as 2024:46")

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try OutputFormat.from(args)
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let query = args.positionals[0].trimmingCharacters(in: .whitespaces)
        var id = graph.task(key: query)
        if id == nil, !query.contains(":") {
            let candidates = graph.documents.compactMap { graph.task(key: "\($0.id):\(query)") }
            if candidates.count == 1 { id = candidates[0] }
            else if candidates.count > 1 {
                throw DataError(message: "task \(query) is in several documents; say which: \(candidates.map { graph.key(of: $0) }.joined(separator: ", "))")
            }
        }
        guard let t = id else {
            throw DataError(message: "no task '\(query)'; keys look like 2024:46 (table row) or 2024:W3 (work point); documents: \(graph.documents.map(\.id).joined(separator: ", "))")
        }
        let task = graph[t]
        let leads = graph.agencies(of: t, role: .lead).map { graph[$0].name }
        let supporters = graph.agencies(of: t, role: .support).map { graph[$0].name }
        var table = TextTable(columns: [.init("field"), .init("value", maxWidth: 200)])
        let fields: [(String, String)] = [
            ("task", graph.key(of: t)), ("document", graph.documents[task.document.index].title),
            ("level", task.level == .table ? "table row 任务清单" : "work point 工作要点"), ("label", task.label),
            ("indicator 指标", task.indicator), ("direction 方向/目标", task.direction), ("text 任务", task.text),
            ("deadline 完成时限", task.deadline ?? ""), ("leads 牵头单位", leads.joined(separator: "、")),
            ("supporters 配合单位", supporters.joined(separator: "、")), 
        ] + (task.sourceLine > 0 ? [("source line", String(task.sourceLine))] : [])
          + (task.sourcePlace.map { [("source place", $0)] } ?? [])
        for (k, v) in fields { table.append([k, v]) }
        var answer = QueryAnswer()
        answer.tables = [table]
        answer.json = .object([
            ("task", .string(graph.key(of: t))), ("document", .string(graph.documents[task.document.index].id)),
            ("level", .string(task.level.rawValue)), ("number", .int(task.number)), ("label", .string(task.label)),
            ("indicator", .optional(task.indicator.isEmpty ? nil : task.indicator)), ("direction", .optional(task.direction.isEmpty ? nil : task.direction)), ("text", .optional(task.text.isEmpty ? nil : task.text)),
            ("deadline", .optional(task.deadline)), ("leads", .array(leads.map(JSONValue.string))),
            ("supporters", .array(supporters.map(JSONValue.string))), ("source_line", task.sourceLine > 0 ? .int(task.sourceLine) : .null),
            ("source_place", .optional(task.sourcePlace)),
        ])
        answer.write(format, to: &result)
    }
}

import Foundation
