import RespGraphAnalysis
import RespGraphExport
import RespGraphReports
import RespGraphModel

/// `respgraph structure`: components, k-cores and communities of an agency network.
enum StructureCommand: CLICommand {
    static let spec = CommandSpec(
        name: "structure", summary: "Connected components, k-core numbers and communities (deterministic Louvain) with modularity.",
        discussion: """
        Communities come from the Louvain method run in a fixed node order (no randomness): the same data
        always gives the same communities. Modularity is Newman's, with link weights.
        --format csv gives one row per agency: component, core number, community.
        Example: respgraph structure --doc 2024
        """,
        options: SharedOptions.data + NetworkOptions.all + SharedOptions.queryOutput)

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let network = try NetworkOptions.build(graph, args)
        let components = Structure.components(network)
        let cores = Structure.coreNumbers(network)
        let (communities, q) = Communities.louvain(network)
        var output = Self.output(graph, network, components: components, cores: cores, communities: communities, modularity: q)
        output.heading.insert(NetworkOptions.describe(network, args) + ".", at: 0)
        try result.write(output, args)
    }

    /// The structure as tables: components, k-cores and communities with their members, and each agency's place.
    static func output(_ graph: ResponsibilityGraph, _ network: AgencyNetwork, components: [Int], cores: [Int], communities: [Int],
                       modularity q: Double) -> QueryOutput {
        let names = network.agencies.map { graph[$0].name }
        var componentSizes: [Int: [Int]] = [:]
        for (v, c) in components.enumerated() { componentSizes[c, default: []].append(v) }
        let members = Field("members", zh: "成员", .list(separator: "、"), maxWidth: 70)
        var comps = RecordSet("components", title: Bilingual("连通分量", "Components"),
                              [Field("component", zh: "连通分量", .whole), Field("agencies", zh: "机构数", .whole), members])
        for c in componentSizes.keys.sorted() {
            comps.append([.whole(c + 1), .whole(componentSizes[c]!.count), .list(componentSizes[c]!.map { names[$0] })])
        }
        var communityMembers: [Int: [Int]] = [:]
        for (v, c) in communities.enumerated() { communityMembers[c, default: []].append(v) }
        var comms = RecordSet("communities", title: Bilingual("凝聚子群（Louvain，模块度 \(NumberStyle.decimals(q, 4))）", "Communities (Louvain, "
            + "modularity \(NumberStyle.decimals(q, 4)))"), [
            Field("community", zh: "凝聚子群", .whole), Field("agencies", zh: "机构数", .whole), members])
        for c in communityMembers.keys.sorted() {
            let list = communityMembers[c]!.sorted { (cores[$0], names[$1]) > (cores[$1], names[$0]) }
            comms.append([.whole(c + 1), .whole(list.count), .list(list.map { names[$0] })])
        }
        let maxCore = cores.max() ?? 0
        var coreSet = RecordSet("cores", title: Bilingual("k-核", "k-cores"),
                                [Field("core", zh: "k-核", .whole), Field("agencies", zh: "机构数", .whole), members])
        for k in Set(cores).sorted(by: >) {
            let list = (0..<network.nodeCount).filter { cores[$0] == k }.map { names[$0] }.sorted()
            coreSet.append([.whole(k), .whole(list.count), .list(list)])
        }
        var perAgency = RecordSet("by_agency",
                                  [Field("agency", zh: "机构"), Field("kind", zh: "类别"), Field("component", zh: "连通分量", .whole),
                                   Field("core", zh: "k-核", .whole),
                                   Field("community", zh: "凝聚子群", .whole)])
        perAgency.formats = [.csv, .json]
        for v in 0..<network.nodeCount {
            perAgency.append([.text(names[v]), .kind(graph[network.agencies[v]].kind), .whole(components[v] + 1),
                              .whole(cores[v]), .whole(communities[v] + 1)])
        }
        var output = QueryOutput()
        output.heading = ["\(componentSizes.count) components; innermost core \(maxCore); \(communityMembers.count) communities, "
                          + "modularity \(NumberStyle.decimals(q, 4))."]
        output.facts = [
            ("network", .text(network.kind.rawValue)), ("agencies", .whole(network.nodeCount)), ("links", .whole(network.linkCount)),
            ("component_count", .whole(componentSizes.count)), ("max_core", .whole(maxCore)),
            ("community_count", .whole(communityMembers.count)),
            ("modularity", .number(q)),
        ]
        output.sets = [comps, coreSet, comms, perAgency]
        output.csvSet = "by_agency"
        return output
    }
}
