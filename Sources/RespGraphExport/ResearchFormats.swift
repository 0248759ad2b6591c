import RespGraphModel

extension GraphElements {
    /// The agency index of an agency node id (`a12` → 12), nil for a task.
    public static func agencyIndex(_ id: String) -> Int? { id.hasPrefix("a") ? Int(id.dropFirst()) : nil }

    /// Whether the nodes are agencies followed by tasks (the agency–task graph): a two-mode network.
    var agencyCount: Int { nodes.prefix { Self.agencyIndex($0.id) != nil }.count }
    var isTwoMode: Bool { agencyCount < nodes.count }

    /// An edge's value for the research formats: its weight in an agency network; 2 for a lead and
    /// 1 for a support assignment in the agency–task graph.
    func researchValue(_ e: Edge) -> Double {
        if let role = edgeAttributes.firstIndex(where: { $0.name == "role" }),
        case .string(let r) = e.values[role] { return r == "lead" ? 2 : 1 }
        if let w = edgeAttributes.firstIndex(where: { $0.name == "weight" }), case .double(let x) = e.values[w] { return x }
        return 1
    }
}

/// Writers for the programs social-network researchers use: Pajek and UCINET.
public enum ResearchFormats {
    /// A number without a needless fraction.
    static func number(_ x: Double) -> String { JSONValue.number(x) }
    /// A label in double quotes (a quote inside becomes an apostrophe; line breaks a space).
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n",
                                                                                with: " ").replacingOccurrences(of: "\r", with: " ") + "\""
    }

    /// Pajek `.net`: `*Vertices n` (for the agency–task graph `*Vertices n n1`, agencies first, the
    /// two-mode form), then `*Edges` (or `*Arcs` when directed) as `from to value`, 1-based; in the
    /// two-mode graph the value is 2 for lead and 1 for support, with the role as the label `l`.
    public static func pajek(_ g: GraphElements) -> String {
        var out = g.isTwoMode ? "*Vertices \(g.nodes.count) \(g.agencyCount)\n" : "*Vertices \(g.nodes.count)\n"
        var index: [String: Int] = [:]
        for (i, n) in g.nodes.enumerated() {
            index[n.id] = i + 1
            out += "\(i + 1) \(quoted(n.label))\n"
        }
        // The two-mode graph is agency → task; Pajek's two-mode networks are undirected edges.
        out += g.directed && !g.isTwoMode ? "*Arcs\n" : "*Edges\n"
        let role = g.edgeAttributes.firstIndex { $0.name == "role" }
        for e in g.edges {
            guard let s = index[e.source], let t = index[e.target] else { continue }
            var line = "\(s) \(t) \(number(g.researchValue(e)))"
            if let role, case .string(let r) = e.values[role] { line += " l \(quoted(r))" }
            out += line + "\n"
        }
        return out
    }

    /// UCINET DL, full matrix with labels: one-mode `n=` for an agency network, two-mode `nr= nc=`
    /// (agencies × tasks, 2 lead, 1 support, 0 none) for the agency–task graph. A symmetric network
    /// writes both halves.
    public static func ucinetFullMatrix(_ g: GraphElements) -> String {
        let (rows, columns, cell) = matrix(g)
        var out: String
        if g.isTwoMode {
            out = "dl nr=\(rows.count) nc=\(columns.count) format=fullmatrix\nrow labels:\n" + rows.map { quoted(g.nodes[$0].label) }
                .joined(separator: "\n")
                + "\ncolumn labels:\n" + columns.map { quoted(g.nodes[$0].label) }.joined(separator: "\n") + "\ndata:\n"
        } else {
            out = "dl n=\(rows.count) format=fullmatrix\nlabels:\n" + rows.map { quoted(g.nodes[$0].label) }
                .joined(separator: "\n") + "\ndata:\n"
        }
        for r in rows.indices {
            out += columns.indices.map { number(cell[r * columns.count + $0]) }.joined(separator: " ") + "\n"
        }
        return out
    }

    /// UCINET DL, edge list with labels: `format=edgelist1` (one-mode; an undirected link once,
    /// both directions implied by UCINET's symmetrising) or `edgelist2` (two-mode), 1-based.
    public static func ucinetEdgeList(_ g: GraphElements) -> String {
        var index: [String: Int] = [:]
        let agencies = g.isTwoMode ? g.agencyCount : g.nodes.count
        for (i, n) in g.nodes.enumerated() { index[n.id] = i < agencies ? i + 1 : i - agencies + 1 }
        var out: String
        if g.isTwoMode {
            out = "dl nr=\(agencies) nc=\(g.nodes.count - agencies) format=edgelist2\nrow labels:\n"
                + g.nodes.prefix(agencies).map { quoted($0.label) }.joined(separator: "\n") + "\ncolumn labels:\n"
                + g.nodes.dropFirst(agencies).map { quoted($0.label) }.joined(separator: "\n") + "\ndata:\n"
        } else {
            out = "dl n=\(g.nodes.count) format=edgelist1\nlabels:\n" + g.nodes.map { quoted($0.label) }
                .joined(separator: "\n") + "\ndata:\n"
        }
        for e in g.edges {
            guard let s = index[e.source], let t = index[e.target] else { continue }
            out += "\(s) \(t) \(number(g.researchValue(e)))\n"
        }
        return out
    }

    /// The cells of the full matrix: rows (agencies), columns (tasks, or agencies again), values row-major.
    static func matrix(_ g: GraphElements) -> (rows: [Int], columns: [Int], cells: [Double]) {
        let agencies = g.isTwoMode ? g.agencyCount : g.nodes.count
        let rows = Array(0..<agencies), columns = g.isTwoMode ? Array(agencies..<g.nodes.count) : rows
        var position: [String: Int] = [:]
        for (i, n) in g.nodes.enumerated() { position[n.id] = i }
        var cells = [Double](repeating: 0, count: rows.count * columns.count)
        for e in g.edges {
            guard let s = position[e.source], let t = position[e.target] else { continue }
            let value = g.researchValue(e)
            if g.isTwoMode {
                cells[s * columns.count + (t - agencies)] = max(cells[s * columns.count + (t - agencies)], value)
            } else {
                cells[s * columns.count + t] = value
                if !g.directed { cells[t * columns.count + s] = value }
            }
        }
        return (rows, columns, cells)
    }

    /// Cytoscape.js JSON: `elements` with `nodes` and `edges`, each `{"data": {...}}` (`id`, `name`,
    /// `source`, `target` and the attributes), plus `directed` and `multigraph` as Cytoscape and
    /// NetworkX's `cytoscape_graph` read them.
    public static func cytoscape(_ g: GraphElements) -> String {
        let nodes: [JSONValue] = g.nodes.map { n in
            .object([("data", .object([("id", .string(n.id)), ("value", .string(n.id)), ("name", .string(n.label)),
                                       ("label", .string(n.label))] + zip(g.nodeAttributes, n.values).map { ($0.name, $1.json) }))])
        }
        let edges: [JSONValue] = g.edges.enumerated().map { k, e in
            .object([("data", .object([("id", .string("e\(k)")), ("source", .string(e.source)), ("target", .string(e.target))]
                                      + zip(g.edgeAttributes, e.values).map { ($0.name, $1.json) }))])
        }
        return JSONValue.object([("data", .object([])), ("directed", .bool(g.directed)), ("multigraph", .bool(false)),
                                 ("elements", .object([("nodes", .array(nodes)), ("edges", .array(edges))]))]).formatted()
    }

    /// A Neo4j bulk-import pair (`neo4j-admin database import full --nodes=… --relationships=…`):
    /// nodes with `id:ID` and `:LABEL` (Agency, Task), relationships with `:START_ID`, `:END_ID` and
    /// `:TYPE` (LEADS, SUPPORTS, or LINKED in an agency network), typed columns (`:int`, `:double`);
    /// and a Cypher script that loads the pair into Kùzu, an embedded engine (`kuzu` on PyPI), from
    /// the folder holding the files.
    public static func neo4j(_ g: GraphElements, prefix: String) -> (nodes: String, relationships: String, cypher: String) {
        func typed(_ a: GraphElements.Attribute) -> String {
            ["int", "double", "boolean"].contains(a.type) ? "\(a.name):\(a.type)" : a.name
        }
        let nodeRows = [["id:ID", "name"] + g.nodeAttributes.map(typed) + [":LABEL"]]
            + g.nodes.map { [$0.id, $0.label] + $0.values.map(\.text) + [GraphElements.agencyIndex($0.id) != nil ? "Agency" : "Task"] }
        let role = g.edgeAttributes.firstIndex { $0.name == "role" }
        let relationshipRows = [[":START_ID", ":END_ID"] + g.edgeAttributes.map(typed) + [":TYPE"]]
            + g.edges.map { e -> [String] in
                var type = "LINKED"
                if let role, case .string(let r) = e.values[role] { type = r == "lead" ? "LEADS" : "SUPPORTS" }
                return [e.source, e.target] + e.values.map(\.text) + [type]
            }
        func kuzuType(_ a: GraphElements.Attribute) -> String {
            a.type == "int" ? "INT64" : a.type == "double" ? "DOUBLE" : a.type == "boolean" ? "BOOLEAN" : "STRING"
        }
        // Kùzu reads a header `name:int` as the column `name` of that type, as neo4j-admin does.
        func cast(_ a: GraphElements.Attribute) -> String { "`\(a.name)`" }
        let nodeColumns = (["id STRING",
                            "name STRING"] + g.nodeAttributes.map { "\($0.name) \(kuzuType($0))" } + ["PRIMARY KEY (id)"])
                                .joined(separator: ", ")
        let nodeProperties = (["id: `id:ID`", "name: name"] + g.nodeAttributes.map { "\($0.name): \(cast($0))" }).joined(separator: ", ")
        let relColumns = g.edgeAttributes.map { "\($0.name) \(kuzuType($0))" }.joined(separator: ", ")
        let relProperties = g.edgeAttributes.map { "\($0.name): \(cast($0))" }.joined(separator: ", ")
        let types = role == nil ? ["LINKED"] : ["LEADS", "SUPPORTS"]
        let target = role == nil ? "Agency" : "Task"
        var cypher = """
        // Loads \(prefix)-nodes.csv and \(prefix)-relationships.csv (written by respgraph export --format neo4j)
        // into Kùzu (pip install kuzu). Every statement is one line: run them in order from the folder
        // holding the files, skipping these comment lines.
        // For Neo4j itself: neo4j-admin database import full --nodes=\(prefix)-nodes.csv --relationships=\(prefix)-relationships.csv
        CREATE NODE TABLE Agency(\(nodeColumns));
        CREATE NODE TABLE Task(\(nodeColumns));

        """
        for type in types { cypher += "CREATE REL TABLE \(type)(FROM Agency "
            + "TO \(target)\(relColumns.isEmpty ? "" : ", " + relColumns));\n" }
        for label in ["Agency", "Task"] {
            cypher += "LOAD FROM '\(prefix)-nodes.csv' (header = true) WHERE `:LABEL` = '\(label)' CREATE (:\(label) "
                + "{\(nodeProperties)});\n"
        }
        for type in types {
            cypher += "LOAD FROM '\(prefix)-relationships.csv' (header = true) WITH * WHERE `:TYPE` = '\(type)' MATCH (a:Agency {id: "
                + "`:START_ID`}), (b:\(target) {id: `:END_ID`}) CREATE (a)-[:\(type) {\(relProperties)}]->(b);\n"
        }
        return (CSV.format(nodeRows), CSV.format(relationshipRows), cypher)
    }
}
