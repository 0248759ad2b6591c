import Foundation
import RespGraphTestSupport
import Testing

/// Golden files pin every command's help and one answer of every query in every format, so a change
/// of wording, columns or keys shows up as a diff to review. Re-record after an intended change:
/// RESPGRAPH_RECORD=1 swift test --filter GoldenOutputTests (then review `git diff Tests/RespGraphCLITests/Golden`).
@Suite struct GoldenOutputTests {
    static let commands = ["summary", "agencies", "agency", "task", "workload", "workload outliers", "workload roster", "workload checks",
                           "workload balance", "centrality", "deps", "deps pairs", "deps matrix", "structure", "path", "plan",
                           "diff", "matrix", "report", "explore", "dot", "dot same-layout", "export", "generate", "diagnostics", "import", "review", "registry draft"]
    /// One query per command that answers in table, JSON and CSV.
    static let queries: [(name: String, args: [String])] = [
        ("summary", ["summary"]), ("agencies", ["agencies", "--top", "8"]), ("agency", ["agency", "数据局", "--doc", "2024"]),
        ("task", ["task", "2024:41"]), ("workload", ["workload", "--top", "8"]), ("workload-checks", ["workload", "checks", "--doc", "2024"]),
        ("workload-by-indicator", ["workload", "--by", "indicator", "--top", "3", "--doc", "2024"]),
        ("workload-outliers", ["workload", "outliers", "--doc", "2024"]), ("workload-roster", ["workload", "roster", "--doc", "2024"]),
        ("workload-balance", ["workload", "balance", "--doc", "2024"]), ("deps-agency", ["deps", "数据局", "--doc", "2024"]),
        ("centrality", ["centrality", "betweenness", "--top", "8"]), ("deps", ["deps", "pairs", "--top", "5"]),
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
        let out = try RespgraphBinary.run(["help"] + command.split(separator: " ").map(String.init))
        #expect(out.status == 0)
        try Self.compare(out.stdout, to: "help-\(command.replacingOccurrences(of: " ", with: "-")).txt")
        // `respgraph COMMAND --help` prints the same.
        let inline = try RespgraphBinary.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(inline.stdout == out.stdout)
    }

    /// The README's command table is the one the specs produce (`respgraph help --markdown`).
    @Test func readmeCommandTableIsGenerated() throws {
        let table = try RespgraphBinary.run(["help", "--markdown"]).stdout
        let readme = try Repository.text("README.md")
        let begin = "<!-- commands: respgraph help --markdown -->\n", end = "<!-- end commands -->"
        let start = try #require(readme.range(of: begin), "README lacks the command-table markers")
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == table, "README's command table is stale: paste `respgraph help --markdown` between the markers")
    }

    /// Every `$ respgraph …` shown in a README text block prints what the README shows (commands
    /// with a `#` comment are illustrations on files the reader has, and are skipped).
    @Test func readmeSessionsRerun() throws {
        let lines = try Repository.text("README.md").components(separatedBy: "\n")
        var inBlock = false, checked = 0
        var i = 0
        while i < lines.count {
            let line = lines[i]
            i += 1
            if line.hasPrefix("```") { inBlock = line.hasPrefix("```text"); continue }
            guard inBlock, line.hasPrefix("$ respgraph "), !line.contains("#") else { continue }
            var shown: [String] = []
            while i < lines.count, !lines[i].hasPrefix("$ "), !lines[i].hasPrefix("```") { shown.append(lines[i]); i += 1 }
            let args = line.dropFirst("$ respgraph ".count).split(separator: " ").map(String.init)
            let out = try RespgraphBinary.run(args)
            let printed = (out.stdout + out.stderr).trimmingCharacters(in: .newlines)
            #expect(printed == shown.joined(separator: "\n").trimmingCharacters(in: .newlines), "README: \(line)")
            checked += 1
        }
        #expect(checked >= 5)
    }

    /// Every command is listed in the overview and has golden help.
    @Test func everyCommandHasGoldenHelp() throws {
        let overview = try RespgraphBinary.run(["help"]).stdout
        let listed = overview.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { line in
            line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").first ?? ""
        }
        #expect(Set(listed) == Set(Self.commands), "\(listed)")
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
