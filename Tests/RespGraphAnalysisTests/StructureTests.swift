import RespGraphAnalysis
import RespGraphModel
import Testing

/// Inequality, outliers, roles, communities, paths, meetings and diffs on small cases worked by hand.
@Suite struct StructureTests {
    static func graph(_ tasks: [(leads: [String], supporters: [String], indicator: String)], doc: String = "x") -> ResponsibilityGraph {
        var b = ResponsibilityGraphBuilder()
        let d = b.addDocument(PlanDocument(id: doc, title: doc))
        for (i, t) in tasks.enumerated() {
            let leads = t.leads.map { b.addAgency(Agency(name: $0, kind: $0.hasPrefix("各") ? .collective : .regionalDepartment)) }
            let sups = t.supporters.map { b.addAgency(Agency(name: $0, kind: $0.hasPrefix("各") ? .collective : .regionalDepartment)) }
            b.addTask(PlanTask(document: d, level: .table, number: i + 1, label: String(i + 1), indicator: t.indicator,
                               direction: "", text: "t\(i + 1)", sourceLine: i + 1), leads: leads, supporters: sups)
        }
        return b.build()
    }

    @Test func giniAndTopDecile() {
        #expect(Inequality(loads: [1, 1, 1, 1]).gini == 0)
        #expect(Inequality(loads: [0, 0, 0, 4]).gini == 0.75)   // (2·4 − 4 − 1)·4 / (4·4)
        let ten = Inequality(loads: [1, 1, 1, 1, 1, 1, 1, 1, 1, 11])
        #expect(ten.topDecileCount == 1 && ten.topDecileShare == 0.55)
        #expect(Inequality(loads: []).gini == 0)
    }

    @Test func outliersAboveMedianPlusKMAD() {
        let r = Outliers.above([1, 2, 2, 3, 3, 3, 20], k: 3)
        #expect(r.median == 3 && r.mad == 1 && r.threshold == 6)
        #expect(r.indices == [6])
    }

    @Test func rosterClassesByBreadthAndDepth() {
        // A shares tasks with B, C, D; B and C share two; E and F share three.
        let g = Self.graph([(["A"], ["B", "C"], "I"), (["A"], ["D"], "I"), (["B"], ["C"], "J"),
                            (["E"], ["F"], "K"), (["E"], ["F"], "K"), (["E"], ["F"], "K")])
        let net = AgencyNetwork.coAssignment(g)
        let (entries, tb, td) = RoleRoster.compute(net)
        // Degrees 3,2,2,1,1,1 (mean 10/6); strengths 3,3,3,1,3,3 (mean 16/6).
        #expect(abs(tb - 10.0 / 6) < 1e-12 && abs(td - 16.0 / 6) < 1e-12)
        #expect(entries.map(\.role) == [.leading, .leading, .leading, .auxiliary, .key, .key])
    }

    @Test func accountabilityChecksOnSmallTasks() {
        let g = Self.graph([([], ["B"], "I"), (["A", "B", "C", "D"], [], "I"), (["A"], ["A", "B"], "J")])
        let c = AccountabilityChecks(g, maxLeads: 3, maxSupporters: 1)
        #expect(c.withoutLead.map(\.rawValue) == [0])
        #expect(c.manyLeads.map(\.rawValue) == [1])
        #expect(c.manySupporters.map(\.rawValue) == [2])
        #expect(c.leadAndSupport.map { g[$0.1].name } == ["A"])
        #expect(c.withoutSupporter.map(\.rawValue) == [1])
    }

    @Test func louvainSeparatesTwoCliquesAndIsDeterministic() {
        var edges: [(Int32, Int32, Double)] = []
        for a in 0..<4 { for b in (a + 1)..<4 { edges.append((Int32(a), Int32(b), 1)); edges.append((Int32(a + 4), Int32(b + 4), 1)) } }
        edges.append((3, 4, 1))
        let net = AgencyNetwork(kind: .coAssignment, agencies: (0..<8).map(AgencyID.init), links: edges)
        let (c, q) = Communities.louvain(net)
        #expect(Set(c[0..<4]).count == 1 && Set(c[4..<8]).count == 1 && c[0] != c[4])
        // Q = 2 · (6/13 − (13/26)²) for two cliques of six links each plus a bridge.
        #expect(abs(q - 2 * (6.0 / 13 - 0.25)) < 1e-12)
        for _ in 0..<3 { #expect(Communities.louvain(net).communities == c) }
    }

    @Test func coreNumbersOfTriangleWithTail() {
        let net = AgencyNetwork(kind: .coAssignment, agencies: (0..<4).map(AgencyID.init), links: [(0, 1, 1), (1, 2, 1), (0, 2, 1), (2, 3, 1)])
        #expect(Structure.coreNumbers(net) == [2, 2, 2, 1])
        #expect(Structure.components(net) == [0, 0, 0, 0])
    }

    @Test func pathNamesTheSharedTaskOfEachStep() throws {
        let g = Self.graph([(["A"], ["B"], "I"), (["B"], ["C"], "I"), (["C"], ["各市、县人民政府"], "J"), (["各市、县人民政府"], ["D"], "J")])
        let a = try #require(g.agency(named: "A")), c = try #require(g.agency(named: "C")), d = try #require(g.agency(named: "D"))
        let steps = try #require(CoordinationPath.find(g, from: a, to: c))
        #expect(steps.map { g[$0.to].name } == ["B", "C"])
        #expect(steps.map { $0.task.rawValue } == [0, 1])
        // D is reachable only through a collective.
        #expect(CoordinationPath.find(g, from: a, to: d) == nil)
        #expect(CoordinationPath.find(g, from: a, to: d, selection: .init(includeCollectives: true, kinds: []))?.count == 4)
    }

    @Test func plannerNeverCostsMoreThanOneMeetingPerIndicator() throws {
        let g = Self.graph([(["A"], ["B"], "I"), (["A"], ["C"], "J"), (["D"], ["E"], "K"), (["A"], ["B"], "L"), (["D"], ["E"], "M")])
        let naive = MeetingPlanner.perIndicator(g.taskIDs, in: g)
        #expect(naive.meetings.count == 5 && naive.attendance == 10)
        let two = try MeetingPlanner.plan(g.taskIDs, in: g, caps: .init(meetings: 2))
        #expect(two.meetings.count == 2 && two.caps.maxTasks == 3)
        #expect(two.attendance == 5 && two.optimal)  // {A, B, C} and {D, E}
        #expect(two.meetings.flatMap(\.tasks).sorted() == g.taskIDs)
        let same = try MeetingPlanner.plan(g.taskIDs, in: g, caps: .init(meetings: 5))
        #expect(same.attendance <= naive.attendance)
    }

    @Test func diffMapsRenamedAgenciesThroughLineage() {
        let before = Self.graph([(["旧局"], ["B"], "I"), (["B"], [], "Old")], doc: "1")
        let after = Self.graph([(["新局"], ["B"], "I"), (["新局"], ["C"], "New")], doc: "2")
        let diff = DocumentDiff(before: before, after: after, latestName: { $0 == "旧局" ? "新局" : $0 })
        let renamed = diff.rows.first { $0.name == "新局" }
        #expect(renamed?.formerNames == ["旧局"])
        #expect(renamed?.leadBefore == 1 && renamed?.leadAfter == 2)
        #expect(diff.appeared.map(\.name) == ["C"])
        #expect(diff.disappeared.isEmpty)
        #expect(diff.indicatorsAdded == ["New"] && diff.indicatorsRemoved == ["Old"])
    }

    @Test func dependenciesKeepTheirTasksAndReciprocity() {
        let g = Self.graph([(["A"], ["B"], "I"), (["A"], ["B", "C"], "I"), (["B"], ["A"], "J")])
        let deps = Dependencies(g)
        let pairs = deps.strongestPairs(limit: 10)
        #expect(g[pairs[0].link.lead].name == "A" && g[pairs[0].link.supporter].name == "B")
        #expect(pairs[0].link.tasks.count == 2 && pairs[0].reverse == 1)
        #expect(deps.reliedOnBy(g.agency(named: "C")!).count == 1)
    }
}

extension StructureTests {
    @Test func starIsFullyCentralisedAndCorePeripheryFindsItsCore() {
        let star = AgencyNetwork(kind: .coAssignment, agencies: (0..<5).map(AgencyID.init), links: [(0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 4, 1)])
        let m = NetworkMeasures(star)
        #expect(abs(m.degreeCentralization - 1) < 1e-12 && abs(m.betweennessCentralization - 1) < 1e-12 && abs(m.closenessCentralization - 1) < 1e-12)
        #expect(m.density == 0.4 && m.diameter == 2 && m.transitivity == 0)
        // A 4-clique core with a pendant periphery: the clique is the core.
        var links: [(Int32, Int32, Double)] = []
        for a in 0..<4 { for b in (a + 1)..<4 { links.append((Int32(a), Int32(b), 1)) } }
        for p in 4..<8 { links.append((Int32(p - 4), Int32(p), 1)) }
        let cp = CorePeriphery(AgencyNetwork(kind: .coAssignment, agencies: (0..<8).map(AgencyID.init), links: links))
        #expect(cp.inCore == [true, true, true, true, false, false, false, false])
        #expect(cp.densities.coreCore == 1 && cp.densities.peripheryPeriphery == 0 && cp.densities.corePeriphery == 0.25)
        #expect(cp.coreness[0] > cp.coreness[4])
    }
}
