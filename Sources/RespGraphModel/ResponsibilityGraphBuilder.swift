/// Collects documents, agencies and tasks, then freezes them into a ``ResponsibilityGraph``.
///
/// Agencies are interned by canonical name: adding a name twice returns the first id.
public struct ResponsibilityGraphBuilder: Sendable {
    private var documents: [PlanDocument] = []
    private var agencies: [Agency] = []
    private var agencyIndex: [NameKey: Int32] = [:]
    private var tasks: [PlanTask] = []
    private var assignments: [[(agency: Int32, role: Role)]] = []

    /// An empty builder.
    public init() {}

    /// Adds a document, or returns the id of the one with the same id already added.
    @discardableResult
    public mutating func addDocument(_ document: PlanDocument) -> DocumentID {
        if let i = documents.firstIndex(where: { $0.id == document.id }) { return DocumentID(i) }
        documents.append(document)
        return DocumentID(documents.count - 1)
    }

    /// Adds an agency, or returns the id of the one with the same canonical name already added.
    @discardableResult
    public mutating func addAgency(_ agency: Agency) -> AgencyID {
        if let i = agencyIndex[NameKey(agency.name)] { return AgencyID(Int(i)) }
        agencies.append(agency)
        agencyIndex[NameKey(agency.name)] = Int32(agencies.count - 1)
        return AgencyID(agencies.count - 1)
    }

    /// Adds a task with its leads and supporters. A repeated lead (or supporter) is kept once;
    /// an agency named both lead and support keeps both edges, for the accountability checks to find.
    @discardableResult
    public mutating func addTask(_ task: PlanTask, leads: [AgencyID], supporters: [AgencyID]) -> TaskID {
        var list: [(agency: Int32, role: Role)] = []
        list.reserveCapacity(leads.count + supporters.count)
        for a in leads where !list.contains(where: { $0.agency == a.rawValue && $0.role == .lead }) { list.append((a.rawValue, .lead)) }
        for a in supporters where !list.contains(where: { $0.agency == a.rawValue && $0.role == .support }) { list.append((a.rawValue, .support)) }
        tasks.append(task)
        assignments.append(list)
        return TaskID(tasks.count - 1)
    }

    /// The number of documents added so far.
    public var documentCount: Int { documents.count }

    /// Freezes what was added into a graph.
    public func build() -> ResponsibilityGraph {
        ResponsibilityGraph(documents: documents, agencies: agencies, tasks: tasks, assignments: assignments)
    }
}
