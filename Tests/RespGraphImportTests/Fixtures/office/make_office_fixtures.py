#!/usr/bin/env python3
"""Writes the Word, Excel, PDF and web-page fixtures of respgraph's reader tests with real writers.

    pip install python-docx==1.2.0 openpyxl==3.1.5
    apt-get install libreoffice-writer-nogui fonts-noto-cjk    # for the PDFs (LibreOffice 7.4 here)
    python3 Tests/RespGraphImportTests/Fixtures/office/make_office_fixtures.py

The 2024 Guangxi task table (the table rows of Graphs/guangxi-2024-tasks.csv) is rebuilt as a Word
table (指标 cells merged down with vMerge), an Excel sheet (merged ranges, behind a first sheet that
is not a task table), an HTML table (rowspan) and a PDF of the Word file printed by LibreOffice (the
table runs over a dozen pages, its merged 指标 printed once), so each reader must give back the
curated tasks.
A county plan written with Word's automatic numbering tests numbering.xml. Two hostile archives
(a zip bomb and an XML bomb) test the limits.
"""
import csv
import html
import os
import shutil
import subprocess
import tempfile
import zipfile

import docx
import openpyxl
from docx.oxml.ns import qn

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
HEADER = ["序号", "指标", "改革方向", "具体任务", "完成时限", "牵头单位", "配合单位"]


def table_rows():
    with open(os.path.join(ROOT, "Graphs", "guangxi-2024-tasks.csv"), encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["level"] == "table"]
    return [[r["number"], r["indicator"], r["direction"], r["text"], r["deadline"],
             r["lead"].replace("，", "、"), r["support"].replace("，", "、")] for r in rows]


def runs_of_indicator(rows):
    """(first, last) row index of each run of equal 指标."""
    runs, start = [], 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i][1] != rows[start][1]:
            runs.append((start, i - 1))
            start = i
    return runs


def write_docx(rows):
    d = docx.Document()
    d.add_heading("2024年广西优化营商环境工作要点任务清单", level=1)
    d.add_paragraph("附件")
    t = d.add_table(rows=len(rows) + 1, cols=len(HEADER))
    for j, h in enumerate(HEADER):
        t.cell(0, j).text = h
    for i, r in enumerate(rows, start=1):
        for j, v in enumerate(r):
            if j != 1:
                t.cell(i, j).text = v
    for first, last in runs_of_indicator(rows):
        t.cell(first + 1, 1).text = rows[first][1]
        if last > first:
            t.cell(first + 1, 1).merge(t.cell(last + 1, 1))
    d.save(os.path.join(HERE, "guangxi-2024-table.docx"))


def write_xlsx(rows):
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    notes["A1"] = "本表为2024年广西优化营商环境工作要点任务清单，请在第二张表中填写。"
    ws = wb.create_sheet("任务清单")
    ws.append(HEADER)
    for r in rows:
        ws.append([int(r[0])] + r[1:])
    for first, last in runs_of_indicator(rows):
        if last > first:
            ws.merge_cells(start_row=first + 2, start_column=2, end_row=last + 2, end_column=2)
    wb.save(os.path.join(HERE, "guangxi-2024-table.xlsx"))


def write_html(rows):
    out = ['<!DOCTYPE html>\n<html><head><meta charset="gb2312"><title>任务清单</title></head><body>',
           "<p>2024年广西优化营商环境工作要点任务清单</p>", '<table border="1">',
           "<tr>" + "".join("<th>%s</th>" % h for h in HEADER) + "</tr>"]
    starts = {first: last - first + 1 for first, last in runs_of_indicator(rows)}
    for i, r in enumerate(rows):
        cells = ["<td>%s</td>" % html.escape(r[0])]
        if i in starts:
            cells.append('<td rowspan="%d">%s</td>' % (starts[i], html.escape(r[1])))
        cells += ["<td>%s</td>" % html.escape(v) for v in r[2:]]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table></body></html>\n")
    # GB2312-family bytes, as older government sites serve them.
    with open(os.path.join(HERE, "guangxi-2024-table.html"), "wb") as f:
        f.write("\n".join(out).encode("gb18030"))


def write_county_plan():
    d = docx.Document()
    d.add_paragraph("某县2024年数字政府建设工作要点")
    d.add_paragraph("一、夯实数字基础")
    items = [
        "建设县级政务云平台，推动部门系统迁移上云。（牵头单位：县数据局；配合单位：县财政局、县委网信办）",
        "完善电子政务外网，实现乡镇全覆盖。（县数据局牵头，各乡镇人民政府配合）",
    ]
    for text in items:
        d.add_paragraph(text, style="List Number")
    d.add_paragraph("二、提升服务效能")
    p = d.add_paragraph("推行“一件事一次办”，年底前上线20个主题服务。", style="List Number")
    # Restart the numbering for the second section: a new w:num over the style's abstract list,
    # set on the paragraph itself (the first items take their numbering from the style).
    numbering = d.part.numbering_part.element
    style_num = d.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    new = numbering.add_num(abstract)
    new.add_lvlOverride(ilvl=0).add_startOverride(1)
    num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = new.numId
    d.add_paragraph("牵头单位：县政务服务中心", style="Normal")
    d.add_paragraph("配合单位：县市场监管局、人社局")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "说明"
    t.cell(0, 1).text = "本表不是任务清单"
    t.cell(1, 0).merge(t.cell(1, 1)).text = "合并单元格"
    d.save(os.path.join(HERE, "county-plan.docx"))


def write_multi_paragraph_cells():
    # Agency cells holding one name per paragraph, and role words that repeat the column's role.
    d = docx.Document()
    d.add_paragraph("某市2024年重点任务清单")
    t = d.add_table(rows=3, cols=4)
    for j, h in enumerate(["序号", "重点任务", "牵头单位", "配合单位"]):
        t.cell(0, j).text = h
    t.cell(1, 0).text = "1"
    t.cell(1, 1).text = "建设城市大脑"
    c = t.cell(1, 2)
    c.text = "市数据局"
    c.add_paragraph("市委网信办")
    c = t.cell(1, 3)
    c.text = "市公安局"
    c.add_paragraph("市交通运输局")
    c.add_paragraph("各县（市、区）人民政府")
    t.cell(2, 0).text = "2"
    t.cell(2, 1).text = "推进智慧医疗"
    t.cell(2, 2).text = "市卫健委牵头"
    t.cell(2, 3).text = "市医保局"
    d.save(os.path.join(HERE, "multi-paragraph-cells.docx"))


def write_dated_list():
    # An office's own list: a merged title row above the header, a deadline typed as an Excel date.
    import datetime
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["XX市2024年重点任务清单"])
    ws.merge_cells("A1:E1")
    ws.append(["序号", "任务", "牵头单位", "配合单位", "完成时限"])
    ws.append([1, "推进城市更新", "市住建局", "市自然资源局、市财政局", datetime.date(2024, 12, 31)])
    ws.append([2, "建设智慧停车", "市城管局", "市公安局交警支队", "2024年9月底"])
    wb.save(os.path.join(HERE, "dated-list.xlsx"))


def write_hostile_merges():
    # Merged ranges past the last column respgraph reads and thousands of full-height ranges.
    sheet = ('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c>'
             '<c r="B1" t="inlineStr"><is><t>任务</t></is></c><c r="C1" t="inlineStr"><is><t>牵头单位</t></is></c>'
             '<c r="IW1" t="inlineStr"><is><t>x</t></is></c></row>'
             '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>推进改革</t></is></c>'
             '<c r="C2" t="inlineStr"><is><t>县发改局</t></is></c></row></sheetData><mergeCells>'
             '<mergeCell ref="IW1:IX2"/>' + '<mergeCell ref="C2:C1048576"/>' * 3000 + '</mergeCells></worksheet>')
    with zipfile.ZipFile(os.path.join(HERE, "hostile-merges.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def write_bombs():
    # An entry that claims 1 KB but inflates to 100 MB of zeros.
    with zipfile.ZipFile(os.path.join(HERE, "zip-bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (100 << 20))
    # A billion-laughs document type in word/document.xml.
    laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        '<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10) for i in range(1, 10)) + \
        ']><w:document><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    with zipfile.ZipFile(os.path.join(HERE, "xml-bomb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", laughs)


def write_pdfs():
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed for the PDFs")
    for name in ["guangxi-2024-table.docx", "county-plan.docx"]:
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", HERE, os.path.join(HERE, name)],
                       check=True, stdout=subprocess.DEVNULL)


def write_revisions_and_text_box():
    """A district plan as offices circulate drafts: the title in a text box (Word writes it twice, as
    mc:Choice and as the VML mc:Fallback), a tracked insertion and deletion (w:ins, w:del) and text moved
    from one item to another (w:moveFrom, w:moveTo). python-docx writes the document; the revision and
    text-box markup is added as Word writes it (ECMA-376 part 1, 17.13.5 revisions; mc:AlternateContent)."""
    from docx.oxml import parse_xml
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    rev = 'w:author="审核人" w:date="2025-03-01T09:00:00Z"'
    d = docx.Document()
    title_box = d.add_paragraph()
    title_box._p.append(parse_xml(
        '<w:r %s><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
        '<w:p><w:r><w:t>某区2025年优化营商环境重点任务</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing>'
        '</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>某区2025年优化营商环境重点任务</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r>' % ns))
    d.add_paragraph("一、提升政务服务效能")
    first = d.add_paragraph("（一）推行企业开办")
    for xml in ['<w:del w:id="1" %s %s><w:r><w:delText>三日</w:delText></w:r></w:del>' % (ns, rev),
                '<w:ins w:id="2" %s %s><w:r><w:t>一日</w:t></w:r></w:ins>' % (ns, rev),
                '<w:r %s><w:t>办结。（牵头单位：区市场监管局；配合单位：区税务局、</w:t></w:r>' % ns,
                '<w:moveFrom w:id="3" %s %s><w:r><w:t>区医保局、</w:t></w:r></w:moveFrom>' % (ns, rev),
                '<w:r %s><w:t>区人社局）</w:t></w:r>' % ns]:
        first._p.append(parse_xml(xml))
    second = d.add_paragraph("（二）建设综合窗口。（牵头单位：区政务服务中心；配合单位：")
    for xml in ['<w:moveTo w:id="4" %s %s><w:r><w:t>区医保局、</w:t></w:r></w:moveTo>' % (ns, rev),
                '<w:r %s><w:t>各街道办事处）</w:t></w:r>' % ns]:
        second._p.append(parse_xml(xml))
    # A text box anchored in the middle of an item: the item's text goes on around it.
    third = d.add_paragraph("（三）推进“一网通办”")
    third._p.append(parse_xml(
        '<w:r %s><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
        '<w:p><w:r><w:t>图1 办事流程</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>图1 办事流程</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>' % ns))
    third._p.append(parse_xml('<w:r %s><w:t>。（牵头单位：区数据局）</w:t></w:r>' % ns))
    d.save(os.path.join(HERE, "tracked-changes.docx"))


def write_running_heads():
    """A five-page city plan with a running head and foot on every page (its title, a 内部资料 notice)
    and items running over page breaks, in Word and printed to PDF by LibreOffice: the PDF must give
    the Word file's tasks, its heads and feet left out of the items they interrupt. The Guangxi table
    printed with a running head and foot must give the curated tasks."""
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "某市2025年优化营商环境重点任务分工"
    section.footer.paragraphs[0].text = "内部资料 注意保存"
    d.add_paragraph("某市2025年优化营商环境重点任务分工")
    d.add_paragraph("一、提升政务服务效能")
    for k in range(1, 31):
        d.add_paragraph("（%s）推进第%d项改革，" % ("十一二三四五六七八九"[k % 10], k)
                        + "持续深化“放管服”改革，优化审批流程，压缩办理时限，提升群众和企业满意度，" * 4
                        + "确保年底前全面完成。（牵头单位：市政务服务局；配合单位：市发展改革委、市司法局）")
    d.save(os.path.join(HERE, "running-heads.docx"))
    subprocess.run([shutil.which("soffice"), "--headless", "--convert-to", "pdf", "--outdir", HERE,
                    os.path.join(HERE, "running-heads.docx")], check=True, stdout=subprocess.DEVNULL)
    # The Guangxi table with a running head and foot: they must not land in the rows they cross.
    table = docx.Document(os.path.join(HERE, "guangxi-2024-table.docx"))
    table.sections[0].header.paragraphs[0].text = "广西壮族自治区2024年优化营商环境重点任务"
    table.sections[0].footer.paragraphs[0].text = "内部资料 注意保存"
    folder = tempfile.mkdtemp()
    table.save(os.path.join(folder, "guangxi-2024-table-running-heads.docx"))
    subprocess.run([shutil.which("soffice"), "--headless", "--convert-to", "pdf", "--outdir", HERE,
                    os.path.join(folder, "guangxi-2024-table-running-heads.docx")], check=True, stdout=subprocess.DEVNULL)


def write_two_row_header():
    """A county task list whose header has two rows (责任单位 over 牵头单位 | 配合单位), its cells
    wrapping in narrow columns, in Word and printed to PDF by LibreOffice: the PDF must give the Word
    file's tasks."""
    d = docx.Document()
    d.add_paragraph("某县2025年营商环境重点任务清单")
    t = d.add_table(rows=2, cols=5)
    t.style = "Table Grid"
    for i, word in [(0, "序号"), (1, "重点任务"), (2, "责任单位"), (4, "完成时限")]:
        t.cell(0, i).text = word
    t.cell(0, 2).merge(t.cell(0, 3))
    for i in [0, 1, 4]:
        t.cell(0, i).merge(t.cell(1, i))
    t.cell(1, 2).text = "牵头单位"
    t.cell(1, 3).text = "配合单位"
    for k in range(1, 13):
        r = t.add_row().cells
        r[0].text, r[1].text = str(k), "推进第%d项重点改革任务，优化办事流程，压缩办理时限" % k
        r[2].text, r[3].text, r[4].text = "县政务服务中心", "县发展改革局、县司法局", "2025年12月底"
    d.save(os.path.join(HERE, "two-row-header.docx"))
    subprocess.run([shutil.which("soffice"), "--headless", "--convert-to", "pdf", "--outdir", HERE,
                    os.path.join(HERE, "two-row-header.docx")], check=True, stdout=subprocess.DEVNULL)


def write_workbooks_of_several_sheets():
    """Workbooks of several task sheets: one sheet per category behind a 说明 sheet (every sheet is
    read, its name the category of its rows); the same two categories followed by a 汇总 sheet that
    repeats them (read once); a task sheet beside a hidden old version of it (not read)."""
    def task_sheet(wb, name, items):
        ws = wb.create_sheet(name)
        ws.append(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])
        for k, (text, lead) in enumerate(items, 1):
            ws.append([k, text, lead, "县财政局", "2025年底"])
    business = [("推行企业开办一日办结", "县市场监管局"), ("压缩工程建设项目审批时限", "县住房城乡建设局")]
    digital = [("建设县级政务云平台", "县数据局"), ("推进政务服务一网通办", "县政务服务中心")]
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["某县2025年重点任务分工，分营商环境、数字政府两张清单"])
    task_sheet(wb, "营商环境", business)
    task_sheet(wb, "数字政府", digital)
    wb.save(os.path.join(HERE, "several-sheets.xlsx"))
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    task_sheet(wb, "营商环境", business)
    task_sheet(wb, "数字政府", digital)
    task_sheet(wb, "汇总", business + digital)
    wb.save(os.path.join(HERE, "summary-sheet.xlsx"))
    # A visible task sheet and a hidden old version of it (Excel does not show it; it is not read).
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    task_sheet(wb, "任务清单", business)
    task_sheet(wb, "旧版", [("推行企业开办三日办结", "县市场监管局")])
    wb["旧版"].sheet_state = "hidden"
    wb.save(os.path.join(HERE, "hidden-sheet.xlsx"))


def write_legacy():
    """Old binary formats, as LibreOffice saves them: Word 97 (.doc), Excel 97 (.xls) and RTF. WPS
    Office saves .wps/.et in the same compound-file format with the same streams, so the .wps and .et
    fixtures are those files under WPS names: they test that respgraph goes by content, not by name."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed for the old formats")
    for name, target in [("county-plan.docx", "doc"), ("county-plan.docx", "rtf"), ("guangxi-2024-table.xlsx", "xls")]:
        subprocess.run([soffice, "--headless", "--convert-to", target, "--outdir", HERE, os.path.join(HERE, name)],
                       check=True, stdout=subprocess.DEVNULL)
    shutil.copyfile(os.path.join(HERE, "county-plan.doc"), os.path.join(HERE, "county-plan-wps.wps"))
    shutil.copyfile(os.path.join(HERE, "guangxi-2024-table.xls"), os.path.join(HERE, "guangxi-2024-table-wps.et"))


if __name__ == "__main__":
    rows = table_rows()
    write_docx(rows)
    write_xlsx(rows)
    write_html(rows)
    write_county_plan()
    write_multi_paragraph_cells()
    write_dated_list()
    write_hostile_merges()
    write_bombs()
    write_pdfs()
    write_legacy()
    write_revisions_and_text_box()
    write_running_heads()
    write_two_row_header()
    write_workbooks_of_several_sheets()
    print("wrote %d table rows in docx, xlsx and html, county-plan.docx and .pdf, multi-paragraph-cells.docx, dated-list.xlsx, hostile-merges.xlsx, zip-bomb.xlsx, xml-bomb.docx, .doc/.rtf/.xls/.wps/.et copies, tracked-changes.docx, running-heads.docx and .pdf, guangxi-2024-table-running-heads.pdf, two-row-header.docx and .pdf, several-sheets.xlsx, summary-sheet.xlsx, hidden-sheet.xlsx" % len(rows))
