import RespGraphModel
/// Burt's structural-hole measures for each agency: effective size, efficiency, constraint, hierarchy.
///
/// - Definition: with mutual weights a(i,j) = w(i→j) + w(j→i) and proportions
///   p(i,j) = a(i,j) / Σ_k a(i,k) over i's contacts N(i):
///   - effective size E(i) = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i)} p(i,q) · m(j,q)), with m(j,q) = a(j,q) / max_k a(j,k);
///     on an unweighted undirected network this is Borgatti's n − 2t/n;
///   - efficiency E(i)/|N(i)|;
///   - local constraint c(i,j) = (p(i,j) + Σ_{q ∈ N(i)} p(i,q) p(q,j))², and constraint C(i) = Σ_j c(i,j);
///   - hierarchy H(i) = Σ_j r_j ln r_j / (N ln N), r_j = c(i,j)/(C(i)/N), N = |N(i)|: 0 when the
///     constraint is spread evenly over the contacts, 1 when one contact holds it all; 0 for a single
///     contact, where N ln N = 0.
///   An agency without contacts gets NaN (NetworkX's convention), shown as "–".
/// - Complexity: O(Σ_i deg(i)² log d) with binary-searched weight lookups.
/// - Reference: R. S. Burt, Structural Holes, Harvard University Press, 1992, ch. 2; S. P. Borgatti,
///   "Structural holes: unpacking Burt's redundancy measures", Connections 20(1):35–38, 1997.
/// - Cross-check: NetworkX `effective_size` and `constraint` (within 1e-9); hierarchy and efficiency,
///   which NetworkX lacks, against hand-worked cases.
public enum StructuralHoles {
    /// The four measures of each node.
    public struct Measures: Sendable {
        /// Effective size.
        public var effectiveSize: [Double]
        /// Effective size per contact.
        public var efficiency: [Double]
        /// Aggregate constraint.
        public var constraint: [Double]
        /// Burt's hierarchy.
        public var hierarchy: [Double]
    }

    /// Computes the measures; `weighted` false treats every link as weight 1. Nodes are processed in
    /// parallel blocks; each node's values come from one computation, so thread count never changes them.
    ///
    /// - Complexity: O(Σ_j deg(j)²): for each node i and contact j, j's contacts are scanned against a
    ///   dense scratch row of i's mutual weights.
    public static func compute(_ network: AgencyNetwork, weighted: Bool = false) -> Measures {
        let n = network.nodeCount
        let ties = MutualTies(network, weighted: weighted)
        let blocks = min(64, max(1, n))
        let partial = Slots<[Double]>(repeating: [], count: blocks)
        Parallel.forEachBlock(blocks) { block in
            var scratch = [Double](repeating: 0, count: n)   // a(i, ·) for the current i
            var out: [Double] = []
            for i in stride(from: block, to: n, by: blocks) { out += ties.measures(of: i, scratch: &scratch) }
            partial.put(out, at: block)
        }
        var result = Measures(effectiveSize: Array(repeating: 0, count: n), efficiency: Array(repeating: 0, count: n),
                              constraint: Array(repeating: 0, count: n), hierarchy: Array(repeating: 0, count: n))
        for (block, values) in partial.all.enumerated() {
            for k in 0..<(values.count / 4) {
                let i = block + k * blocks
                result.effectiveSize[i] = values[4 * k]
                result.efficiency[i] = values[4 * k + 1]
                result.constraint[i] = values[4 * k + 2]
                result.hierarchy[i] = values[4 * k + 3]
            }
        }
        return result
    }

    /// Mutual weights a(i,j) = w(i→j) + w(j→i) as symmetric CSR rows, with each node's total and
    /// largest mutual weight.
    struct MutualTies: Sendable {
        let offsets: [Int32], targets: [Int32], weights: [Double]
        let total: [Double], maximum: [Double]

        init(_ network: AgencyNetwork, weighted: Bool) {
            let n = network.nodeCount
            var links: [(Int32, Int32, Double)] = []
            for i in 0..<n {
                for e in network.range(of: i) where Int(network.targets[e]) != i {
                    links.append((Int32(i), network.targets[e], weighted ? network.weights[e] : 1))
                }
            }
            let mutual = AgencyNetwork(kind: .coAssignment, agencies: network.agencies,
                                       links: network.isDirected ? links : links.filter { $0.0 < $0.1 })
            offsets = mutual.offsets
            targets = mutual.targets
            // Undirected input stores each link once per direction, so a(i,j) = 2w there; the factor
            // cancels in every proportion, but keep it for fidelity with the definition.
            weights = network.isDirected ? mutual.weights : mutual.weights.map { $0 * 2 }
            var totals = [Double](repeating: 0, count: n), maxima = [Double](repeating: 0, count: n)
            for i in 0..<n {
                for e in Int(offsets[i])..<Int(offsets[i + 1]) { totals[i] += weights[e]; maxima[i] = max(maxima[i], weights[e]) }
            }
            total = totals
            maximum = maxima
        }

        /// Effective size, efficiency, constraint and hierarchy of node `i` (NaN for each without
        /// contacts); `scratch` is all zeros before and after.
        func measures(of i: Int, scratch: inout [Double]) -> [Double] {
            let row = Int(offsets[i])..<Int(offsets[i + 1])
            if row.isEmpty { return [.nan, .nan, .nan, .nan] }
            for e in row { scratch[Int(targets[e])] = weights[e] }
            var effective = 0.0
            var local: [Double] = []
            local.reserveCapacity(row.count)
            for e in row {
                let j = Int(targets[e])
                var redundancy = 0.0, indirect = 0.0
                for f in Int(offsets[j])..<Int(offsets[j + 1]) {
                    let q = Int(targets[f])
                    let aiq = scratch[q]
                    if aiq == 0 || q == i { continue }
                    let piq = aiq / total[i]
                    if maximum[j] > 0 { redundancy += piq * weights[f] / maximum[j] }
                    indirect += piq * weights[f] / total[q]
                }
                effective += 1 - redundancy
                let c = weights[e] / total[i] + indirect
                local.append(c * c)
            }
            for e in row { scratch[Int(targets[e])] = 0 }
            let C = local.reduce(0, +)
            let count = Double(row.count)
            var h = 0.0
            if row.count > 1, C > 0 {
                for c in local where c > 0 {
                    let r = c / (C / count)
                    h += r * Foundation.log(r)
                }
                h /= count * Foundation.log(count)
            }
            return [effective, effective / count, C, h]
        }
    }
}

import Dispatch
import Foundation
