/// Degree and strength: how many partners an agency has, and how many shared tasks (or dependency
/// links) those partnerships carry.
///
/// - Definition: degree k(v) = number of neighbours; strength s(v) = Σ of link weights. Normalized
///   degree is k(v)/(n−1) (NetworkX `degree_centrality`). In a directed network, out-degree counts
///   agencies v relies on as a lead, in-degree those that rely on v.
/// - Complexity: O(n + m).
/// - Reference: L. C. Freeman, "Centrality in social networks: conceptual clarification", Social
///   Networks 1:215–239, 1979; A. Barrat et al., PNAS 101(11):3747–3752, 2004 (strength).
public enum DegreeCentrality {
    /// Degree, normalized degree and strength of each node; `incoming` reads the reverse rows.
    public static func compute(_ network: AgencyNetwork, incoming: Bool = false) -> (degree: [Int], normalized: [Double],
        strength: [Double]) {
        let n = network.nodeCount
        var degree = [Int](repeating: 0, count: n)
        var strength = [Double](repeating: 0, count: n)
        for v in 0..<n {
            let r = incoming ? network.inRange(of: v) : network.range(of: v)
            degree[v] = r.count
            for e in r { strength[v] += incoming ? network.inWeights[e] : network.weights[e] }
        }
        let normalized = degree.map { n > 1 ? Double($0) / Double(n - 1) : 0 }
        return (degree, normalized, strength)
    }
}
