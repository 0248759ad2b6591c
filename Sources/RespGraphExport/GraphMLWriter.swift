/// GraphML for Gephi, yEd and NetworkX (`networkx.read_graphml`): UTF-8 declared, every attribute a
/// typed `<key>`, every node and edge carrying every key (no missing values).
///
/// - Reference: the GraphML primer, http://graphml.graphdrawing.org/primer/graphml-primer.html
public enum GraphMLWriter {
    /// The GraphML document.
    public static func write(_ g: GraphElements) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        out += "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        for (i, a) in g.nodeAttributes.enumerated() {
            out += "  <key id=\"n\(i)\" for=\"node\" attr.name=\"\(XMLText.escape(a.name))\" attr.type=\"\(a.type)\"/>\n"
        }
        for (i, a) in g.edgeAttributes.enumerated() {
            out += "  <key id=\"e\(i)\" for=\"edge\" attr.name=\"\(XMLText.escape(a.name))\" attr.type=\"\(a.type)\"/>\n"
        }
        out += "  <graph id=\"respgraph\" edgedefault=\"\(g.directed ? "directed" : "undirected")\">\n"
        for n in g.nodes {
            out += "    <node id=\"\(XMLText.escape(n.id))\">\n      <data key=\"label\">\(XMLText.escape(n.label))</data>\n"
            for (i, v) in n.values.enumerated() { out += "      <data key=\"n\(i)\">\(XMLText.value(v))</data>\n" }
            out += "    </node>\n"
        }
        for (k, e) in g.edges.enumerated() {
            out += "    <edge id=\"e\(k)\" source=\"\(XMLText.escape(e.source))\" target=\"\(XMLText.escape(e.target))\">\n"
            for (i, v) in e.values.enumerated() { out += "      <data key=\"e\(i)\">\(XMLText.value(v))</data>\n" }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }
}
