import RespGraphExport
import RespGraphModel

/// `respgraph agency NAME`: one agency's tasks led and supported, and its partners.
enum AgencyCommand: CLICommand {
    static let spec = CommandSpec(
        name: "agency", summary: "One agency: its tasks led and supported, and the agencies it works with.",
        usage: "agency NAME [--doc ID] [--format table|json|csv]",
        discussion: """
        NAME is a canonical name, an alias, or a unique part of a name: 'respgraph agency 数据局'.
        An ambiguous part lists the agencies it matches.
        With --format csv the output is one row per task (role, task, indicator, text).
        """,
        options: SharedOptions.data + [SharedOptions.format], positionals: 1...1, positionalName: "agency NAME")

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try OutputFormat.from(args)
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let id = try AgencyLookup.find(args.positionals[0], in: graph)
        let agency = graph[id]
        let predecessors = data.registry.lineage.filter { $0.successor == agency.name }.map(\.predecessor)

        var heading = ["\(agency.name)  [\(agency.kind.rawValue) · \(agency.kind.chineseName)]"]
        if let en = agency.englishName { heading.append("English: \(en)") }
        if !agency.aliases.isEmpty { heading.append("Also written: \(agency.aliases.joined(separator: "、"))") }
        if let s = agency.successor { heading.append("Succeeded by: \(s)") }
        if !predecessors.isEmpty { heading.append("Succeeds: \(predecessors.joined(separator: "、"))") }

        func taskTable(_ role: Role) -> (TextTable, [JSONValue]) {
            var table = TextTable(title: role == .lead ? "Tasks led (牵头)" : "Tasks supported (配合)", columns: [
                .init("task"), .init("indicator", maxWidth: 16), .init("task text", maxWidth: 40),
                .init(role == .lead ? "co-leads" : "leads", maxWidth: 40)])
            var json: [JSONValue] = []
            for t in graph.tasks(of: id, role: role) {
                let task = graph[t]
                let partners = graph.agencies(of: t, role: .lead).filter { $0 != id }.map { graph[$0].name }
                table.append([graph.key(of: t), task.indicator, task.text.isEmpty ? task.direction : task.text, partners.joined(separator: "、")])
                json.append(.object([("task", .string(graph.key(of: t))), ("indicator", .optional(task.indicator.isEmpty ? nil : task.indicator)),
                                     ("direction", .optional(task.direction.isEmpty ? nil : task.direction)), ("text", .optional(task.text.isEmpty ? nil : task.text)),
                                     ("leads", .array(graph.agencies(of: t, role: .lead).map { .string(graph[$0].name) })),
                                     ("supporters", .array(graph.agencies(of: t, role: .support).map { .string(graph[$0].name) })),
                                     ("source_line", .int(task.sourceLine))]))
            }
            return (table, json)
        }
        let (led, ledJSON) = taskTable(.lead)
        let (supported, supportedJSON) = taskTable(.support)

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
        var partners = TextTable(title: "Partners (shared tasks)", columns: [
            .init("agency", maxWidth: 34), .init("kind"), .init("shared", alignRight: true),
            .init("partner leads", alignRight: true), .init("agency leads", alignRight: true)])
        var partnerJSON: [JSONValue] = []
        for p in partnerOrder {
            let s = shared[p]!
            let other = graph.agencies[Int(p)]
            partners.append([other.name, other.kind.rawValue, String(s.total), String(s.theyLead), String(s.weLead)])
            partnerJSON.append(.object([("agency", .string(other.name)), ("kind", .string(other.kind.rawValue)), ("shared_tasks", .int(s.total)),
                                        ("partner_leads", .int(s.theyLead)), ("agency_leads", .int(s.weLead))]))
        }

        var answer = QueryAnswer()
        answer.heading = heading + ["Leads \(ledJSON.count) tasks, supports \(supportedJSON.count), works with \(partnerOrder.count) agencies."]
        answer.tables = [led, supported, partners]
        answer.json = .object([
            ("name", .string(agency.name)), ("kind", .string(agency.kind.rawValue)), ("english_name", .optional(agency.englishName)),
            ("aliases", .array(agency.aliases.map(JSONValue.string))), ("successor", .optional(agency.successor)),
            ("predecessors", .array(predecessors.map(JSONValue.string))),
            ("led", .array(ledJSON)), ("supported", .array(supportedJSON)), ("partners", .array(partnerJSON)),
        ])
        var csv = TextTable(columns: [.init("role"), .init("task"), .init("indicator"), .init("direction"), .init("text")])
        for role in Role.allCases {
            for t in graph.tasks(of: id, role: role) {
                csv.append([role.name, graph.key(of: t), graph[t].indicator, graph[t].direction, graph[t].text])
            }
        }
        answer.csvTable = csv
        answer.write(format, to: &result)
    }
}
