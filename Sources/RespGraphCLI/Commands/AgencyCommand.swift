import RespGraphAnalysis
import RespGraphModel

/// `respgraph agency NAME`: one agency's tasks led and supported, and its partners.
enum AgencyCommand: CLICommand {
    /// The agency: its name, an alias, a former name or a unique part of one.
    static let agency = Positional("AGENCY", at: 0)

    static let spec = CommandSpec(
        name: "agency", summary: "One agency: its tasks led and supported, and the agencies it works with.",
        discussion: """
        AGENCY is a canonical name, an alias, or a unique part of a name: 'respgraph agency 数据局'.
        An ambiguous part lists the agencies it matches.
        With --format csv the output is one row per task (role, task, indicator, text, leads, supporters).
        """,
        options: SharedOptions.data + SharedOptions.queryOutput, positionals: [agency.spec])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let id = try graph.agency(matching: args[agency])
        let predecessors = data.registry.predecessors(of: graph[id].name)
        try result.write(output(id, graph, predecessors: predecessors, partners: Partner.of(id, in: graph)), args)
    }

    /// An agency's card: its names, its tasks by role, and its partners.
    static func output(_ id: AgencyID, _ graph: ResponsibilityGraph, predecessors: [String],
                       partners partnerList: [Partner]) -> QueryOutput {
        let agency = graph[id]
        var tasks = RecordSet("tasks", title: Bilingual("任务", "Tasks (牵头 lead, 配合 support)"), [
            Field("role", zh: "角色"), Field("task", zh: "任务"), Field("indicator", zh: "指标", maxWidth: 16),
            Field("direction", zh: "方向", inTerminal: false), Field("text", zh: "任务内容", maxWidth: 40),
            Field("leads", zh: "牵头单位", .list(separator: "、"), maxWidth: 30),
            Field("supporters", zh: "配合单位", .list(separator: "、"), inTerminal: false),
            Field("source line", zh: "原文行", .whole, inTerminal: false)])
        for role in Role.allCases {
            for t in graph.tasks(of: id, role: role) {
                let task = graph[t]
                tasks.append([.role(role), .text(graph.key(of: t)), .optional(task.indicator),
                              .optional(task.direction), .optional(task.text),
                              .list(graph.agencies(of: t, role: .lead).map { graph[$0].name }),
                              .list(graph.agencies(of: t, role: .support).map { graph[$0].name }),
                              task.sourceLine > 0 ? .whole(task.sourceLine) : .missing])
            }
        }

        var partners = RecordSet("partners", title: Bilingual("合作机构（共同任务）", "Partners (shared tasks)"), [
            Field("agency", zh: "机构", maxWidth: 34), Field("kind", zh: "类别"), Field("shared", zh: "共同任务", key: "shared_tasks", .whole),
            Field("partner leads", zh: "对方牵头", .whole), Field("agency leads", zh: "本机构牵头", .whole)])
        for p in partnerList {
            let other = graph[p.agency]
            partners.append([.text(other.name), .kind(other.kind), .whole(p.shared), .whole(p.partnerLeads), .whole(p.agencyLeads)])
        }

        let led = graph.count(of: id, role: .lead), supported = graph.count(of: id, role: .support)
        var output = QueryOutput()
        output.heading = ["\(agency.name)  [\(agency.kind.rawValue) · \(agency.kind.chineseName)]"]
        if let en = agency.englishName { output.heading.append("English: \(en)") }
        if !agency.aliases.isEmpty { output.heading.append("Also written: \(agency.aliases.joined(separator: "、"))") }
        if let s = agency.successor { output.heading.append("Succeeded by: \(s)") }
        if !predecessors.isEmpty { output.heading.append("Succeeds: \(predecessors.joined(separator: "、"))") }
        output.heading.append("Leads \(led) tasks, supports \(supported), works with \(partnerList.count) agencies.")
        output.facts = [
            ("name", .text(agency.name)), ("kind", .kind(agency.kind)), ("kind_zh", .text(agency.kind.chineseName)),
            ("english_name", .optional(agency.englishName)), ("aliases", .list(agency.aliases)),
            ("successor", .optional(agency.successor)), ("predecessors", .list(predecessors)),
            ("tasks_led", .whole(led)), ("tasks_supported", .whole(supported)), ("partner_count", .whole(partnerList.count)),
        ]
        output.sets = [tasks, partners]
        return output
    }
}
