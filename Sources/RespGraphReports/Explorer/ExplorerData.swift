import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// The one JSON document the explorer page reads, built by the same library calls as the CLI
/// (`Workload`, `Inequality`, `Outliers`, `AccountabilityChecks`, the centralities, `DocumentDiff`),
/// so the page shows respgraph's numbers, not its own.
///
/// Schema (version 1; ids are indices into the arrays):
/// - `schema`, `generator`, `lang`, `source`, `layout` (`graphviz neato` or `respgraph force layout`)
/// - `documents[]`: `id`, `title`, `tasks`
/// - `kinds[]`: `key`, `zh`, `en`, `color`, `text` (black or white on that colour)
/// - `agencies[]`: `name`, `kind`, `english`, `aliases[]`, `successor`, `predecessors[]`, `latest` (the
///   name through the registry's lineage), `collective`, `community`, `core`, `centrality{degree,
///   betweenness, closeness, eigenvector, constraint}` and `ranks{…}` (1 = highest; constraint lowest
///   first; null outside the co-assignment network)
/// - `indicators[]`; `tasks[]`: `key`, `doc` (index), `level`, `indicator` (index), `direction`, `text`,
///   `deadline`, `leads[]`, `supporters[]` (agency ids), `line`, `place`, `review[]` (the codes of the
///   import findings that mark the task for review; empty when its reading is certain)
/// - `workload{scope: …}` for `all` and every document id: `weights{lead, support}`, `agencies[]` of
///   `[id, lead, support, weighted]` heaviest first (collectives left out, as `respgraph workload`),
///   `gini`, `top_decile_share`, `top_decile_count`, `median`, `mad`, `threshold`, `outliers[]` (ids),
///   `checks{max_leads, max_supporters, without_lead[], many_leads[], many_supporters[],
///   lead_and_support[[task, agency]], without_supporter[]}` (task indices), `plan{max_load_before,
///   max_load_after, lower_bound, optimal, moves[[task, from, to]], loads[[agency, before, after]]}` (the
///   rebalancing plan of `respgraph workload balance`)
/// - `network{nodes[], x[], y[], coassign[[i, j, w]], dependency[[i, j, w, [tasks]]]}`: the heaviest
///   agencies (at most `networkLimit`), positions in [0, 1], links among them (i, j index `nodes`)
/// - `compare[]`: `before`, `after`, `indicators_added[]`, `indicators_removed[]`, `rows[]` of
///   `[name, former_names[], lead_before, lead_after, support_before, support_after]`
public struct ExplorerData {
    /// The most agencies the network view lays out (the heaviest).
    public static let networkLimit = 150

    /// The graph shown.
    public let graph: ResponsibilityGraph
    /// The registry (lineage for names and for comparing documents).
    public let registry: AgencyRegistry
    /// Where the data came from.
    public let source: String
    /// `zh` or `en`: the page's first language.
    public let lang: Language
    /// Indicators renamed between plans, for the comparison.
    public var indicators = IndicatorLineage()

    /// The data of a graph.
    public init(graph: ResponsibilityGraph, registry: AgencyRegistry, source: String, lang: Language) {
        self.graph = graph
        self.registry = registry
        self.source = source
        self.lang = lang
    }

    /// The agencies the network view shows, heaviest first (collectives left out), and the layout
    /// input: their co-assignment links among themselves.
    public var networkNodes: [AgencyID] {
        let loads = Workload.ranked(Workload.loads(in: graph).filter { !graph[$0.agency].isCollective }, in: graph)
        return loads.prefix(Self.networkLimit).map(\.agency)
    }

    /// The DOT a layout program places the network nodes with (node names are their indices).
    public func layoutDOT() -> String {
        let nodes = networkNodes
        let network = AgencyNetwork.coAssignment(graph)
        let index = Dictionary(uniqueKeysWithValues: network.agencies.enumerated().map { ($1, $0) })
        let nodeIndex = nodes.compactMap { index[$0] }
        var out = "graph layout {\n  graph [overlap=false, splines=false, sep=\"+8\"];\n  node [shape=circle, width=0.3, fixedsize=true, "
            + "label=\"\"];\n"
        for i in nodes.indices { out += "  n\(i);\n" }
        let links = network.diagramLinks(among: nodeIndex, threshold: 1).links
        for (i, j, w) in links { out += "  n\(i) -- n\(j) [weight=\(Int(min(w, 50)))];\n" }
        out += "}\n"
        return out
    }

    /// The JSON, with `positions` for the network nodes (from Graphviz, or nil for respgraph's own
    /// force layout).
    public func json(positions: [(Double, Double)]?) -> JSONValue {
        let network = AgencyNetwork.coAssignment(graph)
        let nodeOf = Dictionary(uniqueKeysWithValues: network.agencies.enumerated().map { ($1, $0) })
        let indicators = Workload.indicators(in: graph)
        // Workload for everything and for each document, with the ids of the full graph.
        var workload: [(String, JSONValue)] = [("all", workloadJSON(graph, documents: nil))]
        for (d, doc) in graph.documents.enumerated() { workload.append((doc.id, workloadJSON(graph, documents: [DocumentID(d)]))) }
        return .object([
            ("schema", .int(1)), ("lang", .string(lang.rawValue)), ("source", .string(source)),
            ("layout", .string(positions == nil ? "respgraph force layout" : "graphviz neato")),
            ("documents", .array(graph.documents.enumerated().map { d, doc in
                .object([("id", .string(doc.id)), ("title", .string(doc.title)),
                         ("tasks", .int(graph.tasks.filter { $0.document.index == d }.count))])
            })),
            ("kinds", .array(AgencyKind.allCases.map { k in
                .object([("key", .string(k.rawValue)), ("zh", .string(k.chineseName)),
                         ("en", .string(k.rawValue.replacingOccurrences(of: "-", with: " "))),
                         ("color", .string(DOTWriter.color(of: k))), ("text", .string(DOTWriter.textColor(on: DOTWriter.color(of: k))))])
            })),
            ("agencies", .array(agenciesJSON(network, nodeOf))), ("indicators", .array(indicators.map(JSONValue.string))),
            ("tasks", .array(tasksJSON(indicators))), ("workload", .object(workload)),
            ("network", networkJSON(positions, network, nodeOf)), ("compare", .array(compareJSON())),
        ])
    }

    /// Each agency: its names and kind, and where it is a network node its community, core,
    /// centralities (on the co-assignment network of everything loaded) and ranks.
    func agenciesJSON(_ network: AgencyNetwork, _ nodeOf: [AgencyID: Int]) -> [JSONValue] {
        let cores = Structure.coreNumbers(network)
        let communities = Communities.louvain(network).communities
        let measures: [(String, [Double], Bool)] = [
            ("degree", DegreeCentrality.compute(network).degree.map(Double.init), false),
            ("betweenness", BetweennessCentrality.compute(network), false), ("closeness", ClosenessCentrality.compute(network), false),
            ("eigenvector", EigenvectorCentrality.compute(network).values, false),
            ("constraint", StructuralHoles.compute(network).constraint, true)]
        let measureRanks = measures.map { ranks($0.1, network, ascending: $0.2) }
        return graph.agencyIDs.map { a in
            let agency = graph[a]
            let predecessors = registry.predecessors(of: agency.name)
            var members: [(String, JSONValue)] = [
                ("name", .string(agency.name)), ("kind", .string(agency.kind.rawValue)), ("english", .optional(agency.englishName)),
                ("aliases", .array(agency.aliases.map(JSONValue.string))), ("successor", .optional(agency.successor)),
                ("predecessors", .array(predecessors.map(JSONValue.string))), ("latest", .string(registry.latestName(of: agency.name))),
                ("collective", .bool(agency.isCollective)),
            ]
            if let v = nodeOf[a] {
                members += [("community", .int(communities[v] + 1)), ("core", .int(cores[v])),
                            ("centrality", .object(measures.map { ($0.0, $0.1[v].isNaN ? .null : .double($0.1[v])) })),
                            ("ranks", .object(zip(measures, measureRanks).map { ($0.0.0, $0.1[v] == 0 ? .null : .int($0.1[v])) }))]
            } else {
                members += [("community", .null), ("core", .null), ("centrality", .null), ("ranks", .null)]
            }
            return .object(members)
        }
    }

    /// Ranks of `values` over the network's nodes (1 the highest, or the lowest when `ascending`;
    /// ties by name; 0 for NaN).
    func ranks(_ values: [Double], _ network: AgencyNetwork, ascending: Bool) -> [Int] {
        let order = values.indices.sorted { a, b in
            let x = values[a], y = values[b]
            if x.isNaN != y.isNaN { return !x.isNaN }
            if x != y && !x.isNaN { return ascending ? x < y : x > y }
            return graph[network.agencies[a]].name < graph[network.agencies[b]].name
        }
        var r = [Int](repeating: 0, count: values.count)
        for (i, v) in order.enumerated() { r[v] = values[v].isNaN ? 0 : i + 1 }
        return r
    }

    /// Each task with its place, indicator (an index into `indicators`), agencies and review marks.
    func tasksJSON(_ indicators: [String]) -> [JSONValue] {
        let indicatorIndex = Dictionary(uniqueKeysWithValues: indicators.enumerated().map { ($1, $0) })
        return graph.taskIDs.map { t in
            let task = graph[t]
            return .object([
                ("key", .string(graph.key(of: t))), ("doc", .int(task.document.index)), ("level", .string(task.level.rawValue)),
                ("indicator", .int(indicatorIndex[task.indicator] ?? 0)),
                ("direction", .optional(task.direction.isEmpty ? nil : task.direction)),
                ("text", .optional(task.text.isEmpty ? nil : task.text)), ("deadline", .optional(task.deadline)),
                ("leads", .array(graph.agencies(of: t, role: .lead).map { .int($0.index) })),
                ("supporters", .array(graph.agencies(of: t, role: .support).map { .int($0.index) })),
                ("line", task.sourceLine > 0 ? .int(task.sourceLine) : .null), ("place", .optional(task.sourcePlace)),
                ("review", .array(task.review.map(JSONValue.string))),
            ])
        }
    }

    /// The network view: the heaviest agencies, their positions and the links among them.
    func networkJSON(_ positions: [(Double, Double)]?, _ network: AgencyNetwork, _ nodeOf: [AgencyID: Int]) -> JSONValue {
        let nodes = networkNodes
        let coassignLinks = coLinks(nodes, network, nodeOf)
        let place = positions ?? ForceLayout.positions(count: nodes.count, links: coassignLinks)
        let (xs, ys) = Self.normalised(place)
        let position = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        let dependency = AgencyNetwork.dependency(graph)
        let depNodeOf = Dictionary(uniqueKeysWithValues: dependency.agencies.enumerated().map { ($1, $0) })
        let dependencies = Dependencies(graph)
        var dependencyLinks: [JSONValue] = []
        for (i, a) in nodes.enumerated() where depNodeOf[a] != nil {
            for link in dependencies.reliesOn(a) {
                guard let j = position[link.supporter] else { continue }
                dependencyLinks.append(.array([.int(i), .int(j), .int(link.tasks.count), .array(link.tasks.map { .int($0.index) })]))
            }
        }
        return .object([
            ("nodes", .array(nodes.map { .int($0.index) })),
            ("x", .array(xs.map { .double(($0 * 1000).rounded() / 1000) })),
            ("y", .array(ys.map { .double(($0 * 1000).rounded() / 1000) })),
            ("coassign", .array(coassignLinks.map { .array([.int($0.0), .int($0.1), .double($0.2)]) })),
            ("dependency", .array(dependencyLinks)),
        ])
    }

    /// Document pairs for the comparison view: consecutive documents (every pair when few).
    func compareJSON() -> [JSONValue] {
        let documents = graph.documents
        var pairs: [(Int, Int)] = []
        if documents.count <= 5 {
            for i in documents.indices { for j in documents.indices where j > i { pairs.append((i, j)) } }
        } else {
            pairs = (0..<max(0, documents.count - 1)).map { ($0, $0 + 1) }
        }
        return pairs.map { (i, j) in
            let before = graph.filtered(documents: [DocumentID(i)]), after = graph.filtered(documents: [DocumentID(j)])
            let diff = DocumentDiff(before: before, after: after, latestName: { registry.latestName(of: $0) }, indicators: self.indicators)
            return .object([
                ("before", .int(i)), ("after", .int(j)),
                ("indicators_added", .array(diff.indicatorsAdded.map(JSONValue.string))),
                ("indicators_removed", .array(diff.indicatorsRemoved.map(JSONValue.string))),
                ("indicators_renamed", .array(diff.indicatorsRenamed.map { .string("\($0.0)→\($0.1)") })),
                ("rows", .array(diff.rows.map { r in
                    .array([.string(r.name), .array(r.formerNames.map(JSONValue.string)), .int(r.leadBefore), .int(r.leadAfter),
                            .int(r.supportBefore), .int(r.supportAfter)])
                })),
            ])
        }
    }

    /// Co-assignment links among the shown nodes, as positions in `nodes`.
    func coLinks(_ nodes: [AgencyID], _ network: AgencyNetwork, _ nodeOf: [AgencyID: Int]) -> [(Int, Int, Double)] {
        network.diagramLinks(among: nodes.compactMap { nodeOf[$0] }, threshold: 1).links
    }

    /// The workload view of some documents (nil: all), with agency ids of the full graph: the same
    /// calls and defaults as `respgraph workload`, `workload outliers` and `workload checks`.
    func workloadJSON(_ graph: ResponsibilityGraph, documents: Set<DocumentID>?) -> JSONValue {
        let scoped = documents.map { graph.filtered(documents: $0) } ?? graph
        let weights = WorkloadWeights.standard
        let ranked = Workload.ranked(Workload.loads(in: scoped, weights: weights).filter { !scoped[$0.agency].isCollective }, in: scoped)
        let inequality = Inequality(loads: ranked.map(\.weighted))
        let outliers = Outliers.above(ranked.map(\.weighted), k: 3)
        let checks = AccountabilityChecks(scoped)
        // Map the scoped graph's ids back to the full graph's.
        func agency(_ a: AgencyID) -> Int { graph.agency(named: scoped[a].name)!.index }
        func task(_ t: TaskID) -> JSONValue { .int(graph.task(key: scoped.key(of: t))!.index) }
        return .object([
            ("weights", .object([("lead", .double(weights.lead)), ("support", .double(weights.support))])),
            ("agencies", .array(ranked.map { .array([.int(agency($0.agency)), .int($0.lead), .int($0.support), .double($0.weighted)]) })),
            ("gini", .double(inequality.gini)), ("top_decile_share", .double(inequality.topDecileShare)),
            ("top_decile_count", .int(inequality.topDecileCount)),
            ("median", .double(outliers.median)), ("mad", .double(outliers.mad)), ("threshold", .double(outliers.threshold)),
            ("outliers", .array(outliers.indices.map { .int(agency(ranked[$0].agency)) })),
            ("collectives_left_out", .int(Workload.loads(in: scoped).filter { scoped[$0.agency].isCollective }.count)),
            ("checks", .object([
                ("max_leads", .int(3)), ("max_supporters", .int(10)),
                ("without_lead", .array(checks.withoutLead.map(task))), ("many_leads", .array(checks.manyLeads.map(task))),
                ("many_supporters", .array(checks.manySupporters.map(task))),
                ("lead_and_support", .array(checks.leadAndSupport.map { .array([task($0.0), .int(agency($0.1))]) })),
                ("without_supporter", .array(checks.withoutSupporter.map(task))),
            ])),
            ("plan", planJSON(scoped, agency: agency, task: task)),
        ])
    }

    /// The rebalancing plan of a scope, as `respgraph workload balance` gives it (ids of the full graph).
    func planJSON(_ scoped: ResponsibilityGraph, agency: (AgencyID) -> Int, task: (TaskID) -> JSONValue) -> JSONValue {
        guard let plan = try? Rebalancing.plan(scoped) else { return .null }
        return .object([
            ("max_load_before", .double(plan.maxLoadBefore)), ("max_load_after", .double(plan.maxLoadAfter)),
            ("lower_bound", .double(plan.lowerBound)), ("optimal", .bool(plan.optimal)),
            ("moves", .array(plan.moves.map { .array([task($0.task), .int(agency($0.from)), .int(agency($0.to))]) })),
            ("loads", .array(plan.changedLoads.map { .array([.int(agency($0.agency)), .double($0.before), .double($0.after)]) })),
        ])
    }

    /// Positions scaled into [0, 1] on both axes, keeping the aspect ratio.
    static func normalised(_ points: [(Double, Double)]) -> ([Double], [Double]) {
        guard let minX = points.map(\.0).min(), let maxX = points.map(\.0).max(),
              let minY = points.map(\.1).min(), let maxY = points.map(\.1).max() else { return ([], []) }
        let span = max(maxX - minX, maxY - minY, 1e-9)
        return (points.map { ($0.0 - minX) / span }, points.map { ($0.1 - minY) / span })
    }

    /// Node positions from Graphviz's `-Tplain` output of ``layoutDOT()``: `node nK x y …` lines.
    public static func positions(fromPlain text: String, count: Int) -> [(Double, Double)]? {
        var points = [(Double, Double)?](repeating: nil, count: count)
        for line in text.split(separator: "\n") where line.hasPrefix("node ") {
            let parts = line.split(separator: " ")
            guard parts.count >= 4, parts[1].hasPrefix("n"), let i = Int(parts[1].dropFirst()), i < count,
                  let x = Double(parts[2]), let y = Double(parts[3]) else { continue }
            points[i] = (x, -y)   // Graphviz's y grows upward; the page's downward.
        }
        let found = points.compactMap { $0 }
        return found.count == count ? found : nil
    }
}
