import Foundation
import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// `respgraph dot`: Graphviz diagrams of the agency–task graph and the agency networks.
enum DotCommand: CLICommand {
    static let spec = CommandSpec(
        name: "dot", summary: "Graphviz DOT of the agency–task graph or an agency network; --render draws SVG, PNG or PDF.",
        usage: "dot [--network tasks|coassign|dependency] [--doc ID] [--indicator X] [--agency NAME [--depth N]] [--top N | --all] [--min-weight W] [--cluster indicator] [--layout dot|neato|sfdp] [--font LIST] [--render svg|png|pdf] [-o FILE]",
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
            OptionSpec("network", value: "NET", "tasks (the agency–task graph), coassign (default) or dependency, as in export and centrality."),
            OptionSpec("view", value: "VIEW", "Renamed --network, as in export and centrality."),
            OptionSpec("indicator", value: "X", "Only tasks under this indicator (a part of its name is enough)."),
            OptionSpec("agency", value: "NAME", "The ego network of this agency."),
            OptionSpec("depth", value: "N", "With --agency: how many hops out (default 1)."),
            OptionSpec("top", value: "N", "Only the N heaviest agencies (and, in the tasks view, the tasks they lead)."),
            OptionSpec("all", "Draw everything in scope, however large."),
            OptionSpec("min-weight", value: "W", "Networks: only links of at least W shared tasks (default 1)."),
            OptionSpec("cluster", value: "indicator", "Tasks view: one box per indicator."),
            OptionSpec("layout", value: "PROGRAM", "dot, neato or sfdp (default: dot for tasks, neato for networks)."),
            OptionSpec("font", value: "LIST", "Comma-separated font list for labels."),
            OptionSpec("render", value: "FORMAT", "Run Graphviz: svg, png or pdf (needs -o)."),
            OptionSpec("output", short: "o", value: "FILE", "Write the DOT (or the rendering) here."),
            SharedOptions.force,
            NetworkOptions.includeCollectives,
        ])

    /// Past these sizes a diagram is cut to the heaviest agencies unless --all or --top says otherwise.
    static let readableTasks = 40
    static let readableAgencies = 24

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        if let old = args.value("view") {
            throw UsageError(message: "--view is now --network (one name in dot, export and centrality): --network \(old)", command: spec.name)
        }
        let view = try args.choice("network", from: ["tasks", "coassign", "dependency"], default: "coassign")
        let render = args.value("render") == nil ? nil : try args.choice("render", from: ["svg", "png", "pdf"], default: "svg")
        if render != nil && args.value("output") == nil { throw UsageError(message: "--render needs -o FILE", command: spec.name) }
        if args.value("cluster") != nil { _ = try args.choice("cluster", from: ["indicator"], default: "indicator") }
        let layout = try args.choice("layout", from: ["dot", "neato", "sfdp", "fdp", "circo", "twopi"], default: view == "tasks" ? "dot" : "neato")
        let depth = try args.int("depth", default: 1, minimum: 1)
        let explicitTop = args.value("top") != nil ? try args.int("top", default: 0, minimum: 1) : nil
        var minWeight = try args.double("min-weight", default: 1, in: 0...1e9)
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        var options = DOTWriter.Options(layout: layout, font: args.value("font") ?? DOTWriter.Options.chineseFonts,
                                        clusterByIndicator: args.value("cluster") != nil)
        let selection = AgencyNetwork.Selection(includeCollectives: args.flag("include-collectives"), kinds: [])
        let loads = Workload.ranked(Workload.loads(in: graph), in: graph).filter { selection.admits(graph[$0.agency]) }
        var notes: [String] = []

        // Tasks in scope.
        var tasks = graph.taskIDs
        var scope = graph.documents.map(\.id).joined(separator: " + ")
        if let x = args.value("indicator") {
            tasks = tasks.filter { graph[$0].indicator.contains(x) }
            if tasks.isEmpty { throw DataError(message: "no task under an indicator containing '\(x)'") }
            scope += " · \(x)"
        }
        var ego: Set<AgencyID>? = nil
        if let name = args.value("agency") {
            let center = try AgencyLookup.find(name, in: graph)
            options.highlighted = [center]
            // Depth N: agencies within N hops; the tasks view draws the tasks of agencies within N − 1 hops.
            var reached: Set<AgencyID> = [center]
            var frontier: Set<AgencyID> = [center]
            var egoTasks = Set<TaskID>()
            // Stops as soon as a hop reaches no new agency, whatever the depth asked for.
            var hops = 0
            while hops < depth && !frontier.isEmpty {
                hops += 1
                var next = Set<AgencyID>()
                for a in frontier {
                    for t in graph.tasks(of: a) where tasks.contains(t) {
                        egoTasks.insert(t)
                        for b in graph.agencies(of: t) where !reached.contains(b) && (selection.admits(graph[b]) || view == "tasks") { next.insert(b) }
                    }
                }
                reached.formUnion(next)
                frontier = next
            }
            ego = reached
            tasks = tasks.filter { egoTasks.contains($0) }
            scope += " · \(graph[center].name) (depth \(depth))"
        }

        var dot: String
        if view == "tasks" {
            if let top = explicitTop ?? (!args.flag("all") && tasks.count > readableTasks ? defaultTop(tasks, loads, graph) : nil) {
                let keep = Set(loads.prefix(top).map(\.agency))
                let kept = tasks.filter { t in graph.agencies(of: t, role: .lead).contains { keep.contains($0) } }
                if explicitTop == nil {
                    notes.append("respgraph: the diagram would show \(tasks.count) tasks; drawing the \(kept.count) led by the \(top) heaviest agencies. --top N draws more, --all draws all \(tasks.count).")
                }
                tasks = kept
                scope += " · top \(top)"
            }
            options.title = "\(scope) · 任务分工 agencies and tasks: \(tasks.count) tasks"
            dot = DOTWriter.agencyTask(graph, tasks: tasks, options: options)
        } else {
            var network = view == "dependency" ? AgencyNetwork.dependency(graph, selection: selection) : AgencyNetwork.coAssignment(graph, selection: selection)
            if args.value("indicator") != nil {
                // Rebuild from the tasks in scope only.
                var b = ResponsibilityGraphBuilder()
                for d in graph.documents { b.addDocument(d) }
                for t in tasks {
                    let leads = graph.agencies(of: t, role: .lead).map { b.addAgency(graph[$0]) }
                    let sups = graph.agencies(of: t, role: .support).map { b.addAgency(graph[$0]) }
                    b.addTask(graph[t], leads: leads, supporters: sups)
                }
                let scoped = b.build()
                network = view == "dependency" ? AgencyNetwork.dependency(scoped, selection: selection) : AgencyNetwork.coAssignment(scoped, selection: selection)
                network = AgencyNetwork(kind: network.kind, agencies: network.agencies.map { graph.agency(named: scoped[$0].name)! }, links: links(of: network))
            }
            var keep = Set(network.agencies)
            if let ego { keep.formIntersection(ego) }
            let inScope = loads.filter { keep.contains($0.agency) }
            if let top = explicitTop ?? (!args.flag("all") && keep.count > readableAgencies ? readableAgencies : nil) {
                let kept = Set(inScope.prefix(top).map(\.agency)).union(options.highlighted.intersection(keep))
                if explicitTop == nil {
                    notes.append("respgraph: the network has \(keep.count) agencies; drawing the \(kept.count) heaviest. --top N draws more, --all draws all \(keep.count).")
                }
                keep = kept
                scope += " · top \(top)"
            }
            let index = Dictionary(uniqueKeysWithValues: network.agencies.enumerated().map { ($1, $0) })
            let agencies = network.agencies.filter { keep.contains($0) }
            let position = Dictionary(uniqueKeysWithValues: agencies.enumerated().map { ($1, $0) })
            if args.value("min-weight") == nil && !args.flag("all") {
                // Readable by default: raise the threshold until at most three links per agency remain.
                var weights: [Double] = []
                for a in agencies {
                    for e in network.range(of: index[a]!) {
                        guard let j = position[network.agencies[Int(network.targets[e])]], network.isDirected || position[a]! < j else { continue }
                        weights.append(network.weights[e])
                    }
                }
                while weights.filter({ $0 >= minWeight }).count > 3 * max(1, agencies.count) { minWeight += 1 }
            }
            var drawn: [(Int, Int, Double)] = []
            var dropped = 0
            for a in agencies {
                let u = index[a]!
                for e in network.range(of: u) {
                    let b = network.agencies[Int(network.targets[e])]
                    guard let j = position[b], network.isDirected || position[a]! < j else { continue }
                    if network.weights[e] >= minWeight { drawn.append((position[a]!, j, network.weights[e])) } else { dropped += 1 }
                }
            }
            if dropped > 0 { notes.append("respgraph: \(dropped) links of fewer than \(formatNumber(minWeight)) tasks left out; --min-weight 1 draws them.") }
            let what = network.isDirected ? "依赖网络 dependency (lead → supporter)" : "共同任务网络 co-assignment"
            let threshold = minWeight > 1 ? " · links ≥ \(formatNumber(minWeight)) tasks" : ""
            options.title = "\(scope) · \(what)\(threshold): \(agencies.count) agencies, \(drawn.count) links"
            dot = DOTWriter.network(graph, agencies: agencies, links: drawn, directed: network.isDirected, options: options)
        }
        for n in notes { result.stderr += n + "\n" }
        if let format = render, let output = args.value("output") {
            try OutputFile.check(output, args)
            try Graphviz.render(dot, layout: layout, format: format, to: output)
        } else if let output = args.value("output") {
            try OutputFile.write(dot, to: output, args)
        } else {
            result.stdout += dot
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

    static func links(of network: AgencyNetwork) -> [(Int32, Int32, Double)] {
        var out: [(Int32, Int32, Double)] = []
        for u in 0..<network.nodeCount {
            for e in network.range(of: u) where network.isDirected || Int(network.targets[e]) > u {
                out.append((Int32(u), network.targets[e], network.weights[e]))
            }
        }
        return out
    }
}
