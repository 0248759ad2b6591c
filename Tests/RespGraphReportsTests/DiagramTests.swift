import RespGraphAnalysis
import RespGraphExport
import RespGraphModel
import RespGraphReports
import Testing

/// Diagrams as `respgraph dot` draws them, composed in the reports module: scoped, cut to what
/// stays readable with a note for each cut, and refused in words when the scope is empty.
@Suite struct DiagramTests {
    static let graph = ReportsTests.graph

    static func request(_ view: Diagram.View) -> Diagram.Request {
        Diagram.Request(view: view, selection: AgencyNetwork.Selection(includeCollectives: false, kinds: []), options: DOTWriter.Options())
    }

    @Test func aLargeNetworkIsCutToTheHeaviestAgenciesWithANote() throws {
        let diagram = try Diagram.draw(Self.graph, Self.request(.coAssignment))
        #expect(diagram.layout == "neato")
        #expect(diagram.notes.contains { $0.contains("drawing the 24 heaviest") })
        let nodes = diagram.dot.split(separator: "\n").filter { $0.contains("shape=circle") && $0.contains("xlabel") }
        #expect(nodes.count == Diagram.readableAgencies)
        var all = Self.request(.coAssignment)
        all.all = true
        all.minWeight = 1
        let whole = try Diagram.draw(Self.graph, all)
        #expect(!whole.notes.contains { $0.contains("heaviest") })
        #expect(whole.dot.split(separator: "\n").filter { $0.contains("shape=circle") && $0.contains("xlabel") }.count > nodes.count)
    }

    @Test func anEgoNetworkCentresOnItsAgencyInARadialLayout() throws {
        var request = Self.request(.coAssignment)
        let center = try #require(Self.graph.agency(named: "自治区数据局"))
        request.center = center
        let diagram = try Diagram.draw(Self.graph, request)
        #expect(diagram.layout == "twopi")
        #expect(diagram.dot.contains("自治区数据局"))
    }

    @Test func anIndicatorWithoutTasksIsAReportError() {
        var request = Self.request(.tasks)
        request.indicator = "没有这个指标"
        #expect(throws: ReportError.self) { try Diagram.draw(Self.graph, request) }
    }

    @Test func numbersAreShownOneWay() {
        #expect(NumberStyle.plain(2.999) == "3")
        #expect(NumberStyle.plain(36.5) == "36.5")
        #expect(NumberStyle.plain(0.125, digits: 2) == "0.13")
        #expect(NumberStyle.plain(1e20) == "100000000000000000000")
        #expect(NumberStyle.plain(.infinity) == "∞")
        #expect(NumberStyle.plain(.nan) == "–")
    }
}
