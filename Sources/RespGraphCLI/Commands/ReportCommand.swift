import Foundation
import RespGraphAnalysis
import RespGraphExport
import RespGraphReports
import RespGraphImport
import RespGraphModel

/// `respgraph report`: the network measures policy-network papers publish, for one document or two
/// side by side, bilingual, with definitions and the commands that trace every figure to tasks.
enum ReportCommand: CLICommand {
    /// The report's file format.
    enum Format: String, CaseIterable, Sendable { case md, csv, json, html }

    /// A document to compare (two of them, or --compare A,B).
    static let document = Positional(optional: "DOC", at: 0)
    /// The second document to compare.
    static let otherDocument = Positional(optional: "DOC", at: 1)
    static let compare = TextOption("compare", "A,B", repeatable: true,
                                    "Two documents side by side (--compare 2022,2024 or --compare 2022 --compare 2024).")
    static let lang = Choice<Language>("lang", default: .zh, "The report's language.")
    static let format = Choice<Format>("format", default: .md, "Markdown, CSV, JSON or one self-contained HTML file.")
    static let top = WholeOption("top", default: 15, "Agencies in the agency-level table.")
    static let output = SharedOptions.output("Write here instead of standard output.")
    static let noBOM = Flag("no-bom", "CSV: leave out the UTF-8 byte-order mark spreadsheets need to read Chinese.")

    static let spec = CommandSpec(
        name: "report", summary: "The research report: network-level and agency-level measures, role-aware figures, definitions.",
        discussion: """
        Measures on the co-assignment network (collectives left out): size, density, Freeman centralisation,
        paths, compactness, clustering, assortativity, components, k-cores, communities, core–periphery,
        brokers; agency-level centralities with lead and support load and breadth–depth role; role-aware
        figures (several leads, supporters per task, lead-only versus all-ties ranks, indicator concentration);
        a definitions section with formulas, normalisations and references. --compare puts two documents
        side by side with the change, agencies matched through the registry's lineage. HTML is one
        self-contained file with the network diagrams embedded as SVG (needs Graphviz for the pictures).
        Example: respgraph report --compare 2022 2024 --format html -o report.html
        """,
        options: SharedOptions.data + [SharedOptions.indicators.spec, compare.spec, lang.spec, format.spec, top.spec,
                                       output.spec, noBOM.spec, SharedOptions.force.spec],
        positionals: [document.spec, otherDocument.spec],
        rules: [.exclusive([compare, SharedOptions.doc]), .requires(document, compare)])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let lang = args[Self.lang]
        let format = args[Self.format]
        if args[noBOM] && format != .csv { throw args.usageError("--no-bom applies to --format csv") }
        let top = args[Self.top]
        let data = try LoadedData.load(args)
        let columns = try documentColumns(args, data.graph).map { id in
            DocumentFigures(id: id, graph: id.contains("+") ? data.graph : try data.graph.filtered(matching: [id]))
        }
        let report = ResearchReportWriter(columns: columns, registry: data.registry, indicators: data.indicators, lang: lang,
                                          top: top, compare: columns.count == 2)
        let text: String
        switch format {
        case .json: text = report.json().formatted()
        case .csv: text = (args[noBOM] ? "" : "\u{FEFF}") + report.csv()
        case .html: text = report.html(diagrams: columns.map { Graphviz.svg(report.diagramDOT(for: $0), layout: "neato") },
                                       version: RespGraphCommandLine.version)
        case .md: text = report.markdown()
        }
        if format == .html, let note = ForbiddenCharacters.note(for: data.graph) { result.stderr += note + "\n" }
        if let out = args[output] { try OutputFile.write(text, to: out, args) } else { result.stdout += text }
    }

    /// The documents the report covers, one column each: the two compared (--compare A,B, or A B after
    /// it), those chosen with --doc, or every document loaded taken together (ids joined by +).
    static func documentColumns(_ args: ParsedArguments, _ graph: ResponsibilityGraph) throws -> [String] {
        var ids = args.all(compare).flatMap { $0.split(separator: ",").map(String.init) }
        if !ids.isEmpty {
            ids += [args[document], args[otherDocument]].compactMap { $0 }
        } else if !args.all(SharedOptions.doc).isEmpty {
            ids = args.all(SharedOptions.doc)
        } else {
            ids = graph.documents.map(\.id)
        }
        if !args.all(compare).isEmpty && ids.count != 2 {
            throw args.usageError("--compare takes two documents, e.g. --compare 2022,2024")
        }
        if args.all(compare).isEmpty && args.all(SharedOptions.doc).isEmpty && ids.count > 1 { ids = [ids.joined(separator: "+")] }
        return ids
    }
}
