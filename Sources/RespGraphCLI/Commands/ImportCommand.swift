import Foundation
import RespGraphData
import RespGraphImport
import RespGraphModel

/// `respgraph import FILE`: reads a plan document (or a task-table CSV) and writes the curated task table.
enum ImportCommand: CLICommand {
    static let spec = CommandSpec(
        name: "import", summary: "Read a plan document's text (or a task-table CSV) into a curated task table, reporting every repair.",
        usage: "import FILE [-o OUT.csv] [--diagnostics-out FILE] [--registry FILE] [--corrections FILE | --no-corrections] [--doc-id ID] [--notes]",
        discussion: """
        Finds the task table by its header, skips repeated headers and page markers, recognises page
        numbers in the 序号 column, numbers unnumbered rows, joins wrapped cells, reads the body's work
        points, splits and normalises agency names, and applies the corrections file. Warnings and errors
        go to standard error as FILE:LINE: severity: message; rows it cannot trust stop the import
        (exit 1) until a correction in Graphs/corrections.csv resolves them.
        Regenerate the curated Guangxi tables:
          respgraph import Graphs/sources/guangxi-2024-work-points.txt --registry Graphs/agencies.csv \\
            --corrections Graphs/corrections.csv -o Graphs/guangxi-2024-tasks.csv \\
            --diagnostics-out Graphs/guangxi-2024-diagnostics.csv
        """,
        options: [
            OptionSpec("output", short: "o", value: "FILE", "Write the task table here (default: standard output)."),
            OptionSpec("diagnostics-out", value: "FILE", "Write every finding, notes included, as CSV."),
            SharedOptions.registry, SharedOptions.corrections,
            OptionSpec("no-corrections", "Apply no corrections (shows what the raw text gives)."),
            OptionSpec("doc-id", value: "ID", "The document's id (default: the year of its title)."),
            OptionSpec("notes", "Also print notes (routine repairs) on standard error."),
        ], positionals: 1...1, positionalName: "FILE to import")

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let path = args.positionals[0]
        let registry: AgencyRegistry
        if let r = args.value("registry") {
            registry = try AgencyRegistry(csv: try Importer.readText(atPath: r), source: r)
        } else {
            registry = try AgencyRegistry(csv: EmbeddedGraphs.registry, source: "Graphs/agencies.csv")
        }
        var corrections = Corrections()
        if args.flag("no-corrections") {
            if args.value("corrections") != nil { throw UsageError(message: "--corrections and --no-corrections exclude each other", command: spec.name) }
        } else if let c = args.value("corrections") {
            corrections = try Corrections(csv: try Importer.readText(atPath: c), source: c)
        } else {
            corrections = try Corrections(csv: EmbeddedGraphs.corrections, source: "Graphs/corrections.csv")
        }
        let importer = Importer(registry: registry, corrections: corrections)
        let documents = try importer.importFile(atPath: path, documentID: args.value("doc-id"))
        let diagnostics = documents.flatMap(\.diagnostics)
        for d in diagnostics where d.severity != .note || args.flag("notes") {
            result.stderr += d.description + "\n"
        }
        func count(_ s: ImportDiagnostic.Severity) -> Int { diagnostics.filter { $0.severity == s }.count }
        let blocking = diagnostics.filter(\.isBlocking)
        let tasks = documents.reduce(0) { $0 + $1.rows.count }
        let points = documents.reduce(0) { $0 + $1.rows.filter { $0.level == .workPoint }.count }
        result.stderr += "\(path): \(tasks - points) table rows and \(points) work points; \(count(.error)) errors, \(count(.warning)) warnings, \(count(.note)) notes; \(diagnostics.filter { $0.resolution != nil }.count) resolved by corrections.\n"
        if let out = args.value("diagnostics-out") {
            try write(DiagnosticsCSV.format(diagnostics), to: out)
        }
        if !blocking.isEmpty {
            result.stderr += "error: \(blocking.count) row(s) cannot be trusted; nothing written. Fix the source or add a correction (see respgraph help import).\n"
            result.status = RespGraphCommandLine.dataError
            return
        }
        let csv = TaskTableCSV.format(documents)
        if let out = args.value("output") { try write(csv, to: out) } else { result.stdout += csv }
    }

    static func write(_ text: String, to path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw DataError(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
