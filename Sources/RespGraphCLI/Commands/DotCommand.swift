import Foundation
import RespGraphAnalysis
import RespGraphExport
import RespGraphReports
import RespGraphModel

/// `respgraph dot`: Graphviz diagrams of the agency–task graph and the agency networks.
enum DotCommand: CLICommand {
    /// What Graphviz writes.
    enum RenderFormat: String, CaseIterable, Sendable { case svg, png, pdf }
    /// The Graphviz layout programs.
    enum Layout: String, CaseIterable, Sendable { case dot, neato, sfdp, fdp, circo, twopi }
    /// How tasks are grouped in the tasks view.
    enum Clustering: String, CaseIterable, Sendable { case indicator }

    static let network = ChoiceOption<NetworkView>("network", default: .coassign, "tasks (the agency–task graph), coassign or dependency, as in export and centrality.")
    static let indicator = TextOption("indicator", "X", "Only tasks under this indicator (a part of its name is enough).")
    static let agency = TextOption("agency", "AGENCY", "The ego network of this agency.")
    static let depth = WholeOption("depth", in: 1...Int.max, default: 1, "With --agency: how many hops out.")
    static let top = WholeOption("top", default: nil, defaultText: "as many as stay readable", "Only the N heaviest agencies (and, in the tasks view, the tasks they lead).")
    static let all = Flag("all", "Draw everything in scope, however large.")
    static let minWeight = NumberOption("min-weight", "W", in: 0...1e9, default: 1,
        defaultText: "the least that keeps three links per agency; 1 with --all", "Networks: only links of at least W shared tasks.")
    static let cluster = ChoiceOption<Clustering>("cluster", default: nil, "Tasks view: one box per indicator.")
    static let layout = ChoiceOption<Layout>("layout", default: nil, defaultText: "dot for tasks, neato for networks", "The Graphviz layout program.")
    static let font = TextOption("font", "LIST", default: "\"\(DOTWriter.Options.chineseFonts)\"", "Comma-separated font list for labels.")
    static let render = ChoiceOption<RenderFormat>("render", default: nil, "Run Graphviz and write this format to -o FILE.")
    static let output = SharedOptions.output("Write the DOT (or the rendering) here.")
    /// The language of titles, legends and keys.
    enum Language: String, CaseIterable, Sendable { case zh, en }
    static let lang = ChoiceOption<Language>("lang", default: .zh, "Title, legend and keys in Chinese or English (names stay as written).")
    static let dpi = WholeOption("dpi", "N", in: 36...1200, default: nil, defaultText: "Graphviz's 96", "Dots per inch of a PNG (300 for print).")
    static let linkLabels = Flag("link-labels", "Networks: write each link's weight on it.")
    static let sameLayout = TextOption("same-layout", "A,B", "Two documents drawn with every agency in the same place (laid out once on their union), written as -o PREFIX-A and PREFIX-B.")

    static let spec = CommandSpec(
        name: "dot", summary: "Graphviz DOT of the agency–task graph or an agency network; --render draws SVG, PNG or PDF.",
        discussion: """
        Views: tasks (agencies as boxes coloured by kind, tasks as ellipses; lead edges bold, support dashed),
        coassign (agencies linked by shared tasks, width by weight; default), dependency (lead → supporter).
        Scopes: --indicator, --agency NAME --depth N (its ego network), --top N (the N heaviest agencies).
        A diagram too large to read is cut to the heaviest agencies by default; stderr says what was left
        out, and --all or a larger --top includes it.
        Chinese needs a CJK font: the default list is "\(DOTWriter.Options.chineseFonts)";
        on Debian/Ubuntu install fonts-noto-cjk. --font overrides the list.
        --render runs Graphviz (`dot`, or the --layout program) and writes -o FILE; SVG is written with
        glyph outlines (svg:cairo) so it shows Chinese on machines without the font.
        Example: respgraph dot --doc 2024 --agency 数据局 --network tasks --render png -o ego.png
        """,
        options: SharedOptions.data + [
            network.spec, .renamed("view", takesValue: true, to: "--network (one name in dot, export and centrality)"),
            indicator.spec, agency.spec, depth.spec, top.spec, all.spec, minWeight.spec, cluster.spec, layout.spec, font.spec,
            render.spec, output.spec, SharedOptions.force.spec, NetworkOptions.includeCollectives.spec, lang.spec, dpi.spec, linkLabels.spec, sameLayout.spec,
        ],
        rules: [.requires("render", "output"), .requires("depth", "agency"), .exclusive(["top", "all"]), .requires("dpi", "render"), .requires("same-layout", "output"),
                .exclusive(["same-layout", "agency"]), .exclusive(["same-layout", "doc"]), .exclusive(["same-layout", "indicator"])])

    /// Past these sizes a diagram is cut to the heaviest agencies unless --all or --top says otherwise.
    static let readableTasks = 40
    static let readableAgencies = 24
    /// Past this many tasks the tasks view draws columns of tasks per lead.
    static let compactAbove = 12

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        if args[sameLayout] != nil { return try runSameLayout(args, &result) }
        let view = args[network] ?? .coassign
        if args[cluster] != nil && view != .tasks { throw args.usageError("--cluster groups the tasks view; add --network tasks") }
        if args.given(minWeight.spec) && view == .tasks { throw args.usageError("--min-weight thins the agency networks; the tasks view draws every assignment") }
        let layout = args[Self.layout] ?? (view == .tasks ? .dot : .neato)
        let explicitTop = args[top]
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        var options = DOTWriter.Options(layout: layout.rawValue, font: args[font] ?? DOTWriter.Options.chineseFonts,
                                        clusterByIndicator: args[cluster] != nil)
        options.lang = (args[lang] ?? .zh).rawValue
        options.dpi = args[dpi]
        options.linkLabels = args[linkLabels]
        if args[linkLabels] && view == .tasks { throw args.usageError("--link-labels labels network links; the tasks view has none") }
        func t(_ zh: String, _ en: String) -> String { options.lang == "en" ? en : zh }
        let selection = NetworkOptions.selection(args)
        let loads = Workload.ranked(Workload.loads(in: graph), in: graph).filter { selection.admits(graph[$0.agency]) }
        var notes: [String] = []

        // Tasks in scope.
        var tasks = graph.taskIDs
        var scope = graph.documents.map(\.id).joined(separator: " + ")
        if let x = args[indicator] {
            tasks = tasks.filter { graph[$0].indicator.contains(x) }
            if tasks.isEmpty { throw DataError(message: "no task under an indicator containing '\(x)'") }
            scope += " · \(x)"
        }
        var ego: EgoNetwork? = nil
        if let name = args[agency] {
            let center = try AgencyLookup.find(name, in: graph)
            options.highlighted = [center]
            let inScope = Set(tasks)
            let depth = args[Self.depth] ?? 1
            // The tasks view draws every agency of a drawn task; the networks keep to the selection.
            let e = EgoNetwork(of: center, depth: depth, in: graph, inScope: { inScope.contains($0) },
                               admits: { view == .tasks || selection.admits(graph[$0]) })
            ego = e
            tasks = tasks.filter { e.tasks.contains($0) }
            scope += " · \(graph[center].name)" + (depth > 1 ? t("（\(depth) 步）", " (depth \(depth))") : "")
        }

        var dot: String
        if view == .tasks {
            if let top = explicitTop ?? (!args[all] && tasks.count > readableTasks ? defaultTop(tasks, loads, graph) : nil) {
                let keep = Set(loads.prefix(top).map(\.agency))
                let kept = tasks.filter { t in graph.agencies(of: t, role: .lead).contains { keep.contains($0) } }
                if explicitTop == nil {
                    notes.append("respgraph: the diagram would show \(tasks.count) tasks; drawing the \(kept.count) led by the \(top) heaviest agencies. --top N draws more, --all draws all \(tasks.count).")
                }
                tasks = kept
                scope += t(" · 负荷最重的 \(top) 个", " · top \(top)")
            }
            options.title = "\(scope) · " + t("任务分工：\(tasks.count) 项任务", "agencies and tasks: \(tasks.count) tasks")
            // Past a dozen tasks the bipartite drawing becomes a tall strip: columns of tasks per lead instead.
            if tasks.count > compactAbove && args[Self.layout] == nil && args[cluster] == nil {
                options.title += t("（按牵头单位分栏）", " (a column per lead)")
                dot = DOTWriter.taskColumns(graph, tasks: tasks, options: options)
            } else {
                dot = DOTWriter.agencyTask(graph, tasks: tasks, options: options)
            }
        } else {
            let kind: AgencyNetwork.Kind = view == .dependency ? .dependency : .coAssignment
            let network = args[indicator] != nil
                ? AgencyNetwork.restricted(kind, of: graph, to: Set(tasks), selection: selection)
                : (kind == .dependency ? AgencyNetwork.dependency(graph, selection: selection) : AgencyNetwork.coAssignment(graph, selection: selection))
            var keep = Set(network.agencies)
            let nodeOf = Dictionary(uniqueKeysWithValues: network.agencies.enumerated().map { ($1, $0) })
            // The ego view (depth 1): the agency at the centre, its strongest partners, every one of its own ties.
            var egoNode: Int? = nil
            if let ego, ego.hops <= 1 || (args[Self.depth] ?? 1) == 1, let center = options.highlighted.first {
                guard let c = nodeOf[center] else {
                    throw DataError(message: "\(graph[center].name) is not in the \(t("网络", "network")) (a collective placeholder is left out unless --include-collectives)")
                }
                egoNode = c
                var tie: [Int: Double] = [:]
                for e in network.range(of: c) { tie[Int(network.targets[e]), default: 0] += network.weights[e] }
                if network.isDirected { for e in network.inRange(of: c) { tie[Int(network.inTargets[e]), default: 0] += network.inWeights[e] } }
                let partners = tie.keys.sorted { (tie[$0]!, graph[network.agencies[$1]].name) > (tie[$1]!, graph[network.agencies[$0]].name) }
                let limit = explicitTop ?? (args[all] ? partners.count : 20)
                if explicitTop == nil && !args[all] && partners.count > limit {
                    notes.append("respgraph: \(graph[center].name) has \(partners.count) partners; drawing the \(limit) strongest ties. --top N draws more, --all draws all.")
                }
                keep = Set(([c] + partners.prefix(limit)).map { network.agencies[$0] })
                if options.layout == "neato" && args[Self.layout] == nil { options.layout = "twopi"; options.root = center }
            }
            let inScope = loads.filter { keep.contains($0.agency) }
            if egoNode == nil, let top = explicitTop ?? (!args[all] && keep.count > readableAgencies ? readableAgencies : nil) {
                let kept = Set(inScope.prefix(top).map(\.agency)).union(options.highlighted.intersection(keep))
                if explicitTop == nil {
                    notes.append("respgraph: the network has \(keep.count) agencies; drawing the \(kept.count) heaviest. --top N draws more, --all draws all \(keep.count).")
                }
                keep = kept
                scope += t(" · 负荷最重的 \(top) 个", " · top \(top)")
            }
            let nodes = network.agencies.indices.filter { keep.contains(network.agencies[$0]) }
            let agencies = nodes.map { network.agencies[$0] }
            let threshold: Double? = args.given(minWeight.spec) || args[all] ? args[minWeight] : nil
            var (drawn, faint, used, dropped) = network.diagramLinks(among: nodes, threshold: threshold)
            if let c = egoNode, let centre = nodes.firstIndex(of: c) {
                // Every one of the centre's own ties is drawn, whatever the threshold.
                func touchesCentre(_ l: (Int, Int, Double)) -> Bool { l.0 == centre || l.1 == centre }
                let all = network.diagramLinks(among: nodes, threshold: 0).links
                drawn = all.filter { touchesCentre($0) || $0.2 >= used }
                faint.removeAll(where: touchesCentre)
                dropped = all.count - drawn.count
            }
            if dropped > 0 {
                notes.append("respgraph: \(dropped) links of fewer than \(formatNumber(used)) tasks left out (\(faint.count) drawn faint as an agency's strongest tie); --min-weight 1 draws them.")
            }
            let what = network.isDirected ? t("依赖网络（牵头→配合）", "dependency network (lead → supporter)") : t("共同任务网络", "co-assignment network")
            let shownThreshold = used > 1 ? t(" · 关系 ≥ \(formatNumber(used)) 项任务", " · links ≥ \(formatNumber(used)) tasks") : ""
            options.title = "\(scope) · \(what)\(shownThreshold)：" + t("\(agencies.count) 个机构，\(drawn.count) 条关系", "\(agencies.count) agencies, \(drawn.count) links")
            if options.lang == "en" { options.title = options.title.replacingOccurrences(of: "：", with: ": ") }
            let weighted = Dictionary(uniqueKeysWithValues: Workload.loads(in: graph).map { ($0.agency, $0.weighted) })
            dot = DOTWriter.network(graph, agencies: agencies, links: drawn, faint: faint, loads: weighted, directed: network.isDirected, options: options)
        }
        if let note = ForbiddenCharacters.note(for: graph) { notes.append(note) }
        for n in notes { result.stderr += n + "\n" }
        if let format = args[render], let path = args[output] {
            try OutputFile.check(path, args)
            try Graphviz.render(dot, layout: options.layout, format: format.rawValue, to: path)
        } else if let path = args[output] {
            try OutputFile.write(dot, to: path, args)
        } else {
            result.stdout += dot
        }
    }

    /// Two documents' networks with every agency in the same place: the layout program places the
    /// union's heaviest agencies once, and each document is drawn with those positions pinned.
    static func runSameLayout(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let ids = (args[sameLayout] ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard ids.count == 2 else { throw args.usageError("--same-layout takes two documents, e.g. --same-layout 2022,2024") }
        let view = args[network] ?? .coassign
        guard view != .tasks else { throw args.usageError("--same-layout draws the agency networks; the tasks view has no shared agencies' places") }
        let data = try LoadedData.load(args)
        let union = data.graph
        let graphs = try ids.map { id -> ResponsibilityGraph in
            guard let d = union.document(id: id) else { throw DataError(message: "no document '\(id)'; documents: \(union.documents.map(\.id).joined(separator: ", "))") }
            return union.filtered(documents: [d])
        }
        let selection = NetworkOptions.selection(args)
        func build(_ g: ResponsibilityGraph) -> AgencyNetwork { view == .dependency ? AgencyNetwork.dependency(g, selection: selection) : AgencyNetwork.coAssignment(g, selection: selection) }
        var options = DOTWriter.Options(layout: "neato", font: args[font] ?? DOTWriter.Options.chineseFonts)
        options.lang = (args[lang] ?? .zh).rawValue
        options.dpi = args[dpi]
        options.linkLabels = args[linkLabels]
        func t(_ zh: String, _ en: String) -> String { options.lang == "en" ? en : zh }
        // The agencies drawn: the heaviest over both documents, by the latest name of each.
        let top = args[Self.top] ?? (args[all] ? Int.max : readableAgencies)
        let loads = Workload.ranked(Workload.loads(in: union), in: union).filter { selection.admits(union[$0.agency]) }
        // Renamed agencies (自治区大数据发展局 → 自治区数据局) share one place, through the registry's lineage.
        func latest(_ name: String) -> String { data.registry.latestName(of: name) }
        var combined: [String: Double] = [:]
        for l in loads { combined[latest(union[l.agency].name), default: 0] += l.weighted }
        let keepNames = Set(combined.keys.sorted { (combined[$0]!, $1) > (combined[$1]!, $0) }.prefix(top))
        // Lay out the union once.
        let unionNetwork = build(union)
        let unionNodes = unionNetwork.agencies.indices.filter { keepNames.contains(latest(union[unionNetwork.agencies[$0]].name)) }
        let unionLoads = Dictionary(uniqueKeysWithValues: Workload.loads(in: union).map { ($0.agency, $0.weighted) })
        let unionLinks = unionNetwork.diagramLinks(among: unionNodes, threshold: nil)
        let unionDOT = DOTWriter.network(union, agencies: unionNodes.map { unionNetwork.agencies[$0] }, links: unionLinks.links, faint: unionLinks.faint,
                                         loads: unionLoads, directed: unionNetwork.isDirected, options: options)
        guard let plain = Graphviz.plain(unionDOT, layout: "neato") else {
            throw DataError(message: "--same-layout needs Graphviz's neato to place the agencies; \(Graphviz.installHint)")
        }
        var position: [String: (Double, Double)] = [:]
        for line in plain.split(separator: "\n") where line.hasPrefix("node a") {
            let parts = line.split(separator: " ")
            if parts.count >= 4, let index = Int(parts[1].dropFirst()), index < union.agencies.count, let x = Double(parts[2]), let y = Double(parts[3]) {
                let name = union.agencies[index].name
                if position[latest(name)] == nil || latest(name) == name { position[latest(name)] = (x, y) }
            }
        }
        for (id, g) in zip(ids, graphs) {
            let net = build(g)
            let nodes = net.agencies.indices.filter { keepNames.contains(latest(g[net.agencies[$0]].name)) }
            var drawing = options
            drawing.pinned = Dictionary(uniqueKeysWithValues: nodes.compactMap { v in position[latest(g[net.agencies[v]].name)].map { (net.agencies[v], $0) } })
            let links = net.diagramLinks(among: nodes, threshold: args.given(minWeight.spec) ? args[minWeight] : unionLinks.threshold)
            let what = net.isDirected ? t("依赖网络（牵头→配合）", "dependency network (lead → supporter)") : t("共同任务网络", "co-assignment network")
            drawing.title = "\(id) · \(what) · " + t("与 \(ids.joined(separator: "、")) 同一布局：\(nodes.count) 个机构，\(links.links.count) 条关系", "same layout as \(ids.joined(separator: ", ")): \(nodes.count) agencies, \(links.links.count) links")
            let weighted = Dictionary(uniqueKeysWithValues: Workload.loads(in: g).map { ($0.agency, $0.weighted) })
            let dot = DOTWriter.network(g, agencies: nodes.map { net.agencies[$0] }, links: links.links, faint: links.faint, loads: weighted,
                                        directed: net.isDirected, options: drawing)
            var prefix = args[output]!
            for suffix in [".dot", ".png", ".svg", ".pdf"] where prefix.hasSuffix(suffix) { prefix.removeLast(suffix.count) }
            if let format = args[render] {
                let path = "\(prefix)-\(id).\(format.rawValue)"
                try OutputFile.check(path, args)
                // Pinned positions (pos="x,y!") stay where the union put them; the key is placed around them.
                try Graphviz.render(dot, layout: "neato", format: format.rawValue, to: path)
                result.stderr += "wrote \(path)\n"
            } else {
                try OutputFile.write(dot, to: "\(prefix)-\(id).dot", args)
                result.stderr += "wrote \(prefix)-\(id).dot (neato keeps the pinned positions)\n"
            }
        }
    }

    /// The largest number of heaviest agencies whose led tasks fit a readable diagram (at least one).
    static func defaultTop(_ tasks: [TaskID], _ loads: [AgencyLoad], _ graph: ResponsibilityGraph) -> Int {
        var keep = Set<AgencyID>()
        var best = 1
        for (i, l) in loads.enumerated() {
            keep.insert(l.agency)
            let count = tasks.filter { t in graph.agencies(of: t, role: .lead).contains { keep.contains($0) } }.count
            if count > readableTasks { break }
            best = i + 1
        }
        return best
    }
}
