import Foundation
import RespGraphData
import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// Word, Excel, web-page, PDF and OFD files made by real writers (python-docx, openpyxl, LibreOffice,
/// easyofd; see Fixtures/office/make_office_fixtures.py and make_ofd_fixtures.py), and hostile archives.
@Suite struct OfficeReaderTests {
    static let importer = Importer(registry: try! AgencyRegistry(csv: EmbeddedGraphs.registry, source: "Graphs/agencies.csv"))
    static func fixture(_ name: String) -> String { Repository.path("Tests/RespGraphImportTests/Fixtures/office/\(name)") }

    /// The curated 2024 table rows, by number.
    static func curated() throws -> [Int: TaskRow] {
        let docs = try importer.importTaskTable(csv: try Repository.text("Graphs/guangxi-2024-tasks.csv"), file: "Graphs/guangxi-2024-tasks.csv")
        return Dictionary(uniqueKeysWithValues: docs[0].rows.filter { $0.level == .table }.map { ($0.number, $0) })
    }

    @Test(arguments: ["guangxi-2024-table.docx", "guangxi-2024-table.xlsx", "guangxi-2024-table.html", "guangxi-2024-table.ofd"])
    func theGuangxiTableRebuiltInEachFormatGivesTheCuratedTasks(file: String) throws {
        try Self.checkTheGuangxiTable(file)
    }

    @Test(.needs(.poppler), arguments: ["guangxi-2024-table.pdf", "guangxi-2024-table-running-heads.pdf"])
    func theGuangxiTablePrintedToPDFGivesTheCuratedTasks(file: String) throws {
        try Self.checkTheGuangxiTable(file)
    }

    /// The table read from `file` gives the curated rows.
    static func checkTheGuangxiTable(_ file: String) throws {
        let d = try #require(try Self.importer.importFile(atPath: Self.fixture(file)).first)
        let curated = try Self.curated()
        #expect(d.rows.count == 178)
        #expect(d.rows.map(\.number) == Array(1...178))
        for row in d.rows {
            let c = try #require(curated[Int(row.label) ?? -1], "\(file) row \(row.label)")
            #expect(row.leads == c.leads, "\(file) row \(row.label)")
            #expect(row.supporters == c.supporters, "\(file) row \(row.label)")
            // A PDF or OFD records glyph positions, not spaces: its texts are compared without whitespace.
            // easyofd writes a line's quote marks and dashes (another font) in boxes of their own but
            // gives the rest of the line one box, so such a mark can land a few characters away: OFD
            // texts are also compared without quote marks and dashes.
            func same(_ a: String, _ b: String) -> Bool {
                if file.hasSuffix(".ofd") {
                    let kept: (Character) -> Bool = { !$0.isWhitespace && !"“”‘’\"—–".contains($0) }
                    return a.filter(kept) == b.filter(kept)
                }
                return file.hasSuffix(".pdf") ? a.filter { !$0.isWhitespace } == b.filter { !$0.isWhitespace } : a == b
            }
            #expect(same(row.text, c.text), "\(file) row \(row.label): \(row.text) ≠ \(c.text)")
            #expect(row.indicator == c.indicator, "\(file) row \(row.label)")
            #expect(same(row.direction, c.direction), "\(file) row \(row.label)")
            #expect((row.deadline ?? "") == (c.deadline ?? ""), "\(file) row \(row.label)")
        }
        // The one curated row with no agency is reported, not dropped.
        #expect(d.diagnostics.filter { $0.severity == .warning }.map(\.code) == [.noAgency])
    }

    @Test func placesNameTheTableRowOrSheetRow() throws {
        let docx = try #require(try Self.importer.importFile(atPath: Self.fixture("guangxi-2024-table.docx")).first)
        #expect(docx.rows[0].place == "table 1, row 2")
        let xlsx = try #require(try Self.importer.importFile(atPath: Self.fixture("guangxi-2024-table.xlsx")).first)
        #expect(xlsx.rows[0].place == "sheet 任务清单, row 2")
        let warning = try #require(xlsx.diagnostics.first { $0.code == .noAgency })
        #expect(warning.description.hasPrefix("\(Self.fixture("guangxi-2024-table.xlsx")): (sheet 任务清单, row 24) warning:"))
    }

    @Test func wordAutomaticNumberingIsRendered() throws {
        let d = try #require(try Self.importer.importFile(atPath: Self.fixture("county-plan.docx")).first)
        #expect(d.document.title == "某县2024年数字政府建设工作要点")
        #expect(d.rows.map(\.label) == ["一1", "一2", "二1"])
        #expect(d.rows[0].leads == ["县数据局"])
        #expect(d.rows[0].supporters == ["县财政局", "县委网信办"])
        #expect(d.rows[1].supporters == ["各乡镇人民政府"])
        // The clause on paragraphs of its own below the item, with the shared 县 prefix.
        #expect(d.rows[2].leads == ["县政务服务中心"])
        #expect(d.rows[2].supporters == ["县市场监管局", "县人社局"])
    }

    /// A draft as offices circulate it: read as Word shows it with its tracked changes accepted, text
    /// boxes once (not again from their VML fallback), and an item going on around a text box.
    @Test func trackedChangesAreReadAcceptedAndTextBoxesOnce() throws {
        let d = try #require(try Self.importer.importFile(atPath: Self.fixture("tracked-changes.docx")).first)
        #expect(d.document.title == "某区2025年优化营商环境重点任务")
        #expect(d.rows.map(\.label) == ["一（一）", "一（二）", "一（三）"])
        #expect(d.rows[0].text == "推行企业开办一日办结")
        // 区医保局 was moved from the first item to the second.
        #expect(d.rows[0].supporters == ["区税务局", "区人社局"])
        #expect(d.rows[1].supporters == ["区医保局", "各街道办事处"])
        #expect(d.rows[2].text == "推进“一网通办”" && d.rows[2].leads == ["区数据局"])
        let note = try #require(d.diagnostics.first { $0.code == .trackedChanges })
        #expect(note.severity == .note && note.message.contains("1 insertions, 1 deletions, 1 moves"))
        // A document without revisions gets no such note.
        let plain = try #require(try Self.importer.importFile(atPath: Self.fixture("county-plan.docx")).first)
        #expect(!plain.diagnostics.contains { $0.code == .trackedChanges })
    }

    /// Five corpus documents printed to PDF by LibreOffice and written as OFD by easyofd give the tasks
    /// of the text files: running text rebuilt into paragraphs from the OFD's positioned words.
    @Test(arguments: ["anhui-2021-gyhlw", "baotou-2022-szzf", "shandong-2019-szsd", "shandong-2021-fuwuye", "shandong-2024-sdcy"])
    func corpusDocumentsAsOFDGiveTheTasksOfTheText(name: String) throws {
        let ofd = try #require(try Self.importer.importFile(atPath: Self.fixture("corpus-\(name).ofd")).first)
        let text = try #require(try Self.importer.importFile(atPath: Repository.path("Tests/RespGraphImportTests/Fixtures/corpus/\(name).txt")).first)
        func tasks(_ d: ImportedDocument) -> [[String]] {
            d.rows.map { [$0.label, $0.indicator, $0.direction, $0.text.filter { !$0.isWhitespace }, $0.deadline ?? ""] + $0.leads + ["|"] + $0.supporters }
        }
        #expect(!ofd.rows.isEmpty)
        #expect(tasks(ofd) == tasks(text))
        // A document without a title line is named after its file.
        #expect(ofd.document.title == (text.document.title == name ? "corpus-\(name)" : text.document.title))
    }

    /// A PDF with a running head and foot on every page gives the tasks of the Word file it was
    /// printed from: the head and foot are left out of the items a page break interrupts.
    @Test(.needs(.poppler)) func runningHeadsAndFeetAreLeftOutOfTheItemsTheyInterrupt() throws {
        let pdf = try #require(try Self.importer.importFile(atPath: Self.fixture("running-heads.pdf")).first)
        let word = try #require(try Self.importer.importFile(atPath: Self.fixture("running-heads.docx")).first)
        #expect(pdf.rows.count == 30)
        #expect(pdf.rows.map(\.text) == word.rows.map(\.text))
        #expect(pdf.rows.map(\.label) == word.rows.map(\.label))
        #expect(pdf.rows.allSatisfy { $0.leads == ["市政务服务局"] && $0.supporters == ["市发展改革委", "市司法局"] })
        #expect(pdf.document.title == "某市2025年优化营商环境重点任务分工")
    }

    /// A PDF table whose header has two rows (责任单位 over 牵头单位 | 配合单位) gives the tasks of the
    /// Word file it was printed from; digits set apart from Chinese by the typesetter are not spaced.
    @Test(.needs(.poppler)) func aPDFTableWithATwoRowHeaderGivesTheWordFilesTasks() throws {
        let pdf = try #require(try Self.importer.importFile(atPath: Self.fixture("two-row-header.pdf")).first)
        let word = try #require(try Self.importer.importFile(atPath: Self.fixture("two-row-header.docx")).first)
        #expect(pdf.rows.count == 12)
        for (a, b) in zip(pdf.rows, word.rows) {
            #expect(a.label == b.label && a.text == b.text && a.deadline == b.deadline && a.indicator == b.indicator, "\(a.label)")
            #expect(a.leads == ["县政务服务中心"] && a.supporters == ["县发展改革局", "县司法局"], "\(a.label)")
        }
        #expect(word.rows.first?.text == "推进第1项重点改革任务，优化办事流程，压缩办理时限")
    }

    /// A PDF without text (pages of images, as a scanner writes them) is refused saying so.
    @Test(.needs(.poppler)) func aPDFWithoutTextIsRefusedAsAScan() throws {
        let folder = try TemporaryFolder()
        // One empty A4 page, written as the PDF reference lays a file out (objects, xref, trailer).
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for object in ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] {
            offsets.append(pdf.utf8.count)
            pdf += "\(offsets.count) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 4\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        pdf += "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        let path = try folder.write("scan.pdf", pdf)
        do {
            _ = try Self.importer.importFile(atPath: path)
            Issue.record("a PDF without text was read")
        } catch {
            #expect(error.file == path && error.message.contains("holds no text (a scanned image?)"), "\(error.message)")
        }
    }

    /// Every task sheet of a workbook is read, a sheet's name the category of rows that name none;
    /// a sheet whose tasks all stand in sheets read before it (a 汇总) is read once, with a note; a
    /// hidden sheet is not read unless named.
    @Test func everyTaskSheetIsReadAndARepeatingSheetOnce() throws {
        let several = try #require(try Self.importer.importFile(atPath: Self.fixture("several-sheets.xlsx")).first)
        #expect(several.rows.map(\.text) == ["推行企业开办一日办结", "压缩工程建设项目审批时限", "建设县级政务云平台", "推进政务服务一网通办"])
        #expect(several.rows.map(\.indicator) == ["营商环境", "营商环境", "数字政府", "数字政府"])
        #expect(several.rows.map(\.number) == [1, 2, 3, 4])
        #expect(several.rows.map(\.place) == ["sheet 营商环境, row 2", "sheet 营商环境, row 3", "sheet 数字政府, row 2", "sheet 数字政府, row 3"])
        #expect(!several.diagnostics.contains { $0.code == .repeatedSheet })
        let summary = try #require(try Self.importer.importFile(atPath: Self.fixture("summary-sheet.xlsx")).first)
        #expect(summary.rows.map(\.text) == several.rows.map(\.text))
        #expect(summary.rows.map(\.indicator) == several.rows.map(\.indicator))
        let note = try #require(summary.diagnostics.first { $0.code == .repeatedSheet })
        #expect(note.severity == .note && note.message.contains("sheet 汇总 holds 4 tasks that all stand in sheet 营商环境, 数字政府 too"))
        // --sheet still reads one sheet alone.
        let one = try #require(try Self.importer.importFile(atPath: Self.fixture("summary-sheet.xlsx"), sheet: "汇总").first)
        #expect(one.rows.count == 4 && one.rows.allSatisfy { $0.indicator.isEmpty })
        // A hidden sheet (an old version) is not what the user sees: noted, read only when named.
        let hidden = try #require(try Self.importer.importFile(atPath: Self.fixture("hidden-sheet.xlsx")).first)
        #expect(hidden.rows.map(\.text) == ["推行企业开办一日办结", "压缩工程建设项目审批时限"])
        let hiddenNote = try #require(hidden.diagnostics.first { $0.code == .hiddenSheet })
        #expect(hiddenNote.message.contains("sheet 旧版 is hidden"))
        let old = try #require(try Self.importer.importFile(atPath: Self.fixture("hidden-sheet.xlsx"), sheet: "旧版").first)
        #expect(old.rows.map(\.text) == ["推行企业开办三日办结"])
    }

    @Test(.needs(.poppler)) func aPDFsTableSpansPagesAndItsTextIsReadToo() throws {
        let table = try #require(try Self.importer.importFile(atPath: Self.fixture("guangxi-2024-table.pdf")).first)
        let last = try #require(table.rows.last)
        #expect(last.place?.hasPrefix("page ") == true && last.place != "page 1, table 1, row 179")
        #expect(table.rows[0].place == "page 1, table 1, row 2")
        let plan = try #require(try Self.importer.importFile(atPath: Self.fixture("county-plan.pdf")).first)
        #expect(plan.rows.map(\.label) == ["一1", "一2", "二1"])
        #expect(plan.rows[0].supporters == ["县财政局", "县委网信办"])
        #expect(plan.rows[2].supporters == ["县市场监管局", "县人社局"])
    }

    @Test func anOFDsTableSpansPagesItsTextIsReadAndAScanIsRefused() throws {
        let table = try #require(try Self.importer.importFile(atPath: Self.fixture("guangxi-2024-table.ofd")).first)
        #expect(table.rows[0].place == "page 1, table 1, row 2")
        #expect(table.rows.last?.place?.hasPrefix("page 1,") == false)
        let plan = try #require(try Self.importer.importFile(atPath: Self.fixture("county-plan.ofd")).first)
        #expect(plan.document.title == "某县2024年数字政府建设工作要点")
        #expect(plan.rows.map(\.label) == ["一1", "一2", "二1"])
        #expect(plan.rows[0].leads == ["县数据局"])
        #expect(plan.rows[0].supporters == ["县财政局", "县委网信办"])
        #expect(plan.rows[2].supporters == ["县市场监管局", "县人社局"])
        #expect(plan.rows[2].text.filter { !"“”".contains($0) } == "推行一件事一次办，年底前上线20 个主题服务")
        // Every character an object of its own: joined into words, so the header and cells read.
        let characters = try #require(try Self.importer.importFile(atPath: Self.fixture("per-character.ofd")).first)
        #expect(characters.document.title == "某市2025年政务服务重点任务清单")
        #expect(characters.rows.map(\.text) == ["推进一件事一次办", "优化企业开办服务"])
        #expect(characters.rows.map(\.leads) == [["市政务服务中心"], ["市市场监管局"]])
        #expect(characters.rows[0].supporters == ["市数据局", "市公安局"])
        #expect(throws: ImportError.self) { _ = try Self.importer.importFile(atPath: Self.fixture("county-plan-scanned.ofd")) }
        do { _ = try Self.importer.importFile(atPath: Self.fixture("county-plan-scanned.ofd")) } catch {
            #expect(error.message.contains("holds no text"))
        }
    }

    @Test func ofdArraysAndPackagePaths() {
        #expect(OFDReader.numbers("g 3 2.5 1 0.5") == [2.5, 2.5, 2.5, 1, 0.5])
        #expect(OFDReader.numbers("10.2 20 30") == [10.2, 20, 30])
        #expect(OFDReader.packagePath("/Doc_0/./Pages/Page_0/Content.xml") == "Doc_0/Pages/Page_0/Content.xml")
        #expect(OFDReader.local("ofd:TextCode") == "TextCode" && OFDReader.local("TextCode") == "TextCode")
    }

    @Test func namesOnParagraphsOfTheirOwnInACellAreSeparateAgencies() throws {
        let d = try #require(try Self.importer.importFile(atPath: Self.fixture("multi-paragraph-cells.docx")).first)
        #expect(d.rows[0].leads == ["市数据局", "市委网信办"])
        #expect(d.rows[0].supporters == ["市公安局", "市交通运输局", "各县（市、区）人民政府"])
        #expect(d.rows[1].leads == ["市卫健委"] && d.rows[1].supporters == ["市医保局"])
    }

    @Test func excelDatesAndATitleRowAboveTheHeader() throws {
        let d = try #require(try Self.importer.importFile(atPath: Self.fixture("dated-list.xlsx")).first)
        #expect(d.document.title == "XX市2024年重点任务清单")
        #expect(d.rows.map(\.deadline) == ["2024年12月31日", "2024年9月底"])
        #expect(d.rows[0].supporters == ["市自然资源局", "市财政局"])
        // Serials as Excel counts them, 1900's phantom 29 February included.
        #expect([1, 59, 61, 36526, 45657].map { XLSXReader.dateText(Double($0)) } == ["1900年1月1日", "1900年2月28日", "1900年3月1日", "2000年1月1日", "2024年12月31日"])
    }

    @Test func aSheetCanBeChosenAndAMissingOneIsNamed() throws {
        #expect(throws: ImportError.self) { _ = try Self.importer.importFile(atPath: Self.fixture("guangxi-2024-table.xlsx"), sheet: "没有") }
        let e = error { _ = try Self.importer.importFile(atPath: Self.fixture("guangxi-2024-table.xlsx"), sheet: "说明") }
        #expect(e?.message.contains("no task found") == true)
    }

    func error(_ body: () throws -> Void) -> ImportError? {
        do { try body() } catch let e as ImportError { return e } catch { return nil }
        return nil
    }

    @Test func hostileArchivesGetAClearMessage() throws {
        let bomb = error { _ = try Self.importer.importFile(atPath: Self.fixture("zip-bomb.xlsx")) }
        #expect(bomb?.message.contains("zip bomb") == true)
        let xml = error { _ = try Self.importer.importFile(atPath: Self.fixture("xml-bomb.docx")) }
        #expect(xml?.message.contains("document type") == true)
        let folder = try TemporaryFolder()
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture("county-plan.docx"))))
        // Cut short: the end-of-directory record is gone.
        let cut = try folder.write("cut.docx", bytes: Array(original.prefix(original.count / 2)))
        #expect(error { _ = try Self.importer.importFile(atPath: cut) }?.message.contains("cut short") == true)
        // Encrypted: the flag bit set in every central-directory entry.
        var locked = original
        var i = 0
        while i + 4 <= locked.count {
            if locked[i] == 0x50, locked[i + 1] == 0x4B, locked[i + 2] == 0x01, locked[i + 3] == 0x02 { locked[i + 8] |= 1 }
            i += 1
        }
        let lockedPath = try folder.write("locked.docx", bytes: locked)
        #expect(error { _ = try Self.importer.importFile(atPath: lockedPath) }?.message.contains("encrypted") == true)
        // A damaged byte inside compressed data: the CRC or the inflater says so.
        var damaged = original
        let name = Array("word/document.xml".utf8)
        let at = try #require((0..<(original.count - name.count)).first { Array(original[$0..<($0 + name.count)]) == name })
        damaged[at + name.count + 60] ^= 0xFF
        let damagedPath = try folder.write("damaged.docx", bytes: damaged)
        let d = error { _ = try Self.importer.importFile(atPath: damagedPath) }
        #expect(d != nil)
        // Not an Office file at all.
        let zip = try folder.write("other.docx", bytes: [0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18))
        #expect(error { _ = try Self.importer.importFile(atPath: zip) }?.message.contains("neither a Word") == true)
    }

    @Test func mergedRangesPastTheColumnsReadOrThousandsHighStayBounded() throws {
        // A range starting past the last column read, and 3000 ranges a million rows high.
        let d = try #require(try Self.importer.importFile(atPath: Self.fixture("hostile-merges.xlsx")).first)
        #expect(d.rows.count == 1 && d.rows[0].leads == ["县发改局"])
    }

    @Test func inflateMatchesZlibOnEveryEntryOfTheFixtures() throws {
        // Every entry of every fixture archive (written by Python's zlib) inflates to bytes whose CRC-32
        // matches the one zlib recorded.
        for name in ["guangxi-2024-table.docx", "guangxi-2024-table.xlsx", "county-plan.docx"] {
            var archive = try ZipArchive(Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture(name)))))
            for entry in archive.entries {
                let bytes = try archive.read(entry)
                #expect(bytes.count == entry.size, "\(name) \(entry.name)")
            }
        }
    }
}
