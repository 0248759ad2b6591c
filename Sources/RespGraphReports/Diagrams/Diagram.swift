import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// A report that cannot be made from the data it was given (an indicator no task is under, an agency
/// outside the network drawn), said in words a user can act on.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// An error with this message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// A Graphviz diagram as `respgraph dot` draws it: the tasks view or an agency network, scoped to
/// an indicator or an agency's ego network, and cut to what stays readable (the heaviest agencies,
/// an ego's strongest partners, the links of at least a threshold) with a note for every cut.
public struct Diagram: Sendable {
    /// What a diagram draws.
    public enum View: Sendable, Equatable {
        /// Agencies and tasks, one edge per assignment.
        case tasks
        /// Agencies linked by shared tasks.
        case coAssignment
        /// Each lead linked to each supporter of its task.
        case dependency
    }

    /// What a drawn agency network is, for its title.
    static func networkName(directed: Bool) -> Bilingual {
        directed ? Bilingual("依赖网络（牵头→配合）", "dependency network (lead → supporter)") : Bilingual("共同任务网络", "co-assignment network")
    }

    /// The title's note on a diagram cut to its `top` heaviest agencies.
    static func heaviest(_ top: Int) -> Bilingual { Bilingual(" · 负荷最重的 \(top) 个", " · top \(top)") }

    /// What to draw and how much of it.
    public struct Request: Sendable {
        /// The view.
        public var view: View
        /// Only tasks under an indicator whose name holds this.
        public var indicator: String?
        /// The centre of an ego network.
        public var center: AgencyID?
        /// How many hops out from the centre.
        public var depth = 1
        /// Only the N heaviest agencies (nil: as many as stay readable, unless `all`).
        public var top: Int?
        /// Draw everything in scope, however large.
        public var all = false
        /// Networks: only links of at least this many shared tasks (nil: the least that keeps three links per agency).
        public var minWeight: Double?
        /// The layout program asked for (nil: dot for tasks, neato for networks, twopi for an ego).
        public var layout: String?
        /// The agencies a network keeps.
        public var selection: AgencyNetwork.Selection
        /// Fonts, language, resolution, link labels and clusters for the writer.
        public var options: DOTWriter.Options

        /// A request for a view, keeping the agencies `selection` admits.
        public init(view: View, selection: AgencyNetwork.Selection, options: DOTWriter.Options) {
            (self.view, self.selection, self.options) = (view, selection, options)
        }
    }

    /// The DOT text.
    public var dot: String
    /// The layout program it is meant for.
    public var layout: String
    /// What was left out and how to draw it, one line each.
    public var notes: [String]

    /// Past these sizes a diagram is cut to the heaviest agencies unless `all` or `top` says otherwise.
    public static let readableTasks = 40
    /// Past this many agencies a network is cut to the heaviest.
    public static let readableAgencies = 24
    /// Past this many tasks the tasks view draws columns of tasks per lead.
    public static let compactAbove = 12
    /// An ego network draws this many of the centre's strongest partners unless `all` or `top` says otherwise.
    public static let egoPartners = 20

    /// The diagram a request asks for.
    ///
    /// - Complexity: O(T·A) for the default cut of the tasks view (T tasks, A agencies tried), else
    ///   linear in the network's links after it is built.
    public static func draw(_ graph: ResponsibilityGraph, _ request: Request) throws(ReportError) -> Diagram {
        var scoped = try Scoped(graph, request)
        let dot = request.view == .tasks ? scoped.tasksView() : try scoped.networkView()
        var notes = scoped.notes
        if let note = ForbiddenCharacters.note(for: graph) { notes.append(note) }
        return Diagram(dot: dot, layout: scoped.options.layout, notes: notes)
    }

    /// A diagram's scope as it is narrowed: tasks, title, notes and the writer's options.
    private struct Scoped {
        let graph: ResponsibilityGraph
        let request: Request
        var options: DOTWriter.Options
        var tasks: [TaskID]
        var scope: String
        var notes: [String] = []
        var ego: EgoNetwork?
        let loads: [AgencyLoad]

        init(_ graph: ResponsibilityGraph, _ request: Request) throws(ReportError) {
            (self.graph, self.request, options) = (graph, request, request.options)
            options.layout = request.layout ?? (request.view == .tasks ? "dot" : "neato")
            loads = Workload.ranked(Workload.loads(in: graph), in: graph).filter { request.selection.admits(graph[$0.agency]) }
            tasks = graph.taskIDs
            scope = graph.documents.map(\.id).joined(separator: " + ")
            if let x = request.indicator {
                tasks = graph.tasks(underIndicator: x, among: tasks)
                if tasks.isEmpty { throw ReportError("no task under an indicator containing '\(x)'") }
                scope += " · \(x)"
            }
            if let center = request.center { narrowToEgo(center) }
        }

        func t(_ zh: String, _ en: String) -> String { Bilingual(zh, en)[options.lang] }

        /// The centre's ego network: the tasks view draws every agency of a drawn task, networks keep to the selection.
        mutating func narrowToEgo(_ center: AgencyID) {
            options.highlighted = [center]
            let inScope = Set(tasks)
            let (graph, request) = (graph, request)
            let e = EgoNetwork(of: center, depth: request.depth, in: graph, inScope: { inScope.contains($0) },
                               admits: { request.view == .tasks || request.selection.admits(graph[$0]) })
            ego = e
            tasks = tasks.filter { e.tasks.contains($0) }
            scope += " · \(graph[center].name)" + (request.depth > 1 ? t("（\(request.depth) 步）", " (depth \(request.depth))") : "")
        }

        /// The tasks view: cut to the tasks the heaviest agencies lead, in columns per lead past a dozen tasks.
        mutating func tasksView() -> String {
            let defaultTop = !request.all && tasks.count > readableTasks ? Diagram.defaultTop(tasks, loads, graph) : nil
            if let top = request.top ?? defaultTop {
                let keep = Set(loads.prefix(top).map(\.agency))
                let kept = tasks.filter { t in graph.agencies(of: t, role: .lead).contains { keep.contains($0) } }
                if request.top == nil {
                    notes.append("respgraph: the diagram would show \(tasks.count) tasks; drawing the \(kept.count) led by the \(top) "
                        + "heaviest "
                                 + "agencies. --top N draws more, --all draws all \(tasks.count).")
                }
                tasks = kept
                scope += Diagram.heaviest(top)[options.lang]
            }
            options.title = "\(scope) · " + t("任务分工：\(tasks.count) 项任务", "agencies and tasks: \(tasks.count) tasks")
            // Past a dozen tasks the bipartite drawing becomes a tall strip: columns of tasks per lead instead.
            if tasks.count > compactAbove && request.layout == nil && !options.clusterByIndicator {
                options.title += t("（按牵头单位分栏）", " (a column per lead)")
                return DOTWriter.taskColumns(graph, tasks: tasks, options: options)
            }
            return DOTWriter.agencyTask(graph, tasks: tasks, options: options)
        }

        /// An agency network: an ego's strongest partners, or the heaviest agencies, with the links that keep it readable.
        mutating func networkView() throws(ReportError) -> String {
            let kind: AgencyNetwork.Kind = request.view == .dependency ? .dependency : .coAssignment
            let network = request.indicator != nil
                ? AgencyNetwork.restricted(kind, of: graph, to: Set(tasks), selection: request.selection)
                : (kind == .dependency ? AgencyNetwork.dependency(graph, selection: request.selection)
                                       : AgencyNetwork.coAssignment(graph, selection: request.selection))
            var keep = Set(network.agencies)
            var egoNode: Int? = nil
            if let ego, ego.hops <= 1 || request.depth == 1, let center = options.highlighted.first {
                egoNode = try keepStrongestPartners(of: center, in: network, keep: &keep)
            }
            if egoNode == nil { keepHeaviest(&keep) }
            let nodes = network.agencies.indices.filter { keep.contains(network.agencies[$0]) }
            let agencies = nodes.map { network.agencies[$0] }
            let (drawn, faint, used) = links(of: network, among: nodes, centre: egoNode.flatMap { nodes.firstIndex(of: $0) })
            let what = Diagram.networkName(directed: network.isDirected)[options.lang]
            let shownThreshold = used > 1 ? t(" · 关系 ≥ \(NumberStyle.plain(used)) 项任务", " · links ≥ \(NumberStyle.plain(used)) tasks") : ""
            options.title = "\(scope) · \(what)\(shownThreshold)" + t("：\(agencies.count) 个机构，\(drawn.count) 条关系",
                                                                      ": \(agencies.count) agencies, \(drawn.count) links")
            let weighted = Dictionary(uniqueKeysWithValues: Workload.loads(in: graph).map { ($0.agency, $0.weighted) })
            return DOTWriter.network(graph, agencies: agencies, links: drawn, faint: faint, loads: weighted, directed: network.isDirected,
                                     options: options)
        }

        /// The ego view (depth 1): the agency at the centre, its strongest partners, every one of its own ties.
        mutating func keepStrongestPartners(of center: AgencyID, in network: AgencyNetwork,
                                            keep: inout Set<AgencyID>) throws(ReportError) -> Int {
            guard let c = network.agencies.firstIndex(of: center) else {
                throw ReportError("\(graph[center].name) is not in the \(t("网络", "network")) (a collective placeholder is left out unless "
                    + "--include-collectives)")
            }
            var tie: [Int: Double] = [:]
            for e in network.range(of: c) { tie[Int(network.targets[e]), default: 0] += network.weights[e] }
            if network.isDirected { for e in network.inRange(of: c) { tie[Int(network.inTargets[e]), default: 0] += network.inWeights[e] } }
            let graph = graph
            let name = { (v: Int) in graph[network.agencies[v]].name }
            let partners = tie.keys.sorted { (tie[$0]!, name($1)) > (tie[$1]!, name($0)) }
            let limit = request.top ?? (request.all ? partners.count : egoPartners)
            if request.top == nil && !request.all && partners.count > limit {
                notes.append("respgraph: \(graph[center].name) has \(partners.count) partners; drawing the \(limit) strongest ties. --top "
                    + "N draws more, --all draws all.")
            }
            keep = Set(([c] + partners.prefix(limit)).map { network.agencies[$0] })
            if options.layout == "neato" && request.layout == nil { options.layout = "twopi"; options.root = center }
            return c
        }

        /// The heaviest agencies of a network too large to read (and the highlighted ones).
        mutating func keepHeaviest(_ keep: inout Set<AgencyID>) {
            let inScope = loads.filter { keep.contains($0.agency) }
            guard let top = request.top ?? (!request.all && keep.count > readableAgencies ? readableAgencies : nil) else { return }
            let kept = Set(inScope.prefix(top).map(\.agency)).union(options.highlighted.intersection(keep))
            if request.top == nil {
                notes.append("respgraph: the network has \(keep.count) agencies; drawing the \(kept.count) heaviest. --top N draws more, "
                    + "--all draws all \(keep.count).")
            }
            keep = kept
            scope += Diagram.heaviest(top)[options.lang]
        }

        /// The links drawn, those drawn faint, and the threshold used; every one of an ego centre's own ties is drawn.
        mutating func links(of network: AgencyNetwork, among nodes: [Int], centre: Int?)
            -> (drawn: [(Int, Int, Double)], faint: [(Int, Int, Double)], used: Double) {
            var (drawn, faint, used, dropped) = network.diagramLinks(among: nodes, threshold: request.minWeight)
            if let centre {
                func touchesCentre(_ l: (Int, Int, Double)) -> Bool { l.0 == centre || l.1 == centre }
                let all = network.diagramLinks(among: nodes, threshold: 0).links
                drawn = all.filter { touchesCentre($0) || $0.2 >= used }
                faint.removeAll(where: touchesCentre)
                dropped = all.count - drawn.count
            }
            if dropped > 0 {
                notes.append("respgraph: \(dropped) links of fewer than \(NumberStyle.plain(used)) tasks left out (\(faint.count) drawn "
                    + "faint as an "
                             + "agency's strongest tie); --min-weight 1 draws them.")
            }
            return (drawn, faint, used)
        }
    }

    /// The largest number of heaviest agencies whose led tasks fit a readable diagram (at least one).
    static func defaultTop(_ tasks: [TaskID], _ loads: [AgencyLoad], _ graph: ResponsibilityGraph) -> Int {
        var keep = Set<AgencyID>()
        var best = 1
        for (i, l) in loads.enumerated() {
            keep.insert(l.agency)
            let count = tasks.filter { t in graph.agencies(of: t, role: .lead).contains { keep.contains($0) } }.count
            if count > readableTasks { break }
            best = i + 1
        }
        return best
    }
}

extension Diagram {
    /// Two or more documents' networks drawn with every agency in the same place: the union's
    /// heaviest agencies (by the latest name of each, so a renamed agency keeps one place) are laid
    /// out once by `place` (Graphviz's neato, as `-Tplain` text), and each document is drawn with
    /// those positions pinned.
    ///
    /// - Parameters:
    ///   - union: the documents together; `documents` are their ids, each drawn alone.
    ///   - latestName: the current name of an agency (the registry's lineage).
    ///   - place: lays out a DOT text and returns Graphviz's `-Tplain` output, nil when it cannot.
    public static func sameLayout(_ union: ResponsibilityGraph, documents: [String], _ request: Request,
                                  latestName: (String) -> String,
                                  place: (String) -> String?) throws(ReportError) -> [(document: String, diagram: Diagram)] {
        guard request.view != .tasks else { throw ReportError("the same layout draws the agency networks; the tasks view has no shared "
            + "agencies' places") }
        var graphs: [ResponsibilityGraph] = []
        for id in documents {
            do { graphs.append(try union.filtered(matching: [id])) } catch { throw ReportError(error.message) }
        }
        func build(_ g: ResponsibilityGraph) -> AgencyNetwork {
            request.view == .dependency ? AgencyNetwork.dependency(g,
                                                                   selection: request.selection) : AgencyNetwork.coAssignment(g,
                selection: request.selection)
        }
        var options = request.options
        options.layout = "neato"
        func t(_ zh: String, _ en: String) -> String { Bilingual(zh, en)[options.lang] }
        // The agencies drawn: the heaviest over all documents, by the latest name of each.
        let top = request.top ?? (request.all ? Int.max : readableAgencies)
        var combined: [String: Double] = [:]
        for l in Workload.loads(in: union) where request.selection.admits(union[l.agency]) {
            combined[latestName(union[l.agency].name), default: 0] += l.weighted
        }
        let keepNames = Set(combined.keys.sorted { (combined[$0]!, $1) > (combined[$1]!, $0) }.prefix(top))
        // Lay out the union once.
        let unionNetwork = build(union)
        let unionNodes = unionNetwork.agencies.indices.filter { keepNames.contains(latestName(union[unionNetwork.agencies[$0]].name)) }
        let unionLoads = Dictionary(uniqueKeysWithValues: Workload.loads(in: union).map { ($0.agency, $0.weighted) })
        let unionLinks = unionNetwork.diagramLinks(among: unionNodes, threshold: nil)
        let unionDOT = DOTWriter.network(union, agencies: unionNodes.map { unionNetwork.agencies[$0] }, links: unionLinks.links,
                                         faint: unionLinks.faint, loads: unionLoads, directed: unionNetwork.isDirected, options: options)
        guard let plain = place(unionDOT) else { throw ReportError("the same layout needs Graphviz's neato to place the agencies") }
        var position: [String: (Double, Double)] = [:]
        for (agency, xy) in DOTWriter.agencyPositions(plain: plain) where agency.index < union.agencies.count {
            let name = union[agency].name
            if position[latestName(name)] == nil || latestName(name) == name { position[latestName(name)] = xy }
        }
        var out: [(document: String, diagram: Diagram)] = []
        for (id, g) in zip(documents, graphs) {
            let net = build(g)
            let nodes = net.agencies.indices.filter { keepNames.contains(latestName(g[net.agencies[$0]].name)) }
            var drawing = options
            drawing.pinned = Dictionary(uniqueKeysWithValues: nodes.compactMap { v in
                position[latestName(g[net.agencies[v]].name)].map { (net.agencies[v], $0) }
            })
            let links = net.diagramLinks(among: nodes, threshold: request.minWeight ?? unionLinks.threshold)
            let what = Diagram.networkName(directed: net.isDirected)[options.lang]
            drawing.title = "\(id) · \(what) · " + t("与 \(documents.joined(separator: "、")) 同一布局：\(nodes.count) "
                + "个机构，\(links.links.count) 条关系",
                                                     "same layout as \(documents.joined(separator: ", ")): \(nodes.count) "
                                                         + "agencies, \(links.links.count) links")
            let weighted = Dictionary(uniqueKeysWithValues: Workload.loads(in: g).map { ($0.agency, $0.weighted) })
            let dot = DOTWriter.network(g, agencies: nodes.map { net.agencies[$0] }, links: links.links, faint: links.faint,
                                        loads: weighted,
                                        directed: net.isDirected, options: drawing)
            out.append((id, Diagram(dot: dot, layout: "neato", notes: [])))
        }
        return out
    }
}
