import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// `respgraph diff 2022 2024`: what changed between two documents.
enum DiffCommand: CLICommand {
    static let spec = CommandSpec(
        name: "diff", summary: "Change between two documents: loads that rose or fell, agencies that came or went, indicators, rank shifts.",
        usage: "diff DOC DOC [--top N] [--format table|json|csv]",
        discussion: """
        Agencies are matched through the registry's lineage, so 自治区大数据发展局 (2022) and 自治区数据局 (2024)
        are one row. Rank shifts compare betweenness on the co-assignment network (collectives left out).
        Example: respgraph diff 2022 2024
        """,
        options: [SharedOptions.graph, SharedOptions.registry, SharedOptions.corrections,
                  OptionSpec("top", value: "N", "How many risers and fallers (default 10)."), SharedOptions.format],
        positionals: 2...2, positionalName: "two document ids")

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try OutputFormat.from(args)
        let top = try args.int("top", default: 10, minimum: 1)
        let data = try LoadedData.load(args)
        func doc(_ id: String) throws -> ResponsibilityGraph {
            guard let d = data.graph.document(id: id) else {
                throw DataError(message: "no document '\(id)'; documents: \(data.graph.documents.map(\.id).joined(separator: ", "))")
            }
            return data.graph.filtered(documents: [d])
        }
        let before = try doc(args.positionals[0]), after = try doc(args.positionals[1])
        func scores(_ g: ResponsibilityGraph) -> [String: Double] {
            let net = AgencyNetwork.coAssignment(g)
            let b = BetweennessCentrality.compute(net)
            var out: [String: Double] = [:]
            for (v, a) in net.agencies.enumerated() { out[g[a].name] = b[v] }
            return out
        }
        let diff = DocumentDiff(before: before, after: after, latestName: { data.registry.latestName(of: $0) },
                                scoreBefore: scores(before), scoreAfter: scores(after))
        let (x, y) = (args.positionals[0], args.positionals[1])
        func name(_ r: DocumentDiff.Row) -> String { r.formerNames.isEmpty ? r.name : "\(r.name)（原\(r.formerNames.joined(separator: "、"))）" }
        let present = diff.rows.filter { $0.leadBefore + $0.supportBefore > 0 && $0.leadAfter + $0.supportAfter > 0 }
        func change(_ r: DocumentDiff.Row) -> Int { (r.leadAfter + r.supportAfter) - (r.leadBefore + r.supportBefore) }
        let risers = present.filter { change($0) > 0 }.sorted { (change($0), $1.name) > (change($1), $0.name) }.prefix(top)
        let fallers = present.filter { change($0) < 0 }.sorted { (change($0), $0.name) < (change($1), $1.name) }.prefix(top)
        func loadTable(_ title: String, _ rows: ArraySlice<DocumentDiff.Row>) -> TextTable {
            var t = TextTable(title: title, columns: [.init("agency", maxWidth: 44), .init("lead \(x)", alignRight: true), .init("lead \(y)", alignRight: true),
                                                      .init("support \(x)", alignRight: true), .init("support \(y)", alignRight: true), .init("change", alignRight: true)])
            for r in rows { t.append([name(r), String(r.leadBefore), String(r.leadAfter), String(r.supportBefore), String(r.supportAfter), String(format: "%+d", change(r))]) }
            return t
        }
        var comeGo = TextTable(title: "Agencies that appear or disappear", columns: [.init("agency", maxWidth: 40), .init("status"), .init("lead", alignRight: true), .init("support", alignRight: true)])
        for r in diff.appeared { comeGo.append([r.name, "new in \(y)", String(r.leadAfter), String(r.supportAfter)]) }
        for r in diff.disappeared { comeGo.append([r.name, "only in \(x)", String(r.leadBefore), String(r.supportBefore)]) }
        let ranked = present.filter { $0.rankBefore != nil && $0.rankAfter != nil }
            .sorted { (abs($0.rankBefore! - $0.rankAfter!), $1.name) > (abs($1.rankBefore! - $1.rankAfter!), $0.name) }.prefix(top)
        var ranks = TextTable(title: "Betweenness rank shifts (co-assignment network)", columns: [.init("agency", maxWidth: 44), .init("rank \(x)", alignRight: true), .init("rank \(y)", alignRight: true), .init("shift", alignRight: true)])
        for r in ranked { ranks.append([name(r), String(r.rankBefore!), String(r.rankAfter!), String(format: "%+d", r.rankBefore! - r.rankAfter!)]) }
        var answer = QueryAnswer()
        answer.heading = ["\(x) → \(y): \(before.tasks.count) → \(after.tasks.count) tasks, \(before.agencies.count) → \(after.agencies.count) agencies.",
                          "Indicators added: \(diff.indicatorsAdded.isEmpty ? "none" : diff.indicatorsAdded.joined(separator: "、"))",
                          "Indicators removed: \(diff.indicatorsRemoved.isEmpty ? "none" : diff.indicatorsRemoved.joined(separator: "、"))"]
        answer.tables = [loadTable("Load rose most (tasks named, lead + support)", risers), loadTable("Load fell most", fallers), comeGo, ranks]
        answer.footer = ["Renamed agencies are matched through the registry's lineage (respgraph agency NAME shows it)."]
        var csv = TextTable(columns: [.init("agency"), .init("former_names"), .init("lead_\(x)"), .init("lead_\(y)"), .init("support_\(x)"), .init("support_\(y)"), .init("rank_\(x)"), .init("rank_\(y)")])
        for r in diff.rows {
            csv.append([r.name, r.formerNames.joined(separator: "|"), String(r.leadBefore), String(r.leadAfter), String(r.supportBefore), String(r.supportAfter),
                        r.rankBefore.map(String.init) ?? "", r.rankAfter.map(String.init) ?? ""])
        }
        answer.csvTable = csv
        answer.json = .object([
            ("before", .string(x)), ("after", .string(y)),
            ("indicators_added", .array(diff.indicatorsAdded.map(JSONValue.string))),
            ("indicators_removed", .array(diff.indicatorsRemoved.map(JSONValue.string))),
            ("agencies", .array(diff.rows.map { r in
                .object([("agency", .string(r.name)), ("former_names", .array(r.formerNames.map(JSONValue.string))),
                         ("lead_before", .int(r.leadBefore)), ("lead_after", .int(r.leadAfter)),
                         ("support_before", .int(r.supportBefore)), ("support_after", .int(r.supportAfter)),
                         ("betweenness_rank_before", r.rankBefore.map(JSONValue.int) ?? .null),
                         ("betweenness_rank_after", r.rankAfter.map(JSONValue.int) ?? .null)])
            })),
        ])
        answer.write(format, to: &result)
    }
}

import Foundation
