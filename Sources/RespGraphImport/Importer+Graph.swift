import Foundation
import RespGraphModel

/// Documents assembled into one responsibility graph.
extension Importer {
    /// Assembles documents into one graph. Agencies are numbered in order of first appearance and
    /// take kind, aliases, English name and successor from the registry; unknown names get kind unknown.
    ///
    /// - Complexity: O(E) hash lookups for E assignments.
    public func graph(from documents: [ImportedDocument]) -> ResponsibilityGraph {
        var copy = documents
        return graph(consuming: &copy)
    }

    /// ``graph(from:)``, emptying each document's rows once they are in the graph, so a national
    /// corpus is never held twice (as rows and as the graph) at once. Titles and findings stay.
    ///
    /// The documents' rows are turned into tasks on all cores, each document numbering its own
    /// distinct names in order of first appearance; the documents are then joined in order with one
    /// look-up per distinct name per document, which numbers the agencies exactly as a single pass
    /// over every name would.
    public func graph(consuming documents: inout [ImportedDocument]) -> ResponsibilityGraph {
        var builder = ResponsibilityGraphBuilder()
        let documentIDs = documents.map { builder.addDocument($0.document) }
        let slots = Slots(documents)
        documents = []
        let count = slots.count, blocks = min(64, max(1, count))
        let parts = Slots(repeating: DocumentPart(), count: count)
        Parallel.forEachBlock(blocks) { block in
            var local = NameIndex()
            for i in stride(from: block, to: count, by: blocks) {
                var d = slots.take(i, leaving: .placeholder)
                let rows = d.rows
                d.rows = []
                slots.put(d, at: i)
                let part = documentPart(rows, document: documentIDs[i], names: &local)
                parts.put(part, at: i)
            }
        }
        // Per distinct name of each document, its id in the graph: by registry index for a
        // registry's canonical name (no hashing here), by name for any other.
        var idOfRegistryIndex = [Int32](repeating: -1, count: registry.agencies.count)
        var idOfOtherName = NameIndex()
        var leads: [AgencyID] = [], supporters: [AgencyID] = []
        let sizes = parts.all.reduce(into: (tasks: 0, assignments: 0)) { $0.tasks += $1.tasks.count; $0.assignments += $1.agencies.count }
        builder.reserveCapacity(tasks: sizes.tasks, assignments: sizes.assignments)
        for i in 0..<count {
            let part = parts.take(i, leaving: DocumentPart())
            let global = graphIDs(of: part, builder: &builder, byRegistryIndex: &idOfRegistryIndex, byName: &idOfOtherName)
            var start = 0
            for t in part.tasks.indices {
                let leadEnd = Int(part.leadEnds[t]), supportEnd = Int(part.supportEnds[t])
                leads.removeAll(keepingCapacity: true)
                supporters.removeAll(keepingCapacity: true)
                for k in start..<leadEnd { leads.append(AgencyID(Int(global[Int(part.agencies[k])]))) }
                for k in leadEnd..<supportEnd { supporters.append(AgencyID(Int(global[Int(part.agencies[k])]))) }
                builder.addTask(part.tasks[t], leads: leads, supporters: supporters)
                start = supportEnd
            }
        }
        documents = slots.all
        return builder.build()
    }

    /// One document's rows as tasks, its distinct names numbered in order of first appearance
    /// (`names` is scratch space, emptied first).
    func documentPart(_ rows: [TaskRow], document: DocumentID, names local: inout NameIndex) -> DocumentPart {
        local.removeAll()
        var part = DocumentPart()
        part.tasks.reserveCapacity(rows.count)
        func number(_ name: String) -> Int32 {
            let added = local.insert(name, value: Int32(part.names.count))
            if added.inserted {
                part.names.append(name)
                part.registryIndices.append(canonicalRegistryIndex(of: name))
            }
            return added.value
        }
        for r in rows {
            for name in r.leads { part.agencies.append(number(name)) }
            part.leadEnds.append(Int32(part.agencies.count))
            for name in r.supporters { part.agencies.append(number(name)) }
            part.supportEnds.append(Int32(part.agencies.count))
            part.tasks.append(PlanTask(document: document, level: r.level, number: r.number, label: r.label,
                                       indicator: r.indicator, direction: r.direction, text: r.text, deadline: r.deadline,
                                       sourceLine: r.sourceLine, sourcePlace: r.place, review: r.review))
        }
        return part
    }

    /// The graph id of each of a part's distinct names, adding the agencies the graph does not hold
    /// yet: by registry index for a registry's canonical name (no hashing here), by name for any other.
    func graphIDs(of part: DocumentPart, builder: inout ResponsibilityGraphBuilder, byRegistryIndex idOfRegistryIndex: inout [Int32],
                  byName idOfOtherName: inout NameIndex) -> [Int32] {
        var global = [Int32](repeating: 0, count: part.names.count)
        for k in part.names.indices {
            let r = Int(part.registryIndices[k])
            if r >= 0 {
                if idOfRegistryIndex[r] < 0 { idOfRegistryIndex[r] = builder.addAgency(registry.agencies[r]).rawValue }
                global[k] = idOfRegistryIndex[r]
            } else if let known = idOfOtherName[part.names[k]] {
                global[k] = known
            } else {
                global[k] = builder.addAgency(agency(named: part.names[k])).rawValue
                idOfOtherName.insert(part.names[k], value: global[k])
            }
        }
        return global
    }

    /// One document's rows as ``graph(consuming:)`` joins them: its tasks, its distinct names, and
    /// each task's leads then supporters as indices into those names.
    struct DocumentPart {
        var tasks: [PlanTask] = []
        var names: [String] = []
        /// Per name, its index in the registry when it is a registry agency's canonical name, else -1.
        var registryIndices: [Int32] = []
        var agencies: [Int32] = []
        /// Per task, the end of its leads in ``agencies``.
        var leadEnds: [Int32] = []
        /// Per task, the end of its supporters in ``agencies``.
        var supportEnds: [Int32] = []
    }

    /// The registry index of a registry agency's canonical name (not an alias), or -1.
    private func canonicalRegistryIndex(of name: String) -> Int32 {
        guard let r = registry.index(of: name), NameKey(registry.agencies[r].name) == NameKey(name) else { return -1 }
        return Int32(r)
    }

    private func agency(named name: String) -> Agency {
        registry.agency(named: name) ?? Agency(name: name, kind: AgencyKindInference.infer(name)?.kind ?? .unknown)
    }
}
