/// One source document: an action plan or a set of work points.
public struct PlanDocument: Hashable, Sendable {
    /// The short id used on the command line (`--doc 2024`), usually the plan's year.
    public var id: String
    /// The title as printed, e.g. 2024年广西优化营商环境工作要点.
    public var title: String

    /// Creates a document record.
    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}
