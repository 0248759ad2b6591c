import RespGraphModel

/// Meeting plans under caps, over integer ids: tasks are the vertices of a hypergraph whose
/// hyperedges are agencies (the tasks naming each); a plan puts every task in exactly one of k
/// meetings of at most `maxTasks` tasks and `maxAgencies` agencies, and costs its attendance
/// Σ_meetings |agencies of its tasks| = Σ_agencies λ(agency), the connectivity objective of
/// hypergraph partitioning (λ − 1 summed, plus the number of agencies).
///
/// - Heuristic (every plan): recursive bisection, each bisection the best of several greedy
///   growths refined by Fiduccia–Mattheyses (FM) moves with rollback to the best prefix; then k-way
///   FM, then (up to 24 meetings) every pair of meetings re-split by FM and by a fresh bisection; the
///   best of `starts` seeded runs. Ties go to
///   the lower task and meeting index, and the generator is a 32-bit xorshift, so the plan is the
///   same on every machine and in the explorer, which runs the same steps (explorer.js).
///   References: Fiduccia & Mattheyses, "A linear-time heuristic for improving network
///   partitions", DAC 1982; Schlag et al., "High-quality hypergraph partitioning", ACM JEA 2023
///   (the connectivity objective and recursive bisection as in KaHyPar).
/// - Exact (small selections): branch and bound over the tasks, largest first, a task going only to
///   a used meeting or the first empty one; bound = cost so far + the agencies of unplaced tasks
///   that no meeting holds yet. Proven optimal when it finishes within its node budget.
/// - Lower bound: Σ_agencies ⌈tasks naming it / maxTasks⌉ (an agency attends at least that many
///   meetings), at least the optimum of the exact search when that finished.
/// - Complexity: heuristic O(starts · passes · n² · k · d) for n tasks of d agencies on average
///   (n ≤ a few hundred per plan); exact O(kⁿ) in the worst case, bounded by its node budget.
public struct MeetingPartition: Sendable {
    /// Each task's counted agencies (sorted, distinct, 0..<agencyCount).
    public let pins: [[Int]]
    /// How many agencies there are.
    public let agencyCount: Int
    /// At most this many tasks per meeting.
    public let maxTasks: Int
    /// At most this many agencies per meeting (Int.max: no limit).
    public let maxAgencies: Int

    /// An instance.
    public init(pins: [[Int]], agencyCount: Int, maxTasks: Int, maxAgencies: Int) {
        (self.pins, self.agencyCount, self.maxTasks, self.maxAgencies) = (pins, agencyCount, max(1, maxTasks), max(1, maxAgencies))
    }

    /// A plan: each task's meeting and the attendance.
    public struct Result: Sendable, Equatable {
        /// The meeting (0..<k) of each task.
        public var meetingOf: [Int]
        /// Σ agencies over meetings.
        public var attendance: Int
        /// Whether the attendance is proven the lowest possible.
        public var optimal: Bool
    }

    /// Σ_agencies ⌈tasks naming it / maxTasks⌉: no plan under the task cap costs less.
    public var lowerBound: Int {
        var count = [Int](repeating: 0, count: agencyCount)
        for p in pins { for a in p { count[a] += 1 } }
        return count.reduce(0) { $0 + ($1 + maxTasks - 1) / maxTasks }
    }

    /// The attendance of a plan (meetings 0..<k).
    public func attendance(_ meetingOf: [Int], meetings k: Int) -> Int {
        var seen = Set<Int>()
        for (t, b) in meetingOf.enumerated() { for a in pins[t] { seen.insert(b * agencyCount + a) } }
        return seen.count
    }

    /// Whether a plan keeps both caps.
    public func fits(_ meetingOf: [Int], meetings k: Int) -> Bool {
        var size = [Int](repeating: 0, count: k)
        var agencies = [Set<Int>](repeating: [], count: k)
        for (t, b) in meetingOf.enumerated() {
            size[b] += 1
            agencies[b].formUnion(pins[t])
        }
        return size.allSatisfy { $0 <= maxTasks } && agencies.allSatisfy { $0.count <= maxAgencies }
    }

    /// The best plan found for `k` meetings, nil when none keeps the caps. Selections of at most
    /// `exactUpTo` tasks are solved exactly when the search finishes within `nodeBudget` nodes.
    public func plan(meetings k: Int, starts: Int = 16, exactUpTo: Int = Self.exactUpTo, nodeBudget: Int = 2_000_000) -> Result? {
        let n = pins.count
        guard k >= 1, n <= k * maxTasks, pins.allSatisfy({ $0.count <= maxAgencies }) else { return nil }
        if n == 0 { return Result(meetingOf: [], attendance: 0, optimal: true) }
        // The seeded runs on all cores; the best kept in seed order, so the plan never depends on the threads.
        let runs = Slots<[Int]?>(repeating: nil, count: max(1, starts))
        Parallel.forEachBlock(runs.count) { seed in runs.put(heuristic(meetings: k, seed: UInt32(seed)), at: seed) }
        var best: Result?
        for case let part? in runs.all {
            let cost = attendance(part, meetings: k)
            if best == nil || cost < best!.attendance { best = Result(meetingOf: part, attendance: cost, optimal: false) }
        }
        if n <= exactUpTo, let exact = branchAndBound(meetings: k, incumbent: best, nodeBudget: nodeBudget) { return exact }
        if var found = best, found.attendance == lowerBound { found.optimal = true; best = found }
        return best
    }

    // MARK: - The heuristic

    /// One seeded run: recursive bisection, k-way FM, pairwise re-splits, k-way FM.
    func heuristic(meetings k: Int, seed: UInt32) -> [Int]? {
        var part = [Int](repeating: 0, count: pins.count)
        var rng = XorShift32(seed: seed)
        split(Array(pins.indices), meetings: k, first: 0, into: &part, rng: &rng)
        var state = State(self, part, meetings: k)
        state.refine(among: Array(pins.indices), blocks: Array(0..<k))
        // Every pair of meetings re-split, by FM from where they stand and by a fresh bisection of the
        // two together; the better is kept. Repeated while a round improves. Past 24 meetings the
        // k(k − 1)/2 pairs cost more than they give (400 meetings took 30 s): k-way FM alone.
        var improved = k > 1 && k <= Self.pairwiseUpTo
        while improved {
            improved = false
            for i in 0..<k {
                for j in (i + 1)..<k {
                    let both = pins.indices.filter { state.part[$0] == i || state.part[$0] == j }
                    let before = state.attendance + state.violation * state.penalty
                    state.refine(among: both, blocks: [i, j])
                    let (left, right) = bisect(both, leftMeetings: 1, meetings: 2, rng: &rng)
                    var trial = state
                    for t in left where trial.part[t] != i { trial.move(t, to: i) }
                    for t in right where trial.part[t] != j { trial.move(t, to: j) }
                    if trial.sizes[i] <= maxTasks, trial.sizes[j] <= maxTasks,
                       trial.attendance + trial.violation * trial.penalty < state.attendance + state.violation * state.penalty {
                        state = trial
                    }
                    if state.attendance + state.violation * state.penalty < before { improved = true }
                }
            }
        }
        state.refine(among: Array(pins.indices), blocks: Array(0..<k))
        return state.violation == 0 && state.sizes.allSatisfy({ $0 <= maxTasks }) ? state.part : nil
    }

    /// Selections of at most this many tasks are searched exactly (branch and bound).
    public static let exactUpTo = 30

    /// Plans of more meetings than this skip the pairwise re-splits.
    static let pairwiseUpTo = 24

    /// Splits `tasks` into meetings first..<first+k by recursive bisection.
    func split(_ tasks: [Int], meetings k: Int, first: Int, into part: inout [Int], rng: inout XorShift32) {
        if k == 1 {
            for t in tasks { part[t] = first }
            return
        }
        let k0 = k / 2
        let (left, right) = bisect(tasks, leftMeetings: k0, meetings: k, rng: &rng)
        split(left, meetings: k0, first: first, into: &part, rng: &rng)
        split(right, meetings: k - k0, first: first + k0, into: &part, rng: &rng)
    }

    /// The best of four greedy growths of the left side to its share of the tasks, each refined by FM
    /// with the sides' caps (k0 and k − k0 meetings' worth of tasks and agencies).
    func bisect(_ tasks: [Int], leftMeetings k0: Int, meetings k: Int, rng: inout XorShift32) -> ([Int], [Int]) {
        let n = tasks.count
        let target = (2 * n * k0 + k) / (2 * k)
        let sub = MeetingPartition(pins: tasks.map { pins[$0] }, agencyCount: agencyCount, maxTasks: maxTasks, maxAgencies: maxAgencies)
        var best: (cost: Int, part: [Int])?
        for start in 0..<4 {
            var order = Array(0..<n)
            if start > 0 { rng.shuffle(&order) }
            var state = State(sub, [Int](repeating: 1, count: n), meetings: 2,
                              taskCaps: [k0 * maxTasks, (k - k0) * maxTasks], agencyCaps: [cap(k0), cap(k - k0)])
            if n > 0 { state.move(order[0], to: 0) }
            while state.sizes[0] < target {
                var pick = -1, pickGain = Int.min
                for v in order where state.part[v] == 1 {
                    let g = state.gain(v, to: 0)
                    if g > pickGain { (pick, pickGain) = (v, g) }
                }
                state.move(pick, to: 0)
            }
            state.refine(among: Array(0..<n), blocks: [0, 1])
            let cost = state.attendance * 1 + state.violation * (n + 1)
            if best == nil || cost < best!.cost { best = (cost, state.part) }
        }
        let part = best!.part
        return (tasks.indices.filter { part[$0] == 0 }.map { tasks[$0] }, tasks.indices.filter { part[$0] == 1 }.map { tasks[$0] })
    }

    /// The agency cap of a side holding `k` meetings.
    func cap(_ k: Int) -> Int {
        maxAgencies == Int.max || maxAgencies.multipliedReportingOverflow(by: k).overflow ? Int.max : maxAgencies * k
    }

    /// Counts of a plan being improved: tasks per meeting, per meeting how many of its tasks name each
    /// agency, the attendance, and how far meetings exceed their agency caps (penalised in every gain).
    struct State {
        let instance: MeetingPartition
        var part: [Int]
        var sizes: [Int]
        var count: [[Int]]
        var distinct: [Int]
        let taskCaps: [Int]
        let agencyCaps: [Int]
        var attendance = 0
        var violation = 0
        let penalty: Int

        init(_ instance: MeetingPartition, _ part: [Int], meetings k: Int, taskCaps: [Int]? = nil, agencyCaps: [Int]? = nil) {
            self.instance = instance
            self.part = part
            self.taskCaps = taskCaps ?? [Int](repeating: instance.maxTasks, count: k)
            self.agencyCaps = agencyCaps ?? [Int](repeating: instance.maxAgencies, count: k)
            sizes = [Int](repeating: 0, count: k)
            count = [[Int]](repeating: [Int](repeating: 0, count: instance.agencyCount), count: k)
            distinct = [Int](repeating: 0, count: k)
            penalty = instance.pins.count + 1
            for (t, b) in part.enumerated() {
                sizes[b] += 1
                for a in instance.pins[t] {
                    if count[b][a] == 0 { distinct[b] += 1; attendance += 1 }
                    count[b][a] += 1
                }
            }
            for b in 0..<k { violation += max(0, distinct[b] - self.agencyCaps[b]) }
        }

        /// The fall in penalised cost if task v moved to meeting j.
        func gain(_ v: Int, to j: Int) -> Int {
            let b = part[v]
            var removed = 0, added = 0
            count[b].withUnsafeBufferPointer { from in
                count[j].withUnsafeBufferPointer { to in
                    for a in instance.pins[v] {
                        if from[a] == 1 { removed += 1 }
                        if to[a] == 0 { added += 1 }
                    }
                }
            }
            if instance.maxAgencies == Int.max { return removed - added }
            let overBefore = max(0, distinct[b] - agencyCaps[b]) + max(0, distinct[j] - agencyCaps[j])
            let overAfter = max(0, distinct[b] - removed - agencyCaps[b]) + max(0, distinct[j] + added - agencyCaps[j])
            return (removed - added) + (overBefore - overAfter) * penalty
        }

        mutating func move(_ v: Int, to j: Int) {
            let b = part[v]
            violation -= max(0, distinct[b] - agencyCaps[b]) + max(0, distinct[j] - agencyCaps[j])
            for a in instance.pins[v] {
                count[b][a] -= 1
                if count[b][a] == 0 { distinct[b] -= 1; attendance -= 1 }
                if count[j][a] == 0 { distinct[j] += 1; attendance += 1 }
                count[j][a] += 1
            }
            violation += max(0, distinct[b] - agencyCaps[b]) + max(0, distinct[j] - agencyCaps[j])
            sizes[b] -= 1
            sizes[j] += 1
            part[v] = j
        }

        /// FM passes over `tasks` between `blocks`: the best-gain move of an unlocked task (gain may be
        /// negative) until 50 moves bring no improvement, then back to the best prefix; repeated while a
        /// pass improves the penalised cost.
        mutating func refine(among tasks: [Int], blocks: [Int]) {
            guard blocks.count > 1 else { return }
            var cost = attendance + violation * penalty
            while true {
                var locked = [Bool](repeating: false, count: part.count)
                var moves: [(task: Int, from: Int)] = []
                var best = cost, bestLength = 0, current = cost
                while moves.count - bestLength < 50 {
                    var pick = (task: -1, to: -1, gain: Int.min)
                    for v in tasks where !locked[v] {
                        for j in blocks where j != part[v] && sizes[j] < taskCaps[j] {
                            let g = gain(v, to: j)
                            if g > pick.gain { pick = (v, j, g) }
                        }
                    }
                    guard pick.task >= 0 else { break }
                    moves.append((pick.task, part[pick.task]))
                    move(pick.task, to: pick.to)
                    locked[pick.task] = true
                    current -= pick.gain
                    if current < best { (best, bestLength) = (current, moves.count) }
                }
                for m in moves[bestLength...].reversed() { move(m.task, to: m.from) }
                if best < cost { cost = best } else { return }
            }
        }
    }

    // MARK: - Exact search

    /// Branch and bound over task placements; nil when the node budget runs out first.
    func branchAndBound(meetings k: Int, incumbent: Result?, nodeBudget: Int) -> Result? {
        var search = ExactSearch(self, meetings: k, incumbent: incumbent, nodeBudget: nodeBudget)
        search.visit(0, used: 0)
        guard !search.exhausted, let found = search.bestPart else { return nil }
        return Result(meetingOf: found, attendance: search.best, optimal: true)
    }

    /// The state of the exact search: tasks placed in order of their agency count (most first), each
    /// in an open meeting or the first empty one (so meetings are not told apart by number); a branch
    /// is cut when its attendance plus the agencies still held by no meeting reaches the best found.
    struct ExactSearch {
        let problem: MeetingPartition
        let k: Int, nodeBudget: Int
        let order: [Int]
        /// How many unplaced tasks name each agency.
        var remaining: [Int]
        /// Meetings holding each agency.
        var held: [Int]
        /// Tasks naming each agency, per meeting.
        var count: [[Int]]
        var distinct: [Int], sizes: [Int]
        var part: [Int]
        var best: Int
        var bestPart: [Int]?
        var nodes = 0
        /// Agencies named by unplaced tasks and held by no meeting.
        var unheld = 0
        var cost = 0
        var exhausted = false

        init(_ problem: MeetingPartition, meetings k: Int, incumbent: Result?, nodeBudget: Int) {
            let pins = problem.pins
            self.problem = problem
            self.k = k
            self.nodeBudget = nodeBudget
            order = pins.indices.sorted { (pins[$0].count, $1) > (pins[$1].count, $0) }
            remaining = [Int](repeating: 0, count: problem.agencyCount)
            for p in pins { for a in p { remaining[a] += 1 } }
            held = [Int](repeating: 0, count: problem.agencyCount)
            count = [[Int]](repeating: [Int](repeating: 0, count: problem.agencyCount), count: k)
            distinct = [Int](repeating: 0, count: k)
            sizes = [Int](repeating: 0, count: k)
            part = [Int](repeating: -1, count: pins.count)
            best = incumbent?.attendance ?? Int.max
            bestPart = incumbent?.meetingOf
            for a in 0..<problem.agencyCount where remaining[a] > 0 { unheld += 1 }
        }

        /// Places the tasks from position `i` of the order on, `used` meetings open so far.
        mutating func visit(_ i: Int, used: Int) {
            if exhausted { return }
            nodes += 1
            if nodes > nodeBudget { exhausted = true; return }
            if i == order.count {
                if cost < best { best = cost; bestPart = part }
                return
            }
            let t = order[i]
            let pins = problem.pins[t]
            for a in pins {
                remaining[a] -= 1
                if remaining[a] == 0 && held[a] == 0 { unheld -= 1 }
            }
            for b in 0..<min(k, used + 1) where sizes[b] < problem.maxTasks {
                var added = 0
                for a in pins where count[b][a] == 0 { added += 1 }
                guard distinct[b] + added <= problem.maxAgencies else { continue }
                let newlyHeld = place(t, in: b)
                cost += added
                unheld -= newlyHeld
                if cost + unheld < best { visit(i + 1, used: max(used, b + 1)) }
                unheld += newlyHeld
                cost -= added
                unplace(t, from: b)
            }
            for a in pins {
                if remaining[a] == 0 && held[a] == 0 { unheld += 1 }
                remaining[a] += 1
            }
        }

        /// Puts task `t` in meeting `b`; returns how many agencies still named by unplaced tasks a
        /// meeting now holds for the first time.
        mutating func place(_ t: Int, in b: Int) -> Int {
            var newlyHeld = 0
            for a in problem.pins[t] {
                if count[b][a] == 0 {
                    distinct[b] += 1
                    if held[a] == 0 && remaining[a] > 0 { newlyHeld += 1 }
                    held[a] += 1
                }
                count[b][a] += 1
            }
            sizes[b] += 1
            part[t] = b
            return newlyHeld
        }

        /// Takes task `t` out of meeting `b` again.
        mutating func unplace(_ t: Int, from b: Int) {
            part[t] = -1
            sizes[b] -= 1
            for a in problem.pins[t] {
                count[b][a] -= 1
                if count[b][a] == 0 { distinct[b] -= 1; held[a] -= 1 }
            }
        }
    }
}

/// Marsaglia's xorshift32 (13, 17, 5): a generator the explorer's JavaScript reproduces bit for bit.
struct XorShift32 {
    var state: UInt32

    /// A generator for a seed (never the all-zero state).
    init(seed: UInt32) {
        let mixed = (seed &+ 1) &* 0x9E37_79B9
        state = mixed == 0 ? 0x6D2B_79F5 : mixed
    }

    mutating func next() -> UInt32 {
        state ^= state << 13
        state ^= state >> 17
        state ^= state << 5
        return state
    }

    /// Fisher–Yates, from the last place down.
    mutating func shuffle(_ a: inout [Int]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt32(i + 1))
            a.swapAt(i, j)
        }
    }
}
