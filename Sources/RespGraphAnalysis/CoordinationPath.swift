import RespGraphModel

/// The shortest coordination chain between two agencies through shared tasks.
///
/// - Definition: a breadth-first search on the agency–task graph, agency → task → agency, so each
///   step is one task both agencies are named in. Among equally short chains the first found wins,
///   searching agencies and tasks in id order, so the answer is deterministic.
/// - Complexity: O(A + T + E).
public enum CoordinationPath {
    /// One step of a chain: from one agency to the next through a task.
    public struct Step: Sendable, Equatable {
        /// The agency the step starts from.
        public var from: AgencyID
        /// The task they share.
        public var task: TaskID
        /// The agency the step reaches.
        public var to: AgencyID
    }

    /// The steps from `source` to `target`, empty when they are the same, nil when no chain exists.
    public static func find(_ graph: ResponsibilityGraph, from source: AgencyID, to target: AgencyID,
                            selection: AgencyNetwork.Selection = .standard) -> [Step]? {
        if source == target { return [] }
        var previous = [Step?](repeating: nil, count: graph.agencies.count)
        var seen = [Bool](repeating: false, count: graph.agencies.count)
        var taskSeen = [Bool](repeating: false, count: graph.tasks.count)
        seen[source.index] = true
        var queue = [source]
        var head = 0
        while head < queue.count {
            let a = queue[head]
            head += 1
            for t in graph.tasks(of: a) where !taskSeen[t.index] {
                taskSeen[t.index] = true
                for b in graph.agencies(of: t) where !seen[b.index] {
                    // Collectives are not passed through (they stand for many bodies), but can be an end.
                    if b != target && !selection.admits(graph[b]) { continue }
                    seen[b.index] = true
                    previous[b.index] = Step(from: a, task: t, to: b)
                    if b == target {
                        var steps: [Step] = []
                        var cursor = target
                        while let step = previous[cursor.index] { steps.append(step); cursor = step.from }
                        return steps.reversed()
                    }
                    queue.append(b)
                }
            }
        }
        return nil
    }
}
