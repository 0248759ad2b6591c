import RespGraphAnalysis
import RespGraphModel
import Testing

/// Workload counts and weights, worked by hand.
@Suite struct WorkloadTests {
    // Task 1: A leads, B and C support. Task 2: A and B co-lead. Task 3: C leads, A supports.
    static func graph() -> ResponsibilityGraph {
        var b = ResponsibilityGraphBuilder()
        let d = b.addDocument(PlanDocument(id: "x", title: "x"))
        let a = b.addAgency(Agency(name: "A", kind: .regionalDepartment))
        let bb = b.addAgency(Agency(name: "B", kind: .regionalDepartment))
        let c = b.addAgency(Agency(name: "C", kind: .regionalDepartment))
        func task(_ n: Int, _ indicator: String) -> PlanTask {
            PlanTask(document: d, level: .table, number: n, label: String(n), indicator: indicator, direction: "", text: "t", sourceLine: n)
        }
        b.addTask(task(1, "I"), leads: [a], supporters: [bb, c])
        b.addTask(task(2, "I"), leads: [a, bb], supporters: [])
        b.addTask(task(3, "J"), leads: [c], supporters: [a])
        return b.build()
    }

    @Test func countsAndStandardWeights() {
        let loads = Workload.loads(in: Self.graph())
        #expect(loads.map(\.lead) == [2, 1, 1])
        #expect(loads.map(\.support) == [1, 1, 1])
        #expect(loads.map(\.weighted) == [2.5, 1.5, 1.5])
    }

    @Test func splitLeadWeightAmongCoLeads() {
        let loads = Workload.loads(in: Self.graph(), weights: WorkloadWeights(lead: 2, support: 1, splitAmongCoLeads: true))
        // A: task 1 (2) + task 2 (2/2) + support (1) = 4; B: 1 + 1 = 2; C: 2 + 1 = 3.
        #expect(loads.map(\.weighted) == [4, 2, 3])
    }

    @Test func rankingBreaksTiesByLeadThenName() {
        let g = Self.graph()
        let ranked = Workload.ranked(Workload.loads(in: g), in: g)
        #expect(ranked.map { g[$0.agency].name } == ["A", "B", "C"])
    }

    @Test func byIndicatorMatrix() {
        let (indicators, lead, support) = Workload.byIndicator(in: Self.graph())
        #expect(indicators == ["I", "J"])
        #expect(lead == [[2, 0], [1, 0], [0, 1]])
        #expect(support == [[0, 1], [1, 0], [1, 0]])
    }
}
