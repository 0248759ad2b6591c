import RespGraphModel

/// Graphviz DOT for the agency–task graph and the agency networks, with Chinese labels legible and
/// plain-ASCII node ids.
///
/// Agencies are boxes filled by kind, tasks ellipses labelled with their key and a shortened text;
/// lead edges are solid and bold, support edges dashed; network links are as wide as their weight.
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

    /// The fill colour of each kind (ColorBrewer Paired/Pastel tones, legible under black text).
    public static func color(of kind: AgencyKind) -> String {
        switch kind {
        case .regionalDepartment: "#a6cee3"
        case .partyOrgan: "#fb9a99"
        case .centralBody: "#b2df8a"
        case .judicial: "#cab2d6"
        case .enterprise: "#fdbf6f"
        case .municipalGovernment: "#ffff99"
        case .association: "#e5d8bd"
        case .collective: "#d9d9d9"
        case .unknown: "#ffffff"
        }
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
                if v < 0x20 { out += " " } else if v == 0xFFFE || v == 0xFFFF || (0xFDD0...0xFDEF).contains(v) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
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
        if options.layout == "dot" { out += ", rankdir=LR, nodesep=0.15, ranksep=0.6" } else { out += ", overlap=prism, overlap_scaling=2, sep=\"+6\", splines=true" }
        if !options.title.isEmpty { out += ", label=\(quoted(options.title)), labelloc=t, fontsize=16" }
        out += "];\n"
        out += "  node [fontname=\(quoted(options.font)), fontsize=10, margin=\"0.08,0.04\"];\n"
        out += "  edge [fontname=\(quoted(options.font)), fontsize=9, color=\"#555555\"];\n"
        return out
    }

    static func agencyNode(_ id: AgencyID, _ agency: Agency, _ options: Options) -> String {
        let border = options.highlighted.contains(id) ? ", penwidth=3.5, fontsize=12" : ""
        return "\(GraphElements.id(of: id)) [shape=box, style=\"filled,rounded\", fillcolor=\"\(color(of: agency.kind))\"\(border), label=\(quotedLines(wrap(agency.name, width: options.wrapWidth)))];\n"
    }

    /// The legend: one node with an HTML-like table (colour swatches per kind, then the edge styles),
    /// which every layout program places like any node. Its text is respgraph's own, XML-escaped.
    static func legend(kinds: [AgencyKind], edges: [String]) -> String {
        func xml(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var rows = "<TR><TD COLSPAN=\"2\"><B>图例 Legend</B></TD></TR>"
        for k in kinds {
            rows += "<TR><TD BGCOLOR=\"\(color(of: k))\" WIDTH=\"18\"> </TD><TD ALIGN=\"LEFT\">\(xml(k.chineseName)) \(xml(k.rawValue))</TD></TR>"
        }
        for e in edges { rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">\(xml(e))</TD></TR>" }
        return "  legend [shape=plaintext, fontsize=9, label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\">\(rows)</TABLE>>];\n"
    }

    /// The agency–task graph of some tasks: agencies (boxes by kind) → tasks (ellipses), lead solid
    /// and bold, support dashed; optionally a cluster per indicator.
    public static func agencyTask(_ graph: ResponsibilityGraph, tasks: [TaskID], options: Options = Options()) -> String {
        var out = header("respgraph_tasks", directed: true, options)
        var agencies = Set<AgencyID>()
        for t in tasks { agencies.formUnion(graph.agencies(of: t)) }
        let sortedAgencies = agencies.sorted()
        for a in sortedAgencies { out += "  " + agencyNode(a, graph[a], options) }
        func taskNode(_ t: TaskID, indent: String) -> String {
            let task = graph[t]
            let text = task.text.isEmpty ? task.direction : task.text
            let short = text.count > 24 ? String(text.prefix(23)) + "…" : text
            return "\(indent)\(GraphElements.id(of: t, in: graph)) [shape=ellipse, style=filled, fillcolor=\"#f7f7f7\", label=\(quotedLines([graph.key(of: t)] + wrap(short, width: options.wrapWidth + 6, maxLines: 3)))];\n"
        }
        if options.clusterByIndicator {
            var order: [String] = []
            var groups: [String: [TaskID]] = [:]
            for t in tasks {
                if groups[graph[t].indicator] == nil { order.append(graph[t].indicator) }
                groups[graph[t].indicator, default: []].append(t)
            }
            for (i, indicator) in order.enumerated() {
                out += "  subgraph cluster_\(i) {\n    label=\(quoted(indicator)); style=\"rounded,filled\"; fillcolor=\"#fcfcf4\"; color=\"#bbbbbb\";\n"
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
                    out += "  \(GraphElements.id(of: a)) -> \(GraphElements.id(of: t, in: graph)) [style=bold, penwidth=2, color=\"#222222\", arrowsize=0.6];\n"
                } else {
                    out += "  \(GraphElements.id(of: t, in: graph)) -> \(GraphElements.id(of: a)) [style=dashed, color=\"#777777\", dir=none];\n"
                }
            }
        }
        // Three columns in a layered layout: agencies that lead a task here, the tasks, the agencies
        // that only support here.
        if options.layout == "dot" && !options.clusterByIndicator {
            let leading = Set(tasks.flatMap { graph.agencies(of: $0, role: .lead) })
            out += "  { rank=min; " + sortedAgencies.filter { leading.contains($0) }.map { GraphElements.id(of: $0) + ";" }.joined(separator: " ") + " }\n"
            out += "  { rank=same; " + tasks.map { GraphElements.id(of: $0, in: graph) + ";" }.joined(separator: " ") + " }\n"
            let supportersOnly = sortedAgencies.filter { !leading.contains($0) }
            if !supportersOnly.isEmpty {
                out += "  { rank=max; " + supportersOnly.map { GraphElements.id(of: $0) + ";" }.joined(separator: " ") + " }\n"
            }
        }
        let kinds = AgencyKind.allCases.filter { k in sortedAgencies.contains { graph[$0].kind == k } }
        out += legend(kinds: kinds, edges: ["━━ 牵头 lead (bold)", "╌╌ 配合 support (dashed)", "○ 任务 task: key and text"])
        out += "}\n"
        return out
    }

    /// An agency network: agencies as boxes by kind, links as wide as their weight (arrows lead →
    /// supporter when directed). `links` are (node, node, weight) over `agencies`.
    public static func network(_ graph: ResponsibilityGraph, agencies: [AgencyID], links: [(Int, Int, Double)], directed: Bool,
                               options: Options = Options()) -> String {
        var out = header(directed ? "respgraph_dependency" : "respgraph_coassign", directed: directed, options)
        for a in agencies { out += "  " + agencyNode(a, graph[a], options) }
        let weights = links.map(\.2)
        let lo = weights.min() ?? 1, hi = weights.max() ?? 1
        for (u, v, w) in links {
            let width = hi > lo ? 0.6 + 4.4 * (w - lo) / (hi - lo) : 1.5
            let label = w == w.rounded() ? String(Int(w)) : String(format: "%.2f", w)
            out += "  \(GraphElements.id(of: agencies[u])) \(directed ? "->" : "--") \(GraphElements.id(of: agencies[v])) [penwidth=\(String(format: "%.2f", width)), color=\"#4a6a8a99\", tooltip=\(quoted("\(graph[agencies[u]].name) – \(graph[agencies[v]].name): \(label)"))\(directed ? ", arrowsize=0.7" : "")];\n"
        }
        let kinds = AgencyKind.allCases.filter { k in agencies.contains { graph[$0].kind == k } }
        let edgeLegend = directed ? ["→ 牵头 relies on 配合: line width = tasks"] : ["— 共同任务 shared tasks: line width = tasks"]
        out += legend(kinds: kinds, edges: edgeLegend)
        out += "}\n"
        return out
    }
}

import Foundation
