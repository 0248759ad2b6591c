import Foundation
import RespGraphModel

/// Graphviz DOT for the agency–task graph and the agency networks, with Chinese labels legible and
/// plain-ASCII node ids.
///
/// In the agency–task graph agencies are boxes filled by kind and tasks ellipses labelled with their
/// key and a shortened text, lead edges solid and bold, support edges dashed (or, for many tasks,
/// columns of tasks per lead); in the agency networks agencies are circles whose area is their load
/// and links are as wide as their weight, with keys for both.
/// Labels are escaped so no name can break the file: `"` and `\` are escaped (so `\N`, `\G`, `\l`
/// in a name stay literal and a trailing backslash cannot eat the closing quote), line breaks
/// become label line breaks; names never go into HTML-like labels (only the legend, respgraph's own
/// text, is one), so `<>{}&` in a name need nothing.
/// The same input always gives byte-identical DOT.
///
/// - Reference: the DOT language, https://graphviz.org/doc/info/lang.html; escString,
///   https://graphviz.org/docs/attr-types/escString/
public enum DOTWriter {
    /// Drawing options.
    public struct Options: Sendable {
        /// The layout program: dot, neato, sfdp (also fdp, circo, twopi).
        public var layout: String
        /// A comma-separated font list; the first one installed is used.
        public var font: String
        /// One cluster (box) per indicator, for the agency–task graph.
        public var clusterByIndicator: Bool
        /// A title drawn at the top.
        public var title: String
        /// How many display columns a label line takes before it wraps (about 9 Han characters).
        public var wrapWidth: Int
        /// Agencies drawn with a heavy border (the centre of an ego network).
        public var highlighted: Set<AgencyID> = []
        /// `zh` or `en`: the language of the title, legend and keys (names are as written).
        public var lang = Language.zh
        /// Whether network links carry their weight as a label.
        public var linkLabels = false
        /// Dots per inch for bitmap output (Graphviz's `dpi`), nil for Graphviz's default.
        public var dpi: Int? = nil
        /// Pinned positions (inches) by agency: the layout program keeps them (`pos="x,y!"`), so two
        /// diagrams drawn with the same positions can be compared by eye.
        public var pinned: [AgencyID: (Double, Double)] = [:]

        /// The agency a radial layout (twopi) puts at the centre.
        public var root: AgencyID? = nil

        /// A label in the chosen language.
        func t(_ zh: String, _ en: String) -> String { Bilingual(zh, en)[lang] }

        /// Fonts that cover Chinese on Linux, Windows and macOS, in that order.
        public static let chineseFonts = "Noto Sans CJK SC,Source Han Sans SC,Microsoft YaHei,PingFang SC,SimHei"

        /// Creates options.
        public init(layout: String = "dot", font: String = Options.chineseFonts, clusterByIndicator: Bool = false,
                    title: String = "", wrapWidth: Int = 18) {
            self.layout = layout
            self.font = font
            self.clusterByIndicator = clusterByIndicator
            self.title = title
            self.wrapWidth = wrapWidth
        }
    }

    /// The fill colour of each kind: the Okabe–Ito palette, chosen to stay distinguishable for
    /// viewers with protanopia, deuteranopia or tritanopia (a test checks every pair under simulated
    /// colour-vision deficiency), with grey for collectives and white for unregistered names.
    ///
    /// - Reference: M. Okabe, K. Ito, "Color Universal Design", 2008, https://jfly.uni-koeln.de/color/
    public static func color(of kind: AgencyKind) -> String {
        switch kind {
        case .regionalDepartment: "#56B4E9"
        case .partyOrgan: "#D55E00"
        case .centralBody: "#009E73"
        case .judicial: "#CC79A7"
        case .enterprise: "#E69F00"
        case .municipalGovernment: "#F0E442"
        case .association: "#0072B2"
        case .collective: "#BBBBBB"
        case .unknown: "#FFFFFF"
        }
    }

    /// Black or white, whichever reads better on a kind's fill (WCAG relative luminance).
    public static func textColor(on fill: String) -> String {
        let channels = [1, 3, 5].map { Double(Int(fill.dropFirst($0).prefix(2), radix: 16) ?? 255) / 255 }
        let linear = channels.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        let luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        return luminance < 0.18 ? "#FFFFFF" : "#000000"
    }

    /// A DOT double-quoted string of label text: `"` and `\` escaped, line breaks as `\n`.
    public static func quoted(_ text: String) -> String {
        quotedLines(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// Several label lines as one DOT string, joined by centred line breaks.
    static func quotedLines(_ lines: [String]) -> String {
        "\"" + lines.map(escape).joined(separator: "\\n") + "\""
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\r": break
            default:
                // Control characters, surrogates and the non-characters U+FFFE/U+FFFF would make
                // Graphviz's SVG ill-formed XML: a space or U+FFFD instead.
                let v = scalar.value
                if v < 0x20 {
                    out += " "
                } else if v == 0xFFFE || v == 0xFFFF || (0xFDD0...0xFDEF).contains(v) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Breaks text into lines of at most `width` display columns (Han characters count two).
    static func wrap(_ text: String, width: Int, maxLines: Int = 4) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", used = 0
            for c in paragraph {
                let w = c.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
                if used + w > width && !line.isEmpty { lines.append(line); line = ""; used = 0 }
                line.append(c)
                used += w
            }
            lines.append(line)
        }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] += "…"
        }
        return lines
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: true
        default: false
        }
    }

    static func header(_ name: String, directed: Bool, _ options: Options) -> String {
        var out = "\(directed ? "digraph" : "graph") \(name) {\n"
        out += "  graph [charset=\"UTF-8\", layout=\(quoted(options.layout)), fontname=\(quoted(options.font)), fontsize=12"
        if options.layout == "dot" { out += ", rankdir=LR, nodesep=0.15, ranksep=0.6" } else { out += ", overlap=prism, "
            + "overlap_scaling=2, sep=\"+6\", splines=false" }
        if !options.title.isEmpty { out += ", label=\(quoted(options.title)), labelloc=t, fontsize=16" }
        if let dpi = options.dpi { out += ", dpi=\(dpi)" }
        if let root = options.root { out += ", root=\(GraphElements.id(of: root)), ranksep=1.6" }
        if options.layout != "dot" { out += ", forcelabels=true" }
        out += "];\n"
        out += "  node [fontname=\(quoted(options.font)), fontsize=10, margin=\"0.08,0.04\"];\n"
        out += "  edge [fontname=\(quoted(options.font)), fontsize=9, color=\"#555555\"];\n"
        return out
    }

    static func agencyNode(_ id: AgencyID, _ agency: Agency, _ options: Options) -> String {
        let border = options.highlighted.contains(id) ? ", penwidth=3.5, fontsize=12" : ""
        let fill = color(of: agency.kind)
        return "\(GraphElements.id(of: id)) [shape=box, style=\"filled,rounded\", fillcolor=\"\(fill)\", "
            + "fontcolor=\"\(textColor(on: fill))\"\(border), label=\(quotedLines(wrap(agency.name, width: options.wrapWidth)))];\n"
    }

    /// The legend: one node with an HTML-like table (colour swatches per kind, then the edge styles),
    /// which every layout program places like any node. Its text is respgraph's own, XML-escaped.
    static func legend(kinds: [AgencyKind], edges: [String], lang: Language = .zh) -> String {
        func xml(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<",
                                                                                with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var rows = "<TR><TD COLSPAN=\"2\"><B>\(Bilingual("图例", "Legend")[lang])</B></TD></TR>"
        for k in kinds {
            rows += "<TR><TD BGCOLOR=\"\(color(of: k))\" WIDTH=\"18\"> </TD><TD "
                + "ALIGN=\"LEFT\">\(xml(Bilingual(k.chineseName, k.rawValue.replacingOccurrences(of: "-", with: " "))[lang]))</TD></TR>"
        }
        for e in edges { rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">\(xml(e))</TD></TR>" }
        return "  legend [shape=plaintext, fontsize=9, label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" "
            + "CELLPADDING=\"3\">\(rows)</TABLE>>];\n"
    }

    /// The agency–task graph of some tasks: agencies (boxes by kind) → tasks (ellipses), lead solid
    /// and bold, support dashed; optionally a cluster per indicator.
    public static func agencyTask(_ graph: ResponsibilityGraph, tasks: [TaskID], options: Options = Options()) -> String {
        var out = header("respgraph_tasks", directed: true, options)
        var agencies = Set<AgencyID>()
        for t in tasks { agencies.formUnion(graph.agencies(of: t)) }
        let sortedAgencies = agencies.sorted()
        for a in sortedAgencies { out += "  " + agencyNode(a, graph[a], options) }
        func taskNode(_ t: TaskID, indent: String) -> String { DOTWriter.taskNode(t, graph, options, indent: indent) }
        if options.clusterByIndicator {
            var order: [String] = []
            var groups: [String: [TaskID]] = [:]
            for t in tasks {
                if groups[graph[t].indicator] == nil { order.append(graph[t].indicator) }
                groups[graph[t].indicator, default: []].append(t)
            }
            for (i, indicator) in order.enumerated() {
                out += "  subgraph cluster_\(i) {\n    label=\(quoted(indicator)); style=\"rounded,filled\"; fillcolor=\"#fcfcf4\"; "
                    + "color=\"#bbbbbb\";\n"
                for t in groups[indicator]! { out += taskNode(t, indent: "    ") }
                out += "  }\n"
            }
        } else {
            for t in tasks { out += taskNode(t, indent: "  ") }
        }
        for t in tasks {
            for e in Int(graph.taskOffsets[t.index])..<Int(graph.taskOffsets[t.index + 1]) {
                let a = AgencyID(Int(graph.taskAgencies[e]))
                // Leads point into the task from the left; supporters hang off its right (drawn
                // task → agency without an arrow), so a layered layout puts them in separate columns.
                if graph.taskRoles[e] == .lead {
                    out += "  \(GraphElements.id(of: a)) -> \(GraphElements.id(of: t, in: graph)) [style=bold, penwidth=2, "
                        + "color=\"#222222\", arrowsize=0.6];\n"
                } else {
                    out += "  \(GraphElements.id(of: t, in: graph)) -> \(GraphElements.id(of: a)) [style=dashed, color=\"#777777\", "
                        + "dir=none];\n"
                }
            }
        }
        // Three columns in a layered layout: agencies that lead a task here, the tasks, the agencies
        // that only support here.
        if options.layout == "dot" && !options.clusterByIndicator {
            let leading = Set(tasks.flatMap { graph.agencies(of: $0, role: .lead) })
            out += "  { rank=min; " + sortedAgencies.filter { leading.contains($0) }.map { GraphElements.id(of: $0) + ";" }
                .joined(separator: " ") + " }\n"
            out += "  { rank=same; " + tasks.map { GraphElements.id(of: $0, in: graph) + ";" }.joined(separator: " ") + " }\n"
            let supportersOnly = sortedAgencies.filter { !leading.contains($0) }
            if !supportersOnly.isEmpty {
                out += "  { rank=max; " + supportersOnly.map { GraphElements.id(of: $0) + ";" }.joined(separator: " ") + " }\n"
            }
        }
        let kinds = AgencyKind.allCases.filter { k in sortedAgencies.contains { graph[$0].kind == k } }
        out += legend(kinds: kinds, edges: [Legend.lead[options.lang], Legend.support[options.lang],
                                            Legend.task[options.lang]], lang: options.lang)
        out += "}\n"
        return out
    }

    /// A task's node: its key and the start of its text, in a grey ellipse.
    static func taskNode(_ t: TaskID, _ graph: ResponsibilityGraph, _ options: Options, indent: String) -> String {
        let task = graph[t]
        let text = task.text.isEmpty ? task.direction : task.text
        let short = text.count > 24 ? String(text.prefix(23)) + "…" : text
        return "\(indent)\(GraphElements.id(of: t, in: graph)) [shape=ellipse, style=filled, fillcolor=\"#f7f7f7\", "
            + "label=\(quotedLines([graph.key(of: t)] + wrap(short, width: options.wrapWidth + 6, maxLines: 3)))];\n"
    }

    /// The agency–task graph in a compact form for many tasks: one column per leading agency (a box
    /// in its kind's colour, heaviest first) holding its led tasks, at most `perColumn` to a column
    /// before wrapping into the next; each task names its co-leads and counts its supporters. Columns
    /// sit side by side, so forty tasks make a page, not a strip.
    public static func taskColumns(_ graph: ResponsibilityGraph, tasks: [TaskID], options: Options = Options(),
                                   perColumn: Int = 8) -> String {
        var out = "digraph respgraph_task_columns {\n"
        out += "  graph [charset=\"UTF-8\", layout=dot, rankdir=TB, newrank=true, nodesep=0.12, ranksep=0.12, "
            + "fontname=\(quoted(options.font)), fontsize=12"
        if !options.title.isEmpty { out += ", label=\(quoted(options.title)), labelloc=t, fontsize=16" }
        if let dpi = options.dpi { out += ", dpi=\(dpi)" }
        out += "];\n  node [fontname=\(quoted(options.font)), fontsize=9, shape=box, style=\"rounded,filled\", fillcolor=\"#f7f7f7\", "
            + "color=\"#999999\", width=2.2];\n"
        out += "  edge [style=invis];\n"
        // Each task under its first listed lead; leads ordered by the number of tasks they head here.
        var order: [AgencyID] = []
        var column: [AgencyID: [TaskID]] = [:]
        for t in tasks {
            guard let lead = graph.agencies(of: t, role: .lead).first else { continue }
            if column[lead] == nil { order.append(lead) }
            column[lead, default: []].append(t)
        }
        let unled = tasks.filter { graph.agencies(of: $0, role: .lead).isEmpty }
        order.sort { (column[$0]!.count, graph[$1].name) > (column[$1]!.count, graph[$0].name) }
        var tops: [String] = []
        for (k, lead) in order.enumerated() {
            let fill = color(of: graph[lead].kind)
            out += "  subgraph cluster_\(k) {\n    label=\(quotedLines(wrap(graph[lead].name, width: 24))); style=\"filled,rounded\"; "
                + "fillcolor=\"\(fill)33\"; color=\"\(fill)\"; penwidth=2; fontsize=11;\n"
            let items = column[lead]!
            var previous: [String] = []
            for (i, t) in items.enumerated() {
                let task = graph[t]
                let text = task.text.isEmpty ? task.direction : task.text
                let short = text.count > 30 ? String(text.prefix(29)) + "…" : text
                let coLeads = graph.agencies(of: t, role: .lead).dropFirst().map { graph[$0].name }
                var lines = [graph.key(of: t)] + wrap(short, width: 24, maxLines: 2)
                if !coLeads.isEmpty { lines += wrap(options.t("共同牵头：", "co-leads: ") + coLeads.joined(separator: "、"),
                                                    width: 30, maxLines: 2) }
                let supporters = graph.agencies(of: t, role: .support).count
                if supporters > 0 { lines.append(options.t("配合单位 \(supporters) 个", "\(supporters) supporters")) }
                let id = GraphElements.id(of: t, in: graph)
                out += "    \(id) [label=\(quotedLines(lines))];\n"
                // Tasks stack in sub-columns of `perColumn`, the sub-columns side by side.
                let sub = i / perColumn
                if sub < previous.count { out += "    \(previous[sub]) -> \(id);\n"; previous[sub] = id } else { previous.append(id);
                    if i == 0 { tops.append(id) } }
                if i % perColumn == 0,
                i > 0 { out += "    { rank=same; \(GraphElements.id(of: items[i - perColumn], in: graph)); \(id); }\n" }
            }
            out += "  }\n"
        }
        if !unled.isEmpty {
            out += "  subgraph cluster_unled {\n    label=\(quoted(Legend.noLead[options.lang])); style=dashed; color=\"#cc0000\";\n"
            for t in unled { out += "    \(GraphElements.id(of: t, in: graph)) [label=\(quoted(graph.key(of: t)))];\n" }
            out += "  }\n"
        }
        if tops.count > 1 { out += "  { rank=same; " + tops.joined(separator: "; ") + "; }\n" }
        let kinds = AgencyKind.allCases.filter { k in order.contains { graph[$0].kind == k } }
        out += legend(kinds: kinds,
                      edges: [Legend.column[options.lang]], lang: options.lang)
        out += "}\n"
        return out
    }

    /// An agency network: agencies as circles whose area is proportional to their weighted load
    /// (`loads`, by agency; names beside them), filled by kind; links as wide as their weight
    /// (arrows lead → supporter when directed), and `faint` links — below the threshold but an
    /// agency's strongest tie — thin and grey, so no agency with ties looks isolated. A key shows
    /// three node sizes and the thinnest and widest line with their values.
    /// `links` and `faint` are (node, node, weight) over `agencies`.
    public static func network(_ graph: ResponsibilityGraph, agencies: [AgencyID], links: [(Int, Int, Double)],
                               faint: [(Int, Int, Double)] = [],
                               loads: [AgencyID: Double] = [:], directed: Bool, options: Options = Options()) -> String {
        var out = header(directed ? "respgraph_dependency" : "respgraph_coassign", directed: directed, options)
        let maxLoad = max(1, agencies.compactMap { loads[$0] }.max() ?? 1)
        func diameter(_ load: Double) -> Double { circleDiameter(load, maxLoad: maxLoad) }
        for a in agencies {
            let fill = color(of: graph[a].kind)
            let border = options.highlighted.contains(a) ? "penwidth=3.5, color=\"#000000\", " : "color=\"#333333\", "
            var pin = ""
            if let (x, y) = options.pinned[a] { pin = ", pos=\"\(String(format: "%.3f", x)),\(String(format: "%.3f", y))!\"" }
            out += "  \(GraphElements.id(of: a)) [shape=circle, fixedsize=true, width=\(String(format: "%.3f", diameter(loads[a] ?? 0))), "
                + "style=filled, fillcolor=\"\(fill)\", \(border)label=\"\", "
                + "xlabel=\(quotedLines(wrap(graph[a].name, width: options.wrapWidth))), "
                + "tooltip=\(quoted("\(graph[a].name): \(Legend.weightedLoad[options.lang]) \(plain(loads[a] ?? 0))"))\(pin)];\n"
        }
        let weights = links.map(\.2)
        let lo = weights.min() ?? 1, hi = weights.max() ?? 1
        func width(_ w: Double) -> Double { lineWidth(w, lo: lo, hi: hi) }
        let arrow = directed ? "->" : "--"
        for (u, v, w) in links {
            let label = options.linkLabels ? ", label=\(quoted(plain(w))), fontcolor=\"#333333\"" : ""
            let tooltip = quoted("\(graph[agencies[u]].name) – \(graph[agencies[v]].name): \(plain(w))")
            out += "  \(GraphElements.id(of: agencies[u])) \(arrow) \(GraphElements.id(of: agencies[v])) "
                + "[penwidth=\(String(format: "%.2f", width(w))), color=\"#4a6a8acc\", "
                + "tooltip=\(tooltip)\(directed ? ", arrowsize=0.7" : "")\(label)];\n"
        }
        for (u, v, w) in faint {
            let tooltip = quoted("\(graph[agencies[u]].name) – \(graph[agencies[v]].name): \(plain(w))")
            out += "  \(GraphElements.id(of: agencies[u])) \(arrow) \(GraphElements.id(of: agencies[v])) [penwidth=0.5, "
                + "color=\"#aaaaaa\", style=dashed, tooltip=\(tooltip)\(directed ? ", arrowsize=0.5" : "")];\n"
        }
        // With pinned agencies the key and legend are pinned too, to the right of them, so nothing overlaps.
        let pinnedX = options.pinned.values.map(\.0), pinnedY = options.pinned.values.map(\.1)
        out += networkKey(maxLoad: maxLoad, lines: (lo, hi), directed: directed, options: options)
        let kinds = AgencyKind.allCases.filter { k in agencies.contains { graph[$0].kind == k } }
        var edgeLegend = [directed ? Legend.dependencyLine[options.lang]
                                   : Legend.sharedLine[options.lang]]
        if !faint.isEmpty { edgeLegend.append(Legend.faintLine[options.lang]) }
        var legendNode = legend(kinds: kinds, edges: edgeLegend, lang: options.lang)
        if let minY = pinnedY.min(), let maxX = pinnedX.max() {
            let place = "\(String(format: "%.3f", maxX + 4.4)),\(String(format: "%.3f", minY + 1))"
            legendNode = legendNode.replacingOccurrences(of: "];\n", with: ", pos=\"\(place)!\"];\n")
        }
        out += legendNode
        out += "}\n"
        return out
    }

    /// Area ∝ load: the heaviest agency gets a 1.1-inch circle; no circle under 0.18 inch.
    static func circleDiameter(_ load: Double, maxLoad: Double) -> Double { max(0.18, 1.1 * (load / maxLoad).squareRoot()) }

    /// Line width from 0.6 (the lightest link, `lo`) to 5 points (the heaviest, `hi`).
    static func lineWidth(_ w: Double, lo: Double, hi: Double) -> Double { hi > lo ? 0.6 + 4.4 * (w - lo) / (hi - lo) : 1.5 }

    /// The key of a network diagram, a component of its own: three circle sizes and the thinnest and
    /// widest line with their values; pinned right of the pinned agencies when there are any.
    static func networkKey(maxLoad: Double, lines: (lo: Double, hi: Double), directed: Bool, options: Options) -> String {
        let (lo, hi) = lines
        let arrow = directed ? "->" : "--"
        let pinnedX = options.pinned.values.map(\.0), pinnedY = options.pinned.values.map(\.1)
        var out = ""
        func pinnedAt(_ row: Double) -> String {
            guard let maxX = pinnedX.max(), let maxY = pinnedY.max() else { return "" }
            return ", pos=\"\(String(format: "%.3f", maxX + 2.2)),\(String(format: "%.3f", maxY - row))!\""
        }
        // The key: three circle sizes and the line widths, a component of its own.
        let sizes = [maxLoad, maxLoad / 4, maxLoad / 16].map { ($0 * 2).rounded() / 2 }.filter { $0 > 0 }
        for (i, load) in sizes.enumerated() {
            out += "  key_size\(i) [shape=circle, fixedsize=true, "
                + "width=\(String(format: "%.3f", circleDiameter(load, maxLoad: maxLoad))), style=filled, fillcolor=\"#eeeeee\", "
                + "color=\"#888888\", label=\(quoted(plain(load))), fontsize=9\(pinnedAt(1.2 + Double(i) * 1.3))];\n"
        }
        let title = Legend.circleArea[options.lang]
        out += "  key_title [shape=plaintext, fontsize=10, label=\(quoted(title))\(pinnedAt(0))];\n"
        func pinnedPoint(_ dx: Double, _ row: Double) -> String {
            guard let maxX = pinnedX.max(), let maxY = pinnedY.max() else { return "" }
            return ", pos=\"\(String(format: "%.3f", maxX + 1.6 + dx)),\(String(format: "%.3f", maxY - row))!\""
        }
        out += "  key_lo_a [shape=point, width=0.05\(pinnedPoint(0, 4.6))]; key_lo_b [shape=point, width=0.05\(pinnedPoint(1.2, 4.6))];\n"
        out += "  key_hi_a [shape=point, width=0.05\(pinnedPoint(0, 5.3))]; key_hi_b [shape=point, width=0.05\(pinnedPoint(1.2, 5.3))];\n"
        let unit = directed ? Legend.dependencyUnit[options.lang] : Legend.sharedUnit[options.lang]
        for (end, w) in [("lo", lo), ("hi", hi)] {
            out += "  key_\(end)_a \(arrow) key_\(end)_b [dir=none, penwidth=\(String(format: "%.2f", lineWidth(w, lo: lo, hi: hi))), "
                + "color=\"#4a6a8acc\", label=\(quoted("\(plain(w)) \(unit)")), fontsize=9];\n"
        }
        let chain = ["key_title"] + sizes.indices.map { "key_size\($0)" } + ["key_lo_a", "key_hi_a"]
        for (x, y) in zip(chain, chain.dropFirst()) { out += "  \(x) \(arrow) \(y) [style=invis, len=0.6];\n" }
        return out
    }

    /// The words of the legends and keys, in both languages.
    public enum Legend {
        /// A lead assignment's line.
        public static let lead = Bilingual("━━ 牵头（粗线）", "━━ lead (bold)")
        /// A support assignment's line.
        public static let support = Bilingual("╌╌ 配合（虚线）", "╌╌ support (dashed)")
        /// A task's node.
        public static let task = Bilingual("○ 任务：编号与内容", "○ task: key and text")
        /// The column of tasks without a lead.
        public static let noLead = Bilingual("无牵头单位", "no lead")
        /// A column of the compact agency–task drawing.
        public static let column = Bilingual("每栏：一个牵头单位及其牵头的任务", "each column: a lead agency and the tasks it leads")
        /// What a node's size shows, in its tooltip.
        public static let weightedLoad = Bilingual("加权负荷", "weighted load")
        /// A dependency link.
        public static let dependencyLine = Bilingual("→ 牵头单位依靠配合单位：线宽 = 任务数", "→ lead relies on supporter: line width = tasks")
        /// A co-assignment link.
        public static let sharedLine = Bilingual("— 共同任务：线宽 = 任务数", "— shared tasks: line width = tasks")
        /// A faint link.
        public static let faintLine = Bilingual("╌ 灰色虚线：低于阈值的最强关系", "╌ grey dashed: strongest tie below the threshold")
        /// The key's title.
        public static let circleArea = Bilingual("圆面积 = 加权负荷\n（牵头 1、配合 0.5）", "circle area = weighted load\n(lead 1, support 0.5)")
        /// The unit of a dependency link's value.
        public static let dependencyUnit = Bilingual("项任务（牵头→配合）", "tasks (lead → supporter)")
        /// The unit of a co-assignment link's value.
        public static let sharedUnit = Bilingual("项共同任务", "shared tasks")
    }

    /// Where Graphviz placed the agencies of a drawing this writer made, read from its `-Tplain`
    /// output (`node a12 3.5 2.25 …`: the node id ``GraphElements/id(of:)`` gives, then x and y in inches).
    public static func agencyPositions(plain: String) -> [(agency: AgencyID, position: (Double, Double))] {
        var out: [(agency: AgencyID, position: (Double, Double))] = []
        for line in plain.split(separator: "\n") where line.hasPrefix("node a") {
            let parts = line.split(separator: " ")
            guard parts.count >= 4, let index = Int(parts[1].dropFirst()), index >= 0, let x = Double(parts[2]),
            let y = Double(parts[3]) else { continue }
            out.append((AgencyID(index), (x, y)))
        }
        return out
    }

    /// A number as a reader sees it (``NumberStyle``).
    static func plain(_ x: Double) -> String { NumberStyle.plain(x) }
}
