import RespGraphModel

/// The agencies an agency works with: every agency that shares one of its tasks, with how many
/// tasks they share and in which direction the lead runs.
///
/// Definition: for agency a and each other agency b named by a task of a, `shared` counts the tasks
/// naming both, `partnerLeads` those of them b leads and `agencyLeads` those a leads (a task both
/// lead counts in both). Ordered by shared tasks, most first, then by name.
/// - Complexity: O(Σ agencies of a's tasks + P log P) for P partners.
public struct Partner: Sendable, Equatable {
    /// The partner.
    public let agency: AgencyID
    /// Tasks naming both.
    public var shared = 0
    /// Of those, the tasks the partner leads.
    public var partnerLeads = 0
    /// Of those, the tasks the agency itself leads.
    public var agencyLeads = 0

    /// The partners of `agency` in `graph`, most shared tasks first.
    public static func of(_ agency: AgencyID, in graph: ResponsibilityGraph) -> [Partner] {
        var byAgency: [AgencyID: Partner] = [:]
        for t in Set(graph.tasks(of: agency)).sorted() {
            let leads = Set(graph.agencies(of: t, role: .lead))
            let weLead = leads.contains(agency)
            for other in Set(graph.agencies(of: t)) where other != agency {
                var entry = byAgency[other] ?? Partner(agency: other)
                entry.shared += 1
                if leads.contains(other) { entry.partnerLeads += 1 }
                if weLead { entry.agencyLeads += 1 }
                byAgency[other] = entry
            }
        }
        return byAgency.values.sorted { ($0.shared, graph[$1.agency].name) > ($1.shared, graph[$0.agency].name) }
    }
}
