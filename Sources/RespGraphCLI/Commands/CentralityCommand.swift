import RespGraphAnalysis
import RespGraphExport
import RespGraphReports
import RespGraphModel

/// `respgraph centrality MEASURE`: centrality of agencies on an agency network.
enum CentralityCommand: CLICommand {
    /// The centralities respgraph computes.
    typealias Measure = CentralityTable.Measure
    /// What a link weight means to a path measure.
    enum WeightMeaning: String, CaseIterable, Sendable { case strength, distance }

    static let network = OptionalChoice<NetworkView>("network", [.coassign, .dependency], default: nil,
        defaultText: "dependency for pagerank, coassign otherwise", "coassign (agencies sharing a task) or dependency (lead → supporter).")
    static let top = WholeOption("top", default: nil, defaultText: "all", "Only the N highest.")
    static let weighted = Flag("weighted", "Use link weights.")
    static let weightAs = Choice<WeightMeaning>("weight-as", default: .strength,
                                                "For path measures: strength (a link's length is 1/w) or distance (its length is w).")
    static let raw = Flag("raw", "Betweenness without normalisation.")
    static let sample = WholeOption("sample", "K", default: nil,
                                    "Betweenness estimated from K sampled sources, with its error bound (for very large networks).")
    static let seed = WholeOption("seed", "S", in: 0...Int.max, default: 1, "Seed of --sample or --epsilon.")
    static let epsilon = NumberOption("epsilon", "E", in: 0.0001...0.5, default: 0.01, defaultText: "exact",
        "Betweenness estimated by sampling shortest paths: every value within E of the exact one with probability 1 − --delta "
            + "(Riondato–Kornaropoulos).")
    static let delta = NumberOption("delta", "D", in: 0.0001...0.5, default: 0.05, "The failure probability of --epsilon.")

    /// The measure.
    static let measureArgument = Positional<Measure>(choice: "MEASURE", at: 0)

    static let spec = CommandSpec(
        name: "centrality", summary: "Degree, betweenness, closeness, eigenvector, PageRank or structural holes of agencies.",
        discussion: """
        The co-assignment network links agencies that share a task (weight = shared tasks); the dependency
        network links each lead to each supporter (weight = tasks). PageRank uses the dependency network,
        the others the co-assignment network unless --network says otherwise.
        --weighted uses link weights. Co-assignment weights are strengths, so path measures (betweenness,
        closeness, harmonic) take a link's length as 1/w; --weight-as distance takes w as the length.
        Weighted path lengths within a relative 1e-10 of each other count as equal (both paths count).
        Example: respgraph centrality betweenness --doc 2024 --top 10
        """,
        options: SharedOptions.data + [network.spec, NetworkOptions.includeCollectives.spec, NetworkOptions.kind.spec,
                                       NetworkOptions.newman.spec,
                                       top.spec, weighted.spec, weightAs.spec, raw.spec, sample.spec, epsilon.spec, delta.spec,
                                       seed.spec] + SharedOptions.queryOutput,
        positionals: [measureArgument.spec],
        rules: [.requires(weightAs, weighted), .exclusive([raw, sample, epsilon]), .exclusive([sample, epsilon]),
                .requires(delta, epsilon), .exclusive([epsilon, weighted])])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let measure = args[measureArgument]
        try check(args, measure)
        let weighted = args[Self.weighted]
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let network = try NetworkOptions.build(graph, args, view: args[Self.network] ?? (measure == .pagerank ? .dependency : .coassign))
        let metric: PathMetric = weighted ? (args[weightAs] == .distance ? .distance : .strength) : .unweighted
        let seed = UInt64(args[Self.seed])
        let estimation: CentralityTable.Estimation = args.given(epsilon.spec)
            ? .sampledPaths(epsilon: args[epsilon], delta: args[delta], seed: seed)
            : args[sample].map { .sampledSources(samples: $0, seed: seed) } ?? .exact(normalized: !args[raw])
        let table = try CentralityTable.compute(measure, on: network, graph: graph, metric: metric, weighted: weighted,
                                                estimation: estimation)
        var output = Self.output(table, network, graph, top: args[top] ?? Int.max)
        output.facts = [
            ("measure", .text(measure.rawValue)), ("network", .text(network.kind.rawValue)),
            ("agencies", .whole(network.nodeCount)), ("links", .whole(network.linkCount)),
            ("weighted", .flag(weighted)), ("weight_meaning", .text(metric.explanation)),
        ]
        output.footer.insert(NetworkOptions.describe(network, args) + ".", at: 0)
        try result.write(output, args)
    }

    /// The options that apply to some measures only.
    static func check(_ args: ParsedArguments, _ measure: Measure) throws {
        if (args.given(sample.spec) || args.given(epsilon.spec)) && measure != .betweenness {
            throw args.usageError("--sample and --epsilon estimate betweenness only")
        }
        if args.given(seed.spec) && !args.given(sample.spec) && !args.given(epsilon.spec) {
            throw args.usageError("--seed needs --sample or --epsilon")
        }
        if args.given(raw.spec) && measure != .betweenness { throw args.usageError("--raw applies to betweenness only") }
        if args[weighted] && [.degree, .strength, .pagerank].contains(measure) {
            let why = measure == .degree ? "strength is the weighted degree"
                : measure == .strength ? "strength is weighted already" : "PageRank always weights links by tasks"
            throw args.usageError("--weighted does not apply to \(measure.rawValue): \(why)")
        }
    }

    /// The ranked table: the `top` agencies with each column's value, and the notes on how they were computed.
    static func output(_ table: CentralityTable, _ network: AgencyNetwork, _ graph: ResponsibilityGraph, top: Int) -> QueryOutput {
        var results = RecordSet("results", [Field("#", zh: "排名", key: "rank", .whole), Field("agency", zh: "机构", maxWidth: 34),
                                            Field("kind", zh: "类别")]
                                + table.columns.map { Field($0.score.rawValue, zh: $0.score.title.zh, .fixed(digits: 6)) })
        for (rank, v) in table.order.prefix(top).enumerated() {
            let a = graph[network.agencies[v]]
            results.append([.whole(rank + 1), .text(a.name), .kind(a.kind)] + table.columns.map { FieldValue.measure($0.values[v]) })
        }
        var output = QueryOutput()
        output.sets = [results]
        output.footer = table.notes
        return output
    }
}
