/// The network-level measures policy-network studies publish, for one agency network (taken as
/// undirected unless said otherwise).
///
/// - Definitions (n agencies, m ties, w_ij tie weights, d_ij shortest-path lengths in hops):
///   - density = 2m / (n(n−1)); valued density = Σ w / (n(n−1)/2), the mean tie value over all pairs;
///   - Freeman centralisation C = Σ_i (c_max − c_i) / max possible: degree over raw degrees,
///     (n−1)(n−2); betweenness over normalized values, n−1; closeness over normalized (Wasserman–Faust)
///     closeness, (n−1)(n−2)/(2n−3) — each the star's value, so a star scores 1;
///   - average path length and diameter over the pairs that reach each other;
///   - compactness = mean over ordered pairs of 1/d_ij (0 when unreachable), which is also the global
///     efficiency of Latora and Marchiori;
///   - average clustering (mean local clustering, 0 for degree < 2) and transitivity (3 × triangles /
///     connected triples);
///   - degree assortativity: the Pearson correlation of the degrees at either end of a tie.
/// - Complexity: O(n·m) for the path measures (one BFS per agency), O(Σ deg²) for clustering.
/// - References: L. C. Freeman, Social Networks 1:215–239, 1979; S. Wasserman, K. Faust, Social
///   Network Analysis, 1994; V. Latora, M. Marchiori, Phys. Rev. Lett. 87:198701, 2001;
///   M. E. J. Newman, Phys. Rev. Lett. 89:208701, 2002 (assortativity).
/// - Cross-check: NetworkX `density`, `transitivity`, `average_clustering`,
///   `degree_assortativity_coefficient`, `global_efficiency`, and the centralisation formulas applied
///   to NetworkX's centralities, within 1e-9.
public struct NetworkMeasures: Sendable {
    /// Agencies.
    public var nodes: Int
    /// Ties.
    public var ties: Int
    /// Binary density.
    public var density: Double
    /// Valued density (mean tie value over all pairs).
    public var valuedDensity: Double
    /// Freeman degree centralisation.
    public var degreeCentralization: Double
    /// Freeman betweenness centralisation.
    public var betweennessCentralization: Double
    /// Freeman closeness centralisation.
    public var closenessCentralization: Double
    /// Mean shortest-path length over reachable pairs.
    public var averagePathLength: Double
    /// Longest shortest path.
    public var diameter: Int
    /// Mean 1/d over ordered pairs (= global efficiency).
    public var compactness: Double
    /// Mean local clustering coefficient.
    public var averageClustering: Double
    /// Global clustering (transitivity).
    public var transitivity: Double
    /// Degree assortativity.
    public var assortativity: Double
    /// Connected components.
    public var components: Int
    /// Agencies in the largest component.
    public var largestComponent: Int

    /// Computes the measures of a network (a directed one is taken as undirected). A caller that has
    /// already computed normalized betweenness and closeness on the same undirected network can pass
    /// them instead of having them computed again.
    public init(_ network: AgencyNetwork, betweenness: [Double]? = nil, closeness: [Double]? = nil) {
        let net = network.undirected()
        let n = net.nodeCount
        nodes = n
        ties = net.linkCount
        let pairs = Double(n) * Double(n - 1) / 2
        density = n > 1 ? Double(ties) / pairs : 0
        valuedDensity = n > 1 ? net.weights.reduce(0, +) / 2 / pairs : 0
        let degree = (0..<n).map { net.degree(of: $0) }
        let maxDegree = degree.max() ?? 0
        degreeCentralization = n > 2 ? Double(degree.reduce(0) { $0 + maxDegree - $1 }) / Double((n - 1) * (n - 2)) : 0
        let b = betweenness ?? BetweennessCentrality.compute(net)
        let maxB = b.max() ?? 0
        betweennessCentralization = n > 2 ? b.reduce(0) { $0 + maxB - $1 } / Double(n - 1) : 0
        let c = closeness ?? ClosenessCentrality.compute(net)
        let maxC = c.max() ?? 0
        closenessCentralization = n > 2 ? c.reduce(0) { $0 + maxC - $1 } / (Double((n - 1) * (n - 2)) / Double(2 * n - 3)) : 0
        (averagePathLength, diameter, compactness) = Self.pathMeasures(net)
        (averageClustering, transitivity) = Self.clustering(net, degree: degree)
        assortativity = Self.assortativity(net, degree: degree)
        let comp = Structure.components(net)
        var sizes: [Int: Int] = [:]
        for c in comp { sizes[c, default: 0] += 1 }
        components = sizes.count
        largestComponent = sizes.values.max() ?? 0
    }

    /// Average path length over pairs that reach each other, diameter, and compactness (mean 1/d over
    /// ordered pairs), from the counts of agencies at each distance from every agency (multi-source
    /// BFS); per-source sums are added in source order, so results never depend on thread count.
    static func pathMeasures(_ net: AgencyNetwork) -> (averagePathLength: Double, diameter: Int, compactness: Double) {
        let n = net.nodeCount
        let length = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, n)),
        inverseSum = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, n))
        let pairCount = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, n)),
        farthest = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, n))
        defer { length.deallocate(); inverseSum.deallocate(); pairCount.deallocate(); farthest.deallocate() }
        length.initialize(repeating: 0); inverseSum.initialize(repeating: 0)
        pairCount.initialize(repeating: 0); farthest.initialize(repeating: 0)
        nonisolated(unsafe) let l = length, inv = inverseSum, pc = pairCount, far = farthest
        net.withAdjacency(lengths: nil) { graph in
            MultiSourceBFS.levels(graph, nodeCount: n, sources: Array(0..<n)) { s, d, count in
                l[s] += Double(d * count)
                inv[s] += Double(count) / Double(d)
                pc[s] += count
                far[s] = max(far[s], d)
            }
        }
        var totalLength = 0.0, reachablePairs = 0.0, inverse = 0.0, longest = 0
        for s in 0..<n {
            totalLength += length[s]
            inverse += inverseSum[s]
            reachablePairs += Double(pairCount[s])
            longest = max(longest, farthest[s])
        }
        return (reachablePairs > 0 ? totalLength / reachablePairs : 0, longest, n > 1 ? inverse / (Double(n) * Double(n - 1)) : 0)
    }

    /// Average local clustering (0 for degree < 2) and transitivity, from the triangles through each
    /// node, counted by marking neighbours.
    static func clustering(_ net: AgencyNetwork, degree: [Int]) -> (average: Double, transitivity: Double) {
        let n = net.nodeCount
        var mark = [Int32](repeating: -1, count: n)
        var local = 0.0, closed = 0.0, triples = 0.0
        for v in 0..<n {
            for e in net.range(of: v) { mark[Int(net.targets[e])] = Int32(v) }
            var t = 0
            for e in net.range(of: v) {
                let u = Int(net.targets[e])
                for f in net.range(of: u) where mark[Int(net.targets[f])] == Int32(v) { t += 1 }
            }
            let triangles = Double(t) / 2
            let k = Double(degree[v])
            if k >= 2 { local += triangles / (k * (k - 1) / 2) }
            closed += triangles
            triples += k * (k - 1) / 2
        }
        return (n > 0 ? local / Double(n) : 0, triples > 0 ? closed / triples : 0)
    }

    /// Degree assortativity: the Pearson correlation of degrees over both ends of every tie; NaN
    /// when every end has the same degree.
    static func assortativity(_ net: AgencyNetwork, degree: [Int]) -> Double {
        var sx = 0.0, sxx = 0.0, sxy = 0.0, count = 0.0
        for v in 0..<net.nodeCount {
            for e in net.range(of: v) {
                let x = Double(degree[v]), y = Double(degree[Int(net.targets[e])])
                sx += x; sxx += x * x; sxy += x * y; count += 1
            }
        }
        let mean = count > 0 ? sx / count : 0
        let variance = count > 0 ? sxx / count - mean * mean : 0
        return variance > 0 ? (sxy / count - mean * mean) / variance : .nan
    }
}

/// Borgatti–Everett core–periphery structure.
///
/// - Definition: continuous coreness c fits the pattern a_ij ≈ c_i·c_j (i ≠ j) by least squares,
///   iterating c_i ← Σ_{j≠i} a_ij c_j / Σ_{j≠i} c_j² to a fixed point, scaled to unit norm. The
///   discrete split puts the top-k agencies by coreness in the core, choosing k to maximise the
///   correlation between the adjacency and the ideal pattern (core–core ties present,
///   periphery–periphery ties absent, core–periphery pairs left out of the fit); it reports the
///   densities of the three blocks.
/// - Complexity: O(iterations · m) for the coreness, O(n · m) for the split.
/// - Reference: S. P. Borgatti, M. G. Everett, "Models of core/periphery structures", Social
///   Networks 21:375–395, 2000.
public struct CorePeriphery: Sendable {
    /// Coreness of each node (unit Euclidean norm).
    public var coreness: [Double]
    /// Whether each node is in the core.
    public var inCore: [Bool]
    /// Density of core–core, core–periphery and periphery–periphery pairs.
    public var densities: (coreCore: Double, corePeriphery: Double, peripheryPeriphery: Double)
    /// The correlation of the chosen split with the ideal pattern.
    public var fit: Double

    /// Computes the structure of a network (taken as undirected, binary).
    public init(_ network: AgencyNetwork) {
        let net = network.undirected()
        let n = net.nodeCount
        let c = Self.coreness(net)
        coreness = c
        // Discrete split: the top-k by coreness; fit over core–core and periphery–periphery pairs.
        let order = (0..<n).sorted { (c[$0], $1) > (c[$1], $0) }
        var rank = [Int](repeating: 0, count: n)
        for (r, v) in order.enumerated() { rank[v] = r }
        var best = (k: 1, fit: -2.0)
        if n >= 3 {
            for k in 1..<(n - 1) {
                // Pairs: core–core (ideal 1) and periphery–periphery (ideal 0).
                let cc = Double(k * (k - 1) / 2), pp = Double((n - k) * (n - k - 1) / 2)
                var tiesCC = 0.0, tiesPP = 0.0
                for v in 0..<n {
                    for e in net.range(of: v) where Int(net.targets[e]) > v {
                        let a = rank[v] < k, b = rank[Int(net.targets[e])] < k
                        if a && b { tiesCC += 1 } else if !a && !b { tiesPP += 1 }
                    }
                }
                // Pearson correlation between observed (1 for a tie) and ideal (1 in core–core).
                let total = cc + pp
                guard total > 0, cc > 0, pp > 0 else { continue }
                let meanX = (tiesCC + tiesPP) / total, meanY = cc / total
                let cov = tiesCC / total - meanX * meanY
                let vx = meanX - meanX * meanX, vy = meanY - meanY * meanY
                let r = vx > 0 && vy > 0 ? cov / (vx * vy).squareRoot() : 0
                if r > best.fit { best = (k, r) }
            }
        }
        let k = best.k
        inCore = (0..<n).map { rank[$0] < k }
        var counts = (cc: 0.0, cp: 0.0, pp: 0.0)
        for v in 0..<n {
            for e in net.range(of: v) where Int(net.targets[e]) > v {
                let a = inCore[v], b = inCore[Int(net.targets[e])]
                if a && b { counts.cc += 1 } else if a != b { counts.cp += 1 } else { counts.pp += 1 }
            }
        }
        let pk = Double(k), pn = Double(n - k)
        densities = (pk > 1 ? counts.cc / (pk * (pk - 1) / 2) : 0, pk > 0 && pn > 0 ? counts.cp / (pk * pn) : 0,
                     pn > 1 ? counts.pp / (pn * (pn - 1) / 2) : 0)
        fit = best.fit
    }

    /// Continuous coreness: c_i ← Σ_{j≠i} a_ij c_j / Σ_{j≠i} c_j², scaled to unit norm, to a fixed
    /// point (change below 1e−12) or 500 iterations.
    static func coreness(_ net: AgencyNetwork) -> [Double] {
        let n = net.nodeCount
        var c = [Double](repeating: 1 / Double(max(1, n)).squareRoot(), count: n)
        for _ in 0..<500 {
            let squares = c.reduce(0) { $0 + $1 * $1 }
            var next = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var s = 0.0
                for e in net.range(of: i) { s += c[Int(net.targets[e])] }
                let denominator = squares - c[i] * c[i]
                next[i] = denominator > 0 ? s / denominator : 0
            }
            let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm == 0 { break }
            next = next.map { $0 / norm }
            let change = zip(next, c).reduce(0) { $0 + abs($1.0 - $1.1) }
            c = next
            if change < 1e-12 { break }
        }
        return c
    }
}
