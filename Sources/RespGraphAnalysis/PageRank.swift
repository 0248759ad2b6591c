/// PageRank on the dependency network: an agency ranks high when agencies that rank high rely on it.
///
/// - Definition: x = α (x P + (Σ_{dangling d} x_d) u) + (1 − α) u, where P is the weight-normalised
///   adjacency (row v divided by v's out-strength), u the uniform vector, α the damping factor 0.85;
///   a dangling agency (no out-links) spreads its rank uniformly. Iterated from u until
///   Σ_v |x_k(v) − x_{k−1}(v)| < n·tol.
/// - Complexity: O(m) per iteration.
/// - Reference: S. Brin, L. Page, "The anatomy of a large-scale hypertextual Web search engine",
///   Computer Networks 30:107–117, 1998.
/// - Cross-check: NetworkX `pagerank(G, alpha=0.85, weight="weight", tol=1e-12)`, within 1e-9.
public enum PageRank {
    /// PageRank of every node.
    public static func compute(_ network: AgencyNetwork, damping: Double = 0.85, weighted: Bool = true,
                               tolerance: Double = 1e-13, maxIterations: Int = 100_000) -> IterativeResult {
        let n = network.nodeCount
        if n == 0 { return IterativeResult(values: [], iterations: 0, tolerance: tolerance, converged: true) }
        var outStrength = [Double](repeating: 0, count: n)
        for u in 0..<n { for e in network.range(of: u) { outStrength[u] += weighted ? network.weights[e] : 1 } }
        let uniform = 1 / Double(n)
        var x = [Double](repeating: uniform, count: n)
        var next = x
        for iteration in 1...maxIterations {
            var dangling = 0.0
            for u in 0..<n where outStrength[u] == 0 { dangling += x[u] }
            let base = damping * dangling * uniform + (1 - damping) * uniform
            for v in 0..<n { next[v] = base }
            for u in 0..<n where outStrength[u] > 0 {
                let share = damping * x[u] / outStrength[u]
                for e in network.range(of: u) {
                    next[Int(network.targets[e])] += share * (weighted ? network.weights[e] : 1)
                }
            }
            var change = 0.0
            for v in 0..<n { change += abs(next[v] - x[v]) }
            swap(&x, &next)
            if change < Double(n) * tolerance {
                return IterativeResult(values: x, iterations: iteration, tolerance: tolerance, converged: true)
            }
        }
        return IterativeResult(values: x, iterations: maxIterations, tolerance: tolerance, converged: false)
    }
}
