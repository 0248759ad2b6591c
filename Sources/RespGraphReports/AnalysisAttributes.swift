import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

extension GraphElements {
    /// The same elements with the analysis attributes researchers load with the graph: `bipartite`
    /// (0 agency, 1 task — igraph's bipartite functions read it as is), `lead`, `support` and
    /// `weighted_load` (1 × lead + 0.5 × support), and `community` (Louvain, from 1) and `core`
    /// (k-core number) on the co-assignment network; 0 where a value does not apply (tasks, and
    /// collective placeholders, which the co-assignment network leaves out).
    public func addingAnalysis(_ graph: ResponsibilityGraph) -> GraphElements {
        let loads = Workload.loads(in: graph)
        let network = AgencyNetwork.coAssignment(graph)
        let communities = Communities.louvain(network).communities
        let cores = Structure.coreNumbers(network)
        var node = [Int](repeating: -1, count: graph.agencies.count)
        for (v, a) in network.agencies.enumerated() { node[a.index] = v }
        var out = self
        out.nodeAttributes += [Attribute(name: "bipartite", type: "int"), Attribute(name: "lead", type: "int"),
                               Attribute(name: "support", type: "int"),
                               Attribute(name: "weighted_load", type: "double"), Attribute(name: "community", type: "int"),
                               Attribute(name: "core", type: "int")]
        for i in out.nodes.indices {
            guard let a = Self.agencyIndex(out.nodes[i].id), a < loads.count else {
                out.nodes[i].values += [.int(1), .int(0), .int(0), .double(0), .int(0), .int(0)]
                continue
            }
            let v = node[a]
            out.nodes[i].values += [.int(0), .int(loads[a].lead), .int(loads[a].support), .double(loads[a].weighted),
                                    .int(v >= 0 ? communities[v] + 1 : 0), .int(v >= 0 ? cores[v] : 0)]
        }
        return out
    }
}
