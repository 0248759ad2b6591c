import Foundation
import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// The research report, written as Markdown, HTML, JSON or CSV from the figures of one document or
/// two side by side. It computes nothing itself: every number comes from ``DocumentFigures`` and
/// ``ReportMeasure``.
public struct ResearchReportWriter {
    /// The documents' figures, one column each.
    public let columns: [DocumentFigures]
    /// The registry, for matching renamed agencies between two documents.
    public let registry: AgencyRegistry
    /// Indicators renamed between the documents.
    public let indicators: IndicatorLineage
    /// The report's language.
    public let lang: Language
    /// Agencies in the agency-level table.
    public let top: Int
    /// Whether two columns are compared (a change column).
    public let compare: Bool
    /// The network-level and role-aware measures of the columns, computed once.
    let networkMeasures: [ReportMeasure], roleMeasures: [ReportMeasure]
    /// Comparing two columns: their difference, agencies matched through the registry's lineage.
    let diff: DocumentDiff?

    /// A writer for the figures.
    public init(columns: [DocumentFigures], registry: AgencyRegistry, indicators: IndicatorLineage = IndicatorLineage(),
                lang: Language, top: Int, compare: Bool) {
        self.columns = columns
        self.registry = registry
        self.indicators = indicators
        self.lang = lang
        self.top = top
        self.compare = compare
        networkMeasures = ReportMeasure.networkLevel(columns)
        roleMeasures = ReportMeasure.roleAware(columns)
        diff = compare ? DocumentDiff(before: columns[0].graph, after: columns[1].graph, latestName: { registry.latestName(of: $0) },
                                      indicators: indicators) : nil
    }

    /// A label in the report's language.
    func t(_ zh: String, _ en: String) -> String { Bilingual(zh, en)[lang] }

    /// A measure in the report's tables: four decimals, whole numbers without a fraction, – for NaN.
    static func number(_ x: Double) -> String { NumberStyle.fixed(x, digits: 4) }

    /// A change with its sign: +0.0696, −2, 0.
    static func change(_ x: Double) -> String { NumberStyle.change(x, digits: 4) }


    /// The agency-level table of one column: the top agencies by betweenness.
    func agencyRows(_ c: DocumentFigures) -> [[String]] {
        c.byBetweenness(limit: top).map { v in
            let a = c.network.agencies[v]
            let agency = c.graph[a]
            let name = agency.englishName.map { lang == .en ? "\(agency.name) (\($0))" : agency.name } ?? agency.name
            return [name, String(c.degree[v]), Self.number(c.betweenness[v]), Self.number(c.closeness[v]), Self.number(c.eigenvector[v]),
                    Self.number(c.holes.effectiveSize[v]), Self.number(c.holes.constraint[v]), Self.number(c.corePeriphery.coreness[v]),
                    c.corePeriphery.inCore[v] ? t("核心", "core") : t("边缘", "periphery"), String(c.loads[a.index].lead),
                    String(c.loads[a.index].support), Bilingual(c.roster[v].role.chineseName, c.roster[v].role.rawValue)[lang]]
        }
    }

    var agencyHeader: [String] {
        [t("主体", "agency"), t("度数", "degree"), t("中间中心度", "betweenness"), t("接近中心度", "closeness"), t("特征向量中心度", "eigenvector"),
         t("有效规模", "effective size"), t("约束系数", "constraint"), t("核心度", "coreness"), t("核心/边缘", "core/periphery"),
         t("牵头", "lead"), t("配合", "support"), t("角色", "role")]
    }

    /// Brokers: lowest constraint.
    func brokers(_ c: DocumentFigures) -> [[String]] {
        c.brokers(limit: 5).map { v in
            [c.name(v), Self.number(c.holes.effectiveSize[v]), Self.number(c.holes.efficiency[v]),
             Self.number(c.holes.constraint[v]), Self.number(c.holes.hierarchy[v])]
        }
    }

    /// Lead-only versus all-ties ranks.
    func leadRanks(_ c: DocumentFigures) -> [[String]] {
        c.leadRankGaps(limit: 10).map { r in
            [c.name(r.node), String(r.leadTies), String(r.leadRank), String(r.degree), String(r.degreeRank), String(format: "%+d", r.gap)]
        }
    }

    var title: String {
        let docs = columns.map { col in col.graph.documents.map(\.title).joined(separator: " + ") }
        return compare ? t("政策主体合作网络对比报告：", "Inter-agency network report: ") + docs.joined(separator: " → ")
                       : t("政策主体合作网络报告：", "Inter-agency network report: ") + docs.joined(separator: "")
    }

    // MARK: Markdown and HTML share one list of blocks.

    /// A part of the report: Markdown and HTML write the same list.
    enum Block {
        case heading(String)
        case paragraph(String)
        case table([String], [[String]])
        case diagram(Int)
        /// The load charts of a column (bars and Lorenz curve), drawn in HTML only.
        case loadCharts(Int)
    }

    /// The report's sections, in order, with their headings.
    enum Section: CaseIterable {
        case summary, network, roles, agencies, definitions, tracing

        /// The section's heading in both languages.
        var heading: Bilingual {
            switch self {
            case .summary: Bilingual("摘要：主要发现", "Summary: what the numbers say")
            case .network: Bilingual("一、整体网络结构", "1. Network-level structure")
            case .roles: Bilingual("二、角色相关测度", "2. Role-aware measures")
            case .agencies: Bilingual("三、主体层面测度", "3. Agency-level measures")
            case .definitions: Bilingual("四、定义与出处", "4. Definitions and references")
            case .tracing: Bilingual("五、数据溯源", "5. Tracing figures to tasks")
            }
        }
    }

    /// The report's parts in order: summary, the four sections, and how to trace figures to tasks.
    var blocks: [Block] {
        var b: [Block] = [.heading(title)]
        b.append(.paragraph(t("网络：共同任务网络（两主体共同承担一项任务即有关系，权重为共同任务数），不含“各市、县人民政府”等集合主体；依赖网络：牵头单位 → 配合单位。",
                              "Networks: the co-assignment network (two agencies are tied when they share a task; weight = shared tasks), "
                              + "collective placeholders such as 各市、县人民政府 left out; the dependency network: lead → supporter.")))
        b.append(.heading(Section.summary.heading[lang]))
        for finding in findings { b.append(.paragraph(finding)) }
        for (i, _) in columns.enumerated() { b.append(.loadCharts(i)) }
        b += networkSection + roleSection + agencySection
        if let diff { b += lineageTable(diff) }
        b += definitionsSection + tracingSection
        return b
    }

    /// The header of the measure tables: the measure, each document, and the change when comparing.
    var measureHeader: [String] { [t("指标", "measure")] + columns.map(\.id) + (compare ? [t("变化", "change")] : []) }

    /// The rows of a measure table.
    func measureRows(_ measures: [ReportMeasure]) -> [[String]] {
        measures.map { m in
            [m.label[lang]] + m.values.map(Self.number) + (compare ? [Self.change(m.values[1] - m.values[0])] : [])
        }
    }

    /// 1. Network-level structure: the measures, the diagrams, communities and the core.
    var networkSection: [Block] {
        var b: [Block] = [.heading(Section.network.heading[lang]), .table(measureHeader, measureRows(networkMeasures))]
        for (i, _) in columns.enumerated() { b.append(.diagram(i)) }
        for c in columns {
            b.append(.paragraph(t("\(c.id)：凝聚子群成员（Louvain，模块度 \(Self.number(c.modularity))；按度数排列）",
                                  "\(c.id): members of each community (Louvain, modularity \(Self.number(c.modularity)); by degree)")))
            b.append(.table([t("子群", "community"), t("主体数", "agencies"), t("成员", "members")],
                            c.communityMembers.enumerated().map { [String($0 + 1), String($1.count),
                                                                   $1.map(c.name).joined(separator: "、")] }))
            let core = c.coreMembers
            b.append(.paragraph(t("\(c.id)：核心成员（\(core.count) 个，按核心度排列）：", "\(c.id): the core (\(core.count) agencies, by coreness): ")
                                + core.map(c.name).joined(separator: "、")))
        }
        return b
    }

    /// 2. Role-aware measures: lead concentration per indicator, leaders versus participants.
    var roleSection: [Block] {
        var b: [Block] = [.heading(Section.roles.heading[lang]), .table(measureHeader, measureRows(roleMeasures))]
        for c in columns {
            b.append(.paragraph(t("\(c.id)：各指标的牵头集中度（最大牵头主体份额与HHI）",
                                  "\(c.id): lead concentration per indicator (top lead agency's share, HHI)")))
            b.append(.table([t("指标", "indicator"), t("任务", "tasks"), t("最大牵头主体", "top lead agency"), t("份额", "share"), "HHI"],
                            c.concentration.map { [$0.indicator, String($0.tasks), $0.topAgency, Self.number($0.share),
                                                   Self.number($0.hhi)] }))
            b.append(.paragraph(t("\(c.id)：作为牵头者的中心地位（依赖网络出度）与全部关系中的地位（共同任务网络度数）",
                                  "\(c.id): central as a leader (dependency out-degree) versus as a participant (co-assignment degree)")))
            b.append(.table([t("主体", "agency"), t("牵头关系", "lead ties"), t("牵头排名", "lead rank"), t("全部关系", "all ties"),
                             t("全部排名", "all-ties rank"), t("名次差", "rank gap")], leadRanks(c)))
        }
        return b
    }

    /// 3. Agency-level measures: the top agencies by betweenness, and the brokers.
    var agencySection: [Block] {
        var b: [Block] = [.heading(Section.agencies.heading[lang])]
        for c in columns {
            b.append(.paragraph(t("\(c.id)：中间中心度最高的 \(top) 个主体", "\(c.id): the \(top) agencies with the highest betweenness")))
            b.append(.table(agencyHeader, agencyRows(c)))
            b.append(.paragraph(t("\(c.id)：结构洞——约束最低的主体（中间人）", "\(c.id): structural holes — the least constrained agencies (brokers)")))
            b.append(.table([t("主体", "agency"), t("有效规模", "effective size"), t("效率", "efficiency"), t("约束", "constraint"),
                             t("等级度", "hierarchy")], brokers(c)))
        }
        return b
    }

    /// Comparing two documents: the load change of agencies present in both, matched through their lineage.
    func lineageTable(_ diff: DocumentDiff) -> [Block] {
        let changed = diff.rows.filter { $0.leadBefore + $0.supportBefore > 0 && $0.leadAfter + $0.supportAfter > 0 }
            .sorted { (abs($0.leadChange) + abs($0.supportChange), $1.name) > (abs($1.leadChange) + abs($1.supportChange), $0.name) }
            .prefix(top)
        let (x, y) = (columns[0].id, columns[1].id)
        return [.paragraph(t("按机构沿革对应后的负荷变化（更名机构合为一行）",
                             "Load change with agencies matched through their lineage (a renamed agency is one row)")),
                .table([t("主体", "agency"), t("原名称", "former names"), "\(t("牵头", "lead")) \(x)", "\(t("牵头", "lead")) \(y)",
                        "\(t("配合", "support")) \(x)", "\(t("配合", "support")) \(y)"],
                       changed.map { [$0.name, $0.formerNames.joined(separator: "、"), String($0.leadBefore),
                                      String($0.leadAfter), String($0.supportBefore), String($0.supportAfter)] })]
    }

    /// The definitions of the agency-level measures, beside those of the document-level ones.
    static let agencyMeasureDefinitions: [(measure: Bilingual, definition: Bilingual)] = [
        (Bilingual("中间中心度", "betweenness"),
         Bilingual("Σ σ(s,t|v)/σ(s,t)，按 (n−1)(n−2)/2 标准化（Brandes 2001，与 NetworkX 一致）",
                   "Σ σ(s,t|v)/σ(s,t), normalized by (n−1)(n−2)/2 (Brandes 2001, as NetworkX)")),
        (Bilingual("接近中心度", "closeness"),
         Bilingual("(r−1)/Σd · (r−1)/(n−1)，r 为可达主体数（Wasserman–Faust）", "(r−1)/Σd · (r−1)/(n−1) (Wasserman–Faust)")),
        (Bilingual("特征向量中心度", "eigenvector"),
         Bilingual("邻接矩阵的主特征向量，单位范数（Bonacich 1987）", "principal eigenvector, unit norm (Bonacich 1987)")),
        (Bilingual("有效规模、约束、等级度", "effective size, constraint, hierarchy"),
         Bilingual("结构洞测度（Burt 1992；Borgatti 1997）", "Burt 1992; Borgatti 1997")),
        (Bilingual("核心度", "coreness"),
         Bilingual("Borgatti–Everett 连续模型：以最小二乘使 a_ij ≈ c_i c_j，单位范数（2000）",
                   "Borgatti–Everett continuous model: a_ij ≈ c_i c_j by least squares, unit norm (2000)")),
        (Bilingual("角色", "role"),
         Bilingual("广度（伙伴数）与深度（共同任务数）均不低于均值为主导型，其一为关键型，均低为辅助型",
                   "leading when breadth (partners) and depth (shared tasks) are both at or above the mean, key when one is, "
                   + "auxiliary when neither")),
    ]

    /// 4. Definitions and references of every measure.
    var definitionsSection: [Block] {
        [.heading(Section.definitions.heading[lang]),
         .table([t("指标", "measure"), t("定义与归一化", "definition and normalisation")],
                (networkMeasures + roleMeasures).map { [$0.label[lang], $0.definition[lang]] }
                + Self.agencyMeasureDefinitions.map { [$0.measure[lang], $0.definition[lang]] })]
    }

    /// 5. The commands that trace each figure to its tasks.
    var tracingSection: [Block] {
        let doc = columns.count == 1 && !columns[0].id.contains("+") ? " --doc \(columns[0].id)" : ""
        return [.heading(Section.tracing.heading[lang]),
                .paragraph(t("每个主体层面的数字都可用以下命令追溯到任务：", "Every agency-level figure traces to tasks with these commands:")),
                .table([t("数字", "figure"), t("命令", "command")], [
                    [t("牵头、配合任务与伙伴", "tasks led, supported, partners"), "respgraph agency NAME\(doc)"],
                    [t("依赖关系及其任务", "dependencies with their tasks"), "respgraph deps NAME\(doc)"],
                    [t("中心度", "centralities"), "respgraph centrality betweenness|closeness|eigenvector|structural-holes\(doc)"],
                    [t("凝聚子群、k-核", "communities, k-cores"), "respgraph structure\(doc)"],
                    [t("某项任务", "one task"), "respgraph task DOC:NUMBER"],
                    [t("原文行号与修正", "source lines and corrections"), "respgraph diagnostics"],
                ])]
    }

    /// The report as Markdown (diagrams are left out).
    public func markdown() -> String {
        var out = ""
        for block in blocks {
            switch block {
            case .heading(let h): out += (out.isEmpty ? "# " : "\n## ") + h + "\n\n"
            case .paragraph(let p): out += p + "\n\n"
            case .table(let header, let rows):
                func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
                let numeric = Self.numericColumns(rows, count: header.count)
                out += "| " + header.map(cell).joined(separator: " | ") + " |\n|" + numeric.map { $0 ? "---:|" : "---|" }.joined() + "\n"
                for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
                out += "\n"
            case .diagram, .loadCharts: break
            }
        }
        return out
    }

    /// The report as one self-contained HTML page; `diagrams` holds each column's co-assignment
    /// diagram as SVG (from ``diagramDOT(for:)`` rendered by Graphviz), nil where it could not be drawn.
    public func html(diagrams: [String?], version: String) -> String {
        func esc(_ s: String) -> String { XMLText.escape(s) }
        var out = """
        <!DOCTYPE html>
        <html lang="\(lang == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(esc(title))</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em \
        auto;max-width:1100px;color:#222;line-height:1.5}
        h1{font-size:1.5em;border-bottom:2px solid #4a6a8a;padding-bottom:.3em}h2{font-size:1.2em;color:#2c4a66;margin-top:1.6em}
        table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.9em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}
        th{background:#eef3f8}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}figure{margin:1em \
        0}figcaption{font-size:.85em;color:#555}
        svg{max-width:100%;height:auto}
        </style></head><body>

        """
        var first = true
        for block in blocks {
            switch block {
            case .heading(let h): out += first ? "<h1>\(esc(h))</h1>\n" : "<h2>\(esc(h))</h2>\n"; first = false
            case .paragraph(let p): out += "<p>\(esc(p))</p>\n"
            case .table(let header, let rows):
                let numeric = Self.numericColumns(rows, count: header.count)
                func cells(_ row: [String], _ tag: String) -> String {
                    row.enumerated().map { "<\(tag)\(numeric[$0] ? " class=\"num\"" : "")>\(esc($1))</\(tag)>" }.joined()
                }
                out += "<table><thead><tr>" + cells(header, "th") + "</tr></thead><tbody>\n"
                for r in rows { out += "<tr>" + cells(r, "td") + "</tr>\n" }
                out += "</tbody></table>\n"
            case .loadCharts(let i):
                let gini = NumberStyle.decimals(Inequality(loads: columns[i].rankedLoads.map(\.weighted)).gini, 3)
                let caption = t("\(columns[i].id)：负荷最重的 15 个主体（红为牵头、蓝为配合 × 0.5）与负荷的洛伦兹曲线（基尼系数 \(gini)）",
                                "\(columns[i].id): the 15 heaviest agencies (red lead, blue support × 0.5) "
                                + "and the Lorenz curve of the load (Gini \(gini))")
                out += "<figure>\(loadBars(columns[i]))\(lorenz(columns[i]))<figcaption>\(esc(caption))</figcaption></figure>\n"
            case .diagram(let i):
                let picture = diagrams.indices.contains(i) ? diagrams[i].map { Self.inline($0, idPrefix: "d\(i)-") } : nil
                let caption = t("\(columns[i].id) 共同任务网络（最重的 24 个主体，线宽为共同任务数）",
                                "\(columns[i].id) co-assignment network (the 24 heaviest agencies; line width = shared tasks)")
                out += "<figure>\(picture ?? noDiagram)<figcaption>\(esc(caption))</figcaption></figure>\n"
            }
        }
        out += "<p style=\"font-size:.8em;color:#777\">respgraph \(version)</p>\n</body></html>\n"
        return out
    }

    /// The co-assignment diagram of a column as DOT: the 24 heaviest non-collective agencies, links of
    /// at least three shared tasks.
    public func diagramDOT(for c: DocumentFigures) -> String {
        let loads = Workload.ranked(c.loads.filter { !c.graph[$0.agency].isCollective }, in: c.graph)
        let keep = Set(loads.prefix(24).map(\.agency))
        let nodes = c.network.agencies.indices.filter { keep.contains(c.network.agencies[$0]) }
        let links = c.network.diagramLinks(among: nodes, threshold: 3)
        var options = DOTWriter.Options(layout: "neato")
        options.lang = lang
        let weighted = Dictionary(uniqueKeysWithValues: c.loads.map { ($0.agency, $0.weighted) })
        return DOTWriter.network(c.graph, agencies: nodes.map { c.network.agencies[$0] }, links: links.links, faint: links.faint,
                                 loads: weighted, directed: false, options: options)
    }

    /// What stands in for a diagram Graphviz could not draw.
    var noDiagram: String {
        "<p><em>" + t("未安装 Graphviz，图略（apt-get install graphviz fonts-noto-cjk）。",
                      "Diagram omitted: Graphviz is not installed (apt-get install graphviz fonts-noto-cjk).") + "</em></p>"
    }

    /// An SVG file made fit to inline in a page.
    ///
    /// Cairo's SVG names its glyph symbols `glyph0-1`, `glyph0-2`… in every file; several SVGs inline in
    /// one page would resolve each other's glyphs (wrong characters), so every id and reference gets
    /// `idPrefix`. The XML declaration and doctype are dropped.
    static func inline(_ svg: String, idPrefix: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
            .replacingOccurrences(of: "id=\"", with: "id=\"\(idPrefix)")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(idPrefix)")
            .replacingOccurrences(of: "url(#", with: "url(#\(idPrefix)")
    }

    /// The report as JSON.
    public func json() -> JSONValue {
        func measures(_ list: [ReportMeasure]) -> JSONValue {
            .array(list.map { m in
                .object([("key", .string(m.key)), ("label", .string(m.label[lang])), ("definition", .string(m.definition.en)),
                         ("values", .object(zip(columns, m.values).map { ($0.id, $1.isNaN ? .null : .double($1)) }))])
            })
        }
        return .object([
            ("title", .string(title)), ("documents", .array(columns.map { .string($0.id) })), ("language", .string(lang.rawValue)),
            ("network_level", measures(networkMeasures)), ("role_aware", measures(roleMeasures)),
            ("agencies", .object(columns.map { c in (c.id, .array(agencyRows(c).map { row in
                .object(zip(["agency", "degree", "betweenness", "closeness", "eigenvector", "effective_size", "constraint",
                             "coreness", "position", "lead", "support", "role"], row).map { ($0, .string($1)) })
            })) })),
        ])
    }

    /// The network-level and role-aware figures as CSV.
    /// One row per figure: `section,measure,label,document,value`. Network-level and role-aware
    /// measures for each document (and, comparing two, their change as `document` A→B), then the
    /// agency-level table (label = agency). Numbers are plain, with an ASCII minus, so spreadsheets
    /// read them as numbers.
    public func csv() -> String {
        var rows = [["section", "measure", "label", "document", "value"]]
        for (section, list) in [("network_level", networkMeasures), ("role_aware", roleMeasures)] {
            for m in list {
                for (c, v) in zip(columns, m.values) { rows.append([section, m.key, m.label[lang], c.id, Self.plain(v)]) }
                if compare { rows.append([section, m.key, m.label[lang], "\(columns[0].id)→\(columns[1].id)",
                                          Self.plain(m.values[1] - m.values[0])]) }
            }
        }
        let keys = ["degree", "betweenness", "closeness", "eigenvector", "effective_size", "constraint", "coreness", "lead", "support"]
        for c in columns {
            for v in c.byBetweenness(limit: top) {
                let a = c.network.agencies[v]
                let values: [Double] = [Double(c.degree[v]), c.betweenness[v], c.closeness[v], c.eigenvector[v], c.holes.effectiveSize[v],
                                        c.holes.constraint[v], c.corePeriphery.coreness[v], Double(c.loads[a.index].lead),
                                        Double(c.loads[a.index].support)]
                for (k, x) in zip(keys, values) { rows.append(["agency_level", k, c.graph[a].name, c.id, Self.plain(x)]) }
            }
        }
        return CSV.format(rows)
    }

    /// A number in prose: up to three decimals, trailing zeros dropped.
    static func short(_ x: Double) -> String { NumberStyle.plain(x, digits: 3) }

    /// A number for CSV: full precision, ASCII minus, empty for NaN.
    static func plain(_ x: Double) -> String { x.isNaN ? "" : JSONValue.number(x) }

    /// Which columns of a table hold numbers (every non-empty cell a number, a change or –), to
    /// right-align them.
    static func numericColumns(_ rows: [[String]], count: Int) -> [Bool] {
        (0..<count).map { j in
            let cells = rows.compactMap { j < $0.count ? $0[j] : nil }.filter { !$0.isEmpty && $0 != "–" }
            return !cells.isEmpty && cells.allSatisfy { Double($0.replacingOccurrences(of: "−",
                with: "-").replacingOccurrences(of: "+",
                                                with: "")) != nil || $0.contains("/") && $0.split(separator: "/")
                                                    .allSatisfy { Int($0) != nil } }
        }
    }

    // MARK: Findings and charts

    /// The findings stated in plain words from the numbers.
    var findings: [String] {
        columns.flatMap(documentFindings) + (diff.map { [changeFinding($0)] } ?? [])
    }

    /// A document's findings: load concentration, brokers, core and periphery.
    func documentFindings(_ c: DocumentFigures) -> [String] {
        var out: [String] = []
        let ranked = c.rankedLoads
        let heavy = ranked.prefix(3)
        let inequality = Inequality(loads: ranked.map(\.weighted))
        let share = NumberStyle.decimals(c.shareOfHeaviest(3) * 100, 0)
        let names = heavy.map { "\(c.graph[$0.agency].name)（\(Self.short($0.weighted))）" }.joined(separator: "、")
        let namesEn = heavy.map { "\(c.graph[$0.agency].name) (\(Self.short($0.weighted)))" }.joined(separator: ", ")
        out.append(t("\(c.id)年负荷集中：负荷最重的3个主体——\(names)——合计承担全部加权负荷的\(share)%；"
            + "前10%的主体（\(inequality.topDecileCount)个）承担\(NumberStyle.decimals(inequality.topDecileShare * 100, 0))%，"
            + "基尼系数\(NumberStyle.decimals(inequality.gini, 3))。",
                     "\(c.id) load: the 3 heaviest agencies, \(namesEn), carry \(share)% of the weighted load; the top 10% "
                         + "(\(inequality.topDecileCount) agencies) "
                         + "carry \(NumberStyle.decimals(inequality.topDecileShare * 100, 0))%, "
                         + "Gini \(NumberStyle.decimals(inequality.gini, 3))."))
        let brokers = c.byBetweenness(limit: 3).map { "\(c.name($0))（\(Self.number(c.betweenness[$0]))）" }.joined(separator: "、")
        let brokersEn = c.byBetweenness(limit: 3).map { "\(c.name($0)) (\(Self.number(c.betweenness[$0])))" }.joined(separator: ", ")
        let leastConstrained = c.brokers(limit: 1).first.map(c.name) ?? "–"
        out.append(t("\(c.id)年中间人：中间中心度最高的是\(brokers)；约束系数最低（最像中间人）的是\(leastConstrained)。",
                     "\(c.id) brokers: the highest betweenness belongs to \(brokersEn); the least constrained agency (the clearest "
                         + "broker) is \(leastConstrained)."))
        let core = c.coreMembers
        let periphery = c.network.nodeCount - core.count
        let d = c.corePeriphery.densities
        out.append(t("\(c.id)年核心与边缘：核心有\(core.count)个主体（\(core.prefix(5).map(c.name).joined(separator: "、"))等），边缘\(periphery)个；"
            + "核心内部密度\(Self.short(d.coreCore))，核心—边缘\(Self.short(d.corePeriphery))，边缘内部\(Self.short(d.peripheryPeriphery))。"
            + "共\(Set(c.communities).count)个凝聚子群，模块度\(Self.short(c.modularity))。",
                     "\(c.id) core and periphery: \(core.count) agencies form the core "
                         + "(\(core.prefix(5).map(c.name).joined(separator: ", ")), …), \(periphery) the periphery; densities "
                         + "core–core \(Self.short(d.coreCore)), core–periphery \(Self.short(d.corePeriphery)), "
                         + "periphery–periphery \(Self.short(d.peripheryPeriphery)). \(Set(c.communities).count) communities, "
                         + "modularity \(Self.short(c.modularity))."))
        return out
    }

    /// Comparing two documents: what changed, in one finding.
    func changeFinding(_ diff: DocumentDiff) -> String {
        let (x, y) = (columns[0], columns[1])
        // Collective placeholders stand for many bodies; the findings name agencies.
        let collective = { (r: DocumentDiff.Row) in y.graph.agency(named: r.name).map { y.graph[$0].isCollective } ?? false }
        let rose = diff.risers(3, excluding: collective), fell = diff.fallers(3, excluding: collective)
        func list(_ rows: ArraySlice<DocumentDiff.Row>) -> String {
            rows.map { "\($0.name)（\(Self.change(Double($0.change)))）" }.joined(separator: "、")
        }
        func listEn(_ rows: ArraySlice<DocumentDiff.Row>) -> String {
            rows.map { "\($0.name) (\(Self.change(Double($0.change))))" }.joined(separator: ", ")
        }
        let density = networkMeasures.first { $0.key == "density" }!.values
        let centralisation = networkMeasures.first { $0.key == "degree_centralization" }!.values
        let renamedZh = diff.indicatorsRenamed.map { "\($0.0)→\($0.1)" }.joined(separator: "、")
        let renamedEn = diff.indicatorsRenamed.map { "\($0.0) → \($0.1)" }.joined(separator: ", ")
        return t("变化（\(x.id)→\(y.id)）：主体由\(x.measures.nodes)个增至\(y.measures.nodes)个，"
                     + "网络密度\(Self.short(density[0]))→\(Self.short(density[1]))，"
                     + "度数中心势\(Self.short(centralisation[0]))→\(Self.short(centralisation[1]))；"
                     + "承担任务增加最多的是\(list(rose))，减少最多的是\(list(fell))；"
                     + "新出现\(diff.appeared.count)个主体，不再出现\(diff.disappeared.count)个（更名机构按沿革合并）。"
                     + (diff.indicatorsRenamed.isEmpty ? "" : "指标更名或合并：" + renamedZh + "。"),
                     "Change (\(x.id) → \(y.id)): agencies \(x.measures.nodes) → \(y.measures.nodes), "
                     + "density \(Self.short(density[0])) → \(Self.short(density[1])), "
                     + "degree centralisation \(Self.short(centralisation[0])) → \(Self.short(centralisation[1])); "
                     + "the largest rises in tasks named: \(listEn(rose)); the largest falls: \(listEn(fell)); "
                     + "\(diff.appeared.count) agencies appear and \(diff.disappeared.count) disappear "
                     + "(renamed agencies matched through their lineage)."
                     + (diff.indicatorsRenamed.isEmpty ? "" : " Indicators renamed or merged: " + renamedEn + "."))
    }

    /// Bars of the 15 heaviest agencies: lead (red) and support × 0.5 (blue), as inline SVG.
    func loadBars(_ c: DocumentFigures) -> String {
        let rows = Array(c.rankedLoads.prefix(15))
        let maxLoad = max(1, rows.map(\.weighted).max() ?? 1)
        let labelWidth = 190.0, barWidth = 300.0, rowHeight = 18.0
        let height = Double(rows.count) * rowHeight + 10
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" height=\"\(Int(height))\" viewBox=\"0 0 560 \(Int(height))\" "
            + "font-size=\"11\" role=\"img\">"
        for (i, l) in rows.enumerated() {
            let y = Double(i) * rowHeight + 4
            let lead = Double(l.lead) / maxLoad * barWidth, support = 0.5 * Double(l.support) / maxLoad * barWidth
            out += "<text x=\"\(Int(labelWidth - 6))\" y=\"\(Int(y + 12))\" "
                + "text-anchor=\"end\">\(XMLText.escape(c.graph[l.agency].name))</text>"
            out += "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y + 2))\" width=\"\(String(format: "%.1f", lead))\" height=\"12\" "
                + "fill=\"#b2182b\"/>"
            out += "<rect x=\"\(String(format: "%.1f", labelWidth + lead))\" y=\"\(Int(y + 2))\" "
                + "width=\"\(String(format: "%.1f", support))\" height=\"12\" fill=\"#2166ac\"/>"
            out += "<text x=\"\(String(format: "%.1f", labelWidth + lead + support + 4))\" "
                + "y=\"\(Int(y + 12))\">\(Self.short(l.weighted))</text>"
        }
        return out + "</svg>"
    }

    /// The Lorenz curve of the load with the line of equality, as inline SVG.
    func lorenz(_ c: DocumentFigures) -> String {
        let size = 220.0, pad = 30.0
        let points = c.lorenzCurve.map { String(format: "%.1f,%.1f", pad + $0.0 * size, pad + size - $0.1 * size) }.joined(separator: " ")
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(size + 2 * pad))\" height=\"\(Int(size + 2 * pad))\" "
            + "font-size=\"10\" role=\"img\">"
        out += "<rect x=\"\(Int(pad))\" y=\"\(Int(pad))\" width=\"\(Int(size))\" height=\"\(Int(size))\" fill=\"none\" stroke=\"#999\"/>"
        out += "<line x1=\"\(Int(pad))\" y1=\"\(Int(pad + size))\" x2=\"\(Int(pad + size))\" y2=\"\(Int(pad))\" stroke=\"#999\" "
            + "stroke-dasharray=\"4 3\"/>"
        out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#b2182b\" stroke-width=\"2\"/>"
        out += "<text x=\"\(Int(pad))\" "
            + "y=\"\(Int(pad + size + 16))\">\(XMLText.escape(t("主体累计占比（由轻到重）", "share of agencies, lightest first")))</text>"
        out += "<text x=\"12\" y=\"\(Int(pad + size))\" transform=\"rotate(-90 "
            + "12 \(Int(pad + size)))\">\(XMLText.escape(t("负荷累计占比", "share of load")))</text>"
        return out + "</svg>"
    }
}
