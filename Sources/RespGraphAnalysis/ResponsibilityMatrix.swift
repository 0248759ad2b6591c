import RespGraphModel

/// The responsibility matrix offices keep in spreadsheets: tasks as rows grouped by indicator,
/// agencies as columns ordered by load, and in each cell whether the agency leads (牵) or supports (配)
/// the task.
///
/// - Definition: rows are the selected tasks, grouped by indicator in order of first appearance and
///   in task order within a group; columns are the agencies named by them, heaviest first by the
///   weighted load within the selection (1 × lead + 0.5 × support; ties: more leads, then name). A row
///   total counts the agencies a task names; a column total counts the tasks naming the agency.
/// - Complexity: O(T · k) to build for T tasks naming k agencies each; the cells are stored sparsely.
public struct ResponsibilityMatrix: Sendable {
    /// One group of rows: an indicator and its tasks.
    public struct Group: Sendable {
        /// The indicator (指标).
        public let indicator: String
        /// Its tasks, in task order.
        public let tasks: [TaskID]
    }

    /// The row groups, in order.
    public let groups: [Group]
    /// The columns, heaviest first.
    public let agencies: [AgencyID]
    /// Tasks led and supported by each column's agency within the selection.
    public let columnTotals: [(lead: Int, support: Int)]
    private let column: [AgencyID: Int]
    private let graph: ResponsibilityGraph

    /// The matrix of the selected tasks (in task order); `columns`, when given, keeps only those
    /// agencies as columns (in that order) while totals still count every agency a task names.
    public init(_ graph: ResponsibilityGraph, tasks: [TaskID], columns: [AgencyID]? = nil) {
        self.graph = graph
        var order: [String] = []
        var byIndicator: [String: [TaskID]] = [:]
        var lead: [AgencyID: Int] = [:], support: [AgencyID: Int] = [:]
        for t in tasks {
            let indicator = graph[t].indicator
            if byIndicator[indicator] == nil { order.append(indicator) }
            byIndicator[indicator, default: []].append(t)
            for a in graph.agencies(of: t, role: .lead) { lead[a, default: 0] += 1 }
            for a in graph.agencies(of: t, role: .support) { support[a, default: 0] += 1 }
        }
        groups = order.map { Group(indicator: $0, tasks: byIndicator[$0]!) }
        func weighted(_ a: AgencyID) -> Double { Double(lead[a] ?? 0) + 0.5 * Double(support[a] ?? 0) }
        agencies = columns ?? Set(lead.keys).union(support.keys).sorted { x, y in
            if weighted(x) != weighted(y) { return weighted(x) > weighted(y) }
            if (lead[x] ?? 0) != (lead[y] ?? 0) { return (lead[x] ?? 0) > (lead[y] ?? 0) }
            return graph[x].name < graph[y].name
        }
        columnTotals = agencies.map { (lead[$0] ?? 0, support[$0] ?? 0) }
        column = Dictionary(uniqueKeysWithValues: agencies.enumerated().map { ($1, $0) })
    }

    /// Every row, group by group.
    public var tasks: [TaskID] { groups.flatMap(\.tasks) }

    /// The roles in a row, one per column: lead, support or nil. (An agency named both ways leads.)
    public func row(_ t: TaskID) -> [Role?] {
        var cells = [Role?](repeating: nil, count: agencies.count)
        for a in graph.agencies(of: t, role: .support) { if let c = column[a] { cells[c] = .support } }
        for a in graph.agencies(of: t, role: .lead) { if let c = column[a] { cells[c] = .lead } }
        return cells
    }

    /// The agencies a task names (its row total).
    public func rowTotal(_ t: TaskID) -> Int { Set(graph.agencies(of: t)).count }
}
