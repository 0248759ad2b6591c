import RespGraphExport
import RespGraphReports
import RespGraphModel

/// `respgraph explore`: the explorer, one self-contained HTML file for people who do not use a terminal.
enum ExploreCommand: CLICommand {

    static let lang = Choice<Language>("lang", default: .zh, "The page's first language; a button on the page switches.")
    static let output = SharedOptions.output("Write the page here (default: standard output).")

    static let spec = CommandSpec(
        name: "explore",
        summary: "The explorer: one self-contained HTML page to search agencies, filter tasks, read the matrix, workload and network, and "
            + "plan meetings.",
        discussion: """
        The page works offline on any computer with a browser: nothing is downloaded, nothing installed.
        Views: find an agency (any part of its name, an alias or its English name) and open its page
        (tasks led and supported, partners, dependencies, centrality ranks); the task table filtered by
        document, indicator, agency, role and keyword; the responsibility matrix (牵/配, grouped by
        indicator, downloadable as CSV); workload with inequality, outliers and accountability checks;
        the co-assignment and dependency networks (zoom, pan, click for an agency's ego network); the
        meeting planner (tick tasks, choose the number of meetings); and the comparison of documents.
        Every number is computed by respgraph when the page is written, with the same calls as the
        commands (workload, agency, plan, diff). Network positions come from Graphviz (neato) when it
        is installed, from respgraph's own force layout otherwise.
        Example: respgraph explore -o explorer.html
        """,
        options: SharedOptions.data + [SharedOptions.indicators.spec, lang.spec, output.spec, SharedOptions.force.spec])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let language = args[lang]
        var explorer = ExplorerData(graph: graph, registry: data.registry, source: data.sourceDescription, lang: language)
        explorer.indicators = data.indicators
        let count = explorer.networkNodes.count
        let positions = Graphviz.plain(explorer.layoutDOT(),
                                       layout: "neato").flatMap { ExplorerData.positions(fromPlain: $0, count: count) }
        if positions == nil && count > 0 {
            result.stderr += "respgraph: Graphviz (neato) is not installed; the network is placed by respgraph's own force "
                + "layout. \(Graphviz.installHint)\n"
        }
        let title = Bilingual("责任分工浏览器：", "Responsibility explorer: ")[language] + graph.documents.map(\.title).joined(separator: "；")
        let page = ExplorerPage.html(data: explorer.json(positions: positions), lang: language, title: title,
                                     version: RespGraphCommandLine.version)
        if let note = ForbiddenCharacters.note(for: graph) { result.stderr += note + "\n" }
        if let path = args[output] {
            try OutputFile.write(page, to: path, args)
            result.stderr += "wrote \(path) (\(page.utf8.count / 1024) KB; open it in a browser)\n"
        } else {
            result.stdout += page
        }
    }
}
