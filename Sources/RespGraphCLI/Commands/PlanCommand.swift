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
    static let meetings = WholeOption("meetings", default: nil, defaultText: "the fewest that fit the caps; one per indicator without caps",
                                      "Group the tasks into N meetings.")
    static let maxTasks = WholeOption("max-tasks", "T", default: nil, defaultText: "1.1 × an equal share",
                                      "At most T tasks on a meeting's agenda.")
    static let maxAgencies = WholeOption("max-agencies", "A", default: nil, defaultText: "no limit",
                                         "At most A agencies invited to a meeting (collectives are listed, not counted).")

    static let spec = CommandSpec(
        name: "plan",
        summary: "Coordination planning: the agencies to convene for selected tasks, grouped into meetings that fit a room and an "
            + "afternoon.",
        discussion: """
        Selectors combine (a task must match all given); with none, every task of the selected documents.
        Each task goes to exactly one meeting; a meeting invites the agencies its tasks name (collective
        placeholders such as 各市、县人民政府 are listed, not counted), and the plan keeps the invited
        total (attendance, Σ agencies over meetings) as low as it can under --max-tasks and --max-agencies.
        With only caps, the fewest meetings that fit. Selections of up to 30 tasks are solved exactly
        (branch and bound); larger ones by recursive bisection with Fiduccia–Mattheyses refinement, the
        best of sixteen seeded runs, beside a lower bound (each agency attends at least ⌈its tasks / T⌉
        meetings); optimal says when the plan is proven best. Deterministic.
        Example: respgraph plan --doc 2024 --max-tasks 37 --max-agencies 40
        """,
        options: SharedOptions.data + [indicator.spec, keyword.spec, agency.spec, tasks.spec, meetings.spec, maxTasks.spec,
                                       maxAgencies.spec]
                 + SharedOptions.queryOutput)

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let keys = args[tasks].map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        let selected = try graph.tasks(matching: TaskSelection(indicator: args[indicator], keyword: args[keyword],
                                                               agency: args[agency], keys: keys))
        let caps = MeetingPlanner.Caps(meetings: args[meetings], maxTasks: args[maxTasks], maxAgencies: args[maxAgencies])
        let plan: MeetingPlanner.CappedPlan
        do { plan = try MeetingPlanner.plan(selected, in: graph, caps: caps) } catch { throw DataError(message: error.describe(in: graph)) }
        try result.write(output(plan, selected, graph), args)
    }

    /// The plan as tables: the agencies to convene, the agenda, the meetings.
    static func output(_ plan: MeetingPlanner.CappedPlan, _ selected: [TaskID], _ graph: ResponsibilityGraph) -> QueryOutput {
        let agencySet = agencies(plan, selected, graph)
        var agenda = RecordSet("agenda", title: Bilingual("议程", "Agenda"), [
            Field("meeting", zh: "会议", .whole), Field("task", zh: "任务"), Field("indicator", zh: "指标", maxWidth: 16),
            Field("task text", zh: "任务内容", maxWidth: 44), Field("leads", zh: "牵头单位", .list(separator: "、"), maxWidth: 30)])
        var meetingSet = RecordSet("meetings", [
            Field("meeting", zh: "会议", .whole), Field("tasks", zh: "任务", .list(separator: " ")),
            Field("agencies", zh: "机构", .list(separator: "、")), Field("collectives", zh: "集合主体", .list(separator: "、")),
            Field("attendance", zh: "出席机构数", .whole)])
        meetingSet.formats = [.json]
        for (i, m) in plan.meetings.enumerated() {
            for t in m.tasks {
                agenda.append([.whole(i + 1), .text(graph.key(of: t)), .optional(graph[t].indicator),
                               .optional(graph[t].text.isEmpty ? graph[t].direction : graph[t].text),
                               .list(graph.agencies(of: t, role: .lead).map { graph[$0].name })])
            }
            meetingSet.append([.whole(i + 1), .list(m.tasks.map { graph.key(of: $0) }), .list(m.agencies.map { graph[$0].name }),
                               .list(m.collectives.map { graph[$0].name }), .whole(m.agencies.count)])
        }
        let (k, maxTasks, maxAgencies) = plan.caps
        var output = QueryOutput()
        output.heading = ["\(selected.count) tasks, \(agencySet.rows.count) agencies to convene, \(k) meetings of at most \(maxTasks) tasks"
                          + (maxAgencies.map { " and \($0) agencies" } ?? "") + "."]
        output.facts = [("tasks", .whole(selected.count)), ("attendance", .whole(plan.attendance)),
                        ("lower_bound", .whole(plan.lowerBound)), ("optimal", .flag(plan.optimal)),
                        ("caps", .group([("meetings", .whole(k)), ("max_tasks", .whole(maxTasks)),
                                         ("max_agencies", maxAgencies.map { .whole($0) } ?? .missing)]))]
        output.sets = [agencySet, agenda, meetingSet]
        output.csvSet = "agenda"
        output.footer = [
            "Attendance (Σ invited agencies over meetings, collectives not counted): \(plan.attendance); no plan under these caps costs "
                + "less than \(plan.lowerBound)" + (plan.optimal ? " — this plan is proven optimal." : "."),
            selected.count <= MeetingPartition.exactUpTo && plan.optimal ? "Solved exactly (branch and bound)."
                : "Found by recursive bisection with Fiduccia–Mattheyses refinement (best of sixteen seeded runs); "
                + (plan.optimal ? "proven optimal: it meets the lower bound." : "not proven optimal."),
        ]
        return output
    }

    /// The agencies to convene, most tasks led first, with the tasks they lead and support and their meetings.
    static func agencies(_ plan: MeetingPlanner.CappedPlan, _ selected: [TaskID], _ graph: ResponsibilityGraph) -> RecordSet {
        var lead: [AgencyID: Int] = [:], support: [AgencyID: Int] = [:]
        for t in selected {
            for a in graph.agencies(of: t, role: .lead) { lead[a, default: 0] += 1 }
            for a in graph.agencies(of: t, role: .support) { support[a, default: 0] += 1 }
        }
        let convened = Set(lead.keys).union(support.keys).sorted { x, y in
            let a = (lead[x] ?? 0, support[x] ?? 0), b = (lead[y] ?? 0, support[y] ?? 0)
            return a != b ? a > b : graph[x].name < graph[y].name
        }
        var meetingOf: [AgencyID: [Int]] = [:]
        for (i, meeting) in plan.meetings.enumerated() {
            for a in meeting.agencies + meeting.collectives { meetingOf[a, default: []].append(i + 1) }
        }
        var set = RecordSet("agencies", title: Bilingual("参会机构", "Agencies to convene"), [
            Field("agency", zh: "机构", maxWidth: 34), Field("kind", zh: "类别"),
            Field("leads", zh: "牵头任务", key: "lead_tasks", .whole), Field("supports", zh: "配合任务", key: "support_tasks", .whole),
            Field("meetings", zh: "会议", .list(separator: ","))])
        for a in convened {
            set.append([.text(graph[a].name), .kind(graph[a].kind), .whole(lead[a] ?? 0), .whole(support[a] ?? 0),
                        .list((meetingOf[a] ?? []).map(String.init))])
        }
        return set
    }
}
