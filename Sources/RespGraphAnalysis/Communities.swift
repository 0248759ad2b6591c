/// Communities of agencies that work together more than with others: deterministic Louvain.
///
/// - Definition: the Louvain method. Phase 1 moves each node, in index order, to the neighbouring
///   community with the largest modularity gain ΔQ = k_{v,in}/m − γ Σ_tot k_v/(2m²) (ties to the
///   smaller community number; only a positive gain moves it), repeating until no node moves; phase 2
///   merges each community into one node; the two repeat until modularity stops rising. No random
///   order is used, so the same network always gives the same communities. Communities are then
///   renumbered by size (largest first), ties by their smallest node.
/// - Complexity: about O(m) per pass; a handful of passes in practice.
/// - Reference: V. D. Blondel et al., "Fast unfolding of communities in large networks",
///   J. Stat. Mech. P10008, 2008. doi:10.1088/1742-5468/2008/10/P10008
public enum Communities {
    /// The community of each node and the partition's modularity.
    public static func louvain(_ network: AgencyNetwork, resolution: Double = 1) -> (communities: [Int], modularity: Double) {
        let base = network.undirected()
        let n = base.nodeCount
        if n == 0 { return ([], 0) }
        // Level graph as adjacency lists with self-loop weights.
        var level = Level(adjacency: (0..<n).map { v in base.range(of: v).map { (Int(base.targets[$0]), base.weights[$0]) } },
                          selfLoop: [Double](repeating: 0, count: n))
        var membership = Array(0..<n)  // original node → current level node
        let m2 = level.adjacency.reduce(0.0) { $0 + $1.reduce(0.0) { $0 + $1.1 } }  // 2m
        guard m2 > 0 else { return (Array(0..<n), 0) }
        while true {
            guard let community = level.localMoves(resolution: resolution, m2: m2) else { break }
            let size = level.adjacency.count
            // Renumber communities densely and aggregate.
            var renumber = [Int](repeating: -1, count: size)
            var next = 0
            for v in 0..<size where renumber[community[v]] < 0 { renumber[community[v]] = next; next += 1 }
            for i in 0..<n { membership[i] = renumber[community[membership[i]]] }
            level = level.merged(community.map { renumber[$0] }, count: next)
            if next == size { break }
        }
        // Renumber by size, then smallest member.
        var members: [Int: [Int]] = [:]
        for v in 0..<n { members[membership[v], default: []].append(v) }
        let order = members.keys.sorted { a, b in
            let x = members[a]!, y = members[b]!
            return x.count != y.count ? x.count > y.count : x[0] < y[0]
        }
        var label = [Int: Int]()
        for (i, c) in order.enumerated() { label[c] = i }
        let result = membership.map { label[$0]! }
        return (result, Structure.modularity(base, communities: result, resolution: resolution))
    }

    /// One level of the method: a graph of adjacency lists with self-loop weights.
    struct Level {
        var adjacency: [[(Int, Double)]]
        var selfLoop: [Double]

        /// Phase 1: moves each node, in index order, to the neighbouring community of the largest
        /// positive gain until no node moves. The community of each node, or nil when none moved.
        func localMoves(resolution: Double, m2: Double) -> [Int]? {
            let size = adjacency.count
            let strength = (0..<size).map { v in adjacency[v].reduce(selfLoop[v]) { $0 + $1.1 } }
            var community = Array(0..<size)
            var total = strength
            var moved = true
            var anyMove = false
            var weightTo = [Double](repeating: 0, count: size)
            var touched: [Int] = []
            while moved {
                moved = false
                for v in 0..<size {
                    let own = community[v]
                    touched.removeAll(keepingCapacity: true)
                    for (u, w) in adjacency[v] where u != v {
                        let c = community[u]
                        if weightTo[c] == 0 { touched.append(c) }
                        weightTo[c] += w
                    }
                    total[own] -= strength[v]
                    var best = own
                    var bestGain = weightTo[own] - resolution * total[own] * strength[v] / m2
                    for c in touched.sorted() {
                        let gain = weightTo[c] - resolution * total[c] * strength[v] / m2
                        if gain > bestGain + 1e-12 || (abs(gain - bestGain) <= 1e-12 && c < best && gain > 0) {
                            best = c
                            bestGain = gain
                        }
                    }
                    total[best] += strength[v]
                    for c in touched { weightTo[c] = 0 }
                    weightTo[own] = 0
                    if best != own {
                        community[v] = best
                        moved = true
                        anyMove = true
                    }
                }
            }
            return anyMove ? community : nil
        }

        /// Phase 2: each community (numbered densely, `count` of them) merged into one node.
        func merged(_ community: [Int], count: Int) -> Level {
            var newSelf = [Double](repeating: 0, count: count)
            var merged = [[Int: Double]](repeating: [:], count: count)
            for v in adjacency.indices {
                let cv = community[v]
                newSelf[cv] += selfLoop[v]
                for (u, w) in adjacency[v] {
                    let cu = community[u]
                    if cu == cv { newSelf[cv] += w } else { merged[cv][cu, default: 0] += w }
                }
            }
            return Level(adjacency: merged.map { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }, selfLoop: newSelf)
        }
    }
}
