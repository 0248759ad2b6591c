import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RespGraphData
import RespGraphExport
import RespGraphReports
import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// DOT that real Graphviz accepts, escaping of hostile names, and exports that load elsewhere.
@Suite struct DiagramAndExportTests {
    func run(_ args: [String]) throws -> ProcessOutput { try RespgraphBinary.run(args) }

    /// Runs a program with input on stdin (and, when given, only this environment).
    static func tool(_ path: String, _ arguments: [String], input: String, environment: [String: String]? = nil) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let i = Pipe(), o = Pipe(), e = Pipe()
        process.standardInput = i
        process.standardOutput = o
        process.standardError = e
        try process.run()
        let writer = Thread { i.fileHandleForWriting.write(Data(input.utf8)); try? i.fileHandleForWriting.close() }
        writer.start()
        let out = o.fileHandleForReading.readDataToEndOfFile()
        let err = e.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessOutput(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self), status: process.terminationStatus)
    }

    /// The first `program` on PATH.
    static func which(_ program: String) -> String? { Requirement.which(program) }

    static let variants: [[String]] = [
        ["--network", "tasks"], ["--network", "tasks", "--all"], ["--network", "tasks", "--top", "3"], ["--network", "tasks", "--cluster", "indicator"],
        ["--network", "tasks", "--agency", "数据局", "--depth", "1"], ["--network", "tasks", "--indicator", "纳税"],
        ["--network", "coassign"], ["--network", "coassign", "--all"], ["--network", "coassign", "--layout", "sfdp"], ["--network", "coassign", "--agency", "商务厅", "--depth", "2"],
        ["--network", "dependency"], ["--network", "dependency", "--top", "10", "--layout", "dot"], ["--network", "coassign", "--font", "SimHei"],
    ]

    @Test(.needs(.graphviz), arguments: ["2022", "2024"])
    func everyDiagramVariantIsAcceptedByGraphviz(doc: String) throws {
        let dot = try #require(Self.which("dot"))
        for variant in Self.variants {
            if doc == "2022" && variant.contains("数据局") { continue }  // 数据局 is a 2024 name; 2022 has 大数据发展局
            let out = try run(["dot", "--doc", doc] + variant)
            #expect(out.status == 0, "\(variant): \(out.stderr)")
            #expect(out.stdout.hasPrefix("digraph") || out.stdout.hasPrefix("graph"))
            let layout = variant.firstIndex(of: "--layout").map { variant[$0 + 1] }
            let rendered = try Self.tool(dot, ["-Tsvg"] + (layout.map { ["-K\($0)"] } ?? []), input: out.stdout)
            #expect(rendered.status == 0, "\(doc) \(variant)")
            #expect(rendered.stderr.isEmpty, "\(doc) \(variant): \(rendered.stderr)")
            #expect(rendered.stdout.contains("<svg"))
            // Node ids are plain ASCII; the Chinese is in labels.
            for line in out.stdout.split(separator: "\n") where line.hasPrefix("  a") || line.hasPrefix("  t") {
                let id = line.dropFirst(2).prefix { $0 != " " }
                #expect(id.allSatisfy { $0.isASCII }, "\(id)")
            }
        }
    }

    @Test func sameInputGivesByteIdenticalDOT() throws {
        for variant in [["--network", "tasks", "--doc", "2024"], ["--network", "coassign"], ["--network", "dependency", "--doc", "2022"]] {
            #expect(try run(["dot"] + variant).stdout == (try run(["dot"] + variant).stdout))
        }
    }

    @Test func largeDiagramIsCutAndSaysHow() throws {
        let out = try run(["dot", "--doc", "2024"])
        #expect(out.stderr.contains("drawing the 24 heaviest"))
        #expect(out.stderr.contains("--all"))
        let all = try run(["dot", "--doc", "2024", "--all"])
        #expect(all.stderr.isEmpty)
    }

    static let hostileNames = ["引号\"机构\"", "反斜杠\\N局", "尾反斜杠\\", "换行\n单位", "<尖括号>&{花括号}", "\\l\\G\\E"]

    static func hostileGraph() throws -> ResponsibilityGraph {
        var b = ResponsibilityGraphBuilder()
        let d = b.addDocument(PlanDocument(id: "x\"y", title: "hostile"))
        let ids = hostileNames.map { b.addAgency(Agency(name: $0, kind: .unknown)) }
        b.addTask(PlanTask(document: d, level: .table, number: 1, label: "1", indicator: "指标\"}", direction: "a\\b",
                           text: "任务 <b>&amp; \"quoted\" \\", sourceLine: 1), leads: [ids[0], ids[1]], supporters: Array(ids[2...]))
        return b.build()
    }

    @Test(.needs(.graphviz)) func hostileNamesNeitherBreakDOTNorChangeItsMeaning() throws {
        let dot = try #require(Self.which("dot"))
        let graph = try Self.hostileGraph()
        let text = DOTWriter.agencyTask(graph, tasks: graph.taskIDs)
        let network = DOTWriter.network(graph, agencies: graph.agencyIDs, links: [(0, 1, 2), (2, 3, 1)], directed: false)
        for source in [text, network] {
            // Graphviz reads it without complaint, and the drawn labels say what the names say:
            // \N stays a backslash and an N (not the node's name), a trailing backslash stays.
            let svg = try Self.tool(dot, ["-Tsvg"], input: source)
            #expect(svg.status == 0 && svg.stderr.isEmpty, "\(svg.stderr)")
            let texts = svg.stdout.split(separator: "\n").filter { $0.contains("<text") }.map { line -> String in
                let afterTag = line[line.index(after: line.firstIndex(of: ">")!)...]
                return String(afterTag.prefix { $0 != "<" })
            }
            for expected in ["反斜杠\\N局", "尾反斜杠\\", "&lt;尖括号&gt;&amp;{花括号}", "\\l\\G\\E", "换行", "单位"] {
                #expect(texts.contains(expected), "\(expected) not among \(texts)")
            }
            #expect(texts.contains("引号&quot;机构&quot;") || texts.contains("引号\"机构\""), "\(texts)")
            #expect(!texts.contains { $0.contains("a0") || $0.contains("t1_1") }, "a \\N must not turn into a node id")
        }
        #expect(DOTWriter.quoted("a\"b\\") == "\"a\\\"b\\\\\"")
        #expect(DOTWriter.quoted("two\nlines") == "\"two\\nlines\"")
    }

    #if canImport(FoundationXML)
    /// An attribute's value by local name (FoundationXML's `attribute(forName:)` misses attributes of
    /// elements in a default namespace).
    static func attribute(_ e: XMLElement, _ name: String) -> String? {
        e.attributes?.first { ($0.localName ?? $0.name) == name }?.stringValue
    }

    /// Every element with a local name, depth first in document order.
    static func elements(_ doc: XMLDocument, named name: String) -> [XMLElement] {
        var out: [XMLElement] = []
        func visit(_ node: XMLNode) {
            if let e = node as? XMLElement, (e.localName ?? e.name) == name { out.append(e) }
            for child in node.children ?? [] { visit(child) }
        }
        if let root = doc.rootElement() { visit(root) }
        return out
    }

    /// Nodes (id → label and attributes) and edges (source, target, attributes) read back from GraphML.
    static func readGraphML(_ text: String) throws -> (nodes: [String: [String: String]], edges: [[String: String]]) {
        let doc = try XMLDocument(xmlString: text, options: [])
        var keyNames: [String: String] = [:]
        for e in Self.elements(doc, named: "key") {
            if let id = Self.attribute(e, "id") { keyNames[id] = Self.attribute(e, "attr.name") }
        }
        func data(_ e: XMLElement) -> [String: String] {
            var out: [String: String] = [:]
            for child in (e.children ?? []).compactMap({ $0 as? XMLElement }) where (child.localName ?? child.name) == "data" { out[keyNames[Self.attribute(child, "key") ?? ""] ?? "?"] = child.stringValue ?? "" }
            return out
        }
        var nodes: [String: [String: String]] = [:], edges: [[String: String]] = []
        for e in Self.elements(doc, named: "node") {
            guard let id = Self.attribute(e, "id") else { continue }
            nodes[id] = data(e)
        }
        for e in Self.elements(doc, named: "edge") {
            var d = data(e)
            d["source"] = Self.attribute(e, "source")
            d["target"] = Self.attribute(e, "target")
            edges.append(d)
        }
        return (nodes, edges)
    }

    static func readGEXF(_ text: String) throws -> (nodes: [String: String], edges: Int) {
        let doc = try XMLDocument(xmlString: text, options: [])
        var nodes: [String: String] = [:]
        for e in Self.elements(doc, named: "node") {
            guard let id = Self.attribute(e, "id") else { continue }
            nodes[id] = Self.attribute(e, "label")
        }
        return (nodes, Self.elements(doc, named: "edge").count)
    }

    @Test func graphMLAndGEXFRoundTripOnRealAndHostileData() throws {
        let registry = try AgencyRegistry(csv: EmbeddedGraphs.registry, source: "agencies.csv")
        let importer = Importer(registry: registry)
        let real = importer.graph(from: EmbeddedGraphs.taskTables.flatMap { try! importer.importTaskTable(csv: $0.csv, file: $0.name) })
        for graph in [real, try Self.hostileGraph()] {
            let elements = GraphElements.agencyTask(graph)
            let back = try Self.readGraphML(GraphMLWriter.write(elements))
            #expect(back.nodes.count == elements.nodes.count)
            #expect(back.edges.count == elements.edges.count)
            for n in elements.nodes {
                #expect(back.nodes[n.id]?["label"] == n.label, "\(n.id)")
                #expect(back.nodes[n.id]?["kind"] == (n.values[1] == .string("") ? "" : { if case .string(let s) = n.values[1] { return s }; return nil }()))
            }
            let roles = back.edges.map { "\($0["source"]!)>\($0["target"]!):\($0["role"]!)" }.sorted()
            let expected = elements.edges.map { e -> String in
                if case .string(let r) = e.values[0] { return "\(e.source)>\(e.target):\(r)" }
                return ""
            }.sorted()
            #expect(roles == expected)
            let gexf = try Self.readGEXF(GEXFWriter.write(elements))
            #expect(gexf.edges == elements.edges.count)
            #expect(gexf.nodes == Dictionary(uniqueKeysWithValues: elements.nodes.map { ($0.id, $0.label) }))
        }
    }
    #endif

    @Test(.needs(.networkx)) func exportsLoadInNetworkX() throws {
        let python = try #require(Self.which("python3"))
        let folder = try TemporaryFolder()
        for format in ["graphml", "gexf", "json"] {
            #expect(try run(["export", "--format", format, "--doc", "2024", "-o", "\(folder.path)/g.\(format)"]).status == 0)
        }
        #expect(try run(["export", "--format", "csv", "--doc", "2024", "-o", "\(folder.path)/g", "--bom"]).status == 0)
        let script = """
        import json, networkx as nx
        a = nx.read_graphml("\(folder.path)/g.graphml"); b = nx.read_gexf("\(folder.path)/g.gexf")
        c = nx.node_link_graph(json.load(open("\(folder.path)/g.json", encoding="utf-8")), edges="links")
        assert (a.number_of_nodes(), a.number_of_edges()) == (b.number_of_nodes(), b.number_of_edges()) == (c.number_of_nodes(), c.number_of_edges()), "counts"
        n = a.nodes["t2024_41"]; assert n["source_line"] == 164 and isinstance(n["source_line"], int) and n["indicator"] == "获得信贷", n
        assert b.nodes["t2024_41"]["source_line"] == 164
        assert a.nodes["a0"]["type"] == "agency" and a.nodes["a0"]["label"]
        roles = sorted(d["role"] for _, _, d in a.edges(data=True)); assert set(roles) == {"lead", "support"}
        print(a.number_of_nodes(), a.number_of_edges())
        """
        let out = try Self.tool(python, ["-c", script], input: "")
        #expect(out.status == 0, "\(python): \(out.stderr) (NetworkX missing? pip install networkx; .ci/run installs it)")
        #expect(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "288 682")
        let nodes = try Data(contentsOf: URL(fileURLWithPath: "\(folder.path)/g-nodes.csv"))
        #expect(nodes.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func renderingWithoutGraphvizSaysHowToInstallIt() throws {
        let folder = try TemporaryFolder()
        let out = try RespgraphBinary.run(["dot", "--render", "svg", "-o", "\(folder.path)/x.svg"], environment: ["PATH": folder.path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("apt-get install graphviz"))
    }

    @Test(.needs(.graphviz)) func renderWritesSVGWithGlyphOutlines() throws {
        let folder = try TemporaryFolder()
        let out = try run(["dot", "--doc", "2024", "--top", "5", "--render", "svg", "-o", "\(folder.path)/x.svg"])
        #expect(out.status == 0, "\(out.stderr)")
        let svg = try String(contentsOfFile: "\(folder.path)/x.svg", encoding: .utf8)
        #expect(svg.contains("<symbol") && svg.contains("glyph"))
    }
}

/// The kind colours stay apart for viewers with colour-vision deficiency.
@Suite struct PaletteTests {
    /// sRGB hex → linear RGB.
    static func linear(_ hex: String) -> [Double] {
        [1, 3, 5].map { i -> Double in
            let c = Double(Int(hex.dropFirst(i).prefix(2), radix: 16)!) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
    }

    /// CIE L*a*b* (D65) of linear RGB.
    static func lab(_ c: [Double]) -> [Double] {
        let x = (0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047
        let y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
        let z = (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? pow(t, 1.0 / 3) : 7.787 * t + 16.0 / 116 }
        return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
    }

    /// Simulated protanopia, deuteranopia and tritanopia (severity 1) in linear RGB.
    /// Reference: G. M. Machado, M. M. Oliveira, L. A. F. Fernandes, "A physiologically-based model for
    /// simulation of color vision deficiency", IEEE TVCG 15(6):1291–1298, 2009 (their Table 1).
    static let deficiencies: [(String, [[Double]])] = [
        ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
        ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
        ("tritanopia", [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
    ]

    @Test func everyPairOfKindsDiffersUnderColourVisionDeficiency() {
        let colours = AgencyKind.allCases.map { DOTWriter.color(of: $0) }
        for (name, m) in [("normal vision", [[1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0]])] + Self.deficiencies {
            let seen = colours.map { hex -> [Double] in
                let c = Self.linear(hex)
                return Self.lab((0..<3).map { i in min(1, max(0, (0..<3).reduce(0) { $0 + m[i][$1] * c[$1] })) })
            }
            for i in seen.indices {
                for j in seen.indices where j > i {
                    let distance = sqrt(zip(seen[i], seen[j]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) })
                    // ΔE*ab above 12 is a clearly visible difference.
                    #expect(distance > 12, "\(name): \(AgencyKind.allCases[i]) and \(AgencyKind.allCases[j]) are ΔE \(distance) apart")
                }
            }
        }
    }

    @Test func labelsReadOnEveryFill() {
        #expect(DOTWriter.textColor(on: "#0072B2") == "#FFFFFF")
        #expect(DOTWriter.textColor(on: "#F0E442") == "#000000")
    }
}
