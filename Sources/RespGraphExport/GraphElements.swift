import RespGraphModel

/// The nodes and edges an export writes, with typed attributes: the agency–task graph (agencies and
/// tasks as nodes, lead and support as edges) or an agency network. Every writer (GraphML, GEXF,
/// JSON, CSV, DOT) starts from this one description, so the formats agree.
public struct GraphElements: Sendable {
    /// A typed attribute value; never null: a missing text is "", a missing number 0.
    public enum Value: Sendable, Equatable {
        /// Text.
        case string(String)
        /// A whole number.
        case int(Int)
        /// A number.
        case double(Double)
        /// True or false.
        case bool(Bool)

        /// The value in JSON.
        public var json: JSONValue {
            switch self {
            case .string(let s): .string(s)
            case .int(let n): .int(n)
            case .double(let x): .double(x)
            case .bool(let b): .bool(b)
            }
        }

        /// The value as text in a CSV cell: numbers as in JSON, `true`/`false`.
        public var text: String {
            switch self {
            case .string(let s): s
            case .int(let n): String(n)
            case .double(let x): JSONValue.number(x)
            case .bool(let b): b ? "true" : "false"
            }
        }
    }

    /// An attribute column: its name and type (the type of the first value written).
    public struct Attribute: Sendable, Equatable {
        /// The attribute's name, e.g. `kind`.
        public var name: String
        /// `string`, `int`, `double` or `boolean`.
        public var type: String

        /// Creates an attribute column.
        public init(name: String, type: String) {
            self.name = name
            self.type = type
        }
    }

    /// A node: a plain-ASCII id (a12, t2024_46), a label, and its values in attribute order.
    public struct Node: Sendable {
        /// The id.
        public var id: String
        /// The label (the Chinese name or task key).
        public var label: String
        /// Values, parallel to ``GraphElements/nodeAttributes``.
        public var values: [Value]
    }

    /// An edge between two node ids with its values in attribute order.
    public struct Edge: Sendable {
        /// The source node id.
        public var source: String
        /// The target node id.
        public var target: String
        /// Values, parallel to ``GraphElements/edgeAttributes``.
        public var values: [Value]
    }

    /// Whether edges have a direction.
    public var directed: Bool
    /// Node attribute columns.
    public var nodeAttributes: [Attribute]
    /// Edge attribute columns.
    public var edgeAttributes: [Attribute]
    /// The nodes.
    public var nodes: [Node]
    /// The edges.
    public var edges: [Edge]

    /// Creates elements.
    public init(directed: Bool, nodeAttributes: [Attribute], edgeAttributes: [Attribute], nodes: [Node], edges: [Edge]) {
        self.directed = directed
        self.nodeAttributes = nodeAttributes
        self.edgeAttributes = edgeAttributes
        self.nodes = nodes
        self.edges = edges
    }

    /// The plain-ASCII id of an agency: `a12`.
    public static func id(of agency: AgencyID) -> String { "a\(agency.rawValue)" }

    /// The plain-ASCII id of a task: `t2024_46`, `t2024_W3`; characters outside [A-Za-z0-9_] in the
    /// document id become `_`.
    public static func id(of task: TaskID, in graph: ResponsibilityGraph) -> String {
        let t = graph[task]
        let doc = graph.documents[t.document.index].id.map { c -> Character in
            c.isASCII && (c.isLetter || c.isNumber) ? c : "_"
        }
        return "t\(String(doc))_\(t.localKey)"
    }

    /// The agency–task graph: agencies and tasks as nodes, one edge per lead or support assignment
    /// (agency → task), with kind, role, indicator, document and source line.
    public static func agencyTask(_ graph: ResponsibilityGraph, tasks: [TaskID]? = nil) -> GraphElements {
        let selected = tasks ?? graph.taskIDs
        var agencies = Set<AgencyID>()
        for t in selected { agencies.formUnion(graph.agencies(of: t)) }
        let nodeAttributes = ["type", "kind", "english_name", "successor", "document", "number", "indicator", "direction",
                              "text", "deadline", "source_line"]
        let types = ["string", "string", "string", "string", "string", "int", "string", "string", "string", "string", "int"]
        var nodes: [Node] = []
        for a in agencies.sorted() {
            let x = graph[a]
            nodes.append(Node(id: id(of: a), label: x.name,
                              values: [.string("agency"), .string(x.kind.rawValue), .string(x.englishName ?? ""),
                                                                     .string(x.successor ?? ""), .string(""), .int(0),
                                                                     .string(""), .string(""),
                                                                     .string(""), .string(""), .int(0)]))
        }
        for t in selected {
            let x = graph[t]
            nodes.append(Node(id: id(of: t, in: graph), label: graph.key(of: t), values: [
                .string(x.level == .table ? "task" : "work-point"), .string(""), .string(""), .string(""),
                .string(graph.documents[x.document.index].id), .int(x.number), .string(x.indicator), .string(x.direction),
                .string(x.text), .string(x.deadline ?? ""), .int(x.sourceLine)]))
        }
        var edges: [Edge] = []
        for t in selected {
            let x = graph[t]
            for e in Int(graph.taskOffsets[t.index])..<Int(graph.taskOffsets[t.index + 1]) {
                let a = AgencyID(Int(graph.taskAgencies[e]))
                edges.append(Edge(source: id(of: a), target: id(of: t, in: graph), values: [
                    .string(graph.taskRoles[e].name), .double(1), .string(x.indicator),
                    .string(graph.documents[x.document.index].id), .int(x.sourceLine)]))
            }
        }
        return GraphElements(directed: true,
                             nodeAttributes: zip(nodeAttributes, types).map { Attribute(name: $0, type: $1) },
                             edgeAttributes: [Attribute(name: "role", type: "string"), Attribute(name: "weight", type: "double"),
                                              Attribute(name: "indicator", type: "string"), Attribute(name: "document", type: "string"),
                                              Attribute(name: "source_line", type: "int")],
                             nodes: nodes, edges: edges)
    }

    /// An agency network: agencies as nodes (kind, English name) and weighted links.
    /// `links` are (node, node, weight) over `agencies`, each undirected link once.
    public static func network(_ graph: ResponsibilityGraph, agencies: [AgencyID], links: [(Int, Int, Double)],
                               directed: Bool) -> GraphElements {
        let nodes = agencies.map { a in
            Node(id: id(of: a), label: graph[a].name,
                 values: [.string("agency"), .string(graph[a].kind.rawValue), .string(graph[a].englishName ?? "")])
        }
        let edges = links.map { l in Edge(source: id(of: agencies[l.0]), target: id(of: agencies[l.1]), values: [.double(l.2)]) }
        return GraphElements(directed: directed,
                             nodeAttributes: [Attribute(name: "type", type: "string"), Attribute(name: "kind", type: "string"),
                                              Attribute(name: "english_name", type: "string")],
                             edgeAttributes: [Attribute(name: "weight", type: "double")], nodes: nodes, edges: edges)
    }
}
