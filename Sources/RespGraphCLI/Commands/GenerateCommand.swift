import Foundation
import RespGraphImport

/// `respgraph generate`: a synthetic national corpus for scale tests and benchmarks.
enum GenerateCommand: CLICommand {
    /// The largest corpus import reads: about 84 MB at 1000×, so 3000× stays under its 256 MiB limit.
    static let scale = NumberOption("scale", "K", in: 0.001...3000, default: 1,
                                    "Size factor (1× ≈ the Guangxi pair; at most 3000, about 250 MB, the most import reads).")
    static let seed = WholeOption("seed", "S", in: 0...Int.max, default: 1, "Random seed.")
    static let output = SharedOptions.output("Where to write the task table (required).")

    static let spec = CommandSpec(
        name: "generate", summary: "Write a synthetic corpus K times the size of the Guangxi pair (and its agency registry).",
        discussion: """
        1× ≈ 400 tasks and 110 agencies; 100× ≈ 40,000 tasks and 4,300 agencies across 31 provinces and
        several years; 1000× ≈ 400,000 tasks and 43,000 agencies. Lead popularity is heavy-tailed (a few
        agencies lead 20–30% of a province's tasks). The same scale and seed give the same bytes.
        Writes FILE (the task table) and FILE's registry beside it (corpus.csv → corpus.agencies.csv):
          respgraph generate --scale 100 --seed 1 -o corpus.csv
          respgraph summary --graph corpus.csv --registry corpus.agencies.csv
        """,
        options: [scale.spec, seed.spec, output.spec, SharedOptions.force.spec])

    static func run(_ args: ParsedArguments, _ result: inout CommandResult) throws {
        let scale = args[Self.scale]
        let seed = args[Self.seed]
        guard let output = args[Self.output] else { throw args.usageError("give -o FILE") }
        let corpus = SyntheticCorpus(scale: scale, seed: UInt64(seed))
        let registryPath = (output.hasSuffix(".csv") ? String(output.dropLast(4)) : output) + ".agencies.csv"
        try OutputFile.write(corpus.csv(), to: output, args)
        try OutputFile.write(corpus.registry().csvText, to: registryPath, args)
        result.stderr += "wrote \(output) (\(corpus.documentCount) documents) and \(registryPath) (\(corpus.registry().agencies.count) "
            + "agencies)\n"
    }
}
