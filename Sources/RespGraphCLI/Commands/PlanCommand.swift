import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// `respgraph plan`: who must be in the room for a set of tasks, grouped into meetings.
enum PlanCommand: CLICommand {
    static let spec = CommandSpec(
        name: "plan", summary: "Coordination planning: the agencies to convene for selected tasks, grouped into N meetings.",
        usage: "plan [--indicator X] [--keyword K] [--agency A] [--tasks 2024:1,2024:5] [--meetings N] [--doc ID] [--format table|json|csv]",
        discussion: """
        Selectors combine (a task must match all given); with none, every task of the selected documents.
        The grouping starts from one meeting per indicator, merges the meetings that share the most
        agencies until N remain, then moves single tasks while that lowers the attendance cost
        (Σ agencies over meetings): a heuristic, printed beside the naive plan's cost.
        Example: respgraph plan --doc 2024 --indicator 获得信贷 --meetings 2
        """,
        options: SharedOptions.data + [
            OptionSpec("indicator", value: "X", "Tasks under this indicator (指标); a part of the name is enough."),
            OptionSpec("keyword", value: "K", "Tasks whose text or direction contains K."),
            OptionSpec("agency", value: "A", "Tasks that name this agency (lead or support)."),
            OptionSpec("tasks", value: "KEYS", "These tasks, comma-separated keys such as 2024:41,2024:42."),
            OptionSpec("meetings", value: "N", "Group the tasks into N meetings (default: one per indicator)."),
            SharedOptions.format,
        ])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try OutputFormat.from(args)
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        var selected = graph.taskIDs
        if let x = args.value("indicator") {
            selected = selected.filter { graph[$0].indicator.contains(x) }
            if selected.isEmpty {
                throw DataError(message: "no task under an indicator containing '\(x)'; indicators: \(Workload.indicators(in: graph).joined(separator: "、"))")
            }
        }
        if let k = args.value("keyword") { selected = selected.filter { graph[$0].text.contains(k) || graph[$0].direction.contains(k) } }
        if let a = args.value("agency") {
            let id = try AgencyLookup.find(a, in: graph)
            selected = selected.filter { graph.agencies(of: $0).contains(id) }
        }
        if let keys = args.value("tasks") {
            var wanted = Set<TaskID>()
            for key in keys.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) {
                guard let t = graph.task(key: key) else { throw DataError(message: "no task '\(key)'; keys look like 2024:46 or 2024:W3") }
                wanted.insert(t)
            }
            selected = selected.filter { wanted.contains($0) }
        }
        if selected.isEmpty { throw DataError(message: "no task matches the selectors") }
        let naive = MeetingPlanner.perIndicator(selected, in: graph)
        let count = try args.int("meetings", default: naive.meetings.count, minimum: 1)
        let plan = MeetingPlanner.group(selected, into: count, in: graph)

        // Agencies to convene.
        var lead: [AgencyID: Int] = [:], support: [AgencyID: Int] = [:]
        for t in selected {
            for a in graph.agencies(of: t, role: .lead) { lead[a, default: 0] += 1 }
            for a in graph.agencies(of: t, role: .support) { support[a, default: 0] += 1 }
        }
        let convened = Set(lead.keys).union(support.keys).sorted { x, y in
            let a = (lead[x] ?? 0, support[x] ?? 0), b = (lead[y] ?? 0, support[y] ?? 0)
            return a != b ? a > b : graph[x].name < graph[y].name
        }
        let meetingOf: [AgencyID: [Int]] = {
            var m: [AgencyID: [Int]] = [:]
            for (i, meeting) in plan.meetings.enumerated() { for a in meeting.agencies { m[a, default: []].append(i + 1) } }
            return m
        }()
        var agencyTable = TextTable(title: "Agencies to convene", columns: [.init("agency", maxWidth: 34), .init("kind"),
            .init("leads", alignRight: true), .init("supports", alignRight: true), .init("meetings")])
        for a in convened {
            agencyTable.append([graph[a].name, graph[a].kind.rawValue, String(lead[a] ?? 0), String(support[a] ?? 0),
                                (meetingOf[a] ?? []).map(String.init).joined(separator: ",")])
        }
        var agenda = TextTable(title: "Agenda", columns: [.init("meeting", alignRight: true), .init("task"), .init("indicator", maxWidth: 16),
                                                           .init("task text", maxWidth: 44), .init("lead", maxWidth: 30)])
        for (i, m) in plan.meetings.enumerated() {
            for t in m.tasks {
                agenda.append([String(i + 1), graph.key(of: t), graph[t].indicator, graph[t].text.isEmpty ? graph[t].direction : graph[t].text,
                               graph.agencies(of: t, role: .lead).map { graph[$0].name }.joined(separator: "、")])
            }
        }
        var answer = QueryAnswer()
        answer.heading = ["\(selected.count) tasks, \(convened.count) agencies to convene, \(plan.meetings.count) meetings."]
        answer.tables = [agencyTable, agenda]
        answer.footer = [
            "Attendance cost (Σ agencies over meetings): \(plan.attendance) for this plan of \(plan.meetings.count) meetings; one meeting per indicator (\(naive.meetings.count) meetings) costs \(naive.attendance).",
            "The grouping is a heuristic (merge meetings that share agencies, then move single tasks); it is not proven optimal.",
        ]
        answer.csvTable = agenda
        answer.json = .object([
            ("tasks", .int(selected.count)),
            ("agencies", .array(convened.map { a in .object([("agency", .string(graph[a].name)), ("kind", .string(graph[a].kind.rawValue)),
                                                             ("lead_tasks", .int(lead[a] ?? 0)), ("support_tasks", .int(support[a] ?? 0)),
                                                             ("meetings", .array((meetingOf[a] ?? []).map(JSONValue.int)))]) })),
            ("meetings", .array(plan.meetings.enumerated().map { i, m in
                .object([("meeting", .int(i + 1)), ("tasks", .array(m.tasks.map { .string(graph.key(of: $0)) })),
                         ("agencies", .array(m.agencies.map { .string(graph[$0].name) }))])
            })),
            ("attendance", .int(plan.attendance)), ("naive_meetings", .int(naive.meetings.count)), ("naive_attendance", .int(naive.attendance)),
        ])
        answer.write(format, to: &result)
    }
}

import Foundation
