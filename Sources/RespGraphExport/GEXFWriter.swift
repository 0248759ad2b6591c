import RespGraphModel

/// GEXF 1.2 for Gephi and NetworkX (`networkx.read_gexf`): declared attributes with types, every
/// node and edge carrying every attribute, and each node's `viz` colour (by kind, as in the diagrams;
/// tasks grey) and size (from its weighted load when the elements carry it).
///
/// - Reference: GEXF 1.2 draft primer, https://gexf.net/
public enum GEXFWriter {
    /// The GEXF document.
    public static func write(_ g: GraphElements) -> String {
        func type(_ t: String) -> String { t == "int" ? "integer" : t }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n"
        out += "  <meta>\n    <creator>respgraph</creator>\n  </meta>\n"
        out += "  <graph mode=\"static\" defaultedgetype=\"\(g.directed ? "directed" : "undirected")\">\n"
        out += "    <attributes class=\"node\">\n"
        for (i,
             a) in g.nodeAttributes.enumerated() { out += "      <attribute id=\"\(i)\" title=\"\(XMLText.escape(a.name))\" "
                 + "type=\"\(type(a.type))\"/>\n" }
        out += "    </attributes>\n    <attributes class=\"edge\">\n"
        // The weight is GEXF's own edge attribute; the others are declared.
        let edgeAttributes = g.edgeAttributes.enumerated().filter { $0.element.name != "weight" }
        for (i,
             a) in edgeAttributes { out += "      <attribute id=\"\(i)\" title=\"\(XMLText.escape(a.name))\" type=\"\(type(a.type))\"/>\n" }
        out += "    </attributes>\n    <nodes>\n"
        let kindIndex = g.nodeAttributes.firstIndex { $0.name == "kind" }
        let loadIndex = g.nodeAttributes.firstIndex { $0.name == "weighted_load" }
        for n in g.nodes {
            out += "      <node id=\"\(XMLText.escape(n.id))\" label=\"\(XMLText.escape(n.label))\">\n        <attvalues>\n"
            for (i, v) in n.values.enumerated() { out += "          <attvalue for=\"\(i)\" value=\"\(XMLText.value(v))\"/>\n" }
            out += "        </attvalues>\n"
            var color = "#cccccc"
            if let k = kindIndex, case .string(let raw) = n.values[k],
            let kind = AgencyKind(rawValue: raw) { color = DOTWriter.color(of: kind) }
            let rgb = [1, 3, 5].map { Int(color.dropFirst($0).prefix(2), radix: 16) ?? 204 }
            out += "        <viz:color r=\"\(rgb[0])\" g=\"\(rgb[1])\" b=\"\(rgb[2])\"/>\n"
            var size = 4.0
            if let l = loadIndex, case .double(let x) = n.values[l], x > 0 { size = 4 + 3 * x.squareRoot() }
            out += "        <viz:size value=\"\((size * 100).rounded() / 100)\"/>\n      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        let weightIndex = g.edgeAttributes.firstIndex { $0.name == "weight" }
        for (k, e) in g.edges.enumerated() {
            var weight = ""
            if let w = weightIndex, case .double(let x) = e.values[w] { weight = " weight=\"\(x)\"" }
            out += "      <edge id=\"\(k)\" source=\"\(XMLText.escape(e.source))\" "
                + "target=\"\(XMLText.escape(e.target))\"\(weight)>\n        <attvalues>\n"
            for (i, _) in edgeAttributes { out += "          <attvalue for=\"\(i)\" value=\"\(XMLText.value(e.values[i]))\"/>\n" }
            out += "        </attvalues>\n      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }
}
