/// The result of an iterative measure: the values, and how the iteration ended.
public struct IterativeResult: Sendable {
    /// The value of each node.
    public var values: [Double]
    /// Iterations run.
    public var iterations: Int
    /// The tolerance the stopping rule used.
    public var tolerance: Double
    /// Whether the stopping rule was met within the iteration limit.
    public var converged: Bool
}

/// Eigenvector centrality: an agency is central when its partners are.
///
/// - Definition: the principal eigenvector x of the (weighted) adjacency matrix, A x = λ x, scaled to
///   unit Euclidean norm; in a directed network x(v) sums over links into v. Computed by power
///   iteration on A + I from the uniform vector, stopping when Σ_v |x_k(v) − x_{k−1}(v)| < n·tol —
///   NetworkX's iteration, so on a disconnected network the same component dominates.
/// - Complexity: O(m) per iteration.
/// - Reference: P. Bonacich, "Power and centrality: a family of measures", Am. J. Sociol. 92(5):
///   1170–1182, 1987.
/// - Cross-check: NetworkX `eigenvector_centrality(G, tol=1e-12, max_iter=10000)`, within 1e-9.
public enum EigenvectorCentrality {
    /// Eigenvector centrality of every node; `weighted` uses link weights.
    public static func compute(_ network: AgencyNetwork, weighted: Bool = false, tolerance: Double = 1e-13,
                               maxIterations: Int = 100_000) -> IterativeResult {
        let n = network.nodeCount
        if n == 0 { return IterativeResult(values: [], iterations: 0, tolerance: tolerance, converged: true) }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = x
        for iteration in 1...maxIterations {
            next = x
            for u in 0..<n {
                let xu = x[u]
                for e in network.range(of: u) {
                    next[Int(network.targets[e])] += xu * (weighted ? network.weights[e] : 1)
                }
            }
            var norm = 0.0
            for v in next { norm += v * v }
            norm = norm.squareRoot()
            if norm == 0 { norm = 1 }
            var change = 0.0
            for v in 0..<n {
                next[v] /= norm
                change += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if change < Double(n) * tolerance {
                return IterativeResult(values: x, iterations: iteration, tolerance: tolerance, converged: true)
            }
        }
        return IterativeResult(values: x, iterations: maxIterations, tolerance: tolerance, converged: false)
    }
}
