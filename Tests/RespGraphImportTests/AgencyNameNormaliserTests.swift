import RespGraphImport
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
