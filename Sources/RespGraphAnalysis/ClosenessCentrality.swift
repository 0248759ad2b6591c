/// Closeness and harmonic closeness: how near each agency is to all others.
///
/// - Definition: closeness C(u) = (r−1)/Σ_v d(v,u) · (r−1)/(n−1), where r is the number of nodes that
///   reach u (u included) — Wasserman and Faust's scaling for disconnected networks, NetworkX's
///   `wf_improved=True`; 0 when nothing reaches u. Harmonic H(u) = Σ_{v ≠ u} 1/d(v,u), unnormalized,
///   with 1/∞ = 0. In a directed network distances are taken toward u (incoming), as NetworkX does.
/// - Complexity: one shortest-path search per node: O(n·m) unweighted, O(n·m log n) weighted.
/// - Reference: S. Wasserman, K. Faust, Social Network Analysis, 1994, §5.3; M. Marchiori, V. Latora,
///   "Harmony in the small-world", Physica A 285:539–546, 2000 (harmonic).
/// - Cross-check: NetworkX `closeness_centrality` and `harmonic_centrality`, within 1e-9.
public enum ClosenessCentrality {
    /// Closeness (`harmonic` false) or harmonic closeness (true) of every node.
    public static func compute(_ network: AgencyNetwork, metric: PathMetric = .unweighted, harmonic: Bool = false) -> [Double] {
        let n = network.nodeCount
        if n == 0 { return [] }
        // Distances toward u: search the reverse adjacency.
        let lengths = metric.lengths(network)?.in
        var search = ShortestPathSearch(n: n, offsets: network.inOffsets, targets: network.inTargets, lengths: lengths)
        var result = [Double](repeating: 0, count: n)
        for u in 0..<n {
            search.run(from: u)
            if harmonic {
                var h = 0.0
                for v in search.order where Int(v) != u { h += 1 / search.distance[Int(v)] }
                result[u] = h
            } else {
                var total = 0.0
                for v in search.order { total += search.distance[Int(v)] }
                let reached = Double(search.order.count)
                if total > 0 && n > 1 {
                    result[u] = (reached - 1) / total * ((reached - 1) / Double(n - 1))
                }
            }
        }
        return result
    }
}
