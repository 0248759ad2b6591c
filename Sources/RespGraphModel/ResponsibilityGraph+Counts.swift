/// What one document of a graph holds: its tasks by level, those with a lead, its agencies and its edges.
public struct DocumentCounts: Sendable, Equatable {
    /// Tasks read from a table.
    public var tableTasks = 0
    /// Work points (tasks read from running text).
    public var workPoints = 0
    /// Tasks with at least one lead.
    public var tasksWithLead = 0
    /// Distinct agencies named by its tasks.
    public var agencies = 0
    /// Lead assignments.
    public var leadEdges = 0
    /// Support assignments.
    public var supportEdges = 0

    /// Counts as given.
    public init(tableTasks: Int = 0, workPoints: Int = 0, tasksWithLead: Int = 0, agencies: Int = 0, leadEdges: Int = 0,
                supportEdges: Int = 0) {
        (self.tableTasks, self.workPoints, self.tasksWithLead) = (tableTasks, workPoints, tasksWithLead)
        (self.agencies, self.leadEdges, self.supportEdges) = (agencies, leadEdges, supportEdges)
    }
}

extension ResponsibilityGraph {
    /// Each document's counts, in document order, from one pass over the task rows (no subgraph per document).
    ///
    /// - Complexity: O(T + E) in tasks and assignments.
    public func documentCounts() -> [DocumentCounts] {
        var counts = [DocumentCounts](repeating: DocumentCounts(), count: documents.count)
        var agenciesPerDocument = [Set<Int32>](repeating: [], count: documents.count)
        for t in 0..<tasks.count {
            let d = tasks[t].document.index
            if tasks[t].level == .table { counts[d].tableTasks += 1 } else { counts[d].workPoints += 1 }
            var led = false
            for e in Int(taskOffsets[t])..<Int(taskOffsets[t + 1]) {
                if taskRoles[e] == .lead { counts[d].leadEdges += 1; led = true } else { counts[d].supportEdges += 1 }
                agenciesPerDocument[d].insert(taskAgencies[e])
            }
            if led { counts[d].tasksWithLead += 1 }
        }
        for d in counts.indices { counts[d].agencies = agenciesPerDocument[d].count }
        return counts
    }

    /// How many agencies the graph holds of each kind, in ``AgencyKind`` order, kinds without one left out.
    public func agencyCountsByKind() -> [(kind: AgencyKind, agencies: Int)] {
        var count: [AgencyKind: Int] = [:]
        for a in agencies { count[a.kind, default: 0] += 1 }
        return AgencyKind.allCases.compactMap { k in count[k].map { (k, $0) } }
    }
}
