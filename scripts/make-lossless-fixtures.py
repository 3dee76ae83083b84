#!/usr/bin/python3
"""Workbooks that carry what a lossless copy must keep (test/fixtures/lossless).

Run with Debian's python3-openpyxl and python3-pil, and LibreOffice (soffice):
    /usr/bin/python3 scripts/make-lossless-fixtures.py

From the committed sample (assets/sample/raaderum-eksempel.xlsx), openpyxl adds
a chart, an image, data validation, a defined name, a comment and a user's
table. openpyxl cannot make a pivot table, so a minimal pivot cache and pivot
table (and a custom XML part) are written into the package by hand. The .xlsm
gets a vbaProject.bin: no tool here writes VBA, so it is a stand-in blob (its
bytes are what the test compares, not a macro that runs). The LibreOffice file
is rich.xlsx re-saved by `soffice --headless --convert-to xlsx`.
"""
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

from openpyxl import load_workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from PIL import Image as PilImage

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "assets", "sample", "raaderum-eksempel.xlsx")
OUT = os.path.join(ROOT, "test", "fixtures", "lossless")
FIXED_TIME = (2026, 11, 23, 12, 0, 0)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

PIVOT_CACHE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="{MAIN}" xmlns:r="{REL}" r:id="rId1" refreshOnLoad="1" recordCount="3" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3"><cacheSource type="worksheet"><worksheetSource ref="A1:B4" sheet="Diagram"/></cacheSource><cacheFields count="2"><cacheField name="Udvalg" numFmtId="0"><sharedItems count="3"><s v="Børn"/><s v="Ældre"/><s v="Teknik"/></sharedItems></cacheField><cacheField name="Beløb" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="-300" maxValue="500"/></cacheField></cacheFields></pivotCacheDefinition>"""

PIVOT_RECORDS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheRecords xmlns="{MAIN}" xmlns:r="{REL}" count="3"><r><x v="0"/><n v="500"/></r><r><x v="1"/><n v="-300"/></r><r><x v="2"/><n v="120"/></r></pivotCacheRecords>"""

PIVOT_TABLE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotTableDefinition xmlns="{MAIN}" name="Pivot_Udvalg" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Værdier" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1"><location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum af Beløb" fld="1" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>"""

CUSTOM_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<budget xmlns="urn:example:raaderum-fixture"><afdeling>Økonomi &amp; Styring</afdeling></budget>"""

CT = {
    "pivotCache": "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
    "pivotRecords": "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
    "pivotTable": "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
    "macroWorkbook": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "workbook": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}


def rels(items):
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'
    )


def png_bytes():
    image = PilImage.new("RGB", (40, 20), (30, 110, 180))
    for x in range(40):
        image.putpixel((x, 10), (250, 200, 0))
    data = io.BytesIO()
    image.save(data, format="PNG")
    return data.getvalue()


def with_openpyxl(target):
    wb = load_workbook(SAMPLE)
    data = wb.create_sheet("Diagram")
    data.append(["Udvalg", "Beløb"])
    for row in [["Børn", 500], ["Ældre", -300], ["Teknik", 120]]:
        data.append(row)
    table = Table(displayName="Brugerdata", ref="A1:B4")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    data.add_table(table)
    bar = BarChart()
    bar.title = "Beløb pr. udvalg"
    bar.add_data(Reference(data, min_col=2, min_row=1, max_row=4), titles_from_data=True)
    bar.set_categories(Reference(data, min_col=1, min_row=2, max_row=4))
    data.add_chart(bar, "D2")
    line = LineChart()
    line.add_data(Reference(data, min_col=2, min_row=1, max_row=4), titles_from_data=True)
    data.add_chart(line, "D18")
    data.add_image(Image(io.BytesIO(png_bytes())), "L2")
    data["A6"] = "Note"
    data["A6"].comment = Comment("Tallene er fra budgetseminaret.", "Økonomi")
    choice = DataValidation(type="list", formula1='"Ja,Nej"', allow_blank=True)
    data.add_data_validation(choice)
    choice.add("C2:C4")
    wb.defined_names.append(DefinedName("Budgetramme", attr_text="Diagram!$B$2:$B$4"))
    pivot = wb.create_sheet("Pivot")
    pivot["A1"] = "Pivottabel (skrevet i hånden af scriptet)"
    for r, row in enumerate([["Rækkenavne", "Sum af Beløb"], ["Børn", 500], ["Ældre", -300], ["Teknik", 120], ["Hovedtotal", 320]]):
        for c, value in enumerate(row):
            pivot.cell(row=3 + r, column=1 + c, value=value)
    wb.save(target)
    return [ws.title for ws in wb.worksheets].index("Pivot") + 1


def rewrite(source, target, edit):
    """Copies a zip, letting `edit(parts)` change a dict name -> bytes; fixed timestamps for stable files."""
    with zipfile.ZipFile(source) as z:
        parts = {info.filename: z.read(info) for info in z.infolist() if not info.is_dir()}
    edit(parts)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts, key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name])


def add_to_end(xml, closing, text):
    at = xml.rindex(closing)
    return xml[:at] + text + xml[at:]


def add_pivot_and_custom_xml(pivot_sheet):
    def edit(parts):
        parts["xl/pivotCache/pivotCacheDefinition1.xml"] = PIVOT_CACHE.encode()
        parts["xl/pivotCache/pivotCacheRecords1.xml"] = PIVOT_RECORDS.encode()
        parts["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels"] = rels(
            [("rId1", f"{REL}/pivotCacheRecords", "pivotCacheRecords1.xml")]
        ).encode()
        parts["xl/pivotTables/pivotTable1.xml"] = PIVOT_TABLE.encode()
        parts["xl/pivotTables/_rels/pivotTable1.xml.rels"] = rels(
            [("rId1", f"{REL}/pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml")]
        ).encode()
        sheet_rels = f"xl/worksheets/_rels/sheet{pivot_sheet}.xml.rels"
        assert sheet_rels not in parts, "the pivot sheet is expected to have no relationships yet"
        parts[sheet_rels] = rels([("rId1", f"{REL}/pivotTable", "../pivotTables/pivotTable1.xml")]).encode()
        parts["customXml/item1.xml"] = CUSTOM_XML.encode()
        wb_rels = parts["xl/_rels/workbook.xml.rels"].decode()
        wb_rels = add_to_end(
            wb_rels,
            "</Relationships>",
            f'<Relationship Id="rIdPivot1" Type="{REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>'
            f'<Relationship Id="rIdCustom1" Type="{REL}/customXml" Target="../customXml/item1.xml"/>',
        )
        parts["xl/_rels/workbook.xml.rels"] = wb_rels.encode()
        wb = parts["xl/workbook.xml"].decode()
        caches = f'<pivotCaches><pivotCache xmlns:r="{REL}" cacheId="1" r:id="rIdPivot1"/></pivotCaches>'
        anchor = "</calcPr>" if "</calcPr>" in wb else ("/>" if "<calcPr" in wb else "</definedNames>")
        if anchor == "/>":
            at = wb.index("/>", wb.index("<calcPr")) + 2
        else:
            at = wb.index(anchor) + len(anchor)
        parts["xl/workbook.xml"] = (wb[:at] + caches + wb[at:]).encode()
        ct = parts["[Content_Types].xml"].decode()
        ct = add_to_end(
            ct,
            "</Types>",
            f'<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="{CT["pivotCache"]}"/>'
            f'<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="{CT["pivotRecords"]}"/>'
            f'<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="{CT["pivotTable"]}"/>',
        )
        parts["[Content_Types].xml"] = ct.encode()

    return edit


def add_vba(parts):
    # A stand-in for a VBA project: no tool here writes one. What matters is that its bytes come back.
    parts["xl/vbaProject.bin"] = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(range(256)) * 4
    ct = parts["[Content_Types].xml"].decode().replace(CT["workbook"], CT["macroWorkbook"])
    if 'Extension="bin"' not in ct:
        ct = add_to_end(ct, "</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>')
    parts["[Content_Types].xml"] = ct.encode()
    wb_rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = add_to_end(
        wb_rels,
        "</Relationships>",
        '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>',
    ).encode()


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        plain = os.path.join(tmp, "plain.xlsx")
        pivot_sheet = with_openpyxl(plain)
        rich = os.path.join(OUT, "rich.xlsx")
        rewrite(plain, rich, add_pivot_and_custom_xml(pivot_sheet))
        rewrite(rich, os.path.join(OUT, "rich.xlsm"), add_vba)
        # LibreOffice re-saves the rich workbook as it writes packages (its own part names, no theme).
        profile = "file://" + os.path.join(tmp, "profile")
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx", "--outdir", tmp, rich],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=180,
        )
        shutil.copyfile(os.path.join(tmp, "rich.xlsx"), os.path.join(OUT, "libreoffice.xlsx"))
    for name in sorted(os.listdir(OUT)):
        sys.stderr.write(f"wrote {os.path.join(OUT, name)}\n")


if __name__ == "__main__":
    main()
