import Foundation
import RespGraphTestSupport
import Testing

/// Golden files pin every command's help and one answer of every query in every format, so a change
/// of wording, columns or keys shows up as a diff to review. Re-record after an intended change:
/// RESPGRAPH_RECORD=1 swift test --filter GoldenOutputTests (then review `git diff Tests/RespGraphCLITests/Golden`).
@Suite struct GoldenOutputTests {
    static let commands = ["summary", "agencies", "agency", "task", "workload", "centrality", "deps", "structure", "path", "plan",
                           "diff", "report", "dot", "export", "generate", "diagnostics", "import", "registry"]
    /// One query per command that answers in table, JSON and CSV.
    static let queries: [(name: String, args: [String])] = [
        ("summary", ["summary"]), ("agencies", ["agencies", "--top", "8"]), ("agency", ["agency", "数据局", "--doc", "2024"]),
        ("task", ["task", "2024:41"]), ("workload", ["workload", "--top", "8"]), ("workload-checks", ["workload", "checks", "--doc", "2024"]),
        ("centrality", ["centrality", "betweenness", "--top", "8"]), ("deps", ["deps", "--pairs", "--top", "5"]),
        ("structure", ["structure", "--doc", "2024"]), ("path", ["path", "自治区数据局", "南宁海关"]),
        ("plan", ["plan", "--indicator", "纳税", "--doc", "2024"]), ("diff", ["diff", "2022", "2024", "--top", "5"]),
        ("diagnostics", ["diagnostics", "--severity", "error"]),
    ]

    static func golden(_ name: String) -> String { Repository.path("Tests/RespGraphCLITests/Golden/\(name)") }

    static func compare(_ text: String, to name: String) throws {
        let path = golden(name)
        if ProcessInfo.processInfo.environment["RESPGRAPH_RECORD"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "\(name) differs from its golden file; if intended, re-record (see GoldenOutputTests)")
    }

    @Test(arguments: commands)
    func helpText(command: String) throws {
        let out = try RespgraphBinary.run(["help", command])
        #expect(out.status == 0)
        try Self.compare(out.stdout, to: "help-\(command).txt")
    }

    @Test(arguments: queries.map(\.name))
    func answerInEveryFormat(name: String) throws {
        let args = try #require(Self.queries.first { $0.name == name }).args
        for format in ["table", "json", "csv"] {
            let out = try RespgraphBinary.run(args + ["--format", format])
            #expect(out.status == 0, "\(args) \(format): \(out.stderr)")
            try Self.compare(out.stdout, to: "\(name).\(format == "table" ? "txt" : format)")
        }
    }
}
