import RespGraphModel

/// A one-mode agency network derived from the agency–task graph, frozen into compressed sparse rows.
///
/// Nodes are the selected agencies, numbered 0..<n in graph order (``agencies`` maps a node to its
/// ``AgencyID``). The neighbours of node `v` are `targets[offsets[v] ..< offsets[v + 1]]`, sorted,
/// with `weights` parallel to them; a directed network also keeps the reverse adjacency
/// (`inOffsets`, `inTargets`, `inWeights`). An undirected network stores each link in both rows.
public struct AgencyNetwork: Sendable {
    /// Which network this is.
    public enum Kind: String, Sendable {
        /// Agencies linked when they share a task; undirected.
        case coAssignment = "coassign"
        /// Each lead → each supporting agency of the same task; directed.
        case dependency = "dependency"
    }

    /// How co-assignment links are weighted.
    public enum Weighting: String, Sendable {
        /// The number of shared tasks.
        case sharedTasks = "shared-tasks"
        /// Newman's collaboration weighting: each task of k agencies adds 1/(k−1) to each of its links.
        case newman = "newman"
    }

    /// Which agencies enter a network.
    public struct Selection: Sendable {
        /// Keep collective placeholders (各市、县人民政府 and the like); left out by default.
        public var includeCollectives: Bool
        /// Only these kinds (empty: all).
        public var kinds: Set<AgencyKind>

        /// Collectives left out, every kind.
        public static let standard = Selection(includeCollectives: false, kinds: [])

        /// Creates a selection.
        public init(includeCollectives: Bool, kinds: Set<AgencyKind>) {
            self.includeCollectives = includeCollectives
            self.kinds = kinds
        }

        /// Whether an agency enters the network.
        public func admits(_ agency: Agency) -> Bool {
            (includeCollectives || agency.kind != .collective || kinds.contains(.collective))
                && (kinds.isEmpty || kinds.contains(agency.kind))
        }
    }

    /// Which network.
    public let kind: Kind
    /// Whether links have a direction.
    public var isDirected: Bool { kind == .dependency }
    /// The graph agency of each node.
    public let agencies: [AgencyID]
    /// Row offsets; `nodeCount + 1` entries.
    public let offsets: [Int32]
    /// Neighbour of each stored link, sorted within a row.
    public let targets: [Int32]
    /// Weight of each stored link.
    public let weights: [Double]
    /// Reverse-row offsets (directed only; equal to ``offsets`` when undirected).
    public let inOffsets: [Int32]
    /// Reverse neighbours (directed only).
    public let inTargets: [Int32]
    /// Reverse weights (directed only).
    public let inWeights: [Double]

    /// The number of nodes.
    public var nodeCount: Int { agencies.count }
    /// The number of links (an undirected link counted once).
    public var linkCount: Int { isDirected ? targets.count : targets.count / 2 }

    /// The stored-link range of node `v`.
    @inlinable public func range(of v: Int) -> Range<Int> { Int(offsets[v])..<Int(offsets[v + 1]) }
    /// The reverse-link range of node `v`.
    @inlinable public func inRange(of v: Int) -> Range<Int> { Int(inOffsets[v])..<Int(inOffsets[v + 1]) }
    /// Out-degree (undirected: degree) of node `v`.
    @inlinable public func degree(of v: Int) -> Int { Int(offsets[v + 1] - offsets[v]) }

    /// The same network without some stored links (indices into `targets`); an undirected link goes
    /// when either of its two stored directions is named.
    ///
    /// - Complexity: O(n + m) plus sorting the rows again.
    func without(links removed: [Int32]) -> AgencyNetwork {
        var gone = [Bool](repeating: false, count: targets.count)
        for e in removed { gone[Int(e)] = true }
        var kept: [(Int32, Int32, Double)] = []
        if isDirected {
            for v in 0..<nodeCount { for e in range(of: v) where !gone[e] { kept.append((Int32(v), targets[e], weights[e])) } }
        } else {
            // Each undirected link is stored twice, once per row; it goes when either copy is named.
            var goneLinks = Set<Int64>()
            for v in 0..<nodeCount {
                for e in range(of: v) where gone[e] {
                    let w = Int(targets[e])
                    goneLinks.insert(Int64(min(v, w)) << 32 | Int64(max(v, w)))
                }
            }
            for v in 0..<nodeCount {
                for e in range(of: v) where Int(targets[e]) > v && !goneLinks.contains(Int64(v) << 32 | Int64(targets[e])) {
                    kept.append((Int32(v), targets[e], weights[e]))
                }
            }
        }
        return AgencyNetwork(kind: kind, agencies: agencies, links: kept)
    }

    /// Creates a network from links, merging parallel links by adding their weights.
    ///
    /// - Complexity: O(n + m log m) for m links.
    public init(kind: Kind, agencies: [AgencyID], links: [(Int32, Int32, Double)]) {
        self.kind = kind
        self.agencies = agencies
        let n = agencies.count
        // Bucket the pairs by source (counting sort), sort each row by target, add up duplicates.
        func freeze(_ pairs: [(Int32, Int32, Double)]) -> ([Int32], [Int32], [Double]) {
            var start = [Int32](repeating: 0, count: n + 1)
            for (s, _, _) in pairs { start[Int(s) + 1] += 1 }
            for i in 0..<n { start[i + 1] += start[i] }
            var fill = Array(start.dropLast())
            var bucketTargets = [Int32](repeating: 0, count: pairs.count)
            var bucketWeights = [Double](repeating: 0, count: pairs.count)
            for (s, t, w) in pairs {
                let slot = Int(fill[Int(s)])
                bucketTargets[slot] = t
                bucketWeights[slot] = w
                fill[Int(s)] += 1
            }
            var offsets = [Int32](repeating: 0, count: n + 1)
            var targets: [Int32] = [], weights: [Double] = []
            targets.reserveCapacity(pairs.count)
            weights.reserveCapacity(pairs.count)
            var row: [(Int32, Double)] = []
            for v in 0..<n {
                row.removeAll(keepingCapacity: true)
                for k in Int(start[v])..<Int(start[v + 1]) { row.append((bucketTargets[k], bucketWeights[k])) }
                row.sort { $0.0 < $1.0 }
                var last: Int32 = -1
                for (t, w) in row {
                    if t == last { weights[weights.count - 1] += w } else { targets.append(t); weights.append(w); last = t }
                }
                offsets[v + 1] = Int32(targets.count)
            }
            return (offsets, targets, weights)
        }
        if kind == .dependency {
            (offsets, targets, weights) = freeze(links)
            (inOffsets, inTargets, inWeights) = freeze(links.map { ($0.1, $0.0, $0.2) })
        } else {
            (offsets, targets, weights) = freeze(links.flatMap { [($0.0, $0.1, $0.2), ($0.1, $0.0, $0.2)] })
            inOffsets = offsets
            inTargets = targets
            inWeights = weights
        }
    }

    /// The co-assignment network: agencies linked when they share a task, in either role.
    ///
    /// - Definition: w(a, b) = |{t : a, b both named by t}|, or with Newman's weighting
    ///   Σ_t 1/(k_t − 1) over the shared tasks, k_t the number of selected agencies of task t.
    /// - Complexity: O(Σ_t k_t²) to enumerate pairs, plus sorting them.
    /// - Reference: M. E. J. Newman, Phys. Rev. E 64, 016132 (2001), for the collaboration weighting.
    public static func coAssignment(_ graph: ResponsibilityGraph, selection: Selection = .standard,
                                    weighting: Weighting = .sharedTasks) -> AgencyNetwork {
        let (nodes, index) = select(graph, selection)
        var links: [(Int32, Int32, Double)] = []
        var members: [Int32] = []
        for t in 0..<graph.tasks.count {
            members.removeAll(keepingCapacity: true)
            for e in Int(graph.taskOffsets[t])..<Int(graph.taskOffsets[t + 1]) {
                let v = index[Int(graph.taskAgencies[e])]
                if v >= 0, !members.contains(v) { members.append(v) }
            }
            let k = members.count
            guard k > 1 else { continue }
            let w = weighting == .newman ? 1.0 / Double(k - 1) : 1.0
            for i in 0..<k { for j in (i + 1)..<k { links.append((min(members[i], members[j]), max(members[i], members[j]), w)) } }
        }
        return AgencyNetwork(kind: .coAssignment, agencies: nodes, links: links)
    }

    /// The dependency network: each lead → each supporting agency of the same task.
    ///
    /// - Definition: w(a → b) = |{t : a leads t, b supports t}|; an agency named both lead and support
    ///   of a task adds no self-link.
    /// - Complexity: O(Σ_t leads_t · supporters_t) plus sorting.
    public static func dependency(_ graph: ResponsibilityGraph, selection: Selection = .standard) -> AgencyNetwork {
        let (nodes, index) = select(graph, selection)
        var links: [(Int32, Int32, Double)] = []
        var leads: [Int32] = [], supporters: [Int32] = []
        for t in 0..<graph.tasks.count {
            leads.removeAll(keepingCapacity: true)
            supporters.removeAll(keepingCapacity: true)
            for e in Int(graph.taskOffsets[t])..<Int(graph.taskOffsets[t + 1]) {
                let v = index[Int(graph.taskAgencies[e])]
                guard v >= 0 else { continue }
                if graph.taskRoles[e] == .lead {
                    if !leads.contains(v) { leads.append(v) }
                } else if !supporters.contains(v) {
                    supporters.append(v)
                }
            }
            for a in leads { for b in supporters where a != b { links.append((a, b, 1)) } }
        }
        return AgencyNetwork(kind: .dependency, agencies: nodes, links: links)
    }

    /// The selected agencies (those named by at least one task) and the map from graph index to node.
    static func select(_ graph: ResponsibilityGraph, _ selection: Selection) -> ([AgencyID], [Int32]) {
        var index = [Int32](repeating: -1, count: graph.agencies.count)
        var nodes: [AgencyID] = []
        for a in 0..<graph.agencies.count where selection.admits(graph.agencies[a]) && graph.agencyOffsets[a + 1] > graph.agencyOffsets[a] {
            index[a] = Int32(nodes.count)
            nodes.append(AgencyID(a))
        }
        return (nodes, index)
    }

    /// The weight of the link u–v (u → v when directed), or 0.
    public func weight(_ u: Int, _ v: Int) -> Double {
        let r = range(of: u)
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if targets[mid] < Int32(v) { lo = mid + 1 } else { hi = mid }
        }
        return lo < r.upperBound && targets[lo] == Int32(v) ? weights[lo] : 0
    }

    /// The same network with every link as undirected (directed links merged, weights added); the
    /// form structural-hole measures and components use for a directed network.
    public func undirected() -> AgencyNetwork {
        if !isDirected { return self }
        var links: [(Int32, Int32, Double)] = []
        for u in 0..<nodeCount { for e in range(of: u) { links.append((Int32(u), targets[e], weights[e])) } }
        let merged = AgencyNetwork(kind: .coAssignment, agencies: agencies, links: links)
        return merged
    }

    /// A copy with every weight replaced: `transform(w)`; used to turn strengths into distances.
    public func mapWeights(_ transform: (Double) -> Double) -> AgencyNetwork {
        AgencyNetwork(kind: kind, agencies: agencies, offsets: offsets, targets: targets, weights: weights.map(transform),
                      inOffsets: inOffsets, inTargets: inTargets, inWeights: inWeights.map(transform))
    }

    private init(kind: Kind, agencies: [AgencyID], offsets: [Int32], targets: [Int32], weights: [Double],
                 inOffsets: [Int32], inTargets: [Int32], inWeights: [Double]) {
        self.kind = kind
        self.agencies = agencies
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.inOffsets = inOffsets
        self.inTargets = inTargets
        self.inWeights = inWeights
    }
}
