import RespGraphModel
import Testing

/// The graph core: compact ids, both CSR directions, filtering by document.
@Suite struct GraphTests {
    static func sample() -> ResponsibilityGraph {
        var b = ResponsibilityGraphBuilder()
        let d1 = b.addDocument(PlanDocument(id: "2022", title: "甲方案"))
        let d2 = b.addDocument(PlanDocument(id: "2024", title: "乙要点"))
        let a = b.addAgency(Agency(name: "自治区公安厅", kind: .regionalDepartment))
        let c = b.addAgency(Agency(name: "自治区民政厅", kind: .regionalDepartment, aliases: ["民政厅"]))
        let g = b.addAgency(Agency(name: "各市、县人民政府", kind: .collective))
        #expect(b.addAgency(Agency(name: "自治区公安厅", kind: .unknown)) == a)
        b.addTask(PlanTask(document: d1, level: .table, number: 1, label: "1", indicator: "开办企业", direction: "", text: "甲", sourceLine: 10),
                  leads: [a], supporters: [c, g])
        b.addTask(PlanTask(document: d1, level: .table, number: 2, label: "2", indicator: "开办企业", direction: "", text: "乙", sourceLine: 11),
                  leads: [c, c], supporters: [c])
        b.addTask(PlanTask(document: d2, level: .workPoint, number: 1, label: "一（一）", indicator: "一", direction: "", text: "丙", sourceLine: 5),
                  leads: [g], supporters: [a])
        return b.build()
    }

    @Test func idsIndexArraysAndBothDirectionsAgree() throws {
        let graph = Self.sample()
        #expect(graph.invariantViolation() == nil)
        #expect(graph.agencies.count == 3 && graph.tasks.count == 3)
        #expect(graph.assignmentCount == 7)
        let police = try #require(graph.agency(named: "自治区公安厅"))
        #expect(graph.tasks(of: police).map(\.rawValue) == [0, 2])
        #expect(graph.tasks(of: police, role: .lead).map(\.rawValue) == [0])
        #expect(graph.count(of: police, role: .support) == 1)
        #expect(graph.agency(named: "民政厅") == graph.agency(named: "自治区民政厅"))
    }

    @Test func repeatedLeadIsKeptOnceButLeadAndSupportBothStay() throws {
        let graph = Self.sample()
        let civil = try #require(graph.agency(named: "自治区民政厅"))
        let t = try #require(graph.task(key: "2022:2"))
        #expect(graph.agencies(of: t, role: .lead) == [civil])
        #expect(graph.agencies(of: t, role: .support) == [civil])
    }

    @Test func keysNameDocumentAndNumber() throws {
        let graph = Self.sample()
        #expect(graph.task(key: "2024:W1").map { graph.key(of: $0) } == "2024:W1")
        #expect(graph.task(key: "2024:1") == nil)
        #expect(graph.task(key: "2022:1").map { graph.key(of: $0) } == "2022:1")
        // Only keys as the graph writes them: no leading zeros or signs, no unknown document.
        for key in ["2022:01", "2022:+1", "2024:W01", "2024:w1", "2023:1", "2022", "2022:", ":1", "2022:1:1"] {
            #expect(graph.task(key: key) == nil, "\(key)")
        }
    }

    @Test func keysOfDocumentIdsWithAColon() throws {
        var b = ResponsibilityGraphBuilder()
        let d = b.addDocument(PlanDocument(id: "广西:2024", title: "要点"))
        #expect(b.addDocument(PlanDocument(id: "广西:2024", title: "again")) == d)
        let a = b.addAgency(Agency(name: "自治区公安厅", kind: .regionalDepartment))
        b.addTask(PlanTask(document: d, level: .table, number: 12, label: "12", indicator: "", direction: "", text: "甲", sourceLine: 1),
                  leads: [a], supporters: [])
        let graph = b.build()
        #expect(graph.documents.map(\.title) == ["要点"])
        #expect(graph.task(key: "广西:2024:12").map { graph.key(of: $0) } == "广西:2024:12")
    }

    @Test func filteringKeepsOnlyTheDocumentsTasksAndTheirAgencies() throws {
        let graph = Self.sample()
        let only2024 = graph.filtered(documents: [try #require(graph.document(id: "2024"))])
        #expect(only2024.invariantViolation() == nil)
        #expect(only2024.documents.map(\.id) == ["2024"])
        #expect(only2024.tasks.count == 1)
        #expect(only2024.agencies.map(\.name) == ["各市、县人民政府", "自治区公安厅"])
        #expect(only2024.task(key: "2024:W1") != nil)
    }

    @Test func emptyGraphIsValid() {
        #expect(ResponsibilityGraph().invariantViolation() == nil)
    }
}

/// The reviewed table of indicators renamed between plans.
@Suite struct IndicatorLineageTests {
    @Test func renamingsFollowChainsAndBadRowsAreErrors() throws {
        let lineage = try IndicatorLineage(csv: "former,current,note\n甲,乙,why\n乙,丙,why\n", source: "i.csv")
        #expect(lineage.latestName(of: "甲") == "丙" && lineage.latestName(of: "丁") == "丁")
        #expect(throws: RegistryError.self) { _ = try IndicatorLineage(csv: "former,current,note\n甲,乙,\n", source: "i.csv") }
        #expect(throws: RegistryError.self) { _ = try IndicatorLineage(csv: "former,current,note\n甲,乙,a\n甲,丙,b\n", source: "i.csv") }
        #expect(throws: RegistryError.self) { _ = try IndicatorLineage(csv: "former,current,note\n甲,乙,a\n乙,甲,b\n", source: "i.csv") }
        #expect(throws: RegistryError.self) { _ = try IndicatorLineage(csv: "old,new\n甲,乙\n", source: "i.csv") }
    }
}

/// Per-document counts taken in one pass agree with each document's own subgraph.
@Suite struct DocumentCountsTests {
    @Test func countsAgreeWithEachDocumentsSubgraph() {
        var b = ResponsibilityGraphBuilder()
        let d1 = b.addDocument(PlanDocument(id: "A", title: "甲"))
        let d2 = b.addDocument(PlanDocument(id: "B", title: "乙"))
        let x = b.addAgency(Agency(name: "省财政厅", kind: .regionalDepartment)), y = b.addAgency(Agency(name: "省税务局", kind: .centralBody))
        let z = b.addAgency(Agency(name: "各市人民政府", kind: .collective))
        func task(_ d: DocumentID, _ level: TaskLevel, _ text: String) -> PlanTask {
            PlanTask(document: d, level: level, number: 1, label: "1", indicator: "", direction: "", text: text, sourceLine: 1)
        }
        _ = b.addTask(task(d1, .table, "一"), leads: [x], supporters: [y, z])
        _ = b.addTask(task(d1, .workPoint, "二"), leads: [], supporters: [y])
        _ = b.addTask(task(d2, .table, "三"), leads: [y], supporters: [])
        let g = b.build()
        let counts = g.documentCounts()
        #expect(counts[0] == DocumentCounts(tableTasks: 1, workPoints: 1, tasksWithLead: 1, agencies: 3, leadEdges: 1, supportEdges: 3))
        #expect(counts[1] == DocumentCounts(tableTasks: 1, workPoints: 0, tasksWithLead: 1, agencies: 1, leadEdges: 1, supportEdges: 0))
        #expect(g.agencyCountsByKind().reduce(0) { $0 + $1.agencies } == g.agencies.count)
    }
}
