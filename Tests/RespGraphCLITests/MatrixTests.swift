import Foundation
import RespGraphModel
import RespGraphTestSupport
import Testing

/// The responsibility matrix in every format agrees with the graph.
@Suite struct MatrixTests {
    func run(_ args: [String]) throws -> ProcessOutput { try RespgraphBinary.run(args) }

    @Test func csvCellsAreTheAssignmentsAndStartWithABOM() throws {
        let out = try run(["matrix", "--doc", "2024", "--format", "csv"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("\u{FEFF}task,indicator,text,"))
        let records = try CSV.parse(String(out.stdout.dropFirst()))
        let header = records[0].fields, rows = records.dropFirst().dropLast()
        // Every lead and support edge of 2024 is one 牵 or 配 cell (no agency is both lead and support of a task there).
        let summary = try run(["summary", "--doc", "2024", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        let leads = rows.map { $0.fields.filter { $0 == "牵" }.count }.reduce(0, +)
        let supports = rows.map { $0.fields.filter { $0 == "配" }.count }.reduce(0, +)
        #expect(leads == object["lead_edges"] as? Int && supports == object["support_edges"] as? Int)
        #expect(rows.count == object["tasks"] as? Int)
        // Row totals count the cells; the totals row counts each column.
        for r in rows { #expect(Int(r.fields.last!) == r.fields.dropFirst(3).dropLast().filter { !$0.isEmpty }.count, "\(r.fields[0])") }
        let totals = records.last!.fields
        for c in 3..<(header.count - 1) { #expect(Int(totals[c]) == rows.filter { !$0.fields[c].isEmpty }.count, "\(header[c])") }
        // Columns by load: the first is the heaviest agency of 2024 (as respgraph workload --include-collectives).
        let workload = try run(["workload", "--doc", "2024", "--include-collectives", "--top", "1", "--format", "csv"])
        #expect(workload.stdout.split(separator: "\n")[1].split(separator: ",")[1] == Substring(header[3]))
        let plain = try run(["matrix", "--doc", "2024", "--format", "csv", "--no-bom"])
        #expect(plain.stdout.hasPrefix("task,"))
    }

    @Test(.needs(.python)) func htmlAndSVGPrintAndParse() throws {
        let folder = try TemporaryFolder()
        for format in ["html", "svg"] {
            let out = try run(["matrix", "--doc", "2024", "--indicator", "获得信贷", "--format", format, "--paper", "a4", "-o", "\(folder.path)/m.\(format)"])
            #expect(out.status == 0, "\(out.stderr)")
        }
        // The lead assignments of the 24 获得信贷 tasks, as respgraph plan counts them.
        let plan = try run(["plan", "--doc", "2024", "--indicator", "获得信贷", "--format", "json"])
        let agencies = try #require((try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])?["agencies"] as? [[String: Any]])
        let leads = agencies.compactMap { $0["lead_tasks"] as? Int }.reduce(0, +)
        #expect(leads > 40)
        let html = try String(contentsOfFile: "\(folder.path)/m.html", encoding: .utf8)
        #expect(html.contains("@page { size: A4 landscape") && html.contains("display: table-header-group"))
        #expect(html.components(separatedBy: "class=\"cell lead\"").count - 1 == leads)
        let svg = try String(contentsOfFile: "\(folder.path)/m.svg", encoding: .utf8)
        let python = try #require(DiagramAndExportTests.which("python3"))
        let check = try DiagramAndExportTests.tool(python, ["-c", "import xml.dom.minidom,sys; d = xml.dom.minidom.parse(sys.argv[1]); print(d.documentElement.getAttribute('width'))", "\(folder.path)/m.svg"], input: "")
        #expect(check.stdout.hasSuffix("mm\n"), "\(check.stdout)\(check.stderr)")
        #expect(svg.components(separatedBy: ">牵</text>").count - 1 == leads)
    }

    @Test func aTerminalGetsNumberedColumnsWithAKey() throws {
        let out = try run(["matrix", "--doc", "2024", "--indicator", "获得信贷"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("1 = 中国人民银行广西壮族自治区分行 (17 牵, 2 配)"))
        let many = try run(["matrix", "--doc", "2024"])
        #expect(many.stdout.contains("The 30 heaviest of 87 agencies are shown"))
        #expect(try run(["matrix", "--format", "json"]).status == 64)
        #expect(try run(["matrix", "--no-bom"]).status == 64)
    }

    /// CSV meant for a spreadsheet starts with a UTF-8 BOM (export, matrix, report), or leaves it out
    /// with --no-bom; every query's CSV takes --bom; edge tables name both ends beside their ids.
    @Test func spreadsheetCSVHasABOMAndNames() throws {
        let folder = try TemporaryFolder()
        let bom = Data([0xEF, 0xBB, 0xBF])
        #expect(try run(["export", "--format", "csv", "--doc", "2024", "-o", "\(folder.path)/g"]).status == 0)
        let edges = try Data(contentsOf: URL(fileURLWithPath: "\(folder.path)/g-edges.csv"))
        #expect(edges.starts(with: bom))
        let records = try CSV.parse(String(decoding: edges.dropFirst(3), as: UTF8.self))
        #expect(Array(records[0].fields.prefix(4)) == ["source", "target", "source_label", "target_label"])
        #expect(records.dropFirst().allSatisfy { !$0.fields[2].isEmpty && !$0.fields[3].isEmpty })
        #expect(records.dropFirst().contains { $0.fields[2] == "自治区数据局" })
        #expect(try run(["export", "--format", "csv", "--doc", "2024", "--no-bom", "-o", "\(folder.path)/h"]).status == 0)
        #expect(!(try Data(contentsOf: URL(fileURLWithPath: "\(folder.path)/h-nodes.csv"))).starts(with: bom))
        let report = try run(["report", "--doc", "2024", "--format", "csv"])
        #expect(report.stdout.hasPrefix("\u{FEFF}section,"))
        #expect(try run(["report", "--doc", "2024", "--format", "csv", "--no-bom"]).stdout.hasPrefix("section,"))
        for query in [["workload"], ["agency", "数据局"], ["centrality", "degree"], ["deps", "matrix"], ["task", "2024:41"]] {
            let out = try run(query + ["--format", "csv", "--bom"])
            #expect(out.status == 0 && out.stdout.hasPrefix("\u{FEFF}"), "\(query)")
            #expect(try run(query + ["--format", "json", "--bom"]).status == 64, "\(query)")
        }
    }
}

/// Every research format read back by a real reader: NetworkX (GraphML, GEXF with viz, node-link,
/// Cytoscape.js, Pajek), igraph (GraphML, bipartite projection on the attribute as is), a UCINET DL
/// reader checked against the Pajek reading, and Kùzu loading the Neo4j pair with respgraph's script.
@Suite struct ResearchFormatTests {
    @Test(.needs(.researchReaders)) func realReadersReadEveryResearchFormat() throws {
        let binary = try #require(RespgraphBinary.path)
        let folder = try TemporaryFolder()
        let script = Repository.path("Tests/RespGraphCLITests/ResearchFormats/check_formats.py")
        let out = try DiagramAndExportTests.tool("/usr/bin/env", ["python3", script, binary, folder.path], input: "")
        #expect(out.status == 0, "\(out.stdout)\(out.stderr.suffix(2000))")
        #expect(out.stdout.contains("all checks hold"))
    }
}

/// dot same-layout puts every agency at the same place in both years, renamed agencies included.
@Suite struct SameLayoutTests {
    @Test(.needs(.graphviz)) func bothYearsPinTheSamePositions() throws {
        let folder = try TemporaryFolder()
        let out = try RespgraphBinary.run(["dot", "same-layout", "2022", "2024", "-o", "\(folder.path)/years"])
        #expect(out.status == 0, "\(out.stderr)")
        func positions(_ year: String) throws -> [String: String] {
            let dot = try String(contentsOfFile: "\(folder.path)/years-\(year).dot", encoding: .utf8)
            var out: [String: String] = [:]
            for line in dot.split(separator: "\n") where line.contains("xlabel=") && line.contains("pos=") {
                let label = line.components(separatedBy: "xlabel=\"")[1].components(separatedBy: "\"")[0].replacingOccurrences(of: "\\n", with: "")
                out[label] = line.components(separatedBy: "pos=\"")[1].components(separatedBy: "\"")[0]
            }
            return out
        }
        let a = try positions("2022"), b = try positions("2024")
        let shared = Set(a.keys).intersection(b.keys)
        #expect(shared.count > 10)
        for name in shared { #expect(a[name] == b[name], "\(name): \(a[name] ?? "") vs \(b[name] ?? "")") }
        // The renamed data bureau keeps its place across the rename.
        #expect(a["自治区大数据发展局"] != nil && a["自治区大数据发展局"] == b["自治区数据局"])
        #expect(try RespgraphBinary.run(["dot", "same-layout", "2022", "-o", "\(folder.path)/x"]).status == 64)
        #expect(try RespgraphBinary.run(["dot", "same-layout", "2022", "2024"]).status == 64)
    }
}
