import RespGraphModel

/// Each agency's role by breadth (how many partners) and depth (how many tasks it shares with them).
///
/// - Definition: breadth b(v) = degree in the co-assignment network; depth d(v) = strength, the
///   number of (agency, task) partnerships. An agency is *leading* when both are at or above the mean
///   over agencies, *key* when one is, *auxiliary* when neither — the breadth–depth quadrants used in
///   studies of inter-agency policy networks.
/// - Complexity: O(n + m).
public enum RoleRoster {
    /// A class of the roster.
    public enum Role: String, Sendable, CaseIterable {
        /// Wide and deep: many partners, many shared tasks.
        case leading
        /// Wide or deep, not both.
        case key
        /// Neither.
        case auxiliary

        /// The Chinese label.
        public var chineseName: String { self == .leading ? "主导型" : self == .key ? "关键型" : "辅助型" }
    }

    /// One agency's entry.
    public struct Entry: Sendable {
        /// The network node.
        public var node: Int
        /// Number of partners.
        public var breadth: Int
        /// Number of shared task–partner pairs.
        public var depth: Double
        /// Its class.
        public var role: Role
    }

    /// The roster of every node of a co-assignment network, with the two thresholds used.
    public static func compute(_ network: AgencyNetwork) -> (entries: [Entry], breadthThreshold: Double, depthThreshold: Double) {
        let d = DegreeCentrality.compute(network)
        let n = Double(max(1, network.nodeCount))
        let tb = Double(d.degree.reduce(0, +)) / n
        let td = d.strength.reduce(0, +) / n
        let entries = (0..<network.nodeCount).map { v -> Entry in
            let wide = Double(d.degree[v]) >= tb, deep = d.strength[v] >= td
            return Entry(node: v, breadth: d.degree[v], depth: d.strength[v],
                         role: wide && deep ? .leading : (wide || deep ? .key : .auxiliary))
        }
        return (entries, tb, td)
    }
}
