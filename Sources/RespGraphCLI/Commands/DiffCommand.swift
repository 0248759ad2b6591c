import RespGraphAnalysis
import RespGraphExport
import RespGraphReports
import RespGraphModel

/// `respgraph diff 2022 2024`: what changed between two documents.
enum DiffCommand: CLICommand {
    static let top = WholeOption("top", default: 10, "How many risers, fallers and rank shifts.")

    /// The two documents: id, 文号 or a unique part of the title.
    static let before = Positional("BEFORE", at: 0), after = Positional("AFTER", at: 1)

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
        positionals: [before.spec, after.spec])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let data = try LoadedData.load(args)
        let (x, y) = (args[Self.before], args[Self.after])
        let before = try data.graph.filtered(matching: [x]), after = try data.graph.filtered(matching: [y])
        let diff = DocumentDiff(before: before, after: after, latestName: { data.registry.latestName(of: $0) },
                                scoreBefore: DocumentDiff.betweennessByName(before), scoreAfter: DocumentDiff.betweennessByName(after),
                                indicators: data.indicators)
        var output = QueryOutput()
        let renamed = diff.indicatorsRenamed.map { "\($0.0) → \($0.1)" }.joined(separator: "、")
        output.heading = [
            "\(x) → \(y): \(before.tasks.count) → \(after.tasks.count) tasks, \(before.agencies.count) → \(after.agencies.count) agencies.",
            "Indicators added: \(diff.indicatorsAdded.isEmpty ? "none" : diff.indicatorsAdded.joined(separator: "、"))",
            "Indicators removed: \(diff.indicatorsRemoved.isEmpty ? "none" : diff.indicatorsRemoved.joined(separator: "、"))",
            "Indicators renamed: \(diff.indicatorsRenamed.isEmpty ? "none" : renamed) (Graphs/indicators.csv)"]
        output.facts = [("before", .text(x)), ("after", .text(y)), ("indicators_added", .list(diff.indicatorsAdded)),
                        ("indicators_removed", .list(diff.indicatorsRemoved)),
                        ("indicators_renamed", .list(diff.indicatorsRenamed.map { "\($0.0)→\($0.1)" }))]
        output.sets = recordSets(diff, x, y, top: args[top])
        output.csvSet = "agencies"
        output.footer = ["Renamed agencies are matched through the registry's lineage (respgraph agency NAME shows it)."]
        try result.write(output, args)
    }

    /// An agency's name with the names it had before (自治区数据局（原自治区大数据发展局）).
    static func name(_ r: DocumentDiff.Row) -> String {
        r.formerNames.isEmpty ? r.name : "\(r.name)（原\(r.formerNames.joined(separator: "、"))）"
    }

    /// The tables of a comparison of documents `x` and `y`: load risers and fallers, agencies that appear
    /// or disappear, betweenness rank shifts, and every agency (CSV and JSON only).
    static func recordSets(_ diff: DocumentDiff, _ x: String, _ y: String, top: Int) -> [RecordSet] {
        let agency = Field("agency", zh: "机构", maxWidth: 44)
        func loadSet(_ key: String, _ title: Bilingual, _ rows: ArraySlice<DocumentDiff.Row>) -> RecordSet {
            var set = RecordSet(key, title: title, [
                agency, Field("lead \(x)", zh: "原牵头", key: "lead_before", .whole), Field("lead \(y)", zh: "新牵头", key: "lead_after", .whole),
                Field("support \(x)", zh: "原配合", key: "support_before", .whole),
                Field("support \(y)", zh: "新配合", key: "support_after", .whole), Field("change", zh: "变化", .change)])
            for r in rows {
                set.append([.text(name(r)), .whole(r.leadBefore), .whole(r.leadAfter), .whole(r.supportBefore), .whole(r.supportAfter),
                            .whole(r.change)])
            }
            return set
        }
        var comeGo = RecordSet("appeared_or_disappeared", title: Bilingual("新出现或消失的机构", "Agencies that appear or disappear"), [
            Field("agency", zh: "机构", maxWidth: 40), Field("status", zh: "状态"), Field("lead", zh: "牵头", .whole),
            Field("support", zh: "配合", .whole)])
        for r in diff.appeared { comeGo.append([.text(r.name), .text("new in \(y)"), .whole(r.leadAfter), .whole(r.supportAfter)]) }
        for r in diff.disappeared { comeGo.append([.text(r.name), .text("only in \(x)"), .whole(r.leadBefore), .whole(r.supportBefore)]) }
        var ranks = RecordSet("rank_shifts", title: Bilingual("中间中心度排名变化（共同承担网络）", "Betweenness rank shifts (co-assignment network)"), [
            agency, Field("rank \(x)", zh: "原排名", key: "rank_before", .whole), Field("rank \(y)", zh: "新排名", key: "rank_after", .whole),
            Field("shift", zh: "名次变化", .change)])
        for r in diff.rankShifts(top) {
            ranks.append([.text(name(r)), .whole(r.rankBefore!), .whole(r.rankAfter!), .whole(r.rankBefore! - r.rankAfter!)])
        }
        var all = RecordSet("agencies", [
            Field("agency", zh: "机构"), Field("former names", zh: "原名称", .list(separator: "|")),
            Field("lead before", zh: "原牵头", .whole), Field("lead after", zh: "新牵头", .whole),
            Field("support before", zh: "原配合", .whole), Field("support after", zh: "新配合", .whole),
            Field("betweenness rank before", zh: "中间中心度排名（前）", .whole),
            Field("betweenness rank after", zh: "中间中心度排名（后）", .whole)])
        all.formats = [.csv, .json]
        for r in diff.rows {
            all.append([.text(r.name), .list(r.formerNames), .whole(r.leadBefore), .whole(r.leadAfter), .whole(r.supportBefore),
                        .whole(r.supportAfter), .optional(r.rankBefore), .optional(r.rankAfter)])
        }
        return [loadSet("risers", Bilingual("负荷增加最多（所列任务，牵头 + 配合）", "Load rose most (tasks named, lead + support)"), diff.risers(top)),
                loadSet("fallers", Bilingual("负荷减少最多", "Load fell most"), diff.fallers(top)), comeGo, ranks, all]
    }
}
