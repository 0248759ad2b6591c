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
        let agency = Field("agency", zh: "机构", maxWidth: 44)
        func loadSet(_ key: String, _ title: Bilingual, _ rows: ArraySlice<DocumentDiff.Row>) -> RecordSet {
            var set = RecordSet(key, title: title,
                                [agency, Field("lead \(x)", zh: "原牵头", key: "lead_before", .whole), Field("lead \(y)", zh: "新牵头", key: "lead_after", .whole),
                                                    Field("support \(x)", zh: "原配合", key: "support_before", .whole),
                                                    Field("support \(y)", zh: "新配合", key: "support_after", .whole),
                                                    Field("change", zh: "变化", .change)])
            for r in rows { set.append([.text(name(r)), .whole(r.leadBefore), .whole(r.leadAfter), .whole(r.supportBefore),
                                        .whole(r.supportAfter), .whole(r.change)]) }
            return set
        }
        var comeGo = RecordSet("appeared_or_disappeared", title: Bilingual("新出现或消失的机构", "Agencies that appear or disappear"),
                               [Field("agency", zh: "机构", maxWidth: 40), Field("status", zh: "状态"), Field("lead", zh: "牵头", .whole), Field("support", zh: "配合", .whole)])
        for r in diff.appeared { comeGo.append([.text(r.name), .text("new in \(y)"), .whole(r.leadAfter), .whole(r.supportAfter)]) }
        for r in diff.disappeared { comeGo.append([.text(r.name), .text("only in \(x)"), .whole(r.leadBefore), .whole(r.supportBefore)]) }
        let ranked = diff.rankShifts(top)
        var ranks = RecordSet("rank_shifts", title: Bilingual("中间中心度排名变化（共同承担网络）", "Betweenness rank shifts (co-assignment network)"),
                              [agency, Field("rank \(x)", zh: "原排名", key: "rank_before", .whole),
                                                                                                    Field("rank \(y)", zh: "新排名",
                                                                                                        key: "rank_after",
                                                                                                    .whole), Field("shift", zh: "名次变化", .change)])
        for r in ranked { ranks.append([.text(name(r)), .whole(r.rankBefore!), .whole(r.rankAfter!),
                                        .whole(r.rankBefore! - r.rankAfter!)]) }
        var all = RecordSet("agencies",
                            [Field("agency", zh: "机构"), Field("former names", zh: "原名称", .list(separator: "|")), Field("lead before", zh: "原牵头", .whole),
                             Field("lead after", zh: "新牵头", .whole),
                                         Field("support before", zh: "原配合", .whole), Field("support after", zh: "新配合", .whole),
                                         Field("betweenness rank before", zh: "中间中心度排名（前）", .whole), Field("betweenness rank after", zh: "中间中心度排名（后）", .whole)])
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
        output.sets = [loadSet("risers", Bilingual("负荷增加最多（所列任务，牵头 + 配合）", "Load rose most (tasks named, lead + support)"), risers),
                       loadSet("fallers", Bilingual("负荷减少最多", "Load fell most"), fallers), comeGo, ranks, all]
        output.csvSet = "agencies"
        output.footer = ["Renamed agencies are matched through the registry's lineage (respgraph agency NAME shows it)."]
        try result.write(output, args)
    }
}
