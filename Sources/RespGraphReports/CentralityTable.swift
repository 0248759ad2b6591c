import Foundation
import RespGraphAnalysis
import RespGraphModel

/// The columns of `respgraph centrality`: one measure (or Burt's four) over an agency network, each
/// column with the notes that say how it was computed (normalisation, convergence, sampling bounds),
/// and the agencies ranked by the first column.
public struct CentralityTable: Sendable {
    /// The centralities respgraph computes.
    public enum Measure: String, CaseIterable, Sendable {
        case degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank
        case effectiveSize = "effective-size", efficiency, constraint, hierarchy
        case structuralHoles = "structural-holes"
    }

    /// How betweenness is computed: exactly, from sampled sources, or from sampled shortest paths.
    public enum Estimation: Sendable {
        /// Exact (Brandes), normalised as NetworkX unless raw.
        case exact(normalized: Bool)
        /// Brandes from `samples` random sources.
        case sampledSources(samples: Int, seed: UInt64)
        /// Riondato–Kornaropoulos: every value within `epsilon` with probability 1 − `delta`.
        case sampledPaths(epsilon: Double, delta: Double, seed: UInt64)
    }

    /// What a column holds, with its title in both languages beside it.
    public enum Score: String, Sendable {
        /// Scores of an undirected network.
        case degree, normalized, strength, betweenness, closeness, harmonic, eigenvector, pagerank
        /// Degree and strength of a directed network, out and in.
        case outDegree = "out-degree", inDegree = "in-degree", outStrength = "out-strength", inStrength = "in-strength"
        /// Burt's structural-hole measures.
        case effectiveSize = "effective-size", efficiency, constraint, hierarchy

        /// The column's header: the English one is the score's name.
        public var title: Bilingual {
            switch self {
            case .degree: Bilingual("度数", rawValue)
            case .normalized: Bilingual("标准化", rawValue)
            case .strength: Bilingual("强度", rawValue)
            case .betweenness: Bilingual("中间中心度", rawValue)
            case .closeness: Bilingual("接近中心度", rawValue)
            case .harmonic: Bilingual("调和接近度", rawValue)
            case .eigenvector: Bilingual("特征向量中心度", rawValue)
            case .pagerank: Bilingual("PageRank", rawValue)
            case .outDegree: Bilingual("出度", rawValue)
            case .inDegree: Bilingual("入度", rawValue)
            case .outStrength: Bilingual("出强度", rawValue)
            case .inStrength: Bilingual("入强度", rawValue)
            case .effectiveSize: Bilingual("有效规模", rawValue)
            case .efficiency: Bilingual("效率", rawValue)
            case .constraint: Bilingual("约束系数", rawValue)
            case .hierarchy: Bilingual("等级度", rawValue)
            }
        }
    }

    /// Each column's score and its value per network node.
    public var columns: [(score: Score, values: [Double])]
    /// How the columns were computed, a sentence each.
    public var notes: [String]
    /// The network's nodes ranked by the first column (constraint and hierarchy low-first: brokers
    /// first; NaN last; ties by name).
    public var order: [Int]

    /// The table of `measure` over `network` (whose agencies `graph` names).
    ///
    /// - Complexity: that of the measure: O(n + m) for degree, O(n·m) for exact betweenness and
    ///   closeness (O(n·m + n² log n) weighted), O(k·m) sampled; see each analysis type.
    public static func compute(_ measure: Measure, on network: AgencyNetwork, graph: ResponsibilityGraph, metric: PathMetric,
                               weighted: Bool, estimation: Estimation = .exact(normalized: true)) throws(ReportError) -> CentralityTable {
        var table = CentralityTable(columns: [], notes: [], order: [])
        switch measure {
        case .degree, .strength: table.degree(measure, network)
        case .betweenness: try table.betweenness(network, metric: metric, weighted: weighted, estimation)
        case .closeness, .harmonic:
            table.columns = [(measure == .closeness ? .closeness : .harmonic,
                              ClosenessCentrality.compute(network, metric: metric, harmonic: measure == .harmonic))]
            table.notes.append(measure == .closeness ? "closeness = (r−1)/Σd · (r−1)/(n−1), r = agencies reached (Wasserman–Faust, "
                + "NetworkX wf_improved)."
                                                     : "harmonic = Σ 1/d over other agencies (unnormalized).")
            table.notes.append(metric.explanation + ".")
        case .eigenvector:
            let r = EigenvectorCentrality.compute(network, weighted: weighted)
            table.columns = [(.eigenvector, r.values)]
            table.notes.append("power iteration on A + I, unit Euclidean norm; \(r.converged ? "converged" : "NOT converged") "
                + "after \(r.iterations) iterations "
                               + "at tolerance \(r.tolerance) (Σ|Δx| < n·tol); \(weighted ? "weights are strengths" : "unweighted").")
        case .pagerank:
            let r = PageRank.compute(network, weighted: true)
            table.columns = [(.pagerank, r.values)]
            table.notes.append("damping 0.85, weighted by tasks, dangling agencies spread "
                + "uniformly; \(r.converged ? "converged" : "NOT converged") after "
                               + "\(r.iterations) iterations at tolerance \(r.tolerance).")
        case .effectiveSize, .efficiency, .constraint, .hierarchy, .structuralHoles:
            let holes = StructuralHoles.compute(network, weighted: weighted)
            let all: [(Score, [Double])] = [(.effectiveSize, holes.effectiveSize), (.efficiency, holes.efficiency),
                                             (.constraint, holes.constraint), (.hierarchy, holes.hierarchy)]
            table.columns = (measure == .structuralHoles ? all : all.filter { $0.0.rawValue == measure.rawValue }).map { (score: $0.0,
                values: $0.1) }
            table.notes.append("Burt's measures on mutual \(weighted ? "weights" : "ties (every link weight 1)"); an agency without "
                + "partners has none (–). "
                               + "Low constraint and high effective size mark brokers.")
        }
        table.rank(network, graph)
        return table
    }

    private mutating func degree(_ measure: Measure, _ network: AgencyNetwork) {
        let out = DegreeCentrality.compute(network)
        if network.isDirected {
            let incoming = DegreeCentrality.compute(network, incoming: true)
            columns = measure == .degree
                ? [(.outDegree, out.degree.map(Double.init)), (.inDegree, incoming.degree.map(Double.init))]
                : [(.outStrength, out.strength), (.inStrength, incoming.strength)]
            notes.append("out: agencies relied on as a lead; in: agencies that rely on it.")
        } else {
            columns = measure == .degree ? [(.degree, out.degree.map(Double.init)), (.normalized, out.normalized)]
                                         : [(.strength, out.strength), (.degree, out.degree.map(Double.init))]
            notes.append(measure == .degree ? "normalized degree = degree/(n−1)." : "strength = sum of link weights (shared tasks).")
        }
    }

    private mutating func betweenness(_ network: AgencyNetwork, metric: PathMetric, weighted: Bool,
                                      _ estimation: Estimation) throws(ReportError) {
        switch estimation {
        case .sampledPaths(let epsilon, let delta, let seed):
            let needed = BetweennessSampling.requiredSamples(network, epsilon: epsilon, delta: delta)
            guard needed <= BetweennessSampling.maximumSamples else {
                throw ReportError("--epsilon \(NumberStyle.exact(epsilon)) with --delta \(NumberStyle.exact(delta)) needs \(needed) "
                    + "sampled shortest paths here, "
                                  + "more than the \(BetweennessSampling.maximumSamples) that keep a run to a few minutes; give a larger "
                                  + "--epsilon, "
                                  + "or leave it out for the exact values")
            }
            let estimate = BetweennessSampling.estimate(network, epsilon: epsilon, delta: delta, seed: seed)
            columns = [(.betweenness, estimate.values)]
            notes.append("estimated from \(estimate.samples) sampled shortest paths (seed \(seed); vertex-diameter "
                + "bound \(estimate.vertexDiameterBound)): "
                         + "with probability at least \(NumberStyle.exact(1 - estimate.delta)) every value is within "
                         + "±\(NumberStyle.exact(estimate.epsilon)) "
                         + "of the exact normalized betweenness (Riondato–Kornaropoulos VC bound).")
            notes.append(metric.explanation + ".")
        case .sampledSources(let k, let seed):
            let estimate = BetweennessCentrality.sampled(network, metric: metric, samples: k, seed: seed)
            columns = [(.betweenness, estimate.values)]
            notes.append(estimate.epsilon == 0
                ? "exact: the sample covers every agency."
                : "estimated from \(estimate.sources) of \(network.nodeCount) sources (seed \(seed)): with probability 0.95 every value "
                    + "is within "
                  + "±\(NumberStyle.decimals(estimate.epsilon, 4)) of the exact normalized betweenness (Hoeffding, union bound).")
            notes.append(metric.explanation + ".")
        case .exact(let normalized):
            columns = [(.betweenness, BetweennessCentrality.compute(network, metric: metric, normalized: normalized))]
            let n = network.nodeCount
            let pairs = network.isDirected ? "" : " over ordered pairs, i.e. each pair counted once and divided by (n−1)(n−2)/2"
            notes.append(normalized ? "normalized as NetworkX: divided by (n−1)(n−2) = \(max(0, (n - 1) * (n - 2)))\(pairs)."
                                    : "raw: \(network.isDirected ? "ordered pairs" : "each pair counted once").")
            notes.append(metric.explanation
                         + (weighted ? "; ties within a relative \(PathTieRule.relativeTolerance) count as equal." : "."))
        }
    }

    /// Ranks by the first column; constraint and hierarchy rank low-first (brokers first).
    private mutating func rank(_ network: AgencyNetwork, _ graph: ResponsibilityGraph) {
        let ascending = [.constraint, .hierarchy].contains(columns[0].score)
        let primary = columns[0].values
        order = (0..<network.nodeCount).sorted { x, y in
            let a = primary[x], b = primary[y]
            if a.isNaN != b.isNaN { return !a.isNaN }
            if a != b && !a.isNaN { return ascending ? a < b : a > b }
            return graph[network.agencies[x]].name < graph[network.agencies[y]].name
        }
    }
}
