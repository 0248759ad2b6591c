import RespGraphModel

/// The rebalancing plan that brings the heaviest weighted load down with the fewest changes.
///
/// - Definition: a *move* hands the lead of one task from one of its leads to one of its
///   supporters; the two swap roles, so the task keeps its agencies and its number of leads.
///   Collective placeholders keep their roles and are not counted; a kept agency (`keep`) keeps
///   every role. With lead weight w_l and support weight w_s (w_l > w_s), an agency named in deg(a)
///   tasks of which it leads x(a) carries w_s·deg(a) + (w_l − w_s)·x(a). The plan first minimises the
///   highest load λ over all agencies, then the number of moves reaching it.
/// - Method: which agencies lead is an assignment of each task's k(t) lead slots to its named
///   agencies. A level λ is reachable iff the bipartite network source → task (capacity k(t)) →
///   named agency (1) → sink (⌊(λ − w_s·deg(a)) / (w_l − w_s)⌋) carries Σ k(t) (max-flow min-cut,
///   Ford–Fulkerson 1956); the lowest λ is found by bisection over the finitely many loads an agency
///   can have, each tested with Dinic's blocking flows (Dinic 1970). The fewest moves at λ is a
///   minimum-cost flow (cost 1 on a supporter's edge, 0 on a lead's), solved by the primal-dual
///   method — Dijkstra's shortest paths on reduced costs, then blocking flows on the edges of reduced
///   cost 0 (Ahuja, Magnanti & Orlin, *Network Flows*, 1993, §9.8); paths of one cost are routed in
///   one phase, so there are as many phases as distinct path costs. Both parts are exact: `optimal` is
///   always true and `lowerBound` is the lowest level any set of moves reaches.
/// - Complexity: O(log C · E·√V) for the level (C candidate levels, E named assignments, V tasks and
///   agencies) and O(P · E·√V) for the moves (P distinct path costs, at most one more than the moves).
public enum Rebalancing {
    /// One move: the lead of `task` passes from `from` to `to`, who swap roles.
    public struct Move: Sendable, Equatable {
        /// The task.
        public var task: TaskID
        /// The agency that leads it today and supports it after.
        public var from: AgencyID
        /// The agency that supports it today and leads it after.
        public var to: AgencyID
    }

    /// What to balance and within which limits.
    public struct Limits: Sendable {
        /// Agencies whose roles stay as they are.
        public var keep: Set<AgencyID> = []
        /// At most this many moves: the lowest level reachable with them.
        public var maxMoves: Int?
        /// The level to reach with the fewest moves, instead of the lowest level.
        public var target: Double?

        /// No limits: the lowest level, with the fewest moves.
        public init(keep: Set<AgencyID> = [], maxMoves: Int? = nil, target: Double? = nil) {
            self.keep = keep
            self.maxMoves = maxMoves
            self.target = target
        }
    }

    /// The plan.
    public struct Plan: Sendable {
        /// The moves, by task.
        public var moves: [Move]
        /// The highest load today and after the moves.
        public var maxLoadBefore: Double, maxLoadAfter: Double
        /// The lowest highest load any set of moves reaches (with no limit on their number).
        public var lowerBound: Double
        /// Whether the plan is proven best: the lowest level within the limits, with the fewest moves.
        public var optimal: Bool
        /// Every agency whose load changes: (agency, before, after), heaviest after first.
        public var changedLoads: [(agency: AgencyID, before: Double, after: Double)]
    }

    /// Why no plan can be made.
    public enum Failure: Error, Equatable, Sendable {
        /// Leading weighs no more than supporting, so moving a lead cannot lower any load.
        case leadNotHeavier
        /// The target is below the lowest level any set of moves reaches.
        case targetUnreachable(lowest: Double)
    }

    /// The rebalancing plan for the tasks of a graph.
    ///
    /// - Throws: ``Failure`` when the weights make leading no heavier than supporting, or the target
    ///   cannot be reached.
    public static func plan(_ graph: ResponsibilityGraph, weights: WorkloadWeights = .standard,
                            limits: Limits = Limits()) throws(Failure) -> Plan {
        guard weights.lead > weights.support else { throw .leadNotHeavier }
        let problem = Problem(graph, weights: weights, keep: limits.keep)
        let before = problem.loads(problem.currentLeads)
        let maxBefore = problem.maxLoad(before)
        let candidates = problem.candidateLevels()
        // The lowest reachable level: the first candidate whose network carries every lead slot.
        let lowest = candidates[firstIndex(candidates.count) { problem.isReachable(candidates[$0]) }]
        var level = lowest
        if let target = limits.target {
            guard target >= lowest - 1e-9 else { throw .targetUnreachable(lowest: lowest) }
            level = max(lowest, min(target, maxBefore))
        } else if let k = limits.maxMoves {
            // The fewest moves never grow with the level: bisect for the lowest level within k moves.
            let reachable = candidates.filter { $0 >= lowest - 1e-9 }
            level = reachable[firstIndex(reachable.count) { problem.fewestMoves(at: reachable[$0]).count <= k }]
        }
        level = min(level, maxBefore)
        let leads = problem.fewestMoves(at: level).leads
        let after = problem.loads(leads)
        var moves: [Move] = []
        for t in 0..<problem.taskCount {
            let was = problem.currentLeads[t].filter { !leads[t].contains($0) }.sorted()
            let now = leads[t].filter { !problem.currentLeads[t].contains($0) }.sorted()
            for (from, to) in zip(was, now) { moves.append(Move(task: TaskID(t), from: AgencyID(from), to: AgencyID(to))) }
        }
        let changed = graph.agencyIDs.filter { abs(before[$0.index] - after[$0.index]) > 1e-9 }
            .map { (agency: $0, before: before[$0.index], after: after[$0.index]) }
            .sorted { ($0.after, $0.before, graph[$1.agency].name) > ($1.after, $1.before, graph[$0.agency].name) }
        return Plan(moves: moves, maxLoadBefore: maxBefore, maxLoadAfter: problem.maxLoad(after), lowerBound: lowest,
                    optimal: true, changedLoads: changed)
    }

    /// The first index in 0..<n where a monotone predicate (false…false true…true) holds; the last
    /// index when it never does.
    static func firstIndex(_ n: Int, _ holds: (Int) -> Bool) -> Int {
        var lo = 0, hi = n - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if holds(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The assignment problem of one graph: per task its free lead slots and the agencies that may
    /// take them, per agency its fixed load and the load of one lead slot.
    struct Problem {
        let taskCount: Int, agencyCount: Int
        /// Per task: the agencies that may lead it (named, not collective, not kept).
        var candidates: [[Int]] = []
        /// Per task: the candidates that lead it today.
        var currentLeads: [Set<Int>] = []
        /// Per agency: the load it carries whatever the plan (supports at w_s, kept or collective roles as they are).
        var base: [Double]
        /// Per agency: whether its load counts (not a collective placeholder).
        var counted: [Bool]
        /// The load one lead slot adds over supporting.
        let step: Double

        init(_ graph: ResponsibilityGraph, weights: WorkloadWeights, keep: Set<AgencyID>) {
            taskCount = graph.tasks.count
            agencyCount = graph.agencies.count
            step = weights.lead - weights.support
            base = Array(repeating: 0, count: agencyCount)
            counted = graph.agencyIDs.map { !graph[$0].isCollective }
            for t in graph.taskIDs {
                let leads = Set(graph.agencies(of: t, role: .lead))
                var free: [Int] = [], leading = Set<Int>()
                for a in graph.agencies(of: t) {
                    let fixed = graph[a].isCollective || keep.contains(a)
                    base[a.index] += fixed && leads.contains(a) ? weights.lead : weights.support
                    if !fixed {
                        free.append(a.index)
                        if leads.contains(a) { leading.insert(a.index) }
                    }
                }
                candidates.append(free)
                currentLeads.append(leading)
            }
        }

        /// Loads under an assignment of lead slots.
        func loads(_ leads: [Set<Int>]) -> [Double] {
            var out = base
            for t in 0..<taskCount { for a in leads[t] { out[a] += step } }
            return out
        }

        /// The highest counted load.
        func maxLoad(_ loads: [Double]) -> Double {
            (0..<agencyCount).filter { counted[$0] }.map { loads[$0] }.max() ?? 0
        }

        /// Every load an agency can have, sorted: the only levels the optimum can take.
        func candidateLevels() -> [Double] {
            var slotsMax = Array(repeating: 0, count: agencyCount)
            for t in 0..<taskCount { for a in candidates[t] { slotsMax[a] += 1 } }
            var levels = Set<Double>()
            for a in 0..<agencyCount where counted[a] {
                for j in 0...slotsMax[a] { levels.insert(((base[a] + Double(j) * step) * 1e6).rounded() / 1e6) }
            }
            return levels.sorted()
        }

        /// How many lead slots an agency may hold at a level (collectives: all they could).
        func capacity(_ a: Int, at level: Double) -> Int {
            guard counted[a] else { return Int.max / 4 }
            let room = (level - base[a]) / step
            return room < -1e-9 ? -1 : Int((room + 1e-9).rounded(.down))
        }

        /// Whether every agency can be brought to the level.
        func isReachable(_ level: Double) -> Bool {
            var network = network(at: level)
            return network.routeAll(withCosts: false)
        }

        /// The fewest moves that bring every agency to the level, and the leads after them.
        func fewestMoves(at level: Double) -> (count: Int, leads: [Set<Int>]) {
            var network = network(at: level)
            guard network.routeAll(withCosts: true) else { return (Int.max, currentLeads) }
            let leads = network.leads(taskCount: taskCount)
            let count = (0..<taskCount).reduce(0) { $0 + leads[$1].subtracting(currentLeads[$1]).count }
            return (count, leads)
        }

        /// The flow network at a level, carrying today's assignment.
        func network(at level: Double) -> FlowNetwork {
            FlowNetwork(problem: self, capacities: (0..<agencyCount).map { capacity($0, at: level) })
        }
    }

    /// The residual network of the lead-slot assignment: nodes are tasks (0..<T), agencies (T..<T+A),
    /// a source and a sink; source → task carries the task's lead slots, task → agency one slot (cost 0
    /// for today's lead, 1 for a supporter), agency → sink the slots its level allows.
    struct FlowNetwork {
        var head: [Int32], next: [Int32] = [], to: [Int32] = [], capacity: [Int32] = [], cost: [Int32] = []
        let taskCount: Int, source: Int, sink: Int
        /// The units to route (every lead slot), or more than can ever be when an agency is over the
        /// level without any lead.
        var demand = 0

        init(problem: Problem, capacities: [Int]) {
            taskCount = problem.taskCount
            let nodes = problem.taskCount + problem.agencyCount + 2
            source = nodes - 2
            sink = nodes - 1
            head = Array(repeating: -1, count: nodes)
            for t in 0..<problem.taskCount where !problem.currentLeads[t].isEmpty {
                addEdge(source, t, capacity: problem.currentLeads[t].count, cost: 0)
                demand += problem.currentLeads[t].count
                for a in problem.candidates[t] {
                    addEdge(t, problem.taskCount + a, capacity: 1, cost: problem.currentLeads[t].contains(a) ? 0 : 1)
                }
            }
            for a in 0..<problem.agencyCount {
                if capacities[a] < 0 { demand = Int.max / 4 }
                addEdge(problem.taskCount + a, sink, capacity: max(0, min(capacities[a], problem.taskCount)), cost: 0)
            }
        }

        /// Adds an edge and its reverse.
        mutating func addEdge(_ u: Int, _ v: Int, capacity c: Int, cost w: Int) {
            to.append(Int32(v)); capacity.append(Int32(c)); cost.append(Int32(w)); next.append(head[u]); head[u] = Int32(to.count - 1)
            to.append(Int32(u)); capacity.append(0); cost.append(Int32(-w)); next.append(head[v]); head[v] = Int32(to.count - 1)
        }

        /// Routes every lead slot from the source to the sink; with `withCosts` along paths of least
        /// cost (primal-dual: potentials from Dijkstra, then blocking flows on the edges of reduced cost
        /// 0), else along any (Dinic). Returns whether every slot could be routed.
        mutating func routeAll(withCosts: Bool) -> Bool {
            guard demand < Int.max / 8 else { return false }
            var routed = 0
            var potential = Array(repeating: 0, count: head.count)
            while routed < demand {
                var level: [Int]
                if withCosts {
                    guard let distances = shortestReducedDistances(potential) else { return false }
                    // Capped at the sink's distance, so reduced costs stay non-negative for unreached nodes.
                    for v in potential.indices { potential[v] += min(distances[v], distances[sink]) }
                    level = admissibleLevels(potential)
                } else {
                    level = bfsLevels()
                }
                guard level[sink] >= 0 else { return false }
                var cursor = head
                var pushed = 0
                while true {
                    let f = augment(source, Int.max / 4, &level, &cursor, potential: withCosts ? potential : nil)
                    if f == 0 { break }
                    pushed += f
                }
                if pushed == 0 { return false }
                routed += pushed
            }
            return true
        }

        /// Dijkstra from the source on reduced costs (all ≥ 0 by the potentials).
        func shortestReducedDistances(_ potential: [Int]) -> [Int]? {
            let n = head.count, infinity = Int.max / 4
            var dist = Array(repeating: infinity, count: n)
            dist[source] = 0
            var heap = MinHeap()
            heap.push((0, source))
            while let (d, u) = heap.pop() {
                if d > dist[u] { continue }
                var e = Int(head[u])
                while e >= 0 {
                    if capacity[e] > 0 {
                        let v = Int(to[e])
                        let nd = d + Int(cost[e]) + potential[u] - potential[v]
                        if nd < dist[v] { dist[v] = nd; heap.push((nd, v)) }
                    }
                    e = Int(next[e])
                }
            }
            return dist[sink] < infinity ? dist : nil
        }

        /// Breadth-first levels over the edges of reduced cost 0 with room.
        func admissibleLevels(_ potential: [Int]) -> [Int] {
            levels { e, u, v in Int(self.cost[e]) + potential[u] - potential[v] == 0 }
        }

        /// Breadth-first levels over every edge with room.
        func bfsLevels() -> [Int] { levels { _, _, _ in true } }

        func levels(_ admissible: (Int, Int, Int) -> Bool) -> [Int] {
            var level = Array(repeating: -1, count: head.count)
            level[source] = 0
            var queue = [source], i = 0
            while i < queue.count {
                let u = queue[i]
                i += 1
                var e = Int(head[u])
                while e >= 0 {
                    let v = Int(to[e])
                    if capacity[e] > 0, level[v] < 0, admissible(e, u, v) {
                        level[v] = level[u] + 1
                        queue.append(v)
                    }
                    e = Int(next[e])
                }
            }
            return level
        }

        /// One augmenting path of a blocking flow, depth first along the levels (iterative).
        mutating func augment(_ start: Int, _ limit: Int, _ level: inout [Int], _ cursor: inout [Int32], potential: [Int]?) -> Int {
            var path: [Int] = []  // edges
            var u = start
            while true {
                if u == sink {
                    let f = path.map { Int(capacity[$0]) }.min() ?? 0
                    for e in path { capacity[e] -= Int32(f); capacity[e ^ 1] += Int32(f) }
                    return f
                }
                var advanced = false
                while cursor[u] >= 0 {
                    let e = Int(cursor[u])
                    let v = Int(to[e])
                    let fits = capacity[e] > 0 && level[v] == level[u] + 1
                        && (potential.map { Int(cost[e]) + $0[u] - $0[v] == 0 } ?? true)
                    if fits {
                        path.append(e)
                        u = v
                        advanced = true
                        break
                    }
                    cursor[u] = next[e]
                }
                if !advanced {
                    // A dead end: retreat one step and skip the edge that led here.
                    level[u] = -1
                    guard let e = path.popLast() else { return 0 }
                    u = Int(to[e ^ 1])
                    cursor[u] = next[e]
                }
            }
        }

        /// The agencies leading each task: the task → agency edges that carry their unit.
        func leads(taskCount: Int) -> [Set<Int>] {
            var out = Array(repeating: Set<Int>(), count: taskCount)
            for t in 0..<taskCount {
                var e = Int(head[t])
                while e >= 0 {
                    let v = Int(to[e])
                    if e & 1 == 0, v >= taskCount, v < source, capacity[e] == 0 { out[t].insert(v - taskCount) }
                    e = Int(next[e])
                }
            }
            return out
        }
    }

    /// A binary min-heap of (distance, node).
    struct MinHeap {
        var items: [(Int, Int)] = []
        mutating func push(_ x: (Int, Int)) {
            items.append(x)
            var i = items.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                if items[p].0 <= items[i].0 { break }
                items.swapAt(p, i)
                i = p
            }
        }
        mutating func pop() -> (Int, Int)? {
            guard let first = items.first else { return nil }
            let last = items.removeLast()
            if !items.isEmpty {
                items[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1, r = l + 1
                    var m = i
                    if l < items.count, items[l].0 < items[m].0 { m = l }
                    if r < items.count, items[r].0 < items[m].0 { m = r }
                    if m == i { break }
                    items.swapAt(i, m)
                    i = m
                }
            }
            return first
        }
    }
}
