import Foundation
import RespGraphData
@testable import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// PDF task tables as offices print them, cells centred or at the bottom, 指标 merged down, headers
/// repeated and rows broken across pages (Fixtures/pdf-tables/make_pdf_table_fixtures.py prints the
/// curated tables with LibreOffice Writer and Calc, Chromium and WeasyPrint): read cell by cell from
/// the rules each page draws, a spreadsheet's merged cells cut by page breaks tied by where their text stands.
@Suite struct RuledPDFTableTests {
    static let importer = Importer(registry: try! AgencyRegistry(csv: EmbeddedGraphs.registry, source: "Graphs/agencies.csv"))
    static func fixture(_ name: String) -> String { Repository.path("Tests/RespGraphImportTests/Fixtures/pdf-tables/\(name)") }

    /// The curated table rows of a year, by number.
    static func curated(_ year: String) throws -> [Int: TaskRow] {
        let file = "Graphs/guangxi-\(year)-tasks.csv"
        let docs = try importer.importTaskTable(csv: try Repository.text(file), file: file)
        return Dictionary(uniqueKeysWithValues: docs[0].rows.filter { $0.level == .table }.map { ($0.number, $0) })
    }

    /// Whether a row reads as curated: leads, supporters, 指标, and direction and text up to whitespace.
    static func same(_ row: TaskRow, _ c: TaskRow) -> Bool {
        func bare(_ s: String) -> String { s.filter { !$0.isWhitespace } }
        return row.leads == c.leads && row.supporters == c.supporters && row.indicator == c.indicator
            && bare(row.direction) == bare(c.direction) && bare(row.text) == bare(c.text) && (row.deadline ?? "") == (c.deadline ?? "")
    }

    static let exactFixtures = ["2022", "2024"].flatMap { year in
        ["word-centred", "word-bottom", "chromium", "weasyprint", "calc"].map { "guangxi-\(year)-table-\($0).pdf" }
    } + ["2022-table-top-chromium", "2022-table-portrait-weasyprint", "2022-table-separate-weasyprint", "2022-table-word-portrait",
         "2024-table-calc-top"].map { "guangxi-\($0).pdf" }

    @Test("every writer's print of the curated tables gives the curated rows",
          .needs(.poppler), arguments: exactFixtures)
    func printedTablesGiveTheCuratedRows(file: String) throws {
        let year = file.contains("2022") ? "2022" : "2024"
        let curated = try Self.curated(year)
        let d = try #require(try Self.importer.importFile(atPath: Self.fixture(file)).first)
        #expect(d.rows.map(\.number) == Array(1...curated.count), "\(file)")
        for row in d.rows {
            let c = try #require(curated[Int(row.label) ?? -1], "\(file) row \(row.label)")
            #expect(Self.same(row, c), "\(file) row \(row.label): \(row.indicator) | \(row.leads) | \(row.supporters) | \(row.text)")
        }
        // No fragment of a cell is read as an agency: every name is a curated one.
        let names = Set(curated.values.flatMap { $0.leads + $0.supporters })
        #expect(Set(d.rows.flatMap { $0.leads + $0.supporters }).subtracting(names).isEmpty, "\(file)")
        // Few rows are marked: a merged cell cut by a page break that the page leaves open, a merged
        // cell's frame ending inside a row (cells framed apart).
        #expect(d.diagnostics.filter { $0.code == .rebuiltRow }.count <= 15, "\(file)")
    }

    /// Cells framed apart, a browser cutting merged cells at page breaks where their frames end inside
    /// rows: not every row can be read with certainty, but every row read wrong is marked.
    @Test("a table whose cells are framed apart has every wrong row marked", .needs(.poppler))
    func separatelyFramedCellsMarkEveryWrongRow() throws {
        let curated = try Self.curated("2024")
        let d = try #require(try Self.importer.importFile(atPath: Self.fixture("guangxi-2024-table-separate-chromium.pdf")).first)
        #expect(d.rows.map(\.number) == Array(1...curated.count))
        let marked = Set(d.diagnostics.filter { $0.code == .rebuiltRow }.compactMap(\.place))
        let wrong = d.rows.filter { row in curated[Int(row.label) ?? -1].map { !Self.same(row, $0) } ?? true }
        #expect(wrong.allSatisfy { marked.contains($0.place ?? "") }, "\(wrong.map(\.label))")
        // Measured: 174 of 178 rows exact, 16 marked.
        #expect(wrong.count <= 4 && marked.count <= 20, "\(wrong.count) wrong, \(marked.count) marked")
    }

    /// A spreadsheet's merged cells cut by page breaks, as parts of one column: texts where the sheet
    /// centred them over the whole merge, pages laid end to end (each part 100 points high).
    static func parts(_ texts: [(String, Double?)], pageBreaks: Set<Int>) -> (rows: [RuledTableReader.GridRow], body: [Int], flowTop: [Double]) {
        var rows: [RuledTableReader.GridRow] = [], page = 1
        for (i, (text, middle)) in texts.enumerated() {
            if pageBreaks.contains(i) { page += 1 }
            var row = RuledTableReader.GridRow(cells: [text], inherited: [], page: page)
            row.cellKeys = [i]
            row.top = Double(i) * 100
            row.bottom = row.top + 100
            row.textMiddle = [middle.map { row.top + $0 }]
            rows.append(row)
        }
        return (rows, Array(rows.indices), rows.indices.map { Double($0) * 100 })
    }

    @Test func emptyPartsTakeTheTextCentredOverTheirWholeMerge() {
        // Every part on a page of its own. 甲 and 丙 stand in the middle of their parts, 乙 in the
        // middle of parts 1...5 (its merge cut by four page breaks): parts 1, 2, 4 and 5 are 乙's.
        let (rows, body, flow) = Self.parts([("甲", 50), ("", nil), ("", nil), ("乙", 50), ("", nil), ("", nil), ("丙", 50)],
                                            pageBreaks: Set(1...6))
        let owners = RuledTableReader.mergeOwners(parts: body.map { $0..<($0 + 1) }, column: 0, rows: rows, body: body, flowTop: flow)
        #expect(owners.map(\.owner) == [0, 3, 3, 3, 3, 3, 6])
        #expect(owners.allSatisfy { $0.sure })
        // Part 2 is cut from part 3 by a rule on its page: it can only be A's, through part 1.
        let (rows2, body2, flow2) = Self.parts([("甲", 150), ("", nil), ("", nil), ("乙", 50)], pageBreaks: [1, 2])
        #expect(RuledTableReader.mergeOwners(parts: body2.map { $0..<($0 + 1) }, column: 0, rows: rows2, body: body2, flowTop: flow2).map(\.owner) == [0, 0, 0, 3])
    }

    @Test func aPartEitherTextExplainsAsWellIsMarked() {
        // A text whose place is unknown (nil) on each side of an empty page: both ways cost the same.
        let (rows, body, flow) = Self.parts([("甲", nil), ("", nil), ("乙", nil)], pageBreaks: [1, 2])
        let owners = RuledTableReader.mergeOwners(parts: body.map { $0..<($0 + 1) }, column: 0, rows: rows, body: body, flowTop: flow)
        #expect(owners[1].sure == false)
        // An empty part no text can reach (rules on both sides, no page break) is marked, with no owner.
        let (rows2, body2, flow2) = Self.parts([("甲", 50), ("", nil), ("乙", 50)], pageBreaks: [])
        let lone = RuledTableReader.mergeOwners(parts: body2.map { $0..<($0 + 1) }, column: 0, rows: rows2, body: body2, flowTop: flow2)
        #expect(lone[1].owner == nil && lone[1].sure == false)
    }

    /// A table without rules whose cells are centred can only be guessed from word positions: every
    /// row is imported and marked, none passes for checked.
    @Test("an unruled table with centred cells has every row marked",
          .needs(.poppler))
    func unruledCentredTableMarksEveryRow() throws {
        let d = try #require(try Self.importer.importFile(atPath: Self.fixture("guangxi-2024-table-unruled-chromium.pdf")).first)
        let marked = Set(d.diagnostics.filter { $0.code == .rebuiltRow }.compactMap(\.place))
        #expect(d.rows.count > 100)
        #expect(d.rows.allSatisfy { marked.contains($0.place ?? "") })
    }

    @Test func rulesAreReadFromCairoDrawings() {
        // A stroked rule under a flipped transform, a browser's filled bar, a glyph inside <defs>.
        let svg = """
        <svg><defs><g id="glyph-0-1"><path d="M 0 0 L 5 0 L 5 5 Z"/></g></defs>
        <pageSet><page><g id="surface1">
        <path style="fill:none;stroke-width:0.5;stroke:rgb(0%,0%,0%);" d="M 10 100 L 200 100 " transform="matrix(1,0,0,-1,0,300)"/>
        <path style=" stroke:none;fill-rule:nonzero;fill:rgb(0%,0%,0%);" d="M 50 20 L 50.75 20 L 50.75 180 L 50 180 Z M 50 20 "/>
        <path style=" stroke:none;fill:rgb(100%,100%,100%);" d="M 0 0 L 600 0 L 600 800 L 0 800 Z"/>
        </g></page><page><rect x="5" y="6" width="100" height="50" style="fill:rgb(50%,50%,50%);"/></page></pageSet></svg>
        """
        let pages = PageRulings.fromCairoSVG(Array(svg.utf8))
        #expect(pages.count == 2)
        #expect(pages[0].contains { $0.isHorizontal && abs($0.position - 200) < 0.01 && $0.from == 10 && $0.to == 200 })
        #expect(pages[0].contains { !$0.isHorizontal && abs($0.position - 50.375) < 0.01 && $0.from == 20 && $0.to == 180 })
        #expect(pages[0].count == 2)
        #expect(pages[1].count == 4)
    }
}

/// Positions a hostile file gives: huge, infinite or NaN coordinates, and meshes of rules.
@Suite struct HostileGeometryTests {
    @Test func ofdRunsPlacedPastAnyPageAreLeftOutNotATrap() throws {
        let xml = """
        <ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>
        <ofd:TextObject Boundary="10 10 100 10" Size="4"><ofd:TextCode X="0" Y="4">县财政局负责</ofd:TextCode></ofd:TextObject>
        <ofd:TextObject Boundary="1e300 10 100 10" Size="4"><ofd:TextCode X="0" Y="4">远处</ofd:TextCode></ofd:TextObject>
        <ofd:TextObject Boundary="10 20 100 10" Size="4"><ofd:TextCode X="nan" Y="4">无处</ofd:TextCode></ofd:TextObject>
        </ofd:Layer></ofd:Content></ofd:Page>
        """
        let words = OFDReader.pageWords(try XMLScanner.events(Array(xml.utf8)), page: 1)
        #expect(words.map(\.text) == ["县财政局负责"])
    }

    @Test func paragraphsOfWordsAtHugeCoordinatesDoNotTrap() {
        let words = [PDFReader.Word(text: "一、总体要求", x0: 1e300, y0: 10, x1: 1e301, y1: 20, page: 1),
                     PDFReader.Word(text: "推进改革。", x0: 50, y0: 30, x1: 150, y1: 40, page: 1)]
        // Read without a trap; the words are all there.
        #expect(PDFReader.paragraphs(PDFReader.lines(words)).joined().contains("推进改革"))
    }

    @Test func aMeshOfRulesIsNoTable() {
        // 400 × 400 rules: 160,000 slots, past the limit a task table's page never nears.
        var rules: [Ruling] = []
        for i in 0..<400 {
            rules.append(Ruling(isHorizontal: true, position: Double(i) * 5, from: 0, to: 2000))
            rules.append(Ruling(isHorizontal: false, position: Double(i) * 5, from: 0, to: 2000))
        }
        #expect(RuledGrid.grids(of: rules, page: 1).isEmpty)
    }
}
