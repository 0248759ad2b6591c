import RespGraphModel

/// An agency's ego network in the agency–task graph: the agencies within some hops of it through
/// shared tasks, and the tasks that link them.
///
/// - Definition: hop 0 is the centre; hop k + 1 holds every agency named by a task (in scope) of an
///   agency at hop k and not reached before. `tasks` are the in-scope tasks of agencies at hops
///   0 … depth − 1, so every drawn agency is reached through a drawn task.
/// - Complexity: O(Σ over reached agencies of their task–agency incidences); the search stops as
///   soon as a hop reaches nothing new, however large `depth` is.
public struct EgoNetwork: Sendable {
    /// The centre.
    public let center: AgencyID
    /// The agencies reached, the centre included.
    public let agencies: Set<AgencyID>
    /// The tasks linking them.
    public let tasks: Set<TaskID>
    /// The hops actually taken (less than the depth asked for when the component ran out).
    public let hops: Int

    /// The ego network of `center` up to `depth` hops, through the tasks `inScope` admits, reaching
    /// only agencies `admits` admits (the centre always).
    public init(of center: AgencyID, depth: Int, in graph: ResponsibilityGraph,
                inScope: (TaskID) -> Bool = { _ in true }, admits: (AgencyID) -> Bool = { _ in true }) {
        self.center = center
        var reached: Set<AgencyID> = [center]
        var frontier: [AgencyID] = [center]
        var linking = Set<TaskID>()
        var hops = 0
        while hops < depth && !frontier.isEmpty {
            hops += 1
            var next: [AgencyID] = []
            for a in frontier {
                for t in graph.tasks(of: a) where inScope(t) {
                    linking.insert(t)
                    for b in graph.agencies(of: t) where admits(b) && reached.insert(b).inserted { next.append(b) }
                }
            }
            frontier = next
        }
        agencies = reached
        tasks = linking
        self.hops = hops
    }
}

extension AgencyNetwork {
    /// The network of the given kind built from some tasks only, with node ids of `graph` (not of a
    /// renumbered subgraph), so it can be drawn and measured beside the full network.
    ///
    /// - Complexity: that of building the network on the subgraph, plus O(n) name look-ups.
    public static func restricted(_ kind: Kind, of graph: ResponsibilityGraph, to tasks: Set<TaskID>,
                                  selection: Selection = .standard) -> AgencyNetwork {
        let scoped = graph.filtered(tasks: tasks)
        let network = kind == .dependency ? dependency(scoped, selection: selection) : coAssignment(scoped, selection: selection)
        let links = network.linkList.map { (Int32($0.0), Int32($0.1), $0.2) }
        return AgencyNetwork(kind: kind, agencies: network.agencies.map { graph.agency(named: scoped[$0].name)! }, links: links)
    }

    /// Every link once (an undirected link as low → high), with its weight. O(m).
    public var linkList: [(Int, Int, Double)] {
        var out: [(Int, Int, Double)] = []
        out.reserveCapacity(linkCount)
        for u in 0..<nodeCount {
            for e in range(of: u) where isDirected || Int(targets[e]) > u { out.append((u, Int(targets[e]), weights[e])) }
        }
        return out
    }

    /// The links among some of the nodes at or above a weight threshold, for a diagram, and the
    /// faint ones: for every node none of whose links reaches the threshold, its strongest link, so
    /// a drawing never shows an agency with ties as isolated.
    ///
    /// With `threshold` nil the threshold is chosen: the smallest whole number of tasks at which at
    /// most three links per drawn agency remain. Returns the links as positions in `nodes`, the
    /// threshold used and how many links fell below it (faint ones included).
    /// - Complexity: O(Σ degree of the nodes + distinct weights × links).
    public func diagramLinks(among nodes: [Int], threshold: Double?) -> (links: [(Int, Int, Double)],
                                                                         faint: [(Int, Int, Double)], threshold: Double, dropped: Int) {
        var position = [Int](repeating: -1, count: nodeCount)
        for (i, v) in nodes.enumerated() { position[v] = i }
        var all: [(Int, Int, Double)] = []
        for v in nodes {
            for e in range(of: v) {
                let j = position[Int(targets[e])]
                guard j >= 0, isDirected || position[v] < j else { continue }
                all.append((position[v], j, weights[e]))
            }
        }
        var minimum = threshold ?? 1
        if threshold == nil {
            while all.filter({ $0.2 >= minimum }).count > 3 * max(1, nodes.count) { minimum += 1 }
        }
        let kept = all.filter { $0.2 >= minimum }
        var covered = [Bool](repeating: false, count: nodes.count)
        for (i, j, _) in kept { covered[i] = true; covered[j] = true }
        var strongest = [Int](repeating: -1, count: nodes.count)
        for (k, l) in all.enumerated() where l.2 < minimum {
            for end in [l.0, l.1] where !covered[end] && (strongest[end] < 0 || all[strongest[end]].2 < l.2) { strongest[end] = k }
        }
        let faint = Set(strongest.filter { $0 >= 0 }).sorted().map { all[$0] }
        return (kept, faint, minimum, all.count - kept.count)
    }

    /// The same network with its nodes renumbered in breadth-first order (each component from its
    /// highest-degree node), and each old node's new position. Searches then touch memory that sits
    /// close together. O(n + m log m).
    public func relabelledInBreadthFirstOrder() -> (AgencyNetwork, [Int]) {
        let n = nodeCount
        var position = [Int](repeating: -1, count: n)
        var order: [Int] = []
        order.reserveCapacity(n)
        let roots = (0..<n).sorted { (degree(of: $0), $1) > (degree(of: $1), $0) }
        for root in roots where position[root] < 0 {
            position[root] = order.count
            order.append(root)
            var head = order.count - 1
            while head < order.count {
                let v = order[head]; head += 1
                for e in range(of: v) where position[Int(targets[e])] < 0 {
                    position[Int(targets[e])] = order.count
                    order.append(Int(targets[e]))
                }
                if isDirected {
                    for e in inRange(of: v) where position[Int(inTargets[e])] < 0 {
                        position[Int(inTargets[e])] = order.count
                        order.append(Int(inTargets[e]))
                    }
                }
            }
        }
        let links = linkList.map { (Int32(position[$0.0]), Int32(position[$0.1]), $0.2) }
        return (AgencyNetwork(kind: kind, agencies: order.map { agencies[$0] }, links: links), position)
    }
}
