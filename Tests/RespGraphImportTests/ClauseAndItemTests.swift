import RespGraphImport
import RespGraphModel
import Testing

/// The recognisers one rule at a time, each from a line written in the documents' style.
@Suite struct ClauseAndItemTests {
    // MARK: Numbering

    @Test(arguments: [
        ("一、总体要求", ItemNumbering.Style.chineseComma, "一"),
        ("十二、保障措施", .chineseComma, "十二"),
        ("（一）加大稳岗支持力度。", .chineseParenthesised, "一"),
        ("(三) 优化审批", .chineseParenthesised, "三"),
        ("1.推动政务服务数字化转型。", .arabicDot, "1"),
        ("2、完善应用", .arabicDot, "2"),
        ("3．全面提升热线", .arabicDot, "3"),
        ("4﹒加快标识解析体系建设。", .arabicDot, "4"),
        ("（1）建设智能工厂", .arabicParenthesised, "1"),
        ("(12) 推进上云", .arabicParenthesised, "12"),
        ("①完善制度", .circled, "①"),
        ("第三条 各部门按职责分工", .article, "三"),
        ("第二章 主要任务", .chapter, "二"),
    ])
    func numberingStyles(text: String, style: ItemNumbering.Style, numeral: String) throws {
        let n = try #require(ItemNumbering.parse(text))
        #expect(n.style == style)
        #expect(n.numeral == numeral)
    }

    @Test(arguments: ["1.5万元以上的项目", "2024年底前完成", "10.1 版本", "一是加强领导", "（2021—2023年）", "第三季度"])
    func notNumbering(text: String) {
        #expect(ItemNumbering.parse(text) == nil)
    }

    // MARK: Clauses

    struct ClauseCase: Sendable, CustomStringConvertible {
        var content: String
        var leads: String
        var supporters: String
        var responsible = false
        var deadline: String?
        var description: String { content }
    }

    static let clauseCases: [ClauseCase] = [
        ClauseCase(content: "牵头单位：市人才工作局；责任单位：市发改委、市科技局", leads: "市人才工作局", supporters: "市发改委、市科技局"),
        ClauseCase(content: "牵头单位：省卫生健康委，参加单位：省大数据局", leads: "省卫生健康委", supporters: "省大数据局"),
        ClauseCase(content: "牵头单位:省商务厅；配合单位:省文化和旅游厅、省邮政管理局", leads: "省商务厅", supporters: "省文化和旅游厅、省邮政管理局"),
        ClauseCase(content: "牵头部门：县发改局 协办单位：县财政局", leads: "县发改局", supporters: "县财政局"),
        ClauseCase(content: "主责单位：区住建局；参与单位：区城管局、各街道办事处", leads: "区住建局", supporters: "区城管局、各街道办事处"),
        ClauseCase(content: "牵头责任单位：州生态环境局；配合单位：州林草局", leads: "州生态环境局", supporters: "州林草局"),
        ClauseCase(content: "责任单位：省经济和信息化厅、省财政厅，各市人民政府", leads: "省经济和信息化厅、省财政厅，各市人民政府", supporters: "", responsible: true),
        ClauseCase(content: "负责部门：自然资源部；适用范围：所有自贸试验区", leads: "自然资源部", supporters: "", responsible: true),
        ClauseCase(content: "6月底完成，牵头考核单位：市审批服务局", leads: "市审批服务局", supporters: "", deadline: "6月底完成"),
        // 分头 says how, as 分别 does: not part of the name (shandong-2019-szsd read 各有关部门分头).
        ClauseCase(content: "省大数据局牵头，各有关部门分头落实", leads: "省大数据局", supporters: "各有关部门"),
        ClauseCase(content: "牵头单位：县农业农村局；责任领导：张三；完成时限：2024年12月底前", leads: "县农业农村局", supporters: "", deadline: "2024年12月底前"),
        ClauseCase(content: "省大数据局、省政府办公厅牵头，各有关部门、各市政府配合", leads: "省大数据局、省政府办公厅", supporters: "各有关部门、各市政府"),
        ClauseCase(content: "省政府办公厅牵头，省大数据局配合，各有关部门、各市政府分工负责", leads: "省政府办公厅", supporters: "省大数据局，各有关部门、各市政府"),
        ClauseCase(content: "市发展改革委牵头，市财政局、市商务局等按职责分工负责", leads: "市发展改革委", supporters: "市财政局、市商务局"),
        ClauseCase(content: "省教育厅、省卫生健康委按职责分工负责", leads: "省教育厅、省卫生健康委", supporters: "", responsible: true),
        ClauseCase(content: "市场监管总局负责", leads: "市场监管总局", supporters: "", responsible: true),
        ClauseCase(content: "县应急管理局牵头负责", leads: "县应急管理局", supporters: ""),
        ClauseCase(content: "由市数据局牵头", leads: "市数据局", supporters: ""),
        ClauseCase(content: "国家发展改革委会同有关部门负责", leads: "国家发展改革委", supporters: "有关部门"),
        ClauseCase(content: "市发改委会同市财政局", leads: "市发改委", supporters: "市财政局"),
        ClauseCase(content: "扶贫办、商务部等和各有关省级人民政府负责", leads: "扶贫办、商务部，各有关省级人民政府", supporters: "", responsible: true),
        ClauseCase(content: "人力资源社会保障部等有关部门和单位负责", leads: "人力资源社会保障部", supporters: "", responsible: true),
        ClauseCase(content: "2025年底前完成，区教育局牵头，区财政局配合", leads: "区教育局", supporters: "区财政局", deadline: "2025年底前完成"),
        ClauseCase(content: "牽頭單位：縣財政局；配合單位：縣稅務局", leads: "县财政局", supporters: "县税务局"),
        ClauseCase(content: "省通信管理局、省工业和信息化厅牵头，省有关部门和各市人民政府按职责分工落实",
                   leads: "省通信管理局、省工业和信息化厅", supporters: "省有关部门，各市人民政府"),
        ClauseCase(content: "省大数据局、省发展改革委按职责分工推进", leads: "省大数据局、省发展改革委", supporters: "", responsible: true),
        ClauseCase(content: "省委网信办、省公安厅按职责牵头负责", leads: "省委网信办、省公安厅", supporters: ""),
        ClauseCase(content: "省发展改革委牵头，省大数据局、省能源局参与", leads: "省发展改革委", supporters: "省大数据局、省能源局"),
        ClauseCase(content: "省统计局牵头；省大数据局、省发展改革委配合", leads: "省统计局", supporters: "省大数据局、省发展改革委"),
        ClauseCase(content: "主要责任单位：县市场监管局；协同单位：县公安局、县法院", leads: "县市场监管局", supporters: "县公安局、县法院"),
        ClauseCase(content: "牵头单位：市工信局；协作单位：市科技局；支持单位：市财政局", leads: "市工信局", supporters: "市科技局，市财政局"),
    ]

    @Test(arguments: clauseCases)
    func clauseForms(_ c: ClauseCase) throws {
        let clause = try #require(AssignmentClauseParser.parse(c.content))
        #expect(clause.leads == c.leads)
        #expect(clause.supporters == c.supporters)
        #expect(clause.leadsAreResponsible == c.responsible)
        #expect(clause.deadline == c.deadline)
    }

    @Test(arguments: ["以下简称“省大数据局”", "0.5分", "2018-2022年", "所需资金由地方负责", "互联网协议第6版", "街道",
                      "省、市、县三级行政权力名称、类型、依据、编码相统一", "含各类园区"])
    func notAClause(content: String) {
        #expect(AssignmentClauseParser.parse(content) == nil)
    }

    @Test func personsAndScopesAreNeverAgencies() throws {
        let c = try #require(AssignmentClauseParser.parse("牵头单位：县发改局；分管领导：李四；适用范围：全县"))
        #expect(c.leads == "县发改局")
        #expect(c.persons == ["李四"])
        #expect(c.scope == "全县")
    }

    @Test(arguments: [
        ("人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同", AssignmentConvention.firstListedLeads),
        ("省委教育工委、省委宣传部、团省委负责，列第一位者为牵头部门，下同", .firstListedLeads),
    ])
    func conventionInsideAClause(content: String, convention: AssignmentConvention) throws {
        let c = try #require(AssignmentClauseParser.parse(content))
        #expect(c.convention == convention)
        #expect(!c.leads.contains("列第一位"))
    }

    /// The convention's sentence is cut where one of the lexicon's convention words stands, not at a
    /// 第一 or 列 inside a name before it.
    @Test func aConventionAfterANameHoldingItsWordsKeepsTheName() throws {
        let c = try #require(AssignmentClauseParser.parse("市第一人民医院、市卫生健康委负责，列第一位者为牵头单位"))
        #expect(c.convention == .firstListedLeads)
        #expect(c.leads.hasPrefix("市第一人民医院") && c.leads.contains("市卫生健康委"))
    }

    @Test(arguments: [
        ("注：排在首位的为牵头单位，其他为配合单位。", AssignmentConvention.firstListedLeads),
        ("责任单位中排名第一的为牵头单位", .firstListedLeads),
        ("无牵头单位的，责任单位即为牵头单位。", .responsibleAreLeads),
    ])
    func conventionsStatedInTheText(sentence: String, convention: AssignmentConvention) throws {
        let text = "\(sentence)\n一、任务\n（一）推进改革。（责任单位：县发改局、县财政局）\n"
        let d = try Importer(registry: try AgencyRegistry(agencies: [])).importDocumentText(text, file: "c.txt")
        #expect(d.diagnostics.contains { $0.code == .convention && $0.line == 1 })
        if convention == .firstListedLeads {
            #expect(d.rows[0].leads == ["县发改局"] && d.rows[0].supporters == ["县财政局"])
        } else {
            #expect(d.rows[0].leads == ["县发改局", "县财政局"] && d.rows[0].supporters.isEmpty)
        }
    }

    @Test func documentConventionMakesTheFirstListedTheLead() throws {
        let text = """
        某县2024年重点工作任务分工方案
        注：排在首位的为牵头单位，其他为配合单位。
        一、优化营商环境
        （一）推进“一件事一次办”。（责任单位：县政务服务中心、县市场监管局、县人社局）
        （二）深化工程建设项目审批改革。（县住建局、县自然资源局负责）
        """
        let d = try Importer(registry: try AgencyRegistry(agencies: [])).importDocumentText(text, file: "county.txt")
        #expect(d.rows.count == 2)
        #expect(d.rows[0].leads == ["县政务服务中心"])
        #expect(d.rows[0].supporters == ["县市场监管局", "县人社局"])
        #expect(d.rows[1].leads == ["县住建局"])
        #expect(d.rows[1].supporters == ["县自然资源局"])
        #expect(d.diagnostics.contains { $0.code == .convention && $0.line == 2 })
        #expect(d.diagnostics.filter { $0.code == .firstListedLead }.count == 2)
    }

    // MARK: Items and documents

    @Test func itemsWithoutAssignmentInheritTheEnclosingOneFlagged() throws {
        let text = """
        一、数字政府建设（牵头单位：市数据局；配合单位：市委网信办）
        1.建设城市大脑。
        2.完善政务云。
        二、数字经济
        1.培育数据要素市场。（市发改委牵头，市数据局配合）
        2.举办数字经济大会。
        """
        let d = try Importer(registry: try AgencyRegistry(agencies: [])).importDocumentText(text, file: "city.txt")
        #expect(d.rows.map(\.label) == ["一1", "一2", "二1"])
        #expect(d.rows[0].leads == ["市数据局"] && d.rows[0].supporters == ["市委网信办"])
        #expect(d.rows[1].indicator == "数字政府建设")
        #expect(d.diagnostics.filter { $0.code == .inheritedAssignment }.map(\.line) == [2, 3])
        // 二2 carries no assignment and nothing above it does: named in a finding, not dropped silently.
        #expect(d.diagnostics.contains { $0.code == .noAssignment && $0.line == 6 })
    }

    @Test func severalClausesInOneItemAreSeveralTasks() throws {
        let text = "一、打造数字政府\n1.推动政务服务转型。整合平台（省大数据局牵头，各市政府配合）。完善电子证照（省公安厅负责）。\n"
        let d = try Importer(registry: try AgencyRegistry(agencies: [])).importDocumentText(text, file: "p.txt")
        #expect(d.rows.map(\.label) == ["一1-1", "一1-2"])
        #expect(d.rows.map(\.direction) == ["推动政务服务转型", "推动政务服务转型"])
        #expect(d.rows[0].text == "整合平台")
        #expect(d.rows[1].text == "完善电子证照")
        #expect(d.rows[1].leads == ["省公安厅"])
    }

    @Test func clauseOnLinesOfTheirOwnAndWrappedTextAndPageMarkers() throws {
        // A PDF's text: lines wrapped at a fixed width, a page marker between pages, the clause below the item.
        let text = """
        （一）加快推进政务服务标准化规范化便利化建设，全面梳理
        政务服务事项清单，推动同一事项在不同区域无差别受理、同
        — 3 —
        标准办理，实现全市范围内通办互办，提高办事效率和群众满
        意度。
        牵头单位：市行政审批局
        配合单位：市司法局、住建局
        完成时限：2024年12月底
        （二）深化“一网通办”改革，推动高频事项网上可办率达到百
        分之九十五以上，持续提升网上办事体验，加快电子证照应用
        推广，实现更多事项“掌上办、指尖办”，方便企业和群众。
        牵头单位：市数据局
        （三）这一项的文字不长，但也要按时完成，保持工作连续性。
        第 4 页
        """
        let d = try Importer(registry: try AgencyRegistry(agencies: [])).importDocumentText(text, file: "wrapped.txt")
        #expect(d.rows.count == 2)
        #expect(d.rows[0].text.contains("同标准办理") && d.rows[0].text.hasSuffix("满意度"))
        #expect(!d.rows[0].text.contains("3"))
        #expect(d.rows[0].leads == ["市行政审批局"])
        #expect(d.rows[0].supporters == ["市司法局", "市住建局"])
        #expect(d.rows[0].deadline == "2024年12月底")
        #expect(d.rows[1].leads == ["市数据局"])
        #expect(d.diagnostics.contains { $0.code == .noAssignment && $0.line == 13 })
    }

    @Test func traditionalCharactersAreRead() throws {
        let text = "一、優化營商環境\n（一）推進政務服務。（牽頭單位：縣政務服務中心；配合單位：縣財政局、縣稅務局）\n"
        let d = try Importer(registry: try AgencyRegistry(agencies: [])).importDocumentText(text, file: "hk.txt")
        #expect(d.rows.count == 1)
        // Names the registry does not know keep the document's spelling; one it knows takes its registered name.
        #expect(d.rows[0].leads == ["縣政務服務中心"])
        #expect(d.rows[0].supporters == ["縣財政局", "縣稅務局"])
        #expect(d.rows[0].text == "推進政務服務")
        let registry = try AgencyRegistry(agencies: [Agency(name: "县税务局", kind: .centralBody)])
        let known = try Importer(registry: registry).importDocumentText(text, file: "hk.txt")
        #expect(known.rows[0].supporters == ["縣財政局", "县税务局"])
        #expect(AgencyKindInference.infer("縣委網信辦")?.kind == .partyOrgan)
        #expect(d.diagnostics.contains { $0.code == .traditionalCharacters })
        let articles = try Importer(registry: try AgencyRegistry(agencies: [])).importDocumentText(
            "第一條 推動政務服務數位化。（牽頭單位：縣政府辦公室；協辦單位：縣財政局）\n第二條 完善電子證照系統。縣數據局負責。\n", file: "tw.txt")
        #expect(articles.rows.map(\.label) == ["第一條", "第二條"])
        #expect(articles.rows[1].leads == ["縣數據局"])
    }

    @Test func aDocumentWithNoTaskIsRefusedSayingWhy() {
        #expect(throws: ImportError.self) {
            _ = try Importer(registry: try AgencyRegistry(agencies: [])).importDocumentText("关于印发某方案的通知\n现印发给你们。\n", file: "n.txt")
        }
    }

    // MARK: Names

    @Test(arguments: [
        ("河南省发展改革委、财政厅", ["河南省发展改革委", "河南省财政厅"]),
        ("省委宣传部、统战部", ["省委宣传部", "省委统战部"]),
        ("省委宣传部、省教育厅、团省委", ["省委宣传部", "省教育厅", "团省委"]),
        ("市行政审批局、住建局、司法局", ["市行政审批局", "市住建局", "市司法局"]),
        ("市发改委、市场监管局", ["市发改委", "市市场监管局"]),
        ("县发改局、城市管理局", ["县发改局", "县城市管理局"]),
        ("区教育局、卫健局", ["区教育局", "区卫健局"]),
        ("包头市审批服务局、大数据管理局", ["包头市审批服务局", "包头市大数据管理局"]),
        ("北海、钦州、防城港市人民政府", ["北海市人民政府", "钦州市人民政府", "防城港市人民政府"]),
        ("济南、青岛、烟台市政府", ["济南市政府", "青岛市政府", "烟台市政府"]),
        ("各县（市、区）人民政府", ["各县（市、区）人民政府"]),
        ("各市、县人民政府", ["各市、县人民政府"]),
        ("人力资源社会保障部、财政部", ["人力资源社会保障部", "财政部"]),
        ("盟发改委、财政局", ["盟发改委", "盟财政局"]),
        ("旗教育局、文旅局", ["旗教育局", "旗文旅局"]),
        ("省地方金融监管局、山东银保监局、山东证监局", ["省地方金融监管局", "山东银保监局", "山东证监局"]),
        ("省商务厅、中铁济南局、济南海关、地方金融监管局", ["省商务厅", "中铁济南局", "济南海关", "省地方金融监管局"]),
    ])
    func sharedPrefixesAndSuffixes(cell: String, names: [String]) throws {
        let normaliser = AgencyNameNormaliser(registry: try AgencyRegistry(agencies: []))
        #expect(normaliser.resolve(cell).names.map(\.name) == names)
    }

    @Test(arguments: [
        ("各市人民政府", AgencyKind.collective), ("有关部门", .collective), ("省推进工作专项组成员单位", .collective),
        ("团省委", .association), ("省科协", .association), ("市总工会", .association),
        ("县人民法院", .judicial), ("市人民检察院", .judicial),
        ("省委宣传部", .partyOrgan), ("市委网信办", .partyOrgan), ("县纪委监委", .partyOrgan),
        ("国网山东省电力公司", .enterprise), ("市城投集团", .enterprise),
        ("青岛海关", .centralBody), ("国家税务总局济南市税务局", .centralBody), ("人民银行济南分行", .centralBody),
        ("济南市人民政府", .municipalGovernment), ("高新区管委会", .municipalGovernment),
        ("省教育厅", .regionalDepartment), ("市数据局", .regionalDepartment), ("县发改委", .regionalDepartment),
    ])
    func kindRules(name: String, kind: AgencyKind) throws {
        #expect(try #require(AgencyKindInference.infer(name)).kind == kind)
    }

    @Test func aNameWithNoKindRuleStaysUnknown() {
        #expect(AgencyKindInference.infer("张三") == nil)
    }

    // MARK: Properties

    /// Random clauses assembled from labels, verbs and names: the parser never yields an agency that
    /// holds a role word, a deadline word or a person's label, and never loses a name of the clause.
    @Test(arguments: 0..<8)
    func clauseParserNeverMistakesAFieldForAnAgency(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed &+ 11)
        let names = ["省发展改革委", "省财政厅", "市数据局", "县住建局", "各有关部门", "区教育局", "国家税务总局某某市税务局", "团市委", "省委网信办"]
        let forbidden = ["牵头", "配合", "责任", "完成", "时限", "月底", "领导", "负责"]
        for _ in 0..<200 {
            func pick(_ n: Int) -> [String] { (0..<n).map { _ in names[Int(rng.next() % UInt64(names.count))] } }
            let leads = pick(1 + Int(rng.next() % 2)), supporters = pick(Int(rng.next() % 3))
            let sep = ["；", ";", "，", " "][Int(rng.next() % 4)]
            var parts = ["牵头单位：" + leads.joined(separator: "、")]
            if !supporters.isEmpty { parts.append(["配合单位：", "责任单位：", "协办单位："][Int(rng.next() % 3)] + supporters.joined(separator: "、")) }
            if rng.next() % 2 == 0 { parts.append("完成时限：2024年\(1 + rng.next() % 12)月底") }
            if rng.next() % 2 == 0 { parts.append("责任领导：王五") }
            if rng.next() % 3 == 0 { parts.shuffle(using: &rng) }
            let content = parts.joined(separator: sep)
            let c = try #require(AssignmentClauseParser.parse(content), "\(content)")
            let items = AgencyNameShape.items(of: c.leads) + AgencyNameShape.items(of: c.supporters)
            for item in items { #expect(!forbidden.contains { item.contains($0) && !names.contains(item) }, "\(content) → \(item)") }
            for name in Set(leads + supporters) { #expect(items.contains(name), "\(content) lost \(name)") }
            #expect(Set(AgencyNameShape.items(of: c.leads)) == Set(leads), "\(content)")
        }
    }
}

/// The draft registry an office reviews.
@Suite struct RegistryDraftTests {
    @Test func abbreviationsOfOneBodyAreOneRowAndKnownNamesKeepTheirRecord() throws {
        let text = """
        一、重点任务
        （一）推进项目审批。（牵头单位：市发展和改革委员会；配合单位：市人力资源社会保障局、市住建局）
        （二）优化招商。（市发改委牵头，市人社局、市住房和城乡建设局配合）
        （三）加强监管。（市发展改革委、自治区市场监管局负责）
        """
        let registry = try AgencyRegistry(agencies: [Agency(name: "自治区市场监管局", kind: .regionalDepartment, englishName: "AMR")])
        let importer = Importer(registry: registry)
        let d = try importer.importDocumentText(text, file: "city.txt")
        let draft = RegistryDraft(documents: [d], registry: registry)
        let byName = Dictionary(uniqueKeysWithValues: draft.entries.map { ($0.name, $0) })
        let fgw = try #require(byName["市发展和改革委员会"])
        #expect(fgw.aliases == ["市发展改革委", "市发改委"])
        #expect(fgw.tasks == 3)
        #expect(fgw.kind == .regionalDepartment && fgw.jurisdiction == "市")
        #expect(byName["市人力资源社会保障局"]?.aliases == ["市人社局"])
        #expect(byName["市住房和城乡建设局"]?.aliases == ["市住建局"])
        #expect(byName["自治区市场监管局"]?.englishName == "AMR")
        #expect(byName["自治区市场监管局"]?.note == "in the registry")
        // The draft is a registry respgraph reads back; every name then resolves.
        let reviewed = try AgencyRegistry(csv: draft.csv(), source: "draft.csv")
        let again = try Importer(registry: reviewed).importDocumentText(text, file: "city.txt")
        #expect(!again.diagnostics.contains { $0.code == .unknownAgency })
        #expect(again.rows[1].leads == ["市发展和改革委员会"])
    }
}

/// Tables that extraction flattened: cells one per line, or separated by bars.
@Suite struct FlattenedTableTests {
    static let importer = Importer(registry: try! AgencyRegistry(agencies: []))

    @Test func oneCellPerLineIsRebuiltFromTheHeader() throws {
        let text = """
        某区2024年重点任务清单
        序号
        重点任务
        牵头单位
        配合单位
        完成时限
        1
        推进老旧小区改造
        区住建局
        区财政局、各街道办事处
        2024年12月底
        2
        建设社区养老服务站
        区民政局
        区卫健局
        2024年9月底
        — 2 —
        3
        开展燃气安全排查
        区应急局
        2024年6月底
        """
        let d = try Self.importer.importDocumentText(text, file: "district.txt")
        #expect(d.rows.count == 3)
        #expect(d.rows[0].leads == ["区住建局"])
        #expect(d.rows[0].supporters == ["区财政局", "各街道办事处"])
        #expect(d.rows[1].text == "建设社区养老服务站" && d.rows[1].deadline == "2024年9月底")
        // Row 3 lost its empty 配合单位 cell: read in order and flagged.
        #expect(d.diagnostics.contains { $0.code == .rebuiltRow && $0.line == 18 })
    }

    @Test func barSeparatedRows() throws {
        let text = """
        序号 | 工作任务 | 牵头单位 | 配合单位
        1 | 推进政务服务“一网通办” | 县政务服务中心 | 县数据局
        2 | 优化企业开办 | 县市场监管局 | 县税务局、县人社局
        """
        let d = try Self.importer.importDocumentText(text, file: "bars.txt")
        #expect(d.rows.map(\.leads) == [["县政务服务中心"], ["县市场监管局"]])
        #expect(d.rows[1].supporters == ["县税务局", "县人社局"])
    }
}

/// Forms written without brackets or with spaces, as county and city offices write them.
@Suite struct UnbracketedClauseTests {
    static let importer = Importer(registry: try! AgencyRegistry(agencies: []))

    @Test func proseClauseAsTheLastSentenceAndSpaceSeparatedNames() throws {
        let text = """
        某市2024年数字政府建设工作要点
        一、夯实数字底座
        1、深化电子证照应用。市数据局牵头，市公安局、市市场监管局配合。
        2、推进“互联网+监管”。由市市场监管局牵头，各有关部门配合，2024年底前完成。
        3、建设城市运行管理中心。（牵头单位：市城管局 配合单位：市数据局 市住建局）
        4、各部门要落实主体责任，加强协同配合。
        """
        let d = try Self.importer.importDocumentText(text, file: "city.txt")
        #expect(d.rows.map(\.label) == ["一1", "一2", "一3"])
        #expect(d.rows[0].leads == ["市数据局"] && d.rows[0].supporters == ["市公安局", "市市场监管局"])
        #expect(d.rows[0].text == "深化电子证照应用")
        #expect(d.rows[1].leads == ["市市场监管局"] && d.rows[1].supporters == ["各有关部门"] && d.rows[1].deadline == "2024年底前完成")
        #expect(d.rows[2].leads == ["市城管局"] && d.rows[2].supporters == ["市数据局", "市住建局"])
        // An ordinary sentence about duties is not a clause: named in a note, not read as an assignment.
        #expect(d.diagnostics.contains { $0.code == .noAssignment && $0.line == 6 })
    }

    @Test func labelledFieldsOnLinesOfTheirOwnWithALeaderAndDeadline() throws {
        let text = """
        一、提升政务服务效能
        （一）深化“一网通办”改革。推进政务服务事项全流程网上办理。
        责任单位：县政务服务中心
        配合单位：县直各有关单位，各乡镇人民政府
        责任领导：王某某（副县长）
        完成时限：2023年12月底
        """
        let d = try Self.importer.importDocumentText(text, file: "county.txt")
        #expect(d.rows.count == 1)
        #expect(d.rows[0].leads == ["县政务服务中心"])
        #expect(d.rows[0].supporters == ["县直各有关单位", "各乡镇人民政府"])
        #expect(d.rows[0].deadline == "2023年12月底")
        #expect(d.diagnostics.contains { $0.code == .persons })
    }

    @Test func clauseBeforeItsTaskRoleMarkersAndWeiForms() throws {
        let text = """
        某县2024年重点工作任务分工
        一、项目建设
        1.（县发改局牵头）加快推进重点项目建设，全年完成投资50亿元。
        2.推进园区基础设施建设。责任单位：县工信局（牵头）、县住建局、县自然资源局
        3.优化营商环境。县营商办为牵头单位，县直各部门为配合单位。
        4.（县财政局配合）
        """
        let d = try Self.importer.importDocumentText(text, file: "county.txt")
        #expect(d.rows.map(\.label) == ["一1", "一2", "一3", "一4"])
        #expect(d.rows[0].text == "加快推进重点项目建设，全年完成投资50亿元" && d.rows[0].leads == ["县发改局"])
        #expect(d.rows[1].leads == ["县工信局"] && d.rows[1].supporters == ["县住建局", "县自然资源局"])
        #expect(d.rows[2].leads == ["县营商办"] && d.rows[2].supporters == ["县直各部门"])
        // A clause with no lead and no text: imported with warnings, the document is not refused.
        #expect(d.rows[3].leads.isEmpty && d.rows[3].supporters == ["县财政局"])
        #expect(d.diagnostics.filter { $0.line == 6 }.map(\.code.rawValue).sorted() == ["missing-lead", "missing-text", "unknown-agency"])
        #expect(d.blockingDiagnostics.isEmpty)
    }
}
