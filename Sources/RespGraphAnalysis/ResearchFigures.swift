import RespGraphModel

/// Every figure the research report publishes for one document (or a union of documents),
/// computed once on its co-assignment and dependency networks (collective placeholders left out).
///
/// - Complexity: dominated by betweenness and closeness, O(n·m) on the co-assignment network.
public struct DocumentFigures: Sendable {
    /// The document id (or `2022+2024` for a union).
    public let id: String
    /// The document's graph.
    public let graph: ResponsibilityGraph
    /// The co-assignment network.
    public let network: AgencyNetwork
    /// The dependency network (lead → supporter); same agencies in the same order.
    public let dependency: AgencyNetwork
    /// Network-level measures of the co-assignment network.
    public let measures: NetworkMeasures
    /// k-core number per node.
    public let cores: [Int]
    /// Louvain communities per node and their modularity.
    public let communities: [Int]
    /// Newman's modularity of `communities`.
    public let modularity: Double
    /// The Borgatti–Everett core–periphery split.
    public let corePeriphery: CorePeriphery
    /// Degree per node.
    public let degree: [Int]
    /// Normalized betweenness per node.
    public let betweenness: [Double]
    /// Wasserman–Faust closeness per node.
    public let closeness: [Double]
    /// Eigenvector centrality per node.
    public let eigenvector: [Double]
    /// Burt's structural-hole measures per node.
    public let holes: StructuralHoles.Measures
    /// Load of every agency of the graph (by agency index, collectives included).
    public let loads: [AgencyLoad]
    /// Breadth–depth roles per node.
    public let roster: [RoleRoster.Entry]
    /// Out-degree in the dependency network: how many agencies each node coordinates as a lead.
    public let leadTies: [Int]

    /// Computes the figures of a graph.
    public init(id: String, graph: ResponsibilityGraph) {
        self.id = id
        self.graph = graph
        network = AgencyNetwork.coAssignment(graph)
        dependency = AgencyNetwork.dependency(graph)
        cores = Structure.coreNumbers(network)
        (communities, modularity) = Communities.louvain(network)
        corePeriphery = CorePeriphery(network)
        degree = DegreeCentrality.compute(network).degree
        betweenness = BetweennessCentrality.compute(network)
        closeness = ClosenessCentrality.compute(network)
        measures = NetworkMeasures(network, betweenness: betweenness, closeness: closeness)
        eigenvector = EigenvectorCentrality.compute(network).values
        holes = StructuralHoles.compute(network)
        loads = Workload.loads(in: graph)
        roster = RoleRoster.compute(network).entries
        leadTies = DegreeCentrality.compute(dependency).degree
    }

    /// The name of node `v`.
    public func name(_ v: Int) -> String { graph[network.agencies[v]].name }

    /// One indicator's lead concentration.
    public struct Concentration: Sendable {
        /// The indicator (指标).
        public let indicator: String
        /// Its table tasks.
        public let tasks: Int
        /// The agency holding most of its lead assignments (ties: the first name).
        public let topAgency: String
        /// That agency's share of the lead assignments.
        public let share: Double
        /// Herfindahl–Hirschman index of the lead assignments (Σ share²).
        public let hhi: Double
    }

    /// Per-indicator lead concentration over table tasks, in order of first appearance.
    ///
    /// - Definition: share = max_a L(a) / Σ_a L(a), HHI = Σ_a (L(a)/Σ L)², L(a) the indicator's tasks
    ///   agency a leads. O(tasks · leads).
    public var concentration: [Concentration] {
        var order: [String] = []
        var counts: [String: [AgencyID: Int]] = [:], tasks: [String: Int] = [:]
        for t in graph.taskIDs where graph[t].level == .table {
            let indicator = graph[t].indicator
            if counts[indicator] == nil { order.append(indicator) }
            tasks[indicator, default: 0] += 1
            for a in graph.agencies(of: t, role: .lead) { counts[indicator, default: [:]][a, default: 0] += 1 }
        }
        return order.map { indicator in
            let byAgency = counts[indicator] ?? [:]
            let total = Double(byAgency.values.reduce(0, +))
            let best = byAgency.max { ($0.value, graph[$1.key].name) < ($1.value, graph[$0.key].name) }
            let hhi = total > 0 ? byAgency.values.reduce(0.0) { $0 + (Double($1) / total) * (Double($1) / total) } : 0
            return Concentration(indicator: indicator, tasks: tasks[indicator] ?? 0, topAgency: best.map { graph[$0.key].name } ?? "",
                                 share: total > 0 ? Double(best?.value ?? 0) / total : 0, hhi: hhi)
        }
    }

    /// Nodes by betweenness, then degree, then name: the agency-level table's order.
    public func byBetweenness(limit: Int) -> [Int] {
        Array((0..<network.nodeCount).sorted { (betweenness[$0], degree[$0], name($1)) > (betweenness[$1], degree[$1],
            name($0)) }.prefix(limit))
    }

    /// Brokers: the least constrained nodes (constraint defined), then by name.
    public func brokers(limit: Int) -> [Int] {
        let nodes = (0..<network.nodeCount).filter { !holes.constraint[$0].isNaN }
        return Array(nodes.sorted { (holes.constraint[$0], name($0)) < (holes.constraint[$1], name($1)) }.prefix(limit))
    }

    /// A node's rank as a lead (dependency out-degree) beside its rank over all ties (co-assignment degree).
    public struct RankGap: Sendable {
        /// The node.
        public let node: Int
        /// Agencies it coordinates as a lead.
        public let leadTies: Int
        /// Its rank by `leadTies` (1 = most).
        public let leadRank: Int
        /// Its co-assignment degree.
        public let degree: Int
        /// Its rank by degree.
        public let degreeRank: Int
        /// degreeRank − leadRank: positive when it ranks higher as a lead than over all ties.
        public var gap: Int { degreeRank - leadRank }
    }

    /// The `limit` highest-ranked leads with their all-ties rank (ties in score broken by name).
    public func leadRankGaps(limit: Int) -> [RankGap] {
        let n = network.nodeCount
        func ranks(_ score: [Int]) -> [Int] {
            let order = (0..<n).sorted { (score[$0], name($1)) > (score[$1], name($0)) }
            var r = [Int](repeating: 0, count: n)
            for (i, v) in order.enumerated() { r[v] = i + 1 }
            return r
        }
        let lead = ranks(leadTies), all = ranks(degree)
        return (0..<n).sorted { lead[$0] < lead[$1] }.prefix(limit).map {
            RankGap(node: $0, leadTies: leadTies[$0], leadRank: lead[$0], degree: degree[$0], degreeRank: all[$0])
        }
    }
}

/// One row of the report's measure tables: a key, labels in both languages, a definition, and the
/// value for each document.
public struct ReportMeasure: Sendable {
    /// Stable key (snake_case) for JSON and CSV.
    public let key: String
    /// The row's label.
    public let label: Bilingual
    /// The value per document, in the order of the documents.
    public let values: [Double]
    /// Formula, normalisation and reference.
    public let definition: Bilingual

    /// The network-level measures of each document.
    public static func networkLevel(_ columns: [DocumentFigures]) -> [ReportMeasure] {
        MeasureDefinition.networkLevel.map { $0.measure(of: columns) }
    }

    /// The role-aware figures of each document.
    public static func roleAware(_ columns: [DocumentFigures]) -> [ReportMeasure] {
        MeasureDefinition.roleAware.map { $0.measure(of: columns) }
    }
}

/// A measure of the research report, declared once: its key, its label and definition in both
/// languages, and how it is read from a document's figures.
public struct MeasureDefinition: Sendable {
    /// Stable key (snake_case) for JSON and CSV.
    public let key: String
    /// The label.
    public let label: Bilingual
    /// Formula, normalisation and reference.
    public let definition: Bilingual
    /// The value for one document.
    let value: @Sendable (DocumentFigures) -> Double

    init(_ key: String, _ label: Bilingual, _ definition: Bilingual, _ value: @escaping @Sendable (DocumentFigures) -> Double) {
        (self.key, self.label, self.definition, self.value) = (key, label, definition, value)
    }

    /// The measure's values for each document.
    func measure(of columns: [DocumentFigures]) -> ReportMeasure {
        ReportMeasure(key: key, label: label, values: columns.map(value), definition: definition)
    }

    /// The network-level measures, in the order the report shows them.
    static let networkLevel: [MeasureDefinition] = [
        .init("agencies", Bilingual("主体数", "agencies"),
              Bilingual("n：任务所列的主体数（不含集合主体）", "n: agencies named by a task (collective placeholders left out)")) {
            Double($0.measures.nodes)
        },
        .init("ties", Bilingual("关系数", "ties"),
              Bilingual("m：至少共同承担一项任务的主体对数", "m: pairs of agencies sharing at least one task")) { Double($0.measures.ties) },
        .init("density", Bilingual("网络密度", "density"), Bilingual("2m / (n(n−1))", "2m / (n(n−1))")) { $0.measures.density },
        .init("valued_density", Bilingual("加权密度", "valued density"),
              Bilingual("Σw / (n(n−1)/2)：所有主体对平均共同承担的任务数", "Σ w / (n(n−1)/2): mean number of shared tasks over all pairs")) {
            $0.measures.valuedDensity
        },
        .init("degree_centralization", Bilingual("度数中心势", "degree centralisation"),
              Bilingual("Σ (d_max − d_i) / ((n−1)(n−2))（Freeman 1979）", "Σ (d_max − d_i) / ((n−1)(n−2)) (Freeman 1979)")) {
            $0.measures.degreeCentralization
        },
        .init("betweenness_centralization", Bilingual("中间中心势", "betweenness centralisation"),
              Bilingual("Σ (b_max − b_i) / (n−1)，b 按 (n−1)(n−2)/2 标准化（Freeman 1979）",
                        "Σ (b_max − b_i) / (n−1), b normalized by (n−1)(n−2)/2 (Freeman 1979)")) { $0.measures.betweennessCentralization },
        .init("closeness_centralization", Bilingual("接近中心势", "closeness centralisation"),
              Bilingual("Σ (c_max − c_i) / ((n−1)(n−2)/(2n−3))，c 为 Wasserman–Faust 接近中心度",
                        "Σ (c_max − c_i) / ((n−1)(n−2)/(2n−3)), c Wasserman–Faust closeness")) { $0.measures.closenessCentralization },
        .init("average_path_length", Bilingual("平均路径长度", "average path length"),
              Bilingual("可达主体对之间最短距离 d_ij 的平均值", "mean d_ij over pairs that reach each other")) { $0.measures.averagePathLength },
        .init("diameter", Bilingual("网络直径", "diameter"),
              Bilingual("可达主体对之间最短距离的最大值", "max d_ij over pairs that reach each other")) { Double($0.measures.diameter) },
        .init("compactness", Bilingual("紧凑度（全局效率）", "compactness (global efficiency)"),
              Bilingual("有序主体对 1/d_ij 的平均值，不可达记 0（UCINET 紧凑度；Latora–Marchiori 2001）",
                        "mean 1/d_ij over ordered pairs, 0 when unreachable (UCINET compactness; Latora–Marchiori 2001)")) {
            $0.measures.compactness
        },
        .init("average_clustering", Bilingual("平均聚类系数", "average clustering"),
              Bilingual("各主体局部聚类系数的平均值，度数小于 2 记 0（Watts–Strogatz 1998）",
                        "mean local clustering, 0 for degree < 2 (Watts–Strogatz 1998)")) { $0.measures.averageClustering },
        .init("transitivity", Bilingual("传递性", "transitivity"),
              Bilingual("3 × 三角形数 / 连通三元组数", "3 × triangles / connected triples")) { $0.measures.transitivity },
        .init("degree_assortativity", Bilingual("度同配系数", "degree assortativity"),
              Bilingual("关系两端主体度数的 Pearson 相关系数（Newman 2002）",
                        "Pearson correlation of degrees at the two ends of a tie (Newman 2002)")) { $0.measures.assortativity },
        .init("components", Bilingual("连通分量数", "components"),
              Bilingual("连通分量个数", "connected components")) { Double($0.measures.components) },
        .init("largest_component", Bilingual("最大分量规模", "largest component"),
              Bilingual("最大连通分量中的主体数", "agencies in the largest component")) { Double($0.measures.largestComponent) },
        .init("max_core", Bilingual("最高k-核", "innermost k-core"),
              Bilingual("存在最小度数为 k 的子图的最大 k（Batagelj–Zaversnik 2003）",
                        "largest k with a subgraph of minimum degree k (Batagelj–Zaversnik 2003)")) { Double($0.cores.max() ?? 0) },
        .init("max_core_size", Bilingual("最高k-核规模", "innermost core size"),
              Bilingual("最高 k-核中的主体数", "agencies in the innermost k-core")) { c in
            Double(c.cores.filter { $0 == (c.cores.max() ?? 0) }.count)
        },
        .init("communities", Bilingual("凝聚子群数", "communities"),
              Bilingual("固定顺序 Louvain 方法得到的凝聚子群数（Blondel 等 2008）",
                        "Louvain communities in fixed order (Blondel et al. 2008)")) { Double(Set($0.communities).count) },
        .init("modularity", Bilingual("模块度", "modularity"),
              Bilingual("Q = Σ_c [L_c/m − (D_c/2m)²]，按权重计算（Newman 2004）", "Q = Σ_c [L_c/m − (D_c/2m)²], weighted (Newman 2004)")) {
            $0.modularity
        },
        .init("core_size", Bilingual("核心成员数", "core size"),
              Bilingual("Borgatti–Everett 核心中的主体数（使拟合度最大的划分）",
                        "agencies in the Borgatti–Everett core (split maximising the fit)")) {
            Double($0.corePeriphery.inCore.filter { $0 }.count)
        },
        .init("core_core_density", Bilingual("核心—核心密度", "core–core density"),
              Bilingual("核心主体之间的关系密度", "density of ties among core agencies")) { $0.corePeriphery.densities.coreCore },
        .init("core_periphery_density", Bilingual("核心—边缘密度", "core–periphery density"),
              Bilingual("核心与边缘主体之间的关系密度", "density of ties between core and periphery")) { $0.corePeriphery.densities.corePeriphery },
        .init("periphery_periphery_density", Bilingual("边缘—边缘密度", "periphery–periphery density"),
              Bilingual("边缘主体之间的关系密度", "density of ties among periphery agencies")) { $0.corePeriphery.densities.peripheryPeriphery },
        .init("core_periphery_fit", Bilingual("核心—边缘拟合度", "core–periphery fit"),
              Bilingual("邻接矩阵与理想核心—边缘结构的相关系数（Borgatti–Everett 2000）",
                        "correlation of the adjacency with the ideal core–periphery pattern (Borgatti–Everett 2000)")) {
            $0.corePeriphery.fit
        },
        .init("dependency_ties", Bilingual("依赖关系数（有向）", "dependency ties (directed)"),
              Bilingual("牵头单位 → 配合单位的有向主体对数", "lead → supporter pairs")) { Double($0.dependency.linkCount) },
        .init("dependency_density", Bilingual("依赖网络密度", "dependency density"),
              Bilingual("有向依赖网络的 m / (n(n−1))", "m / (n(n−1)) for the directed lead → supporter network")) { c in
            let n = Double(c.dependency.nodeCount)
            return n > 1 ? Double(c.dependency.linkCount) / (n * (n - 1)) : 0
        },
    ]

    /// The role-aware figures, in the order the report shows them.
    static let roleAware: [MeasureDefinition] = [
        .init("tasks", Bilingual("任务数", "tasks"),
              Bilingual("文件的任务数（表格任务与工作要点）", "tasks of the document (table rows and work points)")) { Double($0.graph.tasks.count) },
        .init("multi_lead_share", Bilingual("多头牵头任务占比", "share of tasks with several leads"),
              Bilingual("牵头单位多于一个的任务数 / 任务数", "tasks with more than one lead / tasks")) { c in
            Double(c.graph.taskIDs.filter { c.graph.agencies(of: $0, role: .lead).count > 1 }.count) / Double(max(1, c.graph.tasks.count))
        },
        .init("mean_supporters", Bilingual("每项任务平均配合单位数", "mean supporters per task"),
              Bilingual("配合关系数 / 任务数", "support edges / tasks")) { c in
            Double(c.graph.edgeCount(role: .support)) / Double(max(1, c.graph.tasks.count))
        },
        .init("lead_gini", Bilingual("牵头负荷基尼系数", "Gini of weighted load"),
              Bilingual("非集合主体加权负荷（牵头 1、配合 0.5）的基尼系数",
                        "Gini coefficient of weighted load (lead 1, support 0.5) over non-collective agencies")) { c in
            Inequality(loads: c.loads.filter { !c.graph[$0.agency].isCollective }.map(\.weighted)).gini
        },
        .init("single_agency_indicators", Bilingual("单一主体承担的指标数", "indicators led by one agency"),
              Bilingual("全部牵头任务由同一主体承担的指标数", "indicators whose every lead assignment belongs to one agency")) { c in
            Double(c.concentration.filter { $0.share == 1 }.count)
        },
    ]
}

extension DocumentFigures {
    /// Agencies other than collective placeholders, heaviest first (as `respgraph workload`).
    public var rankedLoads: [AgencyLoad] {
        Workload.ranked(loads.filter { !graph[$0.agency].isCollective }, in: graph)
    }

    /// The share of the total weighted load the `k` heaviest agencies carry.
    public func shareOfHeaviest(_ k: Int) -> Double {
        let ranked = rankedLoads
        let total = ranked.reduce(0) { $0 + $1.weighted }
        return total > 0 ? ranked.prefix(k).reduce(0) { $0 + $1.weighted } / total : 0
    }

    /// The members of each community (nodes), largest community first, members by degree then name.
    public var communityMembers: [[Int]] {
        var groups: [Int: [Int]] = [:]
        for (v, c) in communities.enumerated() { groups[c, default: []].append(v) }
        return groups.values.map { $0.sorted { (degree[$0], name($1)) > (degree[$1], name($0)) } }
            .sorted { ($0.count, name($1[0])) > ($1.count, name($0[0])) }
    }

    /// The Borgatti–Everett core's members (nodes) by coreness, highest first.
    public var coreMembers: [Int] {
        (0..<network.nodeCount).filter { corePeriphery.inCore[$0] }
            .sorted { (corePeriphery.coreness[$0], name($1)) > (corePeriphery.coreness[$1], name($0)) }
    }

    /// The Lorenz curve of weighted load: (share of agencies, share of load), from (0, 0) to (1, 1),
    /// agencies from the lightest. The Gini coefficient is 1 − 2 × the area under it.
    public var lorenzCurve: [(Double, Double)] {
        let loads = rankedLoads.map(\.weighted).sorted()
        let total = loads.reduce(0, +), n = Double(loads.count)
        guard total > 0, n > 0 else { return [(0, 0), (1, 1)] }
        var points = [(0.0, 0.0)], running = 0.0
        for (i, x) in loads.enumerated() {
            running += x
            points.append((Double(i + 1) / n, running / total))
        }
        return points
    }
}
