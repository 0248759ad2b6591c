/// Collects documents, agencies and tasks, then freezes them into a ``ResponsibilityGraph``.
///
/// Agencies are interned by canonical name: adding a name twice returns the first id. Assignments
/// are kept as the graph keeps them (flat arrays with one offset per task), so building copies
/// nothing per task.
public struct ResponsibilityGraphBuilder: Sendable {
    private var documents: [PlanDocument] = []
    private var documentIndex = NameIndex()
    private var agencies: [Agency] = []
    private var agencyIndex = NameIndex()
    private var tasks: [PlanTask] = []
    private var taskOffsets: [Int32] = [0]
    private var taskAgencies: [Int32] = []
    private var taskRoles: [Role] = []

    /// An empty builder.
    public init() {}

    /// Adds a document, or returns the id of the one with the same id already added.
    @discardableResult
    public mutating func addDocument(_ document: PlanDocument) -> DocumentID {
        let added = documentIndex.insert(document.id, value: Int32(documents.count))
        if added.inserted { documents.append(document) }
        return DocumentID(Int(added.value))
    }

    /// Adds an agency, or returns the id of the one with the same canonical name already added.
    @discardableResult
    public mutating func addAgency(_ agency: Agency) -> AgencyID {
        let added = agencyIndex.insert(agency.name, value: Int32(agencies.count))
        if added.inserted { agencies.append(agency) }
        return AgencyID(Int(added.value))
    }

    /// Adds a task with its leads and supporters. A repeated lead (or supporter) is kept once;
    /// an agency named both lead and support keeps both edges, for the accountability checks to find.
    @discardableResult
    public mutating func addTask(_ task: PlanTask, leads: [AgencyID], supporters: [AgencyID]) -> TaskID {
        let start = taskAgencies.count
        for a in leads where !taskAgencies[start...].contains(a.rawValue) {
            taskAgencies.append(a.rawValue)
            taskRoles.append(.lead)
        }
        let firstSupporter = taskAgencies.count
        for a in supporters where !taskAgencies[firstSupporter...].contains(a.rawValue) {
            taskAgencies.append(a.rawValue)
            taskRoles.append(.support)
        }
        tasks.append(task)
        taskOffsets.append(Int32(taskAgencies.count))
        return TaskID(tasks.count - 1)
    }

    /// Reserves room for this many more tasks and assignments (a national corpus grows its arrays
    /// once instead of doubling them).
    public mutating func reserveCapacity(tasks: Int, assignments: Int) {
        self.tasks.reserveCapacity(self.tasks.count + tasks)
        taskOffsets.reserveCapacity(taskOffsets.count + tasks)
        taskAgencies.reserveCapacity(taskAgencies.count + assignments)
        taskRoles.reserveCapacity(taskRoles.count + assignments)
    }

    /// The number of documents added so far.
    public var documentCount: Int { documents.count }

    /// Freezes what was added into a graph.
    public func build() -> ResponsibilityGraph {
        ResponsibilityGraph(documents: documents, agencies: agencies, tasks: tasks,
                            taskOffsets: taskOffsets, taskAgencies: taskAgencies, taskRoles: taskRoles)
    }
}
