/// What a command accepts and how its help reads.
struct CommandSpec: Sendable {
    /// The command's name, e.g. `agency`.
    let name: String
    /// One line for the command list.
    let summary: String
    /// The usage line after `respgraph`, e.g. `agency NAME [options]`.
    let usage: String
    /// A paragraph or two of explanation and examples.
    let discussion: String
    /// The options, including the shared ones.
    let options: [OptionSpec]
    /// How many positional arguments it takes.
    let positionals: ClosedRange<Int>
    /// What the positional arguments are called, for messages.
    let positionalName: String

    init(name: String, summary: String, usage: String, discussion: String = "", options: [OptionSpec],
         positionals: ClosedRange<Int> = 0...0, positionalName: String = "argument") {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.discussion = discussion
        self.options = options + [OptionSpec("help", short: "h", "Show this help.")]
        self.positionals = positionals
        self.positionalName = positionalName
    }

    /// The full help text, as printed by `respgraph help NAME` and `respgraph NAME --help`.
    var helpText: String {
        var out = "respgraph \(name): \(summary)\n\nUsage: respgraph \(usage)\n"
        if !discussion.isEmpty { out += "\n" + discussion + "\n" }
        out += "\nOptions:\n"
        let labels = options.map { o -> String in
            var label = o.short.map { "-\($0), " } ?? "    "
            label += "--\(o.name)"
            if let v = o.valueName { label += " \(v)" }
            return label
        }
        let width = (labels.map(\.count).max() ?? 0) + 2
        for (label, o) in zip(labels, options) {
            out += "  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + o.help + "\n"
        }
        return out
    }
}

/// Options shared by the query commands.
enum SharedOptions {
    static let graph = OptionSpec("graph", value: "FILE", repeatable: true,
        "Read this document (text, web page, Word, Excel, PDF or task-table CSV) or folder of documents instead of the embedded Guangxi data; repeatable.")
    static let registry = OptionSpec("registry", value: "FILE", "Agency registry CSV (default: the embedded Graphs/agencies.csv).")
    static let corrections = OptionSpec("corrections", value: "FILE", "Corrections CSV (default: the embedded Graphs/corrections.csv).")
    static let doc = OptionSpec("doc", value: "ID", repeatable: true, "Only this document (e.g. 2022 or 2024); repeatable.")
    static let format = OptionSpec("format", value: "FORMAT", "Output format: table (default), json or csv.")
    static let qualifyNames = OptionSpec("qualify-names", "Give names that carry only a level the place of their document (省财政厅 in a 山东省 plan → 山东省财政厅), to keep plans of several places apart.")
    static let data = [graph, registry, corrections, doc, qualifyNames]
    static let force = OptionSpec("force", "Write even through a symbolic link or onto a device (never onto a file the command reads).")
}

import Foundation
