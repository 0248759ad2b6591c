import RespGraphModel
import Dispatch

/// Betweenness centrality: the share of shortest paths between other agencies that pass through each.
///
/// - Definition: c(v) = Σ_{s ≠ v ≠ t} σ(s,t | v) / σ(s,t), over ordered pairs; σ(s,t) counts shortest
///   s–t paths and σ(s,t | v) those through v. `normalized` divides by (n−1)(n−2), which for an
///   undirected network equals counting each pair once and dividing by (n−1)(n−2)/2; otherwise an
///   undirected network's sum is halved. These are NetworkX's conventions.
/// - Weighted: link lengths come from the ``PathMetric``; ties follow ``PathTieRule``.
/// - Complexity: O(n·m) unweighted, O(n·m log n) weighted; n agencies, m links. The per-source loop
///   runs on all cores over a fixed partition of the sources, and partial sums are added in a fixed
///   order, so results are identical whatever the thread count.
/// - Reference: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2):
///   163–177, 2001. doi:10.1080/0022250X.2001.9990249
/// - Cross-check: NetworkX `betweenness_centrality(G, normalized=True, weight=…)`, within 1e-9.
///
/// Worked by hand: on the path a–b–c, b lies on the one shortest path between a and c, so its
/// normalized betweenness is 2/((3−1)(3−2)) = 1 and a and c have 0. The centre of a star with k
/// leaves lies on all k(k−1)/2 leaf pairs: normalized 1.
public enum BetweennessCentrality {
    /// The number of blocks the sources are split into; fixed so sums never depend on thread count.
    static let blockCount = 64

    /// Betweenness of every node of a network.
    ///
    /// - Parameters:
    ///   - sources: the sources to run from (default: all); with a sample, the sum is scaled by n/k.
    ///   - tieTolerance: the relative tolerance of ``PathTieRule``; 0 compares path lengths exactly.
    public static func compute(_ network: AgencyNetwork, metric: PathMetric = .unweighted, normalized: Bool = true,
                               sources: [Int]? = nil, tieTolerance: Double = PathTieRule.relativeTolerance) -> [Double] {
        let n = network.nodeCount
        if n == 0 { return [] }
        let lengths = metric.lengths(network)?.out
        let sourceList = sources ?? Array(0..<n)
        let blocks = min(blockCount, max(1, sourceList.count))
        let partial = BlockResults(count: blocks)
        Parallel.forEachBlock(blocks) { block in
            let mine = stride(from: block, to: sourceList.count, by: blocks).map { sourceList[$0] }
            let sum = lengths == nil
                ? unweightedSums(network, sources: mine)
                : weightedSums(network, lengths: lengths!, sources: mine, tieTolerance: tieTolerance)
            partial.store(sum, at: block)
        }
        var total = [Double](repeating: 0, count: n)
        for block in partial.values { for v in 0..<n { total[v] += block[v] } }
        var scale: Double? = nil
        if normalized { if n > 2 { scale = 1 / Double((n - 1) * (n - 2)) } } else if !network.isDirected { scale = 0.5 }
        // A sample of k sources estimates the full sum by scaling with n/k.
        let factor = (scale ?? 1) * Double(n) / Double(sourceList.count)
        if factor != 1 { for v in 0..<n { total[v] *= factor } }
        return total
    }
}

extension BetweennessCentrality {
    /// The start of each node's predecessor slots: a node's predecessors lie among its in-neighbours,
    /// so its in-degree bounds their number (prefix sums of in-degrees, n + 1 entries).
    static func predecessorSlots(_ n: Int, _ targets: [Int32]) -> [Int32] {
        var start = [Int32](repeating: 0, count: n + 1)
        for t in targets { start[Int(t) + 1] += 1 }
        for i in 0..<n { start[i + 1] += start[i] }
        return start
    }

    /// Brandes' dependency accumulation over one search: nodes in reverse settling order push
    /// δ(v) += σ(v)/σ(w) · (1 + δ(w)) to their predecessors, then add δ(w) to the running sums. The
    /// source, first in `order`, is skipped.
    @inline(__always)
    static func accumulate(settled: Int, order: UnsafeMutableBufferPointer<Int32>, sigma: UnsafeMutableBufferPointer<Double>,
                           delta: UnsafeMutableBufferPointer<Double>, predStart: UnsafeBufferPointer<Int32>,
                           predCount: UnsafeMutableBufferPointer<Int32>, preds: UnsafeMutableBufferPointer<Int32>,
                           sum: UnsafeMutableBufferPointer<Double>) {
        var k = settled - 1
        while k > 0 {
            let w = Int(order[k])
            let coefficient = (1 + delta[w]) / sigma[w]
            let start = Int(predStart[w])
            for p in start..<(start + Int(predCount[w])) {
                let v = Int(preds[p])
                delta[v] += sigma[v] * coefficient
            }
            sum[w] += delta[w]
            k -= 1
        }
    }

    /// Brandes' accumulation for some sources by breadth-first search, on raw buffers: distances as
    /// Int32, a predecessor DAG in per-node slots (a node's in-degree bounds its predecessors), and
    /// scratch arrays reset only where the previous search wrote.
    static func unweightedSums(_ network: AgencyNetwork, sources: [Int]) -> [Double] {
        let n = network.nodeCount
        var sum = [Double](repeating: 0, count: n)
        var distance = [Int32](repeating: -1, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var delta = [Double](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        var predecessorCount = [Int32](repeating: 0, count: n)
        let predecessorStart = predecessorSlots(n, network.targets)
        var predecessors = [Int32](repeating: 0, count: max(1, network.targets.count))
        network.offsets.withUnsafeBufferPointer { offsets in
        network.targets.withUnsafeBufferPointer { targets in
        distance.withUnsafeMutableBufferPointer { distance in
        sigma.withUnsafeMutableBufferPointer { sigma in
        delta.withUnsafeMutableBufferPointer { delta in
        order.withUnsafeMutableBufferPointer { order in
        predecessorCount.withUnsafeMutableBufferPointer { predCount in
        predecessorStart.withUnsafeBufferPointer { predStart in
        predecessors.withUnsafeMutableBufferPointer { preds in
        sum.withUnsafeMutableBufferPointer { sum in
            var reached = 0
            for s in sources {
                for k in 0..<reached {
                    let v = Int(order[k])
                    distance[v] = -1; sigma[v] = 0; delta[v] = 0; predCount[v] = 0
                }
                distance[s] = 0
                sigma[s] = 1
                order[0] = Int32(s)
                reached = 1
                var head = 0
                while head < reached {
                    let v = Int(order[head])
                    head += 1
                    let dv = distance[v] + 1
                    let sv = sigma[v]
                    for e in Int(offsets[v])..<Int(offsets[v + 1]) {
                        let w = Int(targets[e])
                        var dw = distance[w]
                        if dw < 0 {
                            dw = dv
                            distance[w] = dv
                            order[reached] = Int32(w)
                            reached += 1
                        }
                        if dw == dv {
                            sigma[w] += sv
                            preds[Int(predStart[w] + predCount[w])] = Int32(v)
                            predCount[w] += 1
                        }
                    }
                }
                accumulate(settled: reached, order: order, sigma: sigma, delta: delta, predStart: predStart,
                           predCount: predCount, preds: preds, sum: sum)
            }
        } } } } } } } } } }
        return sum
    }

    /// Brandes' accumulation for some sources by Dijkstra (ties by ``PathTieRule``), on raw buffers
    /// with an indexed binary heap (decrease-key, no stale entries).
    static func weightedSums(_ network: AgencyNetwork, lengths: [Double], sources: [Int], tieTolerance: Double) -> [Double] {
        let n = network.nodeCount
        var sum = [Double](repeating: 0, count: n)
        var distance = [Double](repeating: .infinity, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var delta = [Double](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        var touched = [Int32](repeating: 0, count: n)
        var heap = [Int32](repeating: 0, count: n)
        var position = [Int32](repeating: -1, count: n)   // index in heap, −1 when not in it, −2 when settled
        var predecessorCount = [Int32](repeating: 0, count: n)
        let predecessorStart = predecessorSlots(n, network.targets)
        var predecessors = [Int32](repeating: 0, count: max(1, network.targets.count))
        network.offsets.withUnsafeBufferPointer { offsets in
        network.targets.withUnsafeBufferPointer { targets in
        lengths.withUnsafeBufferPointer { lengths in
        distance.withUnsafeMutableBufferPointer { dist in
        sigma.withUnsafeMutableBufferPointer { sigma in
        delta.withUnsafeMutableBufferPointer { delta in
        order.withUnsafeMutableBufferPointer { order in
        touched.withUnsafeMutableBufferPointer { touched in
        heap.withUnsafeMutableBufferPointer { heap in
        position.withUnsafeMutableBufferPointer { pos in
        predecessorCount.withUnsafeMutableBufferPointer { predCount in
        predecessorStart.withUnsafeBufferPointer { predStart in
        predecessors.withUnsafeMutableBufferPointer { preds in
        sum.withUnsafeMutableBufferPointer { sum in
            var touchedCount = 0
            var heapCount = 0
            @inline(__always) func less(_ a: Int32, _ b: Int32) -> Bool {
                let da = dist[Int(a)], db = dist[Int(b)]
                return da < db || (da == db && a < b)
            }
            @inline(__always) func siftUp(_ start: Int) {
                var i = start
                let item = heap[i]
                while i > 0 {
                    let parent = (i - 1) >> 1
                    if !less(item, heap[parent]) { break }
                    heap[i] = heap[parent]; pos[Int(heap[i])] = Int32(i)
                    i = parent
                }
                heap[i] = item; pos[Int(item)] = Int32(i)
            }
            @inline(__always) func siftDown(_ start: Int) {
                var i = start
                let item = heap[i]
                while true {
                    let l = 2 * i + 1
                    if l >= heapCount { break }
                    var m = l
                    if l + 1 < heapCount && less(heap[l + 1], heap[l]) { m = l + 1 }
                    if !less(heap[m], item) { break }
                    heap[i] = heap[m]; pos[Int(heap[i])] = Int32(i)
                    i = m
                }
                heap[i] = item; pos[Int(item)] = Int32(i)
            }
            for s in sources {
                for k in 0..<touchedCount {
                    let v = Int(touched[k])
                    dist[v] = .infinity; sigma[v] = 0; delta[v] = 0; predCount[v] = 0; pos[v] = -1
                }
                touchedCount = 0
                var settledCount = 0
                dist[s] = 0
                sigma[s] = 1
                touched[touchedCount] = Int32(s); touchedCount += 1
                heap[0] = Int32(s); pos[s] = 0; heapCount = 1
                while heapCount > 0 {
                    let v = Int(heap[0])
                    heapCount -= 1
                    if heapCount > 0 { heap[0] = heap[heapCount]; pos[Int(heap[0])] = 0; siftDown(0) }
                    pos[v] = -2
                    order[settledCount] = Int32(v); settledCount += 1
                    let dv = dist[v], sv = sigma[v]
                    for e in Int(offsets[v])..<Int(offsets[v + 1]) {
                        let w = Int(targets[e])
                        let p = pos[w]
                        if p == -2 { continue }
                        let candidate = dv + lengths[e]
                        let dw = dist[w]
                        if dw == .infinity || candidate < dw - tieTolerance * max(candidate, dw) {
                            if dw == .infinity { touched[touchedCount] = Int32(w); touchedCount += 1 }
                            dist[w] = candidate
                            sigma[w] = sv
                            preds[Int(predStart[w])] = Int32(v)
                            predCount[w] = 1
                            if p < 0 { heap[heapCount] = Int32(w); heapCount += 1; siftUp(heapCount - 1) } else { siftUp(Int(p)) }
                        } else if abs(candidate - dw) <= tieTolerance * max(candidate, dw) {
                            sigma[w] += sv
                            preds[Int(predStart[w] + predCount[w])] = Int32(v)
                            predCount[w] += 1
                        }
                    }
                }
                accumulate(settled: settledCount, order: order, sigma: sigma, delta: delta, predStart: predStart,
                           predCount: predCount, preds: preds, sum: sum)
            }
        } } } } } } } } } } } } } }
        return sum
    }
}

extension BetweennessCentrality {
    /// Betweenness estimated from a uniform sample of k sources, with its error bound.
    ///
    /// - Definition: the sum over sampled sources scaled by n/k estimates the full sum without bias.
    ///   Each source adds at most n/(n−1) to a node's scaled, normalized value, so by Hoeffding's
    ///   inequality and a union bound over the n nodes, with probability at least 1 − δ every
    ///   normalized value is within ε = (n/(n−1))·sqrt(ln(2n/δ) / (2k)) of the exact one.
    /// - Complexity: O(k·m) unweighted.
    /// - Reference: U. Brandes, C. Pich, "Centrality estimation in large networks", Int. J. Bifurcation
    ///   and Chaos 17(7):2303–2318, 2007; D. Eppstein, J. Wang, J. Graph Algorithms Appl. 8(1):39–45, 2004.
    public static func sampled(_ network: AgencyNetwork, metric: PathMetric = .unweighted, samples k: Int, seed: UInt64,
                               confidence delta: Double = 0.05) -> (values: [Double], epsilon: Double, sources: Int) {
        let n = network.nodeCount
        if n <= 2 || k >= n { return (compute(network, metric: metric), 0, n) }
        // A seeded partial Fisher–Yates shuffle picks k distinct sources.
        var rng = SplitMix64(seed: seed)
        var pool = Array(0..<n)
        for i in 0..<k { pool.swapAt(i, i + rng.below(n - i)) }
        let sources = Array(pool.prefix(k)).sorted()
        let values = compute(network, metric: metric, normalized: true, sources: sources)
        let range = Double(n) / Double(n - 1)
        let epsilon = range * (Foundation.log(2 * Double(n) / delta) / (2 * Double(k))).squareRoot()
        return (values, epsilon, k)
    }
}

/// Per-block results written by concurrent workers, read once all are done.
final class BlockResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[Double]]

    init(count: Int) { storage = Array(repeating: [], count: count) }

    func store(_ values: [Double], at block: Int) {
        lock.lock()
        storage[block] = values
        lock.unlock()
    }

    /// The blocks in block order.
    var values: [[Double]] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

import Foundation
