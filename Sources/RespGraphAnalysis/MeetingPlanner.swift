import RespGraphModel

/// Coordination planning: who must be in the room for a set of tasks, and how to group the tasks
/// into meetings that fit a room and an afternoon so that agencies attend as few meetings as possible.
///
/// - Definition: a meeting covers some tasks and invites every non-collective agency they name; the
///   attendance of a plan is Σ_meetings |agencies invited|, i.e. Σ_agencies meetings attended. A plan
///   keeps at most `maxTasks` tasks and `maxAgencies` agencies per meeting (``Caps``); the grouping is
///   ``MeetingPartition``'s (exact up to 30 tasks, recursive bisection with Fiduccia–Mattheyses
///   refinement beyond, with a lower bound). ``perIndicator(_:in:)`` is the naive plan, one meeting per
///   indicator, which sets the number of meetings when no cap is given.
/// - Complexity: see ``MeetingPartition``.
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

    /// What a meeting plan must keep to: how many meetings, how many tasks on an agenda, how many
    /// agencies in a room. Absent caps are chosen as `plan` says.
    public struct Caps: Sendable, Equatable {
        /// The number of meetings (nil: the fewest that fit the other caps, or one per indicator).
        public var meetings: Int?
        /// At most this many tasks per meeting (nil: 1.1 × an equal share, rounded up).
        public var maxTasks: Int?
        /// At most this many invited agencies per meeting (nil: no limit).
        public var maxAgencies: Int?
        /// Caps as given.
        public init(meetings: Int? = nil, maxTasks: Int? = nil, maxAgencies: Int? = nil) {
            (self.meetings, self.maxTasks, self.maxAgencies) = (meetings, maxTasks, maxAgencies)
        }
    }

    /// A plan under caps: its meetings, attendance, the lower bound, whether it is proven optimal,
    /// and the caps it kept.
    public struct CappedPlan: Sendable {
        /// The meetings, each with its tasks and invited agencies (collectives listed apart).
        public var meetings: [CappedMeeting]
        /// Σ invited (non-collective) agencies over meetings.
        public var attendance: Int
        /// No plan under the same caps costs less.
        public var lowerBound: Int
        /// Whether the attendance is proven the lowest.
        public var optimal: Bool
        /// The caps kept: the meetings, tasks and agencies per meeting (nil: no agency cap).
        public var caps: (meetings: Int, maxTasks: Int, maxAgencies: Int?)
    }

    /// One meeting of a plan under caps.
    public struct CappedMeeting: Sendable {
        /// The tasks on its agenda, in task order.
        public var tasks: [TaskID]
        /// The agencies invited and counted, in id order.
        public var agencies: [AgencyID]
        /// Collective placeholders its tasks name (各市、县人民政府…): listed, not counted.
        public var collectives: [AgencyID]
    }

    /// Why no plan keeps the caps, in words a planner can act on.
    public enum PlanError: Error, Equatable, Sendable, CustomStringConvertible {
        /// One task alone invites more agencies than a room holds.
        case taskTooLarge(task: TaskID, agencies: Int, maxAgencies: Int)
        /// The tasks do not fit so many meetings of so many tasks.
        case tooFewMeetings(tasks: Int, meetings: Int, maxTasks: Int)
        /// No plan of that many meetings was found within the agency cap.
        case noneFound(meetings: Int, maxAgencies: Int)

        /// The message, without the task key (``PlanError/describe(in:)`` names it).
        public var description: String {
            switch self {
            case let .taskTooLarge(_, agencies, cap): "a task alone invites \(agencies) agencies, more than --max-agencies \(cap)"
            case let .tooFewMeetings(tasks, meetings, maxTasks):
                "\(tasks) tasks do not fit \(meetings) meetings of at most \(maxTasks) tasks; give "
                    + "--meetings \((tasks + maxTasks - 1) / maxTasks) or more, or a larger --max-tasks"
            case let .noneFound(meetings, cap):
                "found no plan of \(meetings) meetings with at most \(cap) agencies in each; give more meetings or a larger --max-agencies"
            }
        }

        /// The message naming the task.
        public func describe(in graph: ResponsibilityGraph) -> String {
            if case let .taskTooLarge(task, agencies, cap) = self {
                return "task \(graph.key(of: task)) alone invites \(agencies) agencies, more than --max-agencies \(cap)"
            }
            return description
        }
    }

    /// The plan with the least attendance found under the caps (see ``MeetingPartition``): exact for
    /// selections of up to 30 tasks when the search finishes, the best of seeded recursive bisection
    /// and FM runs otherwise. Without `meetings`, the fewest meetings that fit `maxTasks` and
    /// `maxAgencies` (or, with neither, one per indicator); without `maxTasks`, 1.1 × an equal share.
    public static func plan(_ tasks: [TaskID], in graph: ResponsibilityGraph, caps: Caps) throws(PlanError) -> CappedPlan {
        let tasks = tasks.sorted()
        var index: [AgencyID: Int] = [:]
        var agencies: [AgencyID] = []
        let pins = tasks.map { t -> [Int] in
            Set(graph.agencies(of: t)).filter { !graph[$0].isCollective }.sorted().map { a -> Int in
                if let i = index[a] { return i }
                index[a] = agencies.count
                agencies.append(a)
                return agencies.count - 1
            }.sorted()
        }
        let n = tasks.count
        let maxAgencies = caps.maxAgencies ?? Int.max
        if let (i, p) = pins.enumerated().first(where: { $0.element.count > maxAgencies }) {
            throw .taskTooLarge(task: tasks[i], agencies: p.count, maxAgencies: maxAgencies)
        }
        func equalShare(_ k: Int) -> Int { max(1, (11 * n + 10 * k - 1) / (10 * k)) }
        var k = caps.meetings ?? (caps.maxTasks == nil && caps.maxAgencies == nil ? perIndicator(tasks, in: graph).meetings.count : 0)
        if k == 0 { k = caps.maxTasks.map { max(1, (n + $0 - 1) / $0) } ?? 1 }
        k = max(1, min(k, max(1, n)))
        var result: (MeetingPartition, MeetingPartition.Result)?
        while result == nil {
            let maxTasks = caps.maxTasks ?? equalShare(k)
            if n > k * maxTasks {
                if caps.meetings != nil { throw .tooFewMeetings(tasks: n, meetings: k, maxTasks: maxTasks) }
                k += 1
                continue
            }
            let instance = MeetingPartition(pins: pins, agencyCount: agencies.count, maxTasks: maxTasks, maxAgencies: maxAgencies)
            if let found = instance.plan(meetings: k) { result = (instance, found); break }
            if caps.meetings != nil || k >= n { throw .noneFound(meetings: k, maxAgencies: maxAgencies) }
            k += 1
        }
        let (instance, found) = result!
        var meetings = [CappedMeeting](repeating: CappedMeeting(tasks: [], agencies: [], collectives: []), count: k)
        for (i, t) in tasks.enumerated() { meetings[found.meetingOf[i]].tasks.append(t) }
        // A meeting the plan leaves empty is not held: fewer meetings suffice.
        meetings.removeAll { $0.tasks.isEmpty }
        k = meetings.count
        for m in meetings.indices {
            let named = Set(meetings[m].tasks.flatMap { graph.agencies(of: $0) })
            meetings[m].agencies = named.filter { !graph[$0].isCollective }.sorted()
            meetings[m].collectives = named.filter { graph[$0].isCollective }.sorted()
        }
        let bound = found.optimal ? found.attendance : instance.lowerBound
        return CappedPlan(meetings: meetings, attendance: found.attendance, lowerBound: bound, optimal: found.optimal,
                          caps: (k, instance.maxTasks, caps.maxAgencies))
    }
}
