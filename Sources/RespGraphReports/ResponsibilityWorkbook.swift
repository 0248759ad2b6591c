import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// The Excel workbook `export --format xlsx` writes: the task table (names, not ids, so `--graph`
/// reads it back into the same graph), the agencies with their kind and load, and the lead counts
/// per indicator.
public enum ResponsibilityWorkbook {
    /// The header names of task-table columns that hold numbers (written as numbers, not text).
    static let numericColumns: Set<String> = ["number", "source_line"]

    /// The sheets, given the task table's rows (header first) as the importer writes them.
    public static func sheets(_ graph: ResponsibilityGraph, taskTable: [[String]]) -> [XLSXWriter.Sheet] {
        let numeric = Set((taskTable.first ?? []).enumerated().filter { numericColumns.contains($0.element) }.map(\.offset))
        let tasks = taskTable.enumerated().map { i, row in
            row.enumerated().map { j, v -> XLSXWriter.Cell in
                i > 0 && numeric.contains(j) ? (Double(v).map(XLSXWriter.Cell.number) ?? .text(v)) : .text(v)
            }
        }
        var agencies: [[XLSXWriter.Cell]] = [["agency", "kind", "类别", "lead", "support", "weighted", "english_name",
                                              "successor"].map(XLSXWriter.Cell.text)]
        for l in Workload.ranked(Workload.loads(in: graph), in: graph) {
            let a = graph[l.agency]
            agencies.append([.text(a.name), .text(a.kind.rawValue), .text(a.kind.chineseName), .number(Double(l.lead)),
                             .number(Double(l.support)), .number(l.weighted), .text(a.englishName ?? ""), .text(a.successor ?? "")])
        }
        let matrix = Workload.byIndicator(in: graph)
        var indicators: [[XLSXWriter.Cell]] = [[.text("agency")] + matrix.indicators.map(XLSXWriter.Cell.text)]
        for a in graph.agencyIDs where matrix.lead[a.index].contains(where: { $0 > 0 }) {
            indicators.append([.text(graph[a].name)] + matrix.lead[a.index].map { .number(Double($0)) })
        }
        return [XLSXWriter.Sheet(name: "tasks", rows: tasks), XLSXWriter.Sheet(name: "agencies", rows: agencies),
                XLSXWriter.Sheet(name: "indicators (lead)", rows: indicators)]
    }
}
