import Foundation
import RespGraphAnalysis
import RespGraphExport
import RespGraphImport
import RespGraphModel

/// `respgraph export`: the graph as GraphML, GEXF, node-link JSON or CSV tables.
enum ExportCommand: CLICommand {
    /// The file formats export writes.
    enum Format: String, CaseIterable, Sendable { case graphml, gexf, json, csv, tasks, xlsx }

    static let format = ChoiceOption<Format>("format", default: nil, "graphml, gexf, node-link json, csv (two files), tasks (the task-table CSV) or xlsx.")
    static let network = ChoiceOption<NetworkView>("network", default: .tasks, "tasks (agency–task graph), coassign or dependency.")
    static let output = SharedOptions.output("Write here (for csv: a prefix; default standard output).")
    static let bom = Flag("bom", "CSV: start with a UTF-8 byte-order mark (the default for --format csv; for tasks, adds one).")
    static let noBOM = Flag("no-bom", "CSV: leave out the byte-order mark spreadsheets need to read Chinese.")

    static let spec = CommandSpec(
        name: "export", summary: "Write the graph as GraphML (Gephi, NetworkX), GEXF, node-link JSON (D3, Cytoscape.js) or CSV tables.",
        discussion: """
        The tasks network (default) has agencies and tasks as nodes and one edge per lead or support
        assignment (attributes: role, weight, indicator, document, source_line); coassign and dependency
        are the agency networks with weights. Every attribute is typed and present on every node and edge.
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
        rules: [.exclusive(["bom", "no-bom"])])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        guard let format = args[Self.format] else { throw args.usageError("give --format graphml, gexf, json, csv, tasks or xlsx") }
        if format == .xlsx && args[output] == nil { throw args.usageError("--format xlsx writes a binary workbook; give -o FILE.xlsx") }
        if format == .csv && args[output] == nil {
            throw args.usageError("--format csv writes two files; give -o PREFIX (PREFIX-nodes.csv and PREFIX-edges.csv)")
        }
        if (args[bom] || args[noBOM]) && format != .csv && format != .tasks { throw args.usageError("--bom and --no-bom apply to --format csv and tasks") }
        let which = args[network] ?? .tasks
        if which != .tasks && (format == .tasks || format == .xlsx) {
            throw args.usageError("--format \(format.rawValue) writes the task table; --network \(which.rawValue) does not apply")
        }
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        if [.graphml, .gexf, .xlsx].contains(format), let note = ForbiddenCharacters.note(for: graph) { result.stderr += note + "\n" }
        if format == .tasks {
            let text = (args[bom] ? "\u{FEFF}" : "") + TaskTableCSV.format(graph: graph)
            if let output = args[output] { try OutputFile.write(text, to: output, args) } else { result.stdout += text }
            return
        }
        if format == .xlsx {
            let bytes = XLSXWriter.workbook(ResponsibilityWorkbook.sheets(graph, taskTable: TaskTableCSV.records(graph: graph)))
            let output = args[output]!
            try OutputFile.write(bytes, to: output, args)
            result.stderr += "wrote \(output) (sheets: tasks \(graph.tasks.count) rows, agencies \(graph.agencies.count) rows, indicators)\n"
            return
        }
        let elements: GraphElements
        if which == .tasks {
            elements = GraphElements.agencyTask(graph)
        } else {
            let network = try NetworkOptions.build(graph, args, view: which)
            elements = GraphElements.network(graph, agencies: network.agencies, links: network.linkList, directed: network.isDirected)
        }
        switch format {
        case .csv:
            var prefix = args[output]!
            if prefix.hasSuffix(".csv") { prefix.removeLast(4) }
            let (nodes, edges) = TableCSVWriter.write(elements, byteOrderMark: !args[noBOM])
            try OutputFile.write(nodes, to: prefix + "-nodes.csv", args)
            try OutputFile.write(edges, to: prefix + "-edges.csv", args)
            result.stderr += "wrote \(prefix)-nodes.csv (\(elements.nodes.count) nodes) and \(prefix)-edges.csv (\(elements.edges.count) edges)\n"
        default:
            let text = format == .graphml ? GraphMLWriter.write(elements) : format == .gexf ? GEXFWriter.write(elements) : NodeLinkJSONWriter.write(elements)
            if let output = args[output] { try OutputFile.write(text, to: output, args) } else { result.stdout += text }
        }
    }
}
