import RespGraphModel

/// Responsibility-matrix checks: every task should have one accountable lead, a manageable number of
/// co-leads and supporters, and no agency should be both lead and support on one task.
public struct AccountabilityChecks: Sendable {
    /// Tasks with no lead agency.
    public var withoutLead: [TaskID]
    /// Tasks with more than the allowed number of leads (diffuse accountability).
    public var manyLeads: [TaskID]
    /// Tasks with more than the allowed number of supporters (over-consultation).
    public var manySupporters: [TaskID]
    /// (task, agency) pairs where the agency is named both lead and support.
    public var leadAndSupport: [(TaskID, AgencyID)]
    /// Tasks whose lead has no supporter.
    public var withoutSupporter: [TaskID]

    /// Runs the checks. Collective placeholders count like any agency here: a task led only by
    /// 各市、县人民政府 has a lead, even if not a single accountable one.
    ///
    /// - Complexity: O(T + E).
    public init(_ graph: ResponsibilityGraph, maxLeads: Int = 3, maxSupporters: Int = 10) {
        var withoutLead: [TaskID] = [], manyLeads: [TaskID] = [], manySupporters: [TaskID] = []
        var both: [(TaskID, AgencyID)] = [], withoutSupporter: [TaskID] = []
        for t in graph.taskIDs {
            let leads = graph.agencies(of: t, role: .lead), supporters = graph.agencies(of: t, role: .support)
            if leads.isEmpty { withoutLead.append(t) }
            if leads.count > maxLeads { manyLeads.append(t) }
            if supporters.count > maxSupporters { manySupporters.append(t) }
            if !leads.isEmpty && supporters.isEmpty { withoutSupporter.append(t) }
            let leadSet = Set(leads)
            for s in supporters where leadSet.contains(s) { both.append((t, s)) }
        }
        self.withoutLead = withoutLead
        self.manyLeads = manyLeads
        self.manySupporters = manySupporters
        self.leadAndSupport = both
        self.withoutSupporter = withoutSupporter
    }
}
