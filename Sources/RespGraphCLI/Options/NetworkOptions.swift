import Foundation
import RespGraphAnalysis
import RespGraphModel

/// Which graph a command draws or measures: the agency–task graph or one of the agency networks.
enum NetworkView: String, CaseIterable, Sendable {
    /// Agencies and tasks as nodes, one edge per lead or support assignment.
    case tasks
    /// Agencies linked by shared tasks.
    case coassign
    /// Each lead linked to each supporter of its task.
    case dependency
}

/// The options that choose and shape an agency network, shared by the network commands.
enum NetworkOptions {
    /// `--network coassign|dependency` for the commands that measure an agency network.
    static let network = Choice<NetworkView>("network", [.coassign, .dependency], default: .coassign,
        "coassign (agencies sharing a task) or dependency (lead → supporter).")
    /// `--include-collectives`.
    static let includeCollectives = Flag("include-collectives", "Keep collective placeholders such as 各市、县人民政府 (left out by default).")
    /// `--kind KIND…`.
    static let kind = OptionalChoice<AgencyKind>("kind", default: nil, repeatable: true, "Only agencies of this kind.")
    /// `--newman`.
    static let newman = Flag("newman", "Weight co-assignment links by Newman's 1/(k−1) per task of k agencies instead of shared tasks.")
    /// The four together.
    static let all = [network.spec, includeCollectives.spec, kind.spec, newman.spec]

    /// The agencies a network keeps, from --include-collectives and --kind.
    static func selection(_ args: ParsedArguments) -> AgencyNetwork.Selection {
        AgencyNetwork.Selection(includeCollectives: args[includeCollectives], kinds: Set(args.all(kind)))
    }

    /// The network the options describe; `view` overrides --network (a measure that needs one).
    static func build(_ graph: ResponsibilityGraph, _ args: ParsedArguments, view: NetworkView? = nil) throws -> AgencyNetwork {
        let choice = view ?? args[network]
        if args[newman] && choice != .coassign {
            throw args.usageError("--newman weights the co-assignment network; the \(choice.rawValue) network counts tasks")
        }
        let selection = selection(args)
        if choice == .dependency { return AgencyNetwork.dependency(graph, selection: selection) }
        return AgencyNetwork.coAssignment(graph, selection: selection, weighting: args[newman] ? .newman : .sharedTasks)
    }

    /// One line saying which network this is.
    static func describe(_ network: AgencyNetwork, _ args: ParsedArguments) -> String {
        let what = network.kind == .dependency
            ? "dependency network (lead → supporter; weight = tasks)"
            : "co-assignment network (weight = \(args[newman] ? "Newman 1/(k−1) per task" : "shared tasks"))"
        let collectives = args[includeCollectives] ? "collectives kept" : "collectives left out"
        return "\(what): \(network.nodeCount) agencies, \(network.linkCount) links, \(collectives)"
    }
}
