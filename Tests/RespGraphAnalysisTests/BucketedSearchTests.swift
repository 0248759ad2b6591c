@testable import RespGraphAnalysis
import RespGraphModel
import Testing

/// A random network of n nodes with a few hubs: `perNode` × n draws of a link, a third of them
/// ending among the first n / `hubDivisor` nodes; a link is kept when its ends differ and `keep`
/// allows it, with the weight `weight` draws.
func randomHubNetwork(n: Int, directed: Bool, seed: UInt64, perNode: Int, hubDivisor: Int,
                      keep: (Int32, Int32) -> Bool = { _, _ in true }, weight: (inout SplitMix64) -> Double) -> AgencyNetwork {
    var rng = SplitMix64(seed: seed)
    var links: [(Int32, Int32, Double)] = []
    for _ in 0..<(n * perNode) {
        let a = Int32(rng.below(n)), b = Int32(rng.below(n / (rng.below(3) == 0 ? hubDivisor : 1)))
        if a != b, keep(a, b) { links.append((a, b, weight(&rng))) }
    }
    return AgencyNetwork(kind: directed ? .dependency : .coAssignment, agencies: (0..<n).map { AgencyID($0) }, links: links)
}

/// Two kernels' betweenness equal node by node, to a relative 1e-9.
func expectSameValues(_ expected: [Double], _ actual: [Double], _ what: String) {
    #expect(expected.count == actual.count)
    for v in expected.indices where v < actual.count {
        #expect(abs(expected[v] - actual[v]) <= 1e-9 * max(1, expected[v]), "\(what) node \(v): \(expected[v]) vs \(actual[v])")
    }
}

/// The bucketed weighted search gives the heap's betweenness, near-ties included.
@Suite struct BucketedSearchTests {
    /// Random networks with a few hubs, whose weights make lengths 1/w (1/3 + 1/3 + 1/3 against 1).
    @Test(arguments: [(120, false, UInt64(1)), (120, true, 2), (300, false, 3), (200, true, 4)])
    func bucketsGiveTheHeapsBetweenness(n: Int, directed: Bool, seed: UInt64) {
        let net = randomHubNetwork(n: n, directed: directed, seed: seed, perNode: 4, hubDivisor: 8) { rng in
            Double(1 + rng.below(rng.below(4) == 0 ? 12 : 3))
        }
        for metric in [PathMetric.strength, .distance] {
            let heap = BetweennessCentrality.computeInPlace(net, metric: metric, normalized: false, tieTolerance: PathTieRule.relativeTolerance,
                                                            allowingBuckets: false)
            let buckets = BetweennessCentrality.computeInPlace(net, metric: metric, normalized: false, tieTolerance: PathTieRule.relativeTolerance)
            #expect(heap.contains { $0 > 0 })
            expectSameValues(heap, buckets, "\(metric)")
        }
    }

    @Test func lengthsOfTooWideARangeUseTheHeap() {
        let lengths: [Double] = [1e-6, 1, 100]
        let offsets: [Int32] = [0, 3], targets: [Int32] = [0, 0, 0]
        offsets.withUnsafeBufferPointer { o in targets.withUnsafeBufferPointer { t in lengths.withUnsafeBufferPointer { l in
            #expect(AdjacencyView(offsets: o, targets: t, lengths: l).bucketWidth == nil)
            let narrow = [0.5, 1.0, 0.25]
            narrow.withUnsafeBufferPointer { l2 in
                let view = AdjacencyView(offsets: o, targets: t, lengths: l2)
                #expect(view.bucketWidth == 0.125)
                #expect(view.bucketCount == 11)
            }
        } } }
    }
}

/// The direction-optimizing search gives the plain breadth-first search's betweenness.
@Suite struct DirectionOptimizingSearchTests {
    /// Random networks with hubs and several components, directed and undirected.
    @Test(arguments: [(150, false, UInt64(1)), (150, true, 2), (400, false, 3), (300, true, 4), (60, false, 5)])
    func directionOptimizingGivesThePlainSearchsBetweenness(n: Int, directed: Bool, seed: UInt64) {
        // The last tenth of the nodes apart: a second component.
        let net = randomHubNetwork(n: n, directed: directed, seed: seed, perNode: 5, hubDivisor: 10,
                                   keep: { a, b in (a < Int32(n * 9 / 10)) == (b < Int32(n * 9 / 10)) }) { _ in 1 }
        let plain = BetweennessCentrality.computeInPlace(net, metric: .unweighted, normalized: false, tieTolerance: 0, directionOptimizing: false)
        let optimized = BetweennessCentrality.computeInPlace(net, metric: .unweighted, normalized: false, tieTolerance: 0)
        #expect(plain.contains { $0 > 0 })
        expectSameValues(plain, optimized, "unweighted")
    }
}

/// Leaving out the links a shorter path bypasses changes no betweenness.
@Suite struct BypassedLinkTests {
    @Test(arguments: [(200, false, UInt64(1)), (200, true, 2), (500, false, 3), (300, true, 4), (80, false, 5)])
    func bypassedLinksChangeNoBetweenness(n: Int, directed: Bool, seed: UInt64) {
        let net = randomHubNetwork(n: n, directed: directed, seed: seed, perNode: 6, hubDivisor: 10) { rng in
            Double(1 + rng.below(rng.below(4) == 0 ? 9 : 2))
        }
        for metric in [PathMetric.strength, .distance] {
            let whole = BetweennessCentrality.computeInPlace(net, metric: metric, normalized: false, tieTolerance: PathTieRule.relativeTolerance,
                                                             pruning: false)
            let pruned = BetweennessCentrality.computeInPlace(net, metric: metric, normalized: false, tieTolerance: PathTieRule.relativeTolerance)
            #expect(whole.contains { $0 > 0 })
            expectSameValues(whole, pruned, "\(metric)")
        }
        // The rounds above did leave links out: such networks have links a shorter path bypasses.
        let lengths = PathMetric.strength.lengths(net)!.out
        let round = BetweennessCentrality.sumsInBlocks(net, lengths: lengths, sources: Array(0..<n), tieTolerance: PathTieRule.relativeTolerance,
                                                       allowingBuckets: true, directionOptimizing: true, notingBypassedLinks: true)
        #expect(!round.bypassed.isEmpty)
    }
}
