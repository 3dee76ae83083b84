#!/usr/bin/python3
"""
Makes the real-tool fixtures in test/fixtures/real/: workbooks written by
Python's openpyxl and saved by LibreOffice, the way departments' files arrive.
The files are committed, so `npm test` needs neither tool; run this again
(Debian: python3-openpyxl, libreoffice-calc-nogui) to remake them:

    /usr/bin/python3 scripts/make-real-fixtures.py

Each file's expected figures are asserted in test/cli/real-files.test.ts.
"""
import os
import sys
import tempfile

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.worksheet.table import Table, TableStyleInfo

from fixture_tools import libreoffice

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "real")
YEARS = [2027, 2028]


def scenario_sheet(wb, table=True):
    ws = wb.create_sheet("Scenarier")
    ws.append(["Parameter", "Basis"])
    ws.append(["Råderum 2027", 100000])
    ws.append(["Råderum 2028", 100000])
    if table:
        # No style on purpose: LibreOffice then writes a table without tableStyleInfo.
        ws.add_table(Table(displayName="Scenarier_T", ref="A1:B3"))
    return ws


def proposals(ws, rows, table_name=None, style=True):
    ws.append(["Nr", "Titel", "Art", "Udgift 2027", "Udgift 2028"])
    for row in rows:
        ws.append(row)
    if table_name:
        table = Table(displayName=table_name, ref=f"A1:E{len(rows) + 1}")
        if style:
            table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
        ws.add_table(table)


def openpyxl_tables(path):
    """Tables, a comment, absolute part paths (openpyxl's own way of writing)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Forslag"
    proposals(
        ws,
        [["A1", "Mentorer", "Reduktion", -100000, -120000], ["A2", "Flere hænder", "Udvidelse", 50000, 60000]],
        "Forslag_T",
    )
    ws["B2"].comment = Comment("Aftalt med udvalget", "Økonomi")
    ws["D2"].number_format = "#,##0"
    scenario_sheet(wb)
    wb.save(path)


def openpyxl_chart(path):
    """A chart beside the list: ExcelJS cannot carry it into the copy (a warning says so)."""
    from openpyxl.chart import BarChart, Reference

    wb = Workbook()
    ws = wb.active
    ws.title = "Forslag"
    proposals(ws, [["A1", "Mentorer", "Reduktion", -100000, -120000]], "Forslag_T")
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=4, max_col=5, min_row=1, max_row=2), titles_from_data=True)
    ws.add_chart(chart, "G2")
    scenario_sheet(wb)
    wb.save(path)


def openpyxl_formulas(path):
    """Formulas openpyxl writes without a stored result: nobody has calculated them."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Forslag"
    proposals(
        ws,
        [["A1", "Mentorer", "Reduktion", -100000, "=D2*2"], ["A2", "Flere hænder", "Udvidelse", "=25000*2", 60000]],
        "Forslag_T",
    )
    scenario_sheet(wb)
    wb.save(path)


def merged(path):
    """A title merged across the amount columns, and one amount merged over two years."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Forslag"
    proposals(
        ws,
        [
            ["A1", "Mentorer", "Reduktion", -100000, None],
            ["A2", "En titel så lang at den er flettet hen over beløbene", "Udvidelse", None, None],
            ["A3", "Fast beløb", "Udvidelse", 30000, 30000],
        ],
        "Forslag_T",
    )
    ws.merge_cells("D2:E2")  # -100000 stands in D2 only: 2027
    ws.merge_cells("B3:E3")  # the title covers D3:E3, which hold nothing
    scenario_sheet(wb)
    wb.save(path)



def libreoffice_source(path):
    """The source for LibreOffice: formulas it will calculate, one of them an error, tables without style."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Forslag"
    proposals(
        ws,
        [["A1", "Mentorer", "Reduktion", -100000, "=D2*2"], ["A2", "Flere hænder", "Udvidelse", 50000, 60000]],
        "Forslag_T",
        style=False,
    )
    scenario_sheet(wb)
    wb.save(path)


def libreoffice_error_source(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Forslag"
    proposals(ws, [["A1", "Mentorer", "Reduktion", -100000, "=D2/0"]])
    scenario_sheet(wb, table=False)
    wb.save(path)


def main():
    os.makedirs(OUT, exist_ok=True)
    openpyxl_tables(os.path.join(OUT, "openpyxl-tables.xlsx"))
    openpyxl_formulas(os.path.join(OUT, "openpyxl-formulas.xlsx"))
    openpyxl_chart(os.path.join(OUT, "openpyxl-chart.xlsx"))
    merged(os.path.join(OUT, "openpyxl-merged.xlsx"))
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "libreoffice.xlsx")
        libreoffice_source(source)
        libreoffice(source, os.path.join(OUT, "libreoffice-tables.xlsx"), "Calc MS Excel 2007 XML")
        libreoffice(source, os.path.join(OUT, "libreoffice-macro.xlsm"), "Calc MS Excel 2007 VBA XML")
        # Other formats, refused with a message that says what to do.
        libreoffice(source, os.path.join(OUT, "libreoffice.ods"), "calc8")
        libreoffice(source, os.path.join(OUT, "libreoffice.xls"), "MS Excel 97")
        error_source = os.path.join(tmp, "error.xlsx")
        libreoffice_error_source(error_source)
        libreoffice(error_source, os.path.join(OUT, "libreoffice-div0.xlsx"), "Calc MS Excel 2007 XML")
    for name in sorted(os.listdir(OUT)):
        print(os.path.join("test", "fixtures", "real", name), file=sys.stderr)


if __name__ == "__main__":
    main()
