import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// `respgraph structure`: components, k-cores and communities of an agency network.
enum StructureCommand: CLICommand {
    static let spec = CommandSpec(
        name: "structure", summary: "Connected components, k-core numbers and communities (deterministic Louvain) with modularity.",
        usage: "structure [--network coassign|dependency] [--doc ID] [--format table|json|csv]",
        discussion: """
        Communities come from the Louvain method run in a fixed node order (no randomness): the same data
        always gives the same communities. Modularity is Newman's, with link weights.
        --format csv gives one row per agency: component, core number, community.
        Example: respgraph structure --doc 2024
        """,
        options: SharedOptions.data + NetworkOptions.all + [SharedOptions.format])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try OutputFormat.from(args)
        let data = try LoadedData.load(args)
        let graph = try data.selectedGraph(args)
        let network = try NetworkOptions.build(graph, args)
        let components = Structure.components(network)
        let cores = Structure.coreNumbers(network)
        let (communities, q) = Communities.louvain(network)
        let names = network.agencies.map { graph[$0].name }

        var componentSizes: [Int: [Int]] = [:]
        for (v, c) in components.enumerated() { componentSizes[c, default: []].append(v) }
        var comps = TextTable(title: "Components", columns: [.init("component", alignRight: true), .init("agencies", alignRight: true), .init("members", maxWidth: 70)])
        for c in componentSizes.keys.sorted() {
            comps.append([String(c + 1), String(componentSizes[c]!.count), componentSizes[c]!.map { names[$0] }.joined(separator: "、")])
        }
        var communityMembers: [Int: [Int]] = [:]
        for (v, c) in communities.enumerated() { communityMembers[c, default: []].append(v) }
        var comms = TextTable(title: "Communities (Louvain, modularity \(String(format: "%.4f", q)))", columns: [
            .init("community", alignRight: true), .init("agencies", alignRight: true), .init("members", maxWidth: 70)])
        for c in communityMembers.keys.sorted() {
            let members = communityMembers[c]!.sorted { (cores[$0], names[$1]) > (cores[$1], names[$0]) }
            comms.append([String(c + 1), String(members.count), members.map { names[$0] }.joined(separator: "、")])
        }
        let maxCore = cores.max() ?? 0
        var coreTable = TextTable(title: "k-cores", columns: [.init("core", alignRight: true), .init("agencies", alignRight: true), .init("members", maxWidth: 70)])
        for k in Set(cores).sorted(by: >) {
            let members = (0..<network.nodeCount).filter { cores[$0] == k }.map { names[$0] }.sorted()
            coreTable.append([String(k), String(members.count), members.joined(separator: "、")])
        }
        var perAgency = TextTable(columns: [.init("agency"), .init("kind"), .init("component"), .init("core"), .init("community")])
        for v in 0..<network.nodeCount {
            perAgency.append([names[v], graph[network.agencies[v]].kind.rawValue, String(components[v] + 1), String(cores[v]), String(communities[v] + 1)])
        }
        var answer = QueryAnswer()
        answer.heading = [NetworkOptions.describe(network, args) + ".",
                          "\(componentSizes.count) components; innermost core \(maxCore); \(communityMembers.count) communities, modularity \(String(format: "%.4f", q))."]
        answer.tables = [comps, coreTable, comms]
        answer.csvTable = perAgency
        answer.json = .object([
            ("network", .string(network.kind.rawValue)), ("agencies", .int(network.nodeCount)), ("links", .int(network.linkCount)),
            ("components", .int(componentSizes.count)), ("max_core", .int(maxCore)), ("communities", .int(communityMembers.count)),
            ("modularity", .double(q)),
            ("by_agency", .array((0..<network.nodeCount).map { v in
                .object([("agency", .string(names[v])), ("component", .int(components[v] + 1)), ("core", .int(cores[v])), ("community", .int(communities[v] + 1))])
            })),
        ])
        answer.write(format, to: &result)
    }
}

import Foundation
