import RespGraphAnalysis
import RespGraphExport
import RespGraphModel

/// The responsibility matrix written for a spreadsheet (CSV), a browser or printer (HTML) and a
/// drawing (SVG): tasks as rows grouped by indicator, agencies as columns, 牵 (lead) and 配 (support)
/// in the cells, totals per row and column.
public enum MatrixWriter {
    /// Paper the HTML and SVG are laid out for, landscape.
    public enum Paper: String, CaseIterable, Sendable {
        /// 420 × 297 mm.
        case a3
        /// 297 × 210 mm.
        case a4
        /// Width and height in millimetres, landscape.
        var millimetres: (Double, Double) { self == .a3 ? (420, 297) : (297, 210) }
    }

    /// The mark of a role in a cell.
    public static func mark(_ role: Role?) -> String { role == .lead ? "牵" : role == .support ? "配" : "" }

    /// A task's text for a row: its text, or its direction when it has none.
    static func text(_ graph: ResponsibilityGraph, _ t: TaskID) -> String { graph[t].text.isEmpty ? graph[t].direction : graph[t].text }

    /// CSV with a header row, one row per task and a totals row; a UTF-8 byte-order mark first unless
    /// `byteOrderMark` is false (spreadsheets need it to read Chinese as UTF-8).
    public static func csv(_ m: ResponsibilityMatrix, _ graph: ResponsibilityGraph, byteOrderMark: Bool = true) -> String {
        var rows = [["task", "indicator", "text"] + m.agencies.map { graph[$0].name } + ["agencies"]]
        for t in m.tasks {
            rows.append([graph.key(of: t), graph[t].indicator, text(graph, t)] + m.row(t).map(mark) + [String(m.rowTotal(t))])
        }
        rows.append(["tasks", "", ""] + m.columnTotals.map { String($0.lead + $0.support) } + [""])
        return (byteOrderMark ? "\u{FEFF}" : "") + CSV.format(rows)
    }

    /// A printable HTML page: the header row repeats on every printed page, rows never split, and the
    /// page is set for landscape `paper`.
    public static func html(_ m: ResponsibilityMatrix, _ graph: ResponsibilityGraph, title: String, paper: Paper = .a3) -> String {
        func esc(_ s: String) -> String { XMLText.escape(s) }
        var out = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>\(esc(title))</title>
        <style>
        @page { size: \(paper.rawValue.uppercased()) landscape; margin: 8mm; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10pt; \
        color: #222; margin: 12px; }
        h1 { font-size: 14pt; margin: 0 0 4px; } p.legend { margin: 0 0 8px; font-size: 9pt; }
        table { border-collapse: collapse; } thead { display: table-header-group; } tr { break-inside: avoid; }
        th, td { border: 1px solid #bbb; padding: 1px 3px; }
        th.agency { writing-mode: vertical-rl; white-space: nowrap; font-weight: normal; font-size: 9pt; padding: 3px 1px; vertical-align: \
        bottom; }
        td.cell { text-align: center; width: 1.4em; } td.lead { color: #b2182b; font-weight: bold; } td.support { color: #2166ac; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; } td.text { max-width: 28em; font-size: 9pt; }
        tr.group td { background: #eef3f8; font-weight: bold; }
        </style></head><body>
        <h1>\(esc(title))</h1>
        <p class="legend"><b style="color:#b2182b">牵</b> 牵头 lead · <b style="color:#2166ac">配</b> 配合 support · \(m.tasks.count) 项任务 tasks \
        × \(m.agencies.count) 个机构 agencies, 机构按负荷排序 columns by load</p>
        <table><thead><tr><th>任务</th><th>任务内容</th>
        """
        for a in m.agencies { out += "<th class=\"agency\">\(esc(graph[a].name))</th>" }
        out += "<th class=\"num\">合计</th></tr></thead><tbody>\n"
        for g in m.groups {
            out += "<tr class=\"group\"><td colspan=\"\(m.agencies.count + 3)\">\(esc(g.indicator))</td></tr>\n"
            for t in g.tasks {
                out += "<tr><td>\(esc(graph.key(of: t)))</td><td class=\"text\">\(esc(text(graph, t)))</td>"
                for role in m.row(t) {
                    out += role == .lead ? "<td class=\"cell lead\">牵</td>"
                        : role == .support ? "<td class=\"cell support\">配</td>" : "<td class=\"cell\"></td>"
                }
                out += "<td class=\"num\">\(m.rowTotal(t))</td></tr>\n"
            }
        }
        out += "<tr><td>合计</td><td>牵头 / 配合</td>"
        for c in m.columnTotals { out += "<td class=\"num\" style=\"font-size:8pt\">\(c.lead)/\(c.support)</td>" }
        out += "<td></td></tr>\n</tbody></table>\n</body></html>\n"
        return out
    }

    /// An SVG drawing of the matrix, sized in millimetres to the width of landscape `paper` (scaled
    /// down when wider, never shrunk to the height: a long matrix runs on to further pages), agency
    /// names written vertically.
    public static func svg(_ m: ResponsibilityMatrix, _ graph: ResponsibilityGraph, title: String, paper: Paper = .a3) -> String {
        func esc(_ s: String) -> String { XMLText.escape(s) }
        let rowHeight = 16.0, cellWidth = 18.0, keyWidth = 70.0, textWidth = 300.0, totalWidth = 40.0
        let longest = m.agencies.map { graph[$0].name.count }.max() ?? 4
        let headerHeight = Double(max(4, longest)) * 12.5 + 10, titleHeight = 40.0
        let rows = m.groups.count + m.tasks.count + 1
        let width = keyWidth + textWidth + Double(m.agencies.count) * cellWidth + totalWidth + 20
        let height = titleHeight + headerHeight + Double(rows) * rowHeight + 20
        let (pw, ph) = paper.millimetres
        _ = ph
        let scale = min(1, (pw - 16) / (width * 0.2646))
        let mmW = width * 0.2646 * scale, mmH = height * 0.2646 * scale
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(plain(mmW))mm" height="\(plain(mmH))mm" viewBox="0 0 \(plain(width)) \
        \(plain(height))" font-family="Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="#fff"/>
        <text x="10" y="22" font-size="16" font-weight="bold">\(esc(title))</text>
        <text x="10" y="36" font-size="10" fill="#555">牵 = 牵头 lead · 配 = 配合 support · \(m.tasks.count) 项任务 × \(m.agencies.count) \
        个机构，机构按负荷排序</text>

        """
        let x0 = 10 + keyWidth + textWidth, y0 = titleHeight + headerHeight
        for (c, a) in m.agencies.enumerated() {
            let x = x0 + Double(c) * cellWidth + cellWidth / 2
            out += "<text x=\"\(plain(x))\" y=\"\(plain(y0 - 4))\" style=\"writing-mode: vertical-rl\" text-anchor=\"end\" "
                + "font-size=\"11\">\(esc(graph[a].name))</text>\n"
        }
        out += "<text x=\"\(plain(x0 + Double(m.agencies.count) * cellWidth + 4))\" y=\"\(plain(y0 - 4))\" font-size=\"10\">合计</text>\n"
        var y = y0
        for g in m.groups {
            out += "<rect x=\"10\" y=\"\(plain(y))\" width=\"\(plain(width - 20))\" height=\"\(plain(rowHeight))\" fill=\"#eef3f8\"/>"
            out += "<text x=\"14\" y=\"\(plain(y + 12))\" font-weight=\"bold\">\(esc(g.indicator))</text>\n"
            y += rowHeight
            for t in g.tasks {
                out += svgRow(t, m, graph, y: y, x0: x0, width: width)
                y += rowHeight
            }
        }
        out += "<text x=\"12\" y=\"\(plain(y + 12))\" font-weight=\"bold\">合计</text>"
        for (c, total) in m.columnTotals.enumerated() {
            out += "<text x=\"\(plain(x0 + Double(c) * cellWidth + cellWidth / 2))\" y=\"\(plain(y + 12))\" text-anchor=\"middle\" "
                + "font-size=\"9\">\(total.lead + total.support)</text>"
        }
        for c in 0...m.agencies.count {
            let x = x0 + Double(c) * cellWidth
            out += "<line x1=\"\(plain(x))\" y1=\"\(plain(y0))\" x2=\"\(plain(x))\" y2=\"\(plain(y + rowHeight))\" stroke=\"#e4e4e4\"/>"
        }
        out += "\n</svg>\n"
        return out
    }

    /// One task's row of the SVG drawing at height `y`: key, shortened text, a mark under each agency
    /// it names, and its total; the matrix columns start at `x0`.
    static func svgRow(_ t: TaskID, _ m: ResponsibilityMatrix, _ graph: ResponsibilityGraph, y: Double, x0: Double,
                       width: Double) -> String {
        let rowHeight = 16.0, cellWidth = 18.0, keyWidth = 70.0
        var out = "<line x1=\"10\" y1=\"\(plain(y + rowHeight))\" x2=\"\(plain(width - 10))\" y2=\"\(plain(y + rowHeight))\" "
            + "stroke=\"#ddd\"/>"
        out += "<text x=\"12\" y=\"\(plain(y + 12))\">\(XMLText.escape(graph.key(of: t)))</text>"
        let shown = text(graph, t)
        out += "<text x=\"\(plain(12 + keyWidth))\" y=\"\(plain(y + 12))\" "
            + "font-size=\"10\">\(XMLText.escape(shown.count > 26 ? String(shown.prefix(25)) + "…" : shown))</text>"
        for (c, role) in m.row(t).enumerated() where role != nil {
            let x = x0 + Double(c) * cellWidth + cellWidth / 2
            out += "<text x=\"\(plain(x))\" y=\"\(plain(y + 12))\" text-anchor=\"middle\" "
                + "fill=\"\(role == .lead ? "#b2182b" : "#2166ac")\"" + (role == .lead ? " font-weight=\"bold\"" : "")
                + ">\(mark(role))</text>"
        }
        out += "<text x=\"\(plain(x0 + Double(m.agencies.count) * cellWidth + 30))\" y=\"\(plain(y + 12))\" "
            + "text-anchor=\"end\">\(m.rowTotal(t))</text>\n"
        return out
    }

    /// A number without a needless fraction.
    static func plain(_ x: Double) -> String { NumberStyle.plain(x) }
}
