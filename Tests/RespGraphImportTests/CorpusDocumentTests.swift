import Foundation
import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// Ten real documents of other places (Fixtures/corpus, see its SOURCES.md), imported end to end
/// with the embedded registry: the number of tasks equals the number of assignment clauses counted
/// in each document, and sampled tasks have the exact lead and support sets read off the text.
@Suite struct CorpusDocumentTests {
    static let importer = Importer(registry: try! AgencyRegistry(agencies: []))

    static func load(_ name: String) throws -> ImportedDocument {
        let docs = try importer.importFile(atPath: Repository.path("Tests/RespGraphImportTests/Fixtures/corpus/\(name)"))
        return try #require(docs.first)
    }

    @Test(arguments: [
        ("gov-2018-jiuye.html", 15), ("gov-2018-xiaofeifupin.html", 17), ("gov-2018-zhenzhuashigan.html", 30),
        ("gov-2018-zimaoqu.html", 53), ("shandong-2021-jiaoyu.txt", 56), ("shandong-2021-fuwuye.txt", 49),
        ("shandong-2019-szsd.txt", 68), ("shandong-2024-sdcy.txt", 25), ("anhui-2021-gyhlw.txt", 49), ("baotou-2022-szzf.txt", 90),
    ])
    func everyClauseIsATask(name: String, clauses: Int) throws {
        let d = try Self.load(name)
        #expect(d.rows.count == clauses)
        #expect(d.rows.allSatisfy { !$0.leads.isEmpty })
        #expect(d.blockingDiagnostics.isEmpty)
        #expect(d.diagnostics.filter { $0.severity == .warning }.isEmpty, "\(d.diagnostics.filter { $0.severity == .warning })")
        let forbidden = ["牵头", "配合", "负责", "责任单位", "完成", "时限", "月底", "适用范围", "列第一位"]
        for r in d.rows {
            for name in r.leads + r.supporters { #expect(!forbidden.contains { name.contains($0) }, "\(r.label): \(name)") }
        }
    }

    /// (document, label, leads, supporters), each read by hand from the document.
    static let samples: [(String, String, [String], [String])] = [
        ("gov-2018-jiuye.html", "一（一）", ["人力资源社会保障部"], ["财政部"]),
        ("gov-2018-jiuye.html", "二（四）", ["人力资源社会保障部"], ["科技部", "财政部", "住房城乡建设部", "市场监管总局", "各省级人民政府"]),
        ("gov-2018-xiaofeifupin.html", "二（二）", ["扶贫办", "发展改革委", "人力资源社会保障部", "商务部", "各有关省级人民政府"], []),
        ("gov-2018-zhenzhuashigan.html", "十八", ["国家发展改革委", "财政部"], ["有关部门"]),
        ("gov-2018-zimaoqu.html", "一（一）", ["人力资源社会保障部", "住房城乡建设部", "商务部"], []),
        ("shandong-2021-jiaoyu.txt", "二（一）", ["省委教育工委"], ["省委宣传部", "团省委"]),
        ("shandong-2021-fuwuye.txt", "二（一）3", ["省医保局"], ["省卫生健康委", "省大数据局", "省药监局"]),
        ("shandong-2019-szsd.txt", "一1-1", ["省大数据局", "省政府办公厅"], ["各有关部门", "各市政府"]),
        ("shandong-2019-szsd.txt", "一1-2", ["省政府办公厅"], ["省大数据局", "各有关部门", "各市政府"]),
        ("shandong-2024-sdcy.txt", "三（四）", ["省工业和信息化厅"], ["省统计局"]),
        ("anhui-2021-gyhlw.txt", "一¶1", ["省经济和信息化厅", "省财政厅"], []),
        ("baotou-2022-szzf.txt", "一（四）8", ["市住建局", "市审批服务局"], []),
    ]

    @Test(arguments: 0..<12)
    func sampledTasksHaveTheExactLeadAndSupportSets(index: Int) throws {
        let (name, label, leads, supporters) = Self.samples[index]
        let d = try Self.load(name)
        let row = try #require(d.rows.first { $0.label == label }, "\(name) \(label)")
        #expect(row.leads == leads)
        #expect(row.supporters == supporters)
    }

    @Test func fieldsBesideTheAgencies() throws {
        let baotou = try Self.load("baotou-2022-szzf.txt")
        let r = try #require(baotou.rows.first { $0.label == "一（一）1" })
        #expect(r.deadline == "5月底取得明显成效并持续推进")
        #expect(r.indicator == "政务服务\"一网通办\"")
        #expect(r.direction == "一体化政务服务平台建设")
        #expect(baotou.document.title.contains("包府办发〔2022〕43号"))
        let zimaoqu = try Self.load("gov-2018-zimaoqu.html")
        #expect(zimaoqu.diagnostics.contains { $0.message.contains("适用范围") })
        #expect(zimaoqu.rows.allSatisfy { r in !r.leads.contains { $0.contains("自贸试验区") } })
        let jiuye = try Self.load("gov-2018-jiuye.html")
        #expect(jiuye.document.title == "国务院关于做好当前和今后一个时期促进就业工作的若干意见（国发〔2018〕39号）")
        #expect(jiuye.diagnostics.contains { $0.code == .convention && $0.place == "paragraph 7" })
    }
}

/// The readers: web pages with tables, and text in the encodings offices have.
@Suite struct ReaderTests {
    static let importer = Importer(registry: try! AgencyRegistry(agencies: []))

    @Test func htmlTaskTableWithMergedCells() throws {
        let html = """
        <html><head><meta charset="utf-8"><title>某市2024年重点任务分工</title></head><body>
        <p>某市2024年优化营商环境重点任务分工方案</p>
        <table border="1">
        <tr><th>序号</th><th>指标</th><th>具体任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
        <tr><td colspan="6">一、全链条优化审批</td></tr>
        <tr><td>1</td><td rowspan="2">开办企业</td><td>推行企业开办&ldquo;一网通办&rdquo;</td><td>市市场监管局</td><td>市公安局、税务局</td><td>2024年6月底</td></tr>
        <tr><td>2</td><td>压缩开办时间至1个工作日</td><td>市数据局</td><td></td><td>长期坚持</td></tr>
        <tr><td>3</td><td>获得电力</td><td>简化办电流程</td><td colspan="2">市发改委牵头，供电公司配合</td><td>2024年底</td></tr>
        </table></body></html>
        """
        let folder = try TemporaryFolder()
        let path = try folder.write("plan.html", html)
        let d = try #require(try Self.importer.importFile(atPath: path).first)
        #expect(d.rows.count == 3)
        #expect(d.rows.map(\.indicator) == ["开办企业", "开办企业", "获得电力"])
        #expect(d.rows[0].text == "推行企业开办“一网通办”")
        #expect(d.rows[0].supporters == ["市公安局", "市税务局"])
        #expect(d.rows[1].deadline == "长期坚持")
        #expect(d.rows[2].leads == ["市发改委"])
        #expect(d.rows[2].supporters == ["供电公司"])
        #expect(d.rows[0].place == "table 1, row 3")
    }

    @Test func aDistrictTableWithClauseCellsSectionRowsAndALeaderColumn() throws {
        let d = try #require(try Self.importer.importFile(atPath: Repository.path("Tests/RespGraphImportTests/Fixtures/district-tasks.html")).first)
        #expect(d.document.title == "某区2024年重点工作任务分解表")
        #expect(d.rows.map(\.indicator) == ["经济发展", "经济发展", "民生保障"])
        #expect(d.rows[0].leads == ["区发改局"] && d.rows[0].supporters == ["区统计局", "区财政局"])
        #expect(d.rows[1].leads == ["区发改局", "区投促局"] && d.rows[1].supporters.isEmpty)
        #expect(d.rows[2].leads == ["区人社局"] && d.rows[2].supporters == ["各街道办事处"])
        // The 责任领导 column names persons: never agencies.
        #expect(!d.rows.flatMap { $0.leads + $0.supporters }.contains { ["张三", "李四", "王五"].contains($0) })
    }

    @Test func aFootnoteConventionAppliesToATableOfResponsibleUnits() throws {
        let d = try #require(try Self.importer.importFile(atPath: Repository.path("Tests/RespGraphImportTests/Fixtures/county-projects.html")).first)
        #expect(d.rows.map(\.text) == ["改造农村公路50公里", "新建幼儿园2所"])
        #expect(d.rows[0].leads == ["县交通运输局"] && d.rows[0].supporters == ["县财政局", "各乡镇人民政府"])
        #expect(d.rows[1].leads == ["县教育局"])
        #expect(d.diagnostics.contains { $0.code == .convention && $0.place == "paragraph 2" })
    }

    @Test func aTwoRowHeaderSplitsTheResponsibleUnitsIntoLeadAndSupport() throws {
        let d = try #require(try Self.importer.importFile(atPath: Repository.path("Tests/RespGraphImportTests/Fixtures/two-row-header.html")).first)
        #expect(d.rows.count == 2)
        #expect(d.rows[0].leads == ["市国资委"] && d.rows[0].supporters == ["市财政局", "市发改委"])
        #expect(d.rows[1].leads == ["市医保局"] && d.rows[1].supporters == ["市卫健委"])
        #expect(d.rows[0].place == "table 1, row 3")
        #expect(!d.diagnostics.contains { $0.code == .duplicateColumn })
    }

    @Test func gbkAndUTF16TextAreDecoded() throws {
        let text = "一、优化服务\n（一）推进政务服务“一网通办”。（牵头单位：县政务服务中心；配合单位：县财政局）\n"
        let folder = try TemporaryFolder()
        // GB18030 bytes, as iconv writes them.
        let gbk: [UInt8] = [UInt8](try #require(Self.iconv(text, to: "GB18030")))
        #expect(TextDecoding.firstInvalidUTF8(gbk) != nil)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let files: [(String, [UInt8])] = [("gbk.txt", gbk), ("utf16.txt", utf16), ("bom.txt", [0xEF, 0xBB, 0xBF] + Array(text.utf8))]
        for (name, bytes) in files {
            let path = try folder.write(name, bytes: bytes)
            let d = try #require(try Self.importer.importFile(atPath: path).first)
            #expect(d.rows.count == 1, "\(name)")
            #expect(d.rows.first?.leads == ["县政务服务中心"], "\(name)")
            #expect(d.rows.first?.text == "推进政务服务“一网通办”", "\(name)")
        }
        #expect(TextDecoding.convertGB18030Available)
    }

    static func iconv(_ text: String, to encoding: String) -> Data? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        guard (try? p.run()) != nil else { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? data : nil
    }

    @Test func crOnlyLineEndingsAreRead() throws {
        let text = "一、优化服务\r（一）推进政务服务。（县政务服务中心负责）\r"
        let d = try Self.importer.importDocumentText(text, file: "cr.txt")
        #expect(d.rows.count == 1)
        #expect(d.rows[0].sourceLine == 2)
    }

    @Test func filesOfTheWrongTypeAreNamed() throws {
        let folder = try TemporaryFolder()
        let png = try folder.write("plan.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        #expect(throws: ImportError.self) { _ = try Self.importer.importFile(atPath: png) }
        do { _ = try Self.importer.importFile(atPath: png) } catch { #expect(error.message.hasPrefix("a PNG image")) }
        let binary = try folder.write("data.bin", bytes: [0x41, 0x00, 0x42, 0x00, 0x43])
        do { _ = try Self.importer.importFile(atPath: binary) } catch { #expect(error.message.hasPrefix("binary data")) }
    }

    @Test func wordAndExcelFilesGetAClearMessage() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("plan.docx", bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0])
        #expect(throws: ImportError.self) { _ = try Self.importer.importFile(atPath: path) }
    }
}
