import RespGraphAnalysis
import RespGraphExport
import RespGraphReports
import RespGraphModel

/// `respgraph matrix`: the responsibility matrix, tasks × agencies with 牵 / 配.
enum MatrixCommand: CLICommand {
    /// What the matrix is written as.
    enum Format: String, CaseIterable, Sendable { case table, csv, html, svg }

    static let indicator = TextOption("indicator", "X", "Only tasks under this indicator (a part of its name is enough).")
    static let agency = TextOption("agency", "AGENCY", "Only tasks that name this agency (lead or support).")
    static let format = Choice<Format>("format", default: .table, "table (terminal), csv (spreadsheet), html (printable page) or svg.")
    static let top = WholeOption("top", default: nil, defaultText: "all; 30 in a terminal", "Only the N heaviest agencies as columns.")
    static let paper = Choice<MatrixWriter.Paper>("paper", default: .a3, "Paper the html and svg are laid out for (landscape).")
    static let noBOM = Flag("no-bom", "CSV: leave out the UTF-8 byte-order mark spreadsheets need to read Chinese.")
    static let output = SharedOptions.output("Write here instead of standard output.")

    static let spec = CommandSpec(
        name: "matrix",
        summary: "The responsibility matrix: tasks × agencies with 牵 (lead) and 配 (support), grouped by indicator, with totals.",
        discussion: """
        Rows are tasks grouped by indicator, columns the agencies they name ordered by load (1 × lead +
        0.5 × support within the selection); the last column counts each task's agencies, the last row
        each agency's tasks. csv opens in a spreadsheet (with a UTF-8 byte-order mark unless --no-bom);
        html is a page that prints on A3 or A4 landscape with the header row repeated on every page; svg
        is a drawing sized for the paper. In a terminal the columns are numbered, with a key below.
        Example: respgraph matrix --doc 2024 --indicator 获得信贷 --format html -o matrix.html
        """,
        options: SharedOptions.data + [indicator.spec, agency.spec, format.spec, top.spec, paper.spec, noBOM.spec, output.spec,
                                       SharedOptions.force.spec])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = args[Self.format]
        if args[noBOM] && format != .csv { throw args.usageError("--no-bom applies to --format csv") }
        if args.given(paper.spec) && format != .html && format != .svg { throw args.usageError("--paper applies to --format html and svg") }
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let tasks = try graph.tasks(matching: TaskSelection(indicator: args[indicator], agency: args[agency]))
        let scope = [args[indicator], try args[agency].map { graph[try graph.agency(matching: $0)].name }].compactMap { $0 }
        let full = ResponsibilityMatrix(graph, tasks: tasks)
        let columns = args[top] ?? (format == .table ? 30 : Int.max)
        let matrix = columns < full.agencies.count ? ResponsibilityMatrix(graph, tasks: tasks,
                                                                          columns: Array(full.agencies.prefix(columns))) : full
        let title = "责任矩阵 " + (graph.documents.map(\.title) + scope).joined(separator: " · ")
        let text: String
        switch format {
        case .csv: text = MatrixWriter.csv(matrix, graph, byteOrderMark: !args[noBOM])
        case .html: text = MatrixWriter.html(matrix, graph, title: title, paper: args[paper])
        case .svg: text = MatrixWriter.svg(matrix, graph, title: title, paper: args[paper])
        case .table:
            text = output(matrix, graph, title: title, agencyCount: full.agencies.count)
                .rendered(.table, width: result.terminalWidth, ambiguousWide: result.ambiguousWide)
        }
        if let path = args[output] { try OutputFile.write(text, to: path, args) } else { result.stdout += text }
    }

    /// The matrix as a terminal table: a row per task, a numbered column per agency (named in the
    /// footer), the number of agencies each task names; `agencyCount` is the agencies before the cut.
    static func output(_ matrix: ResponsibilityMatrix, _ graph: ResponsibilityGraph, title: String, agencyCount: Int) -> QueryOutput {
        var set = RecordSet("matrix", [Field("task", zh: "任务"), Field("indicator", zh: "指标", maxWidth: 12)]
                            + matrix.agencies.indices.map { Field(String($0 + 1), zh: String($0 + 1), key: "c\($0 + 1)", maxWidth: 3) }
                            + [Field("n", zh: "机构数", key: "agencies", .whole)])
        for t in matrix.tasks {
            set.append([.text(graph.key(of: t)), .text(graph[t].indicator)] + matrix.row(t).map { .text(MatrixWriter.mark($0)) }
                       + [.whole(matrix.rowTotal(t))])
        }
        var output = QueryOutput()
        output.heading = [title, "牵 = lead, 配 = support; n = agencies the task names."]
        output.sets = [set]
        output.footer = matrix.agencies.enumerated().map { i, a in
            "\(i + 1) = \(graph[a].name) (\(matrix.columnTotals[i].lead) 牵, \(matrix.columnTotals[i].support) 配)"
        }
        if matrix.agencies.count < agencyCount {
            output.footer.append("The \(matrix.agencies.count) heaviest of \(agencyCount) agencies are shown; --top N shows "
                + "more, --format csv or html all of them.")
        }
        return output
    }
}
