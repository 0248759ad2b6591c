import RespGraphAnalysis
import RespGraphModel

/// The options that choose and shape an agency network, shared by the network commands.
enum NetworkOptions {
    static let network = OptionSpec("network", value: "NET", "coassign (agencies sharing a task; default) or dependency (lead → supporter).")
    static let includeCollectives = OptionSpec("include-collectives", "Keep collective placeholders such as 各市、县人民政府 (left out by default).")
    static let kind = OptionSpec("kind", value: "KIND", repeatable: true, "Only agencies of this kind; repeatable.")
    static let newman = OptionSpec("newman", "Weight co-assignment links by Newman's 1/(k−1) per task of k agencies instead of shared tasks.")
    static let all = [network, includeCollectives, kind, newman]

    static func selection(_ args: ParsedArguments) throws -> AgencyNetwork.Selection {
        var kinds = Set<AgencyKind>()
        for k in args.all("kind") {
            guard let kind = AgencyKind(rawValue: k) else {
                throw UsageError(message: "unknown kind '\(k)'; kinds: \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", "))", command: args.command)
            }
            kinds.insert(kind)
        }
        return AgencyNetwork.Selection(includeCollectives: args.flag("include-collectives"), kinds: kinds)
    }

    static func build(_ graph: ResponsibilityGraph, _ args: ParsedArguments, default kind: AgencyNetwork.Kind = .coAssignment) throws -> AgencyNetwork {
        let choice = try args.choice("network", from: ["coassign", "dependency"], default: kind.rawValue)
        let selection = try selection(args)
        if choice == "dependency" { return AgencyNetwork.dependency(graph, selection: selection) }
        return AgencyNetwork.coAssignment(graph, selection: selection, weighting: args.flag("newman") ? .newman : .sharedTasks)
    }

    static func describe(_ network: AgencyNetwork, _ args: ParsedArguments) -> String {
        let what = network.kind == .dependency
            ? "dependency network (lead → supporter; weight = tasks)"
            : "co-assignment network (weight = \(args.flag("newman") ? "Newman 1/(k−1) per task" : "shared tasks"))"
        let collectives = args.flag("include-collectives") ? "collectives kept" : "collectives left out"
        return "\(what): \(network.nodeCount) agencies, \(network.linkCount) links, \(collectives)"
    }
}
