#!/usr/bin/python3
"""
Makes test/fixtures/department/department.xlsx: a department's workbook as it
arrives at finance, written by openpyxl and saved by LibreOffice (which
calculates the formulas and stores their results):

- `Social`: a plain sheet with a title, proposals with the department's own
  columns `Konto` and `Bemærkning`, and a bold `I alt Social` row straight
  under them with SUM formulas;
- `Teknik`: an Excel table with the own columns `Konto` and `Frist` (a date),
  whose last row inside the table is a bold `I alt` row with SUM formulas;
- `Scenarier`: the base scenario.

The file is committed, so `npm test` needs neither tool; run this again
(Debian: python3-openpyxl, libreoffice-calc-nogui) to remake it:

    /usr/bin/python3 scripts/make-department-fixtures.py

What it must read as is asserted in test/workbook/department-file.test.ts.
"""
import datetime
import os
import sys
import tempfile

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.table import Table, TableStyleInfo

from fixture_tools import libreoffice

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "department")
YEARS = [2027, 2028, 2029, 2030]
AMOUNTS = [f"Udgift {y}" for y in YEARS]


def sums(ws, row, first, last, first_column):
    """SUM formulas for the amount columns from `first_column` (1-based), over rows first..last."""
    for k in range(len(YEARS)):
        letter = ws.cell(row=1, column=first_column + k).column_letter
        ws.cell(row=row, column=first_column + k, value=f"=SUM({letter}{first}:{letter}{last})")


def social(wb):
    ws = wb.active
    ws.title = "Social"
    ws.append(["Budgetforslag 2027-2030, Social og Sundhed"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append(["Nr", "Titel", "Udvalg", "Art", "Konto", *AMOUNTS, "Bemærkning"])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    ws.append(["SOC-1", "Færre eksterne botilbud", "Social", "Reduktion", "5.38.50", -400000, -800000, -800000, -800000, "Aftalt med MED-udvalget"])
    ws.append(["SOC-2", "Flere hænder i hjemmeplejen i alt 4 stillinger", "Social", "Udvidelse", "5.32.32", 1200000, 1200000, 1200000, 1200000, None])
    ws.append(["SOC-3", "Digital medicinhåndtering", "Social", "Reduktion", 53230, -150000, -300000, -300000, -300000, "Kræver investering i 2027"])
    # The totals row straight under the list, bold, with sums: what departments add.
    ws.append([None, "I alt Social"])
    sums(ws, 7, 4, 6, 6)
    for cell in ws[7]:
        cell.font = Font(bold=True)
    ws.column_dimensions["B"].width = 44


def teknik(wb):
    ws = wb.create_sheet("Teknik")
    ws.append(["Nr", "Titel", "Konto", "Frist", *AMOUNTS])
    ws.append(["TM-1", "Slukket gadelys om natten", "0.28.20", datetime.date(2027, 3, 1), -250000, -250000, -250000, -250000])
    ws.append(["TM-2", "Vintertjeneste efter behov", "0.28.21", datetime.date(2027, 10, 1), -100000, -100000, -100000, -100000])
    ws.append(["I alt", None, None, None])
    sums(ws, 4, 2, 3, 5)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for row in (2, 3):
        ws.cell(row=row, column=4).number_format = "yyyy-mm-dd"
    # The department's table reaches over its totals row (not Excel's own totals row: an ordinary row).
    table = Table(displayName="Teknik_T", ref="A1:H4")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    ws.add_table(table)


def scenarios(wb):
    ws = wb.create_sheet("Scenarier")
    ws.append(["Parameter", "Basis"])
    for y in YEARS:
        ws.append([f"Råderum {y}", 500000])
    ws.add_table(Table(displayName="Scenarier_T", ref=f"A1:B{len(YEARS) + 1}"))


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "department.xlsx")
        wb = Workbook()
        social(wb)
        teknik(wb)
        scenarios(wb)
        wb.save(source)
        libreoffice(source, os.path.join(OUT, "department.xlsx"), "Calc MS Excel 2007 XML")
    print(os.path.join("test", "fixtures", "department", "department.xlsx"), file=sys.stderr)


if __name__ == "__main__":
    main()
