import Foundation
import RespGraphAnalysis
import RespGraphExport
import RespGraphImport
import RespGraphModel

/// `respgraph export`: the graph as GraphML, GEXF, node-link JSON or CSV tables.
enum ExportCommand: CLICommand {
    static let spec = CommandSpec(
        name: "export", summary: "Write the graph as GraphML (Gephi, NetworkX), GEXF, node-link JSON (D3, Cytoscape.js) or CSV tables.",
        usage: "export --format graphml|gexf|json|csv|tasks [--network tasks|coassign|dependency] [-o FILE] [--bom] [--doc ID]",
        discussion: """
        The tasks network (default) has agencies and tasks as nodes and one edge per lead or support
        assignment (attributes: role, weight, indicator, document, source_line); coassign and dependency
        are the agency networks with weights. Every attribute is typed and present on every node and edge.
        CSV writes two files: -o PREFIX gives PREFIX-nodes.csv and PREFIX-edges.csv; --bom adds a UTF-8
        byte-order mark for spreadsheets that need one. --format tasks writes the curated task-table CSV
        (the format --graph reads back into the same graph).
        Example: respgraph export --format graphml --doc 2024 -o guangxi-2024.graphml
        """,
        options: SharedOptions.data + [
            OptionSpec("format", value: "FORMAT", "graphml, gexf, json, csv or tasks."),
            OptionSpec("network", value: "NET", "tasks (agency–task graph, default), coassign or dependency."),
            OptionSpec("output", short: "o", value: "FILE", "Write here (for csv: a prefix; default standard output)."),
            OptionSpec("bom", "CSV: start each file with a UTF-8 byte-order mark."),
            NetworkOptions.includeCollectives, NetworkOptions.kind, NetworkOptions.newman,
        ])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        guard args.value("format") != nil else { throw UsageError(message: "give --format graphml, gexf, json or csv", command: spec.name) }
        let format = try args.choice("format", from: ["graphml", "gexf", "json", "csv", "tasks"], default: "graphml")
        let which = try args.choice("network", from: ["tasks", "coassign", "dependency"], default: "tasks")
        if format == "csv" && args.value("output") == nil {
            throw UsageError(message: "--format csv writes two files; give -o PREFIX (PREFIX-nodes.csv and PREFIX-edges.csv)", command: spec.name)
        }
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        if format == "tasks" {
            let text = (args.flag("bom") ? "\u{FEFF}" : "") + TaskTableCSV.format(graph: graph)
            if let output = args.value("output") { try ImportCommand.write(text, to: output) } else { result.stdout += text }
            return
        }
        let elements: GraphElements
        if which == "tasks" {
            elements = GraphElements.agencyTask(graph)
        } else {
            let network = try NetworkOptions.build(graph, args, default: which == "dependency" ? .dependency : .coAssignment)
            elements = GraphElements.network(graph, agencies: network.agencies, links: DotCommand.links(of: network).map { (Int($0.0), Int($0.1), $0.2) },
                                             directed: network.isDirected)
        }
        switch format {
        case "csv":
            var prefix = args.value("output")!
            if prefix.hasSuffix(".csv") { prefix.removeLast(4) }
            let (nodes, edges) = TableCSVWriter.write(elements, byteOrderMark: args.flag("bom"))
            try ImportCommand.write(nodes, to: prefix + "-nodes.csv")
            try ImportCommand.write(edges, to: prefix + "-edges.csv")
            result.stderr += "wrote \(prefix)-nodes.csv (\(elements.nodes.count) nodes) and \(prefix)-edges.csv (\(elements.edges.count) edges)\n"
        default:
            let text = format == "graphml" ? GraphMLWriter.write(elements) : format == "gexf" ? GEXFWriter.write(elements) : NodeLinkJSONWriter.write(elements)
            if let output = args.value("output") { try ImportCommand.write(text, to: output) } else { result.stdout += text }
        }
    }
}
