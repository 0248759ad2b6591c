import Foundation
import RespGraphData
@testable import RespGraphImport
import RespGraphModel
import RespGraphTestSupport
import Testing

/// PDF task tables as offices print them, cells centred or at the bottom, 指标 merged down, headers
/// repeated and rows broken across pages (Fixtures/pdf-tables/make_pdf_table_fixtures.py prints the
/// curated tables with LibreOffice Writer and Calc, Chromium and WeasyPrint): read cell by cell from
/// the rules each page draws.
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
        ["word-centred", "word-bottom", "chromium", "weasyprint"].map { "guangxi-\(year)-table-\($0).pdf" }
    }

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
        #expect(!d.diagnostics.contains { $0.code == .rebuiltRow }, "\(file)")
    }

    /// A spreadsheet prints a merged cell's text once, centred over the whole merge, so a part of it
    /// on another page shows none: those rows are marked, and nearly every unmarked row is right.
    @Test("a spreadsheet's print marks the rows whose merged cell it printed on another page",
          .needs(.poppler), arguments: ["2022", "2024"])
    func spreadsheetPrintsMarkTheirDoubtfulRows(year: String) throws {
        let curated = try Self.curated(year)
        let d = try #require(try Self.importer.importFile(atPath: Self.fixture("guangxi-\(year)-table-calc.pdf")).first)
        #expect(d.rows.count == curated.count)
        let marked = Set(d.diagnostics.filter { $0.code == .rebuiltRow }.compactMap(\.place))
        let unmarked = d.rows.filter { !marked.contains($0.place ?? "") }
        let wrongUnmarked = unmarked.filter { row in curated[Int(row.label) ?? -1].map { !Self.same(row, $0) } ?? true }
        // Leads and supporters are right on every row; only 指标 can be wrong, and then mostly marked.
        for row in d.rows {
            let c = try #require(curated[Int(row.label) ?? -1])
            #expect(row.leads == c.leads && row.supporters == c.supporters, "row \(row.label)")
        }
        #expect(Double(wrongUnmarked.count) <= 0.07 * Double(unmarked.count), "\(wrongUnmarked.map(\.label))")
        // Parts of a merged cell tied across page breaks by where its text stands: most rows exact
        // (measured: 184 of 199 and 174 of 178).
        let exact = d.rows.filter { row in curated[Int(row.label) ?? -1].map { Self.same(row, $0) } ?? false }
        #expect(Double(exact.count) >= 0.92 * Double(d.rows.count), "\(exact.count) of \(d.rows.count)")
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
