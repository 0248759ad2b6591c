import RespGraphModel

/// Coordination planning: who must be in the room for a set of tasks, and how to group the tasks
/// into a given number of meetings so that agencies attend as few meetings as possible.
///
/// - Definition: a meeting covers some tasks and convenes every agency named by them; the attendance
///   cost of a grouping is Σ_meetings |agencies convened|, i.e. Σ_agencies meetings attended.
///   The heuristic starts from one group per indicator (the naive plan), merges the two groups whose
///   merger saves the most attendance (the most shared agencies; ties to the earlier pair) until
///   `meetings` groups remain (or splits the largest indicator groups when more meetings than
///   indicators are asked for), then moves single tasks between meetings while a move lowers the
///   cost. It is a local search: it finds a good grouping, not a proven optimum.
/// - Complexity: O(g³ · a) for the merges with g groups and a agencies, plus O(passes · T · g · k) for
///   the moves.
public enum MeetingPlanner {
    /// One meeting of a plan.
    public struct Meeting: Sendable {
        /// The tasks on its agenda, in task order.
        public var tasks: [TaskID]
        /// The agencies to convene, in id order.
        public var agencies: [AgencyID]
    }

    /// A grouping and its cost.
    public struct Plan: Sendable {
        /// The meetings.
        public var meetings: [Meeting]
        /// Σ agencies per meeting.
        public var attendance: Int
    }

    static func agencies(of tasks: [TaskID], in graph: ResponsibilityGraph) -> Set<AgencyID> {
        var set = Set<AgencyID>()
        for t in tasks { set.formUnion(graph.agencies(of: t)) }
        return set
    }

    static func plan(_ groups: [[TaskID]], _ graph: ResponsibilityGraph) -> Plan {
        let meetings = groups.filter { !$0.isEmpty }.map { g in
            Meeting(tasks: g.sorted(), agencies: agencies(of: g, in: graph).sorted())
        }
        return Plan(meetings: meetings, attendance: meetings.reduce(0) { $0 + $1.agencies.count })
    }

    /// The naive plan: one meeting per indicator, in order of first appearance.
    public static func perIndicator(_ tasks: [TaskID], in graph: ResponsibilityGraph) -> Plan {
        var order: [String] = []
        var groups: [String: [TaskID]] = [:]
        for t in tasks {
            let key = graph[t].indicator
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(t)
        }
        return plan(order.map { groups[$0]! }, graph)
    }

    /// The heuristic plan with `meetings` meetings (at most one per task).
    public static func group(_ tasks: [TaskID], into meetings: Int, in graph: ResponsibilityGraph) -> Plan {
        let target = max(1, min(meetings, tasks.count))
        var groups = perIndicator(tasks, in: graph).meetings.map(\.tasks)
        // Too few groups: split the largest group task by task.
        while groups.count < target, let i = groups.indices.max(by: { groups[$0].count < groups[$1].count }), groups[i].count > 1 {
            let last = groups[i].removeLast()
            groups.append([last])
        }
        // Too many: merge the pair that saves the most attendance.
        var sets = groups.map { agencies(of: $0, in: graph) }
        while groups.count > target {
            var best = (0, 1, -1)
            for i in 0..<groups.count {
                for j in (i + 1)..<groups.count {
                    let saving = sets[i].intersection(sets[j]).count
                    if saving > best.2 { best = (i, j, saving) }
                }
            }
            groups[best.0] += groups[best.1]
            sets[best.0].formUnion(sets[best.1])
            groups.remove(at: best.1)
            sets.remove(at: best.1)
        }
        // Local search: move a task to another meeting when that lowers the cost. Each meeting keeps a
        // count of how many of its tasks name each agency, so a move is priced in O(k) for k agencies.
        let taskAgencies = Dictionary(uniqueKeysWithValues: tasks.map { ($0, Array(Set(graph.agencies(of: $0)))) })
        var counts: [[AgencyID: Int]] = groups.map { g in
            var c: [AgencyID: Int] = [:]
            for t in g { for a in taskAgencies[t]! { c[a, default: 0] += 1 } }
            return c
        }
        var improved = true
        var passes = 0
        while improved && passes < 50 {
            improved = false
            passes += 1
            for i in groups.indices {
                var k = 0
                while k < groups[i].count {
                    guard groups[i].count > 1 else { break }
                    let t = groups[i][k]
                    let members = taskAgencies[t]!
                    let saved = members.filter { counts[i][$0] == 1 }.count
                    var bestTarget: Int? = nil
                    var bestDelta = 0
                    for j in groups.indices where j != i {
                        let added = members.filter { counts[j][$0] == nil }.count
                        let delta = added - saved
                        if delta < bestDelta { bestDelta = delta; bestTarget = j }
                    }
                    if let j = bestTarget {
                        groups[i].remove(at: k)
                        groups[j].append(t)
                        for a in members {
                            counts[i][a]! -= 1
                            if counts[i][a] == 0 { counts[i][a] = nil }
                            counts[j][a, default: 0] += 1
                        }
                        improved = true
                    } else {
                        k += 1
                    }
                }
            }
        }
        return plan(groups, graph)
    }
}
