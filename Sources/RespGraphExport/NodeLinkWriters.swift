import RespGraphModel

/// Node-link JSON (`{"directed", "nodes": [...], "links": [...]}`), as D3, Cytoscape.js and
/// NetworkX's `node_link_graph(data, edges="links")` read it.
public enum NodeLinkJSONWriter {
    /// The JSON document.
    public static func write(_ g: GraphElements) -> String {
        let nodes: [JSONValue] = g.nodes.map { n in
            .object([("id", .string(n.id)), ("label", .string(n.label))] + zip(g.nodeAttributes, n.values).map { ($0.name, $1.json) })
        }
        let links: [JSONValue] = g.edges.map { e in
            .object([("source", .string(e.source)), ("target", .string(e.target))] + zip(g.edgeAttributes,
                e.values).map { ($0.name, $1.json) })
        }
        return JSONValue.object([("directed", .bool(g.directed)), ("multigraph", .bool(false)),
                                 ("graph", .object([("generator", .string("respgraph"))])),
                                 ("nodes", .array(nodes)), ("links", .array(links))]).formatted()
    }
}

/// A node table and an edge table as CSV, optionally with a UTF-8 byte-order mark for spreadsheets
/// that need one to read UTF-8.
public enum TableCSVWriter {
    /// (nodes CSV, edges CSV); edges carry each end's label beside its id, so a spreadsheet reads
    /// names, not ids. A UTF-8 byte-order mark starts each unless `byteOrderMark` is false.
    public static func write(_ g: GraphElements, byteOrderMark: Bool = true) -> (nodes: String, edges: String) {
        let bom = byteOrderMark ? "\u{FEFF}" : ""
        let nodes = CSV.format([["id", "label"] + g.nodeAttributes.map(\.name)] + g.nodes.map { [$0.id, $0.label] + $0.values.map(\.text) })
        let label = Dictionary(g.nodes.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        let edges = CSV.format([["source", "target", "source_label", "target_label"] + g.edgeAttributes.map(\.name)]
                               + g.edges.map { [$0.source, $0.target, label[$0.source] ?? "",
                                                label[$0.target] ?? ""] + $0.values.map(\.text) })
        return (bom + nodes, bom + edges)
    }
}
