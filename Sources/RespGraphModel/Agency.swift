/// An agency as the graph holds it: a canonical name and what the registry says of it.
public struct Agency: Hashable, Sendable {
    /// The canonical Chinese name, e.g. 自治区数据局.
    public var name: String
    /// What sort of body it is.
    public var kind: AgencyKind
    /// Other spellings that resolve to this agency.
    public var aliases: [String]
    /// The English name, when the registry has one.
    public var englishName: String?
    /// The canonical name of the body that took over its duties, when it was renamed or reorganised.
    public var successor: String?

    /// Creates an agency record.
    public init(name: String, kind: AgencyKind, aliases: [String] = [], englishName: String? = nil, successor: String? = nil) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.englishName = englishName
        self.successor = successor
    }

    /// Whether it stands for many bodies rather than one (各市、县人民政府 and the like).
    public var isCollective: Bool { kind == .collective }
}
