import Foundation
import RespGraphAnalysis
import RespGraphExport
import RespGraphReports
import RespGraphImport
import RespGraphModel

/// `respgraph export`: the graph as GraphML, GEXF, node-link JSON or CSV tables.
enum ExportCommand: CLICommand {
    /// The file formats export writes.
    enum Format: String, CaseIterable, Sendable {
        case graphml, gexf, json, cytoscape, csv, pajek, ucinet, ucinetEdgeList = "ucinet-edgelist", neo4j, tasks, xlsx
    }

    static let format = OptionalChoice<Format>("format", default: nil, "The file format (see above).")
    static let network = Choice<NetworkView>("network", default: .tasks, "tasks (agency–task graph), coassign or dependency.")
    static let output = SharedOptions.output("Write here (for csv: a prefix; default standard output).")
    static let bom = Flag("bom", "CSV: start with a UTF-8 byte-order mark (the default for --format csv; for tasks, adds one).")
    static let noBOM = Flag("no-bom", "CSV: leave out the byte-order mark spreadsheets need to read Chinese.")

    static let spec = CommandSpec(
        name: "export", summary: "Write the graph for Gephi, NetworkX, igraph, UCINET, Pajek, Cytoscape.js, Neo4j/Kùzu or a spreadsheet.",
        discussion: """
        The tasks network (default) has agencies and tasks as nodes and one edge per lead or support
        assignment (attributes: role, weight, indicator, document, source_line); coassign and dependency
        are the agency networks with weights. Every attribute is typed and present on every node and edge;
        nodes carry the analysis attributes bipartite (0 agency, 1 task), lead, support, weighted_load,
        community and core (0 where they do not apply).
        Formats: graphml (Gephi, NetworkX, igraph), gexf (Gephi, with viz colour by kind and size by load),
        json (NetworkX node-link, D3), cytoscape (Cytoscape.js elements), pajek (.net; the agency–task
        graph as a two-mode network, *Vertices n n1), ucinet (DL full matrix with labels; agencies × tasks,
        2 lead, 1 support) and ucinet-edgelist (DL edgelist1/edgelist2), neo4j (-o PREFIX: a neo4j-admin
        bulk-import pair PREFIX-nodes.csv and PREFIX-relationships.csv, and PREFIX-load.cypher, which loads
        them into Kùzu), csv, tasks and xlsx.
        CSV writes two files: -o PREFIX gives PREFIX-nodes.csv and PREFIX-edges.csv, each starting with a
        UTF-8 byte-order mark so spreadsheets read the Chinese (--no-bom leaves it out); the edge file
        carries both ends' names beside their ids. --format tasks writes the curated task-table CSV
        (the format --graph reads back into the same graph). --format xlsx writes an Excel workbook
        (-o FILE.xlsx) with the task table (names, not ids; --graph reads it back into the same graph),
        the agencies with their kind and load, and the per-indicator lead counts.
        Example: respgraph export --format graphml --doc 2024 -o guangxi-2024.graphml
        """,
        options: SharedOptions.data + [format.spec, network.spec, output.spec, SharedOptions.force.spec, bom.spec, noBOM.spec,
                                       NetworkOptions.includeCollectives.spec, NetworkOptions.kind.spec, NetworkOptions.newman.spec],
        rules: [.exclusive([bom, noBOM])])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try checkedFormat(args)
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        if format.forbidsControlCharacters, let note = ForbiddenCharacters.note(for: graph) { result.stderr += note + "\n" }
        switch format {
        case .tasks: try write((args[bom] ? "\u{FEFF}" : "") + TaskTableCSV.format(graph: graph), args, &result)
        case .xlsx:
            let bytes = XLSXWriter.workbook(ResponsibilityWorkbook.sheets(graph, taskTable: TaskTableCSV.records(graph: graph)))
            try OutputFile.write(bytes, to: args[output]!, args)
            result.stderr += "wrote \(args[output]!) (sheets: tasks \(graph.tasks.count) rows, agencies \(graph.agencies.count) rows, "
                + "indicators)\n"
        case .csv:
            let elements = try Self.elements(graph, args)
            let prefix = filePrefix(args)
            let (nodes, edges) = TableCSVWriter.write(elements, byteOrderMark: !args[noBOM])
            try OutputFile.write(nodes, to: prefix + "-nodes.csv", args)
            try OutputFile.write(edges, to: prefix + "-edges.csv", args)
            result.stderr += "wrote \(prefix)-nodes.csv (\(elements.nodes.count) nodes) and \(prefix)-edges.csv (\(elements.edges.count) "
                + "edges)\n"
        case .neo4j:
            let elements = try Self.elements(graph, args)
            let prefix = filePrefix(args)
            let files = ResearchFormats.neo4j(elements, prefix: prefix.split(separator: "/").last.map(String.init) ?? prefix)
            try OutputFile.write(files.nodes, to: prefix + "-nodes.csv", args)
            try OutputFile.write(files.relationships, to: prefix + "-relationships.csv", args)
            try OutputFile.write(files.cypher, to: prefix + "-load.cypher", args)
            result.stderr += "wrote \(prefix)-nodes.csv (\(elements.nodes.count) nodes), \(prefix)-relationships.csv "
                + "(\(elements.edges.count) relationships) and \(prefix)-load.cypher\n"
        case .graphml, .gexf, .json, .cytoscape, .pajek, .ucinet, .ucinetEdgeList:
            try write(format.text(of: try Self.elements(graph, args)), args, &result)
        }
    }

    /// The format asked for, once the options given with it are checked.
    static func checkedFormat(_ args: ParsedArguments) throws -> Format {
        guard let format = args[Self.format] else {
            throw args.usageError("give --format \(Format.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if args[output] == nil, let files = format.needsOutput { throw args.usageError("--format \(format.rawValue) writes \(files)") }
        if (args[bom] || args[noBOM]) && format != .csv && format != .tasks { throw args.usageError("--bom and --no-bom apply to --format "
            + "csv and tasks") }
        if args[network] != .tasks && (format == .tasks || format == .xlsx) {
            throw args.usageError("--format \(format.rawValue) writes the task table; --network \(args[network].rawValue) does not apply")
        }
        return format
    }

    /// The nodes and edges of the network asked for, with the analysis attributes.
    static func elements(_ graph: ResponsibilityGraph, _ args: ParsedArguments) throws -> GraphElements {
        let which = args[network]
        guard which != .tasks else { return GraphElements.agencyTask(graph).addingAnalysis(graph) }
        let network = try NetworkOptions.build(graph, args, view: which)
        return GraphElements.network(graph, agencies: network.agencies, links: network.linkList, directed: network.isDirected)
            .addingAnalysis(graph)
    }

    /// `-o PREFIX` of the formats that write several files, without a `.csv` given by habit.
    static func filePrefix(_ args: ParsedArguments) -> String {
        var prefix = args[output]!
        if prefix.hasSuffix(".csv") { prefix.removeLast(4) }
        return prefix
    }

    /// Text to `-o FILE`, or standard output.
    static func write(_ text: String, _ args: ParsedArguments, _ result: inout CommandResult) throws {
        if let output = args[output] { try OutputFile.write(text, to: output, args) } else { result.stdout += text }
    }
}

extension ExportCommand.Format {
    /// What the format writes when it needs `-o` (a binary workbook, several files), else nil.
    var needsOutput: String? {
        switch self {
        case .xlsx: "a binary workbook; give -o FILE.xlsx"
        case .csv: "two files; give -o PREFIX (PREFIX-nodes.csv and PREFIX-edges.csv)"
        case .neo4j: "three files; give -o PREFIX (PREFIX-nodes.csv, PREFIX-relationships.csv, PREFIX-load.cypher)"
        default: nil
        }
    }

    /// Whether the format cannot hold control characters (XML, and the line-based Pajek and UCINET files).
    var forbidsControlCharacters: Bool { [.graphml, .gexf, .xlsx, .pajek, .ucinet, .ucinetEdgeList].contains(self) }

    /// The file of a one-file text format.
    func text(of elements: GraphElements) -> String {
        switch self {
        case .graphml: GraphMLWriter.write(elements)
        case .gexf: GEXFWriter.write(elements)
        case .cytoscape: ResearchFormats.cytoscape(elements)
        case .pajek: ResearchFormats.pajek(elements)
        case .ucinet: ResearchFormats.ucinetFullMatrix(elements)
        case .ucinetEdgeList: ResearchFormats.ucinetEdgeList(elements)
        default: NodeLinkJSONWriter.write(elements)
        }
    }
}
