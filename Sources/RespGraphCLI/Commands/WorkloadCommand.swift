import RespGraphAnalysis
import RespGraphModel

/// The options of `workload` and its subcommands, declared once.
enum WorkloadOptions {
    /// What the load is broken down by.
    enum Breakdown: String, CaseIterable, Sendable { case agency, indicator }

    static let top = WholeOption("top", default: nil, defaultText: "all", "Only the N heaviest agencies.")
    static let by = Choice<Breakdown>("by", default: .agency, "indicator breaks the load down by indicator (指标).")
    static let leadWeight = NumberOption("lead-weight", "W", in: 0...1e6, default: 1, "Weight of leading a task.")
    static let supportWeight = NumberOption("support-weight", "W", in: 0...1e6, default: 0.5, "Weight of supporting a task.")
    static let splitLeads = Flag("split-leads", "Share a task's lead weight among its co-leads.")
    static let madK = NumberOption("mad-k", "K", in: 0...1000, default: 3, "Outliers lie above median + K × MAD.")
    static let maxLeads = WholeOption("max-leads", in: 1...Int.max, default: 3, "More leads than this is diffuse accountability.")
    static let maxSupporters = WholeOption("max-supporters", "M", in: 0...Int.max, default: 10,
                                           "More supporters than this is over-consultation.")

    /// The weights and who is counted.
    static let loadOptions = [leadWeight.spec, supportWeight.spec, splitLeads.spec, NetworkOptions.kind.spec,
                              NetworkOptions.includeCollectives.spec]

    /// The explanation every workload view shares.
    static let discussion = """
        weighted = lead weight × tasks led + support weight × tasks supported (defaults 1 and 0.5);
        with --split-leads a task's lead weight is shared among its co-leads.
        Collective placeholders (各市、县人民政府 and the like) are left out unless --include-collectives.
        Every view reports inequality: the Gini coefficient and the share of the top 10% of agencies.
        """
}

/// The loads every workload view starts from, read from the options.
struct WorkloadContext {
    let graph: ResponsibilityGraph
    let weights: WorkloadWeights
    let includeCollectives: Bool
    /// Every agency's load, collectives included.
    let all: [AgencyLoad]
    /// The agencies counted, heaviest first.
    let ranked: [AgencyLoad]
    let inequality: Inequality
    let collectivesLeftOut: Int

    init(_ args: ParsedArguments) throws {
        weights = WorkloadWeights(lead: args[WorkloadOptions.leadWeight], support: args[WorkloadOptions.supportWeight],
                                  splitAmongCoLeads: args[WorkloadOptions.splitLeads])
        if weights.lead == 0 && weights.support == 0 {
            throw args.usageError("--lead-weight and --support-weight are both 0: no load to compare; give one a positive weight")
        }
        let kinds = Set(args.all(NetworkOptions.kind))
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        self.graph = graph
        let include = args[NetworkOptions.includeCollectives] || kinds.contains(.collective)
        includeCollectives = include
        all = Workload.loads(in: graph, weights: weights)
        ranked = Workload.ranked(all.filter { a in
            (include || !graph[a.agency].isCollective) && (kinds.isEmpty || kinds.contains(graph[a.agency].kind))
        }, in: graph)
        inequality = Inequality(loads: ranked.map(\.weighted))
        collectivesLeftOut = include ? 0 : all.filter { graph[$0.agency].isCollective }.count
    }

    var weightNote: String {
        "weighted = \(formatNumber(weights.lead)) × lead\(weights.splitAmongCoLeads ? " (split among co-leads)" : "") "
            + "+ \(formatNumber(weights.support)) × support"
    }

    var inequalityNote: String {
        "Inequality over \(ranked.count) agencies: Gini \(NumberStyle.decimals(inequality.gini, 3)); the top 10% "
            + "(\(inequality.topDecileCount) agencies) carry \(NumberStyle.decimals(inequality.topDecileShare * 100, 1))% of the weighted "
            + "load."
    }

    var facts: [(String, FieldValue)] {
        [("weights", .group([("lead", .number(weights.lead)), ("support", .number(weights.support)),
                             ("split_among_co_leads", .flag(weights.splitAmongCoLeads))])),
         ("collectives_included", .flag(includeCollectives)),
         ("inequality", .group([("agencies", .whole(ranked.count)), ("gini", .number(inequality.gini)),
                                ("top_decile_share", .number(inequality.topDecileShare)),
                                ("top_decile_count", .whole(inequality.topDecileCount))]))]
    }

    var collectivesNote: [String] {
        collectivesLeftOut > 0 ? ["\(collectivesLeftOut) collective placeholders (各市、县人民政府 and the like) left out; --include-collectives "
            + "keeps them."] : []
    }

    /// Ranked agencies as records.
    func loadRecords(_ loads: [AgencyLoad]) -> RecordSet {
        var set = RecordSet("agencies",
                            [Field("#", zh: "排名", key: "rank", .whole), Field("agency", zh: "机构", maxWidth: 34), Field("kind", zh: "类别"),
                                         Field("lead", zh: "牵头", .whole), Field("support", zh: "配合", .whole), Field("weighted",
                                             zh: "加权负荷", .number(digits: 2))])
        for (i, l) in loads.enumerated() {
            let a = graph[l.agency]
            set.append([.whole(i + 1), .text(a.name), .kind(a.kind), .whole(l.lead), .whole(l.support), .number(l.weighted)])
        }
        return set
    }

    /// The outliers by the median-absolute-deviation rule.
    func outliers(_ args: ParsedArguments) -> ((indices: [Int], median: Double, mad: Double, threshold: Double), String) {
        let k = args[WorkloadOptions.madK]
        let o = Outliers.above(ranked.map(\.weighted), k: k)
        return (o,
                "Outliers: weighted load above median \(formatNumber(o.median)) + \(formatNumber(k)) × MAD \(formatNumber(o.mad)) "
                    + "= \(formatNumber(o.threshold)).")
    }
}

/// `respgraph workload`: lead, support and weighted load per agency, or per indicator.
enum WorkloadCommand: CLICommand {
    static let spec = CommandSpec(
        name: "workload", summary: "Lead, support and weighted load per agency; --by indicator for the agency × 指标 breakdown.",
        discussion: WorkloadOptions.discussion + """

        --by indicator lists agency × indicator loads; its CSV is the agency × indicator matrix of weighted load.
        Example: respgraph workload --doc 2024 --top 10
        """,
        options: SharedOptions.data + [WorkloadOptions.top.spec,
                                       WorkloadOptions.by.spec] + WorkloadOptions.loadOptions + SharedOptions.queryOutput + [
            .renamed("outliers", to: "respgraph workload outliers"), .renamed("roster", to: "respgraph workload roster"),
            .renamed("checks", to: "respgraph workload checks"), .renamed("balance", to: "respgraph workload balance"),
        ])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let context = try WorkloadContext(args)
        let shown = Array(context.ranked.prefix(args[WorkloadOptions.top] ?? Int.max))
        var output = QueryOutput()
        if args[WorkloadOptions.by] == .indicator {
            if args[WorkloadOptions.splitLeads] { throw args.usageError("--by indicator counts whole leads; --split-leads does not apply") }
            output = byIndicator(shown, context)
        } else {
            output.sets = [context.loadRecords(shown)]
            output.footer = ["\(shown.count) of \(context.ranked.count) agencies; \(context.weightNote).", context.inequalityNote]
        }
        output.facts = context.facts + output.facts
        output.footer += context.collectivesNote
        try result.write(output, args)
    }

    /// The loads of the `shown` agencies per indicator: one row per agency and indicator it works on,
    /// and an agency × indicator matrix of weighted loads (CSV and JSON).
    static func byIndicator(_ shown: [AgencyLoad], _ context: WorkloadContext) -> QueryOutput {
        let graph = context.graph
        let (indicators, lead, support) = Workload.byIndicator(in: graph)
        let weights = context.weights
        var long = RecordSet("loads", [
            Field("agency", zh: "机构", maxWidth: 30), Field("indicator", zh: "指标", maxWidth: 24), Field("lead", zh: "牵头", .whole),
            Field("support", zh: "配合", .whole), Field("weighted", zh: "加权负荷", .number(digits: 2))])
        var matrix = RecordSet("matrix", [Field("agency", zh: "机构")] + indicators.map { Field($0, zh: $0, key: $0, .number(digits: 2)) })
        matrix.formats = [.csv, .json]
        for l in shown {
            let a = l.agency.index
            var row: [FieldValue] = [.text(graph[l.agency].name)]
            for (i, name) in indicators.enumerated() {
                let w = weights.lead * Double(lead[a][i]) + weights.support * Double(support[a][i])
                row.append(.number(w))
                if lead[a][i] + support[a][i] > 0 {
                    long.append([.text(graph[l.agency].name), .text(name), .whole(lead[a][i]), .whole(support[a][i]), .number(w)])
                }
            }
            matrix.append(row)
        }
        var output = QueryOutput()
        output.facts = [("indicators", .list(indicators))]
        output.sets = [long, matrix]
        output.csvSet = "matrix"
        output.footer = ["\(shown.count) agencies across \(indicators.count) indicators; weighted here counts whole leads."]
        return output
    }
}

/// `respgraph workload outliers`: agencies whose load lies far above the rest.
enum WorkloadOutliersCommand: CLICommand {
    static let spec = CommandSpec(
        name: "workload outliers", summary: "Agencies whose weighted load exceeds median + K × MAD (median absolute deviation).",
        discussion: WorkloadOptions.discussion + "\nExample: respgraph workload outliers --doc 2024",
        options: SharedOptions.data + [WorkloadOptions.madK.spec] + WorkloadOptions.loadOptions + SharedOptions.queryOutput)

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let context = try WorkloadContext(args)
        let (outliers, note) = context.outliers(args)
        var output = QueryOutput()
        output.facts = context.facts + [("median", .number(outliers.median)), ("mad", .number(outliers.mad)),
                                        ("threshold", .number(outliers.threshold))]
        output.sets = [context.loadRecords(outliers.indices.map { context.ranked[$0] })]
        output.footer = ["\(outliers.indices.count) of \(context.ranked.count) agencies; \(context.weightNote).",
                         context.inequalityNote, note]
            + context.collectivesNote
        try result.write(output, args)
    }
}

/// `respgraph workload roster`: breadth and depth of each agency's cooperation, classed.
enum WorkloadRosterCommand: CLICommand {
    static let spec = CommandSpec(
        name: "workload roster", summary: "Each agency's breadth (partners) and depth (shared tasks), classed leading, key or auxiliary.",
        discussion: "Example: respgraph workload roster --doc 2024",
        options: SharedOptions.data + [NetworkOptions.includeCollectives.spec] + SharedOptions.queryOutput)

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let network = AgencyNetwork.coAssignment(graph, selection: NetworkOptions.selection(args))
        let (entries, tb, td) = RoleRoster.compute(network)
        let sorted = entries.sorted { ($0.depth, $0.breadth, graph[network.agencies[$1.node]].name) > ($1.depth, $1.breadth,
            graph[network.agencies[$0.node]].name) }
        var roster = RecordSet("agencies",
                               [Field("agency", zh: "机构", maxWidth: 34), Field("kind", zh: "类别"), Field("breadth", zh: "广度", .whole),
                                Field("depth", zh: "深度", .number(digits: 2)),
                                            Field("role", zh: "角色"), Field("角色", zh: "角色", key: "role_zh")])
        for e in sorted {
            let a = graph[network.agencies[e.node]]
            roster.append([.text(a.name), .kind(a.kind), .whole(e.breadth), .number(e.depth), .text(e.role.rawValue),
                           .text(e.role.chineseName)])
        }
        var output = QueryOutput()
        output.facts = [("breadth_threshold", .number(tb)), ("depth_threshold", .number(td))]
        output.sets = [roster]
        let counts = RoleRoster.Role.allCases.map { r in "\(entries.filter { $0.role == r }.count) \(r.rawValue)" }.joined(separator: ", ")
        output.footer = ["breadth = partners in the co-assignment network, depth = shared task–partner pairs; leading when both are at or "
            + "above the mean (breadth \(formatNumber(tb)), depth \(formatNumber(td))), key when one is, auxiliary when neither.",
                         counts + "."]
        try result.write(output, args)
    }
}

/// `respgraph workload checks`: the accountability checks on every task.
enum WorkloadChecksCommand: CLICommand {
    static let spec = CommandSpec(
        name: "workload checks",
        summary: "Accountability checks: no lead, too many leads or supporters, lead and support at once, lead without supporter.",
        discussion: "Example: respgraph workload checks --max-leads 2",
        options: SharedOptions.data + [WorkloadOptions.maxLeads.spec, WorkloadOptions.maxSupporters.spec] + SharedOptions.queryOutput)

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let maxLeads = args[WorkloadOptions.maxLeads], maxSupporters = args[WorkloadOptions.maxSupporters]
        let checks = AccountabilityChecks(graph, maxLeads: maxLeads, maxSupporters: maxSupporters)
        var findings = RecordSet("findings",
                                 [Field("check", zh: "检查"), Field("task", zh: "任务"), Field("leads", zh: "牵头单位", .whole),
                                  Field("supporters", zh: "配合单位", .whole),
                                  Field("detail", zh: "说明", maxWidth: 60)])
        func add(_ check: String, _ t: TaskID, _ detail: String) {
            findings.append([.text(check), .text(graph.key(of: t)), .whole(graph.agencies(of: t, role: .lead).count),
                             .whole(graph.agencies(of: t, role: .support).count), .optional(detail)])
        }
        func leads(_ t: TaskID) -> String { graph.agencies(of: t, role: .lead).map { graph[$0].name }.joined(separator: "、") }
        for t in checks.withoutLead { add("no lead", t, graph[t].text.isEmpty ? graph[t].direction : graph[t].text) }
        for t in checks.manyLeads { add("more than \(maxLeads) leads", t, leads(t)) }
        for t in checks.manySupporters { add("more than \(maxSupporters) supporters", t, graph[t].direction) }
        for (t, a) in checks.leadAndSupport { add("lead and support", t, graph[a].name) }
        for t in checks.withoutSupporter { add("lead without supporter", t, leads(t)) }
        var output = QueryOutput()
        output.heading = ["Accountability checks on \(graph.tasks.count) tasks: \(checks.withoutLead.count) without a "
            + "lead, \(checks.manyLeads.count) with more than \(maxLeads) leads, \(checks.manySupporters.count) with more "
            + "than \(maxSupporters) supporters, \(checks.leadAndSupport.count) agency named both lead and "
            + "support, \(checks.withoutSupporter.count) leads without a supporter."]
        output.facts = [("tasks", .whole(graph.tasks.count)), ("max_leads", .whole(maxLeads)), ("max_supporters", .whole(maxSupporters)),
                        ("counts", .group([("without_lead", .whole(checks.withoutLead.count)),
                                           ("many_leads", .whole(checks.manyLeads.count)),
                                           ("many_supporters", .whole(checks.manySupporters.count)),
                                           ("lead_and_support", .whole(checks.leadAndSupport.count)),
                                           ("without_supporter", .whole(checks.withoutSupporter.count))]))]
        output.sets = [findings]
        try result.write(output, args)
    }
}

/// `respgraph workload balance`: the rebalancing plan — the fewest role swaps that bring the heaviest
/// load down as far as it can go (``Rebalancing``).
enum WorkloadBalanceCommand: CLICommand {
    static let keep = TextOption("keep", "AGENCY", repeatable: true, "Keep this agency's roles as they are (repeatable).")
    static let maxMoves = WholeOption("max-moves", "K", in: 0...100_000, default: nil, defaultText: "no limit",
                                      "At most K moves: the lowest highest load they reach.")
    static let target = NumberOption("target", "LOAD", in: 0...1e9, default: 0, defaultText: "the lowest reachable",
                                     "The fewest moves that bring every agency to LOAD or below.")

    static let spec = CommandSpec(
        name: "workload balance",
        summary: "The rebalancing plan: the fewest role swaps (a supporter takes a task's lead) that bring the heaviest load as low as it "
            + "can go.",
        discussion: """
        A move hands the lead of one task from one of its leads to one of its supporters; the two swap
        roles, so the task keeps its agencies. Collective placeholders keep their roles and are not
        counted. The plan is exact: the lowest reachable highest load (a maximum-flow test of each level,
        bisected), then the fewest moves reaching it (a minimum-cost flow); lower_bound is the lowest any
        set of moves reaches. Loads weigh as in respgraph workload (--lead-weight above --support-weight).
        Example: respgraph workload balance --doc 2024 --max-moves 5
        """,
        options: SharedOptions.data + [keep.spec, maxMoves.spec, target.spec, WorkloadOptions.leadWeight.spec,
                                       WorkloadOptions.supportWeight.spec]
                 + SharedOptions.queryOutput,
        rules: [.exclusive([maxMoves, target])])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let weights = WorkloadWeights(lead: args[WorkloadOptions.leadWeight], support: args[WorkloadOptions.supportWeight],
                                      splitAmongCoLeads: false)
        let graph = try LoadedData.load(args).selectedGraph(args)
        let kept = Set(try args.all(keep).map { try graph.agency(matching: $0) })
        let limits = Rebalancing.Limits(keep: kept, maxMoves: args[maxMoves], target: args.given(target.spec) ? args[target] : nil)
        let plan: Rebalancing.Plan
        do { plan = try Rebalancing.plan(graph, weights: weights, limits: limits) } catch {
            switch error {
            case .leadNotHeavier:
                throw args.usageError("--lead-weight must be above --support-weight: only then does handing a lead to a supporter lower a "
                    + "load")
            case .targetUnreachable(let lowest):
                throw DataError(message: "no set of moves brings every agency to \(formatNumber(args[target])): the lowest reachable "
                    + "highest load is \(formatNumber(lowest))")
            }
        }
        try result.write(output(plan, graph, weights: weights), args)
    }

    /// The plan as tables: the moves, and every agency whose load changes.
    static func output(_ plan: Rebalancing.Plan, _ graph: ResponsibilityGraph, weights: WorkloadWeights) -> QueryOutput {
        var moves = RecordSet("moves", [
            Field("task", zh: "任务"), Field("text", zh: "任务内容", maxWidth: 40), Field("from", zh: "交出牵头", maxWidth: 30),
            Field("to", zh: "接任牵头", maxWidth: 30)])
        for m in plan.moves {
            let task = graph[m.task]
            moves.append([.text(graph.key(of: m.task)), .text(task.text.isEmpty ? task.direction : task.text),
                          .text(graph[m.from].name), .text(graph[m.to].name)])
        }
        var loads = RecordSet("loads", [Field("agency", zh: "机构", maxWidth: 30), Field("before", zh: "调整前负荷", .number(digits: 2)),
                                        Field("after", zh: "调整后负荷", .number(digits: 2))])
        for l in plan.changedLoads { loads.append([.text(graph[l.agency].name), .number(l.before), .number(l.after)]) }
        var output = QueryOutput()
        let proven = plan.optimal ? "proven optimal" : "not proven optimal"
        output.heading = ["Rebalancing plan: the highest load \(formatNumber(plan.maxLoadBefore)) → \(formatNumber(plan.maxLoadAfter)) "
            + "with \(plan.moves.count) moves; no set of moves goes below \(formatNumber(plan.lowerBound)) (\(proven))."]
        output.facts = [("max_load_before", .number(plan.maxLoadBefore)), ("max_load_after", .number(plan.maxLoadAfter)),
                        ("lower_bound", .number(plan.lowerBound)), ("optimal", .flag(plan.optimal)),
                        ("weights", .group([("lead", .number(weights.lead)), ("support", .number(weights.support))]))]
        output.sets = [moves, loads]
        output.footer = ["A move: the task's lead becomes a supporter and the supporter its lead. Every agency whose load changes is "
            + "listed; weighted = \(formatNumber(weights.lead)) × lead + \(formatNumber(weights.support)) × support."]
        return output
    }
}
