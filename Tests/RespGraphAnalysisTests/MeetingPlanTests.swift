import Foundation
import RespGraphAnalysis
import RespGraphModel
import RespGraphTestSupport
import Testing

/// Meeting plans under caps: every plan keeps its caps and puts each task in one meeting; small
/// selections equal HiGHS's exact optimum, whole documents never cost more than Mt-KaHyPar (both
/// committed in Golden/meeting-reference.json with the command that made it).
@Suite struct MeetingPlanTests {
    static let graph = RebalancingTests.graph
    static let referencePath = "Tests/RespGraphAnalysisTests/Golden/meeting-reference.json"
    static func reference() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(Repository.text(referencePath).utf8)) as? [String: Any])
    }

    /// Checks a plan from scratch: each task once, caps kept, attendance recounted, collectives apart.
    static func check(_ plan: MeetingPlanner.CappedPlan, _ tasks: [TaskID], _ g: ResponsibilityGraph) {
        let placed = plan.meetings.flatMap(\.tasks)
        #expect(placed.sorted() == tasks.sorted())
        var attendance = 0
        for m in plan.meetings {
            #expect(m.tasks.count <= plan.caps.maxTasks && !m.tasks.isEmpty)
            let invited = Set(m.tasks.flatMap { g.agencies(of: $0) }).filter { !g[$0].isCollective }
            #expect(Set(m.agencies) == invited)
            #expect(m.collectives.allSatisfy { g[$0].isCollective })
            if let cap = plan.caps.maxAgencies { #expect(invited.count <= cap) }
            attendance += invited.count
        }
        #expect(plan.attendance == attendance)
        #expect(plan.lowerBound <= plan.attendance)
    }

    @Test func smallSelectionsEqualHiGHSsOptimum() throws {
        let exact = try #require(try Self.reference()["exact"] as? [[String: Any]])
        #expect(exact.count >= 40)
        for case let (doc?, indicator?, k?, cap?, want?) in exact.map({ ($0["document"] as? String, $0["indicator"] as? String, $0["meetings"] as? Int,
                                                                          $0["max_tasks"] as? Int, $0["attendance"] as? Int) }) {
            let g = RebalancingTests.document(doc)
            let tasks = g.taskIDs.filter { g[$0].indicator == indicator }
            let plan = try MeetingPlanner.plan(tasks, in: g, caps: .init(meetings: k))
            #expect(plan.caps.maxTasks == cap)
            #expect(plan.attendance == want, "\(doc) \(indicator), \(k) meetings: \(plan.attendance) against the optimum \(want)")
            #expect(plan.optimal)
            Self.check(plan, tasks, g)
        }
    }

    @Test func wholeDocumentsNeverCostMoreThanMtKaHyPar() throws {
        let rows = try #require(try Self.reference()["kahypar"] as? [[String: Any]])
        #expect(rows.count == 10)
        for row in rows {
            let doc = try #require(row["document"] as? String), k = try #require(row["meetings"] as? Int)
            let cap = try #require(row["max_tasks"] as? Int), theirs = try #require(row["attendance"] as? Int)
            let g = RebalancingTests.document(doc)
            let plan = try MeetingPlanner.plan(g.taskIDs, in: g, caps: .init(meetings: k, maxTasks: cap))
            #expect(plan.attendance <= theirs, "\(doc), \(k) meetings of at most \(cap) tasks: \(plan.attendance) against Mt-KaHyPar's \(theirs)")
            Self.check(plan, g.taskIDs, g)
        }
    }

    @Test func theAgencyCapIsKeptAndOnlyCapsGiveTheFewestMeetings() throws {
        let g = RebalancingTests.document("2024")
        let plan = try MeetingPlanner.plan(g.taskIDs, in: g, caps: .init(maxTasks: 37, maxAgencies: 30))
        #expect(plan.caps.meetings == 6 && plan.caps.maxAgencies == 30)
        Self.check(plan, g.taskIDs, g)
        #expect(try MeetingPlanner.plan(g.taskIDs, in: g, caps: .init(maxTasks: 37, maxAgencies: 30)).meetings.map(\.tasks) == plan.meetings.map(\.tasks))
    }

    @Test func capsThatCannotBeMetSayWhy() throws {
        let g = RebalancingTests.document("2024")
        #expect {
            try MeetingPlanner.plan(g.taskIDs, in: g, caps: .init(maxAgencies: 5))
        } throws: { error in
            guard let e = error as? MeetingPlanner.PlanError else { return false }
            return e.describe(in: g).hasPrefix("task 2024:") && e.describe(in: g).contains("more than --max-agencies 5")
        }
        #expect(throws: MeetingPlanner.PlanError.tooFewMeetings(tasks: 201, meetings: 2, maxTasks: 30)) {
            try MeetingPlanner.plan(g.taskIDs, in: g, caps: .init(meetings: 2, maxTasks: 30))
        }
    }

    /// Reruns HiGHS and Mt-KaHyPar: the committed reference is what they give today.
    @Test(.needs(.partitioners)) func theCommittedReferenceIsTheSolversAnswerToday() throws {
        let fresh = try ReferenceScript.rerun("make_meeting_reference.py")
        let committed = try Self.reference()
        for key in ["exact", "kahypar"] {
            #expect(NSArray(array: fresh[key] as? [Any] ?? []).isEqual(to: committed[key] as? [Any] ?? [[]]))
        }
    }
}
