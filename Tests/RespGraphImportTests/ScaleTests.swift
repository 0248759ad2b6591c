import Foundation
import RespGraphData
import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// The synthetic corpus, the round trip through the task-table CSV, and oversized input.
@Suite struct ScaleTests {
    /// Whether two graphs hold the same documents, agencies, tasks and edges in the same order.
    static func sameGraph(_ a: ResponsibilityGraph, _ b: ResponsibilityGraph) -> Bool {
        guard a.documents == b.documents, a.agencies.map(\.name) == b.agencies.map(\.name),
              a.agencies.map(\.kind) == b.agencies.map(\.kind), a.tasks == b.tasks else { return false }
        return a.taskOffsets == b.taskOffsets && a.taskAgencies == b.taskAgencies && a.taskRoles == b.taskRoles
    }

    @Test func generatorIsDeterministicForASeed() {
        let a = SyntheticCorpus(scale: 2, seed: 7).csv(), b = SyntheticCorpus(scale: 2, seed: 7).csv()
        #expect(a == b)
        #expect(a != SyntheticCorpus(scale: 2, seed: 8).csv())
    }

    @Test func oneTimesLooksLikeTheRealPair() throws {
        let corpus = SyntheticCorpus(scale: 1, seed: 1)
        let importer = Importer(registry: corpus.registry())
        let docs = try importer.importTaskTable(csv: corpus.csv(), file: "c.csv")
        let graph = importer.graph(from: docs)
        #expect(graph.documents.count == 2)
        #expect((380...420).contains(graph.tasks.count))
        #expect((90...130).contains(graph.agencies.count))
        #expect(docs.allSatisfy { $0.blockingDiagnostics.isEmpty && $0.diagnostics.isEmpty })
        // Heavy tail: within a document the busiest lead carries 20–35% of the tasks.
        for d in graph.documents.indices {
            let sub = graph.filtered(documents: [DocumentID(d)])
            let top = sub.agencyIDs.map { sub.count(of: $0, role: .lead) }.max() ?? 0
            let share = Double(top) / Double(sub.tasks.count)
            #expect(share >= 0.15 && share <= 0.4, "top lead share \(share)")
        }
    }

    @Test func realDocumentsRoundTripThroughTheTaskTable() throws {
        let registry = try AgencyRegistry(csv: EmbeddedGraphs.registry, source: "agencies.csv")
        let importer = Importer(registry: registry)
        let graph = importer.graph(from: EmbeddedGraphs.taskTables.flatMap { try! importer.importTaskTable(csv: $0.csv, file: $0.name) })
        let again = importer.graph(from: try importer.importTaskTable(csv: TaskTableCSV.format(graph: graph), file: "again.csv"))
        #expect(Self.sameGraph(graph, again))
    }

    @Test func hundredTimesCorpusRoundTrips() throws {
        let corpus = SyntheticCorpus(scale: 100, seed: 1)
        let importer = Importer(registry: corpus.registry())
        let graph = importer.graph(from: try importer.importTaskTable(csv: corpus.csv(), file: "c.csv"))
        #expect(graph.tasks.count == 40_000)
        #expect(graph.invariantViolation() == nil)
        let again = importer.graph(from: try importer.importTaskTable(csv: TaskTableCSV.format(graph: graph), file: "again.csv"))
        #expect(Self.sameGraph(graph, again))
    }

    @Test func oversizedInputIsRefusedWithAMessage() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/huge.csv"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(Importer.maximumFileSize + 1))  // sparse: no disk used
        try handle.close()
        do {
            _ = try Importer.readText(atPath: path)
            Issue.record("an oversized file was read")
        } catch {
            #expect(error.message.contains("MiB"))
        }
    }
}
