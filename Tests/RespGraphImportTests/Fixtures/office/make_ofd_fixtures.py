#!/usr/bin/env python3
"""Writes the OFD fixtures of respgraph's reader tests with a real OFD writer.

    pip install easyofd==20260427     # brings PyMuPDF, reportlab, fontTools, xmltodict, loguru
    python3 Tests/RespGraphImportTests/Fixtures/office/make_ofd_fixtures.py

easyofd's pdf2ofd turns the PDF fixtures (printed by LibreOffice, see make_office_fixtures.py) into
OFD packages (GB/T 33190: OFD.xml, Doc_0/Document.xml, one Content.xml of TextObjects per page):
the 12-page 2024 Guangxi task table, the county plan and five corpus documents in running text. The
reader must give back the same tasks from them as from the PDFs (and, for the corpus, as from the
text files). (easyofd gives the quote marks and dashes of a line boxes
of their own and the rest of the line one box, so the tests compare OFD texts without them.) The county plan is also written as page images only
(what a scanner's OFD holds), which the reader must refuse saying why. A small table written by hand
in the standard's structure, every character placed on its own, tests joining characters into words.
"""
import html
import os
import subprocess
import tempfile
import zipfile

from easyofd.ofd import OFD

HERE = os.path.dirname(os.path.abspath(__file__))

# Five corpus documents in running text, printed to PDF by LibreOffice first (their PDFs keep every
# glyph; LibreOffice leaves line-end punctuation out of the national pages' PDFs), as corpus-*.ofd.
CORPUS = ["anhui-2021-gyhlw", "baotou-2022-szzf", "shandong-2019-szsd", "shandong-2021-fuwuye", "shandong-2024-sdcy"]
printed = tempfile.mkdtemp()
subprocess.run(["soffice", "--headless", "--convert-to", "pdf:writer_pdf_Export", "--outdir", printed]
               + [os.path.join(HERE, "..", "corpus", n + ".txt") for n in CORPUS], check=True, stdout=subprocess.DEVNULL)
for name in CORPUS:
    os.chdir(tempfile.mkdtemp())
    with open(os.path.join(printed, name + ".pdf"), "rb") as f:
        ofd = OFD().pdf2ofd(f.read(), optional_text=True)
    with open(os.path.join(HERE, "corpus-" + name + ".ofd"), "wb") as f:
        f.write(ofd)
    print("wrote", "corpus-" + name + ".ofd")

for name, out, text in [("guangxi-2024-table", "guangxi-2024-table.ofd", True), ("county-plan", "county-plan.ofd", True),
                        ("county-plan", "county-plan-scanned.ofd", False)]:
    with open(os.path.join(HERE, name + ".pdf"), "rb") as f:
        pdf = f.read()
    # The writer packs the files in a folder ./test of the working directory: one new folder per run.
    os.chdir(tempfile.mkdtemp())
    ofd = OFD().pdf2ofd(pdf, optional_text=text)
    with open(os.path.join(HERE, out), "wb") as f:
        f.write(ofd)
    print("wrote", out)


def per_character_ofd(path):
    """A package written by hand in the standard's structure, every character a text object of its
    own at its exact place (Size 3.5 mm, advance 3.5 mm), page path absolute: a title line and a
    task table of two rows."""
    lines = [
        (20, 20, ["某市2025年政务服务重点任务清单"]),
        (20, 40, ["序号", "重点任务", "牵头单位", "配合单位"]),
        (20, 50, ["1", "推进一件事一次办", "市政务服务中心", "市数据局、市公安局"]),
        (20, 60, ["2", "优化企业开办服务", "市市场监管局", "市税务局"]),
    ]
    columns = [20, 40, 110, 160]
    objects, ident = [], 10
    for _, y, cells in lines:
        starts = [20] if len(cells) == 1 else columns
        for x0, text in zip(starts, cells):
            for i, ch in enumerate(text):
                ident += 1
                objects.append(f'<ofd:TextObject ID="{ident}" Boundary="{x0 + i * 3.5:.2f} {y - 3:.2f} 3.5 4" Font="1" Size="3.5">'
                               f'<ofd:TextCode X="0" Y="3">{html.escape(ch)}</ofd:TextCode></ofd:TextObject>')
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    files = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.0" DocType="OFD"><ofd:DocBody>'
                   '<ofd:DocInfo><ofd:DocID>respgraph-fixture</ofd:DocID></ofd:DocInfo><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot>'
                   '</ofd:DocBody></ofd:OFD>',
        "Doc_0/Document.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID>'
                              '<ofd:PageArea><ofd:PhysicalBox>0 0 297 210</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>'
                              '<ofd:Pages><ofd:Page ID="1" BaseLoc="/Doc_0/Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
        "Doc_0/Pages/Page_0/Content.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content><ofd:Layer ID="2">'
                                          + "".join(objects) + '</ofd:Layer></ofd:Content></ofd:Page>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)


per_character_ofd(os.path.join(HERE, "per-character.ofd"))
print("wrote per-character.ofd")
