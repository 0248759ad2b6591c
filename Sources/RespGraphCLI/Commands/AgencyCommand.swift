import RespGraphModel

/// `respgraph agency NAME`: one agency's tasks led and supported, and its partners.
enum AgencyCommand: CLICommand {
    static let spec = CommandSpec(
        name: "agency", summary: "One agency: its tasks led and supported, and the agencies it works with.",
        discussion: """
        AGENCY is a canonical name, an alias, or a unique part of a name: 'respgraph agency 数据局'.
        An ambiguous part lists the agencies it matches.
        With --format csv the output is one row per task (role, task, indicator, text, leads, supporters).
        """,
        options: SharedOptions.data + SharedOptions.queryOutput, positionals: [PositionalSpec("AGENCY")])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let id = try graph.agency(matching: args.positionals[0])
        let agency = graph[id]
        let predecessors = data.registry.lineage.filter { $0.successor == agency.name }.map(\.predecessor)

        var tasks = RecordSet("tasks", title: "Tasks (牵头 lead, 配合 support)", [
            Field("role"), Field("task"), Field("indicator", maxWidth: 16), Field("direction", inTerminal: false), Field("text", maxWidth: 40),
            Field("leads", .list(separator: "、"), maxWidth: 30), Field("supporters", .list(separator: "、"), inTerminal: false),
            Field("source line", .whole, inTerminal: false)])
        for role in Role.allCases {
            for t in graph.tasks(of: id, role: role) {
                let task = graph[t]
                tasks.append([.term(role.name, zh: role.chineseName), .text(graph.key(of: t)), .optional(task.indicator), .optional(task.direction), .optional(task.text),
                              .list(graph.agencies(of: t, role: .lead).map { graph[$0].name }),
                              .list(graph.agencies(of: t, role: .support).map { graph[$0].name }),
                              task.sourceLine > 0 ? .whole(task.sourceLine) : .missing])
            }
        }

        // Partners: agencies sharing a task, how many, and in which direction the lead runs.
        var shared: [Int32: (total: Int, theyLead: Int, weLead: Int)] = [:]
        for t in Set(graph.tasks(of: id)).sorted() {
            let leads = Set(graph.agencies(of: t, role: .lead))
            let weLead = leads.contains(id)
            for other in Set(graph.agencies(of: t)) where other != id {
                var entry = shared[other.rawValue] ?? (0, 0, 0)
                entry.total += 1
                if leads.contains(other) { entry.theyLead += 1 }
                if weLead { entry.weLead += 1 }
                shared[other.rawValue] = entry
            }
        }
        let partnerOrder = shared.keys.sorted { a, b in
            let x = shared[a]!, y = shared[b]!
            if x.total != y.total { return x.total > y.total }
            return graph.agencies[Int(a)].name < graph.agencies[Int(b)].name
        }
        var partners = RecordSet("partners", title: "Partners (shared tasks)", [
            Field("agency", maxWidth: 34), Field("kind"), Field("shared", key: "shared_tasks", .whole),
            Field("partner leads", .whole), Field("agency leads", .whole)])
        for p in partnerOrder {
            let s = shared[p]!
            let other = graph.agencies[Int(p)]
            partners.append([.text(other.name), .kind(other.kind), .whole(s.total), .whole(s.theyLead), .whole(s.weLead)])
        }

        let led = graph.count(of: id, role: .lead), supported = graph.count(of: id, role: .support)
        var output = QueryOutput()
        output.heading = ["\(agency.name)  [\(agency.kind.rawValue) · \(agency.kind.chineseName)]"]
        if let en = agency.englishName { output.heading.append("English: \(en)") }
        if !agency.aliases.isEmpty { output.heading.append("Also written: \(agency.aliases.joined(separator: "、"))") }
        if let s = agency.successor { output.heading.append("Succeeded by: \(s)") }
        if !predecessors.isEmpty { output.heading.append("Succeeds: \(predecessors.joined(separator: "、"))") }
        output.heading.append("Leads \(led) tasks, supports \(supported), works with \(partnerOrder.count) agencies.")
        output.facts = [
            ("name", .text(agency.name)), ("kind", .kind(agency.kind)), ("kind_zh", .text(agency.kind.chineseName)),
            ("english_name", .optional(agency.englishName)), ("aliases", .list(agency.aliases)),
            ("successor", .optional(agency.successor)), ("predecessors", .list(predecessors)),
            ("tasks_led", .whole(led)), ("tasks_supported", .whole(supported)), ("partner_count", .whole(partnerOrder.count)),
        ]
        output.sets = [tasks, partners]
        try result.write(output, args)
    }
}
