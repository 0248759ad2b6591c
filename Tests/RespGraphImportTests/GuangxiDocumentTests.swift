import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// The two Guangxi plans read from their raw text: counts and the hard rows, by source line.
@Suite struct GuangxiDocumentTests {
    static let importer: Importer = {
        // The suite cannot run without the curated files; a failure here names the file.
        let registry = try! AgencyRegistry(csv: try! Repository.text("Graphs/agencies.csv"), source: "Graphs/agencies.csv")
        let corrections = try! Corrections(csv: try! Repository.text("Graphs/corrections.csv"), source: "Graphs/corrections.csv")
        return Importer(registry: registry, corrections: corrections)
    }()

    static func load(_ year: String) throws -> ImportedDocument {
        let file = year == "2022" ? "Graphs/sources/guangxi-2022-action-plan.txt" : "Graphs/sources/guangxi-2024-work-points.txt"
        return try importer.importDocumentText(try Repository.text(file), file: file)
    }

    static func row(_ d: ImportedDocument, _ number: Int, level: TaskLevel = .table) throws -> TaskRow {
        try #require(d.rows.first { $0.level == level && $0.number == number }, "row \(number) missing")
    }

    @Test func plan2022Has199TaskRowsNumberedInOrder() throws {
        let d = try Self.load("2022")
        #expect(d.document.id == "2022")
        #expect(d.document.title == "2022年广西优化营商环境行动方案")
        #expect(d.rows.count == 199)
        #expect(d.rows.map(\.number) == Array(1...199))
        #expect(d.rows.allSatisfy { $0.level == .table && !$0.leads.isEmpty && $0.deadline != nil })
        #expect(d.blockingDiagnostics.isEmpty)
        #expect(d.diagnostics.filter { $0.severity == .warning }.isEmpty)
    }

    @Test func plan2024Has178RowsAnd23WorkPoints() throws {
        let d = try Self.load("2024")
        #expect(d.document.id == "2024")
        let table = d.rows.filter { $0.level == .table }
        #expect(table.count == 178)
        #expect(table.map(\.number) == Array(1...178))
        #expect(d.rows.filter { $0.level == .workPoint }.count == 23)
        #expect(d.blockingDiagnostics.isEmpty)
    }

    @Test func dates2022LoseTheirStraySpaces() throws {
        let d = try Self.load("2022")
        #expect(try Self.row(d, 3).deadline == "2022年11月30日")
        #expect(try Self.row(d, 192).deadline == "2023年1月20日")
    }

    @Test func pageNumberInNumberColumnIsRecognised() throws {
        let d = try Self.load("2024")
        // Line 114 reads "18 ¦ 人力资源 ¦ 强化用工服务": 18 is page 18, the row is 6.
        let six = try Self.row(d, 6)
        #expect(six.sourceLine == 114)
        #expect(six.direction == "强化用工服务")
        #expect(d.diagnostics.contains { $0.line == 114 && $0.code == .pageNumber })
        // Page 28 on line 197 is row 64; page 30 on line 214 is row 77; page 40 on line 299 is row 138.
        #expect(try Self.row(d, 64).sourceLine == 197)
        #expect(try Self.row(d, 77).sourceLine == 214)
        #expect(try Self.row(d, 138).sourceLine == 299)
    }

    @Test func unnumberedRowsAreNumberedFromTheSequenceAndInheritTheirIndicator() throws {
        let d = try Self.load("2024")
        for (n, line) in [(7, 115), (8, 116), (11, 119), (65, 198), (71, 204), (91, 234), (144, 305)] {
            let r = try Self.row(d, n)
            #expect(r.sourceLine == line, "row \(n)")
            #expect(d.diagnostics.contains { $0.line == line && $0.code == .unnumbered })
        }
        #expect(try Self.row(d, 7).indicator == "人力资源")
        #expect(try Self.row(d, 65).indicator == "知识产权保护和运用")
        #expect(try Self.row(d, 91).indicator == "对外开放")
    }

    @Test func numberGluedIntoDirectionIsSeparated() throws {
        let d = try Self.load("2024")
        let r = try Self.row(d, 126)
        #expect(r.sourceLine == 283)
        #expect(r.direction == "“双随机、一公开”")
        #expect(try Self.row(d, 131).direction == "融入全国统一大市场")
    }

    @Test func numberInIndicatorColumnAndSwappedColumns() throws {
        let d = try Self.load("2024")
        let r52 = try Self.row(d, 52)
        #expect(r52.indicator == "获得信贷")
        #expect(r52.direction == "推进北部湾港航融平台应用")
        #expect(d.diagnostics.contains { $0.line == 181 && $0.code == .swappedColumns })
        // Rows 53–57 continue the merged 获得信贷 cell: no warning.
        #expect(try Self.row(d, 55).indicator == "获得信贷")
        #expect(!d.diagnostics.contains { $0.line == 184 && $0.code == .indicatorLost })
        // Rows 28–34 lost their indicator; the correction names it and says why.
        let r28 = try Self.row(d, 28)
        #expect(r28.indicator == "市政设施报装")
        #expect(d.diagnostics.contains { $0.line == 145 && $0.code == .indicatorLost && $0.resolution != nil })
    }

    @Test func row41MergedRowIsReportedAndResolvedByCorrections() throws {
        let raw = Importer(registry: Self.importer.registry)
        let file = "Graphs/sources/guangxi-2024-work-points.txt"
        let uncorrected = try raw.importDocumentText(try Repository.text(file), file: file)
        // Without the corrections the rows are imported and marked, each with its finding.
        let merged = uncorrected.diagnostics.filter { $0.line == 164 && $0.code == .mergedRow && $0.severity == .warning }
        #expect(merged.count == 2)
        #expect(merged.first?.message.contains("5 separate lists") == true)
        #expect(uncorrected.diagnostics.contains { $0.line == 138 && $0.code == .missingLead && $0.severity == .warning })
        #expect(uncorrected.rows.first { $0.sourceLine == 164 }?.review.contains("merged-row") == true)

        let d = try Self.load("2024")
        let r41 = try Self.row(d, 41)
        #expect(r41.sourceLine == 164)
        #expect(r41.text.isEmpty)
        #expect(r41.direction == "强化政府性融资担保增信功能")
        #expect(r41.leads == ["自治区党委金融办", "自治区财政厅"])
        #expect(r41.supporters == ["中国人民银行广西壮族自治区分行", "国家金融监督管理总局广西监管局"])
        // The neighbours keep their own leads and take the merged directions.
        let r42 = try Self.row(d, 42), r45 = try Self.row(d, 45), r40 = try Self.row(d, 40), r46 = try Self.row(d, 46)
        #expect(r42.leads == ["自治区党委金融办", "广西证监局"])
        #expect(r42.direction == "加大资本市场服务支持力度")
        #expect(r45.leads == ["自治区党委金融办", "自治区工业和信息化厅", "自治区农业农村厅", "中国人民银行广西壮族自治区分行", "国家金融监督管理总局广西监管局"])
        #expect(r45.direction == "提升融资对接服务质效")
        #expect(r40.sourceLine == 159 && r40.direction == "深化财政金融联动政策实施")
        #expect(r46.sourceLine == 171 && r46.leads.contains("自治区发展改革委"))
    }

    @Test func row23HasNoLeadAndSaysSo() throws {
        let d = try Self.load("2024")
        let r23 = try Self.row(d, 23)
        #expect(r23.leads.isEmpty)
        #expect(d.diagnostics.contains { $0.line == 138 && $0.code == .missingLead && $0.resolution != nil })
    }

    @Test func wrappedCellsAreJoined() throws {
        let d = try Self.load("2024")
        let r22 = try Self.row(d, 22)
        #expect(r22.indicator == "办理建筑许可")
        #expect(r22.supporters == ["自治区发展改革委", "自治区工业和信息化厅", "自治区自然资源厅", "自治区生态环境厅", "自治区数据局"])
        #expect(try Self.row(d, 26).leads == ["自治区公共资源交易中心"])
        #expect(try Self.row(d, 109).direction == "深化涉企公共法律服务体系建设")
    }

    @Test func pageMarkersAndRepeatedHeadersAreSkipped() throws {
        let d = try Self.load("2024")
        #expect(!d.rows.contains { $0.sourceLine == 128 || $0.sourceLine == 106 || $0.sourceLine == 113 })
        #expect(try Self.row(d, 16).sourceLine == 129)
    }

    @Test func workPointsCarryTheirClauseUnits() throws {
        let d = try Self.load("2024")
        let w1 = try Self.row(d, 1, level: .workPoint)
        #expect(w1.label == "一（一）")
        #expect(w1.direction == "优化市场准入退出")
        #expect(w1.leads == ["自治区市场监管局", "自治区发展改革委", "自治区数据局"])
        // The clause spans lines 26–28 with a blank line between.
        #expect(w1.supporters.contains("自治区住房城乡建设厅"))
        #expect(w1.supporters.last == "各市、县人民政府")
        let w19 = try Self.row(d, 19, level: .workPoint)
        #expect(w19.label == "二（四）")
        #expect(w19.leads.count == 9 && w19.supporters.isEmpty)
        #expect(d.diagnostics.contains { $0.code == .responsibilityUnits && $0.line == 82 })
        let w23 = try Self.row(d, 23, level: .workPoint)
        #expect(w23.label == "三（三）")
        #expect(w23.supporters.first == "自治区纪委监委机关")
        let w21 = try Self.row(d, 21, level: .workPoint)
        #expect(w21.supporters == ["自治区党委宣传部", "自治区优化营商环境工作领导小组其他成员单位", "各市、县人民政府"])
    }

    /// The work points' clauses are read by the same role labels as clauses and table headers: written
    /// with other labels of the lexicon, the 2024 work points give the same leads and supporters.
    @Test func workPointClausesReadEveryRoleLabelOfTheLexicon() throws {
        let file = "Graphs/sources/guangxi-2024-work-points.txt"
        let original = try Repository.text(file)
        let relabelled = original.replacingOccurrences(of: "（牵头单位：", with: "（主责单位：")
            .replacingOccurrences(of: "；配合单位：", with: "；协办单位：")
        #expect(relabelled != original)
        let a = try Self.importer.importDocumentText(original, file: file)
        let b = try Self.importer.importDocumentText(relabelled, file: file)
        let points = { (d: ImportedDocument) in d.rows.filter { $0.level == .workPoint }.map { [$0.leads, $0.supporters] } }
        #expect(points(a).count == 23)
        #expect(points(b) == points(a))
    }

    @Test func renamedAgenciesStaySeparateWithLineage() throws {
        let d22 = try Self.load("2022"), d24 = try Self.load("2024")
        let names22 = Set(d22.rows.flatMap { $0.leads + $0.supporters })
        let names24 = Set(d24.rows.flatMap { $0.leads + $0.supporters })
        #expect(names22.contains("自治区大数据发展局") && !names22.contains("自治区数据局"))
        #expect(names24.contains("自治区数据局") && !names24.contains("自治区大数据发展局"))
        #expect(names22.contains("中国人民银行南宁中心支行"))
        #expect(names24.contains("中国人民银行广西壮族自治区分行"))
        let registry = Self.importer.registry
        #expect(registry.successors(of: "自治区大数据发展局") == ["自治区数据局"])
        #expect(registry.successors(of: "人民银行南宁中心支行") == ["中国人民银行广西壮族自治区分行"])
        #expect(registry.latestName(of: "自治区数据局") == "自治区数据局")
    }

    @Test func everyNameOfBothDocumentsIsInTheRegistry() throws {
        for year in ["2022", "2024"] {
            let d = try Self.load(year)
            #expect(d.diagnostics.filter { $0.code == .unknownAgency }.isEmpty, "\(year)")
        }
    }
}
