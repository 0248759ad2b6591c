import Foundation
import RespGraphAnalysis
import RespGraphExport
import RespGraphImport
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

    static let network = Choice<NetworkView>("network", default: .coassign,
                                             "tasks (the agency–task graph), coassign or dependency, as in export and centrality.")
    static let indicator = TextOption("indicator", "X", "Only tasks under this indicator (a part of its name is enough).")
    static let agency = TextOption("agency", "AGENCY", "The ego network of this agency.")
    static let depth = WholeOption("depth", in: 1...Int.max, default: 1, "With --agency: how many hops out.")
    static let top = WholeOption("top", default: nil, defaultText: "as many as stay readable",
                                 "Only the N heaviest agencies (and, in the tasks view, the tasks they lead).")
    static let all = Flag("all", "Draw everything in scope, however large.")
    static let minWeight = NumberOption("min-weight", "W", in: 0...1e9, default: 1,
        defaultText: "the least that keeps three links per agency; 1 with --all", "Networks: only links of at least W shared tasks.")
    static let cluster = OptionalChoice<Clustering>("cluster", default: nil, "Tasks view: one box per indicator.")
    static let layout = OptionalChoice<Layout>("layout", default: nil, defaultText: "dot for tasks, neato for networks",
                                               "The Graphviz layout program.")
    static let font = TextOption("font", "LIST", default: "\"\(DOTWriter.Options.chineseFonts)\"", "Comma-separated font list for labels.")
    static let render = OptionalChoice<RenderFormat>("render", default: nil, "Run Graphviz and write this format to -o FILE.")
    static let output = SharedOptions.output("Write the DOT (or the rendering) here.")
    static let lang = Choice<Language>("lang", default: .zh, "Title, legend and keys in Chinese or English (names stay as written).")
    static let dpi = WholeOption("dpi", "N", in: 36...1200, default: nil, defaultText: "Graphviz's 96",
                                 "Dots per inch of a PNG (300 for print).")
    static let linkLabels = Flag("link-labels", "Networks: write each link's weight on it.")


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
            render.spec, output.spec, SharedOptions.force.spec, NetworkOptions.includeCollectives.spec, lang.spec, dpi.spec,
            linkLabels.spec,
            .renamed("same-layout", takesValue: true, to: "respgraph dot same-layout A B -o PREFIX"),
        ],
        rules: [.requires(render, output), .requires(depth, agency), .exclusive([top, all]), .requires(dpi, render)])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let view = args[network]
        if args[cluster] != nil && view != .tasks { throw args.usageError("--cluster groups the tasks view; add --network tasks") }
        if args.given(minWeight.spec) && view == .tasks { throw args.usageError("--min-weight thins the agency networks; the tasks view "
            + "draws every assignment") }
        if args[linkLabels] && view == .tasks { throw args.usageError("--link-labels labels network links; the tasks view has none") }
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        var request = try diagramRequest(args, view: view)
        request.indicator = args[indicator]
        if let name = args[agency] { request.center = try graph.agency(matching: name) }
        request.depth = args[depth]
        request.minWeight = args.given(minWeight.spec) ? args[minWeight] : (args[all] ? 1 : nil)
        let diagram = try Diagram.draw(graph, request)
        for n in diagram.notes { result.stderr += n + "\n" }
        if let format = args[render], let path = args[output] {
            try OutputFile.check(path, args)
            try Graphviz.render(diagram.dot, layout: diagram.layout, format: format.rawValue, to: path)
        } else if let path = args[output] {
            try OutputFile.write(diagram.dot, to: path, args)
        } else {
            result.stdout += diagram.dot
        }
    }

    /// The request the view, scope and drawing options describe (what every diagram shares).
    static func diagramRequest(_ args: ParsedArguments, view: NetworkView) throws -> Diagram.Request {
        let kind: Diagram.View = switch view { case .tasks: .tasks; case .coassign: .coAssignment; case .dependency: .dependency }
        var options = DOTWriter.Options(font: args[font] ?? DOTWriter.Options.chineseFonts, clusterByIndicator: args[cluster] != nil)
        options.lang = args[lang]
        options.dpi = args[dpi]
        options.linkLabels = args[linkLabels]
        var request = Diagram.Request(view: kind, selection: NetworkOptions.selection(args), options: options)
        request.layout = args[layout]?.rawValue
        request.top = args[top]
        request.all = args[all]
        return request
    }
}

/// `respgraph dot same-layout A B`: two documents' networks with every agency in the same place.
enum DotSameLayoutCommand: CLICommand {
    /// The two documents.
    static let documents = (Positional("DOC", at: 0), Positional("DOC", at: 1))
    static let output = SharedOptions.output("Write PREFIX-A.dot and PREFIX-B.dot (or, with --render, PREFIX-A.png…).")

    static let spec = CommandSpec(
        name: "dot same-layout",
        summary: "Two documents' agency networks with every agency in the same place, to compare years at a glance.",
        discussion: """
        The union's heaviest agencies are laid out once (Graphviz's neato) and each document is drawn with
        those positions pinned; a renamed agency (自治区大数据发展局 → 自治区数据局) keeps one place through
        the registry's lineage. Writes -o PREFIX-A and PREFIX-B.
        Example: respgraph dot same-layout 2022 2024 --render png -o years
        """,
        options: [SharedOptions.graph.spec, SharedOptions.registry.spec, SharedOptions.corrections.spec, SharedOptions.qualifyNames.spec,
                  NetworkOptions.network.spec, DotCommand.top.spec, DotCommand.all.spec, DotCommand.minWeight.spec, DotCommand.font.spec,
                  DotCommand.render.spec, output.spec, SharedOptions.force.spec, NetworkOptions.includeCollectives.spec,
                  DotCommand.lang.spec,
                  DotCommand.dpi.spec, DotCommand.linkLabels.spec],
        positionals: [documents.0.spec, documents.1.spec],
        rules: [.exclusive([DotCommand.top, DotCommand.all]), .requires(DotCommand.dpi, DotCommand.render)])

    /// The drawings of ``Diagram/sameLayout(_:documents:_:latestName:place:)``, written as -o PREFIX-A and PREFIX-B.
    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let ids = [args[documents.0], args[documents.1]]
        guard let prefixGiven = args[output] else { throw args.usageError("give -o PREFIX: the drawings are written as PREFIX-\(ids[0]) "
            + "and PREFIX-\(ids[1])") }
        let view = args[NetworkOptions.network]
        let data = try LoadedData.load(args)
        var request = try DotCommand.diagramRequest(args, view: view)
        request.minWeight = args.given(DotCommand.minWeight.spec) ? args[DotCommand.minWeight] : nil
        guard ExternalProgram.find("neato") != nil else {
            throw DataError(message: "dot same-layout needs Graphviz's neato to place the agencies; \(Graphviz.installHint)")
        }
        let drawings = try Diagram.sameLayout(data.graph, documents: ids, request, latestName: data.registry.latestName(of:),
                                              place: { Graphviz.plain($0, layout: "neato") })
        var prefix = prefixGiven
        for suffix in [".dot", ".png", ".svg", ".pdf"] where prefix.hasSuffix(suffix) { prefix.removeLast(suffix.count) }
        for (id, diagram) in drawings {
            if let format = args[DotCommand.render] {
                let path = "\(prefix)-\(id).\(format.rawValue)"
                try OutputFile.check(path, args)
                // Pinned positions (pos="x,y!") stay where the union put them; the key is placed around them.
                try Graphviz.render(diagram.dot, layout: diagram.layout, format: format.rawValue, to: path)
                result.stderr += "wrote \(path)\n"
            } else {
                try OutputFile.write(diagram.dot, to: "\(prefix)-\(id).dot", args)
                result.stderr += "wrote \(prefix)-\(id).dot (neato keeps the pinned positions)\n"
            }
        }
    }
}
