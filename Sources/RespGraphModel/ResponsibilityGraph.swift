/// The agency–task graph: agencies and tasks are nodes, lead and support are typed edges.
///
/// Storage is compressed sparse rows over compact integer ids, in both directions:
/// the assignments of task `t` are `taskAgencies[taskOffsets[t] ..< taskOffsets[t + 1]]` (leads first,
/// then supporters, each in source order), and the tasks of agency `a` are
/// `agencyTasks[agencyOffsets[a] ..< agencyOffsets[a + 1]]` in task order. One graph can hold several
/// documents; ``filtered(documents:)`` selects some of them.
///
/// - Complexity: building is O(A + T + E) for A agencies, T tasks and E assignments; every
///   neighbourhood query is O(degree).
public struct ResponsibilityGraph: Sendable {
    /// The documents, indexed by ``DocumentID``.
    public let documents: [PlanDocument]
    /// The agencies, indexed by ``AgencyID``.
    public let agencies: [Agency]
    /// The tasks, indexed by ``TaskID``.
    public let tasks: [PlanTask]

    /// Offsets into ``taskAgencies`` and ``taskRoles``; `tasks.count + 1` entries.
    public let taskOffsets: [Int32]
    /// The agency of each assignment, grouped by task.
    public let taskAgencies: [Int32]
    /// The role of each assignment, parallel to ``taskAgencies``.
    public let taskRoles: [Role]
    /// Offsets into ``agencyTasks`` and ``agencyRoles``; `agencies.count + 1` entries.
    public let agencyOffsets: [Int32]
    /// The task of each assignment, grouped by agency.
    public let agencyTasks: [Int32]
    /// The role of each assignment, parallel to ``agencyTasks``.
    public let agencyRoles: [Role]

    private let agencyIndexByName: NameIndex
    /// Task index by ``taskKey(document:level:number:)``.
    private let taskIndexByKey: [Int64: Int32]

    /// A task's document, level and number packed into one integer key.
    private static func taskKey(document: Int32, level: TaskLevel, number: Int) -> Int64 {
        Int64(document) << 40 | Int64(level == .table ? 0 : 1) << 39 | Int64(number & 0x7F_FFFF_FFFF)
    }

    /// A graph over assignments grouped by task (``taskOffsets``, ``taskAgencies``, ``taskRoles``);
    /// the by-agency arrays and the name and key indexes are derived here.
    init(documents: [PlanDocument], agencies: [Agency], tasks: [PlanTask], taskOffsets: [Int32], taskAgencies: [Int32], taskRoles: [Role]) {
        self.documents = documents
        self.agencies = agencies
        self.tasks = tasks
        var degree = [Int32](repeating: 0, count: agencies.count)
        for a in taskAgencies { degree[Int(a)] += 1 }
        var agencyOffsets = [Int32](repeating: 0, count: agencies.count + 1)
        for a in 0..<agencies.count { agencyOffsets[a + 1] = agencyOffsets[a] + degree[a] }
        var cursor = Array(agencyOffsets.dropLast())
        var agencyTasks = [Int32](repeating: 0, count: taskAgencies.count)
        var agencyRoles = [Role](repeating: .lead, count: taskAgencies.count)
        for t in 0..<tasks.count {
            for e in Int(taskOffsets[t])..<Int(taskOffsets[t + 1]) {
                let a = Int(taskAgencies[e])
                let slot = Int(cursor[a])
                agencyTasks[slot] = Int32(t)
                agencyRoles[slot] = taskRoles[e]
                cursor[a] += 1
            }
        }
        self.taskOffsets = taskOffsets
        self.taskAgencies = taskAgencies
        self.taskRoles = taskRoles
        self.agencyOffsets = agencyOffsets
        self.agencyTasks = agencyTasks
        self.agencyRoles = agencyRoles
        // Canonical names first, so an alias never hides an agency's own name.
        var byName = NameIndex(capacity: agencies.count)
        for i in agencies.indices { byName.insert(agencies[i].name, value: Int32(i)) }
        for i in agencies.indices {
            for alias in agencies[i].aliases { byName.insert(alias, value: Int32(i)) }
        }
        agencyIndexByName = byName
        var byKey: [Int64: Int32] = [:]
        byKey.reserveCapacity(tasks.count)
        tasks.withUnsafeBufferPointer { tasks in
            for i in tasks.indices {
                byKey[Self.taskKey(document: tasks[i].document.rawValue, level: tasks[i].level, number: tasks[i].number)] = Int32(i)
            }
        }
        taskIndexByKey = byKey
    }

    /// An empty graph.
    public init() {
        self.init(documents: [], agencies: [], tasks: [], taskOffsets: [0], taskAgencies: [], taskRoles: [])
    }

    /// Every agency id, in index order.
    public var agencyIDs: [AgencyID] { (0..<agencies.count).map(AgencyID.init) }
    /// Every task id, in index order.
    public var taskIDs: [TaskID] { (0..<tasks.count).map(TaskID.init) }
    /// The number of lead and support edges.
    public var assignmentCount: Int { taskAgencies.count }

    /// The agency record of an id.
    public subscript(agency: AgencyID) -> Agency { agencies[agency.index] }
    /// The task record of an id.
    public subscript(task: TaskID) -> PlanTask { tasks[task.index] }

    /// The id of the agency with this canonical name or alias.
    public func agency(named name: String) -> AgencyID? {
        agencyIndexByName[name].map { AgencyID(Int($0)) }
    }

    /// The user-facing key of a task: `2024:46`, or `2024:W3` for a work point.
    public func key(of task: TaskID) -> String {
        let t = tasks[task.index]
        return "\(documents[t.document.index].id):\(t.localKey)"
    }

    /// The task with a key such as `2024:46` or `2024:W3`.
    public func task(key: String) -> TaskID? {
        guard let colon = key.lastIndex(of: ":"), let document = document(id: String(key[..<colon])) else { return nil }
        let local = key[key.index(after: colon)...]
        let level: TaskLevel = local.hasPrefix("W") ? .workPoint : .table
        guard let number = Int(level == .table ? local : local.dropFirst()),
              let i = taskIndexByKey[Self.taskKey(document: document.rawValue, level: level, number: number)] else { return nil }
        // Only the key as the graph writes it (not 046 for 46).
        return tasks[Int(i)].localKey == local ? TaskID(Int(i)) : nil
    }

    /// The document id of a document index.
    public func document(id: String) -> DocumentID? {
        documents.firstIndex { $0.id == id }.map(DocumentID.init)
    }

    /// The agencies of a task with a role, in source order; all of them when `role` is nil.
    public func agencies(of task: TaskID, role: Role? = nil) -> [AgencyID] {
        var out: [AgencyID] = []
        for e in Int(taskOffsets[task.index])..<Int(taskOffsets[task.index + 1]) where role == nil || taskRoles[e] == role {
            out.append(AgencyID(Int(taskAgencies[e])))
        }
        return out
    }

    /// The tasks of an agency with a role, in task order; all of them when `role` is nil.
    public func tasks(of agency: AgencyID, role: Role? = nil) -> [TaskID] {
        var out: [TaskID] = []
        for e in Int(agencyOffsets[agency.index])..<Int(agencyOffsets[agency.index + 1]) where role == nil || agencyRoles[e] == role {
            out.append(TaskID(Int(agencyTasks[e])))
        }
        return out
    }

    /// How many lead (or support) edges an agency has.
    public func count(of agency: AgencyID, role: Role) -> Int {
        var n = 0
        for e in Int(agencyOffsets[agency.index])..<Int(agencyOffsets[agency.index + 1]) where agencyRoles[e] == role { n += 1 }
        return n
    }

    /// The number of lead (or support) edges in the graph.
    public func edgeCount(role: Role) -> Int { taskRoles.reduce(0) { $0 + ($1 == role ? 1 : 0) } }

    /// The subgraph of some documents: their tasks and the agencies those tasks name, renumbered
    /// in the original order. Agencies named by no selected task are left out.
    ///
    /// - Complexity: O(A + T + E).
    public func filtered(documents selected: Set<DocumentID>) -> ResponsibilityGraph {
        if selected.count == documents.count { return self }
        return subgraph(documents: selected) { _ in true }
    }

    /// The graph of some tasks only (with their documents and agencies); ids are renumbered, so
    /// map agencies back by name.
    public func filtered(tasks selected: Set<TaskID>) -> ResponsibilityGraph {
        let documentsUsed = Set(selected.map { tasks[$0.index].document })
        return subgraph(documents: documentsUsed) { selected.contains(TaskID($0)) }
    }

    /// The tasks of the selected documents that `keep` admits, renumbered densely. O(n + m).
    private func subgraph(documents selected: Set<DocumentID>, keep: (Int) -> Bool) -> ResponsibilityGraph {
        var builder = ResponsibilityGraphBuilder()
        var documentMap = [Int32](repeating: -1, count: documents.count)
        for d in documents.indices where selected.contains(DocumentID(d)) {
            documentMap[d] = builder.addDocument(documents[d]).rawValue
        }
        var agencyMap = [Int32](repeating: -1, count: agencies.count)
        for t in tasks.indices where documentMap[tasks[t].document.index] >= 0 && keep(t) {
            for e in Int(taskOffsets[t])..<Int(taskOffsets[t + 1]) {
                let a = Int(taskAgencies[e])
                if agencyMap[a] < 0 { agencyMap[a] = builder.addAgency(agencies[a]).rawValue }
            }
        }
        for t in tasks.indices where documentMap[tasks[t].document.index] >= 0 && keep(t) {
            var task = tasks[t]
            task.document = DocumentID(Int(documentMap[task.document.index]))
            var leads: [AgencyID] = [], supporters: [AgencyID] = []
            for e in Int(taskOffsets[t])..<Int(taskOffsets[t + 1]) {
                let id = AgencyID(Int(agencyMap[Int(taskAgencies[e])]))
                if taskRoles[e] == .lead { leads.append(id) } else { supporters.append(id) }
            }
            builder.addTask(task, leads: leads, supporters: supporters)
        }
        return builder.build()
    }

    /// Checks the storage invariants: offsets monotone and complete, ids in range, both directions
    /// holding the same edges. Tests and debug builds call it; it returns the first violation found.
    public func invariantViolation() -> String? {
        guard taskOffsets.count == tasks.count + 1, agencyOffsets.count == agencies.count + 1 else { return "offset array sizes" }
        guard taskOffsets.first == 0, Int(taskOffsets.last ?? -1) == taskAgencies.count else { return "task offsets do not span the edges" }
        guard agencyOffsets.first == 0,
        Int(agencyOffsets.last ?? -1) == agencyTasks.count else { return "agency offsets do not span the edges" }
        for i in 0..<tasks.count where taskOffsets[i] > taskOffsets[i + 1] { return "task offsets decrease at \(i)" }
        for i in 0..<agencies.count where agencyOffsets[i] > agencyOffsets[i + 1] { return "agency offsets decrease at \(i)" }
        for a in taskAgencies where a < 0 || Int(a) >= agencies.count { return "agency id \(a) out of range" }
        for t in agencyTasks where t < 0 || Int(t) >= tasks.count { return "task id \(t) out of range" }
        for task in tasks where task.document.index >= documents.count { return "document id out of range" }
        var forward: [Int64] = [], backward: [Int64] = []
        for t in 0..<tasks.count {
            for e in Int(taskOffsets[t])..<Int(taskOffsets[t + 1]) {
                forward.append(Int64(t) << 33 | Int64(taskAgencies[e]) << 1 | Int64(taskRoles[e].rawValue))
            }
        }
        for a in 0..<agencies.count {
            for e in Int(agencyOffsets[a])..<Int(agencyOffsets[a + 1]) {
                backward.append(Int64(agencyTasks[e]) << 33 | Int64(a) << 1 | Int64(agencyRoles[e].rawValue))
            }
        }
        if forward.sorted() != backward.sorted() { return "the two directions hold different edges" }
        return nil
    }
}
