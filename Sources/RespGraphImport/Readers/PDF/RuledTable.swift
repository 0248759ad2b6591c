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
        return members.values.compactMap { grid(horizontal: $0.h, vertical: $0.v, page: page) }
            .sorted { $0.ys[0] < $1.ys[0] }
    }

    static func meets(_ h: Ruling, _ v: Ruling) -> Bool {
        v.position >= h.from - tolerance && v.position <= h.to + tolerance
            && h.position >= v.from - tolerance && h.position <= v.to + tolerance
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
                if s.0 <= merged[merged.count - 1].1 + tolerance { merged[merged.count - 1].1 = max(merged[merged.count - 1].1, s.1) } else { merged.append(s) }
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

    /// Positions of rules within ``tolerance`` of each other, as one.
    static func clustered(_ values: [Double]) -> [Double] {
        var out: [Double] = []
        var group: [Double] = []
        for v in values.sorted() {
            if let first = group.first, v - first > tolerance {
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
        let xs = clustered(vertical.map(\.position) + [horizontal.map(\.from).min()!, horizontal.map(\.to).max()!])
        let ys = clustered(horizontal.map(\.position) + [vertical.map(\.from).min()!, vertical.map(\.to).max()!])
        guard xs.count >= 2, ys.count >= 2 else { return nil }
        func covered(_ rules: [Ruling], at position: Double, over point: Double) -> Bool {
            rules.contains { abs($0.position - position) <= tolerance && point >= $0.from - tolerance && point <= $0.to + tolerance }
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
        /// Where each column's text stands in its cell, from -1 (at the top) to 1 (at the bottom); 0 when empty.
        var lean: [Double] = []
        /// Whether the row is its page's first or last row of the table (a page break runs beside it).
        var atPageEdge = false
        /// The columns whose cell spans two rows or more on its page.
        var merged: Set<Int> = []
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
        var inGrid = Array(repeating: [PDFReader.Word](), count: grids.count)
        var outside: [PDFReader.Word] = []
        let gridsOfPage = Dictionary(grouping: grids.indices, by: { grids[$0].page })
        for w in words {
            let cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2
            if let g = gridsOfPage[w.page]?.first(where: { grids[$0].holds(x: cx, y: cy) }) { inGrid[g].append(w) } else { outside.append(w) }
        }
        if printedBySpreadsheet { takeOverflow(&outside, into: &inGrid, grids) }
        var tables: [[GridRow]] = []
        var lastTableGrid: RuledGrid?, firstTableGrid: RuledGrid?
        for (g, grid) in grids.enumerated() {
            var rows = gridRows(grid, inGrid[g], key: g)
            if let previous = tables.last?.first(where: { ColumnMap(header: $0.cells) != nil }) {
                repeatedHeader(&rows, as: previous.cells, spreadsheet: printedBySpreadsheet)
            }
            let header = rows.prefix(3).lazy.compactMap { ColumnMap(header: $0.cells) }.first
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
        if printedBySpreadsheet { for t in tables.indices { markEmptyMergedParts(&tables[t]) } }
        guard !tables.isEmpty, let start = firstTableGrid else { return nil }
        var blocks: [DocumentBlock] = []
        var before: [PDFReader.Word] = [], after: [PDFReader.Word] = []
        for w in outside {
            if w.page < start.page || (w.page == start.page && (w.y0 + w.y1) / 2 < start.ys[0]) { before.append(w) } else { after.append(w) }
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
                }
            }
        } else if rows.count > 1, rows[1].doubt == nil {
            rows[1].doubt = "the repeated header holds text that belongs to no header cell (a merged cell printed over the page's top?); check the row against the PDF"
        }
        rows[0].cells = header
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

    /// Marks the rows of a table whose cell in some column is an empty part of a merged cell beside a
    /// page break, or an empty cell at a page break in a column that holds merged cells: its text may
    /// be printed on a page whose part the reader could not tie to it.
    static func markEmptyMergedParts(_ rows: inout [GridRow]) {
        let body = rows.indices.filter { ColumnMap(header: rows[$0].cells) == nil }
        let mergedColumns = Set(body.flatMap { rows[$0].merged })
        var chains: [Int: [Int]] = [:]
        for r in body {
            for c in mergedColumns where rows[r].cells[c].isEmpty {
                chains[rows[r].cellKeys[c] << 8 | c, default: []].append(r)
            }
        }
        for (key, members) in chains where members.contains(where: { rows[$0].atPageEdge }) {
            for r in members where rows[r].doubt == nil {
                rows[r].doubt = "column \((key & 0xff) + 1) is a merged cell whose text a spreadsheet printed on another page; check the row's value there against the PDF"
            }
        }
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
    /// From a spreadsheet (which prints a merged cell's text once, centred over the whole merge) the
    /// parts are tied by where the text stands: an empty part below a text that leans toward the break
    /// takes that text; an empty merged part that no text above claimed takes the text below the break;
    /// two empty parts are one cell until a text is found.
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
            let above = table.indices.reversed().prefix { table[$0].cellKeys[c] == last.cellKeys[c] }
            let below = body.indices.prefix { body[$0].cellKeys[c] == first.cellKeys[c] }
            let upper = last.cells[c], lower = first.cells[c]
            if spreadsheet {
                if upper.isEmpty && lower.isEmpty {
                    if last.merged.contains(c) && first.merged.contains(c) { for r in below { body[r].cellKeys[c] = last.cellKeys[c] } }
                } else if upper.isEmpty, last.merged.contains(c) || first.lean[c] < -0.2 {
                    // An empty merged part no text above claimed: its text is the one below.
                    for r in above { table[r].cells[c] = lower }
                    for r in below { body[r].cellKeys[c] = last.cellKeys[c] }
                } else if lower.isEmpty, last.lean[c] > 0.2 {
                    for r in below { body[r].cells[c] = upper; body[r].inherited.insert(c); body[r].cellKeys[c] = last.cellKeys[c] }
                } else if !upper.isEmpty, !lower.isEmpty, upper != lower, last.merged.contains(c) || first.merged.contains(c),
                          last.textAtBottom.contains(c), first.textAtTop.contains(c) {
                    // One text cut by the break, each page showing its lines (and the PDF keeping some of
                    // the others'): the whole of it.
                    let whole = upper.hasSuffix(lower) ? upper : lower.hasPrefix(upper) ? lower : upper + lower
                    for r in above { table[r].cells[c] = whole }
                    for r in below { body[r].cells[c] = whole; body[r].inherited.insert(c); body[r].cellKeys[c] = last.cellKeys[c] }
                }
                continue
            }
            guard above.count >= 2 || below.count >= 2 else { continue }
            // An empty part is left as it is: the table recogniser carries an empty 指标 down from above.
            // Runs on: the upper part's text reaches its bottom edge, and the lower part's starts at its top
            // or the upper part is full from edge to edge (a writer centring each part on its own).
            guard !upper.isEmpty, !lower.isEmpty, last.textAtBottom.contains(c),
                  first.textAtTop.contains(c) || last.textAtTop.contains(c) else { continue }
            let whole = upper + lower
            for r in above { table[r].cells[c] = whole }
            for r in below { body[r].cells[c] = whole; body[r].inherited.insert(c) }
        }
        if let number, var last = table.last {
            let head = body[0]
            if head.cells[number].trimmed.isEmpty || last.cells[number].trimmed.isEmpty {
                for (i, cell) in head.cells.enumerated() where !cell.isEmpty && cell != last.cells[i] {
                    if last.cells[i].isEmpty { last.cells[i] = cell } else { last.cells[i] += cell }
                }
                table[table.count - 1] = last
                body.removeFirst()
            }
        }
        table += body
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
        func edges(_ cell: Int) -> (top: Bool, bottom: Bool) {
            let ws = wordsOfCell[cell]
            guard let top = ws.map(\.y0).min(), let bottom = ws.map(\.y1).max() else { return (false, false) }
            let em = ws.map { $0.y1 - $0.y0 }.max() ?? 10
            return (top - grid.ys[grid.cellOrigin[cell].row] < 1.2 * em, grid.ys[bottomRow[cell] + 1] - bottom < 1.2 * em)
        }
        func lean(_ cell: Int) -> Double {
            let ws = wordsOfCell[cell]
            guard let top = ws.map(\.y0).min(), let bottom = ws.map(\.y1).max() else { return 0 }
            let y0 = grid.ys[grid.cellOrigin[cell].row], y1 = grid.ys[bottomRow[cell] + 1]
            return y1 - y0 > 0 ? ((top + bottom) / 2 - (y0 + y1) / 2) / ((y1 - y0) / 2) : 0
        }
        var rows: [GridRow] = []
        for r in 0..<grid.rowCount {
            var row = GridRow(cells: [], inherited: [], page: grid.page)
            row.atPageEdge = r == grid.rowCount - 1 || (r > 0 && ColumnMap(header: rows.last?.cells ?? []) != nil && rows.count == 1)
            for c in 0..<grid.columnCount {
                let cell = grid.cellOfSlot[r * grid.columnCount + c]
                row.cells.append(texts[cell])
                row.cellKeys.append(key << 32 | cell)
                if grid.cellOrigin[cell].row < r { row.inherited.insert(c) }
                let (top, bottom) = edges(cell)
                if top { row.textAtTop.insert(c) }
                if bottom { row.textAtBottom.insert(c) }
                row.lean.append(lean(cell))
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
