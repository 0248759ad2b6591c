/// GEXF 1.2 for Gephi and NetworkX (`networkx.read_gexf`): declared attributes with types, every
/// node and edge carrying every attribute.
///
/// - Reference: GEXF 1.2 draft primer, https://gexf.net/
public enum GEXFWriter {
    /// The GEXF document.
    public static func write(_ g: GraphElements) -> String {
        func type(_ t: String) -> String { t == "int" ? "integer" : t }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
        out += "  <meta>\n    <creator>respgraph</creator>\n  </meta>\n"
        out += "  <graph mode=\"static\" defaultedgetype=\"\(g.directed ? "directed" : "undirected")\">\n"
        out += "    <attributes class=\"node\">\n"
        for (i, a) in g.nodeAttributes.enumerated() { out += "      <attribute id=\"\(i)\" title=\"\(XMLText.escape(a.name))\" type=\"\(type(a.type))\"/>\n" }
        out += "    </attributes>\n    <attributes class=\"edge\">\n"
        // The weight is GEXF's own edge attribute; the others are declared.
        let edgeAttributes = g.edgeAttributes.enumerated().filter { $0.element.name != "weight" }
        for (i, a) in edgeAttributes { out += "      <attribute id=\"\(i)\" title=\"\(XMLText.escape(a.name))\" type=\"\(type(a.type))\"/>\n" }
        out += "    </attributes>\n    <nodes>\n"
        for n in g.nodes {
            out += "      <node id=\"\(XMLText.escape(n.id))\" label=\"\(XMLText.escape(n.label))\">\n        <attvalues>\n"
            for (i, v) in n.values.enumerated() { out += "          <attvalue for=\"\(i)\" value=\"\(XMLText.value(v))\"/>\n" }
            out += "        </attvalues>\n      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        let weightIndex = g.edgeAttributes.firstIndex { $0.name == "weight" }
        for (k, e) in g.edges.enumerated() {
            var weight = ""
            if let w = weightIndex, case .double(let x) = e.values[w] { weight = " weight=\"\(x)\"" }
            out += "      <edge id=\"\(k)\" source=\"\(XMLText.escape(e.source))\" target=\"\(XMLText.escape(e.target))\"\(weight)>\n        <attvalues>\n"
            for (i, _) in edgeAttributes { out += "          <attvalue for=\"\(i)\" value=\"\(XMLText.value(e.values[i]))\"/>\n" }
            out += "        </attvalues>\n      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }
}
