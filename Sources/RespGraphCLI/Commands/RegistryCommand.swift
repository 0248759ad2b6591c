import Foundation
import RespGraphData
import RespGraphImport
import RespGraphModel

/// `respgraph registry draft FILE…`: a draft agency registry of every name in some documents.
enum RegistryDraftCommand: CLICommand {
    static let output = SharedOptions.output("Write the draft here (default: standard output).")

    static let spec = CommandSpec(
        name: "registry draft",
        summary: "Draft an agency registry from documents: every name, its kind, jurisdiction and suggested aliases.",
        discussion: """
        Imports the documents and lists every agency they name, most-named first: names the registry
        knows with their record, others with the kind their name gives (…人民政府, 党委/省委…部,
        …厅/局/委/办, 海关/税务…) and the rule used, their jurisdiction (省, 市, 县, 包头市…), and the
        number of tasks naming them. Spellings that abbreviate alike (市发改委 / 市发展改革委 /
        市发展和改革委员会; 人社局 / 人力资源社会保障局) are one row with the longest as the name and the
        others as aliases to check. Review the file, then pass it back: --registry agencies.csv.
        Example: respgraph registry draft plans/ -o agencies.csv
        """,
        options: [output.spec, SharedOptions.force.spec, SharedOptions.registry.spec, SharedOptions.qualifyNames.spec],
        positionals: [ImportCommand.files.spec])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let registry = try LoadedData.registry(args)
        var importer = Importer(registry: registry)
        importer.qualifiesLevelNames = args[SharedOptions.qualifyNames]
        let documents = try importer.importPaths(args[ImportCommand.files])
        let draft = RegistryDraft(documents: documents, registry: registry)
        let unknown = draft.entries.filter { $0.note.hasPrefix("kind inferred") || $0.note.hasPrefix("no kind") }.count
        result.stderr += "\(draft.entries.count) agencies in \(documents.count) document(s): \(draft.entries.count - unknown) in the "
            + "registry, \(unknown) drafted; \(draft.entries.filter { $0.kind == .unknown }.count) need a kind.\n"
        if let out = args[output] { try OutputFile.write(draft.csv(), to: out, args) } else { result.stdout += draft.csv() }
    }
}
