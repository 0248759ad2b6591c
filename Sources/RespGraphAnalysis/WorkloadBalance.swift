import RespGraphModel

/// A heuristic for rebalancing: for each overloaded agency, the led tasks another named agency could
/// take the lead of, and who. It only proposes; the numbers behind each proposal are kept with it.
///
/// - Definition: an agency is overloaded when its weighted load is an outlier (``Outliers/above(_:k:)``).
///   For each task it leads that names other non-collective agencies, every such agency is a
///   candidate; co-leads (already accountable for the task) come first, then supporters, each by
///   current weighted load (lightest first), then by name. The proposal shows the loads of both
///   agencies before and after the lead moves (the overloaded agency becoming a supporter).
/// - Complexity: O(T·k) for k agencies per task.
public enum WorkloadBalance {
    /// One proposal.
    public struct Proposal: Sendable {
        /// The overloaded agency.
        public var from: AgencyID
        /// The task whose lead could move.
        public var task: TaskID
        /// The agency that could take the lead.
        public var to: AgencyID
        /// Whether `to` already co-leads the task.
        public var alreadyCoLead: Bool
        /// Loads before: (from, to).
        public var before: (Double, Double)
        /// Loads after the move: (from, to).
        public var after: (Double, Double)
    }

    /// Proposals for every overloaded agency, best candidate per task.
    public static func proposals(_ graph: ResponsibilityGraph, loads: [AgencyLoad], weights: WorkloadWeights,
                                 overloaded: [AgencyID]) -> [Proposal] {
        var out: [Proposal] = []
        for a in overloaded {
            for t in graph.tasks(of: a, role: .lead) {
                let leads = Set(graph.agencies(of: t, role: .lead))
                let candidates = Set(graph.agencies(of: t)).filter { $0 != a && !graph[$0].isCollective }
                guard let best = candidates.sorted(by: { x, y in
                    if leads.contains(x) != leads.contains(y) { return leads.contains(x) }
                    if loads[x.index].weighted != loads[y.index].weighted { return loads[x.index].weighted < loads[y.index].weighted }
                    return graph[x].name < graph[y].name
                }).first else { continue }
                let coLead = leads.contains(best)
                let leadCount = Double(leads.count)
                let leadShare = weights.splitAmongCoLeads ? weights.lead / leadCount : weights.lead
                // `from` drops the lead and becomes a supporter; `to` gains the lead (a co-lead merely sheds a co-lead).
                let fromAfter = loads[a.index].weighted - leadShare + weights.support
                let toAfter: Double
                if coLead {
                    toAfter = weights.splitAmongCoLeads ? loads[best.index].weighted - leadShare + weights.lead / max(1, leadCount - 1) : loads[best.index].weighted
                } else {
                    toAfter = loads[best.index].weighted - weights.support + leadShare
                }
                out.append(Proposal(from: a, task: t, to: best, alreadyCoLead: coLead,
                                    before: (loads[a.index].weighted, loads[best.index].weighted), after: (fromAfter, toAfter)))
            }
        }
        return out
    }
}
