import Foundation
import RespGraphData
import RespGraphImport
import RespGraphModel

/// `respgraph registry draft FILE…`: a draft agency registry of every name in some documents.
enum RegistryCommand: CLICommand {
    static let spec = CommandSpec(
        name: "registry", summary: "Draft an agency registry from documents: every name, its kind, jurisdiction and suggested aliases.",
        usage: "registry draft FILE|FOLDER… [-o agencies.csv] [--registry FILE]",
        discussion: """
        Imports the documents and lists every agency they name, most-named first: names the registry
        knows with their record, others with the kind their name gives (…人民政府, 党委/省委…部,
        …厅/局/委/办, 海关/税务…) and the rule used, their jurisdiction (省, 市, 县, 包头市…), and the
        number of tasks naming them. Spellings that abbreviate alike (市发改委 / 市发展改革委 /
        市发展和改革委员会; 人社局 / 人力资源社会保障局) are one row with the longest as the name and the
        others as aliases to check. Review the file, then pass it back: --registry agencies.csv.
        Example: respgraph registry draft plans/ -o agencies.csv
        """,
        options: [
            OptionSpec("output", short: "o", value: "FILE", "Write the draft here (default: standard output)."),
            SharedOptions.force,
            SharedOptions.registry, SharedOptions.qualifyNames,
        ], positionals: 2...100_000, positionalName: "'draft' and the FILEs or FOLDERs")

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        guard args.positionals[0] == "draft" else {
            throw UsageError(message: "registry has one subcommand, draft: respgraph registry draft FILE…", command: spec.name)
        }
        let registry: AgencyRegistry
        if let r = args.value("registry") {
            registry = try AgencyRegistry(csv: try Importer.readText(atPath: r), source: r)
        } else {
            registry = try AgencyRegistry(csv: EmbeddedGraphs.registry, source: "Graphs/agencies.csv")
        }
        var importer = Importer(registry: registry)
        importer.qualifiesLevelNames = args.flag("qualify-names")
        let documents = try importer.importPaths(Array(args.positionals.dropFirst()))
        let draft = RegistryDraft(documents: documents, registry: registry)
        let unknown = draft.entries.filter { $0.note.hasPrefix("kind inferred") || $0.note.hasPrefix("no kind") }.count
        result.stderr += "\(draft.entries.count) agencies in \(documents.count) document(s): \(draft.entries.count - unknown) in the registry, \(unknown) drafted; \(draft.entries.filter { $0.kind == .unknown }.count) need a kind.\n"
        if let out = args.value("output") { try OutputFile.write(draft.csv(), to: out, args) } else { result.stdout += draft.csv() }
    }
}
