import RespGraphModel
/// Closeness and harmonic closeness: how near each agency is to all others.
///
/// - Definition: closeness C(u) = (r−1)/Σ_v d(v,u) · (r−1)/(n−1), where r is the number of nodes that
///   reach u (u included) — Wasserman and Faust's scaling for disconnected networks, NetworkX's
///   `wf_improved=True`; 0 when nothing reaches u. Harmonic H(u) = Σ_{v ≠ u} 1/d(v,u), unnormalized,
///   with 1/∞ = 0. In a directed network distances are taken toward u (incoming), as NetworkX does.
/// - Complexity: unweighted, a multi-source BFS of 64 nodes at a time (``MultiSourceBFS``),
///   O(⌈n/64⌉ · D · m) word operations for diameter D; weighted, one Dijkstra per node, O(n·m log n).
/// - Reference: S. Wasserman, K. Faust, Social Network Analysis, 1994, §5.3; M. Marchiori, V. Latora,
///   "Harmony in the small-world", Physica A 285:539–546, 2000 (harmonic).
/// - Cross-check: NetworkX `closeness_centrality` and `harmonic_centrality`, within 1e-9.
public enum ClosenessCentrality {
    /// Closeness (`harmonic` false) or harmonic closeness (true) of every node; the searches run on
    /// all cores, each node's value computed by one search, so results never depend on thread count.
    public static func compute(_ network: AgencyNetwork, metric: PathMetric = .unweighted, harmonic: Bool = false) -> [Double] {
        let n = network.nodeCount
        if n == 0 { return [] }
        // Distances toward u: search the reverse adjacency.
        let lengths = metric.lengths(network)?.in
        if lengths == nil { return unweighted(network, harmonic: harmonic) }
        let blocks = min(64, n)
        let partial = Slots<[Double]>(repeating: [], count: blocks)
        Parallel.forEachBlock(blocks) { block in
            var values: [Double] = []
            let search = ShortestPathSearch(n: n, targets: network.inTargets, countsPaths: false)
            network.withAdjacency(incoming: true, lengths: lengths) { graph in
                for u in stride(from: block, to: n, by: blocks) {
                    search.run(from: u, in: graph)
                    let reached = search.settled
                    values.append(score(u, n, (0..<reached).lazy.map { search.distance(of: Int(search.order[$0])) },
                                        count: reached, harmonic: harmonic))
                }
            }
            partial.put(values, at: block)
        }
        var result = [Double](repeating: 0, count: n)
        for (block, values) in partial.all.enumerated() {
            for (i, v) in values.enumerated() { result[block + i * blocks] = v }
        }
        return result
    }

    /// Unweighted closeness or harmonic closeness from the counts of nodes at each distance, by
    /// multi-source BFS on the reverse adjacency. Each node's sums are written only by the worker
    /// searching from it, and sums of whole numbers (or of count/d in distance order) do not depend on
    /// the thread count.
    static func unweighted(_ network: AgencyNetwork, harmonic: Bool) -> [Double] {
        let n = network.nodeCount
        let total = UnsafeMutableBufferPointer<Double>.allocate(capacity: n),
        reached = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        defer { total.deallocate(); reached.deallocate() }
        total.initialize(repeating: 0)
        reached.initialize(repeating: 1)
        nonisolated(unsafe) let sums = total, counts = reached
        network.withAdjacency(incoming: true, lengths: nil) { graph in
            MultiSourceBFS.levels(graph, nodeCount: n, sources: Array(0..<n)) { u, distance, count in
                sums[u] += harmonic ? Double(count) / Double(distance) : Double(distance * count)
                counts[u] += count
            }
        }
        return (0..<n).map { u in
            if harmonic { return total[u] }
            guard total[u] > 0 && n > 1 else { return 0 }
            let r = Double(reached[u])
            return (r - 1) / total[u] * ((r - 1) / Double(n - 1))
        }
    }

    /// Closeness or harmonic closeness of `u` from the distances of the nodes reaching it (u included).
    static func score<S: Sequence>(_ u: Int, _ n: Int, _ distances: S, count reached: Int,
                                   harmonic: Bool) -> Double where S.Element == Double {
        if harmonic {
            var h = 0.0
            for d in distances where d > 0 { h += 1 / d }
            return h
        }
        var total = 0.0
        for d in distances { total += d }
        guard total > 0 && n > 1 else { return 0 }
        let r = Double(reached)
        return (r - 1) / total * ((r - 1) / Double(n - 1))
    }
}
