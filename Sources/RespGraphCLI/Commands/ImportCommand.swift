import Foundation
import RespGraphData
import RespGraphImport
import RespGraphModel

/// `respgraph import FILE`: reads a plan document (or a task-table CSV) and writes the curated task table.
enum ImportCommand: CLICommand {
    static let output = SharedOptions.output("Write the task table here, or one table per document into OUTDIR/ (default: standard "
        + "output).")
    static let diagnosticsOut = TextOption("diagnostics-out", "FILE", "Write every finding, notes included, as CSV.")
    static let noCorrections = Flag("no-corrections", "Apply no corrections (shows what the raw text gives).")
    static let docID = TextOption("doc-id", "ID", default: "the year of its title, or the file's name", "The document's id.")
    static let notes = Flag("notes", "Also print notes (routine repairs) on standard error.")
    static let strict = Flag("strict", "Refuse the import on any warning, not only on errors.")
    static let sheet = TextOption("sheet", "NAME", default: "every sheet with a task-table header",
                                  "For an Excel workbook: read this sheet alone.")
    static let partial = Flag("partial",
        "Import a PDF whose table could not be rebuilt with confidence (most rows guessed), every guessed row marked, instead of "
            + "refusing it.")

    /// The documents and folders to read.
    static let files = Positional<[String]>(variadic: "FILE")

    static let spec = CommandSpec(
        name: "import",
        summary: "Read documents (text, web page, Word, Excel, WPS, PDF, OFD, task-table CSV; a folder reads all) into curated task "
            + "tables, reporting every repair.",
        discussion: """
        Reads text (UTF-8, UTF-16, GB18030/GBK, Big5), Word (.docx), Excel (.xlsx), OFD (.ofd), web
        pages (.html), PDF (through Poppler's pdftotext), old Word/Excel files, WPS's .wps/.et and RTF
        (converted by LibreOffice) and task-table CSV; a folder reads every such file in it. Items are found by their numbering
        (一、 （一） 1. （1） ① 第一条), and each assignment clause — （牵头单位：A；配合单位：B）,
        （A牵头，B配合）, （A、B按职责分工负责）, （责任单位：…） — becomes a task; tables are read by
        their header words. Doubtful readings are imported with a warning and marked in the task table's
        review column (respgraph review lists them); --strict refuses them. A PDF whose table could not
        be rebuilt with confidence (most of its rows guessed) is refused with exit 1 unless --partial asks
        for what could be read.
        With several documents, -o OUTDIR/ writes one ID-tasks.csv (and ID-diagnostics.csv) each.
        For a task table flattened out of a PDF, it finds the table by its header, skips repeated headers and page markers, recognises page
        numbers in the 序号 column, numbers unnumbered rows, joins wrapped cells, reads the body's work
        points, splits and normalises agency names, and applies the corrections file. Warnings and errors
        go to standard error as FILE:LINE: severity: message; a row it cannot trust is marked until a
        correction (Graphs/corrections.csv, or --corrections FILE) resolves it; a file with no task is refused.
        Regenerate the curated Guangxi tables:
          respgraph import Graphs/sources/guangxi-2024-work-points.txt --registry Graphs/agencies.csv \\
            --corrections Graphs/corrections.csv -o Graphs/guangxi-2024-tasks.csv \\
            --diagnostics-out Graphs/guangxi-2024-diagnostics.csv
        """,
        options: [output.spec, SharedOptions.force.spec, diagnosticsOut.spec, SharedOptions.registry.spec, SharedOptions.corrections.spec,
                  noCorrections.spec, docID.spec, notes.spec, strict.spec, partial.spec, SharedOptions.qualifyNames.spec, sheet.spec],
        positionals: [files.spec],
        rules: [.exclusive([SharedOptions.corrections, noCorrections]), .exclusive([strict, partial])])

    /// The importer the options ask for: the registry and corrections given, or the embedded ones.
    static func importer(_ args: ParsedArguments) throws -> Importer {
        let registry = try LoadedData.registry(args)
        var corrections = Corrections()
        if args[noCorrections] {
        } else if let c = args[SharedOptions.corrections] {
            corrections = try Corrections(csv: try Importer.readText(atPath: c), source: c)
        } else {
            corrections = try Corrections(csv: EmbeddedGraphs.corrections, source: "Graphs/corrections.csv")
        }
        var importer = Importer(registry: registry, corrections: corrections)
        importer.qualifiesLevelNames = args[SharedOptions.qualifyNames]
        importer.acceptsGuessedTables = args[partial]
        return importer
    }

    /// The documents of the command's files, one file (with --doc-id, --sheet) or several.
    static func documents(_ args: ParsedArguments) throws -> [ImportedDocument] {
        let paths = args[files]
        let importer = try importer(args)
        if args[docID] != nil, paths.count > 1 { throw args.usageError("--doc-id names one document; give one file") }
        if let id = args[docID], !isSafeID(id) {
            throw args.usageError("--doc-id '\(id)' cannot name a document: no '/', '\\', '..', control characters or leading dot (it "
                + "names its output files)")
        }
        if args[sheet] != nil,
        paths.count > 1 || Self.isFolder(paths[0]) { throw args.usageError("--sheet names a sheet of one workbook; give one file") }
        return paths.count == 1 && !Self.isFolder(paths[0])
            ? try importer.importFile(atPath: paths[0], documentID: args[docID], sheet: args[sheet]) : try importer.importPaths(paths)
    }

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let documents = try Self.documents(args)
        let diagnostics = documents.flatMap(\.diagnostics)
        for d in diagnostics where d.severity != .note || args[notes] {
            result.stderr += d.description + "\n"
        }
        for d in documents { result.stderr += Self.tally(d) }
        let blocking = diagnostics.filter { $0.isBlocking || (args[strict] && $0.severity == .warning && $0.resolution == nil) }
        let outPath = args[output]
        let toFolder = outPath.map { $0.hasSuffix("/") || Self.isFolder($0) } ?? false
        if let out = args[diagnosticsOut], let tasks = outPath, !toFolder, Self.sameFile(out, tasks) {
            throw args.usageError("--diagnostics-out and -o name the same file (\(out)); give the findings a file of their own")
        }
        if let out = args[diagnosticsOut] {
            try OutputFile.write(DiagnosticsCSV.format(diagnostics), to: out, args)
        }
        if !blocking.isEmpty {
            result.stderr += "error: \(blocking.count) finding(s) \(args[strict] ? "(errors or, with --strict, warnings) " : "")cannot be "
                + "accepted; nothing written. Fix the source or add a correction (see respgraph help import).\n"
            result.status = RespGraphCommandLine.dataError
            return
        }
        if let out = outPath, toFolder {
            try writeFolder(documents, to: out, args, &result)
            return
        }
        let csv = TaskTableCSV.format(documents)
        if let out = outPath { try OutputFile.write(csv, to: out, args) } else { result.stdout += csv }
    }

    /// A document's line on standard error: its rows, work points and findings.
    static func tally(_ d: ImportedDocument) -> String {
        func count(_ s: ImportDiagnostic.Severity) -> Int { d.diagnostics.filter { $0.severity == s }.count }
        let points = d.rows.filter { $0.level == .workPoint }.count
        let withLead = d.rows.filter { !$0.leads.isEmpty }.count
        return "\(d.file): \(d.rows.count - points) table rows and \(points) work points (\(withLead) with a "
            + "lead); \(count(.error)) errors, \(count(.warning)) warnings, \(count(.note)) notes; "
            + "\(d.diagnostics.filter { $0.resolution != nil }.count) resolved by corrections.\n"
    }

    /// Whether two paths name one file (the same text, the same file through links, or the same real path).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        a == b || OutputFile.sameFile(a, b) || (OutputFile.realPath(a) != nil && OutputFile.realPath(a) == OutputFile.realPath(b))
    }

    /// Each document's task table and findings as ID-tasks.csv and ID-diagnostics.csv in folder `out`.
    static func writeFolder(_ documents: [ImportedDocument], to out: String, _ args: ParsedArguments,
                            _ result: inout CommandResult) throws {
        try OutputFile.checkFolder(out, args)
        try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for d in documents {
            let name = Self.fileName(for: d.document.id)
            if name != d.document.id {
                result.stderr += "note: the document id '\(d.document.id)' is written as \(name)-tasks.csv, so its files stay in \(out)\n"
            }
            let base = (out.hasSuffix("/") ? out : out + "/") + name
            try OutputFile.write(TaskTableCSV.format([d]), to: base + "-tasks.csv", args)
            try OutputFile.write(DiagnosticsCSV.format(d.diagnostics), to: base + "-diagnostics.csv", args)
        }
    }

    /// Whether a document id can name files in an output folder as it stands.
    static func isSafeID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix(".") && !id.contains("/") && !id.contains("\\")
            && !id.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// A document id as a file name in an output folder: separators, control characters and a
    /// leading dot replaced by '_', so no id leaves the folder.
    static func fileName(for id: String) -> String {
        var name = String(String.UnicodeScalarView(id.unicodeScalars.map { s in
            s == "/" || s == "\\" || s.properties.generalCategory == .control ? "_" : s
        }))
        while name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name.isEmpty ? "_" : name
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

}
