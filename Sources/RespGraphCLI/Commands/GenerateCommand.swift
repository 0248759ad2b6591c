import Foundation
import RespGraphImport

/// `respgraph generate`: a synthetic national corpus for scale tests and benchmarks.
enum GenerateCommand: CLICommand {
    static let spec = CommandSpec(
        name: "generate", summary: "Write a synthetic corpus K times the size of the Guangxi pair (and its agency registry).",
        usage: "generate --scale K --seed S -o FILE",
        discussion: """
        1× ≈ 400 tasks and 110 agencies; 100× ≈ 40,000 tasks and 4,300 agencies across 31 provinces and
        several years; 1000× ≈ 400,000 tasks and 43,000 agencies. Lead popularity is heavy-tailed (a few
        agencies lead 20–30% of a province's tasks). The same scale and seed give the same bytes.
        Writes FILE (the task table) and FILE's registry beside it (corpus.csv → corpus.agencies.csv):
          respgraph generate --scale 100 --seed 1 -o corpus.csv
          respgraph summary --graph corpus.csv --registry corpus.agencies.csv
        """,
        options: [
            OptionSpec("scale", value: "K", "Size factor (default 1)."),
            OptionSpec("seed", value: "S", "Random seed (default 1)."),
            OptionSpec("output", short: "o", value: "FILE", "Where to write the task table (required)."),
            SharedOptions.force,
        ])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let scale = try args.double("scale", default: 1)
        guard scale > 0, scale <= 5000 else { throw UsageError(message: "--scale must be greater than 0 and at most 5000", command: spec.name) }
        let seed = try args.int("seed", default: 1, minimum: 0)
        guard let output = args.value("output") else { throw UsageError(message: "give -o FILE", command: spec.name) }
        let corpus = SyntheticCorpus(scale: scale, seed: UInt64(seed))
        let registryPath = (output.hasSuffix(".csv") ? String(output.dropLast(4)) : output) + ".agencies.csv"
        try OutputFile.write(corpus.csv(), to: output, args)
        try OutputFile.write(corpus.registry().csvText, to: registryPath, args)
        result.stderr += "wrote \(output) (\(corpus.documentCount) documents) and \(registryPath) (\(corpus.registry().agencies.count) agencies)\n"
    }
}
