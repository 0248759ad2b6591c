import RespGraphModel

/// Change between two documents, agencies matched through the registry's lineage.
///
/// - Definition: each agency of either document is mapped to the last name of its lineage
///   (自治区大数据发展局 → 自治区数据局), so a renamed agency is one row. For each mapped agency the lead
///   and support counts in both documents and their changes; agencies only in the later document
///   appear, only in the earlier disappear; the task tables' indicators are compared by name (a work
///   point's section heading is not an indicator); centrality ranks are
///   compared by the given scores (1 = highest), over agencies present in both.
/// - Complexity: O(A log A + T).
public struct DocumentDiff: Sendable {
    /// One agency's change.
    public struct Row: Sendable {
        /// The name in the later document's terms (the end of its lineage).
        public var name: String
        /// The names it went by in the earlier document, when different.
        public var formerNames: [String]
        /// Lead and support counts in the earlier and later documents.
        public var leadBefore: Int, leadAfter: Int, supportBefore: Int, supportAfter: Int
        /// Rank by the score in each document (nil when absent).
        public var rankBefore: Int?, rankAfter: Int?
        /// Change in lead count.
        public var leadChange: Int { leadAfter - leadBefore }
        /// Change in support count.
        public var supportChange: Int { supportAfter - supportBefore }
        /// Change in tasks named (lead + support).
        public var change: Int { (leadAfter + supportAfter) - (leadBefore + supportBefore) }
        /// Whether the agency is named in both documents.
        public var inBoth: Bool { leadBefore + supportBefore > 0 && leadAfter + supportAfter > 0 }
    }

    /// Every agency of either document.
    public var rows: [Row]
    /// Indicators only in the later document.
    public var indicatorsAdded: [String]
    /// Indicators only in the earlier document.
    public var indicatorsRemoved: [String]
    /// Indicators of the first plan renamed (or merged) in the second: (former, current).
    public var indicatorsRenamed: [(String, String)]

    /// Compares two single-document graphs. `scoreBefore`/`scoreAfter` give a score per agency name
    /// (e.g. betweenness) for the rank shifts; `latestName` maps a name to the end of its lineage.
    /// `indicators` matches indicators renamed between the plans (开办企业 → 企业开办): a renamed
    /// indicator is listed in ``indicatorsRenamed``, not as removed and added.
    public init(before: ResponsibilityGraph, after: ResponsibilityGraph, latestName: (String) -> String,
                scoreBefore: [String: Double] = [:], scoreAfter: [String: Double] = [:],
                indicators: IndicatorLineage = IndicatorLineage()) {
        struct Counts { var lead = 0, support = 0, names: Set<String> = [] }
        func counts(_ g: ResponsibilityGraph) -> [String: Counts] {
            var out: [String: Counts] = [:]
            for a in g.agencyIDs {
                let key = latestName(g[a].name)
                out[key, default: Counts()].lead += g.count(of: a, role: .lead)
                out[key, default: Counts()].support += g.count(of: a, role: .support)
                out[key, default: Counts()].names.insert(g[a].name)
            }
            return out
        }
        func ranks(_ scores: [String: Double]) -> [String: Int] {
            var merged: [String: Double] = [:]
            for (name, s) in scores { merged[latestName(name), default: 0] += s }
            let order = merged.keys.sorted { (merged[$0]!, $1) > (merged[$1]!, $0) }
            var r: [String: Int] = [:]
            for (i, name) in order.enumerated() { r[name] = i + 1 }
            return r
        }
        let b = counts(before), a = counts(after)
        let rb = ranks(scoreBefore), ra = ranks(scoreAfter)
        rows = Set(b.keys).union(a.keys).sorted().map { key in
            let x = b[key] ?? Counts(), y = a[key] ?? Counts()
            return Row(name: key, formerNames: x.names.subtracting([key]).sorted(),
                       leadBefore: x.lead, leadAfter: y.lead, supportBefore: x.support, supportAfter: y.support,
                       rankBefore: rb[key], rankAfter: ra[key])
        }
        let ib = before.indicators(level: .table), ia = after.indicators(level: .table)
        let ibLatest = Set(ib.map(indicators.latestName)), iaLatest = Set(ia.map(indicators.latestName))
        indicatorsAdded = ia.filter { !ibLatest.contains(indicators.latestName(of: $0)) }
        indicatorsRemoved = ib.filter { !iaLatest.contains(indicators.latestName(of: $0)) }
        indicatorsRenamed = ib.filter { indicators.latestName(of: $0) != $0 && iaLatest.contains(indicators.latestName(of: $0)) }
            .map { ($0, indicators.latestName(of: $0)) }
    }

    /// Each agency's betweenness on a graph's co-assignment network, by name: the scores whose rank
    /// shifts a diff reports (``init(before:after:latestName:scoreBefore:scoreAfter:indicators:)``).
    public static func betweennessByName(_ graph: ResponsibilityGraph) -> [String: Double] {
        let network = AgencyNetwork.coAssignment(graph)
        let values = BetweennessCentrality.compute(network)
        var out: [String: Double] = [:]
        for (v, a) in network.agencies.enumerated() { out[graph[a].name] = values[v] }
        return out
    }

    /// Agencies named in both documents whose tasks rose most, largest first (then by name); `excluding` leaves some out.
    public func risers(_ top: Int, excluding: (Row) -> Bool = { _ in false }) -> ArraySlice<Row> {
        rows.filter { $0.inBoth && $0.change > 0 && !excluding($0) }.sorted { ($0.change, $1.name) > ($1.change, $0.name) }.prefix(top)
    }

    /// Agencies named in both documents whose tasks fell most, largest fall first (then by name).
    public func fallers(_ top: Int, excluding: (Row) -> Bool = { _ in false }) -> ArraySlice<Row> {
        rows.filter { $0.inBoth && $0.change < 0 && !excluding($0) }.sorted { ($0.change, $0.name) < ($1.change, $1.name) }.prefix(top)
    }

    /// Agencies ranked in both documents whose rank moved most, largest shift first (then by name).
    public func rankShifts(_ top: Int) -> ArraySlice<Row> {
        rows.filter { $0.inBoth && $0.rankBefore != nil && $0.rankAfter != nil }
            .sorted { (abs($0.rankBefore! - $0.rankAfter!), $1.name) > (abs($1.rankBefore! - $1.rankAfter!), $0.name) }.prefix(top)
    }

    /// Agencies only in the later document.
    public var appeared: [Row] { rows.filter { $0.leadBefore + $0.supportBefore == 0 } }
    /// Agencies only in the earlier document.
    public var disappeared: [Row] { rows.filter { $0.leadAfter + $0.supportAfter == 0 } }
}
