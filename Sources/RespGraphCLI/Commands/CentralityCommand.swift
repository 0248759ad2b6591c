import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// `respgraph centrality MEASURE`: centrality of agencies on an agency network.
enum CentralityCommand: CLICommand {
    static let measures = ["degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
                           "effective-size", "efficiency", "constraint", "hierarchy", "structural-holes"]

    static let spec = CommandSpec(
        name: "centrality", summary: "Degree, betweenness, closeness, eigenvector, PageRank or structural holes of agencies.",
        usage: "centrality MEASURE [--network coassign|dependency] [--top N] [--weighted] [--weight-as strength|distance] [--doc ID] [--format table|json|csv]",
        discussion: """
        MEASURE: \(measures.joined(separator: ", ")).
        The co-assignment network links agencies that share a task (weight = shared tasks); the dependency
        network links each lead to each supporter (weight = tasks). PageRank uses the dependency network,
        the others the co-assignment network unless --network says otherwise.
        --weighted uses link weights. Co-assignment weights are strengths, so path measures (betweenness,
        closeness, harmonic) take a link's length as 1/w; --weight-as distance takes w as the length.
        Weighted path lengths within a relative 1e-10 of each other count as equal (both paths count).
        Example: respgraph centrality betweenness --doc 2024 --top 10
        """,
        options: SharedOptions.data + NetworkOptions.all + [
            OptionSpec("top", value: "N", "Only the N highest."),
            OptionSpec("weighted", "Use link weights."),
            OptionSpec("weight-as", value: "MEANING", "strength (default: length 1/w) or distance (length w), for path measures."),
            OptionSpec("raw", "Betweenness without normalisation."),
            OptionSpec("sample", value: "K", "Betweenness estimated from K sampled sources, with its error bound (for very large networks)."),
            OptionSpec("seed", value: "S", "Seed of --sample (default 1)."),
            SharedOptions.format,
        ], positionals: 1...1, positionalName: "MEASURE (\(measures.joined(separator: ", ")))")

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try OutputFormat.from(args)
        let measure = args.positionals[0]
        guard measures.contains(measure) else {
            let hint = ArgumentParser.closest(to: measure, among: measures).map { " Did you mean '\($0)'?" } ?? ""
            throw UsageError(message: "unknown measure '\(measure)'.\(hint) Measures: \(measures.joined(separator: ", "))", command: spec.name)
        }
        let top = try args.int("top", default: Int.max, minimum: 1)
        let weighted = args.flag("weighted")
        let weightAs = try args.choice("weight-as", from: ["strength", "distance"], default: "strength")
        if args.value("weight-as") != nil && !weighted {
            throw UsageError(message: "--weight-as applies to weighted measures; add --weighted", command: spec.name)
        }
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let network = try NetworkOptions.build(graph, args, default: measure == "pagerank" ? .dependency : .coAssignment)
        let metric: PathMetric = weighted ? (weightAs == "distance" ? .distance : .strength) : .unweighted

        var columns: [(String, [Double])] = []
        var notes: [String] = []
        switch measure {
        case "degree", "strength":
            let out = DegreeCentrality.compute(network)
            if network.isDirected {
                let incoming = DegreeCentrality.compute(network, incoming: true)
                columns = measure == "degree"
                    ? [("out-degree", out.degree.map(Double.init)), ("in-degree", incoming.degree.map(Double.init))]
                    : [("out-strength", out.strength), ("in-strength", incoming.strength)]
                notes.append("out: agencies relied on as a lead; in: agencies that rely on it.")
            } else {
                columns = measure == "degree" ? [("degree", out.degree.map(Double.init)), ("normalized", out.normalized)] : [("strength", out.strength), ("degree", out.degree.map(Double.init))]
                notes.append(measure == "degree" ? "normalized degree = degree/(n−1)." : "strength = sum of link weights (shared tasks).")
            }
        case "betweenness" where args.value("sample") != nil:
            let k = try args.int("sample", default: 1000, minimum: 1)
            let seed = try args.int("seed", default: 1, minimum: 0)
            let estimate = BetweennessCentrality.sampled(network, metric: metric, samples: k, seed: UInt64(seed))
            columns = [("betweenness", estimate.values)]
            notes.append(estimate.epsilon == 0
                ? "exact: the sample covers every agency."
                : "estimated from \(estimate.sources) of \(network.nodeCount) sources (seed \(seed)): with probability 0.95 every value is within ±\(String(format: "%.4f", estimate.epsilon)) of the exact normalized betweenness (Hoeffding, union bound).")
            notes.append(metric.explanation + ".")
        case "betweenness":
            let normalized = !args.flag("raw")
            columns = [("betweenness", BetweennessCentrality.compute(network, metric: metric, normalized: normalized))]
            let n = network.nodeCount
            notes.append(normalized ? "normalized as NetworkX: divided by (n−1)(n−2) = \(max(0, (n - 1) * (n - 2)))\(network.isDirected ? "" : " over ordered pairs, i.e. each pair counted once and divided by (n−1)(n−2)/2")." : "raw: \(network.isDirected ? "ordered pairs" : "each pair counted once").")
            notes.append(metric.explanation + (weighted ? "; ties within a relative \(PathTieRule.relativeTolerance) count as equal." : "."))
        case "closeness", "harmonic":
            columns = [(measure, ClosenessCentrality.compute(network, metric: metric, harmonic: measure == "harmonic"))]
            notes.append(measure == "closeness" ? "closeness = (r−1)/Σd · (r−1)/(n−1), r = agencies reached (Wasserman–Faust, NetworkX wf_improved)." : "harmonic = Σ 1/d over other agencies (unnormalized).")
            notes.append(metric.explanation + ".")
        case "eigenvector":
            let r = EigenvectorCentrality.compute(network, weighted: weighted)
            columns = [("eigenvector", r.values)]
            notes.append("power iteration on A + I, unit Euclidean norm; \(r.converged ? "converged" : "NOT converged") after \(r.iterations) iterations at tolerance \(r.tolerance) (Σ|Δx| < n·tol); \(weighted ? "weights are strengths" : "unweighted").")
        case "pagerank":
            let r = PageRank.compute(network, weighted: true)
            columns = [("pagerank", r.values)]
            notes.append("damping 0.85, weighted by tasks, dangling agencies spread uniformly; \(r.converged ? "converged" : "NOT converged") after \(r.iterations) iterations at tolerance \(r.tolerance).")
        default:
            let holes = StructuralHoles.compute(network, weighted: weighted)
            let all: [(String, [Double])] = [("effective-size", holes.effectiveSize), ("efficiency", holes.efficiency),
                                             ("constraint", holes.constraint), ("hierarchy", holes.hierarchy)]
            columns = measure == "structural-holes" ? all : all.filter { $0.0 == measure }
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
        var table = TextTable(columns: [.init("#", alignRight: true), .init("agency", maxWidth: 34), .init("kind")]
                              + columns.map { .init($0.0, alignRight: true) })
        var items: [JSONValue] = []
        for (rank, v) in order.prefix(top).enumerated() {
            let a = graph[network.agencies[v]]
            table.append([String(rank + 1), a.name, a.kind.rawValue] + columns.map { format6($0.1[v]) })
            items.append(.object([("rank", .int(rank + 1)), ("agency", .string(a.name)), ("kind", .string(a.kind.rawValue))]
                                 + columns.map { ($0.0.replacingOccurrences(of: "-", with: "_"), $0.1[v].isNaN ? .null : .double($0.1[v])) }))
        }
        var answer = QueryAnswer()
        answer.tables = [table]
        answer.footer = [NetworkOptions.describe(network, args) + "."] + notes
        answer.json = .object([
            ("measure", .string(measure)), ("network", .string(network.kind.rawValue)),
            ("agencies", .int(network.nodeCount)), ("links", .int(network.linkCount)),
            ("weighted", .bool(weighted)), ("weight_meaning", .string(metric.explanation)),
            ("notes", .array(notes.map(JSONValue.string))), ("results", .array(items)),
        ])
        answer.write(format, to: &result)
    }

    /// Six significant decimals, "–" for NaN.
    static func format6(_ x: Double) -> String {
        if x.isNaN { return "–" }
        if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
        return String(format: "%.6f", x)
    }
}

import Foundation
