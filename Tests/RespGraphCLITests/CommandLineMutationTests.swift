import Foundation
import RespGraphModel
import RespGraphTestSupport
import Testing

/// Command lines mutated at random — options, numbers, names, formats — answered with output, a
/// data error (1) or a usage error (64), never a trap or a hang.
@Suite struct CommandLineMutationTests {
    static let commands: [[String]] = [
        ["summary"], ["agencies", "--sort", "lead"], ["agency", "数据局"], ["task", "2024:41"], ["workload", "--top", "5"],
        ["workload", "outliers"], ["centrality", "betweenness", "--top", "3"], ["deps", "--pairs"], ["structure"],
        ["path", "自治区数据局", "南宁海关"], ["plan", "--indicator", "纳税"], ["diff", "2022", "2024"], ["dot", "--network", "coassign"],
        ["export", "--format", "json"], ["diagnostics", "--severity", "warning"], ["registry", "draft"],
        ["workload", "checks"], ["workload", "roster"], ["workload", "balance"], ["deps", "数据局"], ["report", "--compare", "2022,2024"],
    ]
    static let pieces = ["--top", "-1", "0", "9223372036854775807", "1e308", "nan", "--format", "json", "csv", "xml", "--doc", "2023",
                         "--lead-weight", "--mad-k", "--depth", "--agency", "", "、、、", "\u{FFFF}", "--kind", "collective", "--weighted",
                         "--network", "dependency", "--graph", "/nonexistent", "--", "-o", "--help", "数据局", "--min-weight", "-0",
                         "--max-leads", "--sample", "--seed", "--pairs", "--matrix", "--by", "indicator", "checks", "--raw", "--code", "--layout"]

    static func mutate(_ args: [String], using rng: inout SplitMix64) -> [String] {
        var out = args
        for _ in 0..<(1 + Int(rng.next() % 4)) {
            let piece = pieces[Int(rng.next() % UInt64(pieces.count))]
            switch rng.next() % 3 {
            case 0 where !out.isEmpty: out[Int(rng.next() % UInt64(out.count))] = piece
            case 1: out.insert(piece, at: out.isEmpty ? 0 : 1 + Int(rng.next() % UInt64(out.count)))
            default: if out.count > 1 { out.remove(at: 1 + Int(rng.next() % UInt64(out.count - 1))) }
            }
        }
        // Never write files from a mutated command line.
        if let o = out.firstIndex(of: "-o") { out.removeSubrange(o...) }
        return out
    }

    func check(seed: Int, rounds: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        for round in 0..<rounds {
            let base = Self.commands[Int(rng.next() % UInt64(Self.commands.count))]
            let args = Self.mutate(base, using: &rng)
            let out = try RespgraphBinary.run(args)
            #expect([0, 1, 64].contains(out.status), "seed \(seed) round \(round): \(args) → \(out.status)")
            #expect(!out.stderr.contains("Fatal error"), "seed \(seed) round \(round): \(args)")
        }
    }

    @Test(arguments: 0..<2)
    func mutatedCommandLinesNeverTrap(seed: Int) throws { try check(seed: seed, rounds: 30) }

    /// A time-bounded run for CI: RESPGRAPH_FUZZ_SECONDS=N keeps mutating from seed 1000 on for N seconds.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RESPGRAPH_FUZZ_SECONDS"] != nil,
                   "a time-bounded run: RESPGRAPH_FUZZ_SECONDS=N swift test --filter timeBounded (.ci/run runs it)"))
    func timeBoundedCommandLineMutationRun() throws {
        let seconds = try #require(Double(ProcessInfo.processInfo.environment["RESPGRAPH_FUZZ_SECONDS"] ?? ""), "RESPGRAPH_FUZZ_SECONDS is a number of seconds")
        let deadline = Date().addingTimeInterval(seconds)
        var seed = 1000
        while Date() < deadline {
            try check(seed: seed, rounds: 10)
            seed += 1
        }
        print("command-line mutation run: seeds 1000..<\(seed) without a trap")
    }
}
