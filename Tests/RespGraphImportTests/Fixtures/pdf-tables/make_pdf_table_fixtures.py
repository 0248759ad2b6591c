#!/usr/bin/env python3
"""Prints the curated Guangxi task tables to PDF the ways offices print them, for respgraph's
ruled-table tests.

    pip install python-docx==1.2.0 openpyxl==3.1.5
    apt-get install libreoffice-writer-nogui libreoffice-calc-nogui chromium weasyprint fonts-noto-cjk
    python3 Tests/RespGraphImportTests/Fixtures/pdf-tables/make_pdf_table_fixtures.py

Each table is the table rows of Graphs/guangxi-20XX-tasks.csv with its 指标 merged down the column:
- `*-word-centred.pdf`: a Word table (python-docx) with every cell centred vertically, the header
  row repeated on each page, rows allowed to break across pages, printed by LibreOffice Writer;
- `*-word-bottom.pdf`: the same with cells aligned to the bottom;
- `*-chromium.pdf`: an HTML table (rowspan; cells centred vertically as browsers do) printed by
  headless Chromium (`--print-to-pdf`);
- `*-weasyprint.pdf`: the same HTML printed by WeasyPrint;
- `guangxi-2024-table-unruled-chromium.pdf`: the HTML table without any rules, cells centred;
- `*-calc.pdf`: a spreadsheet (openpyxl, merged 指标, wrapped and centred cells) printed by
  LibreOffice Calc with gridlines;
- `guangxi-2022-table-top-chromium.pdf`, `guangxi-2024-table-separate-chromium.pdf`,
  `guangxi-2022-table-separate-weasyprint.pdf`, `guangxi-2022-table-portrait-weasyprint.pdf`: the HTML
  table styled other ways (see STYLES);
- `guangxi-2022-table-word-portrait.pdf`: the Word table on A4 portrait in a serif type, header not
  repeated, 序号 too narrow for two digits (a number cut by a page break: 6 above, 0 below);
- `guangxi-2024-table-calc-top.pdf`: the spreadsheet with cells set at the top, header not repeated.
The files are written beside this script.
"""
import csv
import html
import math
import os
import shutil
import subprocess
import sys
import tempfile

import docx
import openpyxl
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, Side

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
sys.path.insert(0, os.path.join(HERE, "..", "office"))
from make_office_fixtures import runs_of_indicator  # noqa: E402  (the office fixtures' runs of equal 指标)
HEADER = ["序号", "指标", "改革方向", "具体任务", "完成时限", "牵头单位", "配合单位"]
WIDTHS_CM = [1.1, 1.6, 3.0, 9.0, 2.2, 3.6, 4.6]


def table_rows(year):
    with open(os.path.join(ROOT, "Graphs", "guangxi-%s-tasks.csv" % year), encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["level"] == "table"]
    return [[r["number"], r["indicator"], r["direction"], r["text"], r["deadline"],
             r["lead"].replace("，", "、"), r["support"].replace("，", "、")] for r in rows]


def landscape(section):
    section.orientation = 1
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))


def borders(table):
    pr = table._tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement("w:" + edge)
        e.set(qn("w:val"), "single")
        e.set(qn("w:sz"), "4")
        e.set(qn("w:color"), "000000")
        b.append(e)
    pr.append(b)


def write_docx(year, rows, align, path, portrait=False):
    """A Word table; `portrait`: on A4 portrait in Noto Serif CJK 10.5 pt, its columns narrowed to the
    page (序号 too narrow for two digits) and its header not repeated."""
    d = docx.Document()
    widths = WIDTHS_CM
    if portrait:
        d.sections[0].page_width, d.sections[0].page_height = Cm(21.0), Cm(29.7)
        d.sections[0].left_margin = d.sections[0].right_margin = Cm(2.0)
        widths = [w * 17.0 / sum(WIDTHS_CM) for w in WIDTHS_CM]
    else:
        landscape(d.sections[0])
    style = d.styles["Normal"]
    style.font.size = Pt(10.5 if portrait else 9)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK SC" if portrait else "Noto Sans CJK SC")
    d.add_paragraph("附件")
    d.add_paragraph("%s年广西优化营商环境任务分工表" % year)
    t = d.add_table(rows=len(rows) + 1, cols=len(HEADER))
    borders(t)
    for j, h in enumerate(HEADER):
        t.cell(0, j).text = h
    # The header row repeats on every page (w:tblHeader), as offices set it.
    if not portrait:
        t.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for i, r in enumerate(rows, start=1):
        for j, v in enumerate(r):
            if j != 1:
                t.cell(i, j).text = v
    for first, last in runs_of_indicator(rows):
        t.cell(first + 1, 1).text = rows[first][1]
        if last > first:
            t.cell(first + 1, 1).merge(t.cell(last + 1, 1))
    t.autofit = False
    for j, w in enumerate(widths):
        t.columns[j].width = Cm(w)
    for row in t.rows:
        for j, cell in enumerate(row.cells):
            cell.width = Cm(widths[j])
            cell.vertical_alignment = align
    d.save(path)


def page_css(valign, ruled=True):
    border = "0.6pt solid #000" if ruled else "none"
    return ("@page { size: A4 landscape; margin: 1.5cm; }\n"
            "body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 9pt; }\n"
            "table { border-collapse: collapse; width: 100%; }\n"
            "th, td { border: " + border + "; padding: 3pt; vertical-align: " + valign + "; }\n"
            "thead { display: table-header-group; }\n")


# Other ways a page styles its table, each printed as its own fixture:
# - top: serif type (Noto Serif CJK, whose word boxes are twice the type size high), cells at the top,
#   rows kept whole on a page;
# - separate: cells framed apart (`border-collapse: separate`, as `<table border="1">` draws them);
# - portrait: A4 portrait, a thick frame, a shaded header of two rows (责任单位 over 牵头单位 | 配合单位).
STYLES = {
    "top": ("@page { size: A4 landscape; margin: 1cm; }\n"
            "body { font-family: 'Noto Serif CJK SC', serif; font-size: 10.5pt; }\n"
            "table { border-collapse: collapse; width: 100%; }\n"
            "th, td { border: 1px solid #000; padding: 1pt; vertical-align: top; } tr { page-break-inside: avoid; }\n"),
    "separate": ("@page { size: A4 landscape; margin: 2cm; }\n"
                 "body { font-family: 'Noto Serif CJK SC', serif; font-size: 10.5pt; }\n"
                 "table { border-collapse: separate; border-spacing: 2px; width: 100%; border: 1px solid #000; }\n"
                 "th, td { border: 1px solid #000; padding: 2pt; }\n"),
    "portrait": ("@page { size: A4 portrait; margin: 2.5cm 2cm; }\n"
                 "body { font-family: 'Noto Serif CJK SC', serif; font-size: 10.5pt; }\n"
                 "table { border-collapse: collapse; width: 100%; border: 2pt solid #000; }\n"
                 "th, td { border: 0.5pt solid #333; padding: 4pt; vertical-align: middle; } th { background: #ddd; }\n"),
}


def write_html(year, rows, path, valign="middle", ruled=True, style=None):
    widths = "".join('<col style="width:%.1f%%">' % (w * 100 / sum(WIDTHS_CM)) for w in WIDTHS_CM)
    css = STYLES[style] if style else page_css(valign, ruled)
    if style == "portrait":
        head = ("<thead><tr>" + "".join('<th rowspan="2">%s</th>' % h for h in HEADER[:5])
                + '<th colspan="2">责任单位</th></tr><tr><th>牵头单位</th><th>配合单位</th></tr></thead><tbody>')
    else:
        head = "<thead><tr>" + "".join("<th>%s</th>" % h for h in HEADER) + "</tr></thead><tbody>"
    out = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>任务分工表</title>',
           "<style>" + css + "</style></head><body>",
           "<p>附件</p><p>%s年广西优化营商环境任务分工表</p>" % year, "<table>", "<colgroup>" + widths + "</colgroup>", head]
    starts = {first: last - first + 1 for first, last in runs_of_indicator(rows)}
    for i, r in enumerate(rows):
        cells = ["<td>%s</td>" % html.escape(r[0])]
        if i in starts:
            cells.append('<td rowspan="%d">%s</td>' % (starts[i], html.escape(r[1])))
        cells += ["<td>%s</td>" % html.escape(v) for v in r[2:]]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table></body></html>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def write_xlsx(rows, path, top=False):
    """A spreadsheet; `top`: cells set at the top, font 11, the header not repeated."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务分工"
    ws.append(HEADER)
    for r in rows:
        ws.append([int(r[0])] + r[1:])
    for first, last in runs_of_indicator(rows):
        if last > first:
            ws.merge_cells(start_row=first + 2, start_column=2, end_row=last + 2, end_column=2)
    thin = Side(style="thin", color="000000")
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top" if top else "center")
            if top:
                cell.font = Font(size=11)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for j, w in enumerate(WIDTHS_CM):
        ws.column_dimensions[chr(ord("A") + j)].width = w * 4.2
    # Row heights as an office sets them for wrapped text (Calc does not fit rows of a file it opens):
    # a Chinese character takes about two units of column width, a line about 15 points.
    for i, r in enumerate([HEADER] + rows, start=1):
        lines = max(math.ceil(len(v) * 1.85 / (WIDTHS_CM[j] * 4.2 - 1)) for j, v in enumerate(r) if j != 1 or i == 1)
        ws.row_dimensions[i].height = (16 if top else 14) * max(1, lines) + 8
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if not top:
        ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    wb.save(path)


def soffice_to_pdf(source, target):
    soffice = shutil.which("soffice") or sys.exit("LibreOffice (soffice) is needed")
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf",
                        "--outdir", out, source], check=True, stdout=subprocess.DEVNULL)
        produced = os.path.join(out, os.path.splitext(os.path.basename(source))[0] + ".pdf")
        shutil.move(produced, target)


def chromium_to_pdf(source, target):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or sys.exit("Chromium is needed")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
                        "--no-pdf-header-footer", "--print-to-pdf=" + target, "file://" + source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def weasyprint_to_pdf(source, target):
    weasy = shutil.which("weasyprint") or sys.exit("WeasyPrint is needed")
    subprocess.run([weasy, source, target], check=True, stderr=subprocess.DEVNULL)


def main(only=None):
    """Writes every fixture, or with an argument only those whose name holds it (calc, chromium…)."""
    def wanted(name):
        return only is None or only in name
    with tempfile.TemporaryDirectory() as work:
        for year in ("2022", "2024"):
            rows = table_rows(year)
            base = "guangxi-%s-table" % year
            for name, align in (("word-centred", WD_CELL_VERTICAL_ALIGNMENT.CENTER),
                                ("word-bottom", WD_CELL_VERTICAL_ALIGNMENT.BOTTOM)):
                if not wanted(name):
                    continue
                source = os.path.join(work, "%s-%s.docx" % (base, name))
                write_docx(year, rows, align, source)
                soffice_to_pdf(source, os.path.join(HERE, "%s-%s.pdf" % (base, name)))
            page = os.path.join(work, base + ".html")
            write_html(year, rows, page)
            if wanted("chromium"):
                chromium_to_pdf(page, os.path.join(HERE, base + "-chromium.pdf"))
            if wanted("weasyprint"):
                weasyprint_to_pdf(page, os.path.join(HERE, base + "-weasyprint.pdf"))
            if year == "2024" and wanted("unruled"):
                # No rules at all, cells centred: the rows can only be guessed from word positions.
                bare = os.path.join(work, base + "-unruled.html")
                write_html(year, rows, bare, ruled=False)
                chromium_to_pdf(bare, os.path.join(HERE, base + "-unruled-chromium.pdf"))
            for style, printer, years in (("top", "chromium", ("2022",)), ("separate", "chromium", ("2024",)),
                                          ("separate", "weasyprint", ("2022",)), ("portrait", "weasyprint", ("2022",))):
                name = "%s-%s" % (style, printer)
                if year not in years or not wanted(name):
                    continue
                styled = os.path.join(work, "%s-%s.html" % (base, style))
                write_html(year, rows, styled, style=style)
                (chromium_to_pdf if printer == "chromium" else weasyprint_to_pdf)(styled, os.path.join(HERE, "%s-%s.pdf" % (base, name)))
            if year == "2022" and wanted("word-portrait"):
                source = os.path.join(work, base + "-word-portrait.docx")
                write_docx(year, rows, WD_CELL_VERTICAL_ALIGNMENT.CENTER, source, portrait=True)
                soffice_to_pdf(source, os.path.join(HERE, base + "-word-portrait.pdf"))
            if year == "2024" and wanted("calc-top"):
                sheet = os.path.join(work, base + "-calc-top.xlsx")
                write_xlsx(rows, sheet, top=True)
                soffice_to_pdf(sheet, os.path.join(HERE, base + "-calc-top.pdf"))
            if wanted("calc") and only != "calc-top":
                sheet = os.path.join(work, base + "-calc.xlsx")
                write_xlsx(rows, sheet)
                soffice_to_pdf(sheet, os.path.join(HERE, base + "-calc.pdf"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
