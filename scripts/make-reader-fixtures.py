#!/usr/bin/python3
"""
Makes the direct reader's fixtures in test/fixtures/readers/: one workbook as
different tools save it, so test/xlsx/sheet-reader.test.ts can hold
src/xlsx/sheet-reader.ts to what Excel shows for each.

- openpyxl.xlsx: as openpyxl writes it (formulas without stored results, tables
  behind absolute targets `/xl/tables/table1.xml`), with its theme part taken out.
- libreoffice.xlsx: the same file opened, calculated and saved by LibreOffice
  (results stored, `<f aca="false">`, shared formulas where it writes them).
- libreoffice-1904.xlsx: a 1904 workbook saved by LibreOffice (`date1904="true"`).
- google-like.xlsx: libreoffice.xlsx rewritten by hand the way Google Sheets and
  OpenXML SDK tools write packages: absolute part paths, SpreadsheetML under an
  `x:` prefix, a table behind an odd relative path, inline and rich text with
  phonetic runs, shared formulas, a text formula whose result is "" (`t="str"`,
  empty `<v/>`), a cell without `r`, no theme and no docProps.

The files are committed, so `npm test` needs neither tool; run this again
(Debian: python3-openpyxl, libreoffice-calc-nogui):

    /usr/bin/python3 scripts/make-reader-fixtures.py
"""
import datetime
import os
import re
import sys
import tempfile
import zipfile

from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.table import Table, TableStyleInfo

from fixture_tools import libreoffice

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "readers")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def source(path):
    """The workbook every fixture is made from (test/xlsx/sheet-reader.test.ts spells out its cells)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Forslag"
    ws.append(["Nr", "Titel", "Art", "Udgift 2027", "Udgift 2028", "I alt"])
    ws.append(["A1", "Skolebus", "Reduktion", -100000, -120000, "=D2+E2"])
    ws.append(["A2", "Mere rengøring", "Udvidelse", 50000, 50000, "=D3+E3"])
    ws.append(["A3", "Flettet titel", None, 0, 0, "=D4+E4"])
    ws.merge_cells("B4:C4")
    table = Table(displayName="Forslag_T", ref="A1:F4")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ws.add_table(table)

    notes = wb.create_sheet("Noter")
    notes["B2"] = "Dato"
    notes["C2"] = datetime.date(2026, 2, 1)
    notes["C2"].number_format = "yyyy-mm-dd"
    notes["D2"] = datetime.time(12, 0)
    notes["D2"].number_format = "hh:mm:ss"
    notes["E2"] = 46054
    notes["E2"].number_format = "mm-dd-yy"
    notes["B3"] = "Fejl"
    notes["C3"] = "=1/0"
    notes["D3"] = "=NA()"
    notes["B4"] = "Sandt/falsk"
    notes["C4"] = True
    notes["D4"] = False
    notes["B5"] = "Tekst"
    notes["C5"] = "007"
    notes["C5"].number_format = "@"
    notes["D5"] = '=""'
    notes["B6"] = "Flettet"
    notes["C6"] = "over to"
    notes.merge_cells("C6:D7")

    hidden = wb.create_sheet("Skjult")
    hidden["A1"] = "skjult, men læst"
    hidden.sheet_state = "hidden"

    wb.create_chartsheet("Diagram")
    wb.save(path)


def date1904(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Mac"
    wb.epoch = CALENDAR_MAC_1904
    ws["A1"] = "Dato"
    ws["B1"] = datetime.date(2026, 2, 1)
    ws["B1"].number_format = "yyyy-mm-dd"
    ws["A2"] = "Tal"
    ws["B2"] = "=1+1"
    wb.save(path)



def rewrite(src, target, change):
    """Copies a package, passing each part's name and text through change(name, text) -> (name, text) or None."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            text = data.decode("utf-8") if info.filename.endswith((".xml", ".rels")) else None
            result = change(info.filename, text if text is not None else data)
            if result is None:
                continue
            name, content = result
            zout.writestr(name, content)


def without_theme(name, text):
    if name.startswith("xl/theme/"):
        return None
    if name == "xl/_rels/workbook.xml.rels":
        text = re.sub(r"<Relationship [^>]*theme[^>]*/>", "", text)
    if name == "[Content_Types].xml":
        text = re.sub(r"<Override [^>]*theme[^>]*/>", "", text)
    return name, text


def prefixed(text):
    """SpreadsheetML under the x: prefix, as OpenXML SDK tools write it."""
    text = re.sub(r"<(/?)([A-Za-z][\w]*)([\s/>])", r"<\1x:\2\3", text)
    return text.replace(f'xmlns="{MAIN}"', f'xmlns:x="{MAIN}"')


def google_like(name, text):
    if name.startswith("xl/theme/") or name.startswith("docProps/"):
        return None
    if name == "_rels/.rels":
        text = re.sub(r"<Relationship [^>]*docProps[^>]*/>", "", text)
        return name, text.replace('Target="xl/workbook.xml"', 'Target="/xl/workbook.xml"')
    if name == "[Content_Types].xml":
        text = re.sub(r"<Override [^>]*(theme|docProps)[^>]*/>", "", text)
        return name, text.replace("/xl/tables/table1.xml", "/xl/tables/Forslag%20tabel.xml")
    if name == "xl/_rels/workbook.xml.rels":
        text = re.sub(r"<Relationship [^>]*theme[^>]*/>", "", text)
        return name, re.sub(r'Target="(?!/)', 'Target="/xl/', text)
    if name == "xl/worksheets/_rels/sheet1.xml.rels":
        return name, re.sub(r'Target="[^"]*table1\.xml"', 'Target="./../tables/../tables/Forslag%20tabel.xml"', text)
    if name == "xl/tables/table1.xml":
        # Excel's default header row, left out.
        return "xl/tables/Forslag tabel.xml", prefixed(re.sub(r'\sheaderRowCount="1"', "", text))
    if name == "xl/sharedStrings.xml":
        # "Mere rengøring" as rich text with a phonetic run that is no text.
        text = text.replace(
            "<si><t xml:space=\"preserve\">Mere rengøring</t></si>",
            '<si><r><t xml:space="preserve">Mere </t></r><r><rPr><b/></rPr><t>rengøring</t></r><rPh sb="0" eb="1"><t>モア</t></rPh></si>',
        )
        return name, prefixed(text)
    if name == "xl/worksheets/sheet1.xml":
        # B2 as an inline string; F3:F4 as a shared formula; no r on E4.
        text = re.sub(r'<c r="B2"([^>]*?) t="s"><v>\d+</v></c>', r'<c r="B2"\1 t="inlineStr"><is><t>Skolebus</t></is></c>', text)
        text = re.sub(r'<c r="F3"([^>]*)><f[^>]*>[^<]*</f>', r'<c r="F3"\1><f t="shared" ref="F3:F4" si="0">D3+E3</f>', text)
        text = re.sub(r'<c r="F4"([^>]*)><f[^>]*>[^<]*</f>', r'<c r="F4"\1><f t="shared" si="0"/>', text)
        text = re.sub(r'<c r="E4"', "<c", text)
        return name, prefixed(text)
    if name == "xl/worksheets/sheet2.xml":
        # D5 (="") as Google Sheets stores it: a text result with an empty value.
        text = re.sub(r'<c r="D5"([^>]*?)( t="\w+")?>.*?</c>', r'<c r="D5"\1 t="str"><f>""</f><v></v></c>', text)
        return name, prefixed(text)
    if name.startswith("xl/") and name.endswith(".xml") and isinstance(text, str):
        return name, prefixed(text)
    return name, text


def main():
    os.makedirs(OUT, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        original = os.path.join(tmp, "openpyxl.xlsx")
        source(original)
        rewrite(original, os.path.join(OUT, "openpyxl.xlsx"), without_theme)
        made.append("openpyxl.xlsx")
        libreoffice(original, os.path.join(OUT, "libreoffice.xlsx"))
        made.append("libreoffice.xlsx")
        mac = os.path.join(tmp, "libreoffice-1904.xlsx")
        date1904(mac)
        libreoffice(mac, os.path.join(OUT, "libreoffice-1904.xlsx"))
        made.append("libreoffice-1904.xlsx")
        rewrite(os.path.join(OUT, "libreoffice.xlsx"), os.path.join(OUT, "google-like.xlsx"), google_like)
        made.append("google-like.xlsx")
    for name in made:
        print(os.path.join("test", "fixtures", "readers", name), file=sys.stderr)


if __name__ == "__main__":
    main()
