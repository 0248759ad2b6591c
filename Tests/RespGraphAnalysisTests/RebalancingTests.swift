import Foundation
import RespGraphAnalysis
import RespGraphData
import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// The rebalancing plan: exact on both curated documents against HiGHS's MILP optimum (committed in
/// Golden/rebalancing-reference.json with the command that made it), and sound move by move.
@Suite struct RebalancingTests {
    static let graph: ResponsibilityGraph = {
        let importer = Importer(registry: try! AgencyRegistry(csv: EmbeddedGraphs.registry, source: "Graphs/agencies.csv"),
                                corrections: try! Corrections(csv: EmbeddedGraphs.corrections, source: "Graphs/corrections.csv"))
        return importer.graph(from: EmbeddedGraphs.taskTables.flatMap { try! importer.importTaskTable(csv: $0.csv, file: $0.name) })
    }()
    static func document(_ id: String) -> ResponsibilityGraph {
        graph.filtered(documents: [DocumentID(graph.documents.firstIndex { $0.id == id }!)])
    }
    static let referencePath = "Tests/RespGraphAnalysisTests/Golden/rebalancing-reference.json"
    static func reference() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(Repository.text(referencePath).utf8)) as? [String: Any])
    }

    /// Loads recomputed from scratch after applying the moves to the roles.
    static func loadsAfter(_ g: ResponsibilityGraph, _ moves: [Rebalancing.Move]) -> [Double] {
        var out = Array(repeating: 0.0, count: g.agencies.count)
        for t in g.taskIDs {
            var leads = Set(g.agencies(of: t, role: .lead))
            for m in moves where m.task == t {
                #expect(leads.contains(m.from) && !leads.contains(m.to) && g.agencies(of: t).contains(m.to), "a move swaps a lead and a supporter")
                leads.remove(m.from)
                leads.insert(m.to)
            }
            for a in g.agencies(of: t) { out[a.index] += leads.contains(a) ? 1 : 0.5 }
        }
        return out
    }

    @Test(arguments: ["2022", "2024"])
    func theLowestLoadAndTheFewestMovesAreHiGHSsOptimum(doc: String) throws {
        let expected = try #require((try Self.reference()["documents"] as? [String: Any])?[doc] as? [String: Any])
        let g = Self.document(doc)
        let plan = try Rebalancing.plan(g)
        #expect(plan.maxLoadAfter == expected["lowest_max_load"] as? Double)
        #expect(plan.moves.count == expected["fewest_moves"] as? Int)
        #expect(plan.lowerBound == plan.maxLoadAfter && plan.optimal)
        // The loads the plan reports are the loads its moves give.
        let after = Self.loadsAfter(g, plan.moves)
        let counted = g.agencyIDs.filter { !g[$0].isCollective }
        #expect(counted.map { after[$0.index] }.max() == plan.maxLoadAfter)
        for l in plan.changedLoads { #expect(after[l.agency.index] == l.after) }
        // Collectives keep their roles.
        #expect(plan.moves.allSatisfy { !g[$0.from].isCollective && !g[$0.to].isCollective })
        // Within K moves: HiGHS's lowest level with at most K moves.
        let limited = try #require(expected["lowest_max_load_within_moves"] as? [String: Double])
        for (k, level) in limited {
            let p = try Rebalancing.plan(g, limits: .init(maxMoves: Int(k)!))
            #expect(p.maxLoadAfter == level && p.moves.count <= Int(k)!, "\(doc) within \(k) moves")
        }
    }

    @Test func aTargetTakesTheFewestMovesAndAnUnreachableOneSaysHowLowItCanGo() throws {
        let g = Self.document("2024")
        let plan = try Rebalancing.plan(g, limits: .init(target: 34))
        #expect(plan.maxLoadAfter <= 34 && plan.moves.count == 5)
        #expect(try Rebalancing.plan(g, limits: .init(target: 100)).moves.isEmpty)
        #expect(throws: Rebalancing.Failure.targetUnreachable(lowest: 31)) { try Rebalancing.plan(g, limits: .init(target: 30)) }
        #expect(throws: Rebalancing.Failure.leadNotHeavier) {
            try Rebalancing.plan(g, weights: WorkloadWeights(lead: 0.5, support: 0.5, splitAmongCoLeads: false))
        }
    }

    @Test func aKeptAgencyKeepsItsRoles() throws {
        let g = Self.document("2024")
        let heaviest = try #require(g.agency(named: "自治区市场监管局"))
        let plan = try Rebalancing.plan(g, limits: .init(keep: [heaviest]))
        #expect(!plan.moves.contains { $0.from == heaviest || $0.to == heaviest })
        #expect(plan.maxLoadAfter == 36.5 && plan.moves.isEmpty)
    }

    /// Reruns HiGHS: the committed reference is what the MILP gives today.
    @Test(.needs(.highs)) func theCommittedReferenceIsHiGHSsAnswerToday() throws {
        let fresh = try ReferenceScript.rerun("make_rebalancing_reference.py")
        let committed = try Self.reference()
        #expect(NSDictionary(dictionary: fresh["documents"] as? [String: Any] ?? [:]).isEqual(to: committed["documents"] as? [String: Any] ?? [:]))
    }
}
