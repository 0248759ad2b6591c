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

    /// Computes the measures; `weighted` false treats every link as weight 1.
    public static func compute(_ network: AgencyNetwork, weighted: Bool = false) -> Measures {
        let net = network
        let n = net.nodeCount
        // Mutual weights over the union of in- and out-neighbours.
        var contacts = [[Int32]](repeating: [], count: n)
        var mutual = [[Double]](repeating: [], count: n)
        for i in 0..<n {
            var pairs: [(Int32, Double)] = []
            for e in net.range(of: i) { pairs.append((net.targets[e], weighted ? net.weights[e] : 1)) }
            if net.isDirected { for e in net.inRange(of: i) { pairs.append((net.inTargets[e], weighted ? net.inWeights[e] : 1)) } }
            else { pairs = pairs.map { ($0.0, $0.1 * 2) } }
            pairs.sort { $0.0 < $1.0 }
            for (j, w) in pairs where Int(j) != i {
                if let last = contacts[i].last, last == j { mutual[i][mutual[i].count - 1] += w } else {
                    contacts[i].append(j)
                    mutual[i].append(w)
                }
            }
        }
        func a(_ i: Int, _ j: Int32) -> Double {
            let row = contacts[i]
            var lo = 0, hi = row.count
            while lo < hi { let mid = (lo + hi) / 2; if row[mid] < j { lo = mid + 1 } else { hi = mid } }
            return lo < row.count && row[lo] == j ? mutual[i][lo] : 0
        }
        let total = mutual.map { $0.reduce(0, +) }
        let maximum = mutual.map { $0.max() ?? 0 }
        func p(_ i: Int, _ j: Int32) -> Double { total[i] == 0 ? 0 : a(i, j) / total[i] }
        var result = Measures(effectiveSize: [], efficiency: [], constraint: [], hierarchy: [])
        for i in 0..<n {
            let N = contacts[i]
            if N.isEmpty {
                result.effectiveSize.append(.nan); result.efficiency.append(.nan)
                result.constraint.append(.nan); result.hierarchy.append(.nan)
                continue
            }
            var effective = 0.0
            var local: [Double] = []
            for j in N {
                var redundancy = 0.0
                var indirect = 0.0
                for q in N where q != j {
                    let piq = p(i, q)
                    if maximum[Int(j)] > 0 { redundancy += piq * a(Int(j), q) / maximum[Int(j)] }
                    indirect += piq * p(Int(q), j)
                }
                effective += 1 - redundancy
                let c = p(i, j) + indirect
                local.append(c * c)
            }
            let C = local.reduce(0, +)
            var h = 0.0
            let count = Double(N.count)
            if N.count > 1, C > 0 {
                for c in local where c > 0 {
                    let r = c / (C / count)
                    h += r * Foundation.log(r)
                }
                h /= count * Foundation.log(count)
            }
            result.effectiveSize.append(effective)
            result.efficiency.append(effective / count)
            result.constraint.append(C)
            result.hierarchy.append(h)
        }
        return result
    }
}

import Foundation
