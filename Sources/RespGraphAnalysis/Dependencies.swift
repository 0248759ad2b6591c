import RespGraphModel

/// Who relies on whom: the dependency links of the agency–task graph with the tasks behind them.
///
/// A lead relies on each supporter of its task; the link lead → supporter carries the tasks.
/// - Complexity: O(Σ_t leads_t · supporters_t).
public struct Dependencies: Sendable {
    /// One directed link with its tasks.
    public struct Link: Sendable {
        /// The lead.
        public var lead: AgencyID
        /// The supporter.
        public var supporter: AgencyID
        /// The tasks where `lead` leads and `supporter` supports, in task order.
        public var tasks: [TaskID]
    }

    /// Every link, ordered by lead then supporter id.
    public let links: [Link]

    /// Collects the links; agencies outside the selection are left out.
    public init(_ graph: ResponsibilityGraph, selection: AgencyNetwork.Selection = .standard) {
        var byPair: [Int64: [TaskID]] = [:]
        for t in graph.taskIDs {
            let leads = graph.agencies(of: t, role: .lead).filter { selection.admits(graph[$0]) }
            let supporters = graph.agencies(of: t, role: .support).filter { selection.admits(graph[$0]) }
            for a in leads { for b in supporters where a != b { byPair[Int64(a.rawValue) << 32 | Int64(b.rawValue),
                                                                       default: []].append(t) } }
        }
        links = byPair.keys.sorted().map { key in
            Link(lead: AgencyID(Int(key >> 32)), supporter: AgencyID(Int(key & 0xFFFF_FFFF)), tasks: byPair[key]!)
        }
    }

    /// The links where an agency leads (whom it relies on), strongest first.
    public func reliesOn(_ agency: AgencyID) -> [Link] { ranked(links.filter { $0.lead == agency }) }
    /// The links where an agency supports (who relies on it), strongest first.
    public func reliedOnBy(_ agency: AgencyID) -> [Link] { ranked(links.filter { $0.supporter == agency }) }

    /// The strongest links, with the weight of the reverse link (0 when not reciprocal).
    public func strongestPairs(limit: Int) -> [(link: Link, reverse: Int)] {
        var weight: [Int64: Int] = [:]
        for l in links { weight[Int64(l.lead.rawValue) << 32 | Int64(l.supporter.rawValue)] = l.tasks.count }
        return ranked(links).prefix(limit).map { l in
            (l, weight[Int64(l.supporter.rawValue) << 32 | Int64(l.lead.rawValue)] ?? 0)
        }
    }

    private func ranked(_ list: [Link]) -> [Link] {
        list.sorted { ($0.tasks.count, $1.lead.rawValue, $1.supporter.rawValue) > ($1.tasks.count, $0.lead.rawValue,
            $0.supporter.rawValue) }
    }
}

extension Dependencies {
    /// The agencies a selection admits that support tasks but lead none, most supports first (ties by name).
    ///
    /// - Complexity: O(A log A) for A agencies.
    public static func supportOnly(_ graph: ResponsibilityGraph, selection: AgencyNetwork.Selection = .standard) -> [AgencyID] {
        graph.agencyIDs
            .filter { selection.admits(graph[$0]) && graph.count(of: $0, role: .lead) == 0 && graph.count(of: $0, role: .support) > 0 }
            .sorted { (graph.count(of: $0, role: .support), graph[$1].name) > (graph.count(of: $1, role: .support), graph[$0].name) }
    }
}
