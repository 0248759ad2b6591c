import Foundation
import RespGraphCLI
import RespGraphTestSupport
import Testing

/// The built respgraph binary, run as a user runs it: stdout, stderr and exit status.
@Suite struct CLITests {
    func run(_ args: [String], in dir: String? = nil) throws -> ProcessOutput { try RespgraphBinary.run(args, in: dir) }

    @Test func summaryOnEmbeddedDataFromAnyDirectory() throws {
        let out = try run(["summary"], in: "/")
        #expect(out.status == 0)
        #expect(out.stderr.isEmpty)
        #expect(out.stdout.contains("2022年广西优化营商环境行动方案"))
        #expect(out.stdout.contains("Total: 400 tasks"))
        let json = try run(["summary", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["tasks"] as? Int == 400)
        let docs = try #require(object["documents"] as? [[String: Any]])
        #expect(docs.map { $0["table_tasks"] as? Int } == [199, 178])
        #expect(docs.map { $0["work_points"] as? Int } == [0, 23])
    }

    @Test func docSelectsOneDocument() throws {
        let out = try run(["summary", "--doc", "2022", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(object["tasks"] as? Int == 199)
        let bad = try run(["summary", "--doc", "2023"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("no document '2023'"))
    }

    @Test func agencyAcceptsAUniqueSubstring() throws {
        let out = try run(["agency", "数据局"])
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("自治区数据局"))
        #expect(out.stdout.contains("Succeeds: 自治区大数据发展局"))
        #expect(out.stdout.contains("2024:W1"))
    }

    @Test func ambiguousAgencyListsTheMatches() throws {
        let out = try run(["agency", "人民银行"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("中国人民银行广西壮族自治区分行"))
        #expect(out.stderr.contains("中国人民银行南宁中心支行"))
    }

    @Test func taskShowsItsAgenciesAndSourceLine() throws {
        let out = try run(["task", "2024:46", "--format", "json"])
        #expect(out.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(object["leads"] as? [String] == ["自治区党委金融办", "自治区发展改革委", "中国人民银行广西壮族自治区分行"])
        #expect(object["supporters"] as? [String] == ["自治区数据局", "广西证监局"])
        #expect(object["source_line"] as? Int == 171)
        let missing = try run(["task", "2024:999"])
        #expect(missing.status == 1 && missing.stderr.contains("no task '2024:999'"))
    }

    @Test func workloadTopAndByIndicator() throws {
        let out = try run(["workload", "--doc", "2024", "--top", "3", "--format", "csv"])
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.first == "rank,agency,kind,lead,support,weighted")
        #expect(lines.count == 4)
        #expect(lines[1] == "1,自治区市场监管局,regional-department,30,13,36.5")
        let by = try run(["workload", "--doc", "2022", "--top", "1", "--by", "indicator", "--format", "csv"])
        let header = by.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.hasPrefix("agency,开办企业,人力资源服务,办理建筑许可"))
        #expect(by.stdout.split(separator: "\n").dropFirst().first?.hasPrefix("自治区市场监管局,") == true)
    }

    @Test func tablesAlignChineseByDisplayWidth() throws {
        let out = try run(["workload", "--top", "5"])
        let rows = out.stdout.split(separator: "\n").map(String.init).filter { $0.contains("regional-department") }
        #expect(rows.count >= 3)
        // The kind column starts at the same display column on every row.
        let starts = rows.map { row -> Int in
            let prefix = row[..<(row.range(of: "regional-department")?.lowerBound ?? row.endIndex)]
            return DisplayWidth.of(String(prefix))
        }
        #expect(Set(starts).count == 1)
    }

    @Test(arguments: ["summary", "agencies", "agency", "task", "workload", "centrality", "deps", "structure", "path", "plan", "diff", "diagnostics", "import"])
    func everyCommandHasHelpAndHelpCommandAgrees(command: String) throws {
        let a = try run([command, "--help"]), b = try run(["help", command]), c = try run([command, "-h"])
        #expect(a.status == 0 && a.stdout.contains("Usage: respgraph \(command)"))
        #expect(a.stdout == b.stdout && b.stdout == c.stdout)
    }

    @Test func usageErrorsExit64() throws {
        let unknown = try run(["workload", "--topp", "3"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Did you mean '--top'?"))
        let missing = try run(["agency"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Usage: respgraph agency"))
        let badNumber = try run(["workload", "--top", "many"])
        #expect(badNumber.status == 64)
        let command = try run(["sumary"])
        #expect(command.status == 64 && command.stderr.contains("Did you mean 'summary'?"))
        let format = try run(["summary", "--format", "xml"])
        #expect(format.status == 64)
    }

    @Test(arguments: ["table", "json", "csv"])
    func everyQueryAnswersInEveryFormat(format: String) throws {
        let queries: [[String]] = [
            ["summary"], ["agencies", "--top", "3"], ["agency", "数据局"], ["task", "2022:1"], ["workload", "--top", "3"],
            ["workload", "--by", "indicator", "--top", "2"], ["workload", "checks"], ["workload", "roster"], ["workload", "balance", "--doc", "2024"],
            ["workload", "outliers"], ["centrality", "betweenness", "--top", "5"], ["centrality", "pagerank", "--doc", "2024"],
            ["centrality", "structural-holes", "--weighted"], ["centrality", "closeness", "--weighted", "--weight-as", "distance"],
            ["centrality", "degree", "--network", "dependency"], ["deps"], ["deps", "数据局"], ["deps", "pairs", "--top", "5"],
            ["structure", "--doc", "2022"], ["path", "教育厅", "海事局", "--doc", "2024"], ["plan", "--doc", "2024", "--indicator", "获得信贷", "--meetings", "2"],
            ["diff", "2022", "2024"], ["diagnostics", "--severity", "warning"],
        ]
        for args in queries {
            let out = try run(args + ["--format", format])
            #expect(out.status == 0, "\(args)")
            #expect(!out.stdout.isEmpty, "\(args)")
            if format == "json" {
                #expect((try? JSONSerialization.jsonObject(with: Data(out.stdout.utf8))) != nil, "\(args)")
            }
        }
    }

    @Test func centralityStatesWeightMeaningAndNormalisation() throws {
        let out = try run(["centrality", "betweenness", "--weighted", "--doc", "2024", "--top", "3", "--format", "json"])
        #expect(out.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect((object["weight_meaning"] as? String)?.contains("1/w") == true)
        #expect((object["notes"] as? [String])?.contains { $0.contains("(n−1)(n−2)") } == true)
        #expect((object["results"] as? [[String: Any]])?.count == 3)
        let bad = try run(["centrality", "betweeness"])
        #expect(bad.status == 64 && bad.stderr.contains("Did you mean 'betweenness'?"))
        let weightAs = try run(["centrality", "closeness", "--weight-as", "distance"])
        #expect(weightAs.status == 64)
    }

    @Test func diffMatchesRenamedAgenciesAsOneRow() throws {
        let out = try run(["diff", "2022", "2024", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["agencies"] as? [[String: Any]])
        let data = try #require(rows.first { $0["agency"] as? String == "自治区数据局" })
        #expect(data["former_names"] as? [String] == ["自治区大数据发展局"])
        #expect((data["lead_before"] as? Int ?? 0) > 0 && (data["lead_after"] as? Int ?? 0) > 0)
        #expect(!rows.contains { $0["agency"] as? String == "自治区大数据发展局" })
    }

    /// Indicators renamed between the plans (Graphs/indicators.csv) are matched, not listed as removed and added.
    @Test func diffMatchesRenamedIndicators() throws {
        let out = try run(["diff", "2022", "2024", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect((object["indicators_renamed"] as? [String])?.contains("开办企业→企业开办") == true)
        #expect((object["indicators_added"] as? [String]) == [])
        #expect((object["indicators_removed"] as? [String]) == ["保护中小投资者", "知识产权创造保护和运用"])
    }

    @Test func checksFindTheRowWithoutLead() throws {
        let out = try run(["workload", "checks", "--doc", "2024", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.filter { $0["check"] as? String == "no lead" }.compactMap { $0["task"] as? String } == ["2024:23"])
        #expect((object["counts"] as? [String: Int])?["without_lead"] == 1)
    }

    @Test func pathAndPlanAnswerOnRealData() throws {
        let path = try run(["path", "教育厅", "海事局", "--doc", "2024", "--format", "json"])
        let p = try #require(try JSONSerialization.jsonObject(with: Data(path.stdout.utf8)) as? [String: Any])
        #expect(p["length"] as? Int == 2)
        let plan = try run(["plan", "--doc", "2024", "--meetings", "5", "--format", "json"])
        let q = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        #expect((q["meetings"] as? [Any])?.count == 5)
        let bound = q["lower_bound"] as? Int ?? .max, attendance = q["attendance"] as? Int ?? 0
        #expect(bound <= attendance && attendance < 130)
        #expect((q["caps"] as? [String: Any])?["max_tasks"] as? Int == 45)
        let tooSmall = try run(["plan", "--doc", "2024", "--max-agencies", "5"])
        #expect(tooSmall.status == 1 && tooSmall.stderr.contains("alone invites") && tooSmall.stderr.contains("--max-agencies 5"))
        let none = try run(["plan", "--indicator", "不存在"])
        #expect(none.status == 1 && none.stderr.contains("indicators:"))
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        for args in [["structure", "--format", "json"], ["centrality", "betweenness", "--weighted", "--format", "csv"], ["plan", "--meetings", "4", "--format", "json"]] {
            let a = try run(args), b = try run(args)
            #expect(a.stdout == b.stdout, "\(args)")
        }
    }

    @Test func importRegeneratesTheCuratedTable() throws {
        let folder = try TemporaryFolder()
        let out = try run(["import", Repository.path("Graphs/sources/guangxi-2024-work-points.txt"), "-o", folder.path + "/t.csv"])
        #expect(out.status == 0)
        #expect(out.stderr.contains("178 table rows and 23 work points"))
        let written = try String(contentsOfFile: folder.path + "/t.csv", encoding: .utf8)
        let curated = try Repository.text("Graphs/guangxi-2024-tasks.csv")
        // Same rows; only the source path in the file differs, and the table holds none.
        #expect(written == curated)
    }

    @Test func badInputGivesFileLineAndNonZeroExit() throws {
        let folder = try TemporaryFolder()
        let noLead = try folder.write("nolead.csv", "序号,任务,牵头单位\n1,甲,自治区公安厅\n2,乙,\n")
        // A row without a lead is imported and marked (every reader's rule); --strict refuses it.
        let out = try run(["import", noLead, "--strict"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("nolead.csv:3: warning: task 2 has no lead agency"))
        let marked = try run(["import", noLead])
        #expect(marked.status == 0 && marked.stdout.hasSuffix(",missing-lead\n"))
        let quote = try folder.write("quote.csv", "序号,任务,牵头单位\n1,\"甲,自治区公安厅\n")
        let q = try run(["summary", "--graph", quote])
        #expect(q.status == 1 && q.stderr.contains("quote.csv:2: error:") && q.stderr.contains("unbalanced quote"))
        let missing = try run(["import", folder.path + "/nothing.txt"])
        #expect(missing.status == 1 && missing.stderr.contains("nothing.txt: error: no such file"))
        let empty = try folder.write("empty.txt", "")
        #expect(try run(["import", empty]).stderr.contains("the file is empty"))
        let gbk = try folder.write("gbk.txt", bytes: Array("序号\t任务\t牵头单位\n".utf8) + [0xD7, 0xD4, 0xD6, 0xCE])
        let g = try run(["import", gbk])
        #expect(g.status == 1 && g.stderr.contains("gbk.txt:2: error: invalid UTF-8"))
        let notice = try folder.write("notice.txt", "通知\n现印发给你们。\n")
        let n = try run(["import", notice])
        #expect(n.status == 1 && n.stderr.contains("no task found"))
        let dup = try folder.write("dup.csv", "序号,任务,牵头单位\n1,甲,自治区公安厅\n1,乙,自治区民政厅\n")
        let d = try run(["summary", "--graph", dup])
        #expect(d.status == 1 && d.stderr.contains("dup.csv:3: error: task dup:1 is listed twice"))
        for result in [out, q, missing, g, n, d] { #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump")) }
    }

    @Test func ownSpreadsheetIsReadWithTheSameNameRules() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("office.csv", "序号,指标,任务,牵头单位,配合单位\n1,开办企业,甲,自治区公安厅、民政厅,各市、县人民政府\n2,,乙,自治区民政厅,某新单位\n")
        let out = try run(["agency", "民政厅", "--graph", path, "--format", "json"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("\"task\": \"office:1\""))
        #expect(out.stdout.contains("\"task\": \"office:2\""))
    }
}

/// Tables fit the terminal they are printed to: text columns are cut, numbers never.
@Suite struct TerminalWidthTests {
    @Test(arguments: [60, 80, 120])
    func tablesFitTheTerminal(width: Int) {
        let out = RespGraphCommandLine.run(["agency", "数据局", "--doc", "2024"], terminalWidth: width)
        #expect(out.status == 0)
        let tableLines = out.stdout.split(separator: "\n").filter { $0.contains("  ") && !$0.hasPrefix("自治区数据局") }
        #expect(!tableLines.isEmpty)
        for line in tableLines { #expect(DisplayWidth.of(String(line)) <= width, "\(DisplayWidth.of(String(line))) > \(width): \(line)") }
        // Numbers stay whole: the partners' three count columns read the same as in the uncut table.
        func counts(_ text: String) -> [String] {
            let partners = text.components(separatedBy: "Partners (shared tasks)").last ?? ""
            return partners.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").suffix(3).joined(separator: " ") }
        }
        let natural = RespGraphCommandLine.run(["agency", "数据局", "--doc", "2024"])
        #expect(counts(out.stdout) == counts(natural.stdout) && counts(out.stdout).count > 10)
    }

    /// `--width N` fits a table to N columns like a terminal would; `COLUMNS` sets the width of the
    /// binary's tables; `--lang zh` puts headers, kinds and roles in Chinese.
    @Test func widthLanguageAndColumns() throws {
        let out = try RespgraphBinary.run(["agency", "数据局", "--doc", "2024", "--width", "70"])
        #expect(out.stdout.split(separator: "\n").filter { $0.contains("  ") }.allSatisfy { DisplayWidth.of(String($0)) <= 70 })
        let zh = try RespgraphBinary.run(["workload", "--top", "2", "--lang", "zh"])
        #expect(zh.stdout.hasPrefix("排名  机构"), "\(zh.stdout)")
        // Chinese all the way: kinds and roles in tables and CSV; JSON keeps English words for programs.
        #expect(zh.stdout.contains("自治区部门") && !zh.stdout.contains("regional-department"), "\(zh.stdout)")
        let csv = try RespgraphBinary.run(["workload", "--top", "2", "--lang", "zh", "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("排名,机构,类别,牵头,配合,加权负荷\n1,自治区市场监管局,自治区部门,"), "\(csv.stdout)")
        let agency = try RespgraphBinary.run(["agency", "自治区数据局", "--doc", "2024", "--lang", "zh", "--format", "csv"])
        #expect(agency.stdout.contains("\n牵头,2024:") && !agency.stdout.contains("\nlead,"), "\(agency.stdout)")
        #expect(try RespgraphBinary.run(["workload", "--format", "json", "--lang", "zh"]).status == 64)
        #expect(try RespgraphBinary.run(["workload", "--width", "10"]).status == 64)
        #expect(try RespgraphBinary.run(["workload", "--format", "csv", "--width", "80"]).status == 64)
        let binary = try #require(RespgraphBinary.path)
        let text = try DiagramAndExportTests.tool(binary, ["agency", "数据局", "--doc", "2024"], input: "", environment: ["COLUMNS": "60"]).stdout
        #expect(text.split(separator: "\n").filter { $0.contains("  ") }.allSatisfy { DisplayWidth.of(String($0)) <= 60 })
    }

    /// In a CJK terminal (RESPGRAPH_AMBIGUOUS_WIDE=1) “ ” … count two columns, so rows still line up.
    @Test func ambiguousCharactersCanCountWide() {
        #expect(DisplayWidth.of("“获得”…") == 7 && DisplayWidth.of("“获得”…", ambiguousWide: true) == 10)
        var table = TextTable(columns: [.init("a"), .init("b", alignRight: true)])
        table.append(["“甲”", "1"])
        table.append(["乙…", "22"])
        let lines = table.rendered(ambiguousWide: true).split(separator: "\n").map { DisplayWidth.of(String($0), ambiguousWide: true) }
        #expect(Set(lines).count == 1, "\(lines)")
        #expect(table.rendered(ambiguousWide: true).contains("--"))
    }

    @Test func aPipeGetsTheNaturalWidth() {
        let natural = RespGraphCommandLine.run(["workload", "--top", "3"])
        let wide = RespGraphCommandLine.run(["workload", "--top", "3"], terminalWidth: 1000)
        #expect(natural.stdout == wide.stdout)
    }
}

/// Every example under Examples/ reruns to the output and DOT committed beside it.
@Suite struct ExampleTests {
    @Test(arguments: ["own-spreadsheet", "workload-balancing-2024", "ego-network-data-bureau", "meeting-plan-credit", "research-report"])
    func exampleRerunsToItsCommittedOutput(name: String) throws {
        try Self.rerun(name)
    }

    /// The example that reads one plan as text, Word, web page and PDF.
    @Test(.needs(.poppler)) func theFourFormatsExampleRerunsToItsCommittedOutput() throws {
        try Self.rerun("one-plan-four-formats")
    }

    /// Runs an example's script and compares what it writes with what is committed.
    static func rerun(_ name: String) throws {
        let binary = try #require(RespgraphBinary.path)
        let folder = try TemporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Repository.path("Examples/\(name)/run.sh")]
        process.environment = ["RESPGRAPH": binary, "PATH": "/usr/bin:/bin", "OUT": folder.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let committed = FileManager.default.fileExists(atPath: Repository.path("Examples/\(name)/output.txt")) ? "output.txt" : "report.md"
        #expect(String(decoding: data, as: UTF8.self) == (try Repository.text("Examples/\(name)/\(committed)")))
        let committedDOT = Repository.path("Examples/\(name)/diagram.dot")
        if FileManager.default.fileExists(atPath: committedDOT) {
            #expect((try? String(contentsOfFile: folder.path + "/diagram.dot", encoding: .utf8)) == (try Repository.text("Examples/\(name)/diagram.dot")))
            for picture in ["diagram.svg", "diagram.png"] {
                #expect(FileManager.default.fileExists(atPath: Repository.path("Examples/\(name)/\(picture)")), "\(picture) is committed")
            }
        }
    }
}

/// Output never depends on the thread count or on hash seeds.
@Suite struct DeterminismTests {
    static func run(_ args: [String], environment: [String: String]) throws -> String {
        try RespgraphBinary.run(args, environment: environment).stdout
    }

    @Test func sameBytesWhateverTheThreadCountOrHashSeed() throws {
        let queries: [[String]] = [
            ["structure", "--format", "json"], ["centrality", "betweenness", "--weighted", "--format", "csv"],
            ["centrality", "closeness", "--format", "csv"], ["centrality", "structural-holes", "--weighted", "--format", "json"],
            ["plan", "--meetings", "6", "--format", "json"], ["diff", "2022", "2024", "--format", "json"],
            ["dot", "--network", "tasks", "--doc", "2024"], ["export", "--format", "graphml"],
        ]
        for q in queries {
            let one = try Self.run(q, environment: ["RESPGRAPH_THREADS": "1"])
            let two = try Self.run(q, environment: ["RESPGRAPH_THREADS": "2"])
            let seeded = try Self.run(q, environment: ["RESPGRAPH_THREADS": "3", "SWIFT_DETERMINISTIC_HASHING": "1"])
            #expect(!one.isEmpty)
            #expect(one == two, "\(q)")
            #expect(one == seeded, "\(q)")
        }
    }

    @Test func sampledBetweennessStaysWithinItsBound() throws {
        let exact = try Self.run(["centrality", "betweenness", "--doc", "2024", "--format", "json"], environment: [:])
        let sampled = try Self.run(["centrality", "betweenness", "--doc", "2024", "--sample", "30", "--format", "json"], environment: [:])
        func values(_ text: String) throws -> [String: Double] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let results = try #require(object["results"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: results.map { ($0["agency"] as! String, $0["betweenness"] as! Double) })
        }
        let e = try values(exact), s = try values(sampled)
        let note = try #require(try JSONSerialization.jsonObject(with: Data(sampled.utf8)) as? [String: Any])
        let bound = try #require((note["notes"] as? [String])?.first { $0.contains("within ±") })
        let epsilon = try #require(Double(bound.split(separator: "±")[1].prefix { $0 != " " }))
        #expect(e.keys == s.keys)
        for (name, value) in e { #expect(abs(value - s[name]!) <= epsilon, "\(name)") }
    }
}

/// The research report.
@Suite struct ReportTests {
    func run(_ args: [String]) throws -> ProcessOutput { try RespgraphBinary.run(args) }

    @Test(arguments: ["md", "csv", "json", "html"])
    func reportAnswersInEveryFormat(format: String) throws {
        let out = try run(["report", "--compare", "2022", "--compare", "2024", "--format", format])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stdout.isEmpty)
    }

    @Test func networkLevelFiguresMatchTheGoldenValues() throws {
        let out = try run(["report", "--doc", "2024", "--format", "json", "--lang", "en"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let measures = try #require(object["network_level"] as? [[String: Any]])
        func value(_ key: String) -> Double? { (measures.first { $0["key"] as? String == key }?["values"] as? [String: Any])?["2024"] as? Double }
        let golden = try #require(try JSONSerialization.jsonObject(with: Data(Repository.text("Tests/RespGraphAnalysisTests/Golden/networkx-golden.json").utf8)) as? [String: Any])
        let ref = try #require((((golden["documents"] as? [String: Any])?["2024"] as? [String: Any])?["network_level"]) as? [String: Any])
        for (ours, theirs) in [("density", "density"), ("transitivity", "transitivity"), ("compactness", "global_efficiency"),
                               ("degree_assortativity", "degree_assortativity"), ("betweenness_centralization", "betweenness_centralization")] {
            let a = try #require(value(ours), "\(ours)"), b = try #require((ref[theirs] as? NSNumber)?.doubleValue)
            #expect(abs(a - b) < 1e-9, "\(ours)")
        }
        #expect((measures.first { $0["key"] as? String == "density" }?["label"] as? String) == "density")
    }

    @Test func compareMatchesRenamedAgenciesAndIsBilingual() throws {
        let zh = try run(["report", "--compare", "2022", "--compare", "2024"])
        #expect(zh.stdout.contains("政策主体合作网络对比报告"))
        #expect(zh.stdout.contains("| 自治区数据局 | 自治区大数据发展局 |"))
        #expect(zh.stdout.contains("网络密度"))
        let en = try run(["report", "--compare", "2022", "--compare", "2024", "--lang", "en"])
        #expect(en.stdout.contains("Inter-agency network report"))
        #expect(en.stdout.contains("| density |"))
        #expect(en.stdout.contains("Definitions and references"))
        #expect(en.stdout.contains("respgraph agency NAME"))
    }

    @Test func htmlIsOneSelfContainedFile() throws {
        let out = try run(["report", "--doc", "2024", "--format", "html"])
        #expect(out.stdout.hasPrefix("<!DOCTYPE html>"))
        // The network diagram, the load bars and the Lorenz curve.
        #expect(out.stdout.components(separatedBy: "<svg").count - 1 == 3)
        #expect(out.stdout.contains("<polyline points=\"30.0,250.0 "))
        #expect(!out.stdout.contains("<script") && !out.stdout.contains("<link") && !out.stdout.contains("src=\"http"))
    }

    /// The briefing opens with findings whose numbers are respgraph's, lists community and core
    /// members, defines measures in the report's language, right-aligns numbers, and its CSV holds
    /// the agency-level table and changes with an ASCII minus.
    @Test func theBriefingStatesFindingsFromTheNumbers() throws {
        let zh = try run(["report", "--compare", "2022,2024"]).stdout
        let workload = try run(["workload", "--doc", "2024", "--top", "3", "--format", "json"]).stdout
        let agencies = try #require((try JSONSerialization.jsonObject(with: Data(workload.utf8)) as? [String: Any])?["agencies"] as? [[String: Any]])
        let heaviest = agencies.compactMap { $0["agency"] as? String }
        #expect(zh.contains("2024年负荷集中：负荷最重的3个主体——\(heaviest[0])（"), "\(heaviest)")
        #expect(heaviest.allSatisfy { zh.contains($0 + "（") })
        #expect(zh.contains("凝聚子群成员") && zh.contains("核心成员"))
        #expect(zh.contains("| 网络密度 | 2m / (n(n−1)) |") && zh.contains("可达主体对之间最短距离"))
        #expect(!zh.contains("mean d_ij over pairs"))
        #expect(zh.contains("|---|---:|---:|---:|"))
        let csv = try run(["report", "--compare", "2022,2024", "--format", "csv", "--no-bom"]).stdout
        #expect(csv.contains("network_level,density,网络密度,2022→2024,-0.0864"))
        #expect(csv.contains("agency_level,betweenness,自治区发展改革委,2024,0.207"))
        #expect(!csv.contains("−"))
    }
}
