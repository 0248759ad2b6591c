import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// `respgraph workload`: lead, support and weighted load per agency, or per indicator.
enum WorkloadCommand: CLICommand {
    static let spec = CommandSpec(
        name: "workload", summary: "Lead, support and weighted load per agency; --by indicator for the agency × 指标 breakdown.",
        usage: "workload [outliers [--mad-k K] | roster | checks [--max-leads N] [--max-supporters M] | balance [--mad-k K]] [--top N] [--by indicator] [--lead-weight W] [--support-weight W] [--split-leads] [--kind KIND] [--include-collectives] [--doc ID] [--format table|json|csv]",
        discussion: """
        weighted = lead weight × tasks led + support weight × tasks supported (defaults 1 and 0.5);
        with --split-leads a task's lead weight is shared among its co-leads.
        Collective placeholders (各市、县人民政府 and the like) are left out unless --include-collectives.
        Every view reports inequality: the Gini coefficient and the share of the top 10% of agencies.
        workload outliers: agencies whose weighted load exceeds median + K × MAD (median absolute deviation; K = 3).
        workload roster: each agency's breadth (partners) and depth (shared tasks), classed leading/key/auxiliary.
        workload checks: tasks with no lead, more than --max-leads leads, more than --max-supporters supporters,
        an agency named both lead and support, tasks whose lead has no supporter.
        workload balance: for each outlier, led tasks another named agency could lead (a heuristic, with numbers).
        --by indicator --format csv writes the agency × indicator matrix of weighted load.
        Example: respgraph workload --doc 2024 --top 10
        """,
        options: SharedOptions.data + [
            OptionSpec("top", value: "N", "Only the N heaviest agencies."),
            OptionSpec("by", value: "indicator", "Break the load down by indicator (指标)."),
            OptionSpec("lead-weight", value: "W", "Weight of leading a task (default 1)."),
            OptionSpec("support-weight", value: "W", "Weight of supporting a task (default 0.5)."),
            OptionSpec("split-leads", "Share a task's lead weight among its co-leads."),
            OptionSpec("kind", value: "KIND", repeatable: true, "Only agencies of this kind; repeatable."),
            OptionSpec("include-collectives", "Keep collective placeholders such as 各市、县人民政府."),
            OptionSpec("mad-k", value: "K", "The K of outliers and balance (default 3)."),
            OptionSpec("max-leads", value: "N", "For checks: more leads than this is diffuse accountability (default 3)."),
            OptionSpec("max-supporters", value: "M", "For checks: more supporters than this is over-consultation (default 10)."),
            OptionSpec("outliers", "Renamed: workload outliers."), OptionSpec("roster", "Renamed: workload roster."),
            OptionSpec("checks", "Renamed: workload checks."), OptionSpec("balance", "Renamed: workload balance."),
            SharedOptions.format,
        ], positionals: 0...1, positionalName: "mode (outliers, roster, checks or balance)")

    /// The modes of workload, each its own view.
    static let modes = ["outliers", "roster", "checks", "balance"]

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        for old in modes where args.flag(old) {
            throw UsageError(message: "--\(old) is now a mode of its own: respgraph workload \(old)", command: spec.name)
        }
        let mode = args.positionals.first
        if let m = mode, !modes.contains(m) {
            throw UsageError(message: "unknown mode '\(m)'; modes: \(modes.joined(separator: ", "))", command: spec.name)
        }
        // Options of one mode are a usage error with another, never silently ignored.
        for (option, owners) in [("max-leads", ["checks"]), ("max-supporters", ["checks"]), ("mad-k", ["outliers", "balance"])]
        where args.value(option) != nil && !owners.contains(mode ?? "") {
            throw UsageError(message: "--\(option) belongs to workload \(owners.joined(separator: " or "))", command: spec.name)
        }
        if args.value("by") != nil, mode != nil {
            throw UsageError(message: "--by indicator breaks down the load itself; it does not combine with workload \(mode!)", command: spec.name)
        }
        let format = try OutputFormat.from(args)
        let top = try args.int("top", default: Int.max, minimum: 1)
        let by = try args.choice("by", from: ["agency", "indicator"], default: "agency")
        let weights = WorkloadWeights(lead: try args.double("lead-weight", default: 1, in: 0...1e6), support: try args.double("support-weight", default: 0.5, in: 0...1e6),
                                      splitAmongCoLeads: args.flag("split-leads"))
        if weights.lead == 0 && weights.support == 0 {
            throw UsageError(message: "--lead-weight and --support-weight are both 0: no load to compare; give one a positive weight", command: spec.name)
        }
        var kinds = Set<AgencyKind>()
        for k in args.all("kind") {
            guard let kind = AgencyKind(rawValue: k) else {
                throw UsageError(message: "unknown kind '\(k)'; kinds: \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", "))", command: spec.name)
            }
            kinds.insert(kind)
        }
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let includeCollectives = args.flag("include-collectives") || kinds.contains(.collective)
        func keep(_ a: AgencyID) -> Bool {
            (includeCollectives || !graph[a].isCollective) && (kinds.isEmpty || kinds.contains(graph[a].kind))
        }
        let all = Workload.loads(in: graph, weights: weights)
        let ranked = Workload.ranked(all.filter { keep($0.agency) }, in: graph)
        let shown = Array(ranked.prefix(top))
        let collectivesLeftOut = includeCollectives ? 0 : all.filter { graph[$0.agency].isCollective }.count
        let weightNote = "weighted = \(formatNumber(weights.lead)) × lead\(weights.splitAmongCoLeads ? " (split among co-leads)" : "") + \(formatNumber(weights.support)) × support"
        let inequality = Inequality(loads: ranked.map(\.weighted))
        let inequalityNote = "Inequality over \(ranked.count) agencies: Gini \(String(format: "%.3f", inequality.gini)); the top 10% (\(inequality.topDecileCount) agencies) carry \(String(format: "%.1f", inequality.topDecileShare * 100))% of the weighted load."
        let inequalityJSON: JSONValue = .object([("agencies", .int(ranked.count)), ("gini", .double(inequality.gini)),
                                                 ("top_decile_share", .double(inequality.topDecileShare)), ("top_decile_count", .int(inequality.topDecileCount))])
        let madK = try args.double("mad-k", default: 3, in: 0...1e3)
        let outliers = Outliers.above(ranked.map(\.weighted), k: madK)
        let outlierNote = "Outliers: weighted load above median \(formatNumber(outliers.median)) + \(formatNumber(madK)) × MAD \(formatNumber(outliers.mad)) = \(formatNumber(outliers.threshold))."
        if mode == "checks" {
            try runChecks(args, graph, format, &result)
            return
        }
        if mode == "roster" {
            runRoster(args, graph, ranked, format, &result)
            return
        }
        if mode == "balance" {
            let overloaded = outliers.indices.map { ranked[$0].agency }
            let proposals = WorkloadBalance.proposals(graph, loads: all, weights: weights, overloaded: overloaded)
            var table = TextTable(columns: [.init("overloaded", maxWidth: 30), .init("task"), .init("could lead", maxWidth: 30), .init("co-lead?"),
                                            .init("loads before", alignRight: true), .init("loads after", alignRight: true)])
            for p in proposals {
                table.append([graph[p.from].name, graph.key(of: p.task), graph[p.to].name, p.alreadyCoLead ? "yes" : "",
                              "\(formatNumber(p.before.0)) / \(formatNumber(p.before.1))", "\(formatNumber(p.after.0)) / \(formatNumber(p.after.1))"])
            }
            var answer = QueryAnswer()
            answer.heading = ["Heuristic: for each overloaded agency, its led tasks that name another agency able to lead: co-leads first, then supporters, the lightest-loaded first.",
                              outlierNote]
            answer.tables = [table]
            answer.footer = ["Loads are weighted (\(weightNote)); 'after' assumes the lead moves and the overloaded agency stays on as a supporter. A proposal, not a ruling: check each task's substance.",
                             inequalityNote]
            answer.json = .object([("heuristic", .bool(true)), ("median", .double(outliers.median)), ("mad", .double(outliers.mad)),
                                   ("threshold", .double(outliers.threshold)), ("inequality", inequalityJSON),
                                   ("proposals", .array(proposals.map { p in
                                       .object([("overloaded", .string(graph[p.from].name)), ("task", .string(graph.key(of: p.task))),
                                                ("could_lead", .string(graph[p.to].name)), ("already_co_lead", .bool(p.alreadyCoLead)),
                                                ("load_before", .array([.double(p.before.0), .double(p.before.1)])),
                                                ("load_after", .array([.double(p.after.0), .double(p.after.1)]))])
                                   }))])
            answer.write(format, to: &result)
            return
        }
        let shownOutliers = (mode == "outliers") ? outliers.indices.map { ranked[$0] } : shown
        var answer = QueryAnswer()
        if by == "indicator" {
            let (indicators, lead, support) = Workload.byIndicator(in: graph)
            var table = TextTable(columns: [.init("agency", maxWidth: 30), .init("indicator", maxWidth: 24),
                                            .init("lead", alignRight: true), .init("support", alignRight: true), .init("weighted", alignRight: true)])
            var items: [JSONValue] = []
            for l in shown {
                let a = l.agency.index
                var cells: [JSONValue] = []
                for (i, name) in indicators.enumerated() where lead[a][i] + support[a][i] > 0 {
                    let w = weights.lead * Double(lead[a][i]) + weights.support * Double(support[a][i])
                    table.append([graph[l.agency].name, name, String(lead[a][i]), String(support[a][i]), formatNumber(w)])
                    cells.append(.object([("indicator", .string(name)), ("lead", .int(lead[a][i])), ("support", .int(support[a][i]))]))
                }
                items.append(.object([("agency", .string(graph[l.agency].name)), ("indicators", .array(cells))]))
            }
            answer.tables = [table]
            // CSV: the agency × indicator matrix of weighted load, one column per indicator.
            var matrix = TextTable(columns: [.init("agency")] + indicators.map { .init($0) })
            for l in shown {
                let a = l.agency.index
                matrix.append([graph[l.agency].name] + indicators.indices.map { i in
                    formatNumber(weights.lead * Double(lead[a][i]) + weights.support * Double(support[a][i]))
                })
            }
            answer.csvTable = matrix
            answer.json = .object([("weights", weightsJSON(weights)), ("indicators", .array(indicators.map(JSONValue.string))), ("agencies", .array(items))])
            answer.footer = ["\(shown.count) agencies across \(indicators.count) indicators; weighted here counts whole leads."]
        } else {
            var table = TextTable(columns: [.init("#", alignRight: true), .init("agency", maxWidth: 34), .init("kind"),
                                            .init("lead", alignRight: true), .init("support", alignRight: true), .init("weighted", alignRight: true)])
            var items: [JSONValue] = []
            for (i, l) in shownOutliers.enumerated() {
                let a = graph[l.agency]
                table.append([String(i + 1), a.name, a.kind.rawValue, String(l.lead), String(l.support), formatNumber(l.weighted)])
                items.append(.object([("rank", .int(i + 1)), ("agency", .string(a.name)), ("kind", .string(a.kind.rawValue)),
                                      ("lead", .int(l.lead)), ("support", .int(l.support)), ("weighted", .double(l.weighted))]))
            }
            answer.tables = [table]
            answer.json = .object([("weights", weightsJSON(weights)), ("collectives_included", .bool(includeCollectives)),
                                   ("inequality", inequalityJSON), ("agencies", .array(items))])
            answer.footer = ["\(shownOutliers.count) of \(ranked.count) agencies; \(weightNote).", inequalityNote]
            if (mode == "outliers") { answer.footer.append(outlierNote) }
        }
        if collectivesLeftOut > 0 {
            answer.footer.append("\(collectivesLeftOut) collective placeholders (各市、县人民政府 and the like) left out; --include-collectives keeps them.")
        }
        answer.write(format, to: &result)
    }

    static func runChecks(_ args: ParsedArguments, _ graph: ResponsibilityGraph, _ format: OutputFormat, _ result: inout CommandResult) throws {
        let maxLeads = try args.int("max-leads", default: 3, minimum: 1)
        let maxSupporters = try args.int("max-supporters", default: 10, minimum: 0)
        let checks = AccountabilityChecks(graph, maxLeads: maxLeads, maxSupporters: maxSupporters)
        var table = TextTable(columns: [.init("check"), .init("task"), .init("leads", alignRight: true), .init("supporters", alignRight: true), .init("detail", maxWidth: 60)])
        func add(_ check: String, _ t: TaskID, _ detail: String) {
            table.append([check, graph.key(of: t), String(graph.agencies(of: t, role: .lead).count), String(graph.agencies(of: t, role: .support).count), detail])
        }
        for t in checks.withoutLead { add("no lead", t, graph[t].text.isEmpty ? graph[t].direction : graph[t].text) }
        for t in checks.manyLeads { add("more than \(maxLeads) leads", t, graph.agencies(of: t, role: .lead).map { graph[$0].name }.joined(separator: "、")) }
        for t in checks.manySupporters { add("more than \(maxSupporters) supporters", t, graph[t].direction) }
        for (t, a) in checks.leadAndSupport { add("lead and support", t, graph[a].name) }
        for t in checks.withoutSupporter { add("lead without supporter", t, graph.agencies(of: t, role: .lead).map { graph[$0].name }.joined(separator: "、")) }
        var answer = QueryAnswer()
        answer.heading = ["Accountability checks on \(graph.tasks.count) tasks: \(checks.withoutLead.count) without a lead, \(checks.manyLeads.count) with more than \(maxLeads) leads, \(checks.manySupporters.count) with more than \(maxSupporters) supporters, \(checks.leadAndSupport.count) agency named both lead and support, \(checks.withoutSupporter.count) leads without a supporter."]
        answer.tables = [table]
        func keys(_ list: [TaskID]) -> JSONValue { .array(list.map { .string(graph.key(of: $0)) }) }
        answer.json = .object([("tasks", .int(graph.tasks.count)), ("max_leads", .int(maxLeads)), ("max_supporters", .int(maxSupporters)),
                               ("without_lead", keys(checks.withoutLead)), ("many_leads", keys(checks.manyLeads)),
                               ("many_supporters", keys(checks.manySupporters)),
                               ("lead_and_support", .array(checks.leadAndSupport.map { .object([("task", .string(graph.key(of: $0.0))), ("agency", .string(graph[$0.1].name))]) })),
                               ("without_supporter", keys(checks.withoutSupporter))])
        answer.write(format, to: &result)
    }

    static func runRoster(_ args: ParsedArguments, _ graph: ResponsibilityGraph, _ ranked: [AgencyLoad], _ format: OutputFormat, _ result: inout CommandResult) {
        let selection = AgencyNetwork.Selection(includeCollectives: args.flag("include-collectives"), kinds: [])
        let network = AgencyNetwork.coAssignment(graph, selection: selection)
        let (entries, tb, td) = RoleRoster.compute(network)
        let sorted = entries.sorted { ($0.depth, $0.breadth, graph[network.agencies[$1.node]].name) > ($1.depth, $1.breadth, graph[network.agencies[$0.node]].name) }
        var table = TextTable(columns: [.init("agency", maxWidth: 34), .init("kind"), .init("breadth", alignRight: true), .init("depth", alignRight: true), .init("role"), .init("角色")])
        for e in sorted { let a = graph[network.agencies[e.node]]; table.append([a.name, a.kind.rawValue, String(e.breadth), formatNumber(e.depth), e.role.rawValue, e.role.chineseName]) }
        var answer = QueryAnswer()
        answer.tables = [table]
        let counts = RoleRoster.Role.allCases.map { r in "\(entries.filter { $0.role == r }.count) \(r.rawValue)" }.joined(separator: ", ")
        answer.footer = ["breadth = partners in the co-assignment network, depth = shared task–partner pairs; leading when both are at or above the mean (breadth \(formatNumber(tb)), depth \(formatNumber(td))), key when one is, auxiliary when neither.", counts + "."]
        answer.json = .object([("breadth_threshold", .double(tb)), ("depth_threshold", .double(td)),
                               ("agencies", .array(sorted.map { e in
                                   .object([("agency", .string(graph[network.agencies[e.node]].name)), ("breadth", .int(e.breadth)),
                                            ("depth", .double(e.depth)), ("role", .string(e.role.rawValue))])
                               }))])
        answer.write(format, to: &result)
    }

    static func weightsJSON(_ w: WorkloadWeights) -> JSONValue {
        .object([("lead", .double(w.lead)), ("support", .double(w.support)), ("split_among_co_leads", .bool(w.splitAmongCoLeads))])
    }
}
