import Foundation
import RespGraphAnalysis
import RespGraphModel
import Testing

/// Centrality on small graphs worked by hand, the tie rule, and a brute-force oracle.
@Suite struct CentralityTests {
    static func network(_ n: Int, _ edges: [(Int, Int, Double)], directed: Bool = false) -> AgencyNetwork {
        AgencyNetwork(kind: directed ? .dependency : .coAssignment, agencies: (0..<n).map(AgencyID.init),
                      links: edges.map { (Int32($0.0), Int32($0.1), $0.2) })
    }
    static func unit(_ n: Int, _ edges: [(Int, Int)]) -> AgencyNetwork { network(n, edges.map { ($0.0, $0.1, 1) }) }

    static let path = unit(3, [(0, 1), (1, 2)])
    static let star = unit(5, [(0, 1), (0, 2), (0, 3), (0, 4)])
    /// Krackhardt's kite.
    static let kite = unit(10, [(0, 1), (0, 2), (0, 3), (0, 5), (1, 3), (1, 4), (1, 6), (2, 3), (2, 5), (3, 4), (3, 5), (3, 6),
                                (4, 6), (5, 6), (5, 7), (6, 7), (7, 8), (8, 9)])

    func close(_ a: [Double], _ b: [Double], _ tol: Double) -> Bool { a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol } }

    @Test func pathMiddleHasBetweennessOne() {
        #expect(BetweennessCentrality.compute(Self.path) == [0, 1, 0])
        #expect(BetweennessCentrality.compute(Self.path, normalized: false) == [0, 1, 0])
        let end: Double = 2.0 / 3
        #expect(close(ClosenessCentrality.compute(Self.path), [end, 1, end], 1e-15))
        #expect(ClosenessCentrality.compute(Self.path, harmonic: true) == [1.5, 2, 1.5])
    }

    @Test func starCentreHasBetweennessOne() {
        #expect(BetweennessCentrality.compute(Self.star) == [1, 0, 0, 0, 0])
        let leaf: Double = 4.0 / 7
        let expectedCloseness: [Double] = [1, leaf, leaf, leaf, leaf]
        #expect(close(ClosenessCentrality.compute(Self.star), expectedCloseness, 1e-15))
        let holes = StructuralHoles.compute(Self.star)
        #expect(holes.effectiveSize[0] == 4 && holes.efficiency[0] == 1)
        #expect(abs(holes.constraint[0] - 0.25) < 1e-15)
        #expect(holes.hierarchy[0] == 0)
        #expect(holes.constraint[1] == 1 && holes.hierarchy[1] == 0)
    }

    @Test func kiteMatchesPublishedValues() {
        // Krackhardt (1990); published betweenness and closeness, eigenvector from NetworkX, to three decimals.
        let b = BetweennessCentrality.compute(Self.kite)
        let expectedB: [Double] = [0.023, 0.023, 0, 0.102, 0, 0.231, 0.231, 0.389, 0.222, 0]
        #expect(close(b, expectedB, 5e-4))
        let c = ClosenessCentrality.compute(Self.kite)
        let expectedC: [Double] = [0.529, 0.529, 0.500, 0.600, 0.500, 0.643, 0.643, 0.600, 0.429, 0.310]
        #expect(close(c, expectedC, 5e-4))
        let e = EigenvectorCentrality.compute(Self.kite).values
        let expectedE: [Double] = [0.352, 0.352, 0.286, 0.481, 0.286, 0.398, 0.398, 0.196, 0.048, 0.011]
        #expect(close(e, expectedE, 5e-4))
    }

    @Test func triangleConstraintAndEffectiveSize() {
        let holes = StructuralHoles.compute(Self.unit(3, [(0, 1), (1, 2), (0, 2)]))
        #expect(holes.effectiveSize == [1, 1, 1])
        #expect(holes.constraint.allSatisfy { abs($0 - 1.125) < 1e-15 })
        #expect(holes.hierarchy == [0, 0, 0])
    }

    @Test func hierarchyOfUnequalContacts() {
        // Node 0 with contacts 1 (weight 3) and 2 (weight 1), not tied to each other:
        // c01 = 0.75², c02 = 0.25², C = 0.625, H = (1.8 ln 1.8 + 0.2 ln 0.2)/(2 ln 2).
        let holes = StructuralHoles.compute(Self.network(3, [(0, 1, 3), (0, 2, 1)]), weighted: true)
        #expect(abs(holes.constraint[0] - 0.625) < 1e-15)
        let expected = (1.8 * log(1.8) + 0.2 * log(0.2)) / (2 * log(2.0))
        #expect(abs(holes.hierarchy[0] - expected) < 1e-12)
    }

    @Test func isolatedAgencyHasNoStructuralHoleMeasures() {
        let holes = StructuralHoles.compute(Self.unit(3, [(0, 1)]))
        #expect(holes.constraint[2].isNaN && holes.effectiveSize[2].isNaN)
    }

    @Test func nearTieCountsBothPathsUnderTheTolerance() {
        // Lengths 0.1 + 0.2 = 0.30000000000000004 against a direct 0.3: a tie in exact arithmetic.
        let net = Self.network(3, [(0, 1, 0.1), (1, 2, 0.2), (0, 2, 0.3)])
        let tolerant = BetweennessCentrality.compute(net, metric: .distance)
        let exact = BetweennessCentrality.compute(net, metric: .distance, tieTolerance: 0)
        #expect(tolerant[1] == 0.5)  // one of the two shortest 0–2 paths passes through 1
        #expect(exact[1] == 0)       // exact comparison sees only the direct link
        // Strength weights: 1/w lengths 1/2 + 1/2 against 1/1 tie exactly in both rules.
        let strength = Self.network(3, [(0, 1, 2), (1, 2, 2), (0, 2, 1)])
        #expect(BetweennessCentrality.compute(strength, metric: .strength)[1] == 0.5)
    }

    @Test func pageRankSumsToOneAndFavoursTheReliedOn() {
        // 0 → 2, 1 → 2, 2 → 3: 3 and 2 collect rank; 3 is dangling.
        let net = Self.network(4, [(0, 2, 1), (1, 2, 1), (2, 3, 1)], directed: true)
        let r = PageRank.compute(net)
        #expect(r.converged)
        #expect(abs(r.values.reduce(0, +) - 1) < 1e-12)
        #expect(r.values[3] > r.values[2] && r.values[2] > r.values[0])
        #expect(r.values[0] == r.values[1])
    }

    @Test func resultsDoNotDependOnThreadScheduling() {
        let a = BetweennessCentrality.compute(Self.kite, metric: .strength)
        for _ in 0..<5 { #expect(BetweennessCentrality.compute(Self.kite, metric: .strength) == a) }
    }

    // MARK: Brute-force oracle


    /// Betweenness by enumerating every simple path between every ordered pair.
    static func bruteForce(_ n: Int, _ adj: [[Double]]) -> [Double] {
        var result = [Double](repeating: 0, count: n)
        for s in 0..<n {
            for t in 0..<n where t != s {
                var paths: [(Double, [Int])] = []
                var visited = [Bool](repeating: false, count: n)
                func walk(_ v: Int, _ length: Double, _ trail: [Int]) {
                    if v == t { paths.append((length, trail)); return }
                    visited[v] = true
                    for w in 0..<n where adj[v][w] > 0 && !visited[w] { walk(w, length + adj[v][w], trail + [w]) }
                    visited[v] = false
                }
                walk(s, 0, [s])
                guard let best = paths.map(\.0).min() else { continue }
                let shortest = paths.filter { $0.0 == best }
                for v in 0..<n where v != s && v != t {
                    result[v] += Double(shortest.filter { $0.1.contains(v) }.count) / Double(shortest.count)
                }
            }
        }
        return result
    }

    @Test(arguments: 0..<6)
    func betweennessMatchesBruteForceOnRandomGraphs(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919)
        for _ in 0..<20 {
            let n = Int(rng.next() % 6) + 2
            var adj = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            var edges: [(Int, Int, Double)] = []
            for i in 0..<n { for j in (i + 1)..<n where rng.next() % 100 < 45 {
                let w = Double(rng.next() % 3 + 1)  // integer lengths: sums are exact
                adj[i][j] = w; adj[j][i] = w
                edges.append((i, j, w))
            } }
            let net = Self.network(n, edges)
            let unitAdj = adj.map { $0.map { $0 > 0 ? 1.0 : 0 } }
            let oracleUnweighted = Self.bruteForce(n, unitAdj)
            let oracleWeighted = Self.bruteForce(n, adj)
            let ours = BetweennessCentrality.compute(net, normalized: false)
            let oursWeighted = BetweennessCentrality.compute(net, metric: .distance, normalized: false)
            // Unnormalized undirected betweenness counts each pair once: half the ordered sum.
            #expect(close(ours, oracleUnweighted.map { $0 / 2 }, 1e-9), "seed \(seed) n \(n) \(edges)")
            #expect(close(oursWeighted, oracleWeighted.map { $0 / 2 }, 1e-9), "seed \(seed) n \(n) \(edges)")
        }
    }

    @Test func directedBetweennessMatchesBruteForce() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<30 {
            let n = Int(rng.next() % 5) + 2
            var adj = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            var edges: [(Int, Int, Double)] = []
            for i in 0..<n { for j in 0..<n where i != j && rng.next() % 100 < 35 { adj[i][j] = 1; edges.append((i, j, 1)) } }
            let ours = BetweennessCentrality.compute(Self.network(n, edges, directed: true), normalized: false)
            #expect(close(ours, Self.bruteForce(n, adj), 1e-9), "\(edges)")
        }
    }
}

/// Multi-source BFS gives exactly the closeness of one breadth-first search per node.
@Suite struct MultiSourceClosenessTests {
    /// Closeness and harmonic by a plain BFS per node toward it, as the definition reads.
    static func reference(_ net: AgencyNetwork, harmonic: Bool) -> [Double] {
        let n = net.nodeCount
        return (0..<n).map { u -> Double in
            var distance = [Int](repeating: -1, count: n)
            distance[u] = 0
            var queue = [u], head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                for e in net.inRange(of: v) where distance[Int(net.inTargets[e])] < 0 {
                    distance[Int(net.inTargets[e])] = distance[v] + 1
                    queue.append(Int(net.inTargets[e]))
                }
            }
            let reached = distance.filter { $0 > 0 }
            if harmonic { return reached.reduce(0.0) { $0 + 1 / Double($1) } }
            let total = Double(reached.reduce(0, +)), r = Double(reached.count + 1)
            return total > 0 && n > 1 ? (r - 1) / total * ((r - 1) / Double(n - 1)) : 0
        }
    }

    @Test(arguments: [(150, false, 1), (150, true, 2), (200, false, 3), (90, true, 4)])
    func equalsOneSearchPerNode(n: Int, directed: Bool, seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        var links: [(Int32, Int32, Double)] = []
        // Sparse enough to leave several components; a few hubs.
        for _ in 0..<(n * 2) {
            let a = Int32(rng.below(n)), b = Int32(rng.below(n / (rng.below(4) == 0 ? 10 : 1)))
            if a != b { links.append((a, b, 1)) }
        }
        let net = AgencyNetwork(kind: directed ? .dependency : .coAssignment, agencies: (0..<n).map { AgencyID($0) }, links: links)
        for harmonic in [false, true] {
            let fast = ClosenessCentrality.compute(net, harmonic: harmonic), slow = Self.reference(net, harmonic: harmonic)
            for v in 0..<n { #expect(abs(fast[v] - slow[v]) <= 1e-12 * max(1, slow[v]), "node \(v): \(fast[v]) vs \(slow[v])") }
        }
    }
}

/// Shortest-path sampling (Riondato–Kornaropoulos) keeps its promise on real and random networks.
@Suite struct BetweennessSamplingTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func everyEstimateIsWithinEpsilonOnTheGuangxiNetworks(seed: UInt64) {
        let graph = NetworkXGoldenTests.graph
        for net in [AgencyNetwork.coAssignment(graph), AgencyNetwork.dependency(graph)] {
            let exact = BetweennessCentrality.compute(net)
            let estimate = BetweennessSampling.estimate(net, epsilon: 0.02, delta: 0.05, seed: seed)
            let worst = zip(exact, estimate.values).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= estimate.epsilon, "seed \(seed): worst error \(worst) > ε \(estimate.epsilon)")
            #expect(estimate.samples == BetweennessSampling.sampleSize(epsilon: 0.02 * Double(net.nodeCount - 2) / Double(net.nodeCount), delta: 0.05,
                                                                       vertexDiameterBound: estimate.vertexDiameterBound))
            // The same seed gives the same estimate.
            #expect(BetweennessSampling.estimate(net, epsilon: 0.02, delta: 0.05, seed: seed).values == estimate.values)
        }
    }

    @Test func aPathAndAStarAreEstimatedExactlyWhereNoChoiceExists() {
        // A path a–b–c: b lies on every a–c path; a and c never do.
        let path = AgencyNetwork(kind: .coAssignment, agencies: (0..<3).map { AgencyID($0) }, links: [(0, 1, 1), (1, 2, 1)])
        let e = BetweennessSampling.estimate(path, epsilon: 0.05, seed: 7)
        #expect(e.values[0] == 0 && e.values[2] == 0 && abs(e.values[1] - 1) <= e.epsilon)
        #expect(e.vertexDiameterBound >= 3)
    }
}

/// Large networks are searched in breadth-first node order; the values are the same as in the
/// network's own order (explicit sources keep the own order).
@Suite struct RelabelledBetweennessTests {
    @Test(arguments: [(false, PathMetric.unweighted), (false, .strength), (true, .unweighted), (true, .distance)])
    func breadthFirstOrderChangesNothing(directed: Bool, metric: PathMetric) {
        var rng = SplitMix64(seed: 11)
        let n = 2300
        var links: [(Int32, Int32, Double)] = []
        for _ in 0..<(n * 3) {
            let a = Int32(rng.below(n)), b = Int32(rng.below(rng.below(3) == 0 ? 40 : n))
            if a != b { links.append((a, b, Double(1 + rng.below(4)))) }
        }
        let net = AgencyNetwork(kind: directed ? .dependency : .coAssignment, agencies: (0..<n).map { AgencyID($0) }, links: links)
        let reordered = BetweennessCentrality.compute(net, metric: metric)
        let own = BetweennessCentrality.compute(net, metric: metric, sources: Array(0..<n))
        for v in 0..<n { #expect(abs(reordered[v] - own[v]) <= 1e-12 * max(1e-9, abs(own[v])) + 1e-15, "node \(v): \(reordered[v]) vs \(own[v])") }
        let (relabelled, position) = net.relabelledInBreadthFirstOrder()
        #expect(Set(position) == Set(0..<n) && relabelled.linkCount == net.linkCount)
    }
}
