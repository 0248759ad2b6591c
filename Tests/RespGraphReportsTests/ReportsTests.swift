import Foundation
import RespGraphAnalysis
import RespGraphData
import RespGraphExport
import RespGraphImport
import RespGraphModel
import RespGraphReports
import Testing

/// What the reports module composes from analysis: the explorer's data, the workbook and the
/// analysis attributes of the exports hold respgraph's own numbers.
@Suite struct ReportsTests {
    static let registry = try! AgencyRegistry(csv: EmbeddedGraphs.registry, source: "Graphs/agencies.csv")
    static let graph: ResponsibilityGraph = {
        let importer = Importer(registry: registry)
        let docs = EmbeddedGraphs.taskTables.flatMap { try! importer.importTaskTable(csv: $0.csv, file: $0.name) }
        return importer.graph(from: docs)
    }()

    @Test func explorerDataHoldsEveryTaskWithItsReviewMarksAndTheWorkload() throws {
        let data = ExplorerData(graph: Self.graph, registry: Self.registry, source: "test", lang: .zh).json(positions: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(data.compact().utf8)) as? [String: Any])
        let tasks = try #require(object["tasks"] as? [[String: Any]])
        #expect(tasks.count == Self.graph.tasks.count)
        // The page shows the import's marks: here, without the corrections, the two rows the curated
        // table leaves without a lead or a text.
        let marks = tasks.map { ($0["review"] as? [Any])?.compactMap { $0 as? String } ?? ["?"] }
        #expect(marks == Self.graph.taskIDs.map { Self.graph[$0].review })
        #expect(marks.filter { !$0.isEmpty } == [["missing-lead"], ["missing-text"]])
        let workload = try #require((object["workload"] as? [String: Any])?["all"] as? [String: Any])
        let first = try #require((workload["agencies"] as? [[Any]])?.first)
        let ranked = Workload.ranked(Workload.loads(in: Self.graph), in: Self.graph).filter { Self.graph[$0.agency].kind != .collective }
        #expect(first[0] as? Int == ranked.first?.agency.index)
    }

    @Test func theWorkbookListsAgenciesHeaviestFirst() throws {
        let sheets = ResponsibilityWorkbook.sheets(Self.graph, taskTable: [["document", "number"]])
        #expect(sheets.map(\.name) == ["tasks", "agencies", "indicators (lead)"])
        let ranked = Workload.ranked(Workload.loads(in: Self.graph), in: Self.graph)
        #expect(sheets[1].rows.count == ranked.count + 1)
        // The agencies sheet in respgraph's order: the names of Workload.ranked, heaviest first.
        let names = sheets[1].rows.dropFirst().map { row -> String in if case .text(let t) = row[0] { t } else { "" } }
        #expect(names == ranked.map { Self.graph[$0.agency].name })
        let weighted = sheets[1].rows.dropFirst().map { row -> Double in if case .number(let x) = row[5] { x } else { -1 } }
        #expect(weighted == weighted.sorted(by: >))
    }

    @Test func analysisAttributesMarkTasksAndCarryLoads() throws {
        let elements = GraphElements.agencyTask(Self.graph).addingAnalysis(Self.graph)
        let names = elements.nodeAttributes.map(\.name)
        #expect(names.suffix(6) == ["bipartite", "lead", "support", "weighted_load", "community", "core"])
        let bipartite = try #require(names.firstIndex(of: "bipartite"))
        let agencies = elements.nodes.filter { GraphElements.agencyIndex($0.id) != nil }
        #expect(agencies.count == Self.graph.agencies.count)
        #expect(elements.nodes.filter { $0.values[bipartite] == .int(1) }.count == Self.graph.tasks.count)
    }
}
