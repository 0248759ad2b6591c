import RespGraphModel

/// How a task's lead and support edges count toward an agency's weighted load.
public struct WorkloadWeights: Sendable, Equatable {
    /// The weight of leading a task.
    public var lead: Double
    /// The weight of supporting a task.
    public var support: Double
    /// Whether a task's lead weight is split among its co-leads (1/k each for k leads).
    public var splitAmongCoLeads: Bool

    /// Lead 1, support 0.5, not split: leading is taken as twice the work of supporting.
    public static let standard = WorkloadWeights(lead: 1, support: 0.5, splitAmongCoLeads: false)

    /// Creates weights.
    public init(lead: Double, support: Double, splitAmongCoLeads: Bool) {
        self.lead = lead
        self.support = support
        self.splitAmongCoLeads = splitAmongCoLeads
    }
}

/// One agency's load: how many tasks it leads and supports, and the weighted sum.
public struct AgencyLoad: Sendable, Equatable {
    /// The agency.
    public var agency: AgencyID
    /// Tasks led.
    public var lead: Int
    /// Tasks supported.
    public var support: Int
    /// lead weight × (tasks led, or shares of them) + support weight × tasks supported.
    public var weighted: Double

    /// Tasks named in either role.
    public var total: Int { lead + support }
}

/// Workload per agency: lead and support counts and a weighted load.
///
/// - Definition: load(a) = w_lead · Σ_{t led by a} s(t) + w_support · |{t supported by a}|, where
///   s(t) = 1, or 1/|leads(t)| when the lead weight is split among co-leads.
/// - Complexity: O(A + E) for A agencies and E assignments.
public enum Workload {
    /// The load of every agency, indexed by agency id.
    public static func loads(in graph: ResponsibilityGraph, weights: WorkloadWeights = .standard) -> [AgencyLoad] {
        var loads = graph.agencyIDs.map { AgencyLoad(agency: $0, lead: 0, support: 0, weighted: 0) }
        for t in 0..<graph.tasks.count {
            let range = Int(graph.taskOffsets[t])..<Int(graph.taskOffsets[t + 1])
            var leadCount = 0
            for e in range where graph.taskRoles[e] == .lead { leadCount += 1 }
            let leadShare = weights.splitAmongCoLeads && leadCount > 0 ? weights.lead / Double(leadCount) : weights.lead
            for e in range {
                let a = Int(graph.taskAgencies[e])
                if graph.taskRoles[e] == .lead {
                    loads[a].lead += 1
                    loads[a].weighted += leadShare
                } else {
                    loads[a].support += 1
                    loads[a].weighted += weights.support
                }
            }
        }
        return loads
    }

    /// Loads ordered heaviest first: by weighted load, then tasks led, then name.
    public static func ranked(_ loads: [AgencyLoad], in graph: ResponsibilityGraph) -> [AgencyLoad] {
        loads.sorted { x, y in
            if x.weighted != y.weighted { return x.weighted > y.weighted }
            if x.lead != y.lead { return x.lead > y.lead }
            return graph[x.agency].name < graph[y.agency].name
        }
    }

    /// The indicators of a graph in order of first appearance.
    public static func indicators(in graph: ResponsibilityGraph) -> [String] { graph.indicators() }

    /// The agency × indicator matrix of lead and support counts: `matrix[agency][indicator]`,
    /// indicators in the order of ``indicators(in:)``.
    ///
    /// - Complexity: O(A·I + E) for I indicators.
    public static func byIndicator(in graph: ResponsibilityGraph) -> (indicators: [String], lead: [[Int]], support: [[Int]]) {
        let indicators = indicators(in: graph)
        var column: [String: Int] = [:]
        for (i, name) in indicators.enumerated() { column[name] = i }
        let taskColumn = graph.tasks.map { column[$0.indicator] ?? 0 }
        var lead = Array(repeating: Array(repeating: 0, count: indicators.count), count: graph.agencies.count)
        var support = lead
        for t in 0..<graph.tasks.count {
            for e in Int(graph.taskOffsets[t])..<Int(graph.taskOffsets[t + 1]) {
                let a = Int(graph.taskAgencies[e])
                if graph.taskRoles[e] == .lead { lead[a][taskColumn[t]] += 1 } else { support[a][taskColumn[t]] += 1 }
            }
        }
        return (indicators, lead, support)
    }
}
