import RespGraphAnalysis
import RespGraphExport
import RespGraphReports
import RespGraphModel

/// `respgraph diff 2022 2024`: what changed between two documents.
enum DiffCommand: CLICommand {
    static let top = WholeOption("top", default: 10, "How many risers, fallers and rank shifts.")

    static let spec = CommandSpec(
        name: "diff",
        summary: "Change between two documents: loads that rose or fell, agencies that came or went, indicators, rank shifts.",
        discussion: """
        Agencies are matched through the registry's lineage, so 自治区大数据发展局 (2022) and 自治区数据局 (2024)
        are one row. Rank shifts compare betweenness on the co-assignment network (collectives left out).
        Example: respgraph diff 2022 2024
        """,
        options: [SharedOptions.graph.spec, SharedOptions.registry.spec, SharedOptions.corrections.spec,
                  SharedOptions.qualifyNames.spec, SharedOptions.indicators.spec,
                  top.spec] + SharedOptions.queryOutput,
        positionals: [PositionalSpec("BEFORE"), PositionalSpec("AFTER")])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let top = args[Self.top]
        let data = try LoadedData.load(args)
        func doc(_ id: String) throws -> ResponsibilityGraph { try data.graph.filtered(matching: [id]) }
        let before = try doc(args.positionals[0]), after = try doc(args.positionals[1])
        let diff = DocumentDiff(before: before, after: after, latestName: { data.registry.latestName(of: $0) },
                                scoreBefore: DocumentDiff.betweennessByName(before), scoreAfter: DocumentDiff.betweennessByName(after),
                                indicators: data.indicators)
        let (x, y) = (args.positionals[0], args.positionals[1])
        func name(_ r: DocumentDiff.Row) -> String { r.formerNames.isEmpty ? r.name : "\(r.name)（原\(r.formerNames.joined(separator: "、"))）" }
        let risers = diff.risers(top), fallers = diff.fallers(top)
        let agency = Field("agency", maxWidth: 44)
        func loadSet(_ key: String, _ title: String, _ rows: ArraySlice<DocumentDiff.Row>) -> RecordSet {
            var set = RecordSet(key, title: title,
                                [agency, Field("lead \(x)", key: "lead_before", .whole), Field("lead \(y)", key: "lead_after", .whole),
                                                    Field("support \(x)", key: "support_before", .whole),
                                                    Field("support \(y)", key: "support_after", .whole),
                                                    Field("change", .change)])
            for r in rows { set.append([.text(name(r)), .whole(r.leadBefore), .whole(r.leadAfter), .whole(r.supportBefore),
                                        .whole(r.supportAfter), .whole(r.change)]) }
            return set
        }
        var comeGo = RecordSet("appeared_or_disappeared", title: "Agencies that appear or disappear",
                               [Field("agency", maxWidth: 40), Field("status"), Field("lead", .whole), Field("support", .whole)])
        for r in diff.appeared { comeGo.append([.text(r.name), .text("new in \(y)"), .whole(r.leadAfter), .whole(r.supportAfter)]) }
        for r in diff.disappeared { comeGo.append([.text(r.name), .text("only in \(x)"), .whole(r.leadBefore), .whole(r.supportBefore)]) }
        let ranked = diff.rankShifts(top)
        var ranks = RecordSet("rank_shifts", title: "Betweenness rank shifts (co-assignment network)",
                              [agency, Field("rank \(x)", key: "rank_before", .whole),
                                                                                                    Field("rank \(y)",
                                                                                                        key: "rank_after",
                                                                                                    .whole), Field("shift", .change)])
        for r in ranked { ranks.append([.text(name(r)), .whole(r.rankBefore!), .whole(r.rankAfter!),
                                        .whole(r.rankBefore! - r.rankAfter!)]) }
        var all = RecordSet("agencies",
                            [Field("agency"), Field("former names", .list(separator: "|")), Field("lead before", .whole),
                             Field("lead after", .whole),
                                         Field("support before", .whole), Field("support after", .whole),
                                         Field("betweenness rank before", .whole), Field("betweenness rank after", .whole)])
        all.formats = [.csv, .json]
        for r in diff.rows {
            all.append([.text(r.name), .list(r.formerNames), .whole(r.leadBefore), .whole(r.leadAfter),
                        .whole(r.supportBefore), .whole(r.supportAfter),
                        .optional(r.rankBefore), .optional(r.rankAfter)])
        }
        var output = QueryOutput()
        output.heading = ["\(x) → \(y): \(before.tasks.count) → \(after.tasks.count) tasks, \(before.agencies.count) → \(after.agencies.count) agencies.",
                          "Indicators added: \(diff.indicatorsAdded.isEmpty ? "none" : diff.indicatorsAdded.joined(separator: "、"))",
                          "Indicators removed: \(diff.indicatorsRemoved.isEmpty ? "none" : diff.indicatorsRemoved.joined(separator: "、"))",
                          "Indicators renamed: \(diff.indicatorsRenamed.isEmpty ? "none" : diff.indicatorsRenamed.map { "\($0.0) → \($0.1)" }.joined(separator: "、")) (Graphs/indicators.csv)"]
        output.facts = [("before", .text(x)), ("after", .text(y)), ("indicators_added", .list(diff.indicatorsAdded)),
                        ("indicators_removed", .list(diff.indicatorsRemoved)),
                        ("indicators_renamed", .list(diff.indicatorsRenamed.map { "\($0.0)→\($0.1)" }))]
        output.sets = [loadSet("risers", "Load rose most (tasks named, lead + support)", risers),
                       loadSet("fallers", "Load fell most", fallers), comeGo, ranks, all]
        output.csvSet = "agencies"
        output.footer = ["Renamed agencies are matched through the registry's lineage (respgraph agency NAME shows it)."]
        try result.write(output, args)
    }
}
