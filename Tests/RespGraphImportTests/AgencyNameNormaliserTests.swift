@testable import RespGraphImport
import RespGraphModel
import Testing

/// The splitting and resolution rules of agency cells, one by one.
@Suite struct AgencyNameNormaliserTests {
    static let registry = try! AgencyRegistry(agencies: [
        Agency(name: "自治区公安厅", kind: .regionalDepartment),
        Agency(name: "自治区民政厅", kind: .regionalDepartment),
        Agency(name: "自治区人力资源社会保障厅", kind: .regionalDepartment),
        Agency(name: "自治区住房城乡建设厅", kind: .regionalDepartment, aliases: ["自治区住房和城乡建设厅"]),
        Agency(name: "自治区党委金融办", kind: .partyOrgan),
        Agency(name: "自治区党委组织部", kind: .partyOrgan),
        Agency(name: "自治区党委宣传部", kind: .partyOrgan),
        Agency(name: "自治区高级法院", kind: .judicial, aliases: ["自治区高级人民法院"]),
        Agency(name: "自治区检察院", kind: .judicial),
        Agency(name: "广西税务局", kind: .centralBody),
        Agency(name: "南宁海关", kind: .centralBody),
        Agency(name: "中国人民银行广西壮族自治区分行", kind: .centralBody, aliases: ["人民银行广西壮族自治区分行"]),
        Agency(name: "北海市人民政府", kind: .municipalGovernment),
        Agency(name: "钦州市人民政府", kind: .municipalGovernment),
        Agency(name: "防城港市人民政府", kind: .municipalGovernment),
        Agency(name: "各市、县人民政府", kind: .collective, aliases: ["各市、县（市、区）人民政府"]),
        Agency(name: "自治区“双随机、一公开”监管厅际联席会议其他成员单位", kind: .collective),
        Agency(name: "自治区各行业主管部门", kind: .collective, aliases: ["各行业主管部门"]),
        Agency(name: "自治区数据局", kind: .regionalDepartment),
    ])
    let normaliser = AgencyNameNormaliser(registry: registry)

    func names(_ cell: String) -> [String] { normaliser.resolve(cell).names.map(\.name) }

    @Test func enumerationSharesThePrefixOfItsFirstItem() {
        #expect(names("自治区公安厅、民政厅、人力资源社会保障厅") == ["自治区公安厅", "自治区民政厅", "自治区人力资源社会保障厅"])
    }

    @Test func partyPrefixIsSharedWhenTheRegistryKnowsTheResult() {
        #expect(names("自治区党委组织部、宣传部") == ["自治区党委组织部", "自治区党委宣传部"])
    }

    @Test func enumerationSharesTheSuffixOfItsLastItem() {
        #expect(names("北海、钦州、防城港市人民政府") == ["北海市人民政府", "钦州市人民政府", "防城港市人民政府"])
    }

    @Test(arguments: ["各市、县人民政府", "各市、县（市、区）人民政府", "各市、县(市、区)人民政府"])
    func collectivesStayWhole(cell: String) {
        #expect(names(cell) == ["各市、县人民政府"])
    }

    @Test func enumerationInsideQuotesIsNotSplit() {
        #expect(names("自治区“双随机、一公开”监管厅际联席会议其他成员单位，各市、县（市、区）人民政府")
                == ["自治区“双随机、一公开”监管厅际联席会议其他成员单位", "各市、县人民政府"])
    }

    @Test func commasSeparateGroupsFullAndHalfWidth() {
        #expect(names("自治区党委金融办，广西税务局,南宁海关") == ["自治区党委金融办", "广西税务局", "南宁海关"])
    }

    @Test func itemsThatAreNamesOfTheirOwnTakeNoPrefix() {
        #expect(names("自治区高级法院、自治区检察院") == ["自治区高级法院", "自治区检察院"])
        #expect(names("广西税务局、南宁海关") == ["广西税务局", "南宁海关"])
        #expect(names("自治区数据局、各行业主管部门") == ["自治区数据局", "自治区各行业主管部门"])
    }

    @Test func aliasesResolveToTheCanonicalName() {
        #expect(names("人民银行广西壮族自治区分行") == ["中国人民银行广西壮族自治区分行"])
        #expect(names("自治区高级人民法院") == ["自治区高级法院"])
        #expect(names("自治区公安厅、住房和城乡建设厅") == ["自治区公安厅", "自治区住房城乡建设厅"])
    }

    @Test func wrappedNamesAreJoined() {
        let r = normaliser.resolve("自治区公安厅、住 房城乡建设厅")
        #expect(r.names.map(\.name) == ["自治区公安厅", "自治区住房城乡建设厅"])
        #expect(!r.repairs.isEmpty)
    }

    @Test func trailingEtcIsDroppedWhenTheRestIsKnown() {
        let r = normaliser.resolve("广西税务局、南宁海关等")
        #expect(r.names.map(\.name) == ["广西税务局", "南宁海关"])
        #expect(r.repairs.contains { $0.contains("等") })
    }

    @Test func unknownNamesAreKeptAndFlagged() {
        let r = normaliser.resolve("自治区公安厅、新设局")
        #expect(r.names.map(\.name) == ["自治区公安厅", "自治区新设局"])
        #expect(r.names.map(\.known) == [true, false])
        #expect(normaliser.resolve("某某委员会").names == [ResolvedAgencyName(name: "某某委员会", written: "某某委员会", known: false)])
    }

    @Test func repeatedNamesAreKeptOnce() {
        #expect(names("自治区公安厅，自治区公安厅、民政厅") == ["自治区公安厅", "自治区民政厅"])
    }

    @Test func emptyCellGivesNoNames() {
        #expect(names("").isEmpty)
        #expect(names("  ，、 ").isEmpty)
    }
}

/// Names read as a person reads them, in lines written in the documents' style (national, Shandong,
/// Qingdao, Yunnan, Guizhou plans): conjunctions, closing 等, places that take no prefix, collectives
/// of levels, and sentence parts that are no agency.
@Suite struct NamesAsAPersonReadsThemTests {
    let normaliser = AgencyNameNormaliser(registry: try! AgencyRegistry(agencies: []))
    func names(_ cell: String) -> [String] { normaliser.resolve(cell).names.map(\.name) }

    @Test func listsSplitAtConjunctionsBetweenNamesOnly() {
        #expect(names("省科技局及相关行业主管部门") == ["省科技局", "相关行业主管部门"])
        #expect(names("州委编办及州直相关单位") == ["州委编办", "州直相关单位"])
        #expect(names("市场监管总局以及相关地区") == ["市场监管总局", "相关地区"])
        // Never inside a name: 发展 and 住房 are no names.
        #expect(names("国家发展和改革委员会、住房和城乡建设部") == ["国家发展和改革委员会", "住房和城乡建设部"])
        #expect(names("省人力资源和社会保障厅、省工业和信息化厅") == ["省人力资源和社会保障厅", "省工业和信息化厅"])
        #expect(names("中央和国家机关工委") == ["中央和国家机关工委"])
    }

    @Test func aClosingDengAndItsCollectiveAreDroppedWithANote() {
        let cell = normaliser.resolve("人民银行、海关总署等国务院相关部门")
        #expect(cell.names.map(\.name) == ["人民银行", "海关总署"])
        #expect(cell.repairs.contains { $0.contains("等国务院相关部门") })
        #expect(names("教育部等有关部门和单位") == ["教育部"])
        // Standing alone, a collective is a name.
        #expect(names("国务院相关部门、相关地区") == ["国务院相关部门", "相关地区"])
    }

    @Test func namesThatCarryAPlaceTakeNoPrefix() {
        #expect(names("市发展改革委、济南新旧动能转换起步区管委会") == ["市发展改革委", "济南新旧动能转换起步区管委会"])
        #expect(names("省地方金融监管局、金融监管总局山东监管局") == ["省地方金融监管局", "金融监管总局山东监管局"])
        #expect(names("崂山区政府、城阳区政府、青岛西海岸新区管委") == ["崂山区政府", "城阳区政府", "青岛西海岸新区管委"])
        // A generic zone and a bare department still take the list's prefix.
        #expect(names("市商务局、经济开发区管委会、住建局") == ["市商务局", "市经济开发区管委会", "市住建局"])
    }

    @Test func collectivesOfLevelsOfOnePlaceStayOneName() {
        #expect(names("各区、市政府") == ["各区、市政府"])
        #expect(names("有关区、市政府，市财政局") == ["有关区、市政府", "市财政局"])
        #expect(names("各县（市、区）人民政府") == ["各县（市、区）人民政府"])
        #expect(names("省、市有关部门") == ["省、市有关部门"])
        // A city and a department beginning with 市 are two names.
        #expect(names("南宁市、市发展改革委") == ["南宁市", "市发展改革委"])
    }

    @Test func sentencePartsNeverBecomeAgencies() {
        let cell = normaliser.resolve("省大数据中心，具体任务均涉及相关市（州）人民政府，不再做分工，下同")
        #expect(cell.names.map(\.name) == ["省大数据中心"])
        #expect(cell.rejected.count == 3)
        #expect(normaliser.resolve("以下政策措施均需各县区人民政府、园区管委会落实").names.isEmpty)
        // A name may hold a sentence's word: it stays a name.
        #expect(names("自治区贯彻落实加快建设全国统一大市场工作领导小组办公室") == ["自治区贯彻落实加快建设全国统一大市场工作领导小组办公室"])
    }

    /// Property: over lists built from names and sentence parts, no name holds a clause word, and a
    /// name that begins with a place (or a province) is never given a prefix.
    @Test func noNameHoldsAClauseWordAndPlacedNamesGainNoPrefix() {
        let firsts = ["省发展改革委", "市住建局", "区委组织部", "县财政局", "自治区公安厅", "河南省商务厅"]
        let placed = ["济南新旧动能转换起步区管委会", "青岛西海岸新区管委", "金融监管总局山东监管局", "中国人民银行青岛市分行",
                      "广西税务局", "崂山区政府", "黄岛区应急局", "烟台市生态环境局"]
        let bare = ["住建局", "审批服务局", "统计局", "大数据局"]
        let sentences = ["不再做分工", "具体任务均涉及各县", "下同", "均需各县区人民政府落实", "以下措施由各单位负责"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            var parts = [firsts.randomElement(using: &generator)!]
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                parts.append([placed, bare, sentences].randomElement(using: &generator)!.randomElement(using: &generator)!)
            }
            let cell = normaliser.resolve(parts.joined(separator: "、"))
            for name in cell.names.map(\.name) {
                #expect(!AgencyNameNormaliser.clauseWords.contains { name.contains($0) }, "\(parts) → \(name)")
            }
            for p in placed where parts.dropFirst().contains(p) {
                #expect(cell.names.map(\.name).contains(p), "\(parts) lost or prefixed \(p)")
            }
        }
    }
}
