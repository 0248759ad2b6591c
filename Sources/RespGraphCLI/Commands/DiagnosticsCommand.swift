import RespGraphExport
import RespGraphReports
import RespGraphImport

/// `respgraph diagnostics`: what the importer found in the sources, line by line.
enum DiagnosticsCommand: CLICommand {
    /// Which findings to show.
    enum SeverityFilter: String, CaseIterable, Sendable { case any, error, warning, note }
    static let severity = Choice<SeverityFilter>("severity", default: .any, "Only findings of this severity.")
    static let code = OptionalChoice<DiagnosticCode>("code", default: nil, "Only findings with this code.")

    static let spec = CommandSpec(
        name: "diagnostics", summary: "What the importer found in each source line: repairs, assumptions, corrections.",
        discussion: "For the embedded data these are the findings recorded when Graphs/ was imported from the raw texts.\nExample: "
            + "respgraph diagnostics --severity warning",
        options: SharedOptions.data + [severity.spec, code.spec] + SharedOptions.queryOutput)

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let severity = args[Self.severity]
        let data = try LoadedData.load(args)
        let code = args[Self.code]
        let shown = data.diagnostics.filter { (severity == .any || $0.severity.rawValue == severity.rawValue)
            && (code == nil || $0.code == code) }
        var set = RecordSet("diagnostics",
                            [Field("file", zh: "文件", maxWidth: 40), Field("line", zh: "行", .whole), Field("severity", zh: "级别"),
                             Field("code", zh: "代码"),
                                            Field("message", zh: "说明", maxWidth: 70), Field("resolution", zh: "修正", maxWidth: 50)])
        for d in shown {
            set.append([.text(d.file), .whole(d.line), .text(d.severity.rawValue), .text(d.code.rawValue), .text(d.message),
                        .optional(d.resolution)])
        }
        var output = QueryOutput()
        output.sets = [set]
        output.footer = ["\(shown.count) findings."]
        try result.write(output, args)
    }
}
