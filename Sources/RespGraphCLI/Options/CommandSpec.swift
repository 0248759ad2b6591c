import RespGraphModel

/// What a command accepts and how its help reads, declared once: the parser, `--help`, the usage
/// line and the README's command table are all produced from it.
struct CommandSpec: Sendable {
    /// The command's name, e.g. `agency`, or `workload checks` for a subcommand.
    let name: String
    /// One line for the command list.
    let summary: String
    /// A paragraph or two of explanation and examples.
    let discussion: String
    /// The options, including the shared ones and `--help`.
    let options: [OptionSpec]
    /// The positional arguments, in order.
    let positionals: [PositionalSpec]
    /// Options that exclude each other or need another.
    let rules: [OptionRule]

    init(name: String, summary: String, discussion: String = "", options: [OptionSpec],
         positionals: [PositionalSpec] = [], rules: [OptionRule] = []) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.options = options + [OptionSpec("help", short: "h", .flag, "Show this help.")]
        self.positionals = positionals
        self.rules = rules
    }

    /// How many positional arguments it takes.
    var positionalCount: ClosedRange<Int> {
        let required = positionals.filter { !$0.optional }.count
        return required...(positionals.contains { $0.variadic } ? Int.max : positionals.count)
    }

    /// The option with this long name.
    func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }

    /// Options shown in the usage line: every current one but help, --force and the less common data options.
    private var usageOptions: [OptionSpec] {
        let quiet: Set<String> = ["help", "force", "registry", "corrections", "qualify-names"]
        return options.filter { $0.renamedTo == nil && !quiet.contains($0.name) }
    }

    /// The usage line after `respgraph`, produced from the options: `agency AGENCY [--doc ID]… [--format table|json|csv]`.
    var usage: String {
        var parts = [name] + positionals.map(\.synopsis)
        for o in usageOptions {
            let shortForm = o.short.map { "-\($0) \(o.valueName ?? "")".trimmingCharacters(in: .whitespaces) }
            parts.append("[\(shortForm ?? o.synopsis)]\(o.repeatable ? "…" : "")")
        }
        return parts.joined(separator: " ")
    }

    /// The full help text, as printed by `respgraph help NAME` and `respgraph NAME --help`.
    func helpText(subcommands: [CommandSpec] = []) -> String {
        var out = "respgraph \(name): \(summary)\n\nUsage: respgraph \(usage)\n"
        if !subcommands.isEmpty {
            out += "\nSubcommands:\n"
            let width = (subcommands.map(\.name.count).max() ?? 0) + 2
            for s in subcommands { out += "  respgraph " + s.name.padding(toLength: width, withPad: " ", startingAt: 0) + s.summary + "\n" }
        }
        if !discussion.isEmpty { out += "\n" + discussion + "\n" }
        let positionalHelp = positionals.compactMap { p in p.choices.map { "  \(p.name): \($0.joined(separator: ", "))" } }
        if !positionalHelp.isEmpty { out += "\nArguments:\n" + positionalHelp.joined(separator: "\n") + "\n" }
        out += "\nOptions:\n"
        let shown = options.filter { $0.renamedTo == nil }
        let labels = shown.map { o -> String in (o.short.map { "-\($0), " } ?? "    ") + o.synopsis }
        // Labels up to 30 columns share a line with their help; a longer one puts its help below.
        let width = min(30, labels.map(\.count).max() ?? 0) + 2
        for (label, o) in zip(labels, shown) {
            if label.count + 2 > width {
                out += "  " + label + "\n" + String(repeating: " ", count: width + 2) + o.fullHelp + "\n"
            } else {
                out += "  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + o.fullHelp + "\n"
            }
        }
        func label(_ n: String) -> String { options.contains { $0.name == n } ? "--\(n)" : n }
        let constraints = rules.map { rule -> String in
            switch rule {
            case .oneOf(let names): "  at most one of " + names.map(label).joined(separator: ", ")
            case .needs(let a, let b): "  \(label(a)) needs \(label(b))"
            }
        }
        if !constraints.isEmpty { out += "\nRules:\n" + constraints.joined(separator: "\n") + "\n" }
        return out
    }
}

/// Options shared by the query commands.
enum SharedOptions {
    /// `--graph FILE…`: the user's documents instead of the embedded data.
    static let graph = TextOption("graph", "FILE", repeatable: true,
        "Read this document (text, web page, Word, Excel, PDF or task-table CSV) or folder of documents instead of the embedded Guangxi "
            + "data.")
    /// `--registry FILE`.
    static let registry = TextOption("registry", "FILE", default: "the embedded Graphs/agencies.csv", "Agency registry CSV.")
    /// `--corrections FILE`.
    static let corrections = TextOption("corrections", "FILE", default: "the embedded Graphs/corrections.csv", "Corrections CSV.")
    /// `--indicators FILE`: indicators renamed between plans.
    static let indicators = TextOption("indicators", "FILE", default: "the embedded Graphs/indicators.csv",
                                       "Indicators renamed or merged between plans (former,current,note), for comparing years.")
    /// `--doc ID…`: only some documents.
    static let doc = TextOption("doc", "ID", repeatable: true,
                                "Only this document: its id (2022, 2024), its 文号 or a unique part of its title.")
    /// `--format table|json|csv`.
    static let format = Choice<OutputFormat>("format", default: .table, "Output format.")
    /// `--bom`: a UTF-8 byte-order mark before CSV, for spreadsheets.
    static let bom = Flag("bom", "With --format csv: start with a UTF-8 byte-order mark, so spreadsheets read the Chinese.")
    /// `--width N`: fit terminal tables to N columns.
    static let width = WholeOption("width", in: 20...100_000, default: nil,
                                   defaultText: "COLUMNS, or the terminal's; a pipe gets the full width",
                                   "Fit tables to N columns (the widest text columns are cut with …).")
    /// `--lang zh|en` for table headers.
    static let headerLanguage = Choice<Language>("lang", [.en, .zh], default: .en,
                                                 "Tables and CSV in Chinese or English: headers, kinds and roles.")
    /// The options of every query's output, declared once: `--format`, `--bom`, `--width`, `--lang`.
    static let queryOutput = [format.spec, bom.spec, width.spec, headerLanguage.spec]
    /// `--qualify-names`.
    static let qualifyNames = Flag("qualify-names",
                                   "Give names that carry only a level the place of their document (省财政厅 in a 山东省 plan → 山东省财政厅), to keep "
                                       + "plans of several places apart.")
    /// The options every query on the data takes.
    static let data = [graph.spec, registry.spec, corrections.spec, doc.spec, qualifyNames.spec]
    /// `--force`.
    static let force = Flag("force", "Write even through a symbolic link or onto a device (never onto a file the command reads).")
    /// `-o FILE`.
    static func output(_ help: String) -> TextOption { TextOption("output", short: "o", "FILE", help) }
}

/// The output formats every query offers.
enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv
}
