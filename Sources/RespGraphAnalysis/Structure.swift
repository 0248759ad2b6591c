/// Connected components, k-core numbers and modularity of an agency network (taken as undirected).
public enum Structure {
    /// The component of each node, numbered from 0 in order of each component's first node.
    ///
    /// - Complexity: O(n + m), breadth-first.
    public static func components(_ network: AgencyNetwork) -> [Int] {
        let net = network.undirected()
        var component = [Int](repeating: -1, count: net.nodeCount)
        var next = 0
        var queue: [Int] = []
        for s in 0..<net.nodeCount where component[s] < 0 {
            component[s] = next
            queue = [s]
            var head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                for e in net.range(of: v) where component[Int(net.targets[e])] < 0 {
                    component[Int(net.targets[e])] = next
                    queue.append(Int(net.targets[e]))
                }
            }
            next += 1
        }
        return component
    }

    /// The core number of each node: the largest k such that the node belongs to a subgraph where
    /// every node has at least k neighbours.
    ///
    /// - Complexity: O(n + m) with bucket ordering.
    /// - Reference: V. Batagelj, M. Zaversnik, "An O(m) algorithm for cores decomposition of networks",
    ///   arXiv:cs/0310049, 2003. Cross-check: NetworkX `core_number`.
    public static func coreNumbers(_ network: AgencyNetwork) -> [Int] {
        let net = network.undirected()
        let n = net.nodeCount
        var degree = (0..<n).map { net.degree(of: $0) }
        let maxDegree = degree.max() ?? 0
        var binStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { binStart[d + 1] += 1 }
        for d in 0...maxDegree { binStart[d + 1] += binStart[d] }
        var position = [Int](repeating: 0, count: n)
        var order = [Int](repeating: 0, count: n)
        var fill = binStart
        for v in 0..<n { position[v] = fill[degree[v]]; order[position[v]] = v; fill[degree[v]] += 1 }
        for i in 0..<n {
            let v = order[i]
            for e in net.range(of: v) {
                let u = Int(net.targets[e])
                if degree[u] > degree[v] {
                    let du = degree[u], pu = position[u], pw = binStart[du], w = order[pw]
                    if u != w { order[pu] = w; position[w] = pu; order[pw] = u; position[u] = pw }
                    binStart[du] += 1
                    degree[u] -= 1
                }
            }
        }
        return degree
    }

    /// Newman's modularity of a partition, with link weights.
    ///
    /// - Definition: Q = Σ_c [ L_c / m − γ (D_c / 2m)² ], with m the total link weight, L_c the weight
    ///   inside community c and D_c the total strength of its nodes; γ the resolution (1).
    /// - Reference: M. E. J. Newman, Phys. Rev. E 69, 066133, 2004. Cross-check: NetworkX
    ///   `community.modularity(G, communities, weight="weight")`.
    public static func modularity(_ network: AgencyNetwork, communities: [Int], resolution: Double = 1) -> Double {
        let net = network.undirected()
        var total = 0.0
        let k = (0..<net.nodeCount).map { v in net.range(of: v).reduce(0.0) { $0 + net.weights[$1] } }
        total = k.reduce(0, +)
        guard total > 0 else { return 0 }
        let count = (communities.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: count), degree = [Double](repeating: 0, count: count)
        for v in 0..<net.nodeCount {
            degree[communities[v]] += k[v]
            for e in net.range(of: v) where communities[Int(net.targets[e])] == communities[v] { inside[communities[v]] += net.weights[e] }
        }
        var q = 0.0
        for c in 0..<count { q += inside[c] / total - resolution * (degree[c] / total) * (degree[c] / total) }
        return q
    }
}
