/// Where a block was read from, as finely as its file format allows: a line of a text file, a
/// paragraph or table cell of a web page or Word file, a sheet cell of a workbook.
public struct BlockPlace: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line of the source file where the block starts (1 when the format has no lines).
    public var line: Int
    /// The 1-based table of the document, for a table block or a cell.
    public var table: Int?
    /// The 1-based row within its table.
    public var row: Int?
    /// The 1-based page, for formats with pages.
    public var page: Int?
    /// The 1-based paragraph, for formats whose lines say little (a web page on a few long lines).
    public var paragraph: Int?
    /// The sheet of a workbook.
    public var sheet: String?

    /// Creates a place. A line of 0 means the format has no lines (Word, Excel).
    public init(line: Int, table: Int? = nil, row: Int? = nil, page: Int? = nil, paragraph: Int? = nil, sheet: String? = nil) {
        self.line = line
        self.table = table
        self.row = row
        self.page = page
        self.paragraph = paragraph
        self.sheet = sheet
    }

    /// `table 2, row 14` or `page 3`; empty for a plain line (the line is printed beside the file).
    public var description: String {
        var parts: [String] = []
        if let p = page { parts.append("page \(p)") }
        if let p = paragraph { parts.append("paragraph \(p)") }
        if let s = sheet { parts.append("sheet \(s)") } else if let t = table { parts.append("table \(t)") }
        if let r = row { parts.append("row \(r)") }
        return parts.joined(separator: ", ")
    }
}

/// A paragraph of running text: one line of a text file, one `<p>` of a web page.
public struct TextBlock: Sendable, Equatable {
    /// The text, with its line breaks inside kept as spaces.
    public var text: String
    /// Where it starts.
    public var place: BlockPlace
    /// Whether the writer marked it as a heading (`<h2>`, a Word heading style).
    public var isHeading: Bool

    /// Creates a paragraph.
    public init(text: String, place: BlockPlace, isHeading: Bool = false) {
        self.text = text
        self.place = place
        self.isHeading = isHeading
    }
}

/// A table with its cells, merged cells already spread over the rows and columns they span.
public struct TableBlock: Sendable, Equatable {
    /// Rows of cells, each row as long as the widest row.
    public var rows: [[String]]
    /// Where each row starts.
    public var rowPlaces: [BlockPlace]
    /// For each row, the columns whose value was copied from a merged cell above (rowspan, vMerge).
    public var inheritedCells: [Set<Int>]
    /// Rows the reader rebuilt with a doubt (by row index), with what to check.
    public var rowWarnings: [Int: String] = [:]

    /// Creates a table, padding short rows with empty cells.
    public init(rows: [[String]], rowPlaces: [BlockPlace], inheritedCells: [Set<Int>]? = nil) {
        let width = rows.map(\.count).max() ?? 0
        self.rows = rows.map { $0.count < width ? $0 + Array(repeating: "", count: width - $0.count) : $0 }
        self.rowPlaces = rowPlaces
        self.inheritedCells = inheritedCells ?? Array(repeating: [], count: rows.count)
    }
}

/// One block of a document as every reader produces it: the model all recognisers work on.
public enum DocumentBlock: Sendable, Equatable {
    /// Running text.
    case paragraph(TextBlock)
    /// A table.
    case table(TableBlock)
}

/// A document read into blocks, before any recogniser has looked at it.
public struct BlockDocument: Sendable {
    /// The file it came from, for diagnostics.
    public var file: String
    /// The blocks in reading order.
    public var blocks: [DocumentBlock]
    /// The reader that produced it (text, html, …), for the summary.
    public var format: String
    /// What the reader itself noticed (a Word file's tracked changes), reported with the document.
    public var findings: [ImportDiagnostic] = []

    /// Creates a document.
    public init(file: String, blocks: [DocumentBlock], format: String) {
        self.file = file
        self.blocks = blocks
        self.format = format
    }
}
