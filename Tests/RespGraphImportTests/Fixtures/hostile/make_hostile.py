#!/usr/bin/env python3
"""Hostile and unlucky inputs for respgraph's readers, written into a folder (nothing committed but
this script): what arrives by email or from a website, built to hang, to exhaust memory, to trap or
to be read wrongly without a word. respgraph must answer each within its time and memory limits
with rows or a clear error (exit 0 or 1), never a trap, a kill or a hang.

    python3 make_hostile.py OUTDIR          # writes OUTDIR/NAME.EXT, one file per case

Only the standard library; every case is deterministic.
"""
import os
import sys
import zipfile

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
ROW = "<tr><td>{n}</td><td>推进企业开办全程网办</td><td>自治区市场监管局</td><td>自治区税务局</td></tr>"
HEAD = "<tr><td>序号</td><td>具体任务</td><td>牵头单位</td><td>配合单位</td></tr>"


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def html_page(body):
    return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>某区任务分工</title></head><body>" + body + "</body></html>"


# Web pages.
write("html-nested-tables-10000.html", html_page("<table><tr><td>x</td><td>" * 10000 + "末" + "</td></tr></table>" * 10000))
write("html-nested-tables-100000.html", html_page("<table><tr><td>x</td><td>" * 100000))
write("html-unclosed-divs.html", html_page("<div><span>推进<b>" * 200000))
write("html-span-200.html", html_page("<table>" + HEAD + "".join(
    "<tr>" + "".join(f"<td rowspan='200' colspan='200'>{r}-{c}</td>" for c in range(200)) + "</tr>" for r in range(200)) + "</table>"))
write("html-span-huge.html", html_page("<table>" + HEAD + "<tr><td rowspan='2147483647' colspan='99999999'>1</td></tr></table>"))
write("html-long-paragraph-2mb.html", html_page("<p>" + "推进企业开办全程网办，" * 180000 + "（牵头单位：自治区市场监管局）</p>"))
write("html-entities.html", html_page("<table>" + HEAD + "<tr><td>1</td><td>任务&#0;&#xD800;&#1114112;&#99999999999;</td><td>自治区&#x0;市场监管局</td><td>&amp;&lt;&gt;</td></tr></table>"))
write("html-many-rows.html", html_page("<table>" + HEAD + "".join(ROW.format(n=n) for n in range(1, 20001)) + "</table>"))

# Plain text.
write("text-one-line-8mb.txt", "推进企业开办全程网办，" * 400_000 + "（牵头单位：自治区市场监管局）")
write("text-nul-and-controls.txt", "1.推进\x00企业\x07开办（牵头单位：自治区\x1b市场监管局）\n")
write("text-brackets-200000.txt", "（" * 200000 + "牵头单位：自治区市场监管局" + "）" * 3)
write("text-invalid-utf8.txt", b"1.\xff\xfe\x80\x81 \xe6\x8e\xa8\xe8\xbf\x9b\xef\xbc\x88\xe7\x89\xb5\xe5\xa4\xb4\xe5\x8d\x95\xe4\xbd\x8d\xef\xbc\x9a\xc0\xaf\xef\xbc\x89\n")


def docx(name, document, extra=None):
    with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<?xml version='1.0'?><Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
                   "<Default Extension='xml' ContentType='application/xml'/><Override PartName='/word/document.xml' "
                   "ContentType='application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'/></Types>")
        z.writestr("_rels/.rels", "<?xml version='1.0'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
                   "<Relationship Id='r1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument' Target='word/document.xml'/></Relationships>")
        z.writestr("word/document.xml", document)
        for k, v in (extra or {}).items():
            z.writestr(k, v)


W = "<?xml version='1.0' encoding='UTF-8'?><w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>{}</w:body></w:document>"
P = "<w:p><w:r><w:t>{}</w:t></w:r></w:p>"
docx("docx-nested-tables-10000.docx", W.format("<w:tbl><w:tr><w:tc>" + P.format("x") + "</w:tc><w:tc>" * 1 + "<w:tbl><w:tr><w:tc>" * 10000
                                              + P.format("末") + "</w:tc></w:tr></w:tbl>" * 10000 + "</w:tc></w:tr></w:tbl>"))
docx("docx-deep-elements.docx", W.format("<w:p>" + "<w:r>" * 200000 + "<w:t>推进</w:t>" + "</w:r>" * 200000 + "</w:p>"))
docx("docx-attribute-flood.docx", W.format("<w:p w:rsidR='" + "0" * 30_000_000 + "'>" + P.format("推进") + "</w:p>"))
docx("docx-billion-laughs.docx", "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>" + "".join(
    f"<!ENTITY lol{i} '{('&lol' + str(i - 1) + ';') * 10 if i > 1 else '&lol;' * 10}'>" for i in range(1, 10))
     + "]><w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>" + P.format("&lol9;") + "</w:body></w:document>")
docx("docx-xxe.docx", "<?xml version='1.0'?><!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
     "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>" + P.format("&x;（牵头单位：自治区市场监管局）") + "</w:body></w:document>")
docx("docx-invalid-utf8.docx", W.format(P.format("1.推进XX（牵头单位：自治区市场监管局）")).encode().replace(b"XX", b"\xff\xfe"))
docx("docx-wide-span.docx", W.format("<w:tbl>" + "".join("<w:tr>" + "<w:tc><w:tcPr><w:gridSpan w:val='2147483647'/><w:vMerge w:val='restart'/></w:tcPr>"
                                                       + P.format(str(r)) + "</w:tc>" * 50 + "</w:tr>" for r in range(2000)) + "</w:tbl>"))

# Excel.
def xlsx(name, sheet, shared=None, extra=None):
    with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<?xml version='1.0'?><Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
                   "<Override PartName='/xl/workbook.xml' ContentType='application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'/></Types>")
        z.writestr("_rels/.rels", "<?xml version='1.0'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
                   "<Relationship Id='r1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument' Target='xl/workbook.xml'/></Relationships>")
        z.writestr("xl/workbook.xml", "<?xml version='1.0'?><workbook xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main' "
                   "xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'><sheets><sheet name='任务' sheetId='1' r:id='rId1'/></sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", "<?xml version='1.0'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
                   "<Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet' Target='worksheets/sheet1.xml'/>"
                   "<Relationship Id='rId2' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings' Target='sharedStrings.xml'/></Relationships>")
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)


def sst(strings):
    return "<?xml version='1.0'?><sst xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>" + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>"


def sheet(rows, merges=""):
    body = "".join(f"<row r='{r}'>" + "".join(f"<c r='{c}{r}' t='s'><v>{v}</v></c>" for c, v in cells) + "</row>" for r, cells in rows)
    return ("<?xml version='1.0'?><worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><sheetData>" + body + "</sheetData>"
            + (f"<mergeCells>{merges}</mergeCells>" if merges else "") + "</worksheet>")


head = [("A", 0), ("B", 1), ("C", 2), ("D", 3)]
xlsx("xlsx-one-string-30000-rows.xlsx", sheet([(1, head)] + [(r, [("A", 4), ("B", 5), ("C", 6), ("D", 6)]) for r in range(2, 30002)]),
     sst(["序号", "具体任务", "牵头单位", "配合单位", "1", "推进" * 50000, "自治区市场监管局"]))
xlsx("xlsx-cell-merged-down.xlsx", sheet([(1, head), (2, [("A", 4), ("B", 5), ("C", 6), ("D", 6)])], "<mergeCell ref='B2:B2001'/>"),
     sst(["序号", "具体任务", "牵头单位", "配合单位", "1", "推进" * 500000, "自治区市场监管局"]))
xlsx("xlsx-200-wide-merges.xlsx", sheet([(1, head), (2, [("A", 4), ("B", 5), ("C", 6), ("D", 6)])],
                                        "".join(f"<mergeCell ref='A{r}:XFD{r + 5000}'/>" for r in range(2, 202))),
     sst(["序号", "具体任务", "牵头单位", "配合单位", "1", "推进", "自治区市场监管局"]))
xlsx("xlsx-far-cell.xlsx", sheet([(1, head), (1048576, [("XFD", 5)])]), sst(["序号", "具体任务", "牵头单位", "配合单位", "1", "推进", "自治区市场监管局"]))
xlsx("xlsx-bad-index.xlsx", sheet([(1, head), (2, [("A", 99999999), ("B", -1), ("C", 6)])]), sst(["序号", "具体任务", "牵头单位", "配合单位", "1", "推进", "自治区市场监管局"]))

# A zip whose entry claims a small size and inflates to a lot (a bomb), and a truncated zip.
with zipfile.ZipFile(os.path.join(out, "docx-zip-bomb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", W.format(P.format("0" * 300_000_000)))
data = open(os.path.join(out, "docx-nested-tables-10000.docx"), "rb").read()
write("docx-truncated.docx", data[: len(data) // 2])

# OFD: a text object placed past any page, and deep nesting.
def ofd(name, content):
    with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", "<?xml version='1.0' encoding='UTF-8'?><ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016' Version='1.0'><ofd:DocBody>"
                   "<ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        z.writestr("Doc_0/Document.xml", "<?xml version='1.0' encoding='UTF-8'?><ofd:Document xmlns:ofd='http://www.ofdspec.org/2016'><ofd:CommonData>"
                   "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>"
                   "<ofd:Page ID='1' BaseLoc='Pages/Page_0/Content.xml'/></ofd:Pages></ofd:Document>")
        z.writestr("Doc_0/Pages/Page_0/Content.xml", "<?xml version='1.0' encoding='UTF-8'?><ofd:Page xmlns:ofd='http://www.ofdspec.org/2016'><ofd:Content><ofd:Layer>"
                   + content + "</ofd:Layer></ofd:Content></ofd:Page>")


ofd("ofd-huge-coordinate.ofd", "<ofd:TextObject ID='1' Boundary='1e300 1e300 1e308 1e308' Font='1' Size='3.5'><ofd:TextCode X='1e308' Y='-1e308'>推进（牵头单位：自治区市场监管局）</ofd:TextCode></ofd:TextObject>"
    + "".join(f"<ofd:TextObject ID='{i}' Boundary='{i} 2e9 10 5' Font='1' Size='3.5'><ofd:TextCode X='0' Y='3'>字</ofd:TextCode></ofd:TextObject>" for i in range(2, 2000)))
ofd("ofd-deep-nesting.ofd", "<ofd:PageBlock>" * 100000 + "</ofd:PageBlock>" * 100000)

# PDF: not a PDF past its header, and an encrypted-looking stub.
write("pdf-garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4000)
write("pdf-truncated.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >>")
