import Foundation
import RespGraphModel

/// Betweenness estimated by sampling shortest paths, with a guarantee on every agency at once.
///
/// - Definition: draw r pairs (s, t), s ≠ t, uniformly; for each, a shortest s–t path uniformly among
///   the σ_st of them; every inner vertex of the path gains 1/r. The result estimates
///   b(v) = Σ_{s ≠ t} σ_st(v)/σ_st / (n(n−1)), reported here in NetworkX's normalization (× n/(n−2)).
///   With r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉, c = 0.5 and VD an upper bound on the vertex
///   diameter (the most vertices on a shortest path), with probability at least 1 − δ every
///   estimate is within ε of b(v) — a bound from the VC dimension of shortest paths, independent of n.
/// - Path sampling: a balanced bidirectional breadth-first search from s and t (the side whose
///   frontier has the smaller degree sum expands one level) until the frontiers meet; path counts on
///   both sides give σ_st, a meeting vertex is drawn in proportion to σ_s(w)·σ_t(w), and the path is
///   walked back to s and to t choosing each predecessor in proportion to its path count.
/// - VD: for each connected component, 2 · eccentricity of one of its vertices + 1 (an upper bound).
/// - Complexity: O(n + m) for VD, then r bidirectional searches; on small-world networks each visits a
///   small part of the graph. Samples are split into fixed blocks with seeds derived from `seed`, so
///   results are identical whatever the thread count.
/// - Reference: M. Riondato, E. M. Kornaropoulos, "Fast approximation of betweenness centrality
///   through sampling", Data Min. Knowl. Disc. 30:438–475, 2016; M. Borassi, E. Natale, "KADABRA is an
///   ADaptive Algorithm for Betweenness via Random Approximation", ESA 2016 (bidirectional sampling).
public enum BetweennessSampling {
    /// An estimate with its guarantee.
    public struct Estimate: Sendable {
        /// NetworkX-normalized betweenness per node.
        public let values: [Double]
        /// Every value is within this of the exact one (NetworkX normalization)…
        public let epsilon: Double
        /// …with probability at least 1 − delta.
        public let delta: Double
        /// The number of shortest paths sampled.
        public let samples: Int
        /// The vertex-diameter bound used for the sample size.
        public let vertexDiameterBound: Int
    }

    /// The universal constant of the ε-sample bound (Löffler and Phillips, as Riondato–Kornaropoulos use).
    static let c = 0.5

    /// The sample size for a guarantee ε (in the b(v) normalization) at confidence 1 − δ.
    public static func sampleSize(epsilon: Double, delta: Double, vertexDiameterBound vd: Int) -> Int {
        let log = vd > 2 ? floor(log2(Double(vd - 2))) : 0
        return Int(ceil(c / (epsilon * epsilon) * (log + 1 + Foundation.log(1 / delta))))
    }

    /// An upper bound on the vertex diameter: per component, 2 · eccentricity + 1 of its first vertex.
    public static func vertexDiameterBound(_ network: AgencyNetwork) -> Int {
        let n = network.nodeCount
        var distance = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var bound = n > 0 ? 1 : 0
        for root in 0..<n where distance[root] < 0 {
            distance[root] = 0
            queue[0] = Int32(root)
            var head = 0, tail = 1, eccentricity: Int32 = 0
            while head < tail {
                let v = Int(queue[head]); head += 1
                eccentricity = max(eccentricity, distance[v])
                for e in network.range(of: v) where distance[Int(network.targets[e])] < 0 {
                    distance[Int(network.targets[e])] = distance[v] + 1
                    queue[tail] = network.targets[e]; tail += 1
                }
                if network.isDirected {
                    for e in network.inRange(of: v) where distance[Int(network.inTargets[e])] < 0 {
                        distance[Int(network.inTargets[e])] = distance[v] + 1
                        queue[tail] = network.inTargets[e]; tail += 1
                    }
                }
            }
            bound = max(bound, 2 * Int(eccentricity) + 1)
        }
        return bound
    }

    /// The most shortest paths an estimate samples (a few minutes on two cores at 1000×): a smaller
    /// ε needs more, and is refused by the command line.
    public static let maximumSamples = 10_000_000

    /// The shortest paths ``estimate(_:epsilon:delta:seed:)`` samples for these bounds.
    public static func requiredSamples(_ network: AgencyNetwork, epsilon: Double, delta: Double) -> Int {
        let n = network.nodeCount
        guard n > 2 else { return 0 }
        return sampleSize(epsilon: epsilon / (Double(n) / Double(n - 2)), delta: delta, vertexDiameterBound: vertexDiameterBound(network))
    }

    /// Estimates unweighted betweenness to within `epsilon` (NetworkX normalization) with probability
    /// at least 1 − `delta`.
    public static func estimate(_ network: AgencyNetwork, epsilon: Double, delta: Double = 0.05, seed: UInt64 = 1) -> Estimate {
        let n = network.nodeCount
        guard n > 2 else { return Estimate(values: [Double](repeating: 0, count: n), epsilon: 0, delta: delta, samples: 0,
                                           vertexDiameterBound: n) }
        let scale = Double(n) / Double(n - 2)            // b(v) → NetworkX normalization
        let vd = vertexDiameterBound(network)
        let r = sampleSize(epsilon: epsilon / scale, delta: delta, vertexDiameterBound: vd)
        let blocks = 64
        let partial = Slots<[Double]>(repeating: [], count: blocks)
        Parallel.forEachBlock(blocks) { block in
            let count = r / blocks + (block < r % blocks ? 1 : 0)
            var sampler = PathSampler(network, seed: seed &* 0x9E3779B97F4A7C15 &+ UInt64(block) &+ 1)
            var sum = [Double](repeating: 0, count: n)
            for _ in 0..<count { sampler.sample(into: &sum) }
            partial.put(sum, at: block)
        }
        var values = [Double](repeating: 0, count: n)
        for block in partial.all { for v in 0..<n { values[v] += block[v] } }
        // Each sampled path adds 1 to its inner vertices; directed or not, a pair (s, t) is ordered.
        let factor = scale / Double(r)
        for v in 0..<n { values[v] *= factor }
        return Estimate(values: values, epsilon: epsilon, delta: delta, samples: r, vertexDiameterBound: vd)
    }
}

/// One worker's bidirectional searches: scratch arrays reused across samples, reset where written.
struct PathSampler {
    let network: AgencyNetwork
    var rng: SplitMix64
    var distS: [Int32], distT: [Int32]
    var sigmaS: [Double], sigmaT: [Double]
    var touched: [Int32] = []
    var frontierS: [Int32] = [], frontierT: [Int32] = [], next: [Int32] = []

    init(_ network: AgencyNetwork, seed: UInt64) {
        self.network = network
        rng = SplitMix64(seed: seed)
        let n = network.nodeCount
        distS = [Int32](repeating: -1, count: n); distT = distS
        sigmaS = [Double](repeating: 0, count: n); sigmaT = sigmaS
    }

    /// Forward neighbours (out-links) or backward ones (in-links, the t side of a directed network).
    @inline(__always) func neighbours(_ v: Int, forward: Bool) -> (targets: [Int32], range: Range<Int>) {
        forward || !network.isDirected ? (network.targets, network.range(of: v)) : (network.inTargets, network.inRange(of: v))
    }

    /// Draws one pair and one of its shortest paths uniformly, adding 1 to every inner vertex.
    mutating func sample(into sum: inout [Double]) {
        let n = network.nodeCount
        let s = rng.below(n)
        var t = rng.below(n - 1)
        if t >= s { t += 1 }
        defer {
            for v in touched { distS[Int(v)] = -1; distT[Int(v)] = -1; sigmaS[Int(v)] = 0; sigmaT[Int(v)] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        distS[s] = 0; sigmaS[s] = 1; distT[t] = 0; sigmaT[t] = 1
        touched.append(Int32(s)); touched.append(Int32(t))
        frontierS = [Int32(s)]; frontierT = [Int32(t)]
        var levels: (s: Int32, t: Int32) = (0, 0)
        var meeting: [Int32] = []
        while meeting.isEmpty {
            if frontierS.isEmpty || frontierT.isEmpty { return }     // no path: nothing to add
            meeting = growCheaperSide(&levels)
        }
        // Draw the meeting vertex in proportion to σ_s(w) σ_t(w), then walk back to both ends.
        var total = 0.0
        for w in meeting { total += sigmaS[Int(w)] * sigmaT[Int(w)] }
        var pick = rng.unit() * total
        var middle = Int(meeting.last!)
        for w in meeting {
            pick -= sigmaS[Int(w)] * sigmaT[Int(w)]
            if pick < 0 { middle = Int(w); break }
        }
        if middle != s && middle != t { sum[middle] += 1 }
        for towardS in [true, false] { walkBack(from: middle, towardS: towardS, into: &sum) }
    }

    /// Grows the side whose frontier has fewer links by one layer (σ added along), and returns the
    /// new layer's vertices the other side has reached: they lie on shortest paths.
    private mutating func growCheaperSide(_ levels: inout (s: Int32, t: Int32)) -> [Int32] {
        func degreeSum(_ f: [Int32], forward: Bool) -> Int { f.reduce(0) { $0 + neighbours(Int($1), forward: forward).range.count } }
        let forward = degreeSum(frontierS, forward: true) <= degreeSum(frontierT, forward: false)
        next.removeAll(keepingCapacity: true)
        let level = (forward ? levels.s : levels.t) + 1
        for v32 in forward ? frontierS : frontierT {
            let v = Int(v32)
            let (targets, range) = neighbours(v, forward: forward)
            for e in range {
                let w = Int(targets[e])
                if forward {
                    if distS[w] < 0 {
                        distS[w] = level
                        if distT[w] < 0 { touched.append(Int32(w)) }
                        next.append(Int32(w))
                    }
                    if distS[w] == level { sigmaS[w] += sigmaS[v] }
                } else {
                    if distT[w] < 0 {
                        distT[w] = level
                        if distS[w] < 0 { touched.append(Int32(w)) }
                        next.append(Int32(w))
                    }
                    if distT[w] == level { sigmaT[w] += sigmaT[v] }
                }
            }
        }
        let meeting = next.filter { (forward ? distT[Int($0)] : distS[Int($0)]) >= 0 }
        if forward { levels.s = level; frontierS = next } else { levels.t = level; frontierT = next }
        return meeting
    }

    /// Walks from `middle` back to s (or t), each step to a predecessor drawn in proportion to its σ,
    /// adding 1 to every inner vertex passed.
    private mutating func walkBack(from middle: Int, towardS: Bool, into sum: inout [Double]) {
        var current = middle
        while true {
            let d = towardS ? distS[current] : distT[current]
            if d <= 1 { break }
            // Predecessors toward s are in-neighbours with distance d − 1 from s (out-neighbours toward t).
            let (targets, range) = neighbours(current, forward: !towardS)
            var weight = 0.0
            for e in range {
                let p = Int(targets[e])
                if (towardS ? distS[p] : distT[p]) == d - 1 { weight += towardS ? sigmaS[p] : sigmaT[p] }
            }
            var draw = rng.unit() * weight
            var chosen = -1
            for e in range {
                let p = Int(targets[e])
                guard (towardS ? distS[p] : distT[p]) == d - 1 else { continue }
                chosen = p
                draw -= towardS ? sigmaS[p] : sigmaT[p]
                if draw < 0 { break }
            }
            current = chosen
            sum[current] += 1
        }
    }
}
