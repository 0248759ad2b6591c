import Foundation
import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// The research report's content, built once and written as Markdown, HTML, JSON or CSV.
struct ResearchReport {
    let columns: [ReportColumn]
    let registry: AgencyRegistry
    let lang: String
    let top: Int
    let compare: Bool

    /// A label in the report's language.
    func t(_ zh: String, _ en: String) -> String { lang == "zh" ? zh : en }

    /// A number with up to four decimals; "–" for NaN.
    static func number(_ x: Double) -> String {
        if x.isNaN { return "–" }
        if x == x.rounded() && abs(x) < 1e12 { return String(Int(x)) }
        return String(format: "%.4f", x)
    }

    /// A change with its sign: +0.0696, −2, 0.
    static func change(_ x: Double) -> String {
        if x.isNaN { return "–" }
        if x == 0 { return "0" }
        return (x > 0 ? "+" : "−") + number(abs(x))
    }

    /// One row of the network-level table: key, labels, the value in each column.
    struct Measure {
        let key: String
        let zh: String
        let en: String
        let values: [Double]
        let definition: String
    }

    var networkMeasures: [Measure] {
        func m(_ key: String, _ zh: String, _ en: String, _ definition: String, _ f: (ReportColumn) -> Double) -> Measure {
            Measure(key: key, zh: zh, en: en, values: columns.map(f), definition: definition)
        }
        return [
            m("agencies", "主体数", "agencies", "n: agencies named by a task (collective placeholders left out)") { Double($0.measures.nodes) },
            m("ties", "关系数", "ties", "m: pairs of agencies sharing at least one task") { Double($0.measures.ties) },
            m("density", "网络密度", "density", "2m / (n(n−1))") { $0.measures.density },
            m("valued_density", "加权密度", "valued density", "Σ w / (n(n−1)/2): mean number of shared tasks over all pairs") { $0.measures.valuedDensity },
            m("degree_centralization", "度数中心势", "degree centralisation", "Σ (d_max − d_i) / ((n−1)(n−2)) (Freeman 1979)") { $0.measures.degreeCentralization },
            m("betweenness_centralization", "中间中心势", "betweenness centralisation", "Σ (b_max − b_i) / (n−1), b normalized by (n−1)(n−2)/2 (Freeman 1979)") { $0.measures.betweennessCentralization },
            m("closeness_centralization", "接近中心势", "closeness centralisation", "Σ (c_max − c_i) / ((n−1)(n−2)/(2n−3)), c Wasserman–Faust closeness") { $0.measures.closenessCentralization },
            m("average_path_length", "平均路径长度", "average path length", "mean d_ij over pairs that reach each other") { $0.measures.averagePathLength },
            m("diameter", "网络直径", "diameter", "max d_ij over pairs that reach each other") { Double($0.measures.diameter) },
            m("compactness", "紧凑度（全局效率）", "compactness (global efficiency)", "mean 1/d_ij over ordered pairs, 0 when unreachable (UCINET compactness; Latora–Marchiori 2001)") { $0.measures.compactness },
            m("average_clustering", "平均聚类系数", "average clustering", "mean local clustering, 0 for degree < 2 (Watts–Strogatz 1998)") { $0.measures.averageClustering },
            m("transitivity", "传递性", "transitivity", "3 × triangles / connected triples") { $0.measures.transitivity },
            m("degree_assortativity", "度同配系数", "degree assortativity", "Pearson correlation of degrees at the two ends of a tie (Newman 2002)") { $0.measures.assortativity },
            m("components", "连通分量数", "components", "connected components") { Double($0.measures.components) },
            m("largest_component", "最大分量规模", "largest component", "agencies in the largest component") { Double($0.measures.largestComponent) },
            m("max_core", "最高k-核", "innermost k-core", "largest k with a subgraph of minimum degree k (Batagelj–Zaversnik 2003)") { Double($0.cores.max() ?? 0) },
            m("max_core_size", "最高k-核规模", "innermost core size", "agencies in the innermost k-core") { c in Double(c.cores.filter { $0 == (c.cores.max() ?? 0) }.count) },
            m("communities", "凝聚子群数", "communities", "Louvain communities in fixed order (Blondel et al. 2008)") { Double(Set($0.communities.communities).count) },
            m("modularity", "模块度", "modularity", "Q = Σ_c [L_c/m − (D_c/2m)²], weighted (Newman 2004)") { $0.communities.modularity },
            m("core_size", "核心成员数", "core size", "agencies in the Borgatti–Everett core (split maximising the fit)") { Double($0.corePeriphery.inCore.filter { $0 }.count) },
            m("core_core_density", "核心—核心密度", "core–core density", "density of ties among core agencies") { $0.corePeriphery.densities.coreCore },
            m("core_periphery_density", "核心—边缘密度", "core–periphery density", "density of ties between core and periphery") { $0.corePeriphery.densities.corePeriphery },
            m("periphery_periphery_density", "边缘—边缘密度", "periphery–periphery density", "density of ties among periphery agencies") { $0.corePeriphery.densities.peripheryPeriphery },
            m("core_periphery_fit", "核心—边缘拟合度", "core–periphery fit", "correlation of the adjacency with the ideal core–periphery pattern (Borgatti–Everett 2000)") { $0.corePeriphery.fit },
            m("dependency_ties", "依赖关系数（有向）", "dependency ties (directed)", "lead → supporter pairs") { Double($0.dependency.linkCount) },
            m("dependency_density", "依赖网络密度", "dependency density", "m / (n(n−1)) for the directed lead → supporter network") { c in
                let n = Double(c.dependency.nodeCount); return n > 1 ? Double(c.dependency.linkCount) / (n * (n - 1)) : 0 },
        ]
    }

    /// Role-aware figures per column.
    var roleMeasures: [Measure] {
        func m(_ key: String, _ zh: String, _ en: String, _ definition: String, _ f: (ReportColumn) -> Double) -> Measure {
            Measure(key: key, zh: zh, en: en, values: columns.map(f), definition: definition)
        }
        return [
            m("tasks", "任务数", "tasks", "tasks of the document (table rows and work points)") { Double($0.graph.tasks.count) },
            m("multi_lead_share", "多头牵头任务占比", "share of tasks with several leads", "tasks with more than one lead / tasks") { c in
                Double(c.graph.taskIDs.filter { c.graph.agencies(of: $0, role: .lead).count > 1 }.count) / Double(max(1, c.graph.tasks.count)) },
            m("mean_supporters", "每项任务平均配合单位数", "mean supporters per task", "support edges / tasks") { c in
                Double(c.graph.edgeCount(role: .support)) / Double(max(1, c.graph.tasks.count)) },
            m("lead_gini", "牵头负荷基尼系数", "Gini of weighted load", "Gini coefficient of weighted load (lead 1, support 0.5) over non-collective agencies") { c in
                Inequality(loads: c.loads.filter { !c.graph[$0.agency].isCollective }.map(\.weighted)).gini },
            m("single_agency_indicators", "单一主体承担的指标数", "indicators led by one agency", "indicators whose every lead assignment belongs to one agency") { c in
                Double(concentration(c).filter { $0.share == 1 }.count) },
        ]
    }

    /// Per-indicator concentration: the top lead agency's share of the indicator's lead assignments and the HHI.
    func concentration(_ c: ReportColumn) -> [(indicator: String, tasks: Int, top: String, share: Double, hhi: Double)] {
        var order: [String] = []
        var counts: [String: [AgencyID: Int]] = [:], tasks: [String: Int] = [:]
        for t in c.graph.taskIDs where c.graph[t].level == .table {
            let ind = c.graph[t].indicator
            if counts[ind] == nil { order.append(ind) }
            tasks[ind, default: 0] += 1
            for a in c.graph.agencies(of: t, role: .lead) { counts[ind, default: [:]][a, default: 0] += 1 }
        }
        return order.map { ind in
            let byAgency = counts[ind] ?? [:]
            let total = Double(byAgency.values.reduce(0, +))
            let best = byAgency.max { ($0.value, c.graph[$1.key].name) < ($1.value, c.graph[$0.key].name) }
            let hhi = total > 0 ? byAgency.values.reduce(0.0) { $0 + (Double($1) / total) * (Double($1) / total) } : 0
            return (ind, tasks[ind] ?? 0, best.map { c.graph[$0.key].name } ?? "", total > 0 ? Double(best?.value ?? 0) / total : 0, hhi)
        }
    }

    /// The agency-level table of one column: the top agencies by betweenness.
    func agencyRows(_ c: ReportColumn) -> [[String]] {
        let order = (0..<c.network.nodeCount).sorted { (c.betweenness[$0], c.degree[$0], c.graph[c.network.agencies[$1]].name) > (c.betweenness[$1], c.degree[$1], c.graph[c.network.agencies[$0]].name) }
        return order.prefix(top).map { v in
            let a = c.network.agencies[v]
            let agency = c.graph[a]
            let name = agency.englishName.map { lang == "en" ? "\(agency.name) (\($0))" : agency.name } ?? agency.name
            return [name, String(c.degree[v]), Self.number(c.betweenness[v]), Self.number(c.closeness[v]), Self.number(c.eigenvector[v]),
                    Self.number(c.holes.effectiveSize[v]), Self.number(c.holes.constraint[v]), Self.number(c.corePeriphery.coreness[v]),
                    c.corePeriphery.inCore[v] ? t("核心", "core") : t("边缘", "periphery"), String(c.loads[a.index].lead),
                    String(c.loads[a.index].support), lang == "zh" ? c.roster[v].role.chineseName : c.roster[v].role.rawValue]
        }
    }

    var agencyHeader: [String] {
        [t("主体", "agency"), t("度数", "degree"), t("中间中心度", "betweenness"), t("接近中心度", "closeness"), t("特征向量中心度", "eigenvector"),
         t("有效规模", "effective size"), t("约束系数", "constraint"), t("核心度", "coreness"), t("核心/边缘", "core/periphery"),
         t("牵头", "lead"), t("配合", "support"), t("角色", "role")]
    }

    /// Brokers: highest effective size and lowest constraint.
    func brokers(_ c: ReportColumn) -> [[String]] {
        let nodes = (0..<c.network.nodeCount).filter { !c.holes.constraint[$0].isNaN }
        let byConstraint = nodes.sorted { (c.holes.constraint[$0], c.graph[c.network.agencies[$0]].name) < (c.holes.constraint[$1], c.graph[c.network.agencies[$1]].name) }
        return byConstraint.prefix(5).map { v in
            [c.graph[c.network.agencies[v]].name, Self.number(c.holes.effectiveSize[v]), Self.number(c.holes.efficiency[v]),
             Self.number(c.holes.constraint[v]), Self.number(c.holes.hierarchy[v])]
        }
    }

    /// Lead-only versus all-ties ranks: rank by dependency out-degree (agencies coordinated as a lead)
    /// beside the rank by co-assignment degree.
    func leadRanks(_ c: ReportColumn) -> [[String]] {
        let n = c.network.nodeCount
        func ranks(_ score: [Int]) -> [Int] {
            let order = (0..<n).sorted { (score[$0], c.graph[c.network.agencies[$1]].name) > (score[$1], c.graph[c.network.agencies[$0]].name) }
            var r = [Int](repeating: 0, count: n)
            for (i, v) in order.enumerated() { r[v] = i + 1 }
            return r
        }
        // The dependency network has the same agencies in the same order.
        let lead = ranks(c.leadTies), all = ranks(c.degree)
        return (0..<n).sorted { lead[$0] < lead[$1] }.prefix(10).map { v in
            [c.graph[c.network.agencies[v]].name, String(c.leadTies[v]), String(lead[v]), String(c.degree[v]), String(all[v]), String(format: "%+d", all[v] - lead[v])]
        }
    }

    var title: String {
        let docs = columns.map { col in col.graph.documents.map(\.title).joined(separator: " + ") }
        return compare ? t("政策主体合作网络对比报告：", "Inter-agency network report: ") + docs.joined(separator: " → ")
                       : t("政策主体合作网络报告：", "Inter-agency network report: ") + docs.joined(separator: "")
    }

    // MARK: Markdown and HTML share one list of blocks.

    enum Block {
        case heading(String)
        case paragraph(String)
        case table([String], [[String]])
        case diagram(Int)
    }

    var blocks: [Block] {
        var b: [Block] = [.heading(title)]
        b.append(.paragraph(t("网络：共同任务网络（两主体共同承担一项任务即有关系，权重为共同任务数），不含“各市、县人民政府”等集合主体；依赖网络：牵头单位 → 配合单位。",
                              "Networks: the co-assignment network (two agencies are tied when they share a task; weight = shared tasks), collective placeholders such as 各市、县人民政府 left out; the dependency network: lead → supporter.")))
        let names = columns.map(\.id)
        let header = [t("指标", "measure")] + names + (compare ? [t("变化", "change")] : [])
        func rows(_ measures: [Measure]) -> [[String]] {
            measures.map { m in
                [t(m.zh, m.en)] + m.values.map(Self.number) + (compare ? [Self.change(m.values[1] - m.values[0])] : [])
            }
        }
        b.append(.heading(t("一、整体网络结构", "1. Network-level structure")))
        b.append(.table(header, rows(networkMeasures)))
        for (i, _) in columns.enumerated() { b.append(.diagram(i)) }
        b.append(.heading(t("二、角色相关测度", "2. Role-aware measures")))
        b.append(.table(header, rows(roleMeasures)))
        for c in columns {
            b.append(.paragraph(t("\(c.id)：各指标的牵头集中度（最大牵头主体份额与HHI）", "\(c.id): lead concentration per indicator (top lead agency's share, HHI)")))
            b.append(.table([t("指标", "indicator"), t("任务", "tasks"), t("最大牵头主体", "top lead agency"), t("份额", "share"), "HHI"],
                            concentration(c).map { [$0.indicator, String($0.tasks), $0.top, Self.number($0.share), Self.number($0.hhi)] }))
            b.append(.paragraph(t("\(c.id)：作为牵头者的中心地位（依赖网络出度）与全部关系中的地位（共同任务网络度数）", "\(c.id): central as a leader (dependency out-degree) versus as a participant (co-assignment degree)")))
            b.append(.table([t("主体", "agency"), t("牵头关系", "lead ties"), t("牵头排名", "lead rank"), t("全部关系", "all ties"), t("全部排名", "all-ties rank"), t("名次差", "rank gap")], leadRanks(c)))
        }
        b.append(.heading(t("三、主体层面测度", "3. Agency-level measures")))
        for c in columns {
            b.append(.paragraph(t("\(c.id)：中间中心度最高的 \(top) 个主体", "\(c.id): the \(top) agencies with the highest betweenness")))
            b.append(.table(agencyHeader, agencyRows(c)))
            b.append(.paragraph(t("\(c.id)：结构洞——约束最低的主体（中间人）", "\(c.id): structural holes — the least constrained agencies (brokers)")))
            b.append(.table([t("主体", "agency"), t("有效规模", "effective size"), t("效率", "efficiency"), t("约束", "constraint"), t("等级度", "hierarchy")], brokers(c)))
        }
        if compare {
            let diff = DocumentDiff(before: columns[0].graph, after: columns[1].graph, latestName: { registry.latestName(of: $0) })
            let changed = diff.rows.filter { $0.leadBefore + $0.supportBefore > 0 && $0.leadAfter + $0.supportAfter > 0 }
                .sorted { (abs($0.leadChange) + abs($0.supportChange), $1.name) > (abs($1.leadChange) + abs($1.supportChange), $0.name) }.prefix(top)
            b.append(.paragraph(t("按机构沿革对应后的负荷变化（更名机构合为一行）", "Load change with agencies matched through their lineage (a renamed agency is one row)")))
            b.append(.table([t("主体", "agency"), t("原名称", "former names"), "\(t("牵头", "lead")) \(columns[0].id)", "\(t("牵头", "lead")) \(columns[1].id)",
                             "\(t("配合", "support")) \(columns[0].id)", "\(t("配合", "support")) \(columns[1].id)"],
                            changed.map { [$0.name, $0.formerNames.joined(separator: "、"), String($0.leadBefore), String($0.leadAfter), String($0.supportBefore), String($0.supportAfter)] }))
        }
        b.append(.heading(t("四、定义与出处", "4. Definitions and references")))
        b.append(.table([t("指标", "measure"), t("定义与归一化", "definition and normalisation")],
                        (networkMeasures + roleMeasures).map { [t($0.zh, $0.en), $0.definition] } + [
                            [t("中间中心度", "betweenness"), "Σ σ(s,t|v)/σ(s,t), normalized by (n−1)(n−2)/2 (Brandes 2001, as NetworkX)"],
                            [t("接近中心度", "closeness"), "(r−1)/Σd · (r−1)/(n−1) (Wasserman–Faust)"],
                            [t("特征向量中心度", "eigenvector"), "principal eigenvector, unit norm (Bonacich 1987)"],
                            [t("有效规模、约束、等级度", "effective size, constraint, hierarchy"), "Burt 1992; Borgatti 1997"],
                            [t("核心度", "coreness"), "Borgatti–Everett continuous model: a_ij ≈ c_i c_j by least squares, unit norm (2000)"],
                            [t("角色", "role"), t("广度（伙伴数）与深度（共同任务数）均不低于均值为主导型，其一为关键型，均低为辅助型", "leading when breadth (partners) and depth (shared tasks) are both at or above the mean, key when one is, auxiliary when neither")],
                        ]))
        b.append(.heading(t("五、数据溯源", "5. Tracing figures to tasks")))
        b.append(.paragraph(t("每个主体层面的数字都可用以下命令追溯到任务：", "Every agency-level figure traces to tasks with these commands:")))
        let doc = columns.count == 1 && !columns[0].id.contains("+") ? " --doc \(columns[0].id)" : ""
        b.append(.table([t("数字", "figure"), t("命令", "command")], [
            [t("牵头、配合任务与伙伴", "tasks led, supported, partners"), "respgraph agency NAME\(doc)"],
            [t("依赖关系及其任务", "dependencies with their tasks"), "respgraph deps NAME\(doc)"],
            [t("中心度", "centralities"), "respgraph centrality betweenness|closeness|eigenvector|structural-holes\(doc)"],
            [t("凝聚子群、k-核", "communities, k-cores"), "respgraph structure\(doc)"],
            [t("某项任务", "one task"), "respgraph task DOC:NUMBER"],
            [t("原文行号与修正", "source lines and corrections"), "respgraph diagnostics"],
        ]))
        return b
    }

    func markdown() -> String {
        var out = ""
        for block in blocks {
            switch block {
            case .heading(let h): out += (out.isEmpty ? "# " : "\n## ") + h + "\n\n"
            case .paragraph(let p): out += p + "\n\n"
            case .table(let header, let rows):
                func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
                out += "| " + header.map(cell).joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count) + "\n"
                for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
                out += "\n"
            case .diagram: break
            }
        }
        return out
    }

    func html() -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var out = """
        <!DOCTYPE html>
        <html lang="\(lang == "zh" ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(esc(title))</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:1100px;color:#222;line-height:1.5}
        h1{font-size:1.5em;border-bottom:2px solid #4a6a8a;padding-bottom:.3em}h2{font-size:1.2em;color:#2c4a66;margin-top:1.6em}
        table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.9em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}
        th{background:#eef3f8}td:not(:first-child){font-variant-numeric:tabular-nums}figure{margin:1em 0}figcaption{font-size:.85em;color:#555}
        svg{max-width:100%;height:auto}
        </style></head><body>

        """
        var first = true
        for block in blocks {
            switch block {
            case .heading(let h): out += first ? "<h1>\(esc(h))</h1>\n" : "<h2>\(esc(h))</h2>\n"; first = false
            case .paragraph(let p): out += "<p>\(esc(p))</p>\n"
            case .table(let header, let rows):
                out += "<table><thead><tr>" + header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>\n"
                for r in rows { out += "<tr>" + r.map { "<td>\(esc($0))</td>" }.joined() + "</tr>\n" }
                out += "</tbody></table>\n"
            case .diagram(let i):
                out += "<figure>\(svg(for: columns[i], idPrefix: "d\(i)-"))<figcaption>\(esc(t("\(columns[i].id) 共同任务网络（最重的 24 个主体，线宽为共同任务数）", "\(columns[i].id) co-assignment network (the 24 heaviest agencies; line width = shared tasks)")))</figcaption></figure>\n"
            }
        }
        out += "<p style=\"font-size:.8em;color:#777\">respgraph \(RespGraphCommandLine.version)</p>\n</body></html>\n"
        return out
    }

    /// The co-assignment diagram of a column as inline SVG, rendered by Graphviz with glyph outlines;
    /// a note instead when Graphviz is not installed.
    ///
    /// Cairo's SVG names its glyph symbols `glyph0-1`, `glyph0-2`… in every file; several SVGs inline in
    /// one page would resolve each other's glyphs (wrong characters), so every id and reference gets
    /// `idPrefix`.
    func svg(for c: ReportColumn, idPrefix: String) -> String {
        let loads = Workload.ranked(c.loads.filter { !c.graph[$0.agency].isCollective }, in: c.graph)
        let keep = Set(loads.prefix(24).map(\.agency))
        let agencies = c.network.agencies.filter { keep.contains($0) }
        let position = Dictionary(uniqueKeysWithValues: agencies.enumerated().map { ($1, $0) })
        var links: [(Int, Int, Double)] = []
        for (u, a) in c.network.agencies.enumerated() where keep.contains(a) {
            for e in c.network.range(of: u) {
                let b = c.network.agencies[Int(c.network.targets[e])]
                if let j = position[b], position[a]! < j, c.network.weights[e] >= 3 { links.append((position[a]!, j, c.network.weights[e])) }
            }
        }
        let dot = DOTWriter.network(c.graph, agencies: agencies, links: links, directed: false, options: DOTWriter.Options(layout: "neato"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("respgraph-report-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        do {
            try Graphviz.render(dot, layout: "neato", format: "svg", to: file)
            let svg = try String(contentsOfFile: file, encoding: .utf8)
            // Inline: drop the XML declaration and doctype.
            guard let start = svg.range(of: "<svg") else { return "" }
            return String(svg[start.lowerBound...])
                .replacingOccurrences(of: "id=\"", with: "id=\"\(idPrefix)")
                .replacingOccurrences(of: "href=\"#", with: "href=\"#\(idPrefix)")
                .replacingOccurrences(of: "url(#", with: "url(#\(idPrefix)")
        } catch {
            return "<p><em>" + t("未安装 Graphviz，图略（apt-get install graphviz fonts-noto-cjk）。", "Diagram omitted: Graphviz is not installed (apt-get install graphviz fonts-noto-cjk).") + "</em></p>"
        }
    }

    func json() -> JSONValue {
        func measures(_ list: [Measure]) -> JSONValue {
            .array(list.map { m in
                .object([("key", .string(m.key)), ("label", .string(t(m.zh, m.en))), ("definition", .string(m.definition)),
                         ("values", .object(zip(columns, m.values).map { ($0.id, $1.isNaN ? .null : .double($1)) }))])
            })
        }
        return .object([
            ("title", .string(title)), ("documents", .array(columns.map { .string($0.id) })), ("language", .string(lang)),
            ("network_level", measures(networkMeasures)), ("role_aware", measures(roleMeasures)),
            ("agencies", .object(columns.map { c in (c.id, .array(agencyRows(c).map { row in
                .object(zip(["agency", "degree", "betweenness", "closeness", "eigenvector", "effective_size", "constraint", "coreness", "position", "lead", "support", "role"], row).map { ($0, .string($1)) })
            })) })),
        ])
    }

    func csv() -> String {
        var rows = [["section", "measure", "label", "document", "value"]]
        for (section, list) in [("network_level", networkMeasures), ("role_aware", roleMeasures)] {
            for m in list { for (c, v) in zip(columns, m.values) { rows.append([section, m.key, t(m.zh, m.en), c.id, Self.number(v)]) } }
        }
        return CSV.format(rows)
    }
}
