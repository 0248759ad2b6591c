import Foundation
import RespGraphTestSupport
import Testing

/// Importing documents of other places from the command line, as an office would.
@Suite struct DocumentImportCLITests {
    func run(_ args: [String]) throws -> ProcessOutput { try RespgraphBinary.run(args) }

    static let county = """
    某县2024年优化营商环境重点任务分工方案
    一、提升政务服务效能
    （一）推进“一件事一次办”。（牵头单位：县政务服务中心；配合单位：县市场监管局、人社局）
    （二）压缩审批时限。（县行政审批局负责，县住建局配合）
    """
    static let city = """
    <html><head><meta charset="utf-8"></head><body>
    <p>某市数字政府建设工作要点</p>
    <p>一、夯实数字基础</p>
    <p>1.建设城市大脑。（市数据局牵头，市委网信办、市公安局配合）</p>
    <p>2.完善政务云。（责任单位：市数据局）</p>
    </body></html>
    """

    @Test func aFolderOfDocumentsImportsToOneTablePerDocument() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("docs/county.txt", Self.county)
        _ = try folder.write("docs/city.html", Self.city)
        let out = try run(["import", folder.path + "/docs", "-o", folder.path + "/out/"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("county.txt: 0 table rows and 2 work points (2 with a lead)"))
        #expect(out.stderr.contains("city.html: 0 table rows and 2 work points (2 with a lead)"))
        let county = try String(contentsOfFile: folder.path + "/out/county-tasks.csv", encoding: .utf8)
        #expect(county.contains("县政务服务中心,县市场监管局，县人社局"))
        #expect(county.contains("县行政审批局,县住建局"))
        let city = try String(contentsOfFile: folder.path + "/out/city-tasks.csv", encoding: .utf8)
        #expect(city.contains("市数据局,市委网信办，市公安局"))
        let summary = try run(["summary", "--graph", folder.path + "/docs", "--format", "json"])
        #expect(summary.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        #expect(object["tasks"] as? Int == 4)
    }

    @Test func plansOfTwoProvincesWarnOfSharedLevelNamesOrKeepThemApart() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("p/sd.txt", "山东省2024年数字经济工作要点\n一、基础\n（一）建设算力中心。（牵头单位：省发展改革委；配合单位：省财政厅）\n")
        _ = try folder.write("p/ah.txt", "安徽省2024年数字经济工作要点\n一、基础\n（一）建设数据中心。（牵头单位：省财政厅）\n")
        let merged = try run(["summary", "--graph", folder.path + "/p"])
        #expect(merged.status == 0)
        #expect(merged.stdout.contains("Total: 2 tasks, 2 agencies"))
        let warned = try run(["import", folder.path + "/p", "-o", folder.path + "/out/"])
        #expect(warned.stderr.contains("warning: '省财政厅' is named by documents of 安徽省 and 山东省"))
        let apart = try run(["summary", "--graph", folder.path + "/p", "--qualify-names"])
        #expect(apart.stdout.contains("Total: 2 tasks, 3 agencies"))
        let agency = try run(["agency", "山东省财政厅", "--graph", folder.path + "/p", "--qualify-names"])
        #expect(agency.status == 0)
    }

    /// A PDF table whose rows are mostly guesses (no rules, cells centred) is refused with exit 1 and a
    /// message saying why; --partial imports it, every guessed row marked.
    @Test(.needs(.poppler)) func aPDFTableThatCannotBeRebuiltIsRefusedUnlessPartialIsAsked() throws {
        let pdf = Repository.path("Tests/RespGraphImportTests/Fixtures/pdf-tables/guangxi-2024-table-unruled-chromium.pdf")
        let folder = try TemporaryFolder()
        let refused = try run(["import", pdf, "-o", folder.path + "/t.csv"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: the PDF's task table could not be rebuilt with confidence: 178 of 178 rows are guesses"))
        #expect(refused.stderr.contains("[table-not-rebuilt]") && refused.stderr.contains("--partial"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/t.csv"))
        let partial = try run(["import", pdf, "--partial", "-o", folder.path + "/t.csv"])
        #expect(partial.status == 0, "\(partial.stderr.suffix(400))")
        let table = try String(contentsOfFile: folder.path + "/t.csv", encoding: .utf8)
        let rows = table.split(separator: "\n").dropFirst()
        #expect(rows.count >= 178 && rows.allSatisfy { $0.hasSuffix("rebuilt-row") || $0.contains("rebuilt-row") })
        // The ruled print of the same table is read with confidence.
        let ruled = try run(["import", Repository.path("Tests/RespGraphImportTests/Fixtures/pdf-tables/guangxi-2024-table-chromium.pdf")])
        #expect(ruled.status == 0 && !ruled.stderr.contains("table-not-rebuilt"))
    }

    @Test func strictRefusesAWarningThatIsOtherwiseImported() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("inherit.txt", "一、数字政府（牵头单位：市数据局）\n1.建设城市大脑。\n2.完善政务云。\n")
        let soft = try run(["import", path])
        #expect(soft.status == 0)
        #expect(soft.stderr.contains("inherit.txt:2: warning: item 一1 names no agency"))
        let strict = try run(["import", path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr.contains("nothing written"))
    }

    @Test func twoDocumentsWithOneIdAreRefused() throws {
        let folder = try TemporaryFolder()
        let a = try folder.write("a/plan.txt", Self.county)
        let b = try folder.write("b/plan.txt", Self.county)
        let out = try run(["summary", "--graph", a, "--graph", b])
        #expect(out.status == 1)
        #expect(out.stderr.contains("the document id 'plan' is already used"))
    }

    @Test func aPDFWithoutPdftotextSaysHowToInstallIt() throws {
        let folder = try TemporaryFolder()
        let pdf = try folder.write("plan.pdf", bytes: Array("%PDF-1.4\n".utf8))
        let out = try RespgraphBinary.run(["import", pdf], environment: ["PATH": folder.path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("pdftotext") && out.stderr.contains("apt-get install poppler-utils"))
    }

    @Test func anOldWordFileWithoutLibreOfficeSaysHowToInstallItOrWhatToSaveAs() throws {
        let folder = try TemporaryFolder()
        let doc = Repository.path("Tests/RespGraphImportTests/Fixtures/office/county-plan.doc")
        let out = try RespgraphBinary.run(["import", doc, "-o", folder.path + "/"], environment: ["PATH": folder.path])
        let message = out.stderr
        #expect(out.status == 1)
        #expect(message.hasPrefix("\(doc): error: a Word 97–2003 document (.doc)"), "\(message)")
        #expect(message.contains("LibreOffice is not installed") && message.contains("apt install") && message.contains(".docx"))
    }

    @Test func docTakesAWenhaoOrAUniquePartOfATitle() throws {
        let corpus = Repository.path("Tests/RespGraphImportTests/Fixtures/corpus")
        let one = try run(["summary", "--graph", corpus, "--doc", "国发〔2018〕39号", "--format", "json"])
        #expect(one.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(object["tasks"] as? Int == 15)
        let many = try run(["summary", "--graph", corpus, "--doc", "国务院"])
        #expect(many.status == 1 && many.stderr.contains("say which"))
    }
}

/// Hostile inputs answered with a message and a non-zero exit, never a trap, a hang or a silent answer.
@Suite struct HostileInputTests {
    func run(_ args: [String]) throws -> ProcessOutput { try RespgraphBinary.run(args) }

    /// An option that would be ignored where it is given is a usage error naming why, never silence.
    @Test(arguments: [
        (["centrality", "pagerank", "--newman"], "--newman"), (["structure", "--network", "dependency", "--newman"], "--newman"),
        (["centrality", "degree", "--weighted"], "--weighted"), (["centrality", "closeness", "--raw"], "--raw"),
        (["centrality", "betweenness", "--seed", "2"], "--seed needs --sample"),
        (["centrality", "betweenness", "--epsilon", "0.01", "--weighted"], "exclude each other"), (["centrality", "closeness", "--epsilon", "0.01"], "--epsilon"),
        (["centrality", "betweenness", "--delta", "0.1"], "--delta needs --epsilon"), (["centrality", "betweenness", "--weight-as", "distance"], "--weight-as needs --weighted"),
        (["deps", "数据局", "--top", "3"], "exclude each other"), (["deps", "--pairs"], "renamed: respgraph deps pairs"),
        (["dot", "--same-layout", "2022,2024", "-o", "x"], "renamed: respgraph dot same-layout"),
        (["workload", "--by", "indicator", "--split-leads"], "--split-leads"), (["workload", "--max-leads", "2"], "belongs to respgraph workload checks"),
        (["dot", "--network", "tasks", "--min-weight", "2"], "--min-weight"), (["dot", "--depth", "2"], "--depth needs --agency"),
        (["dot", "--cluster", "indicator"], "--cluster"), (["dot", "--top", "3", "--all"], "exclude each other"),
        (["export", "--format", "graphml", "--bom"], "--bom"), (["export", "--format", "tasks", "--network", "coassign"], "does not apply"),
        (["report", "2022", "2024"], "DOC needs --compare"), (["report", "--compare", "2022,2024", "--doc", "2022"], "exclude each other"),
        (["import", "a.xlsx", "b.xlsx", "--sheet", "x"], "--sheet"), (["import", "a.csv", "--corrections", "c.csv", "--no-corrections"], "exclude each other"),
    ])
    func optionsThatWouldBeIgnoredAreUsageErrors(args: [String], message: String) throws {
        let out = try run(args)
        #expect(out.status == 64, "\(args): \(out.stderr)")
        #expect(out.stderr.contains(message), "\(args): \(out.stderr)")
    }

    @Test func numbersOutsideTheirMeaningAreUsageErrors() throws {
        for args in [["workload", "--lead-weight", "1e19"], ["workload", "--support-weight", "-1"], ["workload", "outliers", "--mad-k", "-1"], ["workload", "--checks"], ["workload", "roster", "--mad-k", "2"],
                     ["workload", "--lead-weight", "0", "--support-weight", "0"], ["dot", "--min-weight", "1e300"]] {
            let out = try run(args)
            #expect(out.status == 64, "\(args)")
            #expect(out.stderr.contains("error:") && !out.stderr.contains("Fatal error"), "\(args): \(out.stderr)")
        }
    }

    @Test func oneNameForTheNetworkChoice() throws {
        let old = try run(["dot", "--view", "tasks"])
        #expect(old.status == 64 && old.stderr.contains("--view was renamed: --network"))
        for command in [["dot"], ["export", "--format", "json"], ["centrality", "degree"]] {
            #expect(try run(command + ["--network", "dependency"]).status == 0, "\(command)")
        }
    }

    @Test func aHugeDepthStopsWhenNothingNewIsReached() throws {
        let out = try run(["dot", "--agency", "数据局", "--depth", "9223372036854775807"])
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("digraph") || out.stdout.hasPrefix("graph"))
    }

    @Test func tableHeadersThatCannotBeReadAreErrorsAndDoubtfulCellsMarkedWithTheirLine() throws {
        let folder = try TemporaryFolder()
        let cr = try folder.write("cr.csv", "序号,任务,牵头单位\r1,甲,自治区公安厅\r2,乙,自治区民政厅\r")
        let crOut = try run(["summary", "--graph", cr, "--format", "json"])
        #expect(crOut.status == 0 && crOut.stdout.contains("\"tasks\": 2"))
        let dup = try folder.write("dup.csv", "序号,任务,牵头单位,lead\n1,甲,自治区公安厅,自治区民政厅\n")
        let dupOut = try run(["summary", "--graph", dup])
        #expect(dupOut.status == 1 && dupOut.stderr.contains("dup.csv:1: error: the header names the lead column twice: '牵头单位' (column 3) and 'lead' (column 4)"))
        let punct = try folder.write("punct.csv", "序号,任务,牵头单位\n1,甲,、、、，，，\n")
        // A cell of punctuation only: the row is imported and marked, refused with --strict.
        let punctOut = try run(["import", punct])
        #expect(punctOut.status == 0 && punctOut.stderr.contains("punct.csv:2: warning: the 牵头单位 cell '、、、，，，' names no agency"))
        #expect(punctOut.stdout.split(separator: "\n")[1].hasSuffix(",empty-names"))
        #expect(try run(["import", punct, "--strict"]).status == 1)
    }

    @Test func outputsNeverGoOntoTheInputThroughALinkOrOntoADevice() throws {
        let folder = try TemporaryFolder()
        let table = try folder.write("tasks.csv", try Repository.text("Graphs/guangxi-2024-tasks.csv"))
        let same = try run(["export", "--format", "tasks", "--graph", table, "-o", table])
        #expect(same.status == 1 && same.stderr.contains("is the file this command reads"))
        #expect(try String(contentsOfFile: table, encoding: .utf8) == (try Repository.text("Graphs/guangxi-2024-tasks.csv")))
        let link = folder.path + "/link.csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.path + "/elsewhere.csv")
        let linked = try run(["export", "--format", "tasks", "-o", link])
        #expect(linked.status == 1 && linked.stderr.contains("symbolic link"))
        #expect(try run(["export", "--format", "tasks", "-o", link, "--force"]).status == 0)
        let missing = try run(["export", "--format", "tasks", "-o", folder.path + "/no-such-folder/tasks.csv"])
        #expect(missing.status == 1 && missing.stderr.contains("the folder \(folder.path)/no-such-folder does not exist"))
        let underFile = try run(["export", "--format", "tasks", "-o", table + "/tasks.csv"])
        #expect(underFile.status == 1 && underFile.stderr.contains("\(table) is a file, not a folder"))
        if FileManager.default.fileExists(atPath: "/dev/full") {
            let device = try run(["export", "--format", "tasks", "-o", "/dev/full"])
            #expect(device.status == 1 && device.stderr.contains("not a regular file"))
            // A full standard output: a message and exit 1, not a trap.
            let binary = try #require(RespgraphBinary.path)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["summary"]
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
            let err = Pipe()
            process.standardError = err
            try process.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1)
            #expect(message.contains("cannot write to standard output"))
        }
    }

    @Test func jsonIsJSONAndMissingIsNull() throws {
        let matrix = try run(["deps", "matrix", "--format", "json", "--doc", "2024"])
        #expect(matrix.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(matrix.stdout.utf8)) as? [String: Any])
        let agencies = try #require(object["agencies"] as? [String])
        // One object per lead: its name, then one count per supporter, keyed by the supporter's name.
        let rows = try #require(object["matrix"] as? [[String: Any]])
        #expect(rows.count == agencies.count && rows.allSatisfy { $0.count == agencies.count + 1 })
        #expect(rows.map { $0["lead"] as? String } == agencies)
        let task = try run(["task", "2024:41", "--format", "json"])
        let t = try #require(try JSONSerialization.jsonObject(with: Data(task.stdout.utf8)) as? [String: Any])
        #expect(t["text"] is NSNull)
    }

    @Test func dotNeverCarriesCodePointsXMLForbids() throws {
        let folder = try TemporaryFolder()
        let table = try folder.write("odd.csv", "序号,任务,牵头单位,配合单位\n1,甲\u{FFFF}任务,自治区公安厅,某\u{FFFE}单位\n")
        let out = try run(["dot", "--graph", table, "--network", "tasks", "--all"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stdout.unicodeScalars.contains { $0.value == 0xFFFF || $0.value == 0xFFFE })
        #expect(out.stderr.contains("2 characters that XML forbids"), "\(out.stderr)")
    }

    /// GraphML, GEXF and the HTML report replace what XML forbids, say so, and stay well-formed.
    @Test(.needs(.python)) func xmlWritersReplaceForbiddenCharactersWithANote() throws {
        let folder = try TemporaryFolder()
        let table = try folder.write("odd.csv", "序号,任务,牵头单位,配合单位\n1,甲\u{1}任务\u{FFFF},自治区公安厅,某\u{FFFE}单位\n2,乙任务,自治区公安厅,自治区财政厅\n")
        for format in ["graphml", "gexf"] {
            let out = try run(["export", "--graph", table, "--format", format])
            #expect(out.status == 0, "\(out.stderr)")
            #expect(out.stderr.contains("3 characters that XML forbids"), "\(format): \(out.stderr)")
            #expect(!out.stdout.unicodeScalars.contains { XMLForbidden.contains($0.value) })
            let parsed = try folder.write("out.\(format)", out.stdout)
            let python = try #require(DiagramAndExportTests.which("python3"))
            let check = try DiagramAndExportTests.tool(python, ["-c", "import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1]); print('ok')", parsed], input: "")
            #expect(check.stdout == "ok\n", "\(format) is not well-formed: \(check.stderr)")
        }
        let html = try run(["report", "--graph", table, "--format", "html"])
        #expect(html.status == 0 && html.stderr.contains("characters that XML forbids"))
        #expect(!html.stdout.unicodeScalars.contains { XMLForbidden.contains($0.value) })
    }

    static let xmlForbidden: Set<UInt32> = Set((0..<0x20).filter { $0 != 9 && $0 != 10 && $0 != 13 }.map(UInt32.init) + [0xFFFE, 0xFFFF])
    var XMLForbidden: Set<UInt32> { Self.xmlForbidden }
}

/// The review loop as an office runs it: import, review the marked rows, correct, import again.
@Suite struct ReviewLoopTests {
    func run(_ args: [String]) throws -> ProcessOutput { try RespgraphBinary.run(args) }

    static let plan = """
    某省2024年数字政府建设工作方案
    一、夯实数字基础
    1.建设省级政务云平台。（省大数据中心按职责分工负责，具体任务均涉及相关市（州）人民政府，不再做分工，下同）
    2.完善电子政务外网。（省发展改革委牵头，人民银行、海关总署等国务院相关部门按职责分工负责）
    3.推进数据共享。（牵头单位：省数据局；配合单位：省公安厅、以下政策措施均需各县区人民政府落实）
    """

    @Test func importReviewCorrectImportClearsTheMarks() throws {
        let folder = try TemporaryFolder()
        let plan = try folder.write("plan.txt", Self.plan)
        // Import: the rows read with a doubt carry their findings' codes in the review column.
        let imported = try run(["import", plan, "-o", folder.path + "/tasks.csv"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let table = try String(contentsOfFile: folder.path + "/tasks.csv", encoding: .utf8)
        let rows = table.split(separator: "\n").map(String.init)
        #expect(rows[0].hasSuffix(",review"))
        #expect(rows[1].hasSuffix(",doubtful-clause"))
        #expect(rows[2].hasSuffix(","))
        #expect(rows[3].contains("not-a-name"))
        // The sentence is no agency; the names beside it are.
        #expect(rows[3].contains(",省数据局,省公安厅,"))
        #expect(rows[2].contains(",省发展改革委,人民银行，海关总署,"))
        // Review: the marked rows, the source beside the reading, the corrections that settle them.
        let review = try run(["review", plan, "--format", "json"])
        #expect(review.status == 0, "\(review.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [String: Any])
        let items = try #require(object["review"] as? [[String: Any]])
        #expect(items.map { $0["task"] as? String } == ["plan:W1", "plan:W3"])
        #expect((items[1]["source_wrote"] as? String)?.contains("以下政策措施均需各县区人民政府落实") == true)
        let corrections = items.flatMap { ($0["corrections"] as? [String]) ?? [] }
        #expect(corrections.contains { $0.contains(",accept,not-a-name,") })
        // Correct: the reviewer says what the source shows; import again: no row is marked.
        let file = "document,line,task,action,field,expected,value,note\n"
            + corrections.filter { $0.contains(",accept,") }.map { $0.replacingOccurrences(of: "TODO: what the source shows", with: "checked against the source") }
                .joined(separator: "\n") + "\n"
        let fix = try folder.write("fix.csv", file)
        let again = try run(["review", plan, "--corrections", fix, "--format", "json"])
        #expect(again.status == 0, "\(again.stderr)")
        let after = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect((after["review"] as? [Any])?.isEmpty == true)
        // --strict refuses the marks the corrections did not settle.
        #expect(try run(["import", plan, "--strict"]).status == 1)
        #expect(try run(["import", plan, "--strict", "--corrections", fix]).status == 0)
    }
}

/// Output paths without a folder part, which Foundation's path functions trap on.
@Suite struct OutputPathTests {
    @Test func anOutputNamedDashIsWrittenNotATrap() throws {
        let folder = try TemporaryFolder()
        let plan = try folder.write("plan.txt", ReviewLoopTests.plan)
        let out = try RespgraphBinary.run(["import", plan, "-o", "-"], in: folder.path)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/-"))
    }
}

/// Writes stay where they are asked: never onto or into what the command reads, never outside the
/// output folder, never two outputs onto one file; costly parameters are bounded.
@Suite struct HostileOutputTests {
    func run(_ args: [String]) throws -> ProcessOutput { try RespgraphBinary.run(args) }

    @Test func noOutputGoesIntoTheFolderBeingRead() throws {
        let folder = try TemporaryFolder()
        let plan = try folder.write("in/plan.txt", ReviewLoopTests.plan)
        let original = try String(contentsOfFile: plan, encoding: .utf8)
        for target in [plan, folder.path + "/in/new.csv", folder.path + "/in/sub/"] {
            let out = try run(["import", folder.path + "/in", "-o", target])
            #expect(out.status == 1 && out.stderr.contains("inside the folder this command reads"), "\(target): \(out.stderr)")
        }
        #expect(try String(contentsOfFile: plan, encoding: .utf8) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/in") == ["plan.txt"])
    }

    @Test func documentIdsNeverLeaveTheOutputFolder() throws {
        let folder = try TemporaryFolder()
        let plan = try folder.write("plan.txt", ReviewLoopTests.plan)
        #expect(try run(["import", plan, "--doc-id", "../pwned", "-o", folder.path + "/out/"]).status == 64)
        let table = try folder.write("t.csv", "document,序号,任务,牵头单位\n../evil,1,甲,自治区公安厅\n")
        let out = try run(["import", table, "-o", folder.path + "/out2/"])
        #expect(out.status == 0 && out.stderr.contains("is written as _._evil-tasks.csv"), "\(out.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out2").sorted() == ["_._evil-diagnostics.csv", "_._evil-tasks.csv"])
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/evil-tasks.csv"))
    }

    @Test func theFindingsAndTheTableNeedTwoFiles() throws {
        let folder = try TemporaryFolder()
        let plan = try folder.write("plan.txt", ReviewLoopTests.plan)
        let out = try run(["import", plan, "-o", folder.path + "/x.csv", "--diagnostics-out", folder.path + "/x.csv"])
        #expect(out.status == 64 && out.stderr.contains("name the same file"))
    }

    @Test func costlyParametersAreBounded() throws {
        let tiny = try run(["centrality", "betweenness", "--epsilon", "0.0001", "--delta", "0.0001"])
        #expect(tiny.status == 1 && tiny.stderr.contains("sampled shortest paths here, more than the 10000000"), "\(tiny.stderr)")
        #expect(try run(["generate", "--scale", "5000", "-o", "/dev/null"]).status == 64)
    }
}

/// Interrupted, respgraph leaves nothing of the programs it runs behind.
@Suite struct InterruptTests {
    /// A pdftotext that starts two long sleeps (as LibreOffice starts soffice.bin) and waits.
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func anInterruptedImportEndsTheProgramsItStarted(signal: Int32) throws {
        let folder = try TemporaryFolder()
        let marker = "\(300 + signal).4\(getpid() % 1000)"
        let fake = try folder.write("bin/pdftotext", "#!/bin/sh\nsleep \(marker) &\nsleep \(marker)\n")
        chmod(fake, 0o755)
        let pdf = try folder.write("plan.pdf", "%PDF-1.4\n")
        let binary = try #require(RespgraphBinary.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["import", pdf]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder.path + "/bin:" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        func sleepers() -> Int {
            let ps = Process()
            ps.executableURL = URL(fileURLWithPath: "/bin/sh")
            ps.arguments = ["-c", "ps -eo args | grep -c '^sleep \(marker)$'"]
            let out = Pipe()
            ps.standardOutput = out
            try? ps.run()
            ps.waitUntilExit()
            return Int(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }
        // Wait until the program runs, then interrupt respgraph.
        var waited = 0
        while sleepers() < 2 && waited < 100 { usleep(50_000); waited += 1 }
        #expect(sleepers() == 2, "the fake pdftotext started")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)
        usleep(200_000)
        #expect(sleepers() == 0, "nothing of pdftotext is left running")
    }
}
