import RespGraphExport
import RespGraphImport

/// `respgraph diagnostics`: what the importer found in the sources, line by line.
enum DiagnosticsCommand: CLICommand {
    static let spec = CommandSpec(
        name: "diagnostics", summary: "What the importer found in each source line: repairs, assumptions, corrections.",
        usage: "diagnostics [--severity error|warning|note] [--code CODE] [--format table|json|csv]",
        discussion: "For the embedded data these are the findings recorded when Graphs/ was imported from the raw texts.\nExample: respgraph diagnostics --severity warning",
        options: SharedOptions.data + [
            OptionSpec("severity", value: "LEVEL", "Only findings of this severity."),
            OptionSpec("code", value: "CODE", "Only findings with this code (e.g. page-number, merged-row)."),
            SharedOptions.format,
        ])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let format = try OutputFormat.from(args)
        let severity = try args.choice("severity", from: ["any", "error", "warning", "note"], default: "any")
        let data = try LoadedData.load(args)
        let code = args.value("code")
        let shown = data.diagnostics.filter { (severity == "any" || $0.severity.rawValue == severity) && (code == nil || $0.code == code) }
        var table = TextTable(columns: [.init("file", maxWidth: 40), .init("line", alignRight: true), .init("severity"), .init("code"),
                                        .init("message", maxWidth: 70), .init("resolution", maxWidth: 50)])
        for d in shown {
            table.append([d.file, String(d.line), d.severity.rawValue, d.code, d.message, d.resolution ?? ""])
        }
        var answer = QueryAnswer()
        answer.tables = [table]
        answer.footer = ["\(shown.count) findings."]
        answer.json = .object([("diagnostics", .array(shown.map { d in
            .object([("file", .string(d.file)), ("line", .int(d.line)), ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)),
                     ("message", .string(d.message)), ("resolution", .optional(d.resolution))])
        }))])
        answer.write(format, to: &result)
    }
}
