import RespGraphAnalysis
import RespGraphExport
import RespGraphReports
import RespGraphModel

/// `respgraph plan`: who must be in the room for a set of tasks, grouped into meetings.
enum PlanCommand: CLICommand {
    static let indicator = TextOption("indicator", "X", "Tasks under this indicator (指标); a part of the name is enough.")
    static let keyword = TextOption("keyword", "K", "Tasks whose text or direction contains K.")
    static let agency = TextOption("agency", "AGENCY", "Tasks that name this agency (lead or support).")
    static let tasks = TextOption("tasks", "KEYS", "These tasks, comma-separated keys such as 2024:41,2024:42.")
    static let meetings = WholeOption("meetings", default: nil, defaultText: "one per indicator", "Group the tasks into N meetings.")

    static let spec = CommandSpec(
        name: "plan", summary: "Coordination planning: the agencies to convene for selected tasks, grouped into N meetings.",
        discussion: """
        Selectors combine (a task must match all given); with none, every task of the selected documents.
        The grouping starts from one meeting per indicator, merges the meetings that share the most
        agencies until N remain, then moves single tasks while that lowers the attendance cost
        (Σ agencies over meetings): a heuristic, printed beside the naive plan's cost.
        Example: respgraph plan --doc 2024 --indicator 获得信贷 --meetings 2
        """,
        options: SharedOptions.data + [indicator.spec, keyword.spec, agency.spec, tasks.spec, meetings.spec] + SharedOptions.queryOutput)

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        var selected = graph.taskIDs
        if let x = args[indicator] {
            selected = graph.tasks(underIndicator: x, among: selected)
            if selected.isEmpty {
                throw DataError(message: "no task under an indicator containing '\(x)'; indicators: \(Workload.indicators(in: graph).joined(separator: "、"))")
            }
        }
        if let k = args[keyword] { selected = selected.filter { graph[$0].text.contains(k) || graph[$0].direction.contains(k) } }
        if let a = args[agency] {
            let id = try graph.agency(matching: a)
            selected = selected.filter { graph.agencies(of: $0).contains(id) }
        }
        if let keys = args[tasks] {
            var wanted = Set<TaskID>()
            for key in keys.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) {
                guard let t = graph.task(key: key) else { throw DataError(message: "no task '\(key)'; keys look like 2024:46 or 2024:W3") }
                wanted.insert(t)
            }
            selected = selected.filter { wanted.contains($0) }
        }
        if selected.isEmpty { throw DataError(message: "no task matches the selectors") }
        let naive = MeetingPlanner.perIndicator(selected, in: graph)
        let count = args[meetings] ?? naive.meetings.count
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
        var agencySet = RecordSet("agencies", title: "Agencies to convene", [Field("agency", maxWidth: 34), Field("kind"),
            Field("leads", key: "lead_tasks", .whole), Field("supports", key: "support_tasks", .whole), Field("meetings", .list(separator: ","))])
        for a in convened {
            agencySet.append([.text(graph[a].name), .kind(graph[a].kind), .whole(lead[a] ?? 0), .whole(support[a] ?? 0),
                              .list((meetingOf[a] ?? []).map(String.init))])
        }
        var agenda = RecordSet("agenda", title: "Agenda", [Field("meeting", .whole), Field("task"), Field("indicator", maxWidth: 16),
                                                            Field("task text", maxWidth: 44), Field("leads", .list(separator: "、"), maxWidth: 30)])
        var meetingSet = RecordSet("meetings", [Field("meeting", .whole), Field("tasks", .list(separator: " ")), Field("agencies", .list(separator: "、")),
                                                Field("attendance", .whole)])
        meetingSet.formats = [.json]
        for (i, m) in plan.meetings.enumerated() {
            for t in m.tasks {
                agenda.append([.whole(i + 1), .text(graph.key(of: t)), .optional(graph[t].indicator), .optional(graph[t].text.isEmpty ? graph[t].direction : graph[t].text),
                               .list(graph.agencies(of: t, role: .lead).map { graph[$0].name })])
            }
            meetingSet.append([.whole(i + 1), .list(m.tasks.map { graph.key(of: $0) }), .list(m.agencies.map { graph[$0].name }), .whole(m.agencies.count)])
        }
        var output = QueryOutput()
        output.heading = ["\(selected.count) tasks, \(convened.count) agencies to convene, \(plan.meetings.count) meetings."]
        output.facts = [("tasks", .whole(selected.count)), ("attendance", .whole(plan.attendance)),
                        ("naive_meetings", .whole(naive.meetings.count)), ("naive_attendance", .whole(naive.attendance))]
        output.sets = [agencySet, agenda, meetingSet]
        output.csvSet = "agenda"
        output.footer = [
            "Attendance cost (Σ agencies over meetings): \(plan.attendance) for this plan of \(plan.meetings.count) meetings; one meeting per indicator (\(naive.meetings.count) meetings) costs \(naive.attendance).",
            "The grouping is a heuristic (merge meetings that share agencies, then move single tasks); it is not proven optimal.",
        ]
        try result.write(output, args)
    }
}
