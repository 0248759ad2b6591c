/// A table a page draws with rules, as a grid of cells: the rules of one connected drawing (every
/// horizontal rule meeting a vertical one) give the column boundaries (their x) and the row
/// boundaries (their y); two neighbouring slots of the grid are one cell where no rule separates
/// them (a cell merged down, as 指标 often is, or across), as a reader of the printed page sees it.
///
/// Words go to the cell whose box holds their centre, so a cell's text is read whole whatever its
/// vertical alignment, and a word that runs across a rule is cut there (and its row marked).
///
/// The grid follows the lattice method of table extractors such as Tabula and pdfplumber (rules
/// snapped and joined, cells where rules meet), simplified to slots merged by missing rules.
///
/// - Complexity: O(H·V + S) per page for H horizontal and V vertical rules after joining and S slots.
struct RuledGrid {
    /// Column boundaries, left to right (at least two).
    var xs: [Double]
    /// Row boundaries, top to bottom (at least two).
    var ys: [Double]
    /// The cell of each slot, row-major over `(ys.count - 1) × (xs.count - 1)` slots.
    var cellOfSlot: [Int]
    /// Each cell's first row and column of slots.
    var cellOrigin: [(row: Int, column: Int)]
    /// The page it is drawn on (1-based).
    var page: Int

    /// The most slots a grid of one page may have (a task table page has a few hundred).
    static let maximumSlots = 100_000

    /// Rules within this distance (points) are one rule; a rule reaches a point this near its end.
    static let tolerance = 2.0

    var rowCount: Int { ys.count - 1 }
    var columnCount: Int { xs.count - 1 }

    /// Whether a point lies within the grid's outer box.
    func holds(x: Double, y: Double) -> Bool {
        x >= xs[0] - 1 && x <= xs[xs.count - 1] + 1 && y >= ys[0] - 1 && y <= ys[ys.count - 1] + 1
    }

    /// The slot holding a point inside the grid.
    func slot(x: Double, y: Double) -> (row: Int, column: Int) {
        (Self.band(of: y, in: ys), Self.band(of: x, in: xs))
    }

    static func band(of v: Double, in bounds: [Double]) -> Int {
        var lo = 0, hi = bounds.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if v >= bounds[mid] { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The tables of one page: one grid for each connected drawing of at least two rules each way.
    static func grids(of rulings: [Ruling], page: Int) -> [RuledGrid] {
        let horizontal = joined(rulings.filter(\.isHorizontal))
        let vertical = joined(rulings.filter { !$0.isHorizontal })
        guard horizontal.count >= 2, vertical.count >= 2 else { return [] }
        // Connected drawings: a horizontal and a vertical rule meet where each reaches the other.
        var drawings = DisjointSets(horizontal.count + vertical.count)
        for (h, hr) in horizontal.enumerated() {
            for (v, vr) in vertical.enumerated() where meets(hr, vr) { drawings.join(h, horizontal.count + v) }
        }
        var members: [Int: (h: [Ruling], v: [Ruling])] = [:]
        for (h, r) in horizontal.enumerated() { members[drawings.root(h), default: ([], [])].h.append(r) }
        for (v, r) in vertical.enumerated() { members[drawings.root(horizontal.count + v), default: ([], [])].v.append(r) }
        let drawn = members.values.compactMap { grid(horizontal: $0.h, vertical: $0.v, page: page) }
        let boxes = drawn.filter { $0.rowCount == 1 && $0.columnCount == 1 }
        let tables = boxes.count >= 4 ? drawn.filter { $0.rowCount > 1 || $0.columnCount > 1 } + assembled(boxes, page: page) : drawn
        return tables.sorted { $0.ys[0] < $1.ys[0] }
    }

    /// Cells drawn as boxes apart (a web page's `border-collapse: separate`, each cell framed on its
    /// own a little apart from the next) as tables: boxes standing within ``spacing`` of each other
    /// are one table, their edges within ``spacing`` one boundary, and each box one cell. A box
    /// holding other boxes (the table's own frame) is no cell; a lone box stays as it is.
    ///
    /// - Complexity: O(B²) for B boxes on the page (a page of a task table draws a few hundred).
    static func assembled(_ boxes: [RuledGrid], page: Int) -> [RuledGrid] {
        func holds(_ a: RuledGrid, _ b: RuledGrid) -> Bool {
            a.xs[0] <= b.xs[0] + tolerance && a.xs[1] >= b.xs[1] - tolerance
                && a.ys[0] <= b.ys[0] + tolerance && a.ys[1] >= b.ys[1] - tolerance
        }
        let cells = boxes.enumerated()
            .filter { i, box in !boxes.enumerated().contains { $0.offset != i && holds(box, $0.element) } }.map(\.element)
        var tables = DisjointSets(cells.count)
        for i in cells.indices {
            for j in cells.indices where j > i {
                let (a, b) = (cells[i], cells[j])
                if a.xs[0] <= b.xs[1] + spacing, b.xs[0] <= a.xs[1] + spacing, a.ys[0] <= b.ys[1] + spacing, b.ys[0] <= a.ys[1] + spacing {
                    tables.join(i, j)
                }
            }
        }
        var out = boxes.filter { box in !cells.contains { holds($0, box) && holds(box, $0) } }
        for members in Dictionary(grouping: cells.indices, by: { tables.root($0) }).values {
            guard members.count >= 4 else { out += members.map { cells[$0] }; continue }
            let xs = clustered(members.flatMap { cells[$0].xs }, within: spacing)
            let ys = clustered(members.flatMap { cells[$0].ys }, within: spacing)
            guard xs.count >= 2, ys.count >= 2, (xs.count - 1) * (ys.count - 1) <= maximumSlots else { continue }
            func nearest(_ v: Double, _ bounds: [Double]) -> Int { bounds.indices.min { abs(bounds[$0] - v) < abs(bounds[$1] - v) }! }
            let columns = xs.count - 1, rows = ys.count - 1
            var cellOfSlot = Array(repeating: -1, count: rows * columns)
            var cellOrigin: [(row: Int, column: Int)] = []
            for m in members {
                let (c0, c1) = (nearest(cells[m].xs[0], xs), nearest(cells[m].xs[1], xs))
                let (r0, r1) = (nearest(cells[m].ys[0], ys), nearest(cells[m].ys[1], ys))
                guard c1 > c0, r1 > r0 else { continue }
                for r in r0..<r1 {
                    for c in c0..<c1 where cellOfSlot[r * columns + c] < 0 { cellOfSlot[r * columns + c] = cellOrigin.count }
                }
                cellOrigin.append((r0, c0))
            }
            for k in cellOfSlot.indices where cellOfSlot[k] < 0 {
                cellOfSlot[k] = cellOrigin.count
                cellOrigin.append((k / columns, k % columns))
            }
            out.append(RuledGrid(xs: xs, ys: ys, cellOfSlot: cellOfSlot, cellOrigin: cellOrigin, page: page))
        }
        return out
    }

    /// Cells drawn as boxes apart stand at most this far from their neighbours (points).
    static let spacing = 4.0

    /// Whether a horizontal and a vertical rule are of one drawing: each reaches the other, or stops
    /// short of it by no more than ``spacing`` (cells framed apart).
    static func meets(_ h: Ruling, _ v: Ruling) -> Bool {
        v.position >= h.from - spacing && v.position <= h.to + spacing
            && h.position >= v.from - spacing && h.position <= v.to + spacing
    }

    /// Rules of one direction snapped to common positions (within ``tolerance``) and joined where
    /// they touch or overlap along their direction.
    static func joined(_ rules: [Ruling]) -> [Ruling] {
        let sorted = rules.sorted { $0.position < $1.position }
        var out: [Ruling] = []
        var group: [Ruling] = []
        func flush() {
            guard !group.isEmpty else { return }
            let position = group.map(\.position).reduce(0, +) / Double(group.count)
            var spans = group.map { ($0.from, $0.to) }.sorted { $0.0 < $1.0 }
            var merged: [(Double, Double)] = [spans.removeFirst()]
            for s in spans {
                if s.0 <= merged[merged.count - 1].1 + tolerance { merged[merged.count - 1].1 = max(merged[merged.count - 1].1,
                    s.1) } else { merged.append(s) }
            }
            for m in merged { out.append(Ruling(isHorizontal: group[0].isHorizontal, position: position, from: m.0, to: m.1)) }
            group = []
        }
        for r in sorted {
            if let first = group.first, r.position - first.position > tolerance { flush() }
            group.append(r)
        }
        flush()
        return out
    }

    /// Positions of rules within `within` (``tolerance`` unless given) of each other, as one.
    static func clustered(_ values: [Double], within: Double = tolerance) -> [Double] {
        var out: [Double] = []
        var group: [Double] = []
        for v in values.sorted() {
            if let first = group.first, v - first > within {
                out.append(group.reduce(0, +) / Double(group.count))
                group = []
            }
            group.append(v)
        }
        if !group.isEmpty { out.append(group.reduce(0, +) / Double(group.count)) }
        return out
    }

    /// The grid of one connected drawing; nil when it is not a table (fewer than two rows or columns).
    static func grid(horizontal: [Ruling], vertical: [Ruling], page: Int) -> RuledGrid? {
        guard horizontal.count >= 2, vertical.count >= 2 else { return nil }
        // A table drawn without its outer left or right rule (or top or bottom) still ends where the
        // other rules end.
        let xs = clustered(vertical.map(\.position) + [horizontal.map(\.from).min()!, horizontal.map(\.to).max()!], within: spacing)
        let ys = clustered(horizontal.map(\.position) + [vertical.map(\.from).min()!, vertical.map(\.to).max()!], within: spacing)
        guard xs.count >= 2, ys.count >= 2 else { return nil }
        func covered(_ rules: [Ruling], at position: Double, over point: Double) -> Bool {
            rules.contains { abs($0.position - position) <= spacing && point >= $0.from - tolerance && point <= $0.to + tolerance }
        }
        let rows = ys.count - 1, columns = xs.count - 1
        // A task table's page holds a few hundred cells; a drawing of more slots (a chart, a hostile
        // file's mesh of rules) is no table, and reading it would take memory for nothing.
        guard rows * columns <= maximumSlots else { return nil }
        var slots = DisjointSets(rows * columns)
        func join(_ a: Int, _ b: Int) { slots.join(a, b) }
        for i in 0..<rows {
            let midY = (ys[i] + ys[i + 1]) / 2
            for j in 0..<columns {
                let midX = (xs[j] + xs[j + 1]) / 2
                if j + 1 < columns, !covered(vertical, at: xs[j + 1], over: midY) { join(i * columns + j, i * columns + j + 1) }
                if i + 1 < rows, !covered(horizontal, at: ys[i + 1], over: midX) { join(i * columns + j, (i + 1) * columns + j) }
            }
        }
        var cellOfSlot = Array(repeating: 0, count: rows * columns)
        var cellOrigin: [(row: Int, column: Int)] = []
        var cellOfRoot: [Int: Int] = [:]
        for k in 0..<(rows * columns) {
            let r = slots.root(k)
            if let c = cellOfRoot[r] { cellOfSlot[k] = c; continue }
            cellOfRoot[r] = cellOrigin.count
            cellOfSlot[k] = cellOrigin.count
            cellOrigin.append((k / columns, k % columns))
        }
        return RuledGrid(xs: xs, ys: ys, cellOfSlot: cellOfSlot, cellOrigin: cellOrigin, page: page)
    }
}

/// Disjoint sets over 0..<n with path halving: the drawings of a page, the slots of a cell.
struct DisjointSets {
    private var parent: [Int]
    init(_ n: Int) { parent = Array(0..<n) }
    /// The set's representative: its smallest member once joined.
    mutating func root(_ k: Int) -> Int {
        var k = k
        while parent[k] != k { parent[k] = parent[parent[k]]; k = parent[k] }
        return k
    }
    /// Joins the sets of a and b.
    mutating func join(_ a: Int, _ b: Int) {
        let ra = root(a), rb = root(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}

/// The rows of a PDF's ruled task tables, rebuilt from its grids (``RuledGrid``) and words.
enum RuledTableReader {
    /// One grid row as cells of text, with the columns whose value comes from a cell merged down from
    /// a row above, and what makes the row doubtful.
    struct GridRow {
        var cells: [String]
        var inherited: Set<Int>
        var page: Int
        var doubt: String?
        /// Each column's cell, as a key unique in the document (rows sharing a key share a merged cell).
        var cellKeys: [Int] = []
        /// The columns whose cell's text starts at its top edge (a cell continued from a page above).
        var textAtTop: Set<Int> = []
        /// The columns whose cell's text ends at its bottom edge (a cell that runs on to the next page).
        var textAtBottom: Set<Int> = []
        /// The columns whose cell's text ends within three lines of its bottom edge.
        var textNearBottom: Set<Int> = []
        /// The middle of each column's text, top to bottom on the page (nil where the cell has none).
        var textMiddle: [Double?] = []
        /// The row's top and bottom on its page.
        var top = 0.0, bottom = 0.0
        /// The columns whose cell spans two rows or more on its page.
        var merged: Set<Int> = []
        /// The columns whose cell's text was drawn over the page's top, past the table (a spreadsheet
        /// drawing a merged cell's text again on the page where the rest of the cell goes on).
        var clippedAbove: Set<Int> = []
    }

    /// The blocks of a PDF whose task table is drawn with rules, or nil when no ruled grid holds a
    /// task-table header (the table is then read from word positions). Words outside every grid are
    /// running text, before or after the table.
    ///
    /// `printedBySpreadsheet`: the PDF's writer is a spreadsheet (``spreadsheetWriters``), which prints
    /// a merged cell's text once, centred over the whole merge, so a part of it on another page may
    /// show no text: rows with such an empty part at a page break are marked for review.
    static func blocks(_ words: [PDFReader.Word], rulings: [[Ruling]], printedBySpreadsheet: Bool = false) -> [DocumentBlock]? {
        let grids = rulings.enumerated().flatMap { RuledGrid.grids(of: $0.element, page: $0.offset + 1) }
        guard !grids.isEmpty else { return nil }
        var (inGrid, outside, clipped) = wordsByGrid(words, grids, printedBySpreadsheet: printedBySpreadsheet)
        var tables: [[GridRow]] = []
        var lastTableGrid: RuledGrid?, firstTableGrid: RuledGrid?
        for (g, grid) in grids.enumerated() {
            var rows = gridRows(grid, inGrid[g], key: g)
            if let columns = clipped[g], let first = rows.first, ColumnMap(header: first.cells) == nil {
                for c in columns { for r in rows.indices where rows[r].cellKeys[c] == first.cellKeys[c] { rows[r].clippedAbove.insert(c) } }
            }
            if let previous = tables.last?.first(where: { ColumnMap(header: $0.cells) != nil }) {
                repeatedHeader(&rows, as: previous.cells, spreadsheet: printedBySpreadsheet)
            }
            let header = rows.prefix(3).lazy.compactMap { ColumnMap(header: $0.cells) }.first
            if let number = (header ?? tables.last?.lazy.compactMap({ ColumnMap(header: $0.cells) }).first)?[.number] {
                // A number wrapped in a narrow 序号 column (6 / 1) is one number.
                for r in rows.indices where number < rows[r].cells.count {
                    let digits = rows[r].cells[number].filter { !$0.isWhitespace }
                    if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { rows[r].cells[number] = digits }
                }
                joinRowsOfOneNumber(&rows, number: number)
            }
            if let header {
                if let last = lastTableGrid, sameColumns(last, grid),
                   tables.last.flatMap({ $0.lazy.compactMap { ColumnMap(header: $0.cells) }.first }) == header {
                    // The header repeated on a new page: the same table goes on.
                    join(&tables[tables.count - 1], rows, spreadsheet: printedBySpreadsheet)
                } else {
                    tables.append(rows)
                    if firstTableGrid == nil { firstTableGrid = grid }
                }
                lastTableGrid = grid
            } else if let last = lastTableGrid, grid.page > last.page || grid.ys[0] > last.ys[last.ys.count - 1], sameColumns(last, grid) {
                // A page of the table without its header.
                join(&tables[tables.count - 1], rows, spreadsheet: printedBySpreadsheet)
                lastTableGrid = grid
            } else {
                // A ruled box that is not a task table (a signature block, a form): its words are text.
                outside += inGrid[g]
            }
        }
        if printedBySpreadsheet { for t in tables.indices { tieMergedParts(&tables[t]) } }
        guard !tables.isEmpty, let start = firstTableGrid else { return nil }
        return documentBlocks(tables, outside: outside, tableStart: start)
    }

    /// The words of each grid, and those outside every grid. From a spreadsheet, words just above a
    /// grid going on from one on an earlier page belong to it (a merged cell's text begun above,
    /// drawn past the grid's top; their columns are returned as `clipped`), and text overflowing a
    /// grid's cells is taken back into them.
    static func wordsByGrid(_ words: [PDFReader.Word], _ grids: [RuledGrid], printedBySpreadsheet: Bool)
        -> (inGrid: [[PDFReader.Word]], outside: [PDFReader.Word], clipped: [Int: Set<Int>]) {
        var inGrid = Array(repeating: [PDFReader.Word](), count: grids.count)
        var outside: [PDFReader.Word] = []
        let gridsOfPage = Dictionary(grouping: grids.indices, by: { grids[$0].page })
        let continuing = Set(grids.indices.filter { g in grids[..<g].contains { $0.page < grids[g].page && sameColumns($0, grids[g]) } })
        var clipped: [Int: Set<Int>] = [:]
        for w in words {
            let cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2
            if let g = gridsOfPage[w.page]?.first(where: { grids[$0].holds(x: cx, y: cy) }) {
                inGrid[g].append(w)
            } else if printedBySpreadsheet, let g = gridsOfPage[w.page]?.first(where: { g in
                continuing.contains(g) && cx > grids[g].xs[0] && cx < grids[g].xs.last!
                    && cy < grids[g].ys[0] && cy > grids[g].ys[0] - 3 * (w.y1 - w.y0)
            }) {
                inGrid[g].append(w)
                clipped[g, default: []].insert(RuledGrid.band(of: cx, in: grids[g].xs))
            } else {
                outside.append(w)
            }
        }
        if printedBySpreadsheet { takeOverflow(&outside, into: &inGrid, grids) }
        return (inGrid, outside, clipped)
    }

    /// The document's blocks: running text before the table's first grid, the tables (rows in doubt
    /// marked), and running text after.
    static func documentBlocks(_ tables: [[GridRow]], outside: [PDFReader.Word], tableStart start: RuledGrid) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        var before: [PDFReader.Word] = [], after: [PDFReader.Word] = []
        for w in outside {
            let aboveTable = w.page < start.page || (w.page == start.page && (w.y0 + w.y1) / 2 < start.ys[0])
            if aboveTable { before.append(w) } else { after.append(w) }
        }
        if !before.isEmpty { blocks += PDFReader.runningText(before, file: "", format: "pdf").blocks }
        for (t, rows) in tables.enumerated() {
            var block = TableBlock(rows: rows.map(\.cells),
                                   rowPlaces: rows.indices.map { BlockPlace(line: 0, table: t + 1, row: $0 + 1, page: rows[$0].page) },
                                   inheritedCells: rows.map(\.inherited))
            for (r, row) in rows.enumerated() { if let d = row.doubt { block.rowWarnings[r] = d } }
            blocks.append(.table(block))
        }
        if !after.isEmpty { blocks += PDFReader.runningText(after, file: "", format: "pdf").blocks }
        return blocks
    }

    /// A page's first row that repeats a table's header with more text in some cells (a merged cell's
    /// text drawn over the page's top and hidden under the header there, which the PDF's text still
    /// holds) is read as the header. From a spreadsheet the extra text goes to the merged cell below it,
    /// whose text it is; otherwise the row below is marked, its cell's text may be cut.
    static func repeatedHeader(_ rows: inout [GridRow], as header: [String], spreadsheet: Bool) {
        guard let first = rows.first, first.cells.count == header.count, first.cells != header,
              zip(first.cells, header).allSatisfy({ $0.contains($1) }) else { return }
        if spreadsheet, rows.count > 1 {
            for c in header.indices where first.cells[c] != header[c] {
                guard let at = first.cells[c].range(of: header[c]) else { continue }
                var extra = first.cells[c]
                extra.removeSubrange(at)
                let key = rows[1].cellKeys[c]
                for r in rows.indices.dropFirst() where rows[r].cellKeys[c] == key && !rows[r].cells[c].hasPrefix(extra) {
                    rows[r].cells[c] = extra + rows[r].cells[c]
                    rows[r].clippedAbove.insert(c)
                }
            }
        } else if rows.count > 1, rows[1].doubt == nil {
            rows[1].doubt = "the repeated header holds text that belongs to no header cell (a merged cell printed over the page's top?); "
                + "check the row against the PDF"
        }
        rows[0].cells = header
    }

    /// Rows of slots that share one 序号 cell are one task row: a merged cell of another column that
    /// begins or ends within the row (as a browser draws a merged cell cut by a page break, its
    /// frame ending short of the row) splits the row's slots, not the row. Where the parts hold
    /// different cells in a column, their texts are joined and the row is marked for review.
    static func joinRowsOfOneNumber(_ rows: inout [GridRow], number: Int) {
        var r = 1
        while r < rows.count {
            let (upper, lower) = (rows[r - 1], rows[r])
            guard number < upper.cells.count, upper.cellKeys[number] == lower.cellKeys[number], !upper.cells[number].trimmed.isEmpty,
                  ColumnMap(header: upper.cells) == nil else { r += 1; continue }
            var row = upper
            for c in upper.cells.indices where c < lower.cells.count && upper.cellKeys[c] != lower.cellKeys[c] {
                let (a, b) = (upper.cells[c], lower.cells[c])
                row.cells[c] = a.isEmpty ? b : b.isEmpty || a == b ? a : a + b
                if row.doubt == nil {
                    row.doubt = "column \(c + 1) holds two cells within one row (a merged cell that begins or ends inside the row); "
                        + "check the row against the PDF"
                }
                if lower.textAtBottom.contains(c) { row.textAtBottom.insert(c) } else { row.textAtBottom.remove(c) }
                if lower.textNearBottom.contains(c) { row.textNearBottom.insert(c) } else { row.textNearBottom.remove(c) }
                if row.textMiddle[c] == nil { row.textMiddle[c] = lower.textMiddle[c] }
                row.inherited.remove(c)
                row.merged.formUnion(lower.merged.intersection([c]))
            }
            row.bottom = lower.bottom
            row.doubt = row.doubt ?? lower.doubt
            rows[r - 1] = row
            rows.remove(at: r)
        }
    }

    /// A spreadsheet draws a merged cell's text over the whole merge and each page shows its part,
    /// but the PDF's text keeps the lines that fall past the page's table: a word just under a grid
    /// (within two lines) in a column whose last cell is merged is that cell's.
    static func takeOverflow(_ outside: inout [PDFReader.Word], into inGrid: inout [[PDFReader.Word]], _ grids: [RuledGrid]) {
        outside.removeAll { w in
            let cx = (w.x0 + w.x1) / 2, em = w.y1 - w.y0
            guard let g = grids.indices.first(where: { grids[$0].page == w.page && cx > grids[$0].xs[0] && cx < grids[$0].xs.last!
                && w.y0 >= grids[$0].ys.last! - 1 && w.y0 < grids[$0].ys.last! + 2 * em }) else { return false }
            let grid = grids[g]
            let column = RuledGrid.band(of: cx, in: grid.xs)
            let cell = grid.cellOfSlot[(grid.rowCount - 1) * grid.columnCount + column]
            guard grid.cellOrigin[cell].row < grid.rowCount - 1 else { return false }
            var moved = w
            moved.y0 = grid.ys.last! - em - 1
            moved.y1 = grid.ys.last! - 1
            inGrid[g].append(moved)
            return true
        }
    }

    /// Writers (a PDF's Creator) that print a merged cell's text once over the whole merge.
    static let spreadsheetWriters = Lexicon.spreadsheetWriters

    /// From a spreadsheet, the empty parts of merged cells given the text they belong to.
    ///
    /// A spreadsheet prints a merged cell's text once, centred over the whole merge as if the sheet
    /// had no page breaks, so a merge cut by breaks shows its text on one page and empty parts on the
    /// others. On a page a rule ends every cell, so a merge goes on unseen only across a break. In one
    /// column, the parts (runs of rows sharing a cell) are split into merges: runs of parts joined only
    /// across page breaks, each holding at most one text, chosen so that each text stands as near the
    /// middle of its merge as it can, measured down the table with the pages laid end to end (a part
    /// with no text and no text within reach costs a page's height, so it is taken by a text whenever
    /// one can reach it). Each empty part takes its merge's text. A part whose best owner beats every
    /// other by less than ``tieMargin`` points is marked for review, as is a part no text can reach.
    ///
    /// Dynamic programming over the segmentations of P parts, each merge reaching at most K parts
    /// (the parts joined by consecutive breaks): O(R·C + P·K²) for R rows and C columns.
    static func tieMergedParts(_ rows: inout [GridRow]) {
        guard let columns = rows.lazy.compactMap({ ColumnMap(header: $0.cells) }).first else { return }
        let body = rows.indices.filter { ColumnMap(header: rows[$0].cells) == nil && !isLowerHeader(rows[$0], columns) }
        // Each body row's top, the pages' rows laid end to end.
        var flowTop: [Double] = [], flow = 0.0
        for r in body { flowTop.append(flow); flow += max(0, rows[r].bottom - rows[r].top) }
        let mergedColumns = Set(body.flatMap { rows[$0].merged }).subtracting(columns[.number].map { [$0] } ?? [])
        let alignment = CellAlignment.of(body.map { rows[$0] }, besides: mergedColumns)
        for c in mergedColumns.sorted() {
            var parts: [Range<Int>] = []  // runs of `body` sharing the column's cell
            for i in body.indices {
                if i > 0, rows[body[i - 1]].cellKeys[c] == rows[body[i]].cellKeys[c] {
                    parts[parts.count - 1] = parts[parts.count - 1].lowerBound..<(i + 1)
                } else {
                    parts.append(i..<(i + 1))
                }
            }
            let owners = mergeOwners(parts: parts, column: c, rows: rows, body: body, flowTop: flowTop, alignment: alignment)
            for (e, part) in parts.enumerated() where rows[body[part.lowerBound]].cells[c].isEmpty {
                for i in part {
                    if let owner = owners[e].owner {
                        rows[body[i]].cells[c] = rows[body[parts[owner].lowerBound]].cells[c]
                        rows[body[i]].inherited.insert(c)
                    }
                    if !owners[e].sure, rows[body[i]].doubt == nil {
                        rows[body[i]].doubt = "column \(c + 1) is part of a merged cell whose text a spreadsheet printed on another page, "
                            + "and which text it is cannot be told for certain; check the row's value there against the PDF"
                    }
                }
            }
        }
    }

    /// Where a table's cells set their text: at the top, in the middle or at the bottom.
    enum CellAlignment {
        case top, middle, bottom

        /// The alignment most cells of the rows show (cells of the given columns, and cells their text
        /// fills, aside): text at one edge and away from the other in three cells of four, else the middle.
        static func of(_ rows: [GridRow], besides columns: Set<Int>) -> CellAlignment {
            var top = 0, bottom = 0, all = 0
            for row in rows {
                for c in row.cells.indices where !columns.contains(c) && !row.cells[c].isEmpty && !row.inherited.contains(c) {
                    let atTop = row.textAtTop.contains(c), atBottom = row.textAtBottom.contains(c)
                    guard !(atTop && atBottom) else { continue }  // a cell its text fills says nothing
                    all += 1
                    if atTop { top += 1 } else if atBottom { bottom += 1 }
                }
            }
            return all >= 4 && 4 * top >= 3 * all ? .top : all >= 4 && 4 * bottom >= 3 * all ? .bottom : .middle
        }
    }

    /// How far apart (points down the table) two ways of tying a part must be for the better one to be sure.
    static let tieMargin = 24.0

    /// For each part of a column, the part whose text it takes (itself when it has one) and whether the
    /// choice is sure; see ``tieMergedParts(_:)``.
    static func mergeOwners(parts: [Range<Int>], column c: Int, rows: [GridRow], body: [Int], flowTop: [Double],
                            alignment: CellAlignment = .middle) -> [(owner: Int?, sure: Bool)] {
        let n = parts.count
        guard n > 0 else { return [] }
        func first(_ p: Int) -> GridRow { rows[body[parts[p].lowerBound]] }
        let hasText = (0..<n).map { !first($0).cells[c].isEmpty }
        let start = (0..<n).map { flowTop[parts[$0].lowerBound] }
        let end = (0..<n).map { p in
            let last = rows[body[parts[p].upperBound - 1]]
            return flowTop[parts[p].upperBound - 1] + max(0, last.bottom - last.top)
        }
        // Where a part's text stands down the table (nil: its words are not on its rows' pages).
        let middle: [Double?] = (0..<n).map { p in
            for i in parts[p] { if let y = rows[body[i]].textMiddle[c] { return flowTop[i] + y - rows[body[i]].top } }
            return nil
        }
        let joinsNext = (0..<n).map { p in
            p + 1 < n && rows[body[parts[p].upperBound - 1]].page != rows[body[parts[p + 1].lowerBound]].page
        }
        let pageHeight = (0..<n).map { end[$0] - start[$0] }.max() ?? 1
        // The cost of one merge of parts i..<j, nil where it cannot be one.
        func cost(_ i: Int, _ j: Int) -> Double? {
            let texts = (i..<j).filter { hasText[$0] }
            guard texts.count <= 1 else { return nil }
            guard let t = texts.first else { return pageHeight * Double(j - i) }
            switch alignment {
            // Text set at the top (bottom) of its cell stands in the merge's first (last) part.
            case .top: return t == i ? 0 : nil
            case .bottom: return t == j - 1 ? 0 : nil
            case .middle: return middle[t].map { abs($0 - (start[i] + end[j - 1]) / 2) } ?? 0
            }
        }
        // Segments reachable from each part: those joined by consecutive breaks.
        var reach = Array(repeating: 0, count: n)  // the last part a merge starting at p can reach
        for p in stride(from: n - 1, through: 0, by: -1) { reach[p] = joinsNext[p] ? reach[p + 1] : p }
        let (before, after) = segmentationCosts(count: n, reach: reach, cost: cost)
        var out: [(owner: Int?, sure: Bool)] = (0..<n).map { (hasText[$0] ? $0 : nil, true) }
        for e in 0..<n where !hasText[e] {
            // The best whole segmentation putting e with each possible owner.
            var best: [Int: Double] = [:]  // owner (or -1 for none) -> cost
            for i in stride(from: e, through: 0, by: -1) {
                if i < e, !joinsNext[i] { break }
                for j in (e + 1)...(reach[i] + 1) {
                    guard before[i] < .infinity, after[j] < .infinity, let k = cost(i, j) else { continue }
                    let owner = (i..<j).first { hasText[$0] } ?? -1
                    best[owner] = min(best[owner] ?? .infinity, before[i] + k + after[j])
                }
            }
            let ranked = best.sorted { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }
            guard let top = ranked.first else { out[e] = (nil, false); continue }
            let margin = ranked.count > 1 ? ranked[1].value - top.value : .infinity
            out[e] = (top.key >= 0 ? top.key : nil, top.key >= 0 && margin >= tieMargin)
        }
        return out
    }

    /// The cheapest segmentation of parts 0..<i into merges (`before[i]`) and of parts i..<n
    /// (`after[i]`), a merge starting at p reaching at most part `reach[p]`; infinity where none is
    /// possible. Dynamic programming, O(n · longest reach) calls of `cost`.
    static func segmentationCosts(count n: Int, reach: [Int], cost: (Int, Int) -> Double?) -> (before: [Double], after: [Double]) {
        var before = Array(repeating: Double.infinity, count: n + 1), after = before
        before[0] = 0
        for i in 0..<n where before[i] < .infinity {
            for j in (i + 1)...(reach[i] + 1) { if let k = cost(i, j) { before[j] = min(before[j], before[i] + k) } }
        }
        after[n] = 0
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in (i + 1)...(reach[i] + 1) { if let k = cost(i, j), after[j] < .infinity { after[i] = min(after[i], k + after[j]) } }
        }
        return (before, after)
    }

    /// Whether two grids draw the same columns (the pages of one table).
    static func sameColumns(_ a: RuledGrid, _ b: RuledGrid) -> Bool {
        a.xs.count == b.xs.count && zip(a.xs, b.xs).allSatisfy { abs($0 - $1) <= 3 * RuledGrid.tolerance }
    }

    /// The rows of the next page joined to a table. A cell merged down the column and cut by the
    /// page break whose text runs on across it (as Word and Writer flow a tall merged cell onto the
    /// next page) is one text again; an empty lower part is left to the table recogniser, which
    /// carries an empty 指标 down. A row broken by the page (its 序号 cell empty on one side of the
    /// break) is one row again.
    ///
    /// From a spreadsheet (which prints a merged cell's text once, centred over the whole merge) only
    /// a text cut by the break, or drawn again past the next page's top, ties the parts here; empty
    /// parts are tied once the whole table is joined (``tieMergedParts(_:)``).
    static func join(_ table: inout [GridRow], _ next: [GridRow], spreadsheet: Bool = false) {
        guard let header = table.first(where: { ColumnMap(header: $0.cells) != nil }), let columns = ColumnMap(header: header.cells) else {
            table += next
            return
        }
        var body = Array(next.drop { ColumnMap(header: $0.cells) != nil || isLowerHeader($0, columns) })
        guard let first = body.first, let last = table.last, ColumnMap(header: last.cells) == nil else {
            table += body
            return
        }
        let number = columns[.number]
        for c in 0..<min(first.cells.count, last.cells.count) where c != number {
            let above = Array(table.indices.reversed().prefix { table[$0].cellKeys[c] == last.cellKeys[c] })
            let below = Array(body.indices.prefix { body[$0].cellKeys[c] == first.cellKeys[c] })
            let part = CellParts(column: c, above: above, below: below, last: last, first: first)
            if spreadsheet {
                joinPrintedOnce(part, &table, &body)
            } else {
                joinFlowed(part, number: number, &table, &body)
            }
        }
        if let number { joinBrokenRow(number: number, &table, &body) }
        table += body
    }

    /// The two parts of a column's cell at a page break: the rows above and below that share it, and
    /// the rows either side of the break.
    private struct CellParts {
        let column: Int
        let above: [Int], below: [Int]
        let last: GridRow, first: GridRow
        var upper: String { last.cells[column] }
        var lower: String { first.cells[column] }
    }

    /// Whether column `c`'s cells span task rows, as 指标 does: a numbered row (its own 序号) takes its
    /// cell in the column from a row above. Asked only where a page break leaves one row each side.
    private static func spansTaskRows(_ c: Int, number: Int?, _ table: [GridRow], _ body: [GridRow]) -> Bool {
        guard let number else { return false }
        func spans(_ r: GridRow) -> Bool {
            c < r.cells.count && r.inherited.contains(c) && !r.inherited.contains(number) && !r.cells[number].trimmed.isEmpty
        }
        return table.contains(where: spans) || body.contains(where: spans)
    }

    /// From a spreadsheet: a text cut by the break, or drawn again past the next page's top, is one cell.
    private static func joinPrintedOnce(_ p: CellParts, _ table: inout [GridRow], _ body: inout [GridRow]) {
        let (c, upper, lower, last, first) = (p.column, p.upper, p.lower, p.last, p.first)
        let cut = upper != lower && (last.merged.contains(c) || first.merged.contains(c))
            && last.textAtBottom.contains(c) && first.textAtTop.contains(c)
        let same = upper == lower || upper.hasSuffix(lower) || lower.hasPrefix(upper)
        guard !upper.isEmpty, !lower.isEmpty, cut || (same && first.clippedAbove.contains(c)) else { return }
        // One text cut by the break, each page showing its lines (and the PDF keeping some of
        // the others'), or the text of the cell above drawn again past this page's top: one cell.
        let whole = upper.hasSuffix(lower) ? upper : lower.hasPrefix(upper) ? lower : upper + lower
        for r in p.above { table[r].cells[c] = whole }
        for r in p.below { body[r].cells[c] = whole; body[r].inherited.insert(c); body[r].cellKeys[c] = last.cellKeys[c] }
    }

    /// From a word processor, which flows a tall merged cell's text across the break: the parts whose
    /// text runs on are one cell; where the page cannot tell, both sides are marked with a doubt.
    private static func joinFlowed(_ p: CellParts, number: Int?, _ table: inout [GridRow], _ body: inout [GridRow]) {
        let (c, upper, lower, last, first, above, below) = (p.column, p.upper, p.lower, p.last, p.first, p.above, p.below)
        // A cell of one row on each side is one cell only in a column that merges cells elsewhere.
        guard above.count >= 2 || below.count >= 2 || spansTaskRows(c, number: number, table, body) else { return }
        func doubt(_ text: String, _ rows: (above: [Int], below: [Int])) {
            for r in rows.above where table[r].doubt == nil { table[r].doubt = text }
            for r in rows.below where body[r].doubt == nil { body[r].doubt = text }
        }
        if above.count == 1, below.count == 1, !upper.isEmpty, !lower.isEmpty {
            // One row's cell on each side in a column of merged cells: one cell cut by the break, or two
            // cells each ending there; the page cannot tell which.
            doubt("column \(c + 1) may be one merged cell cut by the page break or two cells; check the rows on both sides against the PDF",
                  ([table.count - 1], [0]))
        }
        // An empty part is left as it is: the table recogniser carries an empty 指标 down from above.
        // Runs on: the upper part's text reaches its bottom edge, and the lower part's starts at its top
        // or the upper part is full from edge to edge (a writer centring each part on its own).
        guard !upper.isEmpty, !lower.isEmpty, last.textAtBottom.contains(c),
              first.textAtTop.contains(c) || last.textAtTop.contains(c) else {
            if !upper.isEmpty, !lower.isEmpty, spansTaskRows(c, number: number, table, body), last.textNearBottom.contains(c) {
                // Text near the break on one side: perhaps one merged cell whose parts the writer set apart.
                doubt("column \(c + 1) may be one merged cell cut by the page break (its text near the break); "
                      + "check the rows on both sides against the PDF", (above, below))
            }
            return
        }
        let whole = upper + lower
        for r in above { table[r].cells[c] = whole }
        for r in below { body[r].cells[c] = whole; body[r].inherited.insert(c) }
        if above.count == 1, !first.textAtTop.contains(c) {
            // The upper part is one row whose text fills it, and the lower part's text stands apart
            // from its top: the upper text may as well end there.
            doubt("column \(c + 1) was read as one merged cell cut by the page break; "
                  + "it may be two cells, check the rows on both sides against the PDF", (above, below))
        }
    }

    /// The rows at the page's top with no 序号 (one or more, where a merged cell's frame splits the
    /// row's slots) go on with the last row above; so does a number itself cut by the break (6 above,
    /// 0 below, after 59).
    private static func joinBrokenRow(number: Int, _ table: inout [GridRow], _ body: inout [GridRow]) {
        guard var last = table.last else { return }
        let before = table.dropLast().last { ColumnMap(header: $0.cells) == nil }.flatMap { Int($0.cells[number]) }
        let cutNumber = body.first.map { head in
            before.map { Int(last.cells[number]) != $0 + 1 && Int(last.cells[number] + head.cells[number]) == $0 + 1 } ?? false
        } ?? false
        if cutNumber, let head = body.first { last.cells[number] += head.cells[number]; body[0].cells[number] = "" }
        while let head = body.first, head.cells[number].trimmed.isEmpty || last.cells[number].trimmed.isEmpty {
            for (i, cell) in head.cells.enumerated() where !cell.isEmpty && cell != last.cells[i] && !last.cells[i].hasSuffix(cell) {
                if last.cells[i].isEmpty { last.cells[i] = cell } else { last.cells[i] += cell }
            }
            body.removeFirst()
            if !head.cells[number].trimmed.isEmpty { break }
        }
        table[table.count - 1] = last
    }

    /// The lower row of a two-row header repeated on a new page (牵头单位 | 配合单位 under 责任单位).
    static func isLowerHeader(_ row: GridRow, _ columns: ColumnMap) -> Bool {
        let named = row.cells.enumerated().filter { !$0.element.trimmed.isEmpty && !row.inherited.contains($0.offset) }
        return !named.isEmpty && named.allSatisfy { TaskField.named($0.element) != nil }
    }

    /// The rows of one grid: each row of slots is a row; a cell merged down gives its text to every
    /// row it spans (marked inherited below its first), a cell merged across to every column. `key`
    /// numbers the grid in its document, to key its cells.
    static func gridRows(_ grid: RuledGrid, _ words: [PDFReader.Word], key: Int = 0) -> [GridRow] {
        var wordsOfCell = Array(repeating: [PDFReader.Word](), count: grid.cellOrigin.count)
        var doubtfulRows = Set<Int>()
        for w in words {
            for piece in cut(w, at: grid) {
                let (r, c) = grid.slot(x: (piece.x0 + piece.x1) / 2, y: (piece.y0 + piece.y1) / 2)
                wordsOfCell[grid.cellOfSlot[r * grid.columnCount + c]].append(piece)
                if piece.text != w.text { doubtfulRows.insert(r) }
            }
        }
        let texts = wordsOfCell.map(cellText)
        // Where each cell's text stands in it: within a line's height of its top or bottom edge.
        var bottomRow = grid.cellOrigin.map(\.row)
        for k in grid.cellOfSlot.indices { bottomRow[grid.cellOfSlot[k]] = max(bottomRow[grid.cellOfSlot[k]], k / grid.columnCount) }
        /// How far (in type sizes) the cell's text stands from its top and bottom edges.
        func edges(_ cell: Int) -> (top: Double, bottom: Double) {
            // The type's extent: a line's middle, half the type size either side.
            let ws = wordsOfCell[cell]
            guard let top = ws.map({ ($0.y0 + $0.y1 - $0.em) / 2 }).min(), let bottom = ws.map({ ($0.y0 + $0.y1 + $0.em) / 2 }).max()
            else { return (.infinity, .infinity) }
            let em = max(ws.map(\.em).max() ?? 10, 1)
            return ((top - grid.ys[grid.cellOrigin[cell].row]) / em, (grid.ys[bottomRow[cell] + 1] - bottom) / em)
        }
        func middle(_ cell: Int) -> Double? {
            let ws = wordsOfCell[cell]
            guard let top = ws.map(\.y0).min(), let bottom = ws.map(\.y1).max() else { return nil }
            return (top + bottom) / 2
        }
        var rows: [GridRow] = []
        for r in 0..<grid.rowCount {
            var row = GridRow(cells: [], inherited: [], page: grid.page)
            (row.top, row.bottom) = (grid.ys[r], grid.ys[r + 1])
            for c in 0..<grid.columnCount {
                let cell = grid.cellOfSlot[r * grid.columnCount + c]
                row.cells.append(texts[cell])
                row.cellKeys.append(key << 32 | cell)
                if grid.cellOrigin[cell].row < r { row.inherited.insert(c) }
                let (top, bottom) = edges(cell)
                if top < 1.6 { row.textAtTop.insert(c) }
                if bottom < 1.6 { row.textAtBottom.insert(c) }
                if bottom < 3 { row.textNearBottom.insert(c) }
                row.textMiddle.append(middle(cell))
                if bottomRow[cell] > grid.cellOrigin[cell].row { row.merged.insert(c) }
            }
            // A row all of whose cells run on from above (a tall merged cell next to no rule) adds nothing.
            if row.cells.allSatisfy(\.isEmpty) || row.inherited.count == row.cells.count { continue }
            if doubtfulRows.contains(r) { row.doubt = "a word ran across a column rule and was cut there; check the row against the PDF" }
            rows.append(row)
        }
        return rows
    }

    /// A word cut where it runs across one of the grid's column boundaries by more than a point on
    /// each side (a writer's word box spanning two cells), its characters shared by width.
    static func cut(_ w: PDFReader.Word, at grid: RuledGrid) -> [PDFReader.Word] {
        let inside = grid.xs.dropFirst().dropLast().filter { $0 > w.x0 + 1 && $0 < w.x1 - 1 }
        guard !inside.isEmpty, w.text.count > 1 else { return [w] }
        let characters = Array(w.text)
        var pieces: [PDFReader.Word] = []
        var start = 0, x = w.x0
        for boundary in inside + [w.x1] {
            let end = boundary == w.x1 ? characters.count
                : min(characters.count, max(start, Int(((boundary - w.x0) / (w.x1 - w.x0) * Double(characters.count)).rounded())))
            if end > start {
                var piece = w
                piece.text = String(characters[start..<end])
                piece.x0 = x
                piece.x1 = boundary
                pieces.append(piece)
            }
            start = end
            x = boundary
        }
        return pieces
    }

    /// A cell's text: its words in lines top to bottom, left to right; a space between words only
    /// where the gap shows one, and across a wrapped line only between two non-Chinese characters.
    static func cellText(_ words: [PDFReader.Word]) -> String {
        guard !words.isEmpty else { return "" }
        var out = ""
        for line in PDFReader.lines(words) {
            let em = line.words.map { $0.y1 - $0.y0 }.max() ?? 10
            var lineText = "", lastEnd = -Double.infinity
            for w in line.words {
                if let last = lineText.last, let first = w.text.first,
                   PDFReader.isSpace(between: last, and: first, gap: w.x0 - lastEnd, em: em) { lineText += " " }
                lineText += w.text
                lastEnd = w.x1
            }
            if let last = out.last, let first = lineText.first, !TextCleaning.isCJK(last), !TextCleaning.isCJK(first) { out += " " }
            out += lineText
        }
        return out
    }
}
