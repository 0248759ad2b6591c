import Foundation
@testable import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// Forms none of the corpus documents shows, written in their style: a county list with labels on
/// lines of their own and 主要责任单位 / 协同单位, a district table with 主要任务 beside 具体措施 and
/// （牵头） markers, a city table in traditional characters, and Big5 text.
@Suite struct UnseenFormTests {
    static let importer = Importer(registry: try! AgencyRegistry(agencies: []))

    static func fixture(_ name: String) throws -> ImportedDocument {
        try #require(try importer.importFile(atPath: Repository.path("Tests/RespGraphImportTests/Fixtures/unseen/\(name)")).first)
    }

    @Test func countyListWithLabelVariantsAndBracketedCollectives() throws {
        let d = try Self.fixture("county-labels.txt")
        #expect(d.rows.count == 7)
        #expect(d.rows.map(\.leads) == [["县行政审批局"], ["县市场监管局"], ["县金融服务中心"], ["县财政局"], ["县市场监管局"],
                                        ["县工业和信息化局", "县通信发展管理办公室", "各乡（镇）人民政府"], ["县自然资源局"]])
        // 主要责任单位 leads and 协同单位 supports, written bare after the task.
        #expect(d.rows[4].supporters == ["县公安局", "县法院"])
        #expect(d.rows[4].text == "加强知识产权保护")
        // A collective with a list in brackets is one name, whichever brackets it uses.
        #expect(d.rows[6].supporters == ["各县〔市、区〕人民政府"])
        #expect(d.rows[0].deadline == "2023年12月底")
        #expect(!d.diagnostics.contains { $0.code == .noAssignment })
    }

    @Test func bracketsOfEveryKindKeepAListInsideOneName() {
        for name in ["各县〔市、区〕人民政府", "各县(市、区)人民政府", "各县（市、区）人民政府", "各县【市、区】人民政府"] {
            #expect(AgencyNameShape.items(of: "市财政局、\(name)") == ["市财政局", name], "\(name)")
        }
    }

    @Test func districtTableWithTwoTaskColumnsMarkersAndAnAttachmentMark() throws {
        let d = try Self.fixture("district-list.html")
        #expect(d.document.title == "某区2025年营商环境攻坚任务清单")
        #expect(d.rows.count == 6)
        // 主要任务 | 具体措施: the first is the direction, the second the text; neither is lost.
        #expect(d.rows[0].direction == "推行“高效办成一件事”")
        #expect(d.rows[0].text == "梳理一件事清单，年内上线20个")
        #expect(!d.diagnostics.contains { $0.code == .duplicateColumn })
        // 区市场监管局（牵头）、区司法局 under 牵头单位: the marked one leads.
        #expect(d.rows[2].leads == ["区市场监管局"])
        #expect(d.rows[2].supporters == ["区司法局"])
        // One cell merged across both task columns is the text, said once.
        #expect(d.rows[3].direction == "" && d.rows[3].text == "加强涉企执法监督")
        // The 责任领导 column names persons, never agencies.
        #expect(!d.rows.flatMap { $0.leads + $0.supporters }.contains("张三"))
    }

    @Test func tableInTraditionalCharactersKeepsItsSpelling() throws {
        let d = try Self.fixture("city-traditional.html")
        #expect(d.document.title == "某市2024年數字政府建設重點任務分工表")
        #expect(d.rows.count == 3)
        #expect(d.rows[0].indicator == "夯實數字基礎設施")
        #expect(d.rows[0].text == "推進政務雲擴容，實現市級部門業務系統全部上雲。")
        #expect(d.rows[0].leads == ["市數據局"])
        #expect(d.rows[0].supporters == ["市財政局", "市工業和信息化局"])
        #expect(d.rows[1].leads == ["市住房城鄉建設局"])
        #expect(d.rows[1].supporters == ["市數據局", "各縣（市、區）人民政府"])
        #expect(d.rows[2].deadline == "長期堅持")
        #expect(d.diagnostics.contains { $0.code == .traditionalCharacters })
        // A registry that knows the simplified name gives its registered name.
        let known = Importer(registry: try AgencyRegistry(agencies: [Agency(name: "市数据局", kind: .regionalDepartment)]))
        let k = try #require(try known.importFile(atPath: Repository.path("Tests/RespGraphImportTests/Fixtures/unseen/city-traditional.html")).first)
        #expect(k.rows[0].leads == ["市数据局"])
    }

    @Test func big5TextIsDecodedAndGBKStaysGBK() throws {
        let text = "某縣2024年重點工作任務\n一、優化營商環境\n（一）推進政務服務“一網通辦”。（牽頭單位：縣政務服務中心；配合單位：縣財政局、縣稅務局）\n（二）深化工程建設項目審批制度改革。（縣住房城鄉建設局牽頭，縣自然資源局配合）\n"
        let folder = try TemporaryFolder()
        let big5 = [UInt8](try #require(ReaderTests.iconv(text, to: "BIG5-HKSCS")))
        #expect(TextDecoding.firstInvalidUTF8(big5) != nil)
        let decoded = try TextDecoding.decode(big5, file: "b5.txt")
        #expect(decoded.encoding == .big5)
        #expect(decoded.text == text)
        let d = try #require(try Self.importer.importFile(atPath: try folder.write("b5.txt", bytes: big5)).first)
        #expect(d.rows.count == 2)
        #expect(d.rows[0].leads == ["縣政務服務中心"])
        #expect(d.rows[1].leads == ["縣住房城鄉建設局"])
        // The same text in simplified characters as GBK is read as GBK.
        let simplified = "某县2024年重点工作任务\n一、优化营商环境\n（一）推进政务服务“一网通办”。（牵头单位：县政务服务中心；配合单位：县财政局）\n"
        let gbk = [UInt8](try #require(ReaderTests.iconv(simplified, to: "GB18030")))
        #expect(try TextDecoding.decode(gbk, file: "gbk.txt").encoding == .gb18030)
        #expect(try TextDecoding.decode(gbk, file: "gbk.txt").text == simplified)
    }

    @Test func taskDivisionWithBareListsUnderTheFirstListedConvention() throws {
        let d = try Self.fixture("task-division.txt")
        #expect(d.rows.count == 5)
        #expect(d.rows.map(\.leads) == [["省发展改革委"], ["省市场监管局"], ["省委金融办"], ["省自然资源厅"], ["省委组织部"]])
        #expect(d.rows[0].supporters == ["省商务厅", "省市场监管局"])
        #expect(d.rows[2].supporters == ["人民银行某省分行", "国家金融监督管理总局某省监管局", "各市人民政府"])
        #expect(d.diagnostics.filter { $0.code == .bareList }.count == 5)
        #expect(d.diagnostics.contains { $0.code == .convention })
    }

    @Test(arguments: ["成立工作专班（以下简称“专班”）。", "完成三年行动（2021—2023年）。", "（省发展改革委、省财政厅）", "扩大试点范围（含县级市）。",
                      "组建省大数据发展管理局（以下简称省大数据局）。", "理顺管理体制（原省信息中心）。", "覆盖市直部门（含各区县政府）。",
                      "依托国家发展改革委（国家能源局）推进项目建设。"])
    func bracketsThatAreNotABareList(_ passage: String) {
        #expect(ClauseFinder.clauses(in: Array(passage)).isEmpty)
    }
}

/// Tables and lines as a district office pastes them: one cell per line ending in the separator a
/// copied table left (序号 |), and 责任单位 / 牵头单位 / 配合单位 on lines of their own under each item.
@Suite struct PastedFormTests {
    static let importer = Importer(registry: try! AgencyRegistry(agencies: []))

    @Test func oneCellPerLineWithSeparatorsIsATable() throws {
        let text = "某区2024年优化营商环境任务清单\n序号 |\n重点任务 |\n牵头责任单位 |\n配合单位 |\n1 |\n推进企业开办全程网办 |\n区市场监管局 |\n区数据局 |\n"
            + "2 |\n压缩工程建设项目审批时限 |\n区住建局 |\n区自然资源局、区发展改革局 |\n"
        let d = try Self.importer.importDocumentText(text, file: "list.txt")
        #expect(d.rows.map(\.text) == ["推进企业开办全程网办", "压缩工程建设项目审批时限"])
        #expect(d.rows.map(\.leads) == [["区市场监管局"], ["区住建局"]])
        #expect(d.rows.map(\.supporters) == [["区数据局"], ["区自然资源局", "区发展改革局"]])
        #expect(d.rows.allSatisfy { $0.review.isEmpty })
    }

    @Test func aRunTogetherTableWithSpacedCellsIsReadCellByCell() throws {
        let text = "某县2024年优化营商环境重点任务清单\n\n序号 重点任务 牵头单位 配合单位 完成时限\n"
            + "1 推进企业开办全程网办 县市场监管局 县数据局、县税务局 2024年6月底前\n"
            + "2 压缩工程建设项目审批时限 县住建局 2024年12月底前\n"
            + "3 推行“一件事一次办”，\n提升政务服务效能 县行政审批局 县数据局 长期坚持\n\n二、保障措施\n"
        let d = try Self.importer.importDocumentText(text, file: "spaced.txt")
        #expect(d.rows.map(\.text) == ["推进企业开办全程网办", "压缩工程建设项目审批时限", "推行“一件事一次办”，提升政务服务效能"])
        #expect(d.rows.map(\.leads) == [["县市场监管局"], ["县住建局"], ["县行政审批局"]])
        #expect(d.rows.map(\.supporters) == [["县数据局", "县税务局"], [], ["县数据局"]])
        #expect(d.rows.map(\.deadline) == ["2024年6月底前", "2024年12月底前", "长期坚持"])
        // Row 2's empty 配合单位 and row 3's line break are told by the spacing: nothing to mark.
        #expect(d.rows.allSatisfy { $0.review.isEmpty })
    }

    @Test func aTableWhoseCellsRanTogetherIsRebuiltAndDoubtfulRowsMarked() throws {
        let text = "某区2024年优化营商环境任务分工表\n序号重点任务牵头单位配合单位完成时限\n"
            + "1推进企业开办全程网办，实现一日办结。区市场监管局区数据局、区税务局2024年6月底前\n"
            + "2压缩工程建设项目审批时限。区住建局区自然资源局，各街道办事处2024年12月底前\n"
            + "3推行“一件事一次办”区行政审批局长期坚持\n"
            + "4开展企业满意度调查区营商办2024年底前\n"
            + "5落实普惠金融政策。区财政局中国人民银行某区支行、各街道办事处持续推进\n"
        let d = try Self.importer.importDocumentText(text, file: "run-together.txt")
        #expect(d.rows.map(\.text) == ["推进企业开办全程网办，实现一日办结。", "压缩工程建设项目审批时限。", "推行“一件事一次办”", "开展企业满意度调查",
                                       "落实普惠金融政策。"])
        #expect(d.rows.map(\.leads) == [["区市场监管局"], ["区住建局"], ["区行政审批局"], ["区营商办"], ["区财政局"]])
        // A bank's branch after its name is one name (中国人民银行某区支行), not two lists.
        #expect(d.rows.map(\.supporters) == [["区数据局", "区税务局"], ["区自然资源局", "各街道办事处"], [], [], ["中国人民银行某区支行", "各街道办事处"]])
        #expect(d.rows.map(\.deadline) == ["2024年6月底前", "2024年12月底前", "长期坚持", "2024年底前", "持续推进"])
        // Row 4's task does not end a sentence: where it ends and the lead begins is told by the name alone.
        #expect(d.rows.map { $0.review.contains("rebuilt-row") } == [false, false, false, true, false])
        #expect(d.diagnostics.contains { $0.code == .rebuiltRow && $0.message.contains("name's shape alone") })
    }

    /// The Guangxi 2022 table (199 rows, curated) written as text with its cells run together, as a
    /// page copied without its table gives it: every row found, its lists read back from the names, and
    /// every row read wrong marked.
    @Test func theGuangxiTableRunTogetherIsReadOrMarked() throws {
        let curated = try #require(try Self.importer.importFile(atPath: Repository.path("Graphs/guangxi-2022-tasks.csv")).first).rows
        var text = "广西壮族自治区优化营商环境行动方案任务分工表\n\n序号具体任务牵头单位配合单位\n"
        for row in curated { text += "\(row.number)\(row.text)\(row.leads.joined(separator: "，"))\(row.supporters.joined(separator: "，"))\n" }
        let d = try Self.importer.importDocumentText(text, file: "run-together.txt")
        #expect(d.rows.count == curated.count)
        var exact = 0, wrongUnmarked: [Int] = []
        for (got, want) in zip(d.rows, curated) {
            let right = got.leads == want.leads && got.supporters == want.supporters && got.text == want.text
            if right { exact += 1 } else if got.review.isEmpty { wrongUnmarked.append(got.number) }
        }
        #expect(exact >= 195, "\(exact) of \(curated.count) rows exact")
        #expect(wrongUnmarked.isEmpty)
        #expect(d.rows.filter { !$0.review.isEmpty }.count * 10 <= curated.count, "no more than a tenth marked")
    }

    @Test func aRunTogetherHeaderIsSplitIntoItsWords() {
        #expect(RunTogetherTable.header("序号指标改革方向具体任务牵头单位配合单位")?.cells == ["序号", "指标", "改革方向", "具体任务", "牵头单位", "配合单位"])
        #expect(RunTogetherTable.header("序号　重点任务　责任单位　完成时限") == RunTogetherTable.Header(cells: ["序号", "重点任务", "责任单位", "完成时限"], spaced: true))
        // A sentence that holds header words is no header.
        #expect(RunTogetherTable.header("序号为牵头单位排序") == nil)
        #expect(RunTogetherTable.header("重点任务牵头单位配合单位") == nil)
    }

    @Test func labelLinesUnderEachItemAttachToIt() throws {
        let text = "某区2024年工作要点\n一、优化政务服务\n1.推进“高效办成一件事”。\n责任单位：区发展和改革局\n2.推进企业开办。\n牵头单位：区市场监管局\n配合单位：区税务局\n"
        let d = try Self.importer.importDocumentText(text, file: "points.txt")
        #expect(d.rows.map(\.leads) == [["区发展和改革局"], ["区市场监管局"]])
        #expect(d.rows.map(\.supporters) == [[], ["区税务局"]])
    }
}
