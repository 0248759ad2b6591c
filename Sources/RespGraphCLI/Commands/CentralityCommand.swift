import RespGraphAnalysis
import RespGraphExport
import RespGraphReports
import RespGraphModel

/// `respgraph centrality MEASURE`: centrality of agencies on an agency network.
enum CentralityCommand: CLICommand {
    /// The centralities respgraph computes.
    enum Measure: String, CaseIterable, Sendable {
        case degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank
        case effectiveSize = "effective-size", efficiency, constraint, hierarchy
        case structuralHoles = "structural-holes"
    }
    /// What a link weight means to a path measure.
    enum WeightMeaning: String, CaseIterable, Sendable { case strength, distance }

    static let network = ChoiceOption<NetworkView>("network", [.coassign, .dependency], default: nil,
        defaultText: "dependency for pagerank, coassign otherwise", "coassign (agencies sharing a task) or dependency (lead → supporter).")
    static let top = WholeOption("top", default: nil, defaultText: "all", "Only the N highest.")
    static let weighted = Flag("weighted", "Use link weights.")
    static let weightAs = ChoiceOption<WeightMeaning>("weight-as", default: .strength, "For path measures: strength (a link's length is 1/w) or distance (its length is w).")
    static let raw = Flag("raw", "Betweenness without normalisation.")
    static let sample = WholeOption("sample", "K", default: nil, "Betweenness estimated from K sampled sources, with its error bound (for very large networks).")
    static let seed = WholeOption("seed", "S", in: 0...Int.max, default: 1, "Seed of --sample or --epsilon.")
    static let epsilon = NumberOption("epsilon", "E", in: 0.0001...0.5, default: 0.01, defaultText: "exact",
        "Betweenness estimated by sampling shortest paths: every value within E of the exact one with probability 1 − --delta (Riondato–Kornaropoulos).")
    static let delta = NumberOption("delta", "D", in: 0.0001...0.5, default: 0.05, "The failure probability of --epsilon.")

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
        options: SharedOptions.data + [network.spec, NetworkOptions.includeCollectives.spec, NetworkOptions.kind.spec, NetworkOptions.newman.spec,
                                       top.spec, weighted.spec, weightAs.spec, raw.spec, sample.spec, epsilon.spec, delta.spec, seed.spec] + SharedOptions.queryOutput,
        positionals: [PositionalSpec("MEASURE", choices: Measure.allCases.map(\.rawValue))],
        rules: [.requires(weightAs, weighted), .exclusive([raw, sample, epsilon]), .exclusive([sample, epsilon]),
                .requires(delta, epsilon), .exclusive([epsilon, weighted])])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let measure = Measure(rawValue: args.positionals[0])!
        if (args.given(sample.spec) || args.given(epsilon.spec)) && measure != .betweenness { throw args.usageError("--sample and --epsilon estimate betweenness only") }
        if args.given(seed.spec) && !args.given(sample.spec) && !args.given(epsilon.spec) { throw args.usageError("--seed needs --sample or --epsilon") }
        if args.given(raw.spec) && measure != .betweenness { throw args.usageError("--raw applies to betweenness only") }
        if args[weighted] && [.degree, .strength, .pagerank].contains(measure) {
            throw args.usageError("--weighted does not apply to \(measure.rawValue): \(measure == .degree ? "strength is the weighted degree" : measure == .strength ? "strength is weighted already" : "PageRank always weights links by tasks")")
        }
        let top = args[Self.top] ?? Int.max
        let weighted = args[Self.weighted]
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let network = try NetworkOptions.build(graph, args, view: args[Self.network] ?? (measure == .pagerank ? .dependency : .coassign))
        let metric: PathMetric = weighted ? (args[weightAs] == .distance ? .distance : .strength) : .unweighted

        var columns: [(String, [Double])] = []
        var notes: [String] = []
        switch measure {
        case .degree, .strength:
            let out = DegreeCentrality.compute(network)
            if network.isDirected {
                let incoming = DegreeCentrality.compute(network, incoming: true)
                columns = measure == .degree
                    ? [("out-degree", out.degree.map(Double.init)), ("in-degree", incoming.degree.map(Double.init))]
                    : [("out-strength", out.strength), ("in-strength", incoming.strength)]
                notes.append("out: agencies relied on as a lead; in: agencies that rely on it.")
            } else {
                columns = measure == .degree ? [("degree", out.degree.map(Double.init)), ("normalized", out.normalized)] : [("strength", out.strength), ("degree", out.degree.map(Double.init))]
                notes.append(measure == .degree ? "normalized degree = degree/(n−1)." : "strength = sum of link weights (shared tasks).")
            }
        case .betweenness where args.given(epsilon.spec):
            let seed = args[Self.seed] ?? 1
            let needed = BetweennessSampling.requiredSamples(network, epsilon: args[epsilon], delta: args[delta])
            guard needed <= BetweennessSampling.maximumSamples else {
                throw DataError(message: "--epsilon \(plainNumber(args[epsilon])) with --delta \(plainNumber(args[delta])) needs \(needed) sampled shortest paths here, more than the \(BetweennessSampling.maximumSamples) that keep a run to a few minutes; give a larger --epsilon, or leave it out for the exact values")
            }
            let estimate = BetweennessSampling.estimate(network, epsilon: args[epsilon], delta: args[delta], seed: UInt64(seed))
            columns = [("betweenness", estimate.values)]
            notes.append("estimated from \(estimate.samples) sampled shortest paths (seed \(seed); vertex-diameter bound \(estimate.vertexDiameterBound)): with probability at least \(plainNumber(1 - estimate.delta)) every value is within ±\(plainNumber(estimate.epsilon)) of the exact normalized betweenness (Riondato–Kornaropoulos VC bound).")
            notes.append(metric.explanation + ".")
        case .betweenness where args[sample] != nil:
            let k = args[sample]!
            let seed = args[Self.seed] ?? 1
            let estimate = BetweennessCentrality.sampled(network, metric: metric, samples: k, seed: UInt64(seed))
            columns = [("betweenness", estimate.values)]
            notes.append(estimate.epsilon == 0
                ? "exact: the sample covers every agency."
                : "estimated from \(estimate.sources) of \(network.nodeCount) sources (seed \(seed)): with probability 0.95 every value is within ±\(String(format: "%.4f", estimate.epsilon)) of the exact normalized betweenness (Hoeffding, union bound).")
            notes.append(metric.explanation + ".")
        case .betweenness:
            let normalized = !args[raw]
            columns = [("betweenness", BetweennessCentrality.compute(network, metric: metric, normalized: normalized))]
            let n = network.nodeCount
            notes.append(normalized ? "normalized as NetworkX: divided by (n−1)(n−2) = \(max(0, (n - 1) * (n - 2)))\(network.isDirected ? "" : " over ordered pairs, i.e. each pair counted once and divided by (n−1)(n−2)/2")." : "raw: \(network.isDirected ? "ordered pairs" : "each pair counted once").")
            notes.append(metric.explanation + (weighted ? "; ties within a relative \(PathTieRule.relativeTolerance) count as equal." : "."))
        case .closeness, .harmonic:
            columns = [(measure.rawValue, ClosenessCentrality.compute(network, metric: metric, harmonic: measure == .harmonic))]
            notes.append(measure == .closeness ? "closeness = (r−1)/Σd · (r−1)/(n−1), r = agencies reached (Wasserman–Faust, NetworkX wf_improved)." : "harmonic = Σ 1/d over other agencies (unnormalized).")
            notes.append(metric.explanation + ".")
        case .eigenvector:
            let r = EigenvectorCentrality.compute(network, weighted: weighted)
            columns = [("eigenvector", r.values)]
            notes.append("power iteration on A + I, unit Euclidean norm; \(r.converged ? "converged" : "NOT converged") after \(r.iterations) iterations at tolerance \(r.tolerance) (Σ|Δx| < n·tol); \(weighted ? "weights are strengths" : "unweighted").")
        case .pagerank:
            let r = PageRank.compute(network, weighted: true)
            columns = [("pagerank", r.values)]
            notes.append("damping 0.85, weighted by tasks, dangling agencies spread uniformly; \(r.converged ? "converged" : "NOT converged") after \(r.iterations) iterations at tolerance \(r.tolerance).")
        case .effectiveSize, .efficiency, .constraint, .hierarchy, .structuralHoles:
            let holes = StructuralHoles.compute(network, weighted: weighted)
            let all: [(String, [Double])] = [("effective-size", holes.effectiveSize), ("efficiency", holes.efficiency),
                                             ("constraint", holes.constraint), ("hierarchy", holes.hierarchy)]
            columns = measure == .structuralHoles ? all : all.filter { $0.0 == measure.rawValue }
            notes.append("Burt's measures on mutual \(weighted ? "weights" : "ties (every link weight 1)"); an agency without partners has none (–). Low constraint and high effective size mark brokers.")
        }
        // Rank by the first column; constraint and hierarchy rank low-first (brokers first).
        let ascending = ["constraint", "hierarchy"].contains(columns[0].0)
        let primary = columns[0].1
        let order = (0..<network.nodeCount).sorted { x, y in
            let a = primary[x], b = primary[y]
            if a.isNaN != b.isNaN { return !a.isNaN }
            if a != b && !a.isNaN { return ascending ? a < b : a > b }
            return graph[network.agencies[x]].name < graph[network.agencies[y]].name
        }
        var results = RecordSet("results", [Field("#", key: "rank", .whole), Field("agency", maxWidth: 34), Field("kind")]
                                + columns.map { Field($0.0, .fixed(digits: 6)) })
        for (rank, v) in order.prefix(top).enumerated() {
            let a = graph[network.agencies[v]]
            results.append([.whole(rank + 1), .text(a.name), .kind(a.kind)] + columns.map { FieldValue.measure($0.1[v]) })
        }
        var output = QueryOutput()
        output.facts = [
            ("measure", .text(measure.rawValue)), ("network", .text(network.kind.rawValue)),
            ("agencies", .whole(network.nodeCount)), ("links", .whole(network.linkCount)),
            ("weighted", .flag(weighted)), ("weight_meaning", .text(metric.explanation)),
        ]
        output.sets = [results]
        output.footer = [NetworkOptions.describe(network, args) + "."] + notes
        try result.write(output, args)
    }
}
