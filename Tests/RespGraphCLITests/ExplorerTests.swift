import Foundation
import RespGraphExport
import RespGraphReports
import RespGraphTestSupport
import Testing

/// The explorer: one self-contained page, its assets compiled in from their files, opened in a real
/// headless Chromium that checks what it shows against respgraph's own answers.
@Suite struct ExplorerTests {
    func run(_ args: [String]) throws -> ProcessOutput { try RespgraphBinary.run(args) }

    static let assets = "Sources/RespGraphReports/Explorer/Assets"

    @Test func explorerAssetsMatchTheirFiles() throws {
        let generated = ExplorerPage.generatedSource(page: try Repository.text("\(Self.assets)/explorer.html"),
                                                     style: try Repository.text("\(Self.assets)/explorer.css"),
                                                     script: try Repository.text("\(Self.assets)/explorer.js"))
        let target = Repository.path("Sources/RespGraphReports/Explorer/ExplorerAssets+Generated.swift")
        let current = (try? String(contentsOfFile: target, encoding: .utf8)) ?? ""
        if current != generated, ProcessInfo.processInfo.environment["RESPGRAPH_RECORD"] == "1" {
            try generated.write(toFile: target, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(target); rebuild and run the tests again")
            return
        }
        #expect(current == generated, "the compiled-in assets are stale; run RESPGRAPH_RECORD=1 swift test --filter explorerAssetsMatchTheirFiles")
    }

    /// One file, nothing fetched: no outside script, style, font or image; under 2 MB for both Guangxi plans.
    @Test func thePageIsSelfContainedAndSmall() throws {
        let folder = try TemporaryFolder()
        let out = try run(["explore", "-o", "\(folder.path)/explorer.html"])
        #expect(out.status == 0, "\(out.stderr)")
        let page = try String(contentsOfFile: "\(folder.path)/explorer.html", encoding: .utf8)
        #expect(page.utf8.count < 2_000_000, "\(page.utf8.count) bytes")
        for pattern in ["<script src", "<link", "@import", "url(http", "src=\"http", "href=\"http", "fetch(", "XMLHttpRequest"] {
            #expect(!page.contains(pattern), "the page refers outside itself: \(pattern)")
        }
        #expect(page.contains("<script id=\"respgraph-data\" type=\"application/json\">"))
        #expect(page.components(separatedBy: "</script>").count == 3, "exactly the data and the script elements")
    }

    /// The script that drives the explorer in headless Chromium through Selenium.
    static let browserScript = Repository.path("Tests/RespGraphCLITests/Explorer/check_explorer.py")

    /// Search 数据局, open it, filter the tasks to 获得信贷, tick tasks in the planner, switch to English:
    /// every number as `respgraph agency`, `workload`, `workload outliers`, `plan` and `diff` give it,
    /// no JavaScript error, interactive within 1 s.
    @Test(.needs(.browser)) func theExplorerInARealBrowserShowsRespgraphsNumbers() throws {
        let script = Self.browserScript
        let binary = try #require(RespgraphBinary.path)
        let folder = try TemporaryFolder()
        #expect(try run(["explore", "-o", "\(folder.path)/explorer.html"]).status == 0)
        let out = try DiagramAndExportTests.tool("/usr/bin/env", ["python3", script, binary, "\(folder.path)/explorer.html"], input: "")
        #expect(out.status == 0, "\(out.stdout)\(out.stderr.suffix(2000))")
        #expect(out.stdout.contains("all checks hold"))
    }

    /// Names and texts with quotes, <script>, &, line breaks and emoji are shown as text, never run.
    @Test(.needs(.browser)) func hostileNamesAreShownAsText() throws {
        let script = Self.browserScript
        let binary = try #require(RespgraphBinary.path)
        let folder = try TemporaryFolder()
        let table = try folder.write("hostile.csv", """
            序号,指标,任务,牵头单位,配合单位
            1,获得信贷,"<img src=x onerror=window.__pwned=2> ""quotes"" & ampersands
            second line 😀",<script>window.__pwned=1</script>,自治区财政厅
            2,获得信贷,</script><script>window.__pwned=3</script>,自治区财政厅,<script>window.__pwned=1</script>

            """)
        let made = try run(["explore", "--graph", table, "-o", "\(folder.path)/explorer.html"])
        #expect(made.status == 0, "\(made.stderr)")
        let out = try DiagramAndExportTests.tool("/usr/bin/env", ["python3", script, binary, "\(folder.path)/explorer.html", "--hostile"], input: "")
        #expect(out.status == 0, "\(out.stdout)\(out.stderr.suffix(2000))")
    }

    /// Without Graphviz the page still has a network, placed by respgraph's own force layout, and says so.
    @Test func withoutGraphvizTheNetworkUsesTheOwnLayout() throws {
        let binary = try #require(RespgraphBinary.path)
        let folder = try TemporaryFolder()
        let out = try DiagramAndExportTests.tool(binary, ["explore", "--doc", "2024", "-o", "\(folder.path)/explorer.html"], input: "",
                                                 environment: ["PATH": folder.path])
        let message = out.stderr
        #expect(out.status == 0)
        #expect(message.contains("own force layout") && message.contains("apt-get install graphviz"), "\(message)")
        let page = try String(contentsOfFile: "\(folder.path)/explorer.html", encoding: .utf8)
        #expect(page.contains("\"layout\":\"respgraph force layout\""))
    }

    /// The force layout: deterministic, inside the unit square, linked nodes nearer than unlinked ones.
    @Test func forceLayoutIsDeterministicAndPullsLinkedNodesTogether() {
        // Two triangles joined by one link.
        let links: [(Int, Int, Double)] = [(0, 1, 3), (1, 2, 3), (0, 2, 3), (3, 4, 3), (4, 5, 3), (3, 5, 3), (2, 3, 1)]
        let a = ForceLayout.positions(count: 6, links: links), b = ForceLayout.positions(count: 6, links: links)
        #expect(zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 })
        #expect(a.allSatisfy { (0...1).contains($0.0) && (0...1).contains($0.1) })
        func d(_ i: Int, _ j: Int) -> Double { ((a[i].0 - a[j].0) * (a[i].0 - a[j].0) + (a[i].1 - a[j].1) * (a[i].1 - a[j].1)).squareRoot() }
        let within = [d(0, 1), d(1, 2), d(0, 2), d(3, 4), d(4, 5), d(3, 5)].reduce(0, +) / 6
        let across = [d(0, 4), d(0, 5), d(1, 4), d(1, 5)].reduce(0, +) / 4
        #expect(within < across, "within \(within), across \(across)")
    }
}
