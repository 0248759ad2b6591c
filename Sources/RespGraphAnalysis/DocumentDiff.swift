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
                scoreBefore: [String: Double] = [:], scoreAfter: [String: Double] = [:], indicators: IndicatorLineage = IndicatorLineage()) {
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
        func tableIndicators(_ g: ResponsibilityGraph) -> [String] {
            var seen = Set<String>()
            return g.tasks.filter { $0.level == .table }.compactMap { seen.insert($0.indicator).inserted ? $0.indicator : nil }
        }
        let ib = tableIndicators(before), ia = tableIndicators(after)
        let ibLatest = Set(ib.map(indicators.latestName)), iaLatest = Set(ia.map(indicators.latestName))
        indicatorsAdded = ia.filter { !ibLatest.contains(indicators.latestName(of: $0)) }
        indicatorsRemoved = ib.filter { !iaLatest.contains(indicators.latestName(of: $0)) }
        indicatorsRenamed = ib.filter { indicators.latestName(of: $0) != $0 && iaLatest.contains(indicators.latestName(of: $0)) }
            .map { ($0, indicators.latestName(of: $0)) }
    }

    /// Agencies only in the later document.
    public var appeared: [Row] { rows.filter { $0.leadBefore + $0.supportBefore == 0 } }
    /// Agencies only in the earlier document.
    public var disappeared: [Row] { rows.filter { $0.leadAfter + $0.supportAfter == 0 } }
}
