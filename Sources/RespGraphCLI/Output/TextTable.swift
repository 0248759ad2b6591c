import RespGraphModel

/// A table of text for the terminal (columns aligned by display width) and for CSV.
public struct TextTable: Sendable {
    /// One column: its header, alignment and the widest it may print in a terminal.
    public struct Column: Sendable {
        /// The header.
        public var title: String
        /// Right-aligned (numbers) or left-aligned (text).
        public var alignRight: Bool
        /// The most display columns a cell takes in a terminal; longer cells end in …. CSV is never cut.
        public var maxWidth: Int

        /// Creates a column.
        public init(_ title: String, alignRight: Bool = false, maxWidth: Int = 40) {
            self.title = title
            self.alignRight = alignRight
            self.maxWidth = maxWidth
        }
    }

    /// A caption printed above the table in a terminal.
    public var title: String?
    /// The columns.
    public var columns: [Column]
    /// The rows, one string per column.
    public var rows: [[String]] = []

    /// Creates an empty table.
    public init(title: String? = nil, columns: [Column]) {
        self.title = title
        self.columns = columns
    }

    /// Appends a row.
    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table aligned for a terminal: header, a rule, the rows; two spaces between columns.
    /// Given the terminal's width, the widest text columns are cut (to no fewer than 8 columns
    /// each) until a line fits.
    /// With `ambiguousWide`, East Asian Ambiguous characters count two columns and the rule is drawn
    /// with ASCII hyphens (CJK terminals draw ─ wide).
    public func rendered(width: Int? = nil, ambiguousWide: Bool = false) -> String {
        let wide = ambiguousWide
        let flat = rows.map { row in row.map { $0.contains("\n") ? $0.replacingOccurrences(of: "\n", with: " ") : $0 } }
        var limits = columns.map(\.maxWidth)
        func natural(_ i: Int) -> Int {
            max(DisplayWidth.of(columns[i].title, ambiguousWide: wide),
                flat.map { min(DisplayWidth.of($0[i], ambiguousWide: wide), limits[i]) }.max() ?? 0)
        }
        if let width {
            var sizes = columns.indices.map(natural)
            var shrinkable = Set(columns.indices.filter { !columns[$0].alignRight })
            while sizes.reduce(0, +) + 2 * max(0, columns.count - 1) > width {
                guard let widest = shrinkable.filter({ sizes[$0] > 8 }).max(by: { (sizes[$0], $1) < (sizes[$1], $0) }) else { break }
                limits[widest] = sizes[widest] - 1
                let smaller = natural(widest)
                // A header wider than its cells stops that column shrinking.
                if smaller >= sizes[widest] { shrinkable.remove(widest) } else { sizes[widest] = smaller }
            }
        }
        var widths = columns.map { DisplayWidth.of($0.title, ambiguousWide: wide) }
        let cells = flat.map { row in row.enumerated().map { i, cell in DisplayWidth.truncate(cell, to: limits[i], ambiguousWide: wide) } }
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c, ambiguousWide: wide)) } }
        func line(_ values: [String]) -> String {
            var parts: [String] = []
            for (i, v) in values.enumerated() {
                let last = i == values.count - 1
                parts.append(last && !columns[i].alignRight ? v : DisplayWidth.pad(v, to: widths[i],
                    alignRight: columns[i].alignRight, ambiguousWide: wide))
            }
            return parts.joined(separator: "  ")
        }
        var out = ""
        if let title { out += title + "\n" }
        out += line(columns.map(\.title)) + "\n"
        out += widths.map { String(repeating: wide ? "-" : "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) + "\n" }
        return out
    }

    /// The table as CSV: the header, then every row, cells uncut.
    public func csv() -> String {
        CSV.format([columns.map(\.title)] + rows)
    }
}

import Foundation
